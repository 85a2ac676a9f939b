// The batch for the city (N-9, docs/batch-format.md): ONE stored ZIP holding the level-2 packages the unit
// countersigned, the summary sheet as PDF and spreadsheet, and batch.json listing every package with its
// SHA-256. Written with the project's deterministic ZIP writer to a staging file beside its target,
// fsynced, hashed, then renamed in and recorded (unit_batch): on a failure or a cancel no batch file appears.
//   Where (issue 19, "a folder that stays small"): the batch is a third copy of the packages, so it is not
// kept in the workspace. Given a place (`dossier … --out`), it is written there; otherwise it waits in
// <dataDir>/batches/ only until it has been downloaded whole (browser mode, or the desktop's save dialog),
// and is removed then. The workspace keeps the record — name, size, SHA-256 and who was in it — and the
// countersigned packages themselves, from which a replacement batch can be made.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UnitProfile, type BatchFile } from '../../../shared/unit/schema.js';
import type { Db } from '../db.js';
import { isAlive, mkdirPrivate } from '../durable.js';
import { DossierError } from '../errors.js';
import { throwIfCancelled, type JobContext } from '../jobs.js';
import { jsonBytes } from '../package/content.js';
import { syncDir } from '../package/fsUtil.js';
import { runInPackageWorker } from '../package/packagePool.js';
import type { PackageDownload } from '../package/packageFiles.js';
import { locatePackage } from '../package/levelAddition.js';
import { findPackageRow, type PackageRow } from '../package/packageRepo.js';
import { ZipWriter, type EntrySource } from '../package/zipWrite.js';
import type { Workspace } from '../workspace.js';

export const BATCHES_DIR = 'batches';
export const batchesDir = (dataDir: string) => path.join(dataDir, BATCHES_DIR);

export const BATCH_JSON = 'batch.json';
export const SUMMARY_PDF = '汇总表.pdf';
export const SUMMARY_XLSX = '汇总表.xlsx';
export const PACKAGES_PREFIX = 'packages/';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One package of batch.json, as every batch lists it (the unit's level 2, the desk's level 3). */
export const BATCH_PACKAGE_FIELDS = {
  path: z.string().startsWith(PACKAGES_PREFIX),
  fileName: z.string(),
  size: z.number().int().min(1),
  sha256: Sha256,
  packageId: z.string(),
  revision: z.number().int().min(1),
};

/** A package row's entry in batch.json (its place in the ZIP, size, hash, identity). */
export const batchPackageOf = (row: PackageRow) => ({
  path: `${PACKAGES_PREFIX}${row.file_name}`,
  fileName: row.file_name,
  size: row.size,
  sha256: row.sha256,
  packageId: row.package_id,
  revision: row.revision,
});

/** batch.json: what the batch carries, for the city's intake (docs/batch-format.md). */
export const BatchDoc = z.strictObject({
  format: z.literal('dossier.batch'),
  version: z.literal(1),
  unit: UnitProfile,
  /** The unit's signing key (SHA-256 of its SPKI): the level-2 signer of every package listed. */
  unitFingerprint: Sha256,
  createdAt: z.string(),
  packages: z.array(z.strictObject({ ...BATCH_PACKAGE_FIELDS, level: z.literal(2), name: z.string() })),
});
export type BatchDoc = z.infer<typeof BatchDoc>;

/** What batch.json must say for the writer: when, and each package with its hash (the unit's or the desk's). */
export interface BatchJson {
  createdAt: string;
  packages: readonly { path: string; fileName: string; size: number; sha256: string }[];
}

export interface BatchContent {
  /** batch.json: the unit's BatchDoc, or the desk's pass-on (electron/core/desk/passOn.ts). */
  doc: BatchJson;
  /** The sheets after batch.json, in order (the unit's 汇总表.pdf and .xlsx; the desk's roster and list). */
  sheets: { path: string; bytes: Uint8Array }[];
  /**
   * Each listed package's file in <dataDir>/packages/, in the order of doc.packages: a countersigned one is
   * kept as its level 1 and the unit's addition, and read through levelAddition.ts by its recorded name.
   */
  packageFiles: string[];
}

interface BatchRow {
  file_name: string;
  sha256: string;
  size: number;
  applicants: number;
  created_at: string;
}

const toBatchFile = (r: BatchRow, awaitingDownload: boolean): BatchFile => ({
  fileName: r.file_name,
  size: r.size,
  sha256: r.sha256,
  applicants: r.applicants,
  createdAt: r.created_at,
  awaitingDownload,
});

function findBatchRow(db: Db, fileName: string): BatchRow | undefined {
  return db
    .prepare<{ fileName: string }, BatchRow>('SELECT * FROM unit_batch WHERE file_name = @fileName')
    .get({ fileName });
}

/** Every batch written here, newest first; those still waiting in <dataDir>/batches/ can be downloaded. */
export async function listBatchFiles(w: Workspace): Promise<BatchFile[]> {
  const rows = w.db.prepare<[], BatchRow>('SELECT * FROM unit_batch ORDER BY created_at DESC, file_name').all();
  const waiting = new Set(await readdir(batchesDir(w.dataDir)).catch(() => [] as string[]));
  return rows.map((r) => toBatchFile(r, waiting.has(r.file_name)));
}

/** 报送批次-<unit>-<YYYYMMDD>.zip, then -2, -3 … when the day already has one. */
export function batchFileName(w: Workspace, unitName: string, date: string, present: ReadonlySet<string>): string {
  const clean = unitName.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\s.]+/gu, '').slice(0, 40) || 'unit';
  const stem = `报送批次-${clean}-${date.replace(/-/g, '')}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${stem}.zip` : `${stem}-${n}.zip`;
    if (!present.has(candidate) && !findBatchRow(w.db, candidate)) return candidate;
  }
}

const STAGING = /^batch-(\d+)-[0-9a-f]+\.partial$/;

/** Staging files that a dead process left behind (this process's own are removed by their writer). */
async function removeStaleStaging(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(STAGING.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await rm(path.join(dir, name), { force: true });
  }
}

export interface BatchTarget {
  /**
   * Where the officer chose to put the batch: an existing folder (the batch keeps its own name there) or a
   * file path in an existing folder. Absent: <dataDir>/batches/, until it is downloaded.
   */
  out?: string | undefined;
  /**
   * Recorded in the same transaction as the batch's row, after the file is in place (the desk's statuses
   * move to 已报送 with it): when it throws, the batch file is removed and nothing is recorded.
   */
  record?: (batchFile: string) => void;
}

/**
 * Refuses, before any work, a place the batch cannot go: a file path whose folder does not exist, or a file
 * that exists (a batch never overwrites one). A folder is checked again for the batch's own name when it
 * is written.
 */
export async function checkBatchTarget(out: string | undefined): Promise<void> {
  if (out === undefined) return;
  const resolved = path.resolve(out);
  const found = await stat(resolved).catch(() => null);
  if (found?.isDirectory()) return;
  if (!(await stat(path.dirname(resolved)).catch(() => null))?.isDirectory()) {
    throw new DossierError(
      'wrong_target',
      {
        zh: `报送批次的保存位置“${path.dirname(resolved)}”不是已有的文件夹。未加签，也未写出任何文件。`,
        en: `The folder to save the batch in, "${path.dirname(resolved)}", does not exist. Nothing was countersigned or written.`,
      },
      [{ path: 'out', message: { zh: '保存位置不存在', en: 'no such folder' } }],
    );
  }
  if (found) throw targetExists(resolved);
}

function targetExists(file: string): DossierError {
  return new DossierError(
    'wrong_target',
    {
      zh: `“${file}”已存在，报送批次不会覆盖任何文件。请另选位置或文件名。未写出任何文件。`,
      en: `"${file}" already exists; a batch never overwrites a file. Choose another place or name. Nothing was written.`,
    },
    [{ path: 'out', message: { zh: '文件已存在', en: 'the file exists' } }],
  );
}

/** The file the batch goes to, refused before anything is written when that place cannot take it. */
async function targetOf(w: Workspace, fileName: string, out: string | undefined): Promise<string> {
  if (out === undefined) {
    const dir = batchesDir(w.dataDir);
    await mkdirPrivate(dir);
    return path.join(dir, fileName);
  }
  await checkBatchTarget(out);
  const resolved = path.resolve(out);
  const target = (await stat(resolved).catch(() => null))?.isDirectory() ? path.join(resolved, fileName) : resolved;
  if (await stat(target).catch(() => null)) throw targetExists(target);
  if (findBatchRow(w.db, path.basename(target))) {
    throw new DossierError(
      'wrong_target',
      {
        zh: `已有名为“${path.basename(target)}”的报送批次记录，请另选文件名。未写出任何文件。`,
        en: `A batch named "${path.basename(target)}" is already recorded; choose another file name. Nothing was written.`,
      },
      [{ path: 'out', message: { zh: '文件名已用过', en: 'the name is taken' } }],
    );
  }
  return target;
}

/** True when `file` is inside the data folder (a batch the officer put there is still not kept by us). */
const isInside = (dir: string, file: string) => !path.relative(dir, file).startsWith('..');

/**
 * Writes the batch: batch.json, 汇总表.pdf, 汇总表.xlsx, then packages/<file> in batch.json's order, each
 * package's bytes checked against the hash batch.json gives it as they are copied. Progress in bytes. The
 * record's name is the file's (the officer may have named it).
 */
export async function writeBatch(
  w: Workspace,
  content: BatchContent,
  fileName: string,
  job: JobContext,
  where: BatchTarget = {},
): Promise<BatchFile> {
  const final = await targetOf(w, fileName, where.out);
  const dir = path.dirname(final);
  await removeStaleStaging(dir);
  const staging = path.join(dir, `batch-${process.pid}-${randomBytes(6).toString('hex')}.partial`);
  const json = jsonBytes(content.doc);
  let totalBytes = json.length;
  for (const sheet of content.sheets) totalBytes += sheet.bytes.length;
  for (const p of content.doc.packages) totalBytes += p.size;
  const step = { zh: '正在写入报送批次', en: 'Writing the batch' };
  try {
    const writer = await ZipWriter.create(staging, {
      signal: job.signal,
      totalBytes,
      onProgress: (done, total) => job.progress(done, total, step),
    });
    try {
      await writer.add({ path: BATCH_JSON, source: { kind: 'bytes', bytes: json } });
      for (const sheet of content.sheets)
        await writer.add({ path: sheet.path, source: { kind: 'bytes', bytes: sheet.bytes } });
      for (const [i, p] of content.doc.packages.entries()) {
        const source = await packageSource(w, path.basename(content.packageFiles[i]!), p.fileName);
        const written = await writer.add({ path: p.path, source });
        if (written.sha256 !== p.sha256) throw packageChanged(p.fileName);
      }
      await writer.finish();
    } catch (e) {
      await writer.abort();
      throw e;
    }
    throwIfCancelled(job.signal);
    const check = { zh: '正在计算报送批次的校验值', en: 'Computing the checksum of the batch' };
    const { sha256, size } = await runInPackageWorker(
      { kind: 'hash', file: staging },
      { signal: job.signal, onProgress: (done, total) => job.progress(done, total, check) },
    );
    throwIfCancelled(job.signal);
    const row: BatchRow = {
      file_name: path.basename(final),
      sha256,
      size,
      applicants: content.doc.packages.length,
      created_at: content.doc.createdAt,
    };
    await rename(staging, final);
    await syncDir(dir);
    try {
      w.db.transaction(() => {
        w.db
          .prepare(
            `INSERT INTO unit_batch (file_name, sha256, size, applicants, created_at)
             VALUES (@file_name, @sha256, @size, @applicants, @created_at)`,
          )
          .run(row);
        where.record?.(row.file_name);
      })();
    } catch (e) {
      // Not recorded: the file would be listed by nobody and block the name.
      await rm(final, { force: true });
      throw e;
    }
    return toBatchFile(row, where.out === undefined && isInside(w.dataDir, final));
  } finally {
    await rm(staging, { force: true });
  }
}

/**
 * A countersigned package's bytes: its file, or its level 1 and the unit's addition (levelAddition.ts); the
 * writer checks them against batch.json's hash as it copies them.
 */
async function packageSource(w: Workspace, name: string, listed: string): Promise<EntrySource> {
  const row = findPackageRow(w.db, name);
  const bytes = row ? await locatePackage(w, row) : null;
  if (!bytes) throw packageChanged(listed);
  return { kind: 'parts', parts: bytes.parts };
}

function packageChanged(fileName: string): DossierError {
  return new DossierError('source_changed', {
    zh: `申报包“${fileName}”在写入报送批次时与记录的校验值不符（文件被改动或损坏），未写出报送批次。`,
    en: `The package "${fileName}" did not match its recorded checksum while the batch was written (changed or damaged); no batch was written.`,
  });
}

/**
 * A batch waiting in <dataDir>/batches/, for download (browser mode GET /batches/<name>, desktop
 * app://dossier/batches/<name>); null when the name is not a recorded batch or it was handed over already.
 * Once the whole file has gone out (`onDelivered`), it is removed: the officer has it; the workspace keeps
 * its record. A download that breaks off leaves it for another try.
 */
export async function openBatchDownload(w: Workspace, fileName: string): Promise<PackageDownload | null> {
  if (fileName !== path.basename(fileName) || fileName.includes('\\')) return null;
  const row = findBatchRow(w.db, fileName);
  if (!row) return null;
  const file = path.join(batchesDir(w.dataDir), row.file_name);
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) return null;
  const ascii = `batch-${row.created_at.slice(0, 10)}-${row.sha256.slice(0, 8)}.zip`;
  return {
    stream: createReadStream(file),
    size: found.size,
    mediaType: 'application/zip',
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
    onDelivered: async () => {
      await rm(file, { force: true });
      await syncDir(path.dirname(file)).catch(() => {});
    },
  };
}
