// A return that can be checked off (issue 19, item 3). When the revision before the current one was returned
// (退回: the unit's level 2 with decision "returned", content/unit/review.json), every comment of that return
// is listed on the corrected revision with what the applicant changed at its target (archiveDiff.ts changesAt:
// the field's change, the scan's replacement, or nothing — 未修改) and the officer's tick: addressed or still
// open (migration 9, return_check). Ticks change only while the corrected revision's review is pending, and
// only for comments of that return (N-10: the unit answers for the archive it passes on, so what it asked
// for is checked, not assumed).
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import { STAGE_LABELS } from '../../../shared/unit/pipeline.js';
import { ReviewDoc, type ReturnChecklist } from '../../../shared/unit/schema.js';
import { requireApplicant } from '../archiveService.js';
import { DossierError } from '../errors.js';
import type { PackageRow } from '../package/packageRepo.js';
import type { Workspace } from '../workspace.js';
import { changesAt } from './archiveDiff.js';
import { REVIEW_PATH } from './levelTwo.js';
import { requireUnit } from './mode.js';
import { readPackageContent } from './packageContent.js';
import * as repo from './reviewRepo.js';
import { applicantPackageRows, changesSincePrevious, currentRevision, type SincePrevious } from './revisions.js';

const MAX_REVIEW_BYTES = 4 * 2 ** 20;

/** The returned package among a revision's files: a level 2 this unit wrote whose review.json says "returned". */
async function returnedPackage(w: Workspace, rows: readonly PackageRow[]): Promise<PackageRow | null> {
  for (const row of rows.filter((r) => r.direction === 'exported' && r.level === 2)) {
    const read = await readPackageContent(w, row, 2, REVIEW_PATH, MAX_REVIEW_BYTES);
    if (!read) continue;
    let decision: string | null = null;
    try {
      decision = ReviewDoc.parse(JSON.parse(read.bytes.toString('utf8'))).decision;
    } catch {
      decision = null;
    }
    // A countersignature (decision "accepted") asked nothing of the applicant.
    if (decision === 'returned') return row;
  }
  return null;
}

/** The return's comments with the changes at their targets and the ticks made on `revision`. */
function checklistOf(
  w: Workspace,
  applicantId: string,
  revision: number,
  returned: { revision: number; row: PackageRow },
  since: SincePrevious,
): ReturnChecklist {
  const ticks = repo.returnChecks(w.db, applicantId, revision);
  const items = repo.listComments(w.db, applicantId, returned.revision).map(({ revision: _revision, ...comment }) => {
    const tick = ticks.get(comment.id);
    return {
      comment,
      ...changesAt(comment, since.changes, since.attachmentChanges),
      state: tick?.state ?? null,
      checkedAt: tick?.checkedAt ?? null,
    };
  });
  return { revision: returned.revision, fileName: returned.row.file_name, items };
}

/**
 * For unit:review: the fields and scans changed since the previous revision and, when that revision was
 * returned, its comments as a checklist on this one.
 */
export async function sincePreviousRevision(
  w: Workspace,
  applicantId: string,
  rows: readonly PackageRow[],
): Promise<Pick<OutputOf<'unit:review'>, 'changes' | 'attachmentChanges' | 'returnChecklist'>> {
  const since = await changesSincePrevious(w, applicantId, rows);
  const { changes, attachmentChanges } = since;
  const current = rows[0]?.revision;
  const returned = since.previous ? await returnedPackage(w, since.previous.rows) : null;
  if (!returned || !since.previous || current === undefined)
    return { changes, attachmentChanges, returnChecklist: null };
  return {
    changes,
    attachmentChanges,
    returnChecklist: checklistOf(w, applicantId, current, { revision: since.previous.revision, row: returned }, since),
  };
}

/** The returned revision the current one corrects, or null (the first revision, or the previous not returned). */
async function returnedRevision(w: Workspace, applicantId: string, current: number): Promise<number | null> {
  const older = applicantPackageRows(w, applicantId).filter((r) => r.revision < current);
  const revision = older[0]?.revision;
  if (revision === undefined) return null;
  return (await returnedPackage(
    w,
    older.filter((r) => r.revision === revision),
  ))
    ? revision
    : null;
}

/** Ticks (or unticks) one comment of the return on the corrected revision, while its review is pending. */
export async function checkReturnComment(
  w: Workspace,
  input: InputOf<'unit:checkReturnComment'>,
): Promise<OutputOf<'unit:checkReturnComment'>> {
  const { applicantId, commentId, state } = input;
  requireUnit(w);
  requireApplicant(w.db, applicantId);
  const revision = currentRevision(w, applicantId);
  const returned = await returnedRevision(w, applicantId, revision);
  if (returned === null) {
    throw new DossierError(
      'no_return',
      {
        zh: `此申报人的第 ${revision} 版不是对退回的更正（上一版没有被本单位退回），没有需要核对的退回意见，未做任何改动。`,
        en: `Revision ${revision} of this applicant does not correct a return (the previous one was not returned by this unit): there are no comments to check; nothing was changed.`,
      },
      [{ path: 'commentId', message: { zh: '没有退回意见', en: 'no return' } }],
    );
  }
  const checkedAt = new Date().toISOString();
  w.db.transaction(() => {
    const comment = repo.findComment(w.db, applicantId, commentId);
    if (!comment || comment.revision !== returned) {
      const which = comment
        ? { zh: `它是第 ${comment.revision} 版的批注`, en: `it belongs to revision ${comment.revision}` }
        : { zh: '此申报人没有这条批注', en: 'this applicant has no such comment' };
      throw new DossierError(
        'comment_not_in_return',
        {
          zh: `批注“${commentId}”不是第 ${returned} 版退回意见中的一条（${which.zh}），未做任何改动。`,
          en: `Comment "${commentId}" is not one of the comments of the return of revision ${returned} (${which.en}); nothing was changed.`,
        },
        [{ path: 'commentId', message: { zh: '不是退回意见中的批注', en: 'not a comment of the return' } }],
      );
    }
    const { status } = repo.reviewState(w.db, applicantId, revision);
    if (status !== 'pending') {
      throw new DossierError('review_not_pending', {
        zh: `第 ${revision} 版的审核状态为“${STAGE_LABELS[status].zh}”，退回意见的核对不能再改动，未做任何改动。如需修改，请先重新打开审核。`,
        en: `The review of revision ${revision} is ${STAGE_LABELS[status].en.toLowerCase()}; the return's checklist can no longer change, nothing was changed. Reopen the review first to change it.`,
      });
    }
    repo.putReturnCheck(w.db, applicantId, revision, commentId, state, checkedAt);
  })();
  return { commentId, state, checkedAt: state === null ? null : checkedAt };
}
