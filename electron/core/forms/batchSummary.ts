// The batch's summary sheet (汇总表.pdf): the unit passing its applicants to the city (N-9) lists who they are
// — name, ID number, committee (N-1), specialty, title applied for, exceptional (M-11), the verdict (and
// the unit's reason when it countersigned despite it), the publicity and its outcome (N-8) — and which package file carries each, with the
// start of its SHA-256 so that the paper can be matched to the files. The footer carries the SHA-256 of
// the batch's batch.json (docs/batch-format.md), which lists every package's full hash.
import { formatFingerprint } from '../package/sm2.js';
import { OUTCOME_ZH, type SummaryHead, type SummaryRow } from '../unit/summaryRows.js';
import { UNIT_TYPE_LABELS } from '../../../shared/archive/labels.js';
import { opinionRow, table } from './pdf/blocks.js';
import { FormDoc, type Cell } from './pdf/formDoc.js';
import type { BuiltForm } from './types.js';
import { periodCell, zhDate } from './unitDates.js';

export const SUMMARY_TITLE = '高级工程师职务任职资格申报人员汇总表';

const head = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const cell = (text: string, span: number, align: 'left' | 'center' = 'center'): Cell => ({ text, span, align });
const SIZE = 8.5;

export async function buildBatchSummary(
  summary: SummaryHead,
  rows: SummaryRow[],
  batchJsonSha256: string,
): Promise<BuiltForm> {
  const doc = await FormDoc.create({
    title: SUMMARY_TITLE,
    fingerprint: batchJsonSha256,
    fingerprintLabel: '批次清单指纹',
    fingerprintKind: 'batch',
    pageLabel: (page, pages) => `第 ${page} 页 共 ${pages} 页`,
  });
  const { unit } = summary;
  await doc.title(`${summary.year}年度${SUMMARY_TITLE}`);
  const rowOpts = { minHeight: 24 };
  await doc.row([head('报送单位（盖章）', 20), cell(unit.name, 80, 'left')], rowOpts);
  await doc.row(
    [
      head('统一社会信用代码', 20),
      cell(unit.creditCode, 34, 'left'),
      head('单位类型', 14),
      cell(unit.type ? UNIT_TYPE_LABELS[unit.type].zh : '', 32, 'left'),
    ],
    rowOpts,
  );
  await doc.row(
    [
      head(unit.competentDepartment ? '主管部门' : '人事代理机构', 20),
      cell(unit.competentDepartment || unit.personnelAgency, 34, 'left'),
      head('报送日期', 14),
      cell(zhDate(summary.date), 32, 'left'),
    ],
    rowOpts,
  );
  await doc.row([head('申报人数', 20), cell(`${rows.length} 人`, 80, 'left')], rowOpts);
  doc.gap(10);

  // The people. 序号, 姓名, 身份证号码, 评审委员会, 申报专业, 申报职称, 破格, 资格检查, 公示期, 公示结果.
  // In 8.5 pt an 18-digit ID number, 热能动力工程, 高级工程师 and each date of the period stay on one line.
  const widths = [6, 8, 19, 7, 12, 11, 6, 10, 13, 8] as const;
  const people: Cell[][] = [
    [
      '序号',
      '姓　名',
      '身份证号码',
      '评审\n委员会',
      '申报专业',
      '申报职称',
      '破格',
      '资格检查',
      '单位公示期',
      '公示\n结果',
    ].map((h, i) => head(h, widths[i]!)),
    ...rows.map((r) =>
      [
        String(r.no),
        r.name,
        r.idNumber,
        r.committeeShort,
        r.specialty,
        r.titleApplied,
        r.exceptional ? '是' : '否',
        // The verdict in words; a countersignature despite it is marked and explained below the table.
        r.reason ? `${r.verdict}\n（见说明）` : r.verdict,
        // Broken after the dash: each date on its own line, never split inside.
        periodCell(r.publicityStart, r.publicityEnd).replace('—', '—\n'),
        OUTCOME_ZH[r.publicityOutcome],
      ].map((v, c) => cell(v, widths[c]!)),
    ),
  ];
  await table(doc, people, { size: SIZE, minHeights: people.map(() => 22), repeat: [0] });
  doc.gap(10);

  // Issue 19: a countersignature against the evidence, or one that replaces an earlier batch's package, is
  // said on the sheet the city reads — never silently.
  const notes = rows.filter((r) => r.reason || r.replacement);
  if (notes.length > 0) {
    await doc.heading('单位说明', { keepWith: 60, size: 11 });
    for (const r of notes) {
      const parts = [
        r.replacement ? '本批次的申报包替换此前报送的申报包。' : '',
        r.reason ? `资格检查结论为“${r.verdict}”，单位仍予加签，理由：${r.reason}` : '',
      ].filter(Boolean);
      await doc.paragraph(`${r.no}. ${r.name}：${parts.join('')}`, { size: 9 });
    }
    doc.gap(8);
  }

  // The files: each person's level-2 package in the batch's packages/ folder.
  await doc.heading('申报包清单', { keepWith: 60, size: 11 });
  const fileWidths = [6, 9, 43, 7, 35] as const;
  const files: Cell[][] = [
    ['序号', '姓　名', '申报包文件（packages/）', '修订', 'SHA-256（前 16 位）'].map((h, i) => head(h, fileWidths[i]!)),
    ...rows.map((r) =>
      [
        String(r.no),
        r.name,
        r.fileName,
        `r${r.revision}`,
        r.sha256.slice(0, 16).toUpperCase().match(/.{4}/g)!.join(' '),
      ].map((v, c) => cell(v, fileWidths[c]!, c === 2 ? 'left' : 'center')),
    ),
  ];
  await table(doc, files, { size: SIZE, minHeights: files.map(() => 20), repeat: [0] });
  doc.gap(8);
  const groups = formatFingerprint(summary.unitFingerprint).split(' ');
  await doc.row(
    [
      head('单位电子签名密钥指纹\n（各申报包第 2 级）', 30),
      { text: `${groups.slice(0, 8).join(' ')}\n${groups.slice(8).join(' ')}`, span: 70, align: 'center' },
    ],
    { minHeight: 34, keep: true, size: 9 },
  );
  doc.gap(4);
  await doc.paragraph(
    '各申报包的完整 SHA-256 见批次中的 batch.json，其 SHA-256 印于本页页脚；申报包可用“dossier verify”或 OpenSSL 逐级核验签名。',
    { size: 9, grey: true },
  );
  doc.gap(8);
  await opinionRow(
    doc,
    [
      {
        label: '单位意见',
        labelSpan: 20,
        span: 80,
        heading: `以上 ${rows.length} 名申报人员的申报材料经本单位审核，已在单位内公示无异议，同意推荐。`,
        signature: '经办人：＿＿＿＿＿＿　单位负责人（签字）：',
      },
    ],
    130,
  );
  const bytes = await doc.finish();
  return { bytes, pages: doc.pdf.getPageCount(), missing: [...doc.missing] };
}
