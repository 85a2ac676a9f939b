// STUB (issue 7, review): the unit's level 2 on an applicant's package — used by 退回 (returnPackage.ts)
// and by the countersignature (submit.ts). Signature fixed; body to come.
import type { JobContext } from '../jobs.js';
import type { PackageRow } from '../package/packageRepo.js';
import type { ContentFile } from '../package/writePackage.js';
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export interface LevelTwoInput {
  applicantId: string;
  decision: 'accepted' | 'returned';
  /** Level-2 files besides content/unit/review.json, which this module writes from the review state. */
  files: ContentFile[];
  passphrase?: string | undefined;
}

/**
 * Adds level 2 (signed with the unit's key) to the applicant's current level-1 package held here, writes it
 * atomically into <data>/packages/ and records its package_file row (direction "exported"); returns the row.
 */
export async function writeLevelTwo(_w: Workspace, _input: LevelTwoInput, _job: JobContext): Promise<PackageRow> {
  return notBuilt('level 2');
}
