// The UI strings of the applicant's side of a unit review (issue 7: comments of a 退回 at their fields),
// merged into the one dictionary (i18n.ts).
import type { Localized } from '../../../shared/api/contract.js';

export const REVIEW_TEXT = {
  review_received: { zh: '单位审核意见', en: "The unit's review" },
  review_returnedTitle: { zh: '单位退回意见', en: 'Returned by the unit for correction' },
  review_acceptedTitle: { zh: '单位审核通过', en: 'Accepted by the unit' },
  review_meta: {
    zh: '{unit} · {date} · {n} 条批注',
    en: '{unit} · {date} · {n} {n:comment|comments}',
  },
  review_opinion: { zh: '单位意见：', en: "The unit's opinion: " },
  review_noOpinion: { zh: '（单位未填写总体意见）', en: '(no overall opinion given)' },
  review_showComments: { zh: '展开批注', en: 'Show the comments' },
  review_hideComments: { zh: '收起批注', en: 'Hide the comments' },
  review_commentsLabel: { zh: '单位的批注', en: "The unit's comments" },
  review_goTo: { zh: '前往：{where}', en: 'Go to: {where}' },
  review_onAttachment: { zh: '附件“{name}”', en: 'attachment "{name}"' },
  review_onMaterial: { zh: '材料 {material}', en: 'material {material}' },
  review_returnedHint: {
    zh: '请按批注修改档案或附件，然后在“申报包”中重新导出：新版本会注明它更正的是哪一个退回包。',
    en: 'Correct the archive or the attachments as the comments say, then export again under Package: the new revision names the return it corrects.',
  },
  review_atField: { zh: '单位批注：', en: "Unit's comment: " },
  review_atAttachment: { zh: '单位对此附件的批注', en: "The unit's comments on this attachment" },
  review_atAttachmentLabel: { zh: '单位对附件“{name}”的批注', en: 'The unit\'s comments on "{name}"' },
  review_loadFailed: { zh: '无法显示单位审核意见：', en: "The unit's review cannot be shown: " },
} as const satisfies Record<string, Localized>;
