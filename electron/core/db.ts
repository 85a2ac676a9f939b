// Opening a workspace database: pragmas, migrations, and refusing a database from a newer app.
import Database from 'better-sqlite3';
import path from 'node:path';
import { makeSqlitePrivate } from './durable.js';
import { databaseDamaged, DossierError } from './errors.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * For the commands that only read (check, materials, export-json, forms --out …): SQLite opens the file
   * read-only, nothing is migrated or tuned, and a database that needs an upgrade is refused, not upgraded.
   */
  readOnly?: boolean;
}

export function openDatabase(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  options: OpenOptions = {},
): Db {
  if (options.readOnly) return openReadOnly(file, migrations);
  // 0600 before SQLite opens it: it would create the file 0644 and give -wal/-shm the file's mode (issue 13).
  makeSqlitePrivate(file);
  const db = new Database(file);
  try {
    // Refuse a newer database before any pragma writes to it: it is left exactly as it was.
    refuseNewer(db, migrations);
    db.pragma('journal_mode = WAL');
    // The -wal and -shm exist now: checked again (one left 0644 by an older release keeps its mode).
    makeSqlitePrivate(file);
    // FULL: a commit survives power loss, not only a crash; it costs ~0.16 ms a commit (pitfalls.md).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    immediateByDefault(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function openReadOnly(file: string, migrations: readonly Migration[]): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    refuseNewer(db, migrations);
    db.pragma('busy_timeout = 5000');
    const current = schemaVersion(db);
    const latest = migrations.at(-1)?.version ?? 0;
    if (current < latest) {
      throw new DossierError('database_needs_upgrade', {
        zh: `此工作区的数据库版本为 ${current}，需要升级到 ${latest}；只读的命令不做升级，未作任何改动。请先启动一次应用（dossier start）或运行 dossier init 完成升级，再重试。`,
        en: `This workspace's database is version ${current} and needs upgrading to ${latest}; a reading command does not upgrade, and nothing was changed. Start the app once (dossier start) or run dossier init to upgrade, then try again.`,
      });
    }
    refuseDamaged(db, file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * SQLite's quick_check (~2.5 ms a MB here), refusing a damaged database: a damaged index page reads as
 * wrong answers rather than as an error, so a command checks before it prints a verdict from the file, or
 * writes into it (cli.ts; the app's start-up check does the same, with the backup offer).
 */
export function refuseDamaged(db: Db, file: string): void {
  const found = db.pragma('quick_check(1)', { simple: true });
  if (found !== 'ok') throw databaseDamaged({ dataDir: path.dirname(file) });
}

/** The same on a database file, opened read-only for the check (nothing written, nothing migrated). */
export function refuseDamagedFile(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    refuseDamaged(db, file);
  } finally {
    db.close();
  }
}

/**
 * Every write transaction begins IMMEDIATE (issue 13): it takes the write lock at BEGIN, so that what it
 * reads first ("is the workspace empty?", "is this revision already here?") still holds when it writes. A
 * deferred one reads, then loses the race to another writer (two archives in one workspace), or fails with
 * SQLITE_BUSY_SNAPSHOT instead of waiting. Made the default here, once, rather than at each of the thirty
 * call sites: `db.transaction(fn)()` is immediate everywhere; `.deferred` stays for a read snapshot.
 */
function immediateByDefault(db: Db): void {
  const make = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => make(fn).immediate) as Db['transaction'];
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the pending migrations in order, each with its version bump in one transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target?: number): void {
  refuseNewer(db, migrations);
  const current = schemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= current || (target !== undefined && migration.version > target)) continue;
    // Immediate, and the version read again inside: another process opening the same folder at this
    // moment may have just applied it.
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function refuseNewer(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new DossierError('database_too_new', {
      zh: `此工作区的数据库版本为 ${current}，由更新版本的本软件创建（本版本支持至 ${latest}）。为保护数据，未做任何改动，请升级软件后再打开。`,
      en: `This workspace's database is version ${current}, made by a newer release of this app (this one supports up to ${latest}). Nothing was changed; please upgrade the app to open it.`,
    });
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  // optimize may write statistics (sqlite_stat1): not on a read-only connection, and a full disk (or any
  // failure of this optional step) never keeps the database from closing.
  if (!db.readonly) {
    try {
      db.pragma('optimize');
    } catch {
      // The statistics stay as they were.
    }
  }
  db.close();
}

export { LATEST_VERSION };
