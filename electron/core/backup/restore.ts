// 恢复: a verified backup into a NEW workspace folder — never over an existing workspace. The whole file is
// verified first; then it is extracted (every entry checked again against the manifest) into a temp folder
// beside the target, tidied (the manifest and any file recorded as damaged removed), its database checked,
// and renamed to the target in one step: the target appears complete or not at all.
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION } from '../migrations.js';
import { syncDir } from '../package/fsUtil.js';
import { infoOf, MANIFEST_ENTRY, storeEntry, type BackupInfo, type BackupOptions } from './format.js';
import { backupTooNew, targetNotEmpty } from './messages.js';
import { checkEntries, openBackup } from './verify.js';
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

  const opened = await openBackup(file);
  const staging = `${target}.restoring-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const { pkg, manifest } = opened;
    if (manifest.database.schemaVersion > LATEST_VERSION) {
      throw backupTooNew(file, {
        zh: `数据库版本 ${manifest.database.schemaVersion}，本版本支持至 ${LATEST_VERSION}`,
        en: `database version ${manifest.database.schemaVersion}; this one supports up to ${LATEST_VERSION}`,
      });
    }
    await checkEntries(opened, options);
    const expectSha256 = new Map(manifest.entries.map((e) => [e.path, e.sha256]));
    await pkg.extractAll(staging, {
      expectSha256,
      signal: options.signal,
      onProgress: (doneBytes, totalBytes) => options.onProgress?.({ phase: 'restore', doneBytes, totalBytes }),
    });
    await rm(path.join(staging, MANIFEST_ENTRY));
    for (const sha256 of manifest.damaged) await rm(path.join(staging, ...storeEntry(sha256).split('/')));
    const quickCheck = checkDatabase(path.join(staging, DATABASE_FILE));
    await syncDir(staging);
    // Checked empty above; removed only now, so that a failure before leaves the folder as it was.
    if (existing) await rmdir(target);
    await rename(staging, target);
    await syncDir(path.dirname(target));
    return { dataDir: target, info: infoOf(file, pkg.size, manifest), quickCheck };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    await opened.pkg.close();
  }
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
