// The words of the desk's recommendation form and pass-on screen (issue 17 items 5–6), both languages, kept
// here beside the screens rather than in the one dictionary (i18n.ts) so that the desk's parts merge apart.
// Domain words (field names, statuses) come from shared/desk/*; these are the screens' own.
import type { Localized } from '../../../shared/api/primitives.js';

export const PASSON_TEXT = {
  recTitle: { zh: '中评委推荐意见', en: "Intermediate committee's recommendation" },
  recIntro: {
    zh: '中评委（中级评审委员会）评议推荐后，按会议记录填写（N-9）。实到人数不超过应到人数；赞成、反对、弃权票合计不超过实到人数。',
    en: 'Enter it from the minutes once the intermediate committee has voted (N-9). Members present cannot exceed members due; the votes together cannot exceed those present.',
  },
  recLoading: { zh: '正在读取推荐意见…', en: 'Reading the recommendation…' },
  recNone: { zh: '尚未记录。', en: 'Not recorded yet.' },
  recYes: { zh: '推荐', en: 'Recommended' },
  recNo: { zh: '不推荐', en: 'Not recommended' },
  recSave: { zh: '保存推荐意见', en: 'Save the recommendation' },
  recSaved: { zh: '已保存。', en: 'Saved.' },
  recFix: { zh: '有 {n} 处需要更正，未保存。', en: '{n} field(s) to correct; not saved.' },
  recInterviewHint: { zh: '未组织答辩（面试）的留空。', en: 'Leave empty when no interview was held.' },

  submitTitle: { zh: '按评审委员会报送', en: 'Pass on by committee' },
  submitIntro: {
    zh: '选择高评委（附件1）：其中“通过待报送”且经中评委推荐的申报人加签第 3 级，写出一个报送批次交省主管部门，内含资格审查花名册（PDF、Excel）和评审对象名单（公示 5 个工作日，N-8）。',
    en: "Choose a senior committee (附件1): its applicants who are passed and recommended get the desk's level 3, in one batch for the provincial department with the roster (PDF, Excel) and the list of evaluation objects (publicised for 5 working days, N-8).",
  },
  loading: { zh: '正在读取…', en: 'Loading…' },
  committees: { zh: '评审委员会', en: 'Committee' },
  committeeCounts: { zh: '本机构 {n} 人，可报送 {ready} 人', en: '{n} here, {ready} ready' },
  startDate: { zh: '评审对象公示开始日期', en: 'Publicity of the evaluation objects starts' },
  window: {
    zh: '公示期：{start} 至 {end}（{days} 个工作日，按国家节假日安排计算）',
    en: 'Publicity: {start} to {end} ({days} working days on the state calendar)',
  },
  going: { zh: '将报送（{n} 人）', en: 'Going now ({n})' },
  goingNone: {
    zh: '没有可报送的申报人：须“通过待报送”并经中评委推荐。',
    en: 'No one can go: applicants must be passed and recommended.',
  },
  held: { zh: '暂不报送（{n} 人）', en: 'Held back ({n})' },
  exceptional: { zh: '破格', en: 'Exceptional' },
  submit: { zh: '加签并生成报送批次（{n} 人）', en: 'Sign and write the batch ({n})' },
  passphrase: { zh: '审查机构签名密钥的密码', en: "The desk's signing key passphrase" },
  keyMissing: {
    zh: '本工作区还没有签名密钥：请先在“备份与恢复”中建立密钥。',
    en: 'This workspace has no signing key yet: make one first.',
  },
  job: { zh: '报送', en: 'Pass-on' },
  running: { zh: '正在报送：{done} / {n}', en: 'Passing on: {done} of {n}' },
  done: { zh: '报送批次已写出。', en: 'The batch is written.' },
  cancelled: { zh: '已取消，未写出报送批次，状态未改变。', en: 'Cancelled: no batch written, no status changed.' },
  failed: { zh: '报送未完成：{detail}', en: 'The pass-on failed: {detail}' },
  lost: { zh: '任务已不存在：{detail}', en: 'The job is gone: {detail}' },
  batchApplicants: { zh: '人数', en: 'Applicants' },
  batchesHeading: { zh: '已写出的报送批次', en: 'Batches written' },
  empty: {
    zh: '本机构还没有接收申报人。先接收单位的报送批次。',
    en: "This desk has received no applicant yet. Receive the units' batches first.",
  },
} as const satisfies Record<string, Localized>;

export type PassOnTextKey = keyof typeof PASSON_TEXT;

/** The text in the language, `{name}` filled from `vars`. */
export function passOnText(lang: keyof Localized, key: PassOnTextKey, vars: Record<string, string | number> = {}) {
  return PASSON_TEXT[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
