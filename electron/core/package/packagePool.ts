// The main thread's end of packageWorker.ts (the pattern of attachments/pdfPool.ts): one worker thread,
// started on first use, unreferenced when idle (the CLI exits as before). If no worker can be started at
// all (a packaging problem), the jobs run in-process as they would without it; a worker that dies mid-job
// fails that job and is replaced on the next. Progress comes back as messages; a cancel is passed on and
// the job fails with the usual 'cancelled' DossierError.
import { Worker } from 'node:worker_threads';
import {
  fromWorkerError,
  PACKAGE_WORKER_ROLE,
  runPackageJob,
  type JobHooks,
  type JobResult,
  type JobResults,
  type PackageJob,
  type WorkerRequest,
  type WorkerResponse,
} from './packageWorker.js';

interface Pending {
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

let worker: Worker | null = null;
let isUnavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();
/** Jobs finished in the worker thread and in-process (a test reads it to see the work left the main thread). */
export const packagePoolStats = { inWorker: 0, inProcess: 0 };

/** Compiled, the worker is packageWorker.js beside this file; from the sources (vitest), the .ts through jiti. */
function startWorker(): Worker {
  const isSource = import.meta.url.endsWith('.ts');
  const w = new Worker(new URL(isSource ? './packageWorker.ts' : './packageWorker.js', import.meta.url), {
    workerData: PACKAGE_WORKER_ROLE,
    // (Not JITI_TRY_NATIVE as the PDF worker has: jiti's native attempt loses ZipWriter's static members.)
    ...(isSource ? { execArgv: ['--import', 'jiti/register'], env: withoutTryNative() } : {}),
  });
  let hasAnswered = false;
  w.on('message', (message: WorkerResponse) => {
    hasAnswered = true;
    const job = pending.get(message.id);
    if (!job) return;
    if ('progress' in message) {
      job.onProgress?.(message.progress.done, message.progress.total);
      return;
    }
    pending.delete(message.id);
    if (pending.size === 0) w.unref();
    if (message.ok) {
      packagePoolStats.inWorker += 1;
      job.resolve(message.result);
    } else {
      job.reject(fromWorkerError(message.error));
    }
  });
  const fail = (error: Error) => {
    if (worker === w) worker = null;
    // Gone before answering anything: it cannot be started here (e.g. the file is missing from a package).
    if (!hasAnswered) isUnavailable = true;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.reject(error);
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`package worker exited (${code})`)));
  return w;
}

function withoutTryNative(): NodeJS.ProcessEnv {
  const { JITI_TRY_NATIVE: _native, ...env } = process.env;
  return env;
}

async function inProcess(job: PackageJob, hooks: JobHooks): Promise<JobResult> {
  const result = await runPackageJob(job, hooks);
  packagePoolStats.inProcess += 1;
  return result;
}

function run(job: PackageJob, hooks: JobHooks): Promise<JobResult> {
  if (isUnavailable) return inProcess(job, hooks);
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  const cancel = () => w.postMessage({ id, cancel: true } satisfies WorkerRequest);
  return new Promise<JobResult>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress: hooks.onProgress });
    w.ref();
    w.postMessage({ id, job } satisfies WorkerRequest);
    if (hooks.signal?.aborted) cancel();
    else hooks.signal?.addEventListener('abort', cancel, { once: true });
  })
    .finally(() => hooks.signal?.removeEventListener('abort', cancel))
    .catch((e: unknown) => {
      // Could not start at all: run it here, as if there were no worker.
      if (isUnavailable && !(e instanceof Error && e.name === 'DossierError')) return inProcess(job, hooks);
      throw e;
    });
}

/** Runs a package job in the worker thread; the result type follows the job's kind. */
export async function runInPackageWorker<K extends PackageJob['kind']>(
  job: Extract<PackageJob, { kind: K }>,
  hooks: JobHooks = {},
): Promise<JobResults[K]> {
  return (await run(job, hooks)) as JobResults[K];
}
