// The applicant's side of a unit review (issue 7): the review that came back with a package of theirs — the
// newest imported package file of their package id with the unit's level (2 or more) on the newest revision
// they hold. Once they export a corrected revision, that revision is the newest and the old review is no
// longer open (null). content/unit/review.json is read strictly from the package file (packageContent.ts)
// and must fit ReviewDoc; a level 2 that carries no review.json (another program's) has nothing to show.
import type { ReceivedReview } from '../../../shared/unit/schema.js';
import { ReviewDoc } from '../../../shared/unit/schema.js';
import { requireApplicant } from '../archiveService.js';
import { DossierError } from '../errors.js';
import type { PackageRow } from '../package/packageRepo.js';
import type { Workspace } from '../workspace.js';
import { REVIEW_PATH } from './levelTwo.js';
import { readPackageContent } from './packageContent.js';
import { applicantPackageRows } from './revisions.js';

const MAX_REVIEW_BYTES = 4 * 2 ** 20;

/**
 * A reviewer's answer as held: the newest package file imported with a reviewer's level (`isLevel`: the unit's
 * 2 or more, a desk's 3) on the applicant's newest revision, and `contentPath` as level `readLevel` lists it,
 * parsed as JSON (null when its bytes are no JSON), with that level's signer; null when there is none.
 */
export async function newestReviewerContent(
  w: Workspace,
  applicantId: string,
  isLevel: (level: number) => boolean,
  readLevel: number,
  contentPath: string,
): Promise<{ row: PackageRow; json: unknown; signer: string } | null> {
  const rows = applicantPackageRows(w, applicantId);
  const newest = rows[0]?.revision;
  const row = rows
    .filter((r) => r.direction === 'imported' && isLevel(r.level) && r.revision === newest)
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0))[0];
  if (!row) return null;
  const read = await readPackageContent(w, row, readLevel, contentPath, MAX_REVIEW_BYTES);
  if (!read) return null;
  let json: unknown = null;
  try {
    json = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    json = null;
  }
  return { row, json, signer: read.manifest.signer.fingerprint };
}

export async function receivedReview(w: Workspace, applicantId: string): Promise<{ received: ReceivedReview | null }> {
  requireApplicant(w.db, applicantId);
  const held = await newestReviewerContent(w, applicantId, (level) => level >= 2, 2, REVIEW_PATH);
  if (!held) return { received: null };
  const { row } = held;
  const parsed = ReviewDoc.safeParse(held.json);
  // The key the review names must be the one that signed level 2: a review.json cannot speak for another unit.
  if (!parsed.success || parsed.data.unitFingerprint !== held.signer) {
    throw new DossierError('review_unreadable', {
      zh: `申报包“${row.file_name}”中的单位审核意见（${REVIEW_PATH}）格式不正确或与单位签名不符，无法显示。`,
      en: `The unit's review in "${row.file_name}" (${REVIEW_PATH}) does not fit its format or its signer, and cannot be shown.`,
    });
  }
  const review = parsed.data;
  return { received: { packageId: row.package_id, revision: row.revision, fileName: row.file_name, review } };
}
