// 恢复: a verified backup into a NEW workspace folder — never over an existing workspace. The whole backup
// is verified first; then a FILE is extracted (every entry checked again against the manifest), a FOLDER's
// entries put in place — the database copied (the restored workspace will write to it), the store and
// package files hard-linked where the disk allows (they are never written in place; a copy otherwise) —
// into a temp folder beside the target, tidied (the manifest and any file recorded as damaged left out),
// its database checked, and renamed to the target in one step: the target appears complete or not at all.
import { randomBytes } from 'node:crypto';
import { link, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { copyFilePrivate, mkdirPrivate } from '../durable.js';
import { LATEST_VERSION } from '../migrations.js';
import { hashFile } from '../attachments/store.js';
import { cancelled, removeStaleTemps, syncDir } from '../package/fsUtil.js';
import {
  DATABASE_ENTRY,
  infoOf,
  MANIFEST_ENTRY,
  packageEntry,
  storeEntry,
  type BackupInfo,
  type BackupManifest,
  type BackupOptions,
} from './format.js';
import { backupDamaged, backupTooNew, targetNotEmpty } from './messages.js';
import { checkEntries, checkFolderEntries, folderEntryFile, isFolder, openBackup, openFolderBackup } from './verify.js';
import { DATABASE_FILE } from '../workspace.js';

export interface RestoreResult {
  dataDir: string;
  info: BackupInfo;
  /** PRAGMA quick_check of the restored database: ['ok'] when sound. */
  quickCheck: string[];
}

export async function restoreBackup(
  file: string,
  newDataDir: string,
  options: BackupOptions = {},
): Promise<RestoreResult> {
  const target = path.resolve(newDataDir);
  const existing = await stat(target).catch(() => null);
  if (existing && (!existing.isDirectory() || (await readdir(target)).length > 0)) throw targetNotEmpty(target);
  // A restore to this very target that died half-way left its staging folder beside it (issue 13).
  await removeStaleTemps(target, '.restoring-');
  if (await isFolder(file)) return restoreFolder(file, target, options);

  const opened = await openBackup(file);
  const staging = `${target}.restoring-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const { pkg, manifest } = opened;
    refuseNewer(file, manifest);
    await checkEntries(opened, options);
    const expectSha256 = new Map(manifest.entries.map((e) => [e.path, e.sha256]));
    await pkg.extractAll(staging, {
      expectSha256,
      signal: options.signal,
      onProgress: (doneBytes, totalBytes) => options.onProgress?.({ phase: 'restore', doneBytes, totalBytes }),
    });
    await rm(path.join(staging, MANIFEST_ENTRY));
    for (const entry of leftOut(manifest)) await rm(path.join(staging, ...entry.split('/')));
    const quickCheck = checkDatabase(path.join(staging, DATABASE_FILE));
    await syncDir(staging);
    await moveIntoPlace(staging, target);
    return { dataDir: target, info: infoOf(file, pkg.size, manifest), quickCheck };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    await opened.pkg.close();
  }
}

/**
 * The staged folder becomes the target in one rename. The target was checked empty at the start, but no lock
 * is held on it (a lock file would make it not empty): a workspace opened there meanwhile (another app, the
 * CLI) is found now and refused in the same words, and a rename racing it fails rather than merges — the
 * target is never written into, only replaced while empty. Removed only now, so that a failure before
 * leaves it as it was.
 */
async function moveIntoPlace(staging: string, target: string): Promise<void> {
  const now = await stat(target).catch(() => null);
  if (now) {
    if (!now.isDirectory() || (await readdir(target)).length > 0) throw targetNotEmpty(target);
    await rmdir(target).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ENOTEMPTY' || e.code === 'EEXIST' ? targetNotEmpty(target) : e;
    });
  }
  await rename(staging, target).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOTEMPTY' || e.code === 'EEXIST' ? targetNotEmpty(target) : e;
  });
  await syncDir(path.dirname(target));
}

function refuseNewer(file: string, manifest: BackupManifest): void {
  if (manifest.database.schemaVersion > LATEST_VERSION) {
    throw backupTooNew(file, {
      zh: `数据库版本 ${manifest.database.schemaVersion}，本版本支持至 ${LATEST_VERSION}`,
      en: `database version ${manifest.database.schemaVersion}; this one supports up to ${LATEST_VERSION}`,
    });
  }
}

/** Entries recorded as damaged when the backup was made: kept in it as found, never restored. */
const leftOut = (m: BackupManifest) => [...m.damaged.map(storeEntry), ...(m.damagedPackages ?? []).map(packageEntry)];

/** A backup folder, verified whole, into the new folder `target` (checked empty by the caller). */
async function restoreFolder(dir: string, target: string, options: BackupOptions): Promise<RestoreResult> {
  const opened = await openFolderBackup(dir);
  const { manifest } = opened;
  refuseNewer(dir, manifest);
  await checkFolderEntries(opened, options);
  const staging = `${target}.restoring-${process.pid}-${randomBytes(6).toString('hex')}`;
  const skip = new Set(leftOut(manifest));
  const total = manifest.entries.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  try {
    for (const entry of manifest.entries) {
      if (options.signal?.aborted) throw cancelled();
      if (skip.has(entry.path)) continue;
      const from = folderEntryFile(dir, entry.path);
      const to = path.join(staging, ...entry.path.split('/'));
      await mkdirPrivate(path.dirname(to));
      // The database is written by the restored workspace: it gets a copy of its own, never a link.
      if (entry.path === DATABASE_ENTRY) await copyFilePrivate(from, to);
      else await link(from, to).catch(() => copyFilePrivate(from, to));
      done += entry.size;
      options.onProgress?.({ phase: 'restore', doneBytes: done, totalBytes: total });
    }
    // The copy checked again: a database changed between the check and the copy is not restored.
    const copied = await hashFile(path.join(staging, DATABASE_ENTRY));
    if (copied.sha256 !== manifest.entries[0]!.sha256) throw cancelledCopy(dir);
    const quickCheck = checkDatabase(path.join(staging, DATABASE_FILE));
    await syncDir(staging);
    await moveIntoPlace(staging, target);
    return { dataDir: target, info: infoOf(dir, total, manifest, 'folder'), quickCheck };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

function cancelledCopy(dir: string) {
  return backupDamaged(dir, {
    zh: '数据库在校验之后、恢复之中被改动。',
    en: 'the database changed between the check and the restore.',
  });
}

/** quick_check of the extracted database; opening and closing it leaves no -wal/-shm file behind. */
function checkDatabase(file: string): string[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  } finally {
    db.close();
  }
}
