// The check at every start (issue 8): is the workspace sound? The database's PRAGMA quick_check, its
// migration state (one from a newer app is refused, never touched), every hash the database names present
// in the store, and a sample of store files re-hashed. When something is wrong, the backups that exist,
// each verified whole, good ones newest first. It never writes to the workspace (the database is opened
// read-only) and never restores: offering the backup, and asking, is the caller's job (UI or CLI).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Localized } from '../../shared/api/contract.js';
import { hashFile, listStored, realIo, storedPath, type Store } from './attachments/store.js';
import { defaultBackupsDir, listBackups } from './backup/auto.js';
import type { BackupInfo } from './backup/format.js';
import { referencedHashes } from './backup/snapshot.js';
import { verifyBackup } from './backup/verify.js';
import { DossierError } from './errors.js';
import { LATEST_VERSION } from './migrations.js';
import { DATABASE_FILE } from './workspace.js';

export const DEFAULT_SAMPLE = 20;

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
  const problems: Localized[] = [];
  const { database, referenced } = inspectDatabase(path.join(dir, DATABASE_FILE), problems);
  const store = await inspectStore(dir, referenced, options, problems);
  const isOk = problems.length === 0;
  const backupsDir = path.resolve(options.backupsDir ?? defaultBackupsDir(dir));
  const backups = !isOk || options.listBackups ? await checkBackups(backupsDir, options.signal) : [];
  return { dataDir: dir, isOk, database, store, problems, backups, backupsDir };
}

function inspectDatabase(
  file: string,
  problems: Localized[],
): { database: DatabaseState; referenced: Set<string> | null } {
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
  if (!existsSync(file)) return { database, referenced };
  database.exists = true;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    database.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const v = database.schemaVersion;
    database.migrations = v > LATEST_VERSION ? 'newer' : v < LATEST_VERSION ? 'pending' : 'current';
    database.quickCheck = (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
    referenced = referencedHashes(db);
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
  return { database, referenced };
}

async function inspectStore(
  dataDir: string,
  referenced: Set<string> | null,
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
  };
  const random = options.random ?? Math.random;
  const pool = [...hashes];
  const count = Math.min(pool.length, Math.max(0, options.sample ?? DEFAULT_SAMPLE));
  for (let i = 0; i < count; i++) {
    if (options.signal?.aborted) throw new DossierError('cancelled', { zh: '已取消', en: 'Cancelled' });
    // A partial Fisher–Yates shuffle: `count` distinct files.
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    const sha256 = pool[i]!;
    const { sha256: actual, bytes } = await hashFile(storedPath(store, sha256)).catch(() => ({ sha256: '', bytes: 0 }));
    state.sampled += 1;
    state.sampledBytes += bytes;
    if (actual !== sha256) state.damaged.push(sha256);
  }
  state.damaged.sort();
  if (missing.length) {
    problems.push({
      zh: `附件存储中缺少 ${missing.length} 个文件（数据库引用了它们）。`,
      en: `${missing.length} file(s) the database refers to are missing from the attachment store.`,
    });
  }
  if (state.damaged.length) {
    problems.push({
      zh: `抽查的 ${state.sampled} 个附件文件中有 ${state.damaged.length} 个已损坏（内容与其 SHA-256 不符）。`,
      en: `${state.damaged.length} of ${state.sampled} attachment files checked are damaged (content does not match their SHA-256).`,
    });
  }
  return state;
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
