// SQL for the archive: plain functions (db, args), named parameters, no string-built values.
// Every row's JSON was validated against its zod schema by the caller (archiveService.ts).
import type { RecordKind, SectionName } from '../../shared/archive/schema.js';
import type { ZodType } from 'zod';
import type { Db } from './db.js';

export interface RecordRow {
  id: string;
  kind: RecordKind;
  position: number;
  data: string;
  deleted_at: string | null;
}

export function listApplicantIds(db: Db): string[] {
  return db
    .prepare<[], { id: string }>('SELECT id FROM applicant ORDER BY created_at, id')
    .all()
    .map((row) => row.id);
}

export function insertApplicant(db: Db, id: string, now: string): void {
  db.prepare('INSERT INTO applicant (id, created_at, updated_at) VALUES (@id, @now, @now)').run({ id, now });
}

export function getApplicantUpdatedAt(db: Db, id: string): string | undefined {
  return db
    .prepare<{ id: string }, { updated_at: string }>('SELECT updated_at FROM applicant WHERE id = @id')
    .get({ id })?.updated_at;
}

export function touchApplicant(db: Db, id: string, now: string): void {
  db.prepare('UPDATE applicant SET updated_at = @now WHERE id = @id').run({ id, now });
}

export function deleteApplicant(db: Db, id: string): void {
  db.prepare('DELETE FROM applicant WHERE id = @id').run({ id });
}

export function getSections(db: Db, applicantId: string): { name: SectionName; data: string }[] {
  return db
    .prepare<{ applicantId: string }, { name: SectionName; data: string }>(
      'SELECT name, data FROM section WHERE applicant_id = @applicantId',
    )
    .all({ applicantId });
}

export function upsertSection(db: Db, applicantId: string, name: SectionName, data: string, now: string): void {
  db.prepare(
    `INSERT INTO section (applicant_id, name, data, updated_at) VALUES (@applicantId, @name, @data, @now)
     ON CONFLICT (applicant_id, name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  ).run({ applicantId, name, data, now });
}

/** Live records of every kind, in list order. */
export function getLiveRecords(db: Db, applicantId: string): RecordRow[] {
  return db
    .prepare<{ applicantId: string }, RecordRow>(
      `SELECT id, kind, position, data, deleted_at FROM record
       WHERE applicant_id = @applicantId AND deleted_at IS NULL ORDER BY kind, position, id`,
    )
    .all({ applicantId });
}

export function findRecord(db: Db, applicantId: string, id: string): RecordRow | undefined {
  return db
    .prepare<{ applicantId: string; id: string }, RecordRow>(
      'SELECT id, kind, position, data, deleted_at FROM record WHERE applicant_id = @applicantId AND id = @id',
    )
    .get({ applicantId, id });
}

export function nextPosition(db: Db, applicantId: string, kind: RecordKind): number {
  const row = db
    .prepare<{ applicantId: string; kind: string }, { next: number }>(
      'SELECT COALESCE(MAX(position) + 1, 0) AS next FROM record WHERE applicant_id = @applicantId AND kind = @kind',
    )
    .get({ applicantId, kind });
  return row?.next ?? 0;
}

export function insertRecord(
  db: Db,
  row: { id: string; applicantId: string; kind: RecordKind; position: number; data: string; now: string },
): void {
  db.prepare(
    `INSERT INTO record (id, applicant_id, kind, position, data, created_at, updated_at)
     VALUES (@id, @applicantId, @kind, @position, @data, @now, @now)`,
  ).run(row);
}

type RecordKey = { applicantId: string; id: string };
const WHERE_KEY = 'WHERE applicant_id = @applicantId AND id = @id';

export function updateRecordData(db: Db, key: RecordKey, data: string, now: string): void {
  db.prepare(`UPDATE record SET data = @data, updated_at = @now ${WHERE_KEY}`).run({ ...key, data, now });
}

export function setRecordDeleted(db: Db, key: RecordKey, deletedAt: string | null, now: string): void {
  db.prepare(`UPDATE record SET deleted_at = @deletedAt, updated_at = @now ${WHERE_KEY}`).run({
    ...key,
    deletedAt,
    now,
  });
}

export function setRecordPosition(db: Db, key: RecordKey, position: number): void {
  db.prepare(`UPDATE record SET position = @position ${WHERE_KEY}`).run({ ...key, position });
}

/** Live ids of one list in order, to renumber after a move. */
export function listIds(db: Db, applicantId: string, kind: RecordKind): string[] {
  return db
    .prepare<{ applicantId: string; kind: string }, { id: string }>(
      `SELECT id FROM record WHERE applicant_id = @applicantId AND kind = @kind AND deleted_at IS NULL
       ORDER BY position, id`,
    )
    .all({ applicantId, kind })
    .map((row) => row.id);
}

export function getSetting(db: Db, key: string): string | undefined {
  return db.prepare<{ key: string }, { value: string }>('SELECT value FROM setting WHERE key = @key').get({ key })
    ?.value;
}

/**
 * A setting kept as JSON, as its schema reads it; null when never set, or when it no longer reads (after an
 * upgrade, or damaged): the caller treats it as not entered yet.
 */
export function getSettingJson<T>(db: Db, key: string, schema: ZodType<T>): T | null {
  const text = getSetting(db, key);
  if (text === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO setting (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run({ key, value });
}
