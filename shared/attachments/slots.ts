// Material slots: what an attachment proves, named after the notice's materials list (M-1 … M-12).
//
// A slot is `M-<n>/<kind>` or `M-<n>/<kind>/<qualifier>`: the qualifier is a year for yearly proofs
// (M-5 pension, M-7 continuing education, M-9 assessment) and a page tag for the four pages a paper scan
// must show (M-10: cover, ISSN/CN page, table of contents, article). Which record a proof belongs to (this
// diploma, this paper) is not part of the slot: it is the link's `recordId`, so that one column carries it,
// with a foreign key, and the vocabulary of slots stays small enough for the materials view to enumerate.
// docs/attachments.md lists the scheme.
import { z } from 'zod';
import type { RecordKind } from '../archive/schema.js';

export const PAPER_PAGE_TAGS = ['cover', 'issn', 'toc', 'article'] as const;
export type PaperPageTag = (typeof PAPER_PAGE_TAGS)[number];

type Text = { zh: string; en: string };

export interface SlotKind {
  material: `M-${number}`;
  kind: string;
  label: Text;
  /** What follows the kind: nothing, a year (2018), or one of the paper's page tags. */
  qualifier?: 'year' | 'paperPage';
  /** The record kinds a link with this slot may name; a link may also name no record. */
  records?: readonly RecordKind[];
}

export const SLOT_KINDS = [
  { material: 'M-1', kind: 'form', label: { zh: '专业技术资格评审表', en: 'Evaluation form (F-1)' } },
  { material: 'M-2', kind: 'pledge', label: { zh: '评审材料真实性保证书', en: 'Truthfulness pledge' } },
  { material: 'M-3', kind: 'publicity', label: { zh: '申报材料公示确认表', en: 'Publicity confirmation' } },
  { material: 'M-4', kind: 'id-card', label: { zh: '身份证', en: 'Resident ID card' } },
  { material: 'M-4', kind: 'photo', label: { zh: '证件照', en: 'ID photo' } },
  { material: 'M-4', kind: 'diploma', label: { zh: '毕业证书', en: 'Diploma' }, records: ['educations'] },
  { material: 'M-4', kind: 'degree', label: { zh: '学位证书', en: 'Degree certificate' }, records: ['educations'] },
  {
    material: 'M-4',
    kind: 'chsi-record',
    label: { zh: '学历证书电子注册备案表或学历认证报告', en: 'Degree registration record or verification report' },
    records: ['educations'],
  },
  {
    material: 'M-4',
    kind: 'graduate-form',
    label: { zh: '高校毕业生登记表（2001 年前毕业，N-12）', en: 'Graduate registration form (before 2001, N-12)' },
    records: ['educations'],
  },
  {
    material: 'M-4',
    kind: 'degree-certification',
    label: { zh: '国外/港澳台学历学位认证书（N-12）', en: 'Foreign/HK/Macao/Taiwan degree certification (N-12)' },
    records: ['educations'],
  },
  {
    material: 'M-4',
    kind: 'title-cert',
    label: { zh: '专业技术职务任职资格证书', en: 'Professional title certificate' },
    records: ['titles'],
  },
  {
    material: 'M-4',
    kind: 'appointment',
    label: { zh: '聘任证书', en: 'Appointment letter' },
    records: ['appointments'],
  },
  {
    material: 'M-4',
    kind: 'honour',
    label: { zh: '荣誉、获奖证书', en: 'Honour or award certificate' },
    records: ['works'],
  },
  {
    material: 'M-4',
    kind: 'main-contributor',
    label: { zh: '集体项目主要完成人证明', en: 'Proof of main contribution to a collective project' },
    records: ['works'],
  },
  {
    material: 'M-5',
    kind: 'pension',
    label: { zh: '基本养老保险参保缴费证明', en: 'Pension insurance payment proof' },
    qualifier: 'year',
    records: ['pensionYears'],
  },
  {
    material: 'M-6',
    kind: 'experience',
    label: { zh: '工程技术（管理）工作经历证明', en: 'Proof of engineering work experience' },
    records: ['workPeriods'],
  },
  {
    material: 'M-7',
    kind: 'ce',
    label: { zh: '继续教育学时证明', en: 'Continuing-education hours proof' },
    qualifier: 'year',
    records: ['courses'],
  },
  { material: 'M-8', kind: 'summary', label: { zh: '专业技术工作总结', en: 'Work summary' } },
  {
    material: 'M-9',
    kind: 'assessment',
    label: { zh: '年度考核材料', en: 'Annual assessment' },
    qualifier: 'year',
    records: ['assessments'],
  },
  {
    material: 'M-10',
    kind: 'paper',
    label: { zh: '论文扫描页', en: 'Paper scan page' },
    qualifier: 'paperPage',
    records: ['works'],
  },
  {
    material: 'M-10',
    kind: 'work',
    label: { zh: '业绩成果证明', en: 'Proof of a work or achievement' },
    records: ['works'],
  },
  {
    material: 'M-10',
    kind: 'authorship',
    label: { zh: '执笔依据（可研/设计报告）', en: 'Proof of authorship (feasibility/design report)' },
    records: ['works'],
  },
  { material: 'M-11', kind: 'f3', label: { zh: '破格推荐审批表（F-3）', en: 'Exceptional promotion form (F-3)' } },
  {
    material: 'M-11',
    kind: 'proof',
    label: { zh: '破格条件证明材料', en: 'Proof of an exceptional condition' },
    records: ['works'],
  },
  {
    material: 'M-12',
    kind: 'f4',
    label: { zh: '事业单位人员职称申报岗位信息表（F-4）', en: 'Post information form (F-4)' },
  },
] as const satisfies readonly SlotKind[];

export const PAPER_PAGE_LABELS = {
  cover: { zh: '封面', en: 'Cover' },
  issn: { zh: 'ISSN/CN 页', en: 'ISSN/CN page' },
  toc: { zh: '目录', en: 'Table of contents' },
  article: { zh: '正文', en: 'Article' },
} as const satisfies Record<PaperPageTag, Text>;

const SLOT_SHAPE = /^(M-(?:[1-9]|1[0-2]))\/([a-z0-9-]{1,32})(?:\/([a-z0-9-]{1,32}))?$/;

export interface ParsedSlot {
  slot: string;
  kind: SlotKind;
  qualifier: string | null;
}

/** The slot's parts, or null when it is not in the catalogue (wrong material, kind or qualifier). */
export function parseSlot(slot: string): ParsedSlot | null {
  const m = SLOT_SHAPE.exec(slot);
  if (!m) return null;
  const [, material, kindName, qualifier = null] = m;
  const kind = (SLOT_KINDS as readonly SlotKind[]).find((k) => k.material === material && k.kind === kindName);
  if (!kind) return null;
  if (kind.qualifier === undefined && qualifier !== null) return null;
  if (kind.qualifier === 'year' && (qualifier === null || !/^(19|20)\d{2}$/.test(qualifier))) return null;
  if (kind.qualifier === 'paperPage' && !(PAPER_PAGE_TAGS as readonly string[]).includes(qualifier ?? '')) return null;
  return { slot, kind, qualifier };
}

/** The material (`M-4`) a slot belongs to. */
export const materialOf = (slot: string): string => slot.split('/')[0] ?? slot;

export const Slot = z
  .string()
  .max(80)
  .refine((s) => parseSlot(s) !== null, {
    message: 'unknown material slot',
    params: {
      zh: '未知的材料项（格式如 M-4/diploma、M-5/pension/2019、M-10/paper/toc）',
      en: 'Unknown material slot (e.g. M-4/diploma, M-5/pension/2019, M-10/paper/toc)',
    },
  });
