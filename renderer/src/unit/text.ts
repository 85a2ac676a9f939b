// The UI strings of the unit's workspace (issue 7), merged into the one dictionary (i18n.ts).
import type { Localized } from '../../../shared/api/contract.js';

export const UNIT_TEXT = {
  unit_workspace: { zh: '单位审核', en: "Unit's review" },
} as const satisfies Record<string, Localized>;
