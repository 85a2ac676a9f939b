// The heavy package work — writing and signing, verifying, extracting, hashing a whole file — as jobs that
// run in a worker thread (packagePool.ts), off the thread that serves the UI (in the desktop app, Electron's
// main process). The same functions run in-process when no worker can be started. Seconds per GB of
// hashing and I/O (pitfalls.md, "Hashing and signing"); a job reports progress and stops on a cancel.
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { VerifyReport } from '../../../shared/package/report.js';
import { DossierError } from '../errors.js';
import { blockBuffers, newDigest, pump } from './blocks.js';
import type { SigningKey } from './keyStore.js';
import type { Manifest } from './manifest.js';
import { verifyOpened } from './verify.js';
import { writePackage, type ContentFile, type LevelInfo } from './writePackage.js';
import type { ExtractedFile } from './zipExtract.js';
import { openPackage } from './zipRead.js';

/** What packagePool.ts passes as workerData, so that importing this file elsewhere starts nothing. */
export const PACKAGE_WORKER_ROLE = 'dossier-package';

export type PackageJob =
  | { kind: 'write'; out: string; files: ContentFile[]; level1: LevelInfo; key: SigningKey }
  | { kind: 'verify'; file: string; expectFingerprints?: Partial<Record<number, string>> }
  | { kind: 'extract'; file: string; dest: string; expectSha256: [string, string][] }
  | { kind: 'hash'; file: string };

export interface VerifiedLevel {
  level: number;
  manifest: Manifest | null;
  manifestSha256: string | null;
  signatureSha256: string | null;
  fingerprint: string | null;
}

export interface JobResults {
  write: { manifest: Manifest; manifestSha256: string; signatureSha256: string };
  verify: { report: VerifyReport; levels: VerifiedLevel[] };
  extract: { files: ExtractedFile[] };
  hash: { sha256: string; size: number };
}
export type JobResult = JobResults[keyof JobResults];

export interface JobHooks {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function runPackageJob(job: PackageJob, hooks: JobHooks = {}): Promise<JobResult> {
  const { onProgress, signal } = hooks;
  switch (job.kind) {
    case 'write': {
      const written = await writePackage({ ...job, onProgress, signal });
      const { manifest, manifestSha256, signatureSha256 } = written;
      return { manifest, manifestSha256, signatureSha256 };
    }
    case 'verify': {
      const pkg = await openPackage(job.file);
      try {
        const { report, levels } = await verifyOpened(pkg, {
          expectFingerprints: job.expectFingerprints,
          onProgress,
          signal,
        });
        return {
          report,
          levels: levels.map((l) => ({
            level: l.level,
            manifest: l.manifest,
            manifestSha256: l.manifestSha256,
            signatureSha256: l.signatureSha256,
            fingerprint: l.fingerprint,
          })),
        };
      } finally {
        await pkg.close();
      }
    }
    case 'extract': {
      const pkg = await openPackage(job.file);
      try {
        const files = await pkg.extractAll(job.dest, { expectSha256: new Map(job.expectSha256), onProgress, signal });
        return { files };
      } finally {
        await pkg.close();
      }
    }
    case 'hash': {
      const fh = await open(job.file, 'r');
      try {
        const size = (await fh.stat()).size;
        const digest = newDigest();
        let done = 0;
        // pump reports nothing itself: hash in slices of 64 MiB so that progress moves.
        const slice = 64 * 2 ** 20;
        const buffers = blockBuffers(size);
        while (done < size) {
          const want = Math.min(slice, size - done);
          const got = await pump({ src: fh, start: done, size: want, buffers, digest, signal });
          if (got !== want) throw new Error(`${job.file} changed while it was read`);
          done += got;
          onProgress?.(done, size);
        }
        return { sha256: digest.hash.digest('hex'), size };
      } finally {
        await fh.close();
      }
    }
  }
}

/** Main thread → worker. */
export type WorkerRequest = { id: number; job: PackageJob } | { id: number; cancel: true };

/** An error as it crosses the thread boundary: a DossierError keeps its code, message and issues. */
export interface WorkerError {
  message: string;
  dossier?: { code: string; localized: DossierError['localized']; issues?: DossierError['issues'] };
}

/** Worker → main thread. */
export type WorkerResponse =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: true; result: JobResult }
  | { id: number; ok: false; error: WorkerError };

export function toWorkerError(e: unknown): WorkerError {
  if (e instanceof DossierError) {
    return {
      message: e.message,
      dossier: { code: e.code, localized: e.localized, ...(e.issues ? { issues: e.issues } : {}) },
    };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

export function fromWorkerError(e: WorkerError): Error {
  if (e.dossier) return new DossierError(e.dossier.code, e.dossier.localized, e.dossier.issues);
  return new Error(e.message);
}

if (parentPort && workerData === PACKAGE_WORKER_ROLE) {
  const port = parentPort;
  const running = new Map<number, AbortController>();
  port.on('message', (message: WorkerRequest) => {
    if ('cancel' in message) {
      running.get(message.id)?.abort();
      return;
    }
    const { id, job } = message;
    const controller = new AbortController();
    running.set(id, controller);
    // Progress at most every 50 ms (and at the end): a block is 1 MiB, a GB would be a thousand messages.
    let last = 0;
    const onProgress = (done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      const update: WorkerResponse = { id, progress: { done, total } };
      port.postMessage(update);
    };
    runPackageJob(job, { onProgress, signal: controller.signal })
      .then(
        (result) => port.postMessage({ id, ok: true, result } satisfies WorkerResponse),
        (e: unknown) => port.postMessage({ id, ok: false, error: toWorkerError(e) } satisfies WorkerResponse),
      )
      .finally(() => running.delete(id));
  });
}
