// SQL of the held key changes (issue 19, item 8; migration 10): a known applicant's revision signed by a new
// key, kept in <dataDir>/held/ until the officer accepts the new key or rejects it. Plain functions (db,
// args), named parameters. The import pipeline (package/importService.ts) writes them; unit/keyChange.ts
// lists, accepts and rejects them.
import path from 'node:path';
import type { Db } from '../db.js';

export const HELD_DIR = 'held';
export const heldDir = (dataDir: string): string => path.join(dataDir, HELD_DIR);

export interface HeldRow {
  id: string;
  applicant_id: string;
  package_id: string;
  revision: number;
  name: string;
  file_name: string;
  stored_name: string;
  sha256: string;
  size: number;
  manifest_sha256: string;
  old_signer: string;
  new_signer: string;
  received_at: string;
}

const COLUMNS = `id, applicant_id, package_id, revision, name, file_name, stored_name, sha256, size, manifest_sha256,
  old_signer, new_signer, received_at`;

export function insertHeld(db: Db, row: HeldRow): void {
  db.prepare(
    `INSERT INTO held_key_change (${COLUMNS})
     VALUES (@id, @applicant_id, @package_id, @revision, @name, @file_name, @stored_name, @sha256, @size,
             @manifest_sha256, @old_signer, @new_signer, @received_at)`,
  ).run(row);
}

/** The held revisions, of one applicant or of all, newest revision first. */
export function heldRows(db: Db, applicantId: string | null): HeldRow[] {
  return db
    .prepare<{ applicantId: string | null }, HeldRow>(
      `SELECT ${COLUMNS} FROM held_key_change WHERE @applicantId IS NULL OR applicant_id = @applicantId
       ORDER BY revision DESC, received_at DESC`,
    )
    .all({ applicantId });
}

/** The very same package held already (same level-1 manifest): taking it in again writes nothing. */
export function findHeld(db: Db, applicantId: string, manifestSha256: string): HeldRow | undefined {
  return db
    .prepare<{ applicantId: string; manifestSha256: string }, HeldRow>(
      `SELECT ${COLUMNS} FROM held_key_change WHERE applicant_id = @applicantId AND manifest_sha256 = @manifestSha256`,
    )
    .get({ applicantId, manifestSha256 });
}

export function deleteHeld(db: Db, ids: readonly string[]): void {
  const remove = db.prepare('DELETE FROM held_key_change WHERE id = @id');
  for (const id of ids) remove.run({ id });
}

/** The applicants with a held key change (the table's flag): one query for the whole table or one row. */
export function applicantsWithHeldKey(db: Db, applicantId: string | null): Set<string> {
  return new Set(
    db
      .prepare<{ applicantId: string | null }, { applicant_id: string }>(
        `SELECT DISTINCT applicant_id FROM held_key_change WHERE @applicantId IS NULL OR applicant_id = @applicantId`,
      )
      .all({ applicantId })
      .map((r) => r.applicant_id),
  );
}
