// Long work (forms, merged PDFs; later package export and import) as jobs the UI can watch and cancel:
// `start` returns at once with an id, the work runs on, `status` reports progress, `cancel` aborts it.
// The UI polls; polling keeps one transport (IPC or HTTP) for everything and survives a reload.
import { randomUUID } from 'node:crypto';
import type { ApiError, GeneratedFile, JobStatus, Localized } from '../../shared/api/contract.js';
import { DossierError, explainFailure } from './errors.js';

export interface JobContext {
  signal: AbortSignal;
  progress(done: number, total: number, step: Localized): void;
  /** A finished result (kept even when a later step fails or the job is cancelled). */
  produced(file: GeneratedFile): void;
  /** The job's own result (a package written, an import's outcome, a backup). */
  setResult(
    result: Pick<
      JobStatus,
      | 'package'
      | 'imported'
      | 'backup'
      | 'backupCheck'
      | 'restoredTo'
      | 'unitImport'
      | 'deskImport'
      | 'batch'
      | 'autoBackup'
      | 'storeVerify'
    >,
  ): void;
}

interface Job {
  status: JobStatus;
  controller: AbortController;
  finishedAt: number | null;
}

/** Finished jobs are kept this long for a late status poll, then forgotten. */
const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, Job>();

export const cancelled = (): DossierError => new DossierError('cancelled', { zh: '已取消', en: 'Cancelled' });

/** Throws `cancelled` once the job has been cancelled; call between steps. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancelled();
}

export function startJob(run: (ctx: JobContext) => Promise<void>): string {
  forgetOld();
  const jobId = randomUUID();
  const job: Job = {
    status: {
      jobId,
      state: 'running',
      done: 0,
      total: 0,
      step: { zh: '准备中', en: 'Preparing' },
      files: [],
      error: null,
    },
    controller: new AbortController(),
    finishedAt: null,
  };
  jobs.set(jobId, job);
  const ctx: JobContext = {
    signal: job.controller.signal,
    progress(done, total, step) {
      Object.assign(job.status, { done, total, step });
    },
    produced(file) {
      job.status.files.push(file);
    },
    setResult(result) {
      Object.assign(job.status, result);
    },
  };
  // Started on the next turn so that `start` answers before any CPU-heavy work begins.
  setImmediate(() => {
    run(ctx).then(
      () => finish(job, job.controller.signal.aborted ? 'cancelled' : 'done', null),
      (e: unknown) => {
        if (job.controller.signal.aborted || (e instanceof DossierError && e.code === 'cancelled')) {
          finish(job, 'cancelled', null);
        } else {
          finish(job, 'failed', toApiError(e));
        }
      },
    );
  });
  return jobId;
}

function finish(job: Job, state: JobStatus['state'], error: ApiError | null): void {
  job.status.state = state;
  job.status.error = error;
  job.finishedAt = Date.now();
}

function toApiError(e: unknown): ApiError {
  return explainFailure(e).toApiError();
}

export function jobStatus(jobId: string): JobStatus {
  const job = jobs.get(jobId);
  if (!job) {
    throw new DossierError('job_unknown', {
      zh: '找不到该任务（可能已在应用重启前结束）',
      en: 'No such job (it may have ended before the app restarted)',
    });
  }
  return structuredClone(job.status);
}

export function cancelJob(jobId: string): void {
  const job = jobs.get(jobId);
  if (job && job.status.state === 'running') job.controller.abort();
}

/** Waits for a job to end (the CLI and tests; the UI polls). */
export async function waitForJob(jobId: string, onStatus?: (s: JobStatus) => void): Promise<JobStatus> {
  for (;;) {
    const status = jobStatus(jobId);
    onStatus?.(status);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function forgetOld(): void {
  const now = Date.now();
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}
