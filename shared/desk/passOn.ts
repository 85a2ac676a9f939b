// The pass-on by committee (报送, issue 17 item 6; N-1 附件1, N-8, N-9): who of a senior committee's applicants
// goes to the provincial department now, who is held back and why. One shape for the core
// (electron/core/desk/passOn.ts), the CLI and the screen (DeskSubmitScreen).
import { z } from 'zod';
import { Localized } from '../api/primitives.js';
import { DESK_STATUSES } from './pipeline.js';
import { Recommendation } from './recommendation.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A committee of the rule pack (附件1) with how many of the desk's applicants belong to it. */
export const PassOnCommittee = z.object({
  id: z.string(),
  no: z.number().int(),
  fullName: z.string(),
  shortName: Localized,
  /** Received by this desk and declared for this committee; `ready` of them would go now. */
  applicants: z.number().int(),
  ready: z.number().int(),
});
export type PassOnCommittee = z.infer<typeof PassOnCommittee>;

export const PassOnPerson = z.object({
  applicantId: z.string(),
  name: z.string(),
  unit: z.string(),
  specialty: z.string(),
  titleApplied: z.string(),
  exceptional: z.boolean(),
  status: z.enum(DESK_STATUSES),
  recommendation: Recommendation.nullable(),
  /** Held back: why (the status, no recommendation recorded, not recommended); null for one who goes. */
  heldBecause: Localized.nullable(),
});
export type PassOnPerson = z.infer<typeof PassOnPerson>;

/** The roster's head counts (资格审查花名册): of the committee's applicants received by this desk. */
export const PassOnCounts = z.object({
  received: z.number().int(),
  passed: z.number().int(),
  returned: z.number().int(),
  notRecommended: z.number().int(),
  exceptional: z.number().int(),
});
export type PassOnCounts = z.infer<typeof PassOnCounts>;

export const PassOnPlan = z.object({
  committee: PassOnCommittee,
  going: z.array(PassOnPerson),
  held: z.array(PassOnPerson),
  counts: PassOnCounts,
  /** The evaluation objects' publicity from the start date (N-8): end day on the state calendar, or why not. */
  publicity: z.object({ startDate: IsoDate, endDate: IsoDate, workingDays: z.number().int() }).nullable(),
  publicityProblem: Localized.nullable(),
});
export type PassOnPlan = z.infer<typeof PassOnPlan>;

/** Names of the files in the desk's batch (docs/batch-format.md, "The desk's pass-on"). */
export const PASS_ON_FILES = {
  rosterPdf: '资格审查花名册.pdf',
  rosterXlsx: '资格审查花名册.xlsx',
  objectsPdf: '评审对象名单.pdf',
} as const;
