// Each migration from its previous version (N−1 → N) on a database holding rows of the version before: what was
// there is kept, the new tables refuse what their CHECKs say, and rows follow (or outlive) their applicant as the
// migration's comments promise. Migrations 1–4 and 6 are tested in migrations.test.ts.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db.js';
import { MIGRATIONS } from '../../electron/core/migrations.js';
import { tempDir } from '../helpers/workspace.js';

const SHA = 'ab'.repeat(32);

/** A database at version `n` holding one applicant 'a' with a profile (and, from version 4, a package id). */
function at(n: number): Database.Database {
  const db = new Database(path.join(tempDir(), `m${n}.sqlite`));
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, n);
  db.prepare("INSERT INTO applicant (id, created_at, updated_at) VALUES ('a', 't', 't')").run();
  db.prepare("INSERT INTO section VALUES ('a', 'profile', '{}', 't')").run();
  return db;
}

function step(db: Database.Database, to: number): void {
  migrate(db, MIGRATIONS, to);
  expect(schemaVersion(db)).toBe(to);
  // What was there before is kept.
  expect(db.prepare("SELECT count(*) AS n FROM section WHERE applicant_id = 'a'").get()).toEqual({ n: 1 });
}

const count = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migrations, each from the version before', () => {
  it('5 (unit): review, marks, comments, publicity and batches; review rows follow their applicant', () => {
    const db = at(4);
    step(db, 5);
    db.prepare("INSERT INTO unit_review VALUES ('a', 'pending', '', 1, 't')").run();
    expect(() => db.prepare("INSERT INTO unit_review VALUES ('a', 'maybe', '', 1, 't')").run()).toThrow();
    expect(() => db.prepare("INSERT INTO material_review VALUES ('a', 'M-1', 'accepted', 0, 't')").run()).toThrow(
      /CHECK/,
    );
    db.prepare("INSERT INTO material_review VALUES ('a', 'M-1', 'returned', 1, 't')").run();
    db.prepare(`INSERT INTO review_comment VALUES ('c1', 'a', 1, 'M-1', '{"kind":"material"}', '请更正', 't')`).run();
    expect(() =>
      db.prepare(`INSERT INTO review_comment VALUES ('c2', 'a', 1, 'M-1', 'not json', '请更正', 't')`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO review_comment VALUES ('c3', 'a', 1, 'M-1', '{"kind":"material"}', '', 't')`).run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO publicity VALUES ('p1', '2020-09-28', '2020-10-10', 5, 't')").run();
    expect(() => db.prepare("INSERT INTO publicity VALUES ('p2', '2020-10-10', '2020-09-28', 5, 't')").run()).toThrow(
      /CHECK/,
    );
    db.prepare("INSERT INTO publicity_member VALUES ('p1', 'a', 'pending', '', NULL)").run();
    expect(() => db.prepare(`INSERT INTO unit_batch VALUES ('a/b.zip', '${SHA}', 10, 1, 't')`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO unit_batch VALUES ('报送批次.zip', '${SHA}', 10, 1, 't')`).run();
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    for (const table of ['unit_review', 'material_review', 'review_comment', 'publicity_member']) {
      expect(count(db, table), table).toBe(0);
    }
    // A publicity and a batch are the unit's own: they outlive the applicant.
    expect([count(db, 'publicity'), count(db, 'unit_batch')]).toEqual([1, 1]);
    db.close();
  });

  it('7 (audit trail): add-only events that outlive the archive; batch members and countersignatures', () => {
    const db = at(6);
    db.prepare(`INSERT INTO unit_batch VALUES ('报送批次.zip', '${SHA}', 10, 1, 't')`).run();
    step(db, 7);
    db.prepare(
      "INSERT INTO audit_event (applicant_id, revision, action, reason, detail, at) VALUES ('a', 1, 'accepted-despite', '理由', '{}', 't')",
    ).run();
    expect(() =>
      db.prepare("INSERT INTO audit_event (applicant_id, action, detail, at) VALUES ('a', 'x', 'not json', 't')").run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE audit_event SET reason = '改过'").run()).toThrow(/add-only/);
    expect(() => db.prepare('DELETE FROM audit_event').run()).toThrow(/add-only/);
    db.prepare("INSERT INTO batch_member VALUES ('报送批次.zip', 'a', 'x.zcpkg', 1)").run();
    db.prepare("INSERT INTO unit_countersign VALUES ('a', 1, 'x.zcpkg', 't')").run();
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    expect([count(db, 'audit_event'), count(db, 'batch_member'), count(db, 'unit_countersign')]).toEqual([1, 1, 0]);
    db.prepare("DELETE FROM unit_batch WHERE file_name = '报送批次.zip'").run();
    expect(count(db, 'batch_member')).toBe(0);
    db.close();
  });

  it('8 (publicity corrections): a publicity held before gets no cancellation; a long reason is refused', () => {
    const db = at(7);
    db.prepare("INSERT INTO publicity VALUES ('p1', '2020-09-28', '2020-10-10', 5, 't')").run();
    step(db, 8);
    expect(db.prepare("SELECT cancelled_at, cancel_reason FROM publicity WHERE id = 'p1'").get()).toEqual({
      cancelled_at: null,
      cancel_reason: '',
    });
    db.prepare("UPDATE publicity SET cancelled_at = 't', cancel_reason = '日期有误' WHERE id = 'p1'").run();
    expect(() => db.prepare(`UPDATE publicity SET cancel_reason = '${'长'.repeat(2001)}'`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('9 (return checklist): ticks on a corrected revision follow their comment and applicant', () => {
    const db = at(8);
    db.prepare(`INSERT INTO review_comment VALUES ('c1', 'a', 1, 'M-1', '{"kind":"material"}', '请更正', 't')`).run();
    step(db, 9);
    expect(() => db.prepare("INSERT INTO return_check VALUES ('a', 1, 'c1', 'addressed', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO return_check VALUES ('a', 2, 'c1', 'done', 't')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO return_check VALUES ('a', 2, 'c1', 'addressed', 't')").run();
    db.prepare("DELETE FROM review_comment WHERE id = 'c1'").run();
    expect(count(db, 'return_check')).toBe(0);
    db.close();
  });

  it('10 (applicant key change): a held revision, one per manifest, follows its applicant', () => {
    const db = at(9);
    step(db, 10);
    const insert = db.prepare(
      `INSERT INTO held_key_change VALUES (@id, 'a', 'pkg-1', 2, '张三', 'r2.zcpkg', @stored, '${SHA}', 10,
         @manifest, '${SHA}', '${'cd'.repeat(32)}', 't')`,
    );
    insert.run({ id: 'h1', stored: 'h1.zcpkg', manifest: SHA });
    expect(() => insert.run({ id: 'h2', stored: 'h2.zcpkg', manifest: SHA })).toThrow(/UNIQUE/);
    expect(() => insert.run({ id: 'h3', stored: 'x/h3.zcpkg', manifest: 'ef'.repeat(32) })).toThrow(/CHECK/);
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    expect(count(db, 'held_key_change')).toBe(0);
    db.close();
  });

  it("11 (required scans): attachments kept without a resolution; an export's reasons follow the applicant", () => {
    const db = at(10);
    const columns = (db.prepare('PRAGMA table_info(attachment)').all() as { name: string }[]).map((c) => c.name);
    step(db, 11);
    const after = (db.prepare('PRAGMA table_info(attachment)').all() as { name: string }[]).map((c) => c.name);
    expect(after).toEqual([...columns, 'scan_dpi']);
    db.prepare("INSERT INTO export_justification VALUES ('a', 'R-4.ce-hours/2019', '已补学', 't')").run();
    expect(() => db.prepare("INSERT INTO export_justification VALUES ('a', 'R-1', '', 't')").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    expect(count(db, 'export_justification')).toBe(0);
    db.close();
  });

  it("12 (reviewing desk): a desk's applicants follow their archive; unit keys and batches are its own", () => {
    const db = at(11);
    step(db, 12);
    const insert = db.prepare(
      `INSERT INTO desk_applicant VALUES ('a', 'unit-1', '某单位', @fp, @status, @deadline, 't')`,
    );
    expect(() => insert.run({ fp: SHA, status: 'maybe', deadline: null })).toThrow(/CHECK/);
    expect(() => insert.run({ fp: SHA, status: 'returned', deadline: '2099/01/31' })).toThrow(/CHECK/);
    expect(() => insert.run({ fp: 'short', status: 'to_review', deadline: null })).toThrow(/CHECK/);
    insert.run({ fp: SHA, status: 'returned', deadline: '2099-01-31' });
    expect(() => db.prepare("INSERT INTO desk_unit_key VALUES ('unit-1', '某单位', 'AB', 't')").run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO desk_unit_key VALUES ('unit-1', '某单位', '${SHA}', 't')`).run();
    db.prepare(`INSERT INTO desk_batch VALUES ('${SHA}', '报送批次.zip', 'unit-1', '${SHA}', 1, 't')`).run();
    db.prepare("DELETE FROM applicant WHERE id = 'a'").run();
    expect([count(db, 'desk_applicant'), count(db, 'desk_unit_key'), count(db, 'desk_batch')]).toEqual([0, 1, 1]);
    db.close();
  });
});
