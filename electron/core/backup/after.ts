// The automatic backup after the unit's weightiest work (issue 19): the countersignature and the batch for
// the city (unit:submit's job). The daily backup is taken soon after start, before the day's work; a folder
// backup (auto.ts) costs the database copy and links, seconds even for a large workspace, so one is taken
// right after such a job — once its result is recorded, whatever became of it (a job that failed or was
// cancelled half-way may still have countersigned some). The backup never fails the work: its outcome is
// reported beside the job's result (JobStatus.autoBackup) and in the log.
import path from 'node:path';
import type { Localized } from '../../../shared/api/contract.js';
import { DossierError } from '../errors.js';
import type { JobContext } from '../jobs.js';
import type { Workspace } from '../workspace.js';
import { autoBackup, type AutoBackupOptions } from './auto.js';

export interface AfterWorkBackup {
  /** The backup folder made, in <dataDir>/backups/; null when it could not be made. */
  name: string | null;
  error: Localized | null;
}

/** Takes the after-work backup; never throws (a failure is returned, and logged in one line). */
export async function backupAfterWork(
  w: Workspace,
  options: Omit<AutoBackupOptions, 'afterWork'> = {},
): Promise<AfterWorkBackup> {
  try {
    const result = await autoBackup(w, { ...options, afterWork: true });
    return { name: path.basename(result.file), error: null };
  } catch (e) {
    const reason: Localized =
      e instanceof DossierError ? e.localized : { zh: String(e), en: e instanceof Error ? e.message : String(e) };
    console.error(`[dossier] the automatic backup after the work failed: ${reason.en}`);
    return {
      name: null,
      error: {
        zh: `工作已完成，但随后的自动备份未能完成：${reason.zh}。请在“备份与恢复”中手动备份一次。`,
        en: `The work is done, but the automatic backup after it failed: ${reason.en}. Make a backup by hand in Backups.`,
      },
    };
  }
}

/**
 * Runs a job's work, then the after-work backup (its outcome in the job's status), then lets the work's
 * own failure, if any, end the job as it would have. The work's last progress line is shown again after
 * the backup's: it says what the job did.
 */
export async function withBackupAfter(
  w: Workspace,
  job: JobContext,
  work: (job: JobContext) => Promise<void>,
): Promise<void> {
  let last: Parameters<JobContext['progress']> | null = null;
  const tracked: JobContext = {
    ...job,
    progress: (...args) => {
      last = args;
      job.progress(...args);
    },
  };
  let failure: { error: unknown } | null = null;
  try {
    await work(tracked);
  } catch (e) {
    failure = { error: e };
  }
  job.progress(1, 1, { zh: '正在自动备份工作区', en: 'Backing up the workspace' });
  job.setResult({ autoBackup: await backupAfterWork(w) });
  if (last) job.progress(...(last as Parameters<JobContext['progress']>));
  if (failure) throw failure.error;
}
