// STUB (issue 7, review): the applicant's side — the unit's review that came back with a package.
import type { ReceivedReview } from '../../../shared/unit/schema.js';
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export async function receivedReview(
  _w: Workspace,
  _applicantId: string,
): Promise<{ received: ReceivedReview | null }> {
  return notBuilt('review:received');
}
