// Numbered schema migrations, tracked by PRAGMA user_version (db.ts applies them, each in a transaction).
// Never edit a migration that has shipped: add the next one.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'archive',
    up(db) {
      db.exec(`
        CREATE TABLE setting (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- One row per applicant: an applicant's workspace holds one, an HR officer's many (N-10).
        CREATE TABLE applicant (
          id         TEXT PRIMARY KEY,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        -- Singleton sections of the archive (profile, unit, application, summary) as validated JSON.
        CREATE TABLE section (
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          name         TEXT NOT NULL,
          data         TEXT NOT NULL CHECK (json_valid(data)),
          updated_at   TEXT NOT NULL,
          PRIMARY KEY (applicant_id, name)
        ) STRICT;

        -- Records of the archive's lists; deleted_at marks a soft delete that records:restore undoes.
        CREATE TABLE record (
          id           TEXT NOT NULL,
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          kind         TEXT NOT NULL,
          position     INTEGER NOT NULL,
          data         TEXT NOT NULL CHECK (json_valid(data)),
          created_at   TEXT NOT NULL,
          updated_at   TEXT NOT NULL,
          deleted_at   TEXT,
          -- Ids are unique per applicant only: archives imported into an HR workspace may share them.
          PRIMARY KEY (applicant_id, id)
        ) STRICT;
        CREATE INDEX record_list ON record (applicant_id, kind, position);
      `);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
