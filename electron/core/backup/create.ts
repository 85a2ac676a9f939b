// 备份: the whole workspace into one file. The database is copied by SQLite's online backup and every store
// file read once (SHA-256 and CRC-32 on the way) into a ZIP of stored entries, the manifest last. The ZIP
// is written to a temp file beside the target, fsynced and renamed to `<target>.partial-…` (zipWrite.ts),
// then read back whole and checked against the manifest, and only then renamed to the target: a crash or a
// failed check never leaves anything under the target's name, and an older backup of the same name stays
// until the new one is known good.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
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
  storeEntry,
  type BackupInfo,
  type BackupManifest,
  type BackupOptions,
  type ManifestEntry,
} from './format.js';
import { takeSnapshot } from './snapshot.js';
import { checkEntries, openBackup } from './verify.js';

/** The name a backup has until it is verified: never the target's, recognisably ours (auto.ts cleans up). */
export const PARTIAL_MARK = '.partial-';

export async function createBackup(w: Workspace, outFile: string, options: BackupOptions = {}): Promise<BackupInfo> {
  const target = path.resolve(outFile);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}${PARTIAL_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
  const snapshot = await takeSnapshot(w, options.signal);
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
    const db = await writer.add({ path: DATABASE_ENTRY, source: { kind: 'file', path: snapshot.databaseFile } });
    entries.push({ path: db.path, size: db.size, sha256: db.sha256 });
    for (const file of snapshot.files) {
      const written = await writer.add({ path: storeEntry(file.sha256), source: { kind: 'file', path: file.path } });
      entries.push({ path: written.path, size: written.size, sha256: written.sha256 });
      if (written.sha256 !== file.sha256) damaged.push(file.sha256);
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: appVersion(),
      database: { schemaVersion: snapshot.schemaVersion, quickCheck: snapshot.quickCheck },
      entries,
      missing: snapshot.missing,
      damaged,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
    await writer.add({ path: MANIFEST_ENTRY, source: { kind: 'bytes', bytes: manifestBytes } });
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
    if (!(e instanceof DossierError) || e.code === 'cancelled') throw e;
    throw new DossierError('backup_unverified', {
      zh: `备份“${path.basename(target)}”写出后读回校验失败（${e.localized.zh}）：磁盘可能有问题。未保留该文件，请换一个位置重试。`,
      en: `The backup "${path.basename(target)}" did not read back as written (${e.localized.en}): the disk may be failing. The file was not kept; try another location.`,
    });
  }
}
