// The documents the app prints from the archive (notice F-1, F-3, F-4, M-2, M-3, M-8 and the material
// index), and which of them apply to an applicant. Pure: the forms screen and `dossier forms` share it.
import type { Localized } from '../api/contract.js';
import type { ArchiveDocument } from '../archive/schema.js';

export const FORM_IDS = ['F-1', 'F-3', 'F-4', 'M-2', 'M-3', 'M-8', 'index'] as const;
export type FormId = (typeof FORM_IDS)[number];

export interface FormInfo {
  id: FormId;
  /** The official title, as printed on the form and in its file name. */
  title: Localized;
  /** The material of the notice's list the printed form is (M-1 … M-12), if any. */
  material: string | null;
  /** Copies to print (N-9: F-1 in three). */
  copies: number;
}

export const FORMS: Record<FormId, FormInfo> = {
  'F-1': {
    id: 'F-1',
    title: { zh: '专业技术资格评审表', en: 'Professional Title Evaluation Form' },
    material: 'M-1',
    copies: 3,
  },
  'F-3': {
    id: 'F-3',
    title: {
      zh: '破格推荐高级专业技术职务任职资格审批表',
      en: 'Approval Form for Exceptional Recommendation to a Senior Title',
    },
    material: 'M-11',
    copies: 1,
  },
  'F-4': {
    id: 'F-4',
    title: { zh: '事业单位人员职称申报岗位信息表', en: 'Public-Institution Post Information Form' },
    material: 'M-12',
    copies: 1,
  },
  'M-2': {
    id: 'M-2',
    title: { zh: '专业技术职务任职资格评审材料真实性保证书', en: 'Pledge of Truthfulness of the Evaluation Materials' },
    material: 'M-2',
    copies: 1,
  },
  'M-3': {
    id: 'M-3',
    title: { zh: '申报材料公示确认表', en: 'Confirmation of the Publicity of the Materials' },
    material: 'M-3',
    copies: 1,
  },
  'M-8': {
    id: 'M-8',
    title: { zh: '专业技术工作总结', en: 'Professional Work Summary' },
    material: 'M-8',
    copies: 1,
  },
  index: { id: 'index', title: { zh: '申报材料目录', en: 'Index of Materials' }, material: null, copies: 1 },
};

/**
 * Forms whose `why` (forms:list), while they apply, only warns: they are still made and printed. M-3 with a
 * publicity period shorter than N-8 asks is printed as it is (the unit must publicise longer or explain).
 * For every other form a `why` says what must be entered before it can be made (F-4's figures, M-8's text).
 */
const WARN_ONLY: ReadonlySet<string> = new Set<FormId>(['M-3']);

/** Whether a form's `why` stops it from being made (false: a warning beside a form that is still made). */
export const whyBlocks = (id: string): boolean => !WARN_ONLY.has(id);

export type Applicability = { applies: true } | { applies: false; why: Localized };

/** Whether a form applies to this applicant: F-3 only for exceptional promotion (M-11), F-4 only for public institutions (M-12, N-14). */
export function applicability(id: FormId, archive: ArchiveDocument): Applicability {
  if (id === 'F-3' && !archive.application.exceptional) {
    return { applies: false, why: { zh: '仅破格申报需要（M-11）', en: 'Only for exceptional promotion (M-11)' } };
  }
  if (id === 'F-4' && archive.unit.type !== 'public_institution') {
    return { applies: false, why: { zh: '仅事业单位人员需要（M-12）', en: 'Only for public institutions (M-12)' } };
  }
  return { applies: true };
}

/** File name of a generated form, e.g. `F-1 专业技术资格评审表.pdf` (Chinese titles: the provincial system's names). */
export const formFileName = (id: FormId): string => `${id === 'index' ? '00' : id} ${FORMS[id].title.zh}.pdf`;
