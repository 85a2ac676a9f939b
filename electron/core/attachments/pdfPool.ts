// The main thread's end of pdfWorker.ts: one worker thread, started on first use, that runs the PDF page
// operations one after another. It does not keep the process alive when idle (the CLI exits as before).
// If the worker cannot be started at all (a packaging problem), the operations run in-process, as they
// did before the worker existed; a worker that dies mid-job fails that job and is replaced on the next.
// A job may report progress and be cancelled (it stops at its next boundary and fails with PdfJobCancelled).
import { Worker } from 'node:worker_threads';
import {
  PdfJobCancelled,
  PdfPartError,
  runPdfJob,
  WORKER_ROLE,
  type PdfCancel,
  type PdfJob,
  type PdfProgress,
  type PdfRequest,
  type PdfResponse,
} from './pdfWorker.js';

export interface PdfResult {
  bytes: Buffer;
  pages: number;
}

/** What the caller of a job may pass: a progress callback and a signal that cancels the job. */
export interface PdfRunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

interface Pending {
  resolve: (result: PdfResult) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

let worker: Worker | null = null;
let isUnavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();
/** Jobs finished in the worker thread (a test reads it to see the work really left the main thread). */
export const pdfPoolStats = { inWorker: 0, inProcess: 0 };

/**
 * Compiled (dist/…/pdfPool.js) the worker is pdfWorker.js beside it. From the sources (vitest runs the .ts
 * files) it is pdfWorker.ts, loaded through jiti's loader hooks (a dev dependency of eslint and vite).
 */
function startWorker(): Worker {
  const isSource = import.meta.url.endsWith('.ts');
  const w = new Worker(new URL(isSource ? './pdfWorker.ts' : './pdfWorker.js', import.meta.url), {
    workerData: WORKER_ROLE,
    ...(isSource ? { execArgv: ['--import', 'jiti/register'], env: { ...process.env, JITI_TRY_NATIVE: '1' } } : {}),
  });
  let hasAnswered = false;
  w.on('message', (message: PdfResponse | PdfProgress) => {
    hasAnswered = true;
    const job = pending.get(message.id);
    if (!job) return;
    if ('progress' in message) {
      job.onProgress?.(message.progress.done, message.progress.total);
      return;
    }
    const response = message;
    pending.delete(response.id);
    if (pending.size === 0) w.unref();
    if (response.ok) {
      pdfPoolStats.inWorker += 1;
      const { buffer, byteOffset, byteLength } = response.bytes;
      job.resolve({ bytes: Buffer.from(buffer, byteOffset, byteLength), pages: response.pages });
    } else if (response.cancelled) {
      job.reject(new PdfJobCancelled());
    } else {
      job.reject(
        response.part === undefined ? new Error(response.message) : new PdfPartError(response.part, response.message),
      );
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
  w.on('exit', (code) => fail(new Error(`PDF worker exited (${code})`)));
  return w;
}

async function inProcess(job: PdfJob, options: PdfRunOptions): Promise<PdfResult> {
  const { bytes, pages } = await runPdfJob(job, {
    progress: options.onProgress,
    isCancelled: () => options.signal?.aborted ?? false,
  });
  pdfPoolStats.inProcess += 1;
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages };
}

/**
 * Runs a PDF job in the worker thread. The input bytes are copied to the worker, never taken away. An
 * aborted `signal` asks the worker to stop at the job's next boundary (a material merge: between parts);
 * the job then fails with PdfJobCancelled.
 */
export function runInPdfWorker(job: PdfJob, options: PdfRunOptions = {}): Promise<PdfResult> {
  if (options.signal?.aborted) return Promise.reject(new PdfJobCancelled());
  if (isUnavailable) return inProcess(job, options);
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  const request: PdfRequest = { id, job };
  const cancel = () => {
    const message: PdfCancel = { id, cancel: true };
    w.postMessage(message);
  };
  return new Promise<PdfResult>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress: options.onProgress });
    w.ref();
    w.postMessage(request);
    options.signal?.addEventListener('abort', cancel, { once: true });
  })
    .finally(() => options.signal?.removeEventListener('abort', cancel))
    .catch((e: unknown) => {
      // Could not start at all: run it here, as before the worker existed.
      if (isUnavailable && !(e instanceof PdfJobCancelled)) return inProcess(job, options);
      throw e;
    });
}
