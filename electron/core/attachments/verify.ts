// The store's integrity check (issues 3, 13): every stored file re-hashed against its name, every hash the
// database names looked for. Deterministic — every file, in name order, never a sample — with progress and
// cancel (a job in the app, `dossier doctor --full` on the command line). What it finds is remembered for
// the banner and the attachment cards (health.ts) until the file is added again or replaced.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { VerifyReport } from '../../../shared/attachments/schema.js';
import { DossierError } from '../errors.js';
import { startJob } from '../jobs.js';
import { generatedHashes } from '../forms/generatedRepo.js';
import type { Workspace } from '../workspace.js';
import { attachmentsBySha } from './attachmentRepo.js';
import { rememberChecked } from './health.js';
import { hashFile, listStored, storedPath, type Store } from './store.js';

export interface HashOptions {
  signal?: AbortSignal | undefined;
  /** Bytes hashed so far of the total to hash. */
  onProgress?: ((doneBytes: number, totalBytes: number) => void) | undefined;
}

/**
 * Re-hashes the named store files, in the order given; a file that cannot be read counts as damaged.
 * Returns the damaged ones, sorted.
 */
export async function hashStoreFiles(
  store: Store,
  hashes: readonly string[],
  options: HashOptions = {},
): Promise<{ checkedFiles: number; checkedBytes: number; damaged: string[] }> {
  let totalBytes = 0;
  if (options.onProgress) {
    for (const sha256 of hashes) totalBytes += (await stat(storedPath(store, sha256)).catch(() => null))?.size ?? 0;
  }
  let doneBytes = 0;
  const onBytes = options.onProgress
    ? (n: number) => options.onProgress!((doneBytes += n), Math.max(totalBytes, doneBytes))
    : undefined;
  const damaged: string[] = [];
  let checkedBytes = 0;
  for (const sha256 of hashes) {
    if (options.signal?.aborted) throw new DossierError('cancelled', { zh: '已取消', en: 'Cancelled' });
    const { sha256: actual, bytes } = await hashFile(storedPath(store, sha256), onBytes).catch(() => ({
      sha256: '',
      bytes: 0,
    }));
    checkedBytes += bytes;
    if (actual !== sha256) damaged.push(sha256);
  }
  return { checkedFiles: hashes.length, checkedBytes, damaged: damaged.sort() };
}

export async function verifyStore(w: Workspace, options: HashOptions = {}): Promise<VerifyReport> {
  const referenced = attachmentsBySha(w.db);
  // Generated forms live in the store too (issue 5); they are referenced, by no attachment.
  for (const sha256 of generatedHashes(w.db)) if (!referenced.has(sha256)) referenced.set(sha256, []);
  const { hashes } = listStored(w.store);
  const hashed = await hashStoreFiles(w.store, hashes, options);
  const damaged = new Set(hashed.damaged);
  const report: VerifyReport = {
    checkedFiles: hashed.checkedFiles,
    checkedBytes: hashed.checkedBytes,
    missing: [],
    damaged: hashed.damaged.map((sha256) => ({ sha256, attachments: referenced.get(sha256) ?? [] })),
    unreferenced: hashes.filter((sha256) => !damaged.has(sha256) && !referenced.has(sha256)),
    isOk: true,
  };
  for (const [sha256, attachments] of referenced) {
    if (!existsSync(storedPath(w.store, sha256))) report.missing.push({ sha256, attachments });
  }
  report.isOk = report.missing.length === 0 && report.damaged.length === 0;
  await rememberChecked(w, hashes, hashed.damaged);
  return report;
}

const MB = 1024 * 1024;

/** The full check as a job (备份与检查): progress in MB, cancel between blocks of a file. */
export function startVerifyStore(w: Workspace): { jobId: string } {
  const jobId = startJob(async (job) => {
    const report = await verifyStore(w, {
      signal: job.signal,
      onProgress: (done, total) =>
        job.progress(Math.floor(done / MB), Math.max(1, Math.ceil(total / MB)), {
          zh: `正在检查附件文件（${(done / MB).toFixed(0)}/${(total / MB).toFixed(0)} MB）`,
          en: `Checking the attachment files (${(done / MB).toFixed(0)} of ${(total / MB).toFixed(0)} MB)`,
        }),
    });
    job.setResult({ storeVerify: report });
  });
  return { jobId };
}

/** How many files the spot check after opening re-hashes (the start-up check's sample). */
export const SPOT_CHECK_FILES = 20;

/**
 * The spot check after opening (issue 8's sample, which no longer blocks: issue 13): a few stored files,
 * chosen at random, re-hashed in the background; what it finds shows in the banner. Never throws.
 */
export async function spotCheck(w: Workspace, files = SPOT_CHECK_FILES): Promise<void> {
  try {
    const chosen = sampleOf(listStored(w.store).hashes, files);
    const { damaged } = await hashStoreFiles(w.store, chosen);
    await rememberChecked(w, chosen, damaged);
  } catch {
    // A workspace closed meanwhile, a store that went away: the full check will say what is wrong.
  }
}

/** The spot check a moment after opening, when the first screen has loaded; returns its cancel. */
export function scheduleSpotCheck(w: Workspace, delayMs = 3000): () => void {
  const timer = setTimeout(() => void spotCheck(w), delayMs);
  timer.unref();
  return () => clearTimeout(timer);
}

/** `count` distinct hashes chosen at random (a partial Fisher–Yates shuffle). */
export function sampleOf(hashes: readonly string[], count: number, random = Math.random): string[] {
  const pool = [...hashes];
  const n = Math.min(pool.length, Math.max(0, count));
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}
