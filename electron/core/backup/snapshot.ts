// A consistent picture of a live workspace to back up: the store's files hard-linked into a private folder
// (a file removed from the store meanwhile stays readable through its link), then the database copied by
// SQLite's online backup (never a file copy of a WAL database: pitfalls.md, "SQLite"), then the store
// linked again for files added meanwhile. A file is in the store before its row is committed, and a row is
// gone before its file is removed, so every file the copied database names is linked (or was already
// missing). The folder is `store/tmp/<pid>-backup-<uuid>`: if the process dies, the next open of the
// workspace removes it with the other temp files of dead processes (store.ts).
import { randomUUID } from 'node:crypto';
import { link, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listStored, storedPath } from '../attachments/store.js';
import type { Workspace } from '../workspace.js';
import { cancelled } from '../package/fsUtil.js';

export interface SnapshotFile {
  sha256: string;
  /** The hard link in the snapshot folder, or the store file itself where the disk has no hard links. */
  path: string;
  size: number;
}

export interface Snapshot {
  dir: string;
  databaseFile: string;
  schemaVersion: number;
  /** PRAGMA quick_check(20) of the copy: ['ok'] when sound. */
  quickCheck: string[];
  /** In store order (by hash). */
  files: SnapshotFile[];
  /** Hashes the copied database names that the store did not have. */
  missing: string[];
  dispose(): Promise<void>;
}

export async function takeSnapshot(w: Workspace, signal?: AbortSignal): Promise<Snapshot> {
  const dir = path.join(w.store.dir, 'tmp', `${process.pid}-backup-${randomUUID()}`);
  const linksDir = path.join(dir, 'files');
  await mkdir(linksDir, { recursive: true });
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const files = new Map<string, SnapshotFile>();
    await linkStore(w, linksDir, files, signal);
    const databaseFile = path.join(dir, 'dossier.sqlite');
    await w.db.backup(databaseFile);
    await linkStore(w, linksDir, files, signal);
    const { schemaVersion, quickCheck, referenced } = inspectCopy(databaseFile);
    const missing = [...referenced].filter((sha256) => !files.has(sha256)).sort();
    const sorted = [...files.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
    return { dir, databaseFile, schemaVersion, quickCheck, files: sorted, missing, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

async function linkStore(
  w: Workspace,
  linksDir: string,
  files: Map<string, SnapshotFile>,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (const sha256 of listStored(w.store).hashes) {
    if (files.has(sha256)) continue;
    if (signal?.aborted) throw cancelled();
    const original = storedPath(w.store, sha256);
    const linked = path.join(linksDir, sha256);
    let file = linked;
    try {
      await link(original, linked);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // removed since it was listed
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK' && code !== 'ENOSYS') {
        throw e;
      }
      file = original; // FAT and some network disks have no hard links: read the store file itself
    }
    const size = (await stat(file).catch(() => null))?.size;
    if (size !== undefined) files.set(sha256, { sha256, path: file, size });
  }
}

/** The copy's version, soundness and referenced hashes, read without changing it. */
function inspectCopy(file: string): { schemaVersion: number; quickCheck: string[]; referenced: Set<string> } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    let quickCheck: string[];
    try {
      quickCheck = (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
    } catch (e) {
      quickCheck = [e instanceof Error ? e.message : String(e)];
    }
    let referenced = new Set<string>();
    try {
      referenced = referencedHashes(db);
    } catch (e) {
      // A damaged database may not even list its attachments: the backup still keeps what it can.
      if (quickCheck[0] === 'ok') quickCheck = [e instanceof Error ? e.message : String(e)];
    }
    return { schemaVersion, quickCheck, referenced };
  } finally {
    db.close();
  }
}

/** Every hash the database names: attachments (issue 3) and generated forms (issue 5). */
export function referencedHashes(db: Database.Database): Set<string> {
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
  );
  const hashes = new Set<string>();
  for (const table of ['attachment', 'generated_file']) {
    if (!tables.has(table)) continue;
    for (const row of db.prepare(`SELECT DISTINCT sha256 FROM ${table}`).all() as { sha256: string }[]) {
      hashes.add(row.sha256);
    }
  }
  return hashes;
}
