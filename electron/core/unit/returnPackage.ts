// 退回 (return for correction, issue 7): the applicant's package with the unit's level 2 — decision
// "returned", the opinion, the material marks and the comments of the current revision in
// content/unit/review.json — written into <data>/packages/ for the officer to hand back (GET /packages/<name>
// in the browser mode). The applicant imports it, sees the comments at their fields, corrects and exports
// the next revision, whose `supersedes` names this package. A job; the status becomes "returned" only once
// the file is written and recorded.
import { DossierError } from '../errors.js';
import { startJob, type JobContext } from '../jobs.js';
import { keyStatus, unlockWorkspaceKey } from '../package/keyService.js';
import { toPackageFile } from '../package/packageRepo.js';
import type { Workspace } from '../workspace.js';
import { levelOneRow, unitIdentity, writeLevelTwo } from './levelTwo.js';
import * as repo from './reviewRepo.js';
import { requireReturnable } from './reviewService.js';

/** Applicants whose return is being written: a second click must not write a second package. */
const running = new Set<string>();

/**
 * A return's job (the unit's level 2, the desk's level 3): refused at once when the key cannot sign (none,
 * or its passphrase missing) or a return of the applicant is being written; the applicant is held until
 * `write` ends.
 */
export async function startReturnJob(
  w: Workspace,
  applicantId: string,
  passphrase: string | undefined,
  write: (job: JobContext) => Promise<void>,
): Promise<{ jobId: string }> {
  const status = await keyStatus(w);
  if (!status.exists || (status.protection === 'passphrase' && !passphrase)) {
    await unlockWorkspaceKey(w, passphrase); // throws the refusal that applies
  }
  if (running.has(applicantId)) {
    throw new DossierError('return_running', {
      zh: '此申报人的退回包正在写出，请等待其完成。',
      en: "This applicant's return package is being written; wait for it to finish.",
    });
  }
  running.add(applicantId);
  const jobId = startJob(async (job) => {
    try {
      await write(job);
    } finally {
      running.delete(applicantId);
    }
  });
  return { jobId };
}

export async function startReturn(
  w: Workspace,
  input: { applicantId: string; passphrase?: string | undefined },
): Promise<{ jobId: string }> {
  const { applicantId } = input;
  // Refused at once, before any job: nothing to say, not pending, no file, no unit data, no key.
  requireReturnable(w, applicantId);
  await levelOneRow(w, applicantId);
  unitIdentity(w);
  return startReturnJob(w, applicantId, input.passphrase, async (job) => {
    const row = await writeLevelTwo(
      w,
      { applicantId, decision: 'returned', files: [], passphrase: input.passphrase },
      job,
    );
    // Checked again: the review may have changed while the file was written (it is then not returned).
    w.db.transaction(() => {
      const revision = requireReturnable(w, applicantId);
      if (revision !== row.revision) {
        throw new DossierError('revision_changed', {
          zh: `写出退回包期间导入了此申报人的第 ${revision} 版：第 ${row.revision} 版的退回包已写出，但审核状态未改变。`,
          en: `Revision ${revision} of this applicant was imported while the return package was written: the package of revision ${row.revision} was written, but the review status did not change.`,
        });
      }
      repo.putStatus(w.db, applicantId, revision, 'returned');
    })();
    job.setResult({ package: toPackageFile(row) });
    job.progress(1, 1, { zh: `已写出退回包：${row.file_name}`, en: `Return package written: ${row.file_name}` });
  });
}
