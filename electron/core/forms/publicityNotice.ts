// The unit's publicity notice (公示, N-8, M-3): the applicants whose materials the unit publicises for at
// least 5 working days — name, specialty, title applied for, committee (N-1), exceptional or not (M-11) —
// the period on the state calendar, and how to object. In the words of the notice (浙经信人事〔2020〕84号:
// 相关材料需在申报人员所在单位公示不少于5个工作日) and of the notices units post. Deterministic: the same
// publicity gives the same bytes, so the copy in each level-2 package hashes the same.
import { zhJoin } from '../../../shared/archive/spacing.js';
import { signOff, table } from './pdf/blocks.js';
import { FormDoc, type Cell } from './pdf/formDoc.js';
import type { BuiltForm } from './types.js';
import { zhDate } from './unitDates.js';

export interface NoticeMember {
  name: string;
  specialty: string;
  titleApplied: string;
  /** The committee's full name (附件1). */
  committee: string;
  exceptional: boolean;
}

export interface NoticeInput {
  unitName: string;
  /** The evaluation year (the rule pack's as-of year): 2020. */
  year: string;
  startDate: string;
  endDate: string;
  workingDays: number;
  /** Whether the start day counts (R-5's convention), said in the note. */
  startCounts: boolean;
  members: NoticeMember[];
  /** SHA-256 of what the notice says (publicityNoticeFingerprint), in the footer and its QR code. */
  fingerprint: string;
}

export const NOTICE_TITLE = '申报人员公示';

const head = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const cell = (text: string, span: number, align: 'left' | 'center' = 'center'): Cell => ({ text, span, align });

/**
 * 关于吴某某等 3 名同志申报 / 2020 年度高级工程师职务任职资格的公示 — in two lines, broken where a reader
 * pauses rather than wherever the width runs out.
 */
export function noticeTitle(input: Pick<NoticeInput, 'members' | 'year'>): string {
  const first = input.members[0]?.name ?? '';
  const who = input.members.length > 1 ? zhJoin(first, '等', String(input.members.length), '名同志') : `${first}同志`;
  const titles = [...new Set(input.members.map((m) => m.titleApplied.trim()).filter(Boolean))];
  const title = titles.length === 1 ? titles[0]! : '高级工程师';
  return `${zhJoin('关于', who, '申报')}\n${zhJoin(input.year, '年度', title, '职务任职资格的公示')}`;
}

export async function buildPublicityNotice(input: NoticeInput): Promise<BuiltForm> {
  const doc = await FormDoc.create({
    title: NOTICE_TITLE,
    fingerprint: input.fingerprint,
    fingerprintLabel: '公示指纹',
    fingerprintKind: 'publicity',
    pageLabel: (page, pages) => `第 ${page} 页 共 ${pages} 页`,
  });
  await doc.title(noticeTitle(input));
  doc.gap(4);
  await doc.paragraph(
    `　　根据《浙江省经济和信息化厅关于开展${input.year}年度高级工程师职务任职资格评审工作的通知》` +
      '（浙经信人事〔2020〕84号）要求，申报材料需在申报人员所在单位公示不少于 5 个工作日。' +
      zhJoin('经单位审核，现将我单位', String(input.members.length), '名申报人员的基本情况予以公示') +
      '（申报材料可到单位人事部门查阅）：',
  );
  doc.gap(8);
  const widths = [7, 12, 17, 13, 39, 12] as const;
  const rows: Cell[][] = [
    ['序号', '姓　名', '申报专业', '申报职称', '评审委员会', '是否破格'].map((h, i) => head(h, widths[i]!)),
    ...input.members.map((m, i) =>
      [String(i + 1), m.name, m.specialty, m.titleApplied, m.committee, m.exceptional ? '是' : '否'].map((v, c) =>
        cell(v, widths[c]!, c === 4 ? 'left' : 'center'),
      ),
    ),
  ];
  await table(doc, rows, { minHeights: rows.map(() => 24), repeat: [0] });
  doc.gap(10);
  await doc.paragraph(
    `　　公示时间：${zhDate(input.startDate)}至${zhDate(input.endDate)}（共 ${input.workingDays} 个工作日）。`,
  );
  doc.gap(4);
  await doc.paragraph(
    '　　公示期间，任何单位和个人对公示对象申报材料的真实性或申报条件有异议的，可通过来信、来电或来访等方式向单位人事部门反映。' +
      '反映情况应实事求是、客观公正；以单位名义反映的须加盖单位公章，以个人名义反映的须署真实姓名并提供联系方式。',
  );
  doc.gap(4);
  await doc.paragraph('　　联系部门：＿＿＿＿＿＿＿＿　　联系人：＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿＿＿');
  await signOff(doc, [`${input.unitName}（盖章）`, zhDate(input.startDate)], 24);
  doc.gap(16);
  const counting = input.startCounts ? '公示首日计入' : '公示首日不计入';
  await doc.paragraph(
    `注：公示天数按国家法定节假日和调休安排计算（${counting}），不少于 ${input.workingDays} 个工作日（浙经信人事〔2020〕84号）。`,
    { size: 9, grey: true },
  );
  const bytes = await doc.finish();
  return { bytes, pages: doc.pdf.getPageCount(), missing: [...doc.missing] };
}
