// A consistent picture of a live workspace to back up: the store's files and the package files hard-linked
// into a folder (a file removed from the workspace meanwhile stays readable through its link), then the
// database copied by SQLite's online backup (never a file copy of a WAL database: pitfalls.md, "SQLite"),
// then both linked again for files added meanwhile. A file is in place before its row is committed, and a
// row is gone before its file is removed, so every file the copied database names is linked (or was
// already missing). The links take the workspace's own layout (store/<2 hex>/<sha256>, packages/<name>):
//   - for a backup FILE the folder is private, `store/tmp/<pid>-backup-<uuid>` (removed afterwards, or by the
//     next opening of the workspace if the process dies: store.ts), and the ZIP is written from it;
//   - for a backup FOLDER it is the backup itself (create.ts), where a link costs no second copy of the bytes.
// Where the disk has no hard links (FAT, some network disks, another disk), a private snapshot reads the
// workspace's file itself, and a backup folder gets a copy.
import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listStored, storedPath } from '../attachments/store.js';
import { getUnitGenerated } from '../forms/generatedRepo.js';
import { packagesDir } from '../paths.js';
import type { Workspace } from '../workspace.js';
import { copyFilePrivate, makeSqlitePrivate, mkdirPrivate, PRIVATE_DIR } from '../durable.js';
import { cancelled } from '../package/fsUtil.js';
import { DATABASE_ENTRY, packageEntry, PACKAGE_ENTRY, storeEntry } from './format.js';

export interface SnapshotFile {
  /** The entry's path in the backup: store/<2 hex>/<sha256> or packages/<name>. */
  entry: string;
  /** The store file's hash (its name); for a package file, the SHA-256 its row records, if any. */
  sha256: string | null;
  /** The link (or copy) in the snapshot folder, or the workspace's file itself where links are impossible. */
  path: string;
  size: number;
  /** True when `path` is a link or a copy in the snapshot folder, false when it is the workspace's file. */
  inSnapshot: boolean;
}

export interface Snapshot {
  dir: string;
  databaseFile: string;
  schemaVersion: number;
  /** PRAGMA quick_check(20) of the copy: ['ok'] when sound. */
  quickCheck: string[];
  /** Store files by hash, then package files by name. */
  files: SnapshotFile[];
  /** Hashes the copied database names that the store did not have. */
  missing: string[];
  dispose(): Promise<void>;
}

export interface SnapshotOptions {
  signal?: AbortSignal | undefined;
  /**
   * The folder to build in (it must not exist): the backup folder itself, whose links must then hold the
   * bytes — a copy where a link is impossible. Default: a private folder in store/tmp/, removed by dispose.
   */
  dir?: string;
  /** Called after each file linked or copied, with the bytes done so far and the bytes to do. */
  onFile?: (doneBytes: number) => void;
}

const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK', 'ENOSYS', 'EACCES']);

export async function takeSnapshot(w: Workspace, options: SnapshotOptions = {}): Promise<Snapshot> {
  const own = options.dir === undefined;
  const dir = options.dir ?? path.join(w.store.dir, 'tmp', `${process.pid}-backup-${randomUUID()}`);
  await mkdir(dir, { recursive: own, mode: PRIVATE_DIR });
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const files = new Map<string, SnapshotFile>();
    const state = { done: 0 };
    await linkAll(w, dir, !own, files, state, options);
    const databaseFile = path.join(dir, DATABASE_ENTRY);
    // Created 0600 first: SQLite would create the copy 0644 (durable.ts, makeSqlitePrivate).
    makeSqlitePrivate(databaseFile);
    await w.db.backup(databaseFile);
    toRollbackJournal(databaseFile);
    await linkAll(w, dir, !own, files, state, options);
    const { schemaVersion, quickCheck, referenced, packages } = inspectCopy(databaseFile);
    const stored = [...files.values()].filter((f) => f.entry.startsWith('store/'));
    const present = new Set(stored.map((f) => f.sha256));
    const missing = [...referenced].filter((sha256) => !present.has(sha256)).sort();
    for (const f of files.values()) {
      const name = PACKAGE_ENTRY.exec(f.entry)?.[1];
      const row = name === undefined ? undefined : packages.get(name);
      if (row && row.size === f.size) f.sha256 = row.sha256;
    }
    const byEntry = (a: SnapshotFile, b: SnapshotFile) => (a.entry < b.entry ? -1 : 1);
    const sorted = [
      ...stored.sort(byEntry),
      ...[...files.values()].filter((f) => !f.entry.startsWith('store/')).sort(byEntry),
    ];
    return { dir, databaseFile, schemaVersion, quickCheck, files: sorted, missing, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

/** The workspace's files not yet in the snapshot: every store file, every package file (`*.zcpkg`). */
async function sources(w: Workspace): Promise<{ entry: string; from: string; sha256: string | null }[]> {
  const found = listStored(w.store).hashes.map((sha256) => ({
    entry: storeEntry(sha256),
    from: storedPath(w.store, sha256),
    sha256: sha256 as string | null,
  }));
  const dir = packagesDir(w.dataDir);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const entry = packageEntry(name);
    if (PACKAGE_ENTRY.test(entry)) found.push({ entry, from: path.join(dir, name), sha256: null });
  }
  return found;
}

async function linkAll(
  w: Workspace,
  dir: string,
  mustHoldBytes: boolean,
  files: Map<string, SnapshotFile>,
  state: { done: number },
  options: SnapshotOptions,
): Promise<void> {
  for (const { entry, from, sha256 } of await sources(w)) {
    if (files.has(entry)) continue;
    if (options.signal?.aborted) throw cancelled();
    const target = path.join(dir, ...entry.split('/'));
    await mkdirPrivate(path.dirname(target));
    let file = target;
    let inSnapshot = true;
    try {
      await link(from, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT') continue; // removed since it was listed
      if (!NO_LINKS.has(code)) throw e;
      if (mustHoldBytes) {
        // Another disk, or one without hard links: the backup folder gets a copy of its own.
        const copied = await copyFilePrivate(from, target).then(
          () => true,
          (err: NodeJS.ErrnoException) => {
            if (err.code === 'ENOENT') return false;
            throw err;
          },
        );
        if (!copied) continue;
      } else {
        file = from; // read the workspace's file itself
        inSnapshot = false;
      }
    }
    const size = (await stat(file).catch(() => null))?.size;
    if (size === undefined) continue;
    files.set(entry, { entry, sha256, path: file, size, inSnapshot });
    state.done += size;
    options.onFile?.(state.done);
  }
}

/**
 * The copy out of WAL mode (the online backup copies that setting): read-only opens of it then leave no
 * -wal or -shm file beside it, and the backup holds the database as one file. The workspace that opens a
 * restored copy sets WAL again (db.ts).
 */
function toRollbackJournal(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

interface CopyFacts {
  schemaVersion: number;
  quickCheck: string[];
  referenced: Set<string>;
  /** The package files the copy records: name → SHA-256 and size. */
  packages: Map<string, { sha256: string; size: number }>;
}

/** The copy's version, soundness, referenced hashes and package files, read without changing it. */
function inspectCopy(file: string): CopyFacts {
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
    const packages = new Map<string, { sha256: string; size: number }>();
    try {
      referenced = referencedHashes(db);
      for (const r of packageRows(db)) packages.set(r.file_name, { sha256: r.sha256, size: r.size });
    } catch (e) {
      // A damaged database may not even list its attachments: the backup still keeps what it can.
      if (quickCheck[0] === 'ok') quickCheck = [e instanceof Error ? e.message : String(e)];
    }
    return { schemaVersion, quickCheck, referenced, packages };
  } finally {
    db.close();
  }
}

/** The package files a database records (migration 4 on). */
function packageRows(db: Database.Database): { file_name: string; sha256: string; size: number }[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'package_file'").get();
  if (!has) return [];
  return db.prepare('SELECT file_name, sha256, size FROM package_file').all() as {
    file_name: string;
    sha256: string;
    size: number;
  }[];
}

/** Every hash the database names: attachments (issue 3) and generated forms (issue 5), the unit's F-4 among them. */
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
  const unitF4 = tables.has('setting') ? getUnitGenerated(db)?.sha256 : undefined;
  if (unitF4) hashes.add(unitF4);
  return hashes;
}
