// A countersigned package kept as the applicant's level-1 file plus the unit's addition (issue 19, "a folder
// that stays small"). The unit adds level 2 by copying every entry of the level-1 file as it is and appending
// its own (docs/package-format.md: "adding level n+1 appends after level n without moving a byte"): the
// level-2 file begins with the level-1 file's bytes up to its central directory. Keeping both whole files
// kept every scan twice more, and the backups, which share the files they find (backup/snapshot.ts), would
// have held the level-1 file alone once it went. So the level-2 file is kept as what it adds —
// `<its name>.added`: its bytes from where level 1's central directory began, to its end (the unit's files,
// its manifest, signature and key, and the new central directory), a few hundred KB — and is rebuilt,
// byte for byte, from the two whenever it is read (the batch, a download, a reader of its level 2). It is
// kept so only after the rebuilt bytes were found to have the very SHA-256 of the file just written; its
// package_file row records that file (name, size, SHA-256) as before.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PRIVATE_FILE } from '../durable.js';
import { DossierError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { packagesDir } from '../paths.js';
import { syncDir } from './fsUtil.js';
import { rowsOfPackage, type PackageRow } from './packageRepo.js';
import { openPackage } from './zipRead.js';

/** The file that holds what a level adds to the file of the level below it. */
export const ADDITION_EXTENSION = '.added';

/** A slice of a file; the bytes of a package are one (its own file) or two (level 1, then the addition). */
export interface Part {
  path: string;
  start: number;
  size: number;
}

export interface PackageBytes {
  parts: Part[];
  size: number;
  /** Kept as an addition: the row of the level below, whose file holds the first part. */
  base: PackageRow | null;
}

const ownFile = (w: Workspace, row: PackageRow) => path.join(packagesDir(w.dataDir), row.file_name);
export const additionFile = (w: Workspace, row: PackageRow) => `${ownFile(w, row)}${ADDITION_EXTENSION}`;

/** Where a package's central directory begins: after the last entry's data (the reader makes them tile). */
async function centralStart(file: string): Promise<number> {
  const pkg = await openPackage(file);
  try {
    const last = pkg.entries.at(-1);
    return last ? last.dataStart + last.size : 0;
  } finally {
    await pkg.close();
  }
}

/** The row one level below, of the same revision and the same level 1. */
function baseOf(w: Workspace, row: PackageRow): PackageRow | undefined {
  return rowsOfPackage(w.db, row.package_id).find(
    (r) => r.revision === row.revision && r.level === row.level - 1 && r.l1_manifest_sha256 === row.l1_manifest_sha256,
  );
}

/** The bytes as one stream. */
export function packageStream(bytes: PackageBytes): Readable {
  return Readable.from(
    (async function* () {
      for (const p of bytes.parts) {
        if (p.size > 0)
          yield* createReadStream(p.path, { start: p.start, end: p.start + p.size - 1, highWaterMark: 1 << 20 });
      }
    })(),
  );
}

async function digestOf(bytes: PackageBytes): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of packageStream(bytes)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Where a row's bytes are: its own file when present; else the file of the level below and this level's
 * addition, checked against the recorded size (and, with `check`, the recorded SHA-256: what goes out —
 * a download, a batch — must be the very bytes that were signed). Null when neither exists.
 */
export async function locatePackage(
  w: Workspace,
  row: PackageRow,
  options: { check?: boolean } = {},
): Promise<PackageBytes | null> {
  const own = ownFile(w, row);
  const found = await stat(own).catch(() => null);
  if (found?.isFile()) return { parts: [{ path: own, start: 0, size: found.size }], size: found.size, base: null };
  const added = await stat(additionFile(w, row)).catch(() => null);
  const base = added?.isFile() ? baseOf(w, row) : undefined;
  const baseFile = base ? ownFile(w, base) : null;
  if (!base || !baseFile || !(await stat(baseFile).catch(() => null))?.isFile()) return null;
  const prefix = await centralStart(baseFile).catch(() => -1);
  if (prefix < 0 || prefix + added!.size !== row.size) return null;
  const bytes: PackageBytes = {
    parts: [
      { path: baseFile, start: 0, size: prefix },
      { path: additionFile(w, row), start: 0, size: added!.size },
    ],
    size: row.size,
    base,
  };
  if (options.check && (await digestOf(bytes)).sha256 !== row.sha256) return null;
  return bytes;
}

/**
 * Keeps the level-`lower.level + 1` package just written at `full` as `<final>.added`, once the level-1
 * file and that addition are found to give back exactly `full`'s bytes (`sha256`). False, writing nothing,
 * when they do not: the caller then keeps the whole file. The addition goes through a staging name
 * (`export-<pid>-<hex>.partial`, removed by the next export's clean-up after a crash), fsynced, renamed in.
 */
export async function keepAsAddition(
  w: Workspace,
  lower: PackageRow,
  full: string,
  final: string,
  sha256: string,
): Promise<boolean> {
  const baseFile = ownFile(w, lower);
  const prefix = await centralStart(baseFile).catch(() => -1);
  const size = (await stat(full)).size;
  if (prefix <= 0 || prefix >= size) return false;
  const staging = path.join(packagesDir(w.dataDir), `export-${process.pid}-${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeDurably(createReadStream(full, { start: prefix, highWaterMark: 1 << 20 }), staging);
    const rebuilt = {
      parts: [
        { path: baseFile, start: 0, size: prefix },
        { path: staging, start: 0, size: size - prefix },
      ],
      size,
      base: lower,
    };
    const digest = await digestOf(rebuilt);
    if (digest.sha256 !== sha256 || digest.size !== size) return false;
    await rename(staging, `${final}${ADDITION_EXTENSION}`);
    await syncDir(path.dirname(final));
    return true;
  } finally {
    await rm(staging, { force: true });
  }
}

/**
 * The row's bytes as a file of their own, for a reader that needs one (the unit's own files of a level kept
 * as an addition): its own file, or a copy written beside the packages as `export-<pid>-<hex>.partial` and
 * checked against the recorded SHA-256, which `release` removes.
 */
export async function wholePackageFile(
  w: Workspace,
  row: PackageRow,
): Promise<{ file: string; release(): Promise<void> }> {
  const bytes = await locatePackage(w, row);
  if (!bytes) throw missingPackage(row);
  if (bytes.base === null) return { file: bytes.parts[0]!.path, release: async () => {} };
  const target = path.join(packagesDir(w.dataDir), `export-${process.pid}-${randomBytes(6).toString('hex')}.partial`);
  const release = () => rm(target, { force: true });
  try {
    const hash = createHash('sha256');
    const hashed = async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    };
    await writeDurably(Readable.from(hashed(packageStream(bytes))), target);
    if (hash.digest('hex') !== row.sha256) throw missingPackage(row);
    return { file: target, release };
  } catch (e) {
    await release();
    throw e;
  }
}

/** A new file (never an existing one) with the stream's bytes, fsynced. */
async function writeDurably(source: Readable, target: string): Promise<void> {
  await pipeline(source, createWriteStream(target, { flags: 'wx', mode: PRIVATE_FILE }));
  // Read-write: Windows flushes only a handle that may write.
  const fh = await open(target, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export function missingPackage(row: PackageRow): DossierError {
  return new DossierError('package_file_missing', {
    zh: `申报包文件“${row.file_name}”不在工作区的 packages 文件夹中，或已无法完整取回。请重新导入该申报包。`,
    en: `The package file "${row.file_name}" is missing from the workspace's packages folder, or can no longer be rebuilt whole. Import that package again.`,
  });
}
