// The papers of the desk's pass-on (issue 17 item 6): the qualification-review roster (资格审查花名册) to
// print, sign and stamp — as PDF and as a spreadsheet, the same rows — and the list of evaluation objects
// (评审对象名单) for the committee office's publicity of 5 working days (N-8), which carries no ID number.
// Built with the forms' PDF machinery (forms/pdf/formDoc.ts: embedded CJK fonts, pitfalls.md) and exceljs.
import ExcelJS from 'exceljs';
import { DESK_STATUS_LABELS } from '../../../shared/desk/pipeline.js';
import type { PassOnCounts, PassOnPerson } from '../../../shared/desk/passOn.js';
import { recommendationLine } from '../../../shared/desk/recommendation.js';
import type { DeskProfile } from '../../../shared/desk/schema.js';
import type { PackCommittee } from '../../../shared/rules/engine.js';
import { opinionRow, table } from '../forms/pdf/blocks.js';
import { FormDoc, type Cell } from '../forms/pdf/formDoc.js';
import type { BuiltForm } from '../forms/types.js';
import { periodCell, zhDate } from '../forms/unitDates.js';
import { formatFingerprint } from '../package/sm2.js';

export interface RosterHead {
  desk: DeskProfile;
  deskFingerprint: string;
  committee: PackCommittee;
  /** The evaluation year (the rule pack's as-of year). */
  year: string;
  /** The day of the pass-on. */
  date: string;
  counts: PassOnCounts;
  publicity: { startDate: string; endDate: string; workingDays: number };
}

export interface RosterRow {
  no: number;
  person: PassOnPerson;
  idNumber: string;
}

export const ROSTER_TITLE = '高级工程师职务任职资格申报人员资格审查花名册';
export const OBJECTS_TITLE = '评审对象名单';

const head = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const cell = (text: string, span: number, align: 'left' | 'center' = 'center'): Cell => ({ text, span, align });
const SIZE = 8.5;

/** A sheet of the batch: its footer carries the SHA-256 of batch.json (as the unit's summary sheet's does). */
const batchSheet = (title: string, batchJsonSha256: string) =>
  FormDoc.create({
    title,
    fingerprint: batchJsonSha256,
    fingerprintLabel: '批次清单指纹',
    fingerprintKind: 'batch',
    pageLabel: (page, pages) => `第 ${page} 页 共 ${pages} 页`,
  });

/** 通过 for one who goes; the status (and why) for one held back. */
export function conclusionOf(p: PassOnPerson): { conclusion: string; reason: string } {
  if (!p.heldBecause) return { conclusion: '审查通过', reason: '' };
  return { conclusion: DESK_STATUS_LABELS[p.status].zh, reason: p.heldBecause.zh };
}

const category = (p: PassOnPerson) => (p.exceptional ? '破格申报' : '正常申报');

const countsLine = (c: PassOnCounts) =>
  `受理 ${c.received} 人，审查通过并推荐 ${c.passed} 人，退回补正 ${c.returned} 人，不予推荐 ${c.notRecommended} 人，其中破格 ${c.exceptional} 人`;

/** 资格审查花名册.pdf: head (desk, committee, year, counts, person responsible, date), one row per applicant. */
export async function buildRosterPdf(h: RosterHead, rows: RosterRow[], batchJsonSha256: string): Promise<BuiltForm> {
  const doc = await batchSheet(ROSTER_TITLE, batchJsonSha256);
  await doc.title(`${h.year}年度${ROSTER_TITLE}`);
  const rowOpts = { minHeight: 24 };
  await doc.row([head('审查机构（盖章）', 20), cell(h.desk.name, 80, 'left')], rowOpts);
  await doc.row(
    [head('评审委员会', 20), cell(`${h.committee.fullName}（附件1 第 ${h.committee.no} 项）`, 80, 'left')],
    rowOpts,
  );
  await doc.row(
    [head('评审年度', 20), cell(`${h.year}年度`, 30, 'left'), head('报送日期', 20), cell(zhDate(h.date), 30, 'left')],
    rowOpts,
  );
  await doc.row([head('审查情况', 20), cell(countsLine(h.counts), 80, 'left')], rowOpts);
  await doc.row(
    [
      head('评审对象公示', 20),
      cell(
        `${periodCell(h.publicity.startDate, h.publicity.endDate)}（${h.publicity.workingDays} 个工作日）`,
        80,
        'left',
      ),
    ],
    rowOpts,
  );
  doc.gap(10);

  const widths = [5, 7, 19, 14, 10, 9, 5, 9, 22] as const;
  const people: Cell[][] = [
    ['序号', '姓　名', '身份证号码', '工作单位', '申报专业', '申报职称', '破格', '审查结论', '原因 / 中评委推荐'].map(
      (t, i) => head(t, widths[i]!),
    ),
    ...rows.map((r) => {
      const { conclusion, reason } = conclusionOf(r.person);
      const rec = r.person.recommendation ? recommendationLine(r.person.recommendation) : '';
      return [
        String(r.no),
        r.person.name,
        r.idNumber,
        r.person.unit,
        r.person.specialty,
        r.person.titleApplied,
        r.person.exceptional ? '是' : '否',
        conclusion,
        [reason, rec ? `${r.person.recommendation!.committee}：${rec}` : ''].filter(Boolean).join('\n'),
      ].map((v, c) => cell(v, widths[c]!, c === 3 || c === 8 ? 'left' : 'center'));
    }),
  ];
  await table(doc, people, { size: SIZE, minHeights: people.map(() => 22), repeat: [0] });
  doc.gap(8);
  const groups = formatFingerprint(h.deskFingerprint).split(' ');
  await doc.row(
    [
      head('审查机构电子签名密钥指纹\n（各申报包第 3 级）', 30),
      { text: `${groups.slice(0, 8).join(' ')}\n${groups.slice(8).join(' ')}`, span: 70, align: 'center' },
    ],
    { minHeight: 34, keep: true, size: 9 },
  );
  doc.gap(8);
  await opinionRow(
    doc,
    [
      {
        label: '审查机构意见',
        labelSpan: 20,
        span: 80,
        heading: `以上申报人员经本机构资格审查，审查通过并经中评委推荐的 ${h.counts.passed} 人，同意报送。`,
        signature: `负责人（签字）：${h.desk.responsible}　　经办人：＿＿＿＿＿＿`,
      },
    ],
    130,
  );
  const bytes = await doc.finish();
  return { bytes, pages: doc.pdf.getPageCount(), missing: [...doc.missing] };
}

/** 资格审查花名册.xlsx: the roster's rows under Chinese headers, identifiers as text, and the head on sheet 2. */
export async function buildRosterXlsx(h: RosterHead, rows: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dossier 职称申报材料助手';
  const people = wb.addWorksheet('资格审查花名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns: { header: string; width: number; value: (r: RosterRow) => string | number }[] = [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '姓名', width: 10, value: (r) => r.person.name },
    { header: '身份证号码', width: 21, value: (r) => r.idNumber },
    { header: '工作单位', width: 30, value: (r) => r.person.unit },
    { header: '申报专业', width: 18, value: (r) => r.person.specialty },
    { header: '申报职称', width: 12, value: (r) => r.person.titleApplied },
    { header: '类别', width: 10, value: (r) => category(r.person) },
    { header: '审查结论', width: 14, value: (r) => conclusionOf(r.person).conclusion },
    { header: '原因', width: 30, value: (r) => conclusionOf(r.person).reason },
    { header: '中评委', width: 28, value: (r) => r.person.recommendation?.committee ?? '' },
    { header: '推荐会议日期', width: 12, value: (r) => r.person.recommendation?.meetingDate ?? '' },
    { header: '应到', width: 6, value: (r) => r.person.recommendation?.membersDue ?? '' },
    { header: '实到', width: 6, value: (r) => r.person.recommendation?.membersPresent ?? '' },
    { header: '赞成', width: 6, value: (r) => r.person.recommendation?.votesFor ?? '' },
    { header: '反对', width: 6, value: (r) => r.person.recommendation?.votesAgainst ?? '' },
    { header: '弃权', width: 6, value: (r) => r.person.recommendation?.votesAbstain ?? '' },
    {
      header: '是否推荐',
      width: 9,
      value: (r) => (r.person.recommendation ? (r.person.recommendation.recommended ? '是' : '否') : ''),
    },
    { header: '答辩（面试）结果', width: 20, value: (r) => r.person.recommendation?.interview ?? '' },
  ];
  people.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  people.getRow(1).font = { bold: true };
  for (const r of rows) people.addRow(columns.map((c) => c.value(r)));
  people.getColumn(3).numFmt = '@';
  const info = wb.addWorksheet('审查机构信息');
  info.columns = [
    { header: '项目', width: 24 },
    { header: '内容', width: 80 },
  ];
  info.getRow(1).font = { bold: true };
  info.addRows([
    ['审查机构', h.desk.name],
    ['负责人', h.desk.responsible],
    ['评审委员会', h.committee.fullName],
    ['评审年度', h.year],
    ['报送日期', h.date],
    ['受理人数', h.counts.received],
    ['审查通过并推荐', h.counts.passed],
    ['退回补正', h.counts.returned],
    ['不予推荐', h.counts.notRecommended],
    ['破格', h.counts.exceptional],
    ['评审对象公示', `${h.publicity.startDate} 至 ${h.publicity.endDate}（${h.publicity.workingDays} 个工作日）`],
    ['审查机构签名密钥指纹', formatFingerprint(h.deskFingerprint)],
  ]);
  info.getColumn(2).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 评审对象名单.pdf: name, unit, specialty, title applied for and category — never an ID number (a public
 * list) — under the publicity window of N-8 counted on the state calendar, and where to raise an objection.
 * The notice names no rule on how objections are made (N-8 says only "公示5个工作日"), so none is printed;
 * the desk fills in its telephone by hand.
 */
export async function buildObjectsPdf(
  h: RosterHead,
  going: PassOnPerson[],
  batchJsonSha256: string,
): Promise<BuiltForm> {
  const doc = await batchSheet(OBJECTS_TITLE, batchJsonSha256);
  await doc.title(`${h.year}年度${h.committee.fullName}`, 14);
  await doc.title(OBJECTS_TITLE, 18);
  await doc.paragraph(
    `公示时间：${zhDate(h.publicity.startDate)}至${zhDate(h.publicity.endDate)}（${h.publicity.workingDays} 个工作日）。`,
    { size: 10.5 },
  );
  doc.gap(6);
  const widths = [7, 11, 32, 20, 15, 15] as const;
  const rows: Cell[][] = [
    ['序号', '姓　名', '工作单位', '申报专业', '申报职称', '类别'].map((t, i) => head(t, widths[i]!)),
    ...going.map((p, i) =>
      [String(i + 1), p.name, p.unit, p.specialty, p.titleApplied, category(p)].map((v, c) =>
        cell(v, widths[c]!, c === 2 ? 'left' : 'center'),
      ),
    ),
  ];
  await table(doc, rows, { size: 9.5, minHeights: rows.map(() => 22), repeat: [0] });
  doc.gap(10);
  await doc.paragraph(`公示期间，对评审对象有异议的，请向${h.desk.name}反映。`, { size: 10.5, keepWith: 40 });
  await doc.paragraph(`联系人：${h.desk.responsible}　　联系电话：＿＿＿＿＿＿＿＿`, { size: 10.5 });
  doc.gap(16);
  await doc.paragraph(`${h.desk.name}　　${zhDate(h.date)}`, { size: 10.5 });
  const bytes = await doc.finish();
  return { bytes, pages: doc.pdf.getPageCount(), missing: [...doc.missing] };
}
