// The words of the desk's table across units (issue 17 item 3), in both languages. Kept beside the screen
// rather than in i18n.ts (the desk's other screens have their own): read with useDeskTableText(), whose
// placeholders fill as the dictionary's do (i18n.ts format). Domain words — statuses, channels, where a file
// waits, committee flags, duplicate kinds — come from shared/desk/*, not from here.
import type { Localized } from '../../../shared/api/contract.js';
import { format, useT, type Vars } from '../i18n.js';

export const DESK_TABLE_TEXT = {
  title: { zh: '申报人一览', en: 'Applicants' },
  intro: {
    zh: '本机构收到的各单位申报人：单位及报送渠道、资格检查结论（按本机构的参数重新计算）、材料、单位公示、办理状态与待审机构、退回补正及重复申报。按回车或点击一行进入审查；上下方向键换人。',
    en: "Every applicant received from the units: the unit and its channel, the verdict (checked again with this desk's parameters), materials, the unit's publicity, status and where the file waits, returns and duplicates. Press Enter or click a row to review; the arrow keys move between applicants.",
  },
  loading: { zh: '正在读取申报人…', en: 'Reading the applicants…' },
  failed: { zh: '无法读取申报人一览：{detail}', en: 'The applicants could not be read: {detail}' },
  tryAgain: { zh: '重试', en: 'Try again' },
  emptyTitle: { zh: '还没有接收任何申报人', en: 'No applicants received yet' },
  emptyText: {
    zh: '接收各单位的报送批次（.zip）或单位加签的申报包（.zcpkg）后，申报人会列在这里。',
    en: "Receive the units' batches (.zip) or countersigned packages (.zcpkg); their applicants are listed here.",
  },
  receive: { zh: '接收报送批次', en: 'Receive batches' },
  filters: { zh: '筛选申报人', en: 'Filter the applicants' },
  search: { zh: '搜索姓名、身份证号、单位', en: 'Search name, ID number, unit' },
  filterUnit: { zh: '单位', en: 'Unit' },
  filterStatus: { zh: '状态', en: 'Status' },
  filterCommittee: { zh: '评委会', en: 'Committee' },
  filterVerdict: { zh: '资格检查', en: 'Verdict' },
  filterWaits: { zh: '待审机构', en: 'Waits at' },
  waitsNone: { zh: '—（办理已结束）', en: '— (no longer waiting)' },
  filterFlagged: { zh: '仅看有提示的（{n}）', en: 'Flagged only ({n})' },
  clear: { zh: '清除筛选', en: 'Clear filters' },
  reload: { zh: '刷新', en: 'Reload' },
  count: { zh: '共 {n} 人', en: '{n} {n:applicant|applicants}' },
  countFiltered: { zh: '显示 {shown} 人，共 {n} 人', en: '{shown} of {n} applicants shown' },
  noMatch: { zh: '没有符合筛选条件的申报人', en: 'No applicant matches the filters' },
  colName: { zh: '姓名', en: 'Name' },
  colStatus: { zh: '状态', en: 'Status' },
  colUnit: { zh: '单位（渠道）', en: 'Unit (channel)' },
  colId: { zh: '身份证号', en: 'ID number' },
  colCommittee: { zh: '评委会', en: 'Committee' },
  colSpecialty: { zh: '专业', en: 'Specialty' },
  colTitle: { zh: '学历 / 现职称', en: 'Education / title' },
  colYears: { zh: '任职 / 工作年限', en: 'Years in title / work' },
  colAssessments: { zh: '年度考核', en: 'Assessments' },
  colCe: { zh: '继续教育（学时）', en: 'CE (hours)' },
  colVerdict: { zh: '资格检查', en: 'Verdict' },
  colMaterials: { zh: '材料', en: 'Materials' },
  colPublicity: { zh: '单位公示', en: "Unit's publicity" },
  colWaits: { zh: '待审机构', en: 'Waits at' },
  colDeadline: { zh: '补正截止', en: 'Correct by' },
  colReturns: { zh: '退回', en: 'Returns' },
  colDuplicates: { zh: '重复申报', en: 'Duplicates' },
  exceptional: { zh: '破格', en: 'Exceptional' },
  noName: { zh: '（未填姓名）', en: '(no name)' },
  open: { zh: '，进入审查', en: ', open the review' },
  noCommittee: { zh: '未选择', en: 'None' },
  specialtyBelongs: { zh: '专业属于：{names}', en: 'The specialty belongs to: {names}' },
  years: { zh: '{title} / {work} 年', en: '{title} / {work} yrs' },
  asOf: { zh: '计算至 {date}', en: 'as of {date}' },
  yearPass: { zh: '符合', en: 'met' },
  yearFail: { zh: '不符合', en: 'not met' },
  yearReview: { zh: '需人工确认', en: 'to confirm' },
  yearNone: { zh: '未填', en: 'none' },
  whyTitle: { zh: '依据', en: 'Why' },
  materialsN: { zh: '{complete}/{needed} 齐全', en: '{complete}/{needed} complete' },
  publicityDays: { zh: '{days} 个工作日', en: '{days} working {days:day|days}' },
  noPublicity: { zh: '无公示证明', en: 'No evidence' },
  objection: { zh: '有异议', en: 'Objection' },
  noObjection: { zh: '无异议', en: 'No objection' },
  overdue: { zh: '已逾期', en: 'overdue' },
  returnsN: { zh: '{n} 次', en: '{n} {n:time|times}' },
  lastReason: { zh: '最近一次理由：{reason}', en: 'Last reason: {reason}' },
  dupWith: { zh: '{what}：{name}（{unit}）', en: '{what}: {name} ({unit})' },
} as const satisfies Record<string, Localized>;

export type DeskTableTextKey = keyof typeof DESK_TABLE_TEXT;

export function useDeskTableText() {
  const { lang, pick } = useT();
  return {
    lang,
    pick,
    tt: (key: DeskTableTextKey, vars?: Vars) => format(DESK_TABLE_TEXT[key][lang], vars),
  };
}
