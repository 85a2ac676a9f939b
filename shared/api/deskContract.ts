// The reviewing desk's methods (issue 17): its data, receiving the units' batches, the table across units, the
// review of one applicant (资格审查), the intermediate committee's recommendation and the pass-on by committee.
// Spread into the one contract (contract.ts) and served by electron/core/desk/handlers.ts. Import the
// contract's small pieces from primitives.ts, never contract.ts (which imports this file).

import { z } from 'zod';
import { DeskApplicantsTable } from '../desk/table.js';

// ── Desk data and receiving (审查机构信息, 接收) ─────────────────────────────────────────────────────────────
const profileMethods = {} as const;

// ── The table across units (申报人一览) ─────────────────────────────────────────────────────────────────────
const tableMethods = {
  /** Every applicant held, one row each (shared/desk/table.ts); marks overdue returns 逾期视为放弃 first. */
  'desk:applicants': { input: z.strictObject({}), output: DeskApplicantsTable },
} as const;

// ── One applicant's review (审查: checklist, comments, return, not recommended, lapse) ────────────────────────
const reviewMethods = {} as const;

// ── The intermediate committee's recommendation and the pass-on by committee (推荐, 报送) ──────────────────
const passOnMethods = {} as const;

export const deskMethods = {
  ...profileMethods,
  ...tableMethods,
  ...reviewMethods,
  ...passOnMethods,
} as const;
