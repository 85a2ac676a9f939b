// Who can be passed upwards (N-9): those whose line of steps reached 公示无异议 (shared/unit/pipeline.ts) —
// accepted and publicised without objection (N-8). Everyone else is said with the next step their stage
// needs, in the same words as the review page. The core checks the same before it signs anything.
import type { Localized } from '../../../../shared/api/contract.js';
import { isReplacement, isSubmittable, NEXT_STEP } from '../../../../shared/unit/pipeline.js';
import type { UnitApplicantRow } from '../../../../shared/unit/schema.js';

export const isReady = (row: UnitApplicantRow): boolean => isSubmittable(row.stage);

/** Countersigned already: may go into a new batch, which then replaces the earlier package. */
export const isPassedOn = (row: UnitApplicantRow): boolean => isReplacement(row.stage);

/** What the applicant's stage still needs before they can be passed on. */
export const notReadyReason = (row: UnitApplicantRow): Localized => NEXT_STEP[row.stage];
