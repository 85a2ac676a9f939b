// The UI strings of the unit's review, publicity and submission screens (issue 7), merged into i18n.ts.
import type { Localized } from '../../../shared/api/contract.js';

export const UNIT_WORK_TEXT = {
  unit_reviewTitle: { zh: '审核', en: 'Review' },
} as const satisfies Record<string, Localized>;
