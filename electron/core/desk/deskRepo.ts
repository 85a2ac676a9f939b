// SQL of the reviewing desk (issue 17, migration 12): the applicants received with their unit and status,
// the unit keys pinned, the batches received. Plain functions (db, args), named parameters.
import type { DeskStatus } from '../../../shared/desk/pipeline.js';
import type { Db } from '../db.js';

export interface DeskApplicantRow {
  applicant_id: string;
  unit_key: string;
  unit_name: string;
  unit_fingerprint: string;
  status: DeskStatus;
  deadline: string | null;
  updated_at: string;
}

export function deskApplicant(db: Db, applicantId: string): DeskApplicantRow | null {
  return (
    db
      .prepare<{ applicantId: string }, DeskApplicantRow>(
        'SELECT * FROM desk_applicant WHERE applicant_id = @applicantId',
      )
      .get({ applicantId }) ?? null
  );
}

export function putDeskApplicant(db: Db, row: DeskApplicantRow): void {
  db.prepare(
    `INSERT INTO desk_applicant (applicant_id, unit_key, unit_name, unit_fingerprint, status, deadline, updated_at)
     VALUES (@applicant_id, @unit_key, @unit_name, @unit_fingerprint, @status, @deadline, @updated_at)
     ON CONFLICT (applicant_id) DO UPDATE SET unit_key = excluded.unit_key, unit_name = excluded.unit_name,
       unit_fingerprint = excluded.unit_fingerprint, status = excluded.status, deadline = excluded.deadline,
       updated_at = excluded.updated_at`,
  ).run(row);
}

export function listDeskApplicants(db: Db): (DeskApplicantRow & { name: string; id_number: string })[] {
  return db
    .prepare<[], DeskApplicantRow & { name: string; id_number: string }>(
      `SELECT d.*, coalesce(json_extract(s.data, '$.name'), '') AS name,
              coalesce(json_extract(s.data, '$.idNumber'), '') AS id_number
       FROM desk_applicant d LEFT JOIN section s ON s.applicant_id = d.applicant_id AND s.name = 'profile'
       ORDER BY d.unit_name, name`,
    )
    .all();
}

export function pinnedUnitKey(db: Db, unitKey: string): string | null {
  return (
    db
      .prepare<{ unitKey: string }, { fingerprint: string }>(
        'SELECT fingerprint FROM desk_unit_key WHERE unit_key = @unitKey',
      )
      .get({ unitKey })?.fingerprint ?? null
  );
}

export function pinUnitKey(db: Db, row: { unitKey: string; unitName: string; fingerprint: string; at: string }): void {
  db.prepare(
    `INSERT INTO desk_unit_key (unit_key, unit_name, fingerprint, pinned_at) VALUES (@unitKey, @unitName, @fingerprint, @at)
     ON CONFLICT (unit_key) DO UPDATE SET unit_name = excluded.unit_name, fingerprint = excluded.fingerprint,
       pinned_at = excluded.pinned_at`,
  ).run(row);
}

export function recordBatch(
  db: Db,
  row: { sha256: string; fileName: string; unitKey: string; fingerprint: string; packages: number; at: string },
): void {
  db.prepare(
    `INSERT INTO desk_batch (sha256, file_name, unit_key, fingerprint, packages, received_at)
     VALUES (@sha256, @fileName, @unitKey, @fingerprint, @packages, @at) ON CONFLICT (sha256) DO NOTHING`,
  ).run(row);
}

/** The unit's publicity evidence of a revision received (migration 15), kept for the table across units. */
export interface UnitPublicityRow {
  applicant_id: string;
  revision: number;
  start_date: string;
  end_date: string;
  outcome: string;
}

export function putUnitPublicity(db: Db, row: UnitPublicityRow): void {
  db.prepare(
    `INSERT INTO desk_unit_publicity (applicant_id, revision, start_date, end_date, outcome)
     VALUES (@applicant_id, @revision, @start_date, @end_date, @outcome)
     ON CONFLICT (applicant_id, revision) DO UPDATE SET start_date = excluded.start_date,
       end_date = excluded.end_date, outcome = excluded.outcome`,
  ).run(row);
}

/** Each applicant's publicity of their newest revision received, by applicant id. */
export function unitPublicities(db: Db): Map<string, UnitPublicityRow> {
  const rows = db
    .prepare<[], UnitPublicityRow>(
      `SELECT p.* FROM desk_unit_publicity p
       WHERE p.revision = (SELECT max(q.revision) FROM desk_unit_publicity q WHERE q.applicant_id = p.applicant_id)`,
    )
    .all();
  return new Map(rows.map((r) => [r.applicant_id, r]));
}
