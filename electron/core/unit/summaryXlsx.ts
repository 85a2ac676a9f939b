// The batch's summary sheet as a spreadsheet the city can open (汇总表.xlsx, made with exceljs): the same
// table as the PDF, one row per applicant under Chinese headers, and a second sheet with the unit's data.
// Every cell that is an identifier (ID number, credit code, hash) is text, so that no spreadsheet turns an
// ID number into 3.30802E+17.
import ExcelJS from 'exceljs';
import { UNIT_TYPE_LABELS } from '../../../shared/archive/labels.js';
import { formatFingerprint } from '../package/sm2.js';
import { OUTCOME_ZH, type SummaryHead, type SummaryRow } from './summaryRows.js';

export const SHEET_PEOPLE = '申报人员汇总表';
export const SHEET_UNIT = '单位信息';

const COLUMNS: { header: string; width: number; value: (r: SummaryRow) => string | number }[] = [
  { header: '序号', width: 6, value: (r) => r.no },
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '身份证号码', width: 21, value: (r) => r.idNumber },
  { header: '评审委员会', width: 40, value: (r) => r.committee },
  { header: '申报专业', width: 18, value: (r) => r.specialty },
  { header: '申报职称', width: 12, value: (r) => r.titleApplied },
  { header: '是否破格', width: 9, value: (r) => (r.exceptional ? '是' : '否') },
  { header: '资格检查结论', width: 16, value: (r) => r.verdict },
  { header: '不符合项', width: 9, value: (r) => r.fail },
  { header: '需人工确认项', width: 11, value: (r) => r.toJudge },
  { header: '单位加签理由', width: 40, value: (r) => r.reason },
  { header: '替换此前报送', width: 11, value: (r) => (r.replacement ? '是' : '否') },
  { header: '公示开始日期', width: 12, value: (r) => r.publicityStart },
  { header: '公示结束日期', width: 12, value: (r) => r.publicityEnd },
  { header: '公示工作日', width: 8, value: (r) => r.publicityDays },
  { header: '公示结果', width: 9, value: (r) => OUTCOME_ZH[r.publicityOutcome] },
  { header: '申报包文件', width: 36, value: (r) => r.fileName },
  { header: '申报包编号', width: 24, value: (r) => r.packageId },
  { header: '修订', width: 6, value: (r) => r.revision },
  { header: 'SHA-256', width: 66, value: (r) => r.sha256 },
];

/** The spreadsheet's bytes. No creation date of its own: the batch records when it was made. */
export async function buildSummaryXlsx(summary: SummaryHead, rows: SummaryRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dossier 职称申报材料助手';
  const people = wb.addWorksheet(SHEET_PEOPLE, { views: [{ state: 'frozen', ySplit: 1 }] });
  people.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  people.getRow(1).font = { bold: true };
  for (const r of rows) people.addRow(COLUMNS.map((c) => c.value(r)));
  // Identifiers as text (@): typed over or re-saved, they stay whole.
  for (const col of [3, 14, 15, 17]) people.getColumn(col).numFmt = '@';

  const unit = wb.addWorksheet(SHEET_UNIT);
  unit.columns = [
    { header: '项目', width: 24 },
    { header: '内容', width: 80 },
  ];
  unit.getRow(1).font = { bold: true };
  const u = summary.unit;
  const committees = [...new Set(rows.map((r) => r.committee))].filter(Boolean);
  unit.addRows([
    ['单位名称', u.name],
    ['统一社会信用代码', u.creditCode],
    ['单位类型', u.type ? UNIT_TYPE_LABELS[u.type].zh : ''],
    ['主管部门', u.competentDepartment],
    ['人事代理机构', u.personnelAgency],
    ['所在城市', u.city],
    ['评审年度', summary.year],
    ['报送日期', summary.date],
    ['申报人数', rows.length],
    ['涉及评审委员会', committees.join('；')],
    ['单位签名密钥指纹', formatFingerprint(summary.unitFingerprint)],
  ]);
  unit.getColumn(2).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
