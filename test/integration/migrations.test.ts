import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, openDatabase, schemaVersion } from '../../electron/core/db.js';
import { MIGRATIONS } from '../../electron/core/migrations.js';
import { tempDir } from '../helpers/workspace.js';

describe('migrations', () => {
  it('numbers migrations 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('brings a new database to the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('1 (archive): from an empty file, creates the tables; rows cascade with their applicant', () => {
    const db = new Database(path.join(tempDir(), 'b.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 0);
    expect(schemaVersion(db)).toBe(0);
    migrate(db, MIGRATIONS, 1);
    expect(schemaVersion(db)).toBe(1);
    db.prepare("INSERT INTO applicant VALUES ('a', 't', 't')").run();
    db.prepare("INSERT INTO section VALUES ('a', 'profile', '{}', 't')").run();
    db.prepare("INSERT INTO record VALUES ('r1', 'a', 'works', 0, '{}', 't', 't', NULL)").run();
    // Record ids are unique per applicant, not globally (HR workspaces hold many imported archives).
    db.prepare("INSERT INTO applicant VALUES ('b', 't', 't')").run();
    db.prepare("INSERT INTO record VALUES ('r1', 'b', 'works', 0, '{}', 't', 't', NULL)").run();
    expect(() => db.prepare("INSERT INTO record VALUES ('r1', 'a', 'works', 1, '{}', 't', 't', NULL)").run()).toThrow(
      /UNIQUE/,
    );
    expect(() => db.prepare("INSERT INTO section VALUES ('a', 'unit', 'not json', 't')").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) AS n FROM record').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM section').get()).toEqual({ n: 0 });
    db.close();
  });

  it('a failing migration leaves the database at the version before it', () => {
    const file = path.join(tempDir(), 'c.sqlite');
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up(db: Database.Database) {
          db.exec('CREATE TABLE half (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase(file, broken)).toThrow('boom');
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer version, untouched, with a clear message', () => {
    const file = path.join(tempDir(), 'd.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/newer release/);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as { localized: { zh: string } }).localized.zh).toContain('更新版本');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
