// A workspace: one data folder holding one SQLite file and, beside it, the attachment store (store/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../shared/api/contract.js';
import { closeDatabase, openDatabase, schemaVersion, type Db } from './db.js';
import { getSetting, listApplicantIds, setSetting } from './archiveRepo.js';
import { openStore, realIo, type Store, type StoreIo } from './attachments/store.js';
import { DATA_FOLDERS, DATABASE_FILE, packageRoot, resourcesDir } from './paths.js';
import { makeWorkspacePrivate, mkdirPrivateSync } from './durable.js';

export { DATABASE_FILE };

export interface Workspace {
  dataDir: string;
  db: Db;
  /** The content-addressed attachment store (attachments/store.ts). */
  store: Store;
}

/**
 * Opens the database (running migrations) and the store (removing temp files a crash left behind). With
 * `readOnly` (the commands that only read) nothing in the folder is created, migrated or removed: the
 * database opens read-only and must exist.
 */
export function openWorkspace(dataDir: string, options: { storeIo?: StoreIo; readOnly?: boolean } = {}): Workspace {
  const dir = path.resolve(dataDir);
  if (options.readOnly) {
    const db = openDatabase(path.join(dir, DATABASE_FILE), undefined, { readOnly: true });
    return { dataDir: dir, db, store: { dir: path.join(dir, 'store'), io: options.storeIo ?? realIo } };
  }
  mkdirPrivateSync(dir);
  // Before the database opens, so that SQLite's -wal and -shm take the database file's 0600 (db.ts).
  makeWorkspacePrivate(dir, DATA_FOLDERS);
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  try {
    return { dataDir: dir, db, store: openStore(dir, options.storeIo) };
  } catch (e) {
    closeDatabase(db);
    throw e;
  }
}

export function closeWorkspace(workspace: Workspace): void {
  closeDatabase(workspace.db);
}

/** The applicant of an applicant's workspace (the first, in an HR workspace), or null while empty. */
export function currentApplicantId(workspace: Workspace): string | null {
  return listApplicantIds(workspace.db)[0] ?? null;
}

export function getLocale(workspace: Workspace): Locale {
  return getSetting(workspace.db, 'locale') === 'en' ? 'en' : 'zh-CN';
}

export function setLocale(workspace: Workspace, locale: Locale): void {
  setSetting(workspace.db, 'locale', locale);
}

export function workspaceSchemaVersion(workspace: Workspace): number {
  return schemaVersion(workspace.db);
}

/** The fictional sample applicant shipped in resources/ (also used by the tests). */
export function readSampleJson(): string {
  return readFileSync(path.join(resourcesDir(), 'sample', 'applicant.json'), 'utf8');
}

let cachedVersion: string | undefined;
export function appVersion(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return cachedVersion;
}
