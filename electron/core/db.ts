// Opening a workspace database: pragmas, migrations, and refusing a database from a newer app.
import Database from 'better-sqlite3';
import { DossierError } from './errors.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  const db = new Database(file);
  try {
    // Refuse a newer database before any pragma writes to it: it is left exactly as it was.
    refuseNewer(db, migrations);
    db.pragma('journal_mode = WAL');
    // FULL: a commit survives power loss, not only a crash; it costs ~0.16 ms a commit (pitfalls.md).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
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
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
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
  db.pragma('optimize');
  db.close();
}

export { LATEST_VERSION };
