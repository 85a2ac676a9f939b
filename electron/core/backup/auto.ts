// Rotating automatic backups: `<dataDir>/backups/dossier-YYYY-MM-DD.zcbak`, at most one a (local) day, the
// newest `keep` kept. Older ones are deleted only after a new backup was written, read back whole and found
// clean (database sound, no store file missing or damaged): a workspace that went bad never pushes out the
// last good backup made before it did.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Workspace } from '../workspace.js';
import { createBackup, PARTIAL_MARK } from './create.js';
import { BACKUP_EXTENSION, type BackupInfo, type BackupOptions } from './format.js';
import { openBackup } from './verify.js';

export const DEFAULT_KEEP = 7;
export const BACKUPS_FOLDER = 'backups';
const AUTO_NAME = new RegExp(`^dossier-(\\d{4}-\\d{2}-\\d{2})${BACKUP_EXTENSION.replace('.', '\\.')}$`);
/** What a writer leaves while it works: `<name>.partial-<pid>-<hex>[.tmp-<pid>-<hex>]`. */
const LEFTOVER = /\.partial-(\d+)-[0-9a-f]+(?:\.tmp-\d+-[0-9a-f]+)?$/;

export function defaultBackupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_FOLDER);
}

/** The local calendar day: backups are named by the day the user sees. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function autoBackupName(now: Date): string {
  return `dossier-${localDate(now)}${BACKUP_EXTENSION}`;
}

/** A backup made on request: `dossier-manual-YYYYMMDD-HHMMSS.zcbak` (local time); rotation never deletes it. */
export function manualBackupName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `dossier-manual-${localDate(now).replaceAll('-', '')}-${time}${BACKUP_EXTENSION}`;
}

export interface BackupFile {
  file: string;
  name: string;
  /** The day in the name (automatic backups), else null. */
  date: string | null;
  bytes: number;
  modifiedAt: string;
}

/** Backup files in a folder (by extension), newest first; not verified (see verifyBackup). */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: BackupFile[] = [];
  for (const name of names) {
    if (!name.endsWith(BACKUP_EXTENSION)) continue;
    const s = await stat(path.join(dir, name)).catch(() => null);
    if (!s?.isFile()) continue;
    const date = AUTO_NAME.exec(name)?.[1] ?? null;
    found.push({ file: path.join(dir, name), name, date, bytes: s.size, modifiedAt: s.mtime.toISOString() });
  }
  // Automatic ones by their day, others by their time; the day's name wins over a copied file's mtime.
  const key = (b: BackupFile) => (b.date ? `${b.date}T99` : b.modifiedAt);
  return found.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : a.name < b.name ? 1 : -1));
}

export interface AutoBackupOptions extends BackupOptions {
  dir?: string;
  keep?: number;
  now?: Date;
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
  const file = path.join(dir, autoBackupName(options.now ?? new Date()));
  await removeLeftovers(dir);
  if (await opensAsBackup(file)) return { dir, file, created: false, info: null, deleted: [], keptBecause: null };
  const info = await createBackup(w, file, options);
  if (!info.clean) return { dir, file, created: true, info, deleted: [], keptBecause: 'not_clean' };
  const automatic = (await listBackups(dir)).filter((b) => b.date !== null && b.file !== file);
  const deleted: string[] = [];
  for (const old of automatic.slice(keep - 1)) {
    await rm(old.file, { force: true });
    deleted.push(old.file);
  }
  return { dir, file, created: true, info, deleted, keptBecause: null };
}

/** Today's backup is made once; a file under its name that does not even open is replaced. */
async function opensAsBackup(file: string): Promise<boolean> {
  try {
    const { pkg } = await openBackup(file);
    await pkg.close();
    return true;
  } catch {
    return false;
  }
}

/** Files a writer left when its process died (never those of a live process: it may be writing now). */
async function removeLeftovers(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.includes(PARTIAL_MARK)) continue;
    const pid = Number(LEFTOVER.exec(name)?.[1]);
    if (!Number.isInteger(pid) || isAlive(pid)) continue;
    await rm(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
