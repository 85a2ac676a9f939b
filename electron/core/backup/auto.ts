// Automatic backups in `<dataDir>/backups/`, as backup FOLDERS (create.ts): the store's and the packages'
// files hard-linked, so that each costs the database and the manifest, not another copy of every scan
// (issue 19). Two kinds, both automatic:
//   - the daily one, `dossier-YYYY-MM-DD.zcbak`: at most one a (local) day, made soon after start;
//   - one after the day's work that matters most (the countersignature, the batch for the city: after.ts),
//     `dossier-YYYY-MM-DD-HHMMSS.zcbak`, however many that day.
// Kept: every backup of the newest `keep` days that have any — all of the newest day's, the last one of
// each earlier day. Older ones are deleted only after a new backup was written, read back and found clean
// (database sound, no store file missing): a workspace that went bad never pushes out the last good backup
// made before it did. Backups of other names (made by hand, or copied here) are never deleted.
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from '../durable.js';
import type { Workspace } from '../workspace.js';
import { createFolderBackup, PARTIAL_MARK } from './create.js';
import { BACKUP_EXTENSION, MANIFEST_ENTRY, type BackupInfo, type BackupOptions } from './format.js';
import { openAnyBackup } from './verify.js';
import { localDate } from '../clock.js';

export const DEFAULT_KEEP = 7;
export const BACKUPS_FOLDER = 'backups';
const AUTO_NAME = new RegExp(
  `^dossier-(\\d{4}-\\d{2}-\\d{2})(?:-(\\d{6})(?:-\\d+)?)?${BACKUP_EXTENSION.replace('.', '\\.')}$`,
);
/** What a writer leaves while it works: `<name>.partial-<pid>-<hex>[.tmp-<pid>-<hex>|.old]`. */
const LEFTOVER = /\.partial-(\d+)-[0-9a-f]+(?:\.tmp-\d+-[0-9a-f]+|\.old)?$/;

export function defaultBackupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_FOLDER);
}

const pad = (n: number) => String(n).padStart(2, '0');

const localTime = (now: Date) => `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;

export function autoBackupName(now: Date): string {
  return `dossier-${localDate(now)}${BACKUP_EXTENSION}`;
}

/** The backup after a piece of work (after.ts): `dossier-YYYY-MM-DD-HHMMSS.zcbak`, local time. */
export function eventBackupName(now: Date): string {
  return `dossier-${localDate(now)}-${localTime(now)}${BACKUP_EXTENSION}`;
}

/** A backup made on request: `dossier-manual-YYYYMMDD-HHMMSS.zcbak` (local time); rotation never deletes it. */
export function manualBackupName(now: Date): string {
  return `dossier-manual-${localDate(now).replaceAll('-', '')}-${localTime(now)}${BACKUP_EXTENSION}`;
}

export interface BackupFile {
  file: string;
  name: string;
  /** A ZIP file, or a folder (its store and package files shared with the workspace). */
  kind: 'file' | 'folder';
  /** The day in the name (automatic backups), else null. */
  date: string | null;
  /** The file's size; a folder's: the bytes its manifest lists (most of them shared with the workspace). */
  bytes: number;
  modifiedAt: string;
}

/** A folder's size as its manifest gives it (0 when it cannot be read: verifyBackup will say why). */
async function folderBytes(dir: string): Promise<number> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, MANIFEST_ENTRY), 'utf8')) as { entries?: { size?: unknown }[] };
    return (m.entries ?? []).reduce((sum, e) => sum + (typeof e.size === 'number' ? e.size : 0), 0);
  } catch {
    return 0;
  }
}

/** Backups in a folder (by extension, files and folders), newest first; not verified (see verifyBackup). */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: (BackupFile & { key: string })[] = [];
  for (const name of names) {
    if (!name.endsWith(BACKUP_EXTENSION)) continue;
    const file = path.join(dir, name);
    const s = await stat(file).catch(() => null);
    if (!s?.isFile() && !s?.isDirectory()) continue;
    const kind = s.isFile() ? ('file' as const) : ('folder' as const);
    const match = AUTO_NAME.exec(name);
    const date = match?.[1] ?? null;
    const modifiedAt = s.mtime.toISOString();
    // Automatic ones by their day, then their time (the daily one by when it was written); others by time.
    const key = date ? `${date}T${match?.[2] ?? localTime(s.mtime)}` : modifiedAt;
    const bytes = kind === 'file' ? s.size : await folderBytes(file);
    found.push({ file, name, kind, date, bytes, modifiedAt, key });
  }
  return found
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.name < b.name ? 1 : -1))
    .map(({ key: _key, ...b }) => b);
}

export interface AutoBackupOptions extends BackupOptions {
  dir?: string;
  keep?: number;
  now?: Date;
  /**
   * A backup after a piece of work (after.ts): made even when today's daily one exists, under its own
   * time-stamped name. Without it, today's daily backup is made once.
   */
  afterWork?: boolean;
}

export interface AutoBackupResult {
  dir: string;
  file: string;
  /** False when today's backup already existed (and opened). */
  created: boolean;
  info: BackupInfo | null;
  /** Old backups deleted by the rotation. */
  deleted: string[];
  /** Why nothing was deleted although there were more than `keep`, if so. */
  keptBecause: 'not_clean' | null;
}

export async function autoBackup(w: Workspace, options: AutoBackupOptions = {}): Promise<AutoBackupResult> {
  const dir = path.resolve(options.dir ?? defaultBackupsDir(w.dataDir));
  const keep = Math.max(1, Math.floor(options.keep ?? DEFAULT_KEEP));
  const now = options.now ?? new Date();
  await removeLeftovers(dir);
  let file = path.join(dir, options.afterWork ? eventBackupName(now) : autoBackupName(now));
  if (!options.afterWork && (await opensAsBackup(file))) {
    return { dir, file, created: false, info: null, deleted: [], keptBecause: null };
  }
  // Two pieces of work in one second: the second gets -2, -3 …
  for (let n = 2; options.afterWork && (await stat(file).catch(() => null)); n++) {
    file = path.join(dir, eventBackupName(now).replace(BACKUP_EXTENSION, `-${n}${BACKUP_EXTENSION}`));
  }
  const info = await createFolderBackup(w, file, options);
  if (!info.clean) return { dir, file, created: true, info, deleted: [], keptBecause: 'not_clean' };
  const deleted: string[] = [];
  for (const old of rotatedOut(await listBackups(dir), file, keep)) {
    await rm(old.file, { recursive: true, force: true });
    deleted.push(old.file);
  }
  return { dir, file, created: true, info, deleted, keptBecause: null };
}

/** The automatic backups the rotation removes: days beyond the newest `keep`, and all but each earlier day's last. */
function rotatedOut(backups: BackupFile[], made: string, keep: number): BackupFile[] {
  const automatic = backups.filter((b) => b.date !== null);
  const days = [...new Set(automatic.map((b) => b.date!))]; // newest first, as listed
  const kept = new Set(days.slice(0, keep));
  const newest = days[0];
  const seen = new Set<string>();
  return automatic.filter((b) => {
    if (b.file === made) return false;
    if (!kept.has(b.date!)) return true;
    if (b.date === newest) return false;
    if (seen.has(b.date!)) return true; // listed newest first: the day's last one came before
    seen.add(b.date!);
    return false;
  });
}

/** Today's backup is made once; one under its name that does not even open is replaced. */
async function opensAsBackup(file: string): Promise<boolean> {
  try {
    await openAnyBackup(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a writer left when its process died (never a live process's: it may be writing now); with `target`
 * (a name in `dir`), only what was left of that one backup (`backup --out F`, in a folder the user chose:
 * leftovers.ts).
 * Returns what was removed.
 */
export async function removeLeftovers(dir: string, target?: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.includes(PARTIAL_MARK)) continue;
    if (target !== undefined && !name.startsWith(`${target}${PARTIAL_MARK}`)) continue;
    const pid = Number(LEFTOVER.exec(name)?.[1]);
    if (!Number.isInteger(pid) || isAlive(pid)) continue;
    const file = path.join(dir, name);
    const final = file.slice(0, file.lastIndexOf(PARTIAL_MARK));
    // A backup moved aside to be replaced, whose replacement never arrived: it goes back.
    if (name.endsWith('.old') && !(await stat(final).catch(() => null))) {
      await rename(file, final).catch(() => {});
      continue;
    }
    await rm(file, { recursive: true, force: true });
    removed.push(file);
  }
  return removed;
}
