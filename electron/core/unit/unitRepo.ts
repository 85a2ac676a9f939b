// SQL of the unit's intake (issue 7): which applicant holds a package id, who is held under an ID number,
// and the unit's review reset when a newer revision comes in. Plain functions (db, args), named parameters.
import type { Db } from '../db.js';

/** The applicant row that holds a package id in a unit's workspace (one per package id). */
export function applicantOfPackage(db: Db, packageId: string): string | null {
  return (
    db
      .prepare<{ packageId: string }, { id: string }>(
        'SELECT id FROM applicant WHERE package_id = @packageId ORDER BY created_at LIMIT 1',
      )
      .get({ packageId })?.id ?? null
  );
}

export interface HeldPerson {
  applicantId: string;
  packageId: string | null;
  name: string;
  idNumber: string;
}

/** Every applicant held, with the name and ID number of their profile section. */
export function heldPeople(db: Db): HeldPerson[] {
  return db
    .prepare<[], HeldPerson>(
      `SELECT a.id AS applicantId, a.package_id AS packageId,
              coalesce(json_extract(s.data, '$.name'), '') AS name,
              coalesce(json_extract(s.data, '$.idNumber'), '') AS idNumber
       FROM applicant a LEFT JOIN section s ON s.applicant_id = a.id AND s.name = 'profile'`,
    )
    .all();
}

/** The applicant's name as their profile section says (for results that did not read the archive). */
export function applicantName(db: Db, applicantId: string): string {
  return (
    db
      .prepare<{ applicantId: string }, { name: string | null }>(
        `SELECT json_extract(data, '$.name') AS name FROM section WHERE applicant_id = @applicantId AND name = 'profile'`,
      )
      .get({ applicantId })?.name ?? ''
  );
}

/**
 * A revision taken in: the unit's review of the applicant starts again (pending, no opinion) on it. The
 * opinion of a 退回 is in the returned package; carried over, it could be printed unread on an acceptance.
 */
export function resetUnitReview(db: Db, args: { applicantId: string; revision: number; at: string }): void {
  db.prepare(
    `INSERT INTO unit_review (applicant_id, status, opinion, revision, updated_at)
     VALUES (@applicantId, 'pending', '', @revision, @at)
     ON CONFLICT (applicant_id) DO UPDATE SET status = 'pending', opinion = '', revision = excluded.revision,
       updated_at = excluded.updated_at`,
  ).run(args);
}
