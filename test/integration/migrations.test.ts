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

  it("6 (title-series): each stored title gets the series its name states, else ''; it then reads back", () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'f.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 5);
    db.prepare("INSERT INTO applicant (id, created_at, updated_at) VALUES ('a', 't', 't')").run();
    const title = (id: string, name: string, deleted: string | null, pos: number) =>
      db.prepare('INSERT INTO record VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        id,
        'a',
        'titles',
        pos,
        JSON.stringify({
          id,
          level: 'intermediate',
          name,
          obtainedDate: '2010-01-01',
          certificateNumber: '',
          issuingBody: '',
        }),
        't',
        't',
        deleted,
      );
    title('t1', '工程师', null, 0);
    title('t2', '经济师', null, 1);
    title('t3', '工程师（经济）兼经济师', null, 2);
    title('t4', '高级工程师', 't', 3); // soft-deleted: an undo must still parse
    db.prepare("INSERT INTO record VALUES ('w1', 'a', 'works', 0, '{\"id\":\"w1\"}', 't', 't', NULL)").run();
    migrate(db, MIGRATIONS, 6);
    const series = db
      .prepare("SELECT id, data FROM record WHERE kind = 'titles' ORDER BY id")
      .all()
      .map((r) => {
        const data = JSON.parse((r as { data: string }).data) as Record<string, unknown>;
        return [data.id, data.series, Object.keys(data).slice(0, 4).join(',')];
      });
    expect(series).toEqual([
      ['t1', 'engineering', 'id,level,series,name'],
      ['t2', 'economics', 'id,level,series,name'],
      ['t3', '', 'id,level,series,name'],
      ['t4', 'engineering', 'id,level,series,name'],
    ]);
    expect(db.prepare("SELECT data FROM record WHERE id = 'w1'").get()).toEqual({ data: '{"id":"w1"}' });
    db.close();
  });

  it('2 (attachments): keeps the archive rows, adds attachments and links that follow their applicant', () => {
    const db = new Database(path.join(tempDir(), 'e.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 1);
    db.prepare("INSERT INTO applicant VALUES ('a', 't', 't')").run();
    db.prepare("INSERT INTO record VALUES ('w1', 'a', 'works', 0, '{\"id\":\"w1\"}', 't', 't', NULL)").run();
    db.prepare("INSERT INTO setting VALUES ('locale', 'en')").run();
    migrate(db, MIGRATIONS, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT data FROM record').get()).toEqual({ data: '{"id":"w1"}' });
    expect(db.prepare('SELECT value FROM setting').get()).toEqual({ value: 'en' });

    const sha = 'ab'.repeat(32);
    const insert = db.prepare(
      `INSERT INTO attachment (id, applicant_id, sha256, file_name, media_type, bytes, pages, width, height,
         derived_from, operation, created_at, deleted_at)
       VALUES (@id, 'a', @sha, 'x.pdf', @type, 10, 1, NULL, NULL, @from, @op, 't', NULL)`,
    );
    insert.run({ id: 'o', sha, type: 'application/pdf', from: null, op: null });
    insert.run({ id: 'd', sha, type: 'application/pdf', from: 'o', op: '{"op":"rotate","degrees":90,"page":null}' });
    // An edited version names its original and how it was made, or neither.
    expect(() => insert.run({ id: 'e', sha, type: 'application/pdf', from: 'o', op: null })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'f', sha, type: 'text/html', from: null, op: null })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'g', sha: 'AB'.repeat(32), type: 'application/pdf', from: null, op: null })).toThrow(
      /CHECK/,
    );
    expect(() => insert.run({ id: 'h', sha, type: 'application/pdf', from: 'nope', op: '{}' })).toThrow(/FOREIGN KEY/);

    const link = db.prepare(
      `INSERT INTO attachment_link (id, attachment_id, applicant_id, record_id, slot, page, created_at)
       VALUES (@id, @att, 'a', @record, @slot, @page, 't')`,
    );
    link.run({ id: 'l1', att: 'o', record: 'w1', slot: 'M-10/paper/toc', page: 3 });
    link.run({ id: 'l2', att: 'o', record: null, slot: 'M-4/diploma', page: null });
    expect(() => link.run({ id: 'l3', att: 'o', record: null, slot: 'M-4/diploma', page: null })).toThrow(/UNIQUE/);
    expect(() => link.run({ id: 'l4', att: 'o', record: null, slot: null, page: null })).toThrow(/CHECK/);
    expect(() => link.run({ id: 'l5', att: 'o', record: 'no-such-record', slot: null, page: null })).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM attachment_link').get()).toEqual({ n: 0 });
    db.close();
  });

  it('3 (generated files): keeps attachments; one row per applicant and key, following its applicant', () => {
    const db = new Database(path.join(tempDir(), 'g.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 2);
    db.prepare("INSERT INTO applicant VALUES ('a', 't', 't')").run();
    const sha = 'cd'.repeat(32);
    db.prepare(
      `INSERT INTO attachment (id, applicant_id, sha256, file_name, media_type, bytes, pages, width, height,
         derived_from, operation, created_at, deleted_at) VALUES ('o', 'a', ?, 'x.pdf', 'application/pdf', 10, 1, NULL, NULL, NULL, NULL, 't', NULL)`,
    ).run(sha);
    migrate(db, MIGRATIONS, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT id FROM attachment').get()).toEqual({ id: 'o' });
    const insert = db.prepare(
      `INSERT INTO generated_file VALUES ('a', @key, 'F-1.pdf', @sha, 100, 3, @sha, @sha, @missing, '[]', 't')`,
    );
    insert.run({ key: 'F-1', sha, missing: '[]' });
    expect(() => insert.run({ key: 'F-1', sha, missing: '[]' })).toThrow(/UNIQUE/);
    expect(() => insert.run({ key: 'M-2', sha: 'x', missing: '[]' })).toThrow(/CHECK/);
    expect(() => insert.run({ key: 'M-3', sha, missing: 'not json' })).toThrow(/CHECK/);
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) AS n FROM generated_file').get()).toEqual({ n: 0 });
    db.close();
  });

  it('4 (packages): keeps the archive; records package files, which outlive their applicant', () => {
    const db = new Database(path.join(tempDir(), 'p.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 3);
    db.prepare("INSERT INTO applicant VALUES ('a', 't', 't')").run();
    db.prepare("INSERT INTO section VALUES ('a', 'profile', '{}', 't')").run();
    migrate(db, MIGRATIONS, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT id, package_id FROM applicant').get()).toEqual({ id: 'a', package_id: null });
    expect(db.prepare('SELECT count(*) AS n FROM section').get()).toEqual({ n: 1 });
    db.prepare("UPDATE applicant SET package_id = 'pkg-1' WHERE id = 'a'").run();
    expect(() => db.prepare("UPDATE applicant SET package_id = '' WHERE id = 'a'").run()).toThrow(/CHECK/);

    const sha = 'ef'.repeat(32);
    const insert = db.prepare(
      `INSERT INTO package_file (file_name, package_id, revision, level, sha256, size, manifest_sha256,
         l1_manifest_sha256, l1_signer, supersedes, direction, applicant_id, created_at)
       VALUES (@name, 'pkg-1', @revision, 1, @sha, 100, @sha, @sha, @sha, NULL, @direction, 'a', 't')`,
    );
    insert.run({ name: '申报包-张三-r1.zcpkg', revision: 1, sha, direction: 'exported' });
    expect(() => insert.run({ name: '申报包-张三-r1.zcpkg', revision: 1, sha, direction: 'exported' })).toThrow(
      /UNIQUE/,
    );
    expect(() => insert.run({ name: 'a/b.zcpkg', revision: 2, sha, direction: 'exported' })).toThrow(/CHECK/);
    expect(() => insert.run({ name: 'a\\b.zcpkg', revision: 2, sha, direction: 'exported' })).toThrow(/CHECK/);
    expect(() => insert.run({ name: 'x.zcpkg', revision: 0, sha, direction: 'exported' })).toThrow(/CHECK/);
    expect(() => insert.run({ name: 'x.zcpkg', revision: 2, sha: 'AB'.repeat(32), direction: 'exported' })).toThrow(
      /CHECK/,
    );
    expect(() => insert.run({ name: 'x.zcpkg', revision: 2, sha, direction: 'sent' })).toThrow(/CHECK/);
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    expect(db.prepare('SELECT file_name, applicant_id FROM package_file').all()).toEqual([
      { file_name: '申报包-张三-r1.zcpkg', applicant_id: null },
    ]);
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
