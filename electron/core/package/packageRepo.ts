// SQL for the package files of a workspace (migration 4) and the applicant's package id: plain functions
// (db, args), named parameters.
import type { PackageFile } from '../../../shared/api/contract.js';
import type { Db } from '../db.js';

export interface PackageRow {
  file_name: string;
  package_id: string;
  revision: number;
  level: number;
  sha256: string;
  size: number;
  manifest_sha256: string;
  l1_manifest_sha256: string;
  l1_signer: string;
  /** JSON of level 1's `supersedes`, or null. */
  supersedes: string | null;
  direction: 'exported' | 'imported';
  applicant_id: string | null;
  created_at: string;
}

/**
 * The row of a level added to a received package (the unit's level 2, the desk's level 3): the source's
 * identity and level 1 carried over, the new file's name, hashes and level; exported, now.
 */
export function appendedLevelRow(
  source: PackageRow,
  added: { fileName: string; level: number; sha256: string; size: number; manifestSha256: string; applicantId: string },
): PackageRow {
  return {
    file_name: added.fileName,
    package_id: source.package_id,
    revision: source.revision,
    level: added.level,
    sha256: added.sha256,
    size: added.size,
    manifest_sha256: added.manifestSha256,
    l1_manifest_sha256: source.l1_manifest_sha256,
    l1_signer: source.l1_signer,
    supersedes: source.supersedes,
    direction: 'exported',
    applicant_id: added.applicantId,
    created_at: new Date().toISOString(),
  };
}

const COLUMNS = `file_name, package_id, revision, level, sha256, size, manifest_sha256, l1_manifest_sha256, l1_signer,
  supersedes, direction, applicant_id, created_at`;

export const toPackageFile = (r: PackageRow): PackageFile => ({
  fileName: r.file_name,
  size: r.size,
  sha256: r.sha256,
  packageId: r.package_id,
  revision: r.revision,
  level: r.level,
  manifestSha256: r.manifest_sha256,
  direction: r.direction,
  createdAt: r.created_at,
});

export function listPackageRows(db: Db): PackageRow[] {
  return db
    .prepare<[], PackageRow>(`SELECT ${COLUMNS} FROM package_file ORDER BY created_at DESC, revision DESC, level DESC`)
    .all();
}

export function findPackageRow(db: Db, fileName: string): PackageRow | undefined {
  return db
    .prepare<{ fileName: string }, PackageRow>(`SELECT ${COLUMNS} FROM package_file WHERE file_name = @fileName`)
    .get({ fileName });
}

/** The rows of a package id, newest revision first and, within one, the highest level first. */
export function rowsOfPackage(db: Db, packageId: string): PackageRow[] {
  return db
    .prepare<{ packageId: string }, PackageRow>(
      `SELECT ${COLUMNS} FROM package_file WHERE package_id = @packageId
       ORDER BY revision DESC, level DESC, created_at DESC`,
    )
    .all({ packageId });
}

/** Records a package file; the same file name again (an unchanged export, written again) keeps its date. */
export function putPackageRow(db: Db, row: PackageRow): void {
  db.prepare(
    `INSERT INTO package_file (${COLUMNS})
     VALUES (@file_name, @package_id, @revision, @level, @sha256, @size, @manifest_sha256, @l1_manifest_sha256,
             @l1_signer, @supersedes, @direction, @applicant_id, @created_at)
     ON CONFLICT (file_name) DO UPDATE SET package_id = excluded.package_id, revision = excluded.revision,
       level = excluded.level, sha256 = excluded.sha256, size = excluded.size,
       manifest_sha256 = excluded.manifest_sha256, l1_manifest_sha256 = excluded.l1_manifest_sha256,
       l1_signer = excluded.l1_signer, supersedes = excluded.supersedes, direction = excluded.direction,
       applicant_id = excluded.applicant_id`,
  ).run(row);
}

export function getApplicantPackageId(db: Db, applicantId: string): string | null {
  return (
    db
      .prepare<{ applicantId: string }, { package_id: string | null }>(
        'SELECT package_id FROM applicant WHERE id = @applicantId',
      )
      .get({ applicantId })?.package_id ?? null
  );
}

export function setApplicantPackageId(db: Db, applicantId: string, packageId: string): void {
  db.prepare('UPDATE applicant SET package_id = @packageId WHERE id = @applicantId').run({ applicantId, packageId });
}
