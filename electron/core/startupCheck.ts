// The check at every start (issue 8): is the workspace sound? The database's PRAGMA quick_check, its
// migration state (one from a newer app is refused, never touched), every hash the database names present
// in the store, and a sample of store files re-hashed (or, `full`, every one: `dossier doctor --full`).
// Only the database can keep a workspace from opening (issue 13): a damaged or missing scan is named, file
// by file, and the workspace opens so that it can be repaired in place (attachments/health.ts). When the
// database is damaged, the backups that exist, each verified whole, good ones newest first. It never writes
// to the workspace (the database is opened read-only) and never restores: offering the backup, and asking,
// is the caller's job (UI or CLI).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Localized } from '../../shared/api/contract.js';
import { hashStoreFiles, sampleOf, SPOT_CHECK_FILES } from './attachments/verify.js';
import { listStored, realIo, type Store } from './attachments/store.js';
import { defaultBackupsDir, listBackups } from './backup/auto.js';
import type { BackupInfo } from './backup/format.js';
import { attachmentsBySha } from './attachments/attachmentRepo.js';
import { referencedHashes } from './backup/snapshot.js';
import { verifyBackup } from './backup/verify.js';
import { DossierError } from './errors.js';
import { LATEST_VERSION } from './migrations.js';
import { DATABASE_FILE } from './workspace.js';

/** The spot check's size, the same at start (in the background) and in `doctor` without --full. */
export const DEFAULT_SAMPLE = SPOT_CHECK_FILES;

/** A store file that is missing or damaged, with the attachments it holds (their names, for the user). */
export interface StoreFileProblem {
  sha256: string;
  state: 'missing' | 'damaged';
  attachments: { id: string; applicantId: string; fileName: string }[];
}

export interface DatabaseState {
  file: string;
  exists: boolean;
  /** PRAGMA quick_check(20): ['ok'] when sound; SQLite's findings or the error that stopped it otherwise. */
  quickCheck: string[];
  schemaVersion: number | null;
  latestVersion: number;
  /** current; pending: older, migrated when opened; newer: from a newer app, refused; unknown: unreadable. */
  migrations: 'none' | 'current' | 'pending' | 'newer' | 'unknown';
}

export interface StoreState {
  stored: number;
  referenced: number;
  /** Referenced by the database, absent from the store. */
  missing: string[];
  sampled: number;
  sampledBytes: number;
  /** Sampled files whose bytes no longer hash to their name. */
  damaged: string[];
  /** Every file checked (`full`), not a sample. */
  full: boolean;
  /** The missing and damaged files, each named by the attachments that hold it. */
  files: StoreFileProblem[];
}

export interface BackupStatus {
  file: string;
  bytes: number;
  /** good: verified, clean, restorable by this app; not_clean: intact, but made of a workspace with
   *  problems; damaged: fails verification; too_new: from a newer app. */
  status: 'good' | 'not_clean' | 'damaged' | 'too_new';
  createdAt: string | null;
  message: Localized | null;
  info: BackupInfo | null;
}

export interface StartupReport {
  dataDir: string;
  isOk: boolean;
  /** The database is sound (damaged scans never keep a workspace from opening); `blocking` says why not. */
  opens: boolean;
  blocking: Localized[];
  database: DatabaseState;
  store: StoreState;
  /** What is wrong, in words; empty when isOk. */
  problems: Localized[];
  /** Filled when something is wrong (or when asked): good ones first, newest first. */
  backups: BackupStatus[];
  backupsDir: string;
}

export interface CheckOptions {
  /** How many store files to re-hash (all when ≥ the store's count). */
  sample?: number;
  /** Re-hash every store file, in order (deterministic); `sample` is then ignored. */
  full?: boolean;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Where backups are looked for: `<dataDir>/backups` unless given. */
  backupsDir?: string;
  /** List (and verify) the backups even when the workspace is sound. */
  listBackups?: boolean;
  /** For tests: the sample's random source. */
  random?: () => number;
  signal?: AbortSignal;
}

export async function checkWorkspace(dataDir: string, options: CheckOptions = {}): Promise<StartupReport> {
  const dir = path.resolve(dataDir);
  const blocking: Localized[] = [];
  const { database, referenced, names } = inspectDatabase(path.join(dir, DATABASE_FILE), blocking);
  const problems = [...blocking];
  const store = await inspectStore(dir, referenced, names, options, problems);
  const isOk = problems.length === 0;
  const opens = blocking.length === 0;
  const backupsDir = path.resolve(options.backupsDir ?? defaultBackupsDir(dir));
  const backups = !opens || options.listBackups ? await checkBackups(backupsDir, options.signal) : [];
  return { dataDir: dir, isOk, opens, blocking, database, store, problems, backups, backupsDir };
}

function inspectDatabase(
  file: string,
  problems: Localized[],
): { database: DatabaseState; referenced: Set<string> | null; names: Map<string, StoreFileProblem['attachments']> } {
  const database: DatabaseState = {
    file,
    exists: false,
    quickCheck: [],
    schemaVersion: null,
    latestVersion: LATEST_VERSION,
    migrations: 'none',
  };
  let db: Database.Database | undefined;
  let referenced: Set<string> | null = null;
  let names = new Map<string, StoreFileProblem['attachments']>();
  if (!existsSync(file)) return { database, referenced, names };
  database.exists = true;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    database.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const v = database.schemaVersion;
    database.migrations = v > LATEST_VERSION ? 'newer' : v < LATEST_VERSION ? 'pending' : 'current';
    database.quickCheck = (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
    referenced = referencedHashes(db);
    // For the names only: an old database (migrated when opened) may not have the table yet.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachment'").get()) {
      names = attachmentsBySha(db);
    }
  } catch (e) {
    if (database.migrations === 'none') database.migrations = 'unknown';
    const message = e instanceof Error ? e.message : String(e);
    if (database.quickCheck[0] === 'ok' || database.quickCheck.length === 0) database.quickCheck = [message];
  } finally {
    db?.close();
  }
  if (database.exists && !(database.quickCheck.length === 1 && database.quickCheck[0] === 'ok')) {
    const found = database.quickCheck.slice(0, 3).join('; ');
    problems.push({
      zh: `数据库已损坏（SQLite 检查：${found}）。`,
      en: `The database is damaged (SQLite's check: ${found}).`,
    });
  }
  if (database.migrations === 'newer') {
    problems.push({
      zh: `数据库版本为 ${database.schemaVersion}，由更新版本的本软件创建（本版本支持至 ${LATEST_VERSION}）。请升级软件。`,
      en: `The database is version ${database.schemaVersion}, made by a newer release (this one supports up to ${LATEST_VERSION}). Upgrade the app.`,
    });
  }
  return { database, referenced, names };
}

async function inspectStore(
  dataDir: string,
  referenced: Set<string> | null,
  names: Map<string, StoreFileProblem['attachments']>,
  options: CheckOptions,
  problems: Localized[],
): Promise<StoreState> {
  const store: Store = { dir: path.join(dataDir, 'store'), io: realIo };
  const hashes = (await stat(store.dir).catch(() => null))?.isDirectory() ? listStored(store).hashes : [];
  const present = new Set(hashes);
  const missing = [...(referenced ?? [])].filter((h) => !present.has(h)).sort();
  const state: StoreState = {
    stored: hashes.length,
    referenced: referenced?.size ?? 0,
    missing,
    sampled: 0,
    sampledBytes: 0,
    damaged: [],
    full: options.full === true,
    files: [],
  };
  const chosen = options.full ? hashes : sampleOf(hashes, options.sample ?? DEFAULT_SAMPLE, options.random);
  const hashed = await hashStoreFiles(store, chosen, { signal: options.signal, onProgress: options.onProgress });
  state.sampled = hashed.checkedFiles;
  state.sampledBytes = hashed.checkedBytes;
  state.damaged = hashed.damaged;
  const named = (sha256: string, s: StoreFileProblem['state']): StoreFileProblem => ({
    sha256,
    state: s,
    attachments: names.get(sha256) ?? [],
  });
  state.files = [...missing.map((h) => named(h, 'missing')), ...state.damaged.map((h) => named(h, 'damaged'))];
  const list = (which: StoreFileProblem['state'], sep: string) =>
    namesOf(
      state.files.filter((f) => f.state === which),
      sep,
    );
  if (missing.length) {
    problems.push({
      zh: `附件存储中缺少 ${missing.length} 个文件：${list('missing', '、')}。工作区照常打开；请重新添加这些文件，或替换、删除相应附件。`,
      en: `${missing.length} file(s) are missing from the attachment store: ${list('missing', ', ')}. The workspace opens as usual; add these files again, or replace or remove the attachments.`,
    });
  }
  if (state.damaged.length) {
    problems.push({
      zh: `${state.full ? '检查' : '抽查'}的 ${state.sampled} 个附件文件中有 ${state.damaged.length} 个已损坏（内容与其 SHA-256 不符）：${list('damaged', '、')}。重新添加同一文件即可修复。`,
      en: `${state.damaged.length} of ${state.sampled} attachment files checked are damaged (content does not match their SHA-256): ${list('damaged', ', ')}. Adding the same file again repairs it.`,
    });
  }
  return state;
}

/** The files as the user knows them: the names of the attachments holding each (its hash when none). */
function namesOf(files: StoreFileProblem[], sep: string): string {
  return files
    .map((f) => [...new Set(f.attachments.map((a) => a.fileName))].join(sep) || f.sha256.slice(0, 12))
    .join(sep);
}

async function checkBackups(dir: string, signal: AbortSignal | undefined): Promise<BackupStatus[]> {
  const statuses: BackupStatus[] = [];
  // Backup folders share their files (backup/create.ts): each shared file is read once for all of them.
  const hashCache = new Map<string, string>();
  for (const found of await listBackups(dir)) {
    const status: BackupStatus = {
      file: found.file,
      bytes: found.bytes,
      status: 'damaged',
      createdAt: null,
      message: null,
      info: null,
    };
    try {
      const info = await verifyBackup(found.file, { signal, hashCache });
      status.info = info;
      status.createdAt = info.createdAt;
      status.status = info.schemaVersion > LATEST_VERSION ? 'too_new' : info.clean ? 'good' : 'not_clean';
    } catch (e) {
      if (!(e instanceof DossierError)) throw e;
      if (e.code === 'cancelled') throw e;
      status.status = e.code === 'backup_too_new' ? 'too_new' : 'damaged';
      status.message = e.localized;
    }
    statuses.push(status);
  }
  const rank = { good: 0, not_clean: 1, too_new: 2, damaged: 3 } as const;
  // listBackups gives newest first; a stable sort keeps that order within each status.
  return statuses.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** For the CLI and the UI: the newest backup that can be restored, if any. */
export function bestBackup(report: StartupReport): BackupStatus | null {
  return report.backups.find((b) => b.status === 'good') ?? null;
}
