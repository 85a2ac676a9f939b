// Reading a backup back. A FILE: the package reader's structural checks (stored entries only, names, data
// ranges that tile the file, no trailing bytes), then the manifest, then every entry's bytes against the
// SHA-256 the manifest records for it (and the CRC-32 in its ZIP headers). A FOLDER: the manifest, every
// entry a regular file (never a link to elsewhere) of its size, then every entry's bytes against its SHA-256 —
// which is how a store file changed in place after the backup linked it is found: the link shows the change,
// and the backup is refused, never restored with it. A backup is usable only when all of it reads back
// exactly as written.
import { lstat, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '../../../shared/api/contract.js';
import { DossierError } from '../errors.js';
import { printable } from '../package/entryName.js';
import { hashFile } from '../attachments/store.js';
import { cancelled } from '../package/fsUtil.js';
import { openPackage, type OpenedPackage, type ReadLimits } from '../package/zipRead.js';
import { SIG_LOCAL } from '../package/zipFormat.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupManifest,
  DATABASE_ENTRY,
  entryKind,
  infoOf,
  MANIFEST_ENTRY,
  MAX_MANIFEST_BYTES,
  STORE_ENTRY,
  type BackupInfo,
  type BackupOptions,
} from './format.js';
import { backupDamaged, backupMissing, backupTooNew, notABackup, readerReason } from './messages.js';

/** Our own files can be large (a workspace with years of scans) and hold many entries. */
export const BACKUP_LIMITS: ReadLimits = {
  maxArchiveBytes: 2 ** 40,
  maxEntries: 2_000_000,
  maxTotalBytes: 2 ** 40,
};

export interface OpenedBackup {
  pkg: OpenedPackage;
  manifest: BackupManifest;
}

/**
 * Opens a backup and checks everything but the entries' bytes: the ZIP structure, the manifest, and that the
 * entries are exactly those the manifest lists. Cheap (the central directory and the manifest only).
 */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) throw backupMissing(file);
  if (!(await startsLikeZip(file))) {
    throw notABackup(file, { zh: '它不是 ZIP 格式的文件。', en: 'it is not a ZIP file.' });
  }
  let pkg: OpenedPackage;
  try {
    pkg = await openPackage(file, BACKUP_LIMITS);
  } catch (e) {
    if (e instanceof DossierError) throw backupDamaged(file, readerReason(e));
    throw e;
  }
  try {
    return { pkg, manifest: await readManifest(pkg) };
  } catch (e) {
    await pkg.close();
    throw e;
  }
}

/** A backup starts with a local file header ("PK\x03\x04"); a truncated or damaged one still does. */
async function startsLikeZip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === SIG_LOCAL;
  } finally {
    await fh.close();
  }
}

async function readManifest(pkg: OpenedPackage): Promise<BackupManifest> {
  const { file } = pkg;
  const entry = pkg.entry(MANIFEST_ENTRY);
  if (!entry) {
    throw notABackup(file, { zh: `其中没有 ${MANIFEST_ENTRY}。`, en: `it holds no ${MANIFEST_ENTRY}.` });
  }
  const { bytes, crcOk } = await pkg.readBytes(entry, MAX_MANIFEST_BYTES);
  if (!crcOk) throw backupDamaged(file, { zh: '清单的校验值（CRC-32）不符。', en: 'the manifest fails its CRC-32.' });
  const manifest = parseManifest(file, bytes);
  checkListing(pkg, manifest);
  return manifest;
}

/** The manifest's bytes as a BackupManifest, or the refusal that says what is wrong with them. */
function parseManifest(file: string, bytes: Buffer): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw backupDamaged(file, { zh: '清单不是有效的 JSON。', en: 'the manifest is not valid JSON.' });
  }
  const head = (typeof value === 'object' && value !== null ? value : {}) as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) {
    throw notABackup(file, {
      zh: `清单的 format 不是 "${BACKUP_FORMAT}"。`,
      en: `its manifest's format is not "${BACKUP_FORMAT}".`,
    });
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw backupTooNew(file, {
      zh: `备份格式版本 ${head.version}，本版本支持至 ${BACKUP_VERSION}`,
      en: `backup format version ${head.version}; this one reads up to ${BACKUP_VERSION}`,
    });
  }
  const parsed = BackupManifest.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw backupDamaged(file, { zh: `清单内容无效（${where}）。`, en: `the manifest is invalid (${where}).` });
  }
  return parsed.data;
}

/** The entries in the file are exactly the manifest's, in its order, with the manifest last. */
function checkListing(pkg: OpenedPackage, m: BackupManifest): void {
  const fail = (detail: Localized) => backupDamaged(pkg.file, detail);
  const last = pkg.entries.at(-1);
  if (last?.path !== MANIFEST_ENTRY) {
    throw fail({ zh: '清单不是最后一个条目。', en: 'the manifest is not the last entry.' });
  }
  const inFile = pkg.entries.slice(0, -1);
  if (inFile.length !== m.entries.length) {
    throw fail({
      zh: `文件中有 ${inFile.length} 个条目，清单列出 ${m.entries.length} 个。`,
      en: `the file holds ${inFile.length} entries, the manifest lists ${m.entries.length}.`,
    });
  }
  const damaged = new Set(m.damaged);
  inFile.forEach((entry, i) => {
    const listed = m.entries[i]!;
    const name = printable(entry.path);
    if (listed.path !== entry.path || listed.size !== entry.size) {
      throw fail({
        zh: `条目“${name}”与清单不符（名称或大小）。`,
        en: `the entry "${name}" does not match the manifest (name or size).`,
      });
    }
    checkEntryPath(pkg.file, listed, i, damaged);
  });
  if (inFile[0]?.path !== DATABASE_ENTRY) {
    throw notABackup(pkg.file, { zh: '其中没有数据库。', en: 'it holds no database.' });
  }
}

/** One listed entry: a path a backup may hold (the database first and only there), a store file named by its hash. */
function checkEntryPath(
  file: string,
  listed: BackupManifest['entries'][number],
  i: number,
  damaged: Set<string>,
): void {
  const name = printable(listed.path);
  const kind = entryKind(listed.path);
  if (kind === null || (kind === 'database') !== (i === 0)) {
    throw notABackup(file, { zh: `其中有意外的条目“${name}”。`, en: `it holds an unexpected entry "${name}".` });
  }
  const hash = STORE_ENTRY.exec(listed.path)?.[2];
  if (hash !== undefined && hash !== listed.sha256 && !damaged.has(hash)) {
    throw backupDamaged(file, {
      zh: `存储文件“${name}”的 SHA-256 与其名称不符。`,
      en: `the store file "${name}" has a SHA-256 other than its name.`,
    });
  }
}

/** Reads every entry and compares it with the manifest; throws backup_damaged at the first difference. */
export async function checkEntries({ pkg, manifest }: OpenedBackup, options: BackupOptions = {}): Promise<void> {
  const total = manifest.entries.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  options.onProgress?.({ phase: 'verify', doneBytes: 0, totalBytes: total });
  for (const [i, entry] of pkg.entries.slice(0, -1).entries()) {
    if (options.signal?.aborted) throw cancelled();
    const listed = manifest.entries[i]!;
    const counted = async (chunk: Buffer) => {
      done += chunk.length;
      options.onProgress?.({ phase: 'verify', doneBytes: done, totalBytes: total });
    };
    const digest = await pkg.read(entry, counted, options.signal);
    if (!digest.crcOk || digest.size !== listed.size || digest.sha256 !== listed.sha256) {
      const name = printable(entry.path);
      throw backupDamaged(pkg.file, {
        zh: `条目“${name}”的内容与清单中的 SHA-256 不符。`,
        en: `the content of the entry "${name}" does not match its SHA-256 in the manifest.`,
      });
    }
  }
}

/** Why a backup folder's file can differ from what it held: it is the workspace's own file, linked. */
const SHARED = {
  zh: '备份后被改动过：备份文件夹中的附件与工作区共用同一份文件',
  en: 'changed after the backup was made: a backup folder shares its files with the workspace',
};

/** A backup folder opened: its manifest, checked against what the folder holds (not yet the bytes). */
export interface OpenedFolderBackup {
  dir: string;
  manifest: BackupManifest;
}

/** The file of an entry of a backup folder (paths are checked first: no `..`, no folder of another). */
export const folderEntryFile = (dir: string, entry: string) => path.join(dir, ...entry.split('/'));

/**
 * Opens a backup folder and checks everything but the bytes: the manifest, and every entry it lists
 * present as a regular file of its size. Files the manifest does not list (a file manager's thumbnails)
 * are ignored: they are never restored. Cheap (one stat per file).
 */
export async function openFolderBackup(dir: string): Promise<OpenedFolderBackup> {
  const manifestFile = path.join(dir, MANIFEST_ENTRY);
  const found = await lstat(manifestFile).catch(() => null);
  if (!found) throw notABackup(dir, { zh: `其中没有 ${MANIFEST_ENTRY}。`, en: `it holds no ${MANIFEST_ENTRY}.` });
  if (!found.isFile() || found.size > MAX_MANIFEST_BYTES) {
    throw backupDamaged(dir, {
      zh: '清单不是普通文件，或过大。',
      en: 'the manifest is not a regular file, or too large.',
    });
  }
  const manifest = parseManifest(dir, await readFile(manifestFile));
  const damaged = new Set(manifest.damaged);
  const seen = new Set<string>();
  for (const [i, listed] of manifest.entries.entries()) {
    checkEntryPath(dir, listed, i, damaged);
    const name = printable(listed.path);
    if (seen.has(listed.path)) {
      throw backupDamaged(dir, { zh: `条目“${name}”在清单中出现两次。`, en: `the entry "${name}" is listed twice.` });
    }
    seen.add(listed.path);
    const s = await lstat(folderEntryFile(dir, listed.path)).catch(() => null);
    if (!s?.isFile()) {
      throw backupDamaged(dir, {
        zh: `条目“${name}”${s ? '不是普通文件' : '不见了'}。`,
        en: `the entry "${name}" ${s ? 'is not a regular file' : 'is missing'}.`,
      });
    }
    if (s.size !== listed.size) {
      throw backupDamaged(dir, {
        zh: `条目“${name}”的大小与清单不符（${SHARED.zh}）。`,
        en: `the entry "${name}" does not have the size the manifest lists (${SHARED.en}).`,
      });
    }
  }
  if (manifest.entries[0]?.path !== DATABASE_ENTRY) {
    throw notABackup(dir, { zh: '其中没有数据库。', en: 'it holds no database.' });
  }
  return { dir, manifest };
}

/** Reads every file of a backup folder against the manifest; throws backup_damaged at the first difference. */
export async function checkFolderEntries({ dir, manifest }: OpenedFolderBackup, options: BackupOptions = {}) {
  const total = manifest.entries.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  options.onProgress?.({ phase: 'verify', doneBytes: 0, totalBytes: total });
  for (const listed of manifest.entries) {
    if (options.signal?.aborted) throw cancelled();
    const digest = await cachedHash(folderEntryFile(dir, listed.path), options.hashCache);
    if (!digest || digest.bytes !== listed.size || digest.sha256 !== listed.sha256) {
      const name = printable(listed.path);
      throw backupDamaged(dir, {
        zh: `条目“${name}”的内容与清单中的 SHA-256 不符（${SHARED.zh}）。`,
        en: `the content of the entry "${name}" does not match its SHA-256 in the manifest (${SHARED.en}).`,
      });
    }
    done += listed.size;
    options.onProgress?.({ phase: 'verify', doneBytes: done, totalBytes: total });
  }
}

/** A file's SHA-256, read once per identity in a run that shares a cache; null when it cannot be read. */
async function cachedHash(
  file: string,
  cache: Map<string, string> | undefined,
): Promise<{ sha256: string; bytes: number } | null> {
  const s = await lstat(file, { bigint: true }).catch(() => null);
  if (!s?.isFile()) return null;
  const key = `${s.dev}:${s.ino}:${s.size}:${s.ctimeNs}`;
  const known = cache?.get(key);
  if (known) return { sha256: known, bytes: Number(s.size) };
  const digest = await hashFile(file).catch(() => null);
  if (digest) cache?.set(key, digest.sha256);
  return digest;
}

/** Whether `file` is a backup folder (else it is taken for a backup file). */
export async function isFolder(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isDirectory() === true;
}

/** Opens either container far enough to know it is a backup of ours (no bytes read); throws the refusal. */
export async function openAnyBackup(file: string): Promise<BackupManifest> {
  if (await isFolder(file)) return (await openFolderBackup(file)).manifest;
  const { pkg, manifest } = await openBackup(file);
  await pkg.close();
  return manifest;
}

/** Verifies a whole backup, file or folder; what it holds, or a refusal saying what is wrong (zh/en). */
export async function verifyBackup(file: string, options: BackupOptions = {}): Promise<BackupInfo> {
  if (await isFolder(file)) {
    const opened = await openFolderBackup(file);
    await checkFolderEntries(opened, options);
    const bytes = opened.manifest.entries.reduce((sum, e) => sum + e.size, 0);
    return infoOf(file, bytes, opened.manifest, 'folder');
  }
  const opened = await openBackup(file);
  try {
    await checkEntries(opened, options);
    return infoOf(file, opened.pkg.size, opened.manifest);
  } finally {
    await opened.pkg.close();
  }
}
