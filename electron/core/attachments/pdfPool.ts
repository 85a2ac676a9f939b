// The main thread's end of pdfWorker.ts: one worker thread, started on first use, that runs the PDF page
// operations one after another. It does not keep the process alive when idle (the CLI exits as before).
// If the worker cannot be started at all (a packaging problem), the operations run in-process, as they
// did before the worker existed; a worker that dies mid-job fails that job and is replaced on the next.
import { Worker } from 'node:worker_threads';
import { runPdfJob, WORKER_ROLE, type PdfJob, type PdfRequest, type PdfResponse } from './pdfWorker.js';

export interface PdfResult {
  bytes: Buffer;
  pages: number;
}

interface Pending {
  resolve: (result: PdfResult) => void;
  reject: (error: Error) => void;
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
  w.on('message', (response: PdfResponse) => {
    hasAnswered = true;
    const job = pending.get(response.id);
    if (!job) return;
    pending.delete(response.id);
    if (pending.size === 0) w.unref();
    if (response.ok) {
      pdfPoolStats.inWorker += 1;
      const { buffer, byteOffset, byteLength } = response.bytes;
      job.resolve({ bytes: Buffer.from(buffer, byteOffset, byteLength), pages: response.pages });
    } else {
      job.reject(new Error(response.message));
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

async function inProcess(job: PdfJob): Promise<PdfResult> {
  const { bytes, pages } = await runPdfJob(job);
  pdfPoolStats.inProcess += 1;
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages };
}

/** Runs a PDF job in the worker thread. The input bytes are copied to the worker, never taken away. */
export function runInPdfWorker(job: PdfJob): Promise<PdfResult> {
  if (isUnavailable) return inProcess(job);
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  const request: PdfRequest = { id, job };
  return new Promise<PdfResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage(request);
  }).catch((e: unknown) => {
    // Could not start at all: run it here, as before the worker existed.
    if (isUnavailable) return inProcess(job);
    throw e;
  });
}
