// The UI strings of the desk's review of one applicant (issue 17 item 4), merged into the one dictionary
// (i18n.ts). The domain words (statuses, checklist results, field names) come from shared/desk/*.
import type { Localized } from '../../../shared/api/contract.js';

export const DESK_REVIEW_TEXT = {
  dr_title: { zh: '资格审查', en: 'Qualification review' },
  dr_titleOf: { zh: '资格审查：{name}', en: 'Qualification review: {name}' },
  dr_intro: {
    zh: '逐项核对单位报送的材料（只读）：资格检查结果、单位意见与公示、审查清单和批注。退回补正时，所有批注和“不符合”“待补正”的条件一次退回单位（N-9）。',
    en: 'Check what the unit passed on (read-only): the findings, the unit\'s opinion and publicity, the checklist and comments. A return sends every comment and every condition judged "does not meet" or "to be corrected" to the unit at once (N-9).',
  },
  dr_empty: {
    zh: '尚未选择申报人。请在“申报人一览”中点击一位申报人打开审查。',
    en: 'No applicant chosen. Open one from the Applicants table.',
  },
  dr_unit: { zh: '报送单位', en: 'Unit' },
  dr_status: { zh: '审查状态', en: 'Status' },
  dr_deadline: { zh: '补正截止日期', en: 'Correction deadline' },
  dr_none: { zh: '无', en: 'none' },
  dr_reload: { zh: '重新载入', en: 'Reload' },

  // The unit's review and publicity (level 2)
  dr_unitHeading: { zh: '单位审核意见与公示', en: "The unit's opinion and publicity" },
  dr_unitOpinion: { zh: '单位意见', en: "Unit's opinion" },
  dr_unitReviewedOn: { zh: '审核日期', en: 'Reviewed on' },
  dr_unitComments: { zh: '单位批注', en: "Unit's comments" },
  dr_publicity: { zh: '单位公示（N-8）', en: 'Publicity at the unit (N-8)' },
  dr_publicityPeriod: {
    zh: '{start} 至 {end}，{days} 个工作日',
    en: '{start} to {end}, {days} working days',
  },
  dr_publicityNoObjection: { zh: '无异议', en: 'no objection' },
  dr_publicityObjection: { zh: '有异议', en: 'objection' },
  dr_publicityMissing: { zh: '第 2 级没有公示记录', en: 'level 2 holds no publicity record' },
  dr_postInfo: { zh: '岗位信息表（F-4）', en: 'Post information (F-4)' },
  dr_postInfoHeld: { zh: '已随第 2 级报送', en: 'carried in level 2' },
  dr_postInfoNone: { zh: '不适用（非事业单位）', en: 'not applicable (not a public institution)' },

  // Checklist
  dr_checkHeading: { zh: '资格审查清单', en: 'Qualification checklist' },
  dr_checkHint: {
    zh: '每项条件按资格检查结果给出建议；以您选择的结论为准，保存后计入退回意见。',
    en: 'Each condition carries the suggestion of the findings; your choice is what counts and goes into a return.',
  },
  dr_checkCondition: { zh: '条件', en: 'Condition' },
  dr_checkSuggested: { zh: '建议', en: 'Suggested' },
  dr_checkResult: { zh: '结论', en: 'Result' },
  dr_checkNote: { zh: '说明', en: 'Note' },
  dr_checkResultOf: { zh: '{condition} 的结论', en: 'Result of {condition}' },
  dr_checkNoteOf: { zh: '{condition} 的说明', en: 'Note on {condition}' },
  dr_checkUnset: { zh: '未定', en: 'Not set' },
  dr_checkSaved: { zh: '已保存 {condition}', en: '{condition} saved' },

  // Materials and comments
  dr_materialsHeading: { zh: '材料（只读）与批注', en: 'Materials (read-only) and comments' },

  // Actions
  dr_actionsHeading: { zh: '审查决定', en: 'Decision' },
  dr_returnHeading: { zh: '退回补正', en: 'Return for correction' },
  dr_returnPoints: { zh: '将一次退回以下 {n} 项意见：', en: 'These {n} point(s) go back at once:' },
  dr_returnNoPoints: {
    zh: '尚无退回意见：请先写批注，或将审查条件标为“不符合”或“待补正”。',
    en: 'Nothing to return yet: write a comment, or judge a condition "does not meet" or "to be corrected".',
  },
  dr_returnWhole: { zh: '整份材料', en: 'the file as a whole' },
  dr_returnDeadline: { zh: '补正截止日期', en: 'Correction deadline' },
  dr_returnDeadlineHint: { zh: '须晚于今天', en: 'after today' },
  dr_returnOpinion: { zh: '审查意见（可选）', en: 'Opinion (optional)' },
  dr_return: { zh: '退回补正', en: 'Return for correction' },
  dr_returnJob: { zh: '写出第 3 级退回包', en: 'Writing the level-3 return package' },
  dr_returnRunning: { zh: '正在写出退回包…', en: 'Writing the return package…' },
  dr_returnDone: {
    zh: '已写出退回包：请下载后交给单位。',
    en: 'Return package written: download it and hand it to the unit.',
  },
  dr_returnCancelled: { zh: '已取消，未写出退回包。', en: 'Cancelled; no return package was written.' },
  dr_returnFailed: { zh: '未能写出退回包：{detail}', en: 'The return package could not be written: {detail}' },
  dr_deskPassphrase: { zh: '审查机构签名密钥的密码', en: "The desk's signing key passphrase" },
  dr_reason: { zh: '理由或审查意见', en: 'Reason or opinion' },
  dr_reasonHint: {
    zh: '不予推荐、撤回、恢复逾期均须写明理由，记入审查记录；审查通过时此处写审查意见（报送时写入第 3 级）。',
    en: "Not recommending, withdrawing and restoring a lapsed applicant each need a reason, kept in the trail; on acceptance, write the desk's opinion here (level 3 carries it at the pass-on).",
  },
  dr_accept: { zh: '审查通过（通过待报送）', en: 'Accept (to pass on)' },
  dr_notRecommend: { zh: '不予推荐', en: 'Not recommended' },
  dr_withdraw: { zh: '撤回', en: 'Withdraw' },
  dr_restore: { zh: '恢复为退回补正', en: 'Restore to returned' },
  dr_restoreDeadline: { zh: '新的补正截止日期（可选）', en: 'New correction deadline (optional)' },
  dr_startReview: { zh: '重新审查', en: 'Review again' },
  dr_moved: { zh: '状态已改为“{status}”', en: 'Status is now "{status}"' },
  dr_closed: {
    zh: '此申报人当前不在审查中，审查清单和批注不能修改。',
    en: 'This applicant is not under review now; the checklist and comments cannot change.',
  },

  // Trail
  dr_trailHeading: { zh: '审查记录', en: 'Audit trail' },
  dr_trailEmpty: { zh: '暂无记录', en: 'Nothing recorded yet' },
  dr_trailMove: { zh: '{from} → {to}', en: '{from} → {to}' },
  dr_trailRevision: { zh: '第 {n} 版', en: 'revision {n}' },
} as const satisfies Record<string, Localized>;
