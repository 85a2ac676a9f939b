// STUB (issue 7, intake): the unit's applicant table.
import type { UnitApplicantRow } from '../../../shared/unit/schema.js';
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export function unitApplicants(_w: Workspace): { rows: UnitApplicantRow[] } {
  return notBuilt('unit:applicants');
}
export function unitApplicantRow(_w: Workspace, _applicantId: string): UnitApplicantRow {
  return notBuilt('unit:applicants');
}
