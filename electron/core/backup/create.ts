// 备份: the whole workspace — the database, every file of the attachment store, every signed package file —
// into a backup FILE or a backup FOLDER (format.ts).
//   A FILE: every file read once (SHA-256 and CRC-32 on the way) into a ZIP of stored entries, the manifest
// last, written to a temp file beside the target, fsynced and renamed to `<target>.partial-…` (zipWrite.ts),
// then read back whole and checked against the manifest, and only then renamed to the target.
//   A FOLDER: built at `<target>.partial-…` — the store's and the packages' files hard-linked (a copy where
// the disk cannot link), the database copied, the manifest written last — then its database read back and
// every entry's presence and size checked, and renamed to the target. Store and package files are never
// rewritten in place (a new version is a new file, renamed in), so a link holds the bytes the workspace
// held when the backup was made; their hashes are their names (store) and the recorded ones (packages),
// and verifyBackup re-reads them all.
//   Either way a crash or a failed check never leaves anything under the target's name, and an older backup
// of the same name stays until the new one is known good.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashFile } from '../attachments/store.js';
import { mkdirPrivate, PRIVATE_FILE } from '../durable.js';
import { DossierError } from '../errors.js';
import { syncDir } from '../package/fsUtil.js';
import { ZipWriter } from '../package/zipWrite.js';
import { appVersion, type Workspace } from '../workspace.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DATABASE_ENTRY,
  infoOf,
  MANIFEST_ENTRY,
  PACKAGE_ENTRY,
  type BackupInfo,
  type BackupManifest,
  type BackupOptions,
  type ManifestEntry,
} from './format.js';
import { takeSnapshot, type Snapshot } from './snapshot.js';
import { checkEntries, openBackup, openFolderBackup } from './verify.js';

/** The name a backup has until it is verified: never the target's, recognisably ours (auto.ts cleans up). */
export const PARTIAL_MARK = '.partial-';

const partialOf = (target: string) => `${target}${PARTIAL_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;

function manifestOf(snapshot: Snapshot, entries: ManifestEntry[], damaged: string[], damagedPackages: string[]) {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    appVersion: appVersion(),
    database: { schemaVersion: snapshot.schemaVersion, quickCheck: snapshot.quickCheck },
    entries,
    missing: snapshot.missing,
    damaged,
    damagedPackages,
  };
  return { manifest, bytes: Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`) };
}

/** A backup FILE: a full, independent copy of every byte (`dossier backup --out`). */
export async function createBackup(w: Workspace, outFile: string, options: BackupOptions = {}): Promise<BackupInfo> {
  const target = path.resolve(outFile);
  await mkdirPrivate(path.dirname(target));
  const partial = partialOf(target);
  const snapshot = await takeSnapshot(w, { signal: options.signal });
  let writer: ZipWriter | undefined;
  try {
    const databaseBytes = (await stat(snapshot.databaseFile)).size;
    const totalBytes = databaseBytes + snapshot.files.reduce((sum, f) => sum + f.size, 0);
    writer = await ZipWriter.create(partial, {
      totalBytes,
      signal: options.signal,
      onProgress: (doneBytes, total) => options.onProgress?.({ phase: 'write', doneBytes, totalBytes: total }),
    });
    const entries: ManifestEntry[] = [];
    const damaged: string[] = [];
    const damagedPackages: string[] = [];
    const db = await writer.add({ path: DATABASE_ENTRY, source: { kind: 'file', path: snapshot.databaseFile } });
    entries.push({ path: db.path, size: db.size, sha256: db.sha256 });
    for (const file of snapshot.files) {
      const written = await writer.add({ path: file.entry, source: { kind: 'file', path: file.path } });
      entries.push({ path: written.path, size: written.size, sha256: written.sha256 });
      if (file.sha256 !== null && written.sha256 !== file.sha256) {
        const name = PACKAGE_ENTRY.exec(file.entry)?.[1];
        if (name === undefined) damaged.push(file.sha256);
        else damagedPackages.push(name);
      }
    }
    const { manifest, bytes } = manifestOf(snapshot, entries, damaged, damagedPackages);
    await writer.add({ path: MANIFEST_ENTRY, source: { kind: 'bytes', bytes } });
    await writer.finish();
    await snapshot.dispose();

    await readBack(partial, target, options);
    const { size } = await stat(partial);
    await rename(partial, target);
    await syncDir(path.dirname(target));
    return infoOf(target, size, manifest);
  } catch (e) {
    await writer?.abort();
    await rm(partial, { force: true });
    throw e;
  } finally {
    await snapshot.dispose();
  }
}

/**
 * A backup FOLDER at `target` (which must not exist yet, or be a backup it replaces): links, not copies,
 * of the files the workspace keeps; costs the database copy and the manifest. The store and package files
 * are not read here (their hashes are known); the database copy is.
 */
export async function createFolderBackup(
  w: Workspace,
  target: string,
  options: BackupOptions = {},
): Promise<BackupInfo> {
  const final = path.resolve(target);
  await mkdirPrivate(path.dirname(final));
  const partial = partialOf(final);
  let total = 0;
  const snapshot = await takeSnapshot(w, {
    dir: partial,
    signal: options.signal,
    onFile: (done) => options.onProgress?.({ phase: 'write', doneBytes: done, totalBytes: Math.max(total, done) }),
  });
  try {
    const db = await hashFile(snapshot.databaseFile);
    const entries: ManifestEntry[] = [{ path: DATABASE_ENTRY, size: db.bytes, sha256: db.sha256 }];
    for (const file of snapshot.files) {
      // A package file no row names (none should be) is read once to learn its hash.
      const sha256 = file.sha256 ?? (await hashFile(file.path)).sha256;
      entries.push({ path: file.entry, size: file.size, sha256 });
    }
    total = entries.reduce((sum, e) => sum + e.size, 0);
    const { manifest, bytes } = manifestOf(snapshot, entries, [], []);
    const manifestFile = path.join(partial, MANIFEST_ENTRY);
    await writeFile(manifestFile, bytes, { flag: 'wx', mode: PRIVATE_FILE });
    await syncFile(manifestFile);
    await syncFile(snapshot.databaseFile);
    await readBackFolder(partial, final, manifest);
    await replaceWith(partial, final);
    return infoOf(final, total, manifest, 'folder');
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
}

async function syncFile(file: string): Promise<void> {
  const fh = await open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * The new folder takes the target's name; a backup already there (a file or a folder) is moved aside
 * first and removed only once the new one is in place.
 */
async function replaceWith(partial: string, final: string): Promise<void> {
  const dir = path.dirname(final);
  await syncDir(partial);
  const existing = await stat(final).catch(() => null);
  let aside: string | null = null;
  if (existing) {
    aside = `${final}${PARTIAL_MARK}${process.pid}-${randomBytes(6).toString('hex')}.old`;
    await rename(final, aside);
  }
  try {
    await rename(partial, final);
  } catch (e) {
    if (aside) await rename(aside, final).catch(() => {});
    throw e;
  }
  await syncDir(dir);
  if (aside) await rm(aside, { recursive: true, force: true });
}

/** The written file read back whole; a difference means the disk did not keep what was written. */
async function readBack(partial: string, target: string, options: BackupOptions): Promise<void> {
  try {
    const opened = await openBackup(partial);
    try {
      await checkEntries(opened, options);
    } finally {
      await opened.pkg.close();
    }
  } catch (e) {
    throw unverified(e, target);
  }
}

/** The folder's manifest read back, every entry present with its size, and the database copy re-hashed. */
async function readBackFolder(partial: string, target: string, written: BackupManifest): Promise<void> {
  try {
    const opened = await openFolderBackup(partial);
    const db = written.entries[0]!;
    const again = await hashFile(path.join(partial, DATABASE_ENTRY));
    if (
      opened.manifest.entries.length !== written.entries.length ||
      again.sha256 !== db.sha256 ||
      again.bytes !== db.size
    ) {
      throw new DossierError('backup_damaged', {
        zh: '数据库副本读回后与写入时不同。',
        en: 'the database copy did not read back as written.',
      });
    }
  } catch (e) {
    throw unverified(e, target);
  }
}

function unverified(e: unknown, target: string): unknown {
  if (!(e instanceof DossierError) || e.code === 'cancelled') return e;
  return new DossierError('backup_unverified', {
    zh: `备份“${path.basename(target)}”写出后读回校验失败（${e.localized.zh}）：磁盘可能有问题。未保留该备份，请换一个位置重试。`,
    en: `The backup "${path.basename(target)}" did not read back as written (${e.localized.en}): the disk may be failing. It was not kept; try another location.`,
  });
}
