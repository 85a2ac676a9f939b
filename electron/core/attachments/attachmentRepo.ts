// SQL for attachments and their links (migration 2): plain functions (db, args), named parameters.
import type { MediaType } from '../../../shared/attachments/schema.js';
import type { Db } from '../db.js';
import { generatedFileNameOfSha } from '../forms/generatedRepo.js';

export interface AttachmentRow {
  id: string;
  applicant_id: string;
  sha256: string;
  file_name: string;
  media_type: MediaType;
  bytes: number;
  pages: number;
  width: number | null;
  height: number | null;
  /** A PDF's lowest resolution at A4 among its scanned pages (migration 11). */
  scan_dpi: number | null;
  derived_from: string | null;
  operation: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface LinkRow {
  id: string;
  attachment_id: string;
  applicant_id: string;
  record_id: string | null;
  slot: string | null;
  page: number | null;
  created_at: string;
}

const COLUMNS = `id, applicant_id, sha256, file_name, media_type, bytes, pages, width, height, scan_dpi, derived_from,
  operation, created_at, deleted_at`;

/** The operations whose result replaces its original one to one (a split or a merge does not). */
export const ONE_TO_ONE_OPS = ['convert', 'rotate', 'deletePage', 'reorderPages', 'fit', 'cropPhoto'] as const;

export function insertAttachment(db: Db, row: Omit<AttachmentRow, 'deleted_at'>): void {
  db.prepare(
    `INSERT INTO attachment (${COLUMNS})
     VALUES (@id, @applicant_id, @sha256, @file_name, @media_type, @bytes, @pages, @width, @height, @scan_dpi,
             @derived_from, @operation, @created_at, NULL)`,
  ).run(row);
}

export function findAttachment(db: Db, id: string): AttachmentRow | undefined {
  return db.prepare<{ id: string }, AttachmentRow>(`SELECT ${COLUMNS} FROM attachment WHERE id = @id`).get({ id });
}

/** A live attachment of this applicant with these bytes and this origin: adding it again adds nothing. */
export function findLiveSame(
  db: Db,
  args: { applicantId: string; sha256: string; derivedFrom: string | null },
): AttachmentRow | undefined {
  return db
    .prepare<{ applicantId: string; sha256: string; derivedFrom: string | null }, AttachmentRow>(
      `SELECT ${COLUMNS} FROM attachment
       WHERE applicant_id = @applicantId AND sha256 = @sha256 AND deleted_at IS NULL
         AND (derived_from IS @derivedFrom OR @derivedFrom IS NULL)
       ORDER BY created_at LIMIT 1`,
    )
    .get(args);
}

export function listAttachments(db: Db, args: { applicantId: string; includeDeleted: boolean }): AttachmentRow[] {
  return db
    .prepare<{ applicantId: string; includeDeleted: number }, AttachmentRow>(
      `SELECT ${COLUMNS} FROM attachment
       WHERE applicant_id = @applicantId AND (@includeDeleted = 1 OR deleted_at IS NULL)
       ORDER BY created_at, rowid`,
    )
    .all({ applicantId: args.applicantId, includeDeleted: args.includeDeleted ? 1 : 0 });
}

/** Ids among these whose live one-to-one edit exists. */
export function idsWithNewerVersion(db: Db, applicantId: string): Set<string> {
  const ops = ONE_TO_ONE_OPS.map((op) => `'${op}'`).join(', ');
  return new Set(
    db
      .prepare<{ applicantId: string }, { id: string }>(
        `SELECT DISTINCT derived_from AS id FROM attachment
         WHERE applicant_id = @applicantId AND deleted_at IS NULL AND derived_from IS NOT NULL
           AND json_extract(operation, '$.op') IN (${ops})`,
      )
      .all({ applicantId })
      .map((row) => row.id),
  );
}

export function setAttachmentDeleted(db: Db, args: { id: string; deletedAt: string | null }): void {
  db.prepare('UPDATE attachment SET deleted_at = @deletedAt WHERE id = @id').run(args);
}

export function renameAttachment(db: Db, args: { id: string; fileName: string }): void {
  db.prepare('UPDATE attachment SET file_name = @fileName WHERE id = @id').run(args);
}

/** Every attachment row naming a hash, for the integrity report. */
export function attachmentsBySha(db: Db): Map<string, { id: string; applicantId: string; fileName: string }[]> {
  const map = new Map<string, { id: string; applicantId: string; fileName: string }[]>();
  const rows = db
    .prepare<[], { id: string; applicant_id: string; file_name: string; sha256: string }>(
      'SELECT id, applicant_id, file_name, sha256 FROM attachment ORDER BY sha256, created_at',
    )
    .all();
  for (const row of rows) {
    const list = map.get(row.sha256) ?? [];
    list.push({ id: row.id, applicantId: row.applicant_id, fileName: row.file_name });
    map.set(row.sha256, list);
  }
  return map;
}

/** The media type recorded for a hash (what the file server sends), or undefined when none refers to it. */
export function mediaTypeOfSha(db: Db, sha256: string): { media_type: MediaType; file_name: string } | undefined {
  return (
    db
      .prepare<{ sha256: string }, { media_type: MediaType; file_name: string }>(
        'SELECT media_type, file_name FROM attachment WHERE sha256 = @sha256 ORDER BY deleted_at IS NOT NULL LIMIT 1',
      )
      .get({ sha256 }) ?? generatedOfSha(db, sha256)
  );
}

/** Generated forms (issue 5) are stored files too, always PDFs: previews and downloads read them the same way. */
function generatedOfSha(db: Db, sha256: string): { media_type: MediaType; file_name: string } | undefined {
  const fileName = generatedFileNameOfSha(db, sha256);
  return fileName === undefined ? undefined : { media_type: 'application/pdf', file_name: fileName };
}

const LINK_COLUMNS = 'id, attachment_id, applicant_id, record_id, slot, page, created_at';

export function listLinks(db: Db, applicantId: string): LinkRow[] {
  return db
    .prepare<{ applicantId: string }, LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM attachment_link WHERE applicant_id = @applicantId ORDER BY created_at, rowid`,
    )
    .all({ applicantId });
}

export function linksOf(db: Db, attachmentId: string): LinkRow[] {
  return db
    .prepare<{ attachmentId: string }, LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM attachment_link WHERE attachment_id = @attachmentId ORDER BY created_at, rowid`,
    )
    .all({ attachmentId });
}

export function findLink(db: Db, id: string): LinkRow | undefined {
  return db.prepare<{ id: string }, LinkRow>(`SELECT ${LINK_COLUMNS} FROM attachment_link WHERE id = @id`).get({ id });
}

export function findSameLink(
  db: Db,
  args: { attachmentId: string; recordId: string | null; slot: string | null; page: number | null },
): LinkRow | undefined {
  return db
    .prepare<typeof args, LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM attachment_link
       WHERE attachment_id = @attachmentId AND record_id IS @recordId AND slot IS @slot AND page IS @page`,
    )
    .get(args);
}

export function insertLink(db: Db, row: LinkRow): void {
  db.prepare(
    `INSERT INTO attachment_link (${LINK_COLUMNS})
     VALUES (@id, @attachment_id, @applicant_id, @record_id, @slot, @page, @created_at)`,
  ).run(row);
}

export function deleteLink(db: Db, id: string): void {
  db.prepare('DELETE FROM attachment_link WHERE id = @id').run({ id });
}

/** Moves a link to another attachment (an edited version takes over what its original proved). */
export function moveLink(db: Db, args: { id: string; attachmentId: string; page: number | null }): void {
  db.prepare('UPDATE attachment_link SET attachment_id = @attachmentId, page = @page WHERE id = @id').run(args);
}
