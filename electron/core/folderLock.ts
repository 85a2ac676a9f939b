// One writer per data folder (issue 13). The running app — desktop or browser mode — and every CLI command
// that writes hold an OS-level exclusive lock on the folder while they run; a second one is refused, naming
// the holder. The lock is SQLite's own, on a small file `dossier.lock` opened in locking_mode=EXCLUSIVE with
// a write made: SQLite holds it with fcntl (POSIX) or LockFileEx (Windows), which the OS releases when the
// process ends in any way — killed and crashed included — so there is no stale lock to clear. better-sqlite3
// is already a dependency: no new native module. `dossier.lock.json` beside it says who holds it (pid,
// command, start time); it only names, it never decides. The lock file is never removed: removing it would
// let two processes each lock a different file of the same name.
import Database from 'better-sqlite3';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../../shared/api/contract.js';
import { makeSqlitePrivate, PRIVATE_FILE } from './durable.js';
import { DossierError } from './errors.js';

export const LOCK_FILE = 'dossier.lock';
export const HOLDER_FILE = 'dossier.lock.json';

export interface LockHolder {
  pid: number;
  /** What holds it, as the user typed or saw it: `dossier serve`, `dossier import-json`, the desktop app. */
  command: string;
  startedAt: string;
}

export interface FolderLock {
  readonly dataDir: string;
  release(): void;
}

export interface LockRequest {
  /** Named in dossier.lock.json and in the refusal of the next one. */
  command: string;
  /** The app itself (start, serve, the desktop): its refusal says to use the running one. */
  app?: boolean;
}

/** Takes the folder's lock (the folder must exist), or refuses in one line naming who holds it. */
export function lockDataFolder(dataDir: string, request: LockRequest): FolderLock {
  const dir = path.resolve(dataDir);
  const lockFile = path.join(dir, LOCK_FILE);
  makeSqlitePrivate(lockFile); // 0600 like every file the app writes (durable.ts)
  const db = new Database(lockFile, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Nothing in the file to protect: no journal file beside it (OFF is refused in better-sqlite3's defensive mode).
    db.pragma('journal_mode = MEMORY');
    // A write: in EXCLUSIVE mode SQLite keeps the exclusive lock from the first write until the connection closes.
    db.pragma('user_version = 1');
  } catch (e) {
    db.close();
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY') throw inUse(dir, request, readHolder(dir));
    throw e;
  }
  const holder: LockHolder = { pid: process.pid, command: request.command, startedAt: new Date().toISOString() };
  const holderFile = path.join(dir, HOLDER_FILE);
  const temp = `${holderFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(holder)}\n`, { mode: PRIVATE_FILE });
    renameSync(temp, holderFile);
  } catch (e) {
    rmSync(temp, { force: true });
    db.close();
    throw e;
  }
  let held = true;
  return {
    dataDir: dir,
    release() {
      if (!held) return;
      held = false;
      // The note first, while the lock is still ours: the next holder's note is never the one removed.
      if (readHolder(dir)?.pid === process.pid) rmSync(holderFile, { force: true });
      db.close();
    },
  };
}

/** Who holds the folder's lock by its note; null when the note is missing or unreadable. */
export function readHolder(dataDir: string): LockHolder | null {
  try {
    const value = JSON.parse(readFileSync(path.join(dataDir, HOLDER_FILE), 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.command !== 'string') return null;
    return { pid: value.pid, command: value.command, startedAt: String(value.startedAt ?? '') };
  } catch {
    return null;
  }
}

function inUse(dir: string, request: LockRequest, holder: LockHolder | null): DossierError {
  const who: Localized = holder
    ? {
        zh: `${holder.command}（进程 ${holder.pid}，${holder.startedAt} 起）`,
        en: `${holder.command} (process ${holder.pid}, since ${holder.startedAt})`,
      }
    : { zh: '另一个进程', en: 'another process' };
  const what: Localized = request.app
    ? {
        zh: '同一文件夹只能由一个应用打开：请使用已打开的窗口或浏览器标签页，或先关闭它。',
        en: 'one folder is opened by one app at a time: use the window or browser tab already open, or close it first.',
      }
    : {
        zh: `应用运行时不能用命令行修改此文件夹，未作任何改动：请在应用中操作，或先关闭应用再运行 ${request.command}。`,
        en: `the command line does not change it while the app runs, and nothing was changed: do it in the app, or close the app first and run ${request.command} again.`,
      };
  return new DossierError('folder_in_use', {
    zh: `数据文件夹 ${dir} 正由 ${who.zh}使用；${what.zh}`,
    en: `The data folder ${dir} is in use by ${who.en}; ${what.en}`,
  });
}
