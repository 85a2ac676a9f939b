// The UI strings of the applicant's side of a unit review (issue 7: comments of a 退回 at their fields),
// merged into the one dictionary (i18n.ts).
import type { Localized } from '../../../shared/api/contract.js';

export const REVIEW_TEXT = {
  review_received: { zh: '单位审核意见', en: "The unit's review" },
} as const satisfies Record<string, Localized>;
