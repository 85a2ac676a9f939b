// Writing files so that a crash never leaves half of one under its real name: temp file, fsync, rename,
// and the rename itself made durable. And private by default (issue 13, docs/privacy.md): every file the app
// writes is 0600 and every folder it makes 0700 — said here once, and set by these helpers (a mode on
// open/mkdir, a chmod where the source's mode or SQLite would decide), never left to the umask.
import {
  chmodSync,
  closeSync,
  constants as fsConstants,
  copyFileSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { chmod, copyFile, mkdir, open } from 'node:fs/promises';
import path from 'node:path';

/** Only the OS user running the app reads and writes what it keeps: files rw-------, folders rwx------. */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Modes are POSIX; on Windows the per-user app-data folder's ACL keeps other users out (docs/privacy.md). */
const POSIX = process.platform !== 'win32';

/**
 * chmod that never fails the caller: a file another user owns, or one on a read-only or FAT disk, keeps its
 * mode (reading the workspace must still work); what we create ourselves is ours and always changes.
 */
function chmodQuietSync(p: string, mode: number): void {
  if (!POSIX) return;
  try {
    chmodSync(p, mode);
  } catch {
    // see above
  }
}

/** The file made private (0600): after a copy (which takes its source's mode) or where SQLite created it. */
export async function makePrivate(file: string): Promise<void> {
  if (POSIX) await chmod(file, PRIVATE_FILE).catch(() => {});
}

export const makePrivateSync = (file: string): void => chmodQuietSync(file, PRIVATE_FILE);

/**
 * `mkdir -p` whose every created folder is 0700 — the missing parents too (the default data location's
 * ~/.local/share/dossier on a fresh account). The umask can only take bits away from 0700. An existing folder
 * is left as it is: it may be the user's own (`forms --out ~/Desktop`); the workspace's own are tightened
 * when it opens (makeWorkspacePrivate).
 */
export async function mkdirPrivate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
}

export function mkdirPrivateSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** copyFile, the copy made private: a copy takes its source's mode (a user's 0644 file, say). */
export async function copyFilePrivate(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  await makePrivate(to);
}

/**
 * A SQLite database file made private before SQLite writes to it, and its -wal, -shm and -journal files
 * checked again: SQLite creates a new database 0644 (minus the umask) and gives those files the mode of the
 * database file. So: the file created empty at 0600 when missing (SQLite takes an empty file as an empty
 * database), tightened when it exists (a workspace written before issue 13); call again once the journal
 * files exist (after `journal_mode = WAL`).
 */
export function makeSqlitePrivate(file: string): void {
  if (file === '' || file === ':memory:') return; // SQLite's names for a database without a file
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) chmodQuietSync(file + suffix, PRIVATE_FILE);
  }
}

/**
 * A data folder as issue 13 wants it, also one written by an older release (0644 files in 0755 folders):
 * the folder and each of `ownEntries` (the workspace's own folders, paths.ts) 0700 at every open (the
 * database files: db.ts, makeSqlitePrivate); and once — while the folder or that entry was not yet 0700 (a
 * desktop app's folder may already be: Chromium makes it so) — everything under the entry tightened too:
 * files 0600, folders 0700, symbolic links never followed. A few chmods per open after that. Only the named
 * entries are walked: a data folder chosen with --data may hold other things of the user's.
 */
export function makeWorkspacePrivate(dir: string, ownEntries: readonly string[]): void {
  if (!POSIX) return;
  const isOpen = (mode: number) => (mode & 0o077) !== 0;
  const folderWasOpen = isOpen(lstatSync(dir).mode);
  chmodQuietSync(dir, PRIVATE_DIR);
  for (const name of ownEntries) {
    const entry = path.join(dir, name);
    const found = lstatSync(entry, { throwIfNoEntry: false });
    if (!found?.isDirectory()) continue;
    chmodQuietSync(entry, PRIVATE_DIR);
    if (folderWasOpen || isOpen(found.mode)) tightenTree(entry);
  }
}

function tightenTree(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const p = path.join(dir, name);
    const found = lstatSync(p, { throwIfNoEntry: false });
    if (found?.isDirectory()) {
      chmodQuietSync(p, PRIVATE_DIR);
      tightenTree(p);
    } else if (found?.isFile()) chmodQuietSync(p, PRIVATE_FILE);
  }
}

/** Makes a rename durable; directories cannot be opened for fsync on Windows, where NTFS journals it. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * The one way a whole file is written synchronously: `fill` makes `<target>.<pid>.tmp`, which is then fsynced
 * and renamed to the target, so that the target appears whole or not at all; on failure the temp file goes.
 */
function writeThroughTemp(target: string, fill: (temp: string) => void): void {
  const temp = `${target}.${process.pid}.tmp`;
  removeDeadTemps(target);
  try {
    // A leftover temp of this very pid (a crash, then the pid reused) would keep its old mode: never reused.
    rmSync(temp, { force: true });
    fill(temp);
    // Read-write: Windows flushes only a handle that may write.
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * The temp files of `target` a dead writer left (`<target>.<pid>.tmp`, issue 13): in a folder the user chose
 * (`export-json --out`, `forms --out`) nothing else would ever remove them. Only this target's, only dead pids.
 */
function removeDeadTemps(target: string): void {
  const base = path.basename(target);
  let names: string[];
  try {
    names = readdirSync(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(base.length + 1, -'.tmp'.length));
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid))
      rmSync(path.join(path.dirname(target), name), { force: true });
  }
}

/** Copies `from` to `to` whole or not at all, the copy private (a copy takes its source's mode). */
export function copyFileAtomic(from: string, to: string): void {
  writeThroughTemp(to, (temp) => {
    copyFileSync(from, temp, fsConstants.COPYFILE_EXCL);
    makePrivateSync(temp);
  });
}

/** Writes `content` to `file` whole or not at all, 0600 from its first byte. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  writeThroughTemp(file, (temp) => writeFileSync(temp, content, { mode: PRIVATE_FILE, flag: 'wx' }));
}

/**
 * Whether process `pid` still runs. Temp names carry their writer's pid so that only a dead writer's files
 * are removed: another process (the CLI beside the app) may be writing its own right now. EPERM: it runs,
 * as another user. This process counts as alive: its own temp files are removed by their writers.
 */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
