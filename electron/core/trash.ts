// 回收站 (issue 15): what the applicant deleted, and what depends on a record before it is deleted.
// Records and attachments are soft deleted (`deleted_at`, migrations 1 and 2), and a delete keeps every
// link row: so the trash is a view of those rows, and a restore (records:restore, attachments:restore)
// brings the item back where it was — a record at its list position, with its scans still linked.
// Nothing here writes.
import type { DeletedRecord, Localized, TrashView } from '../../shared/api/contract.js';
import { emptyArchive } from '../../shared/archive/empty.js';
import { RECORD_KINDS, RECORD_SCHEMAS, type AnyRecord, type RecordKind } from '../../shared/archive/schema.js';
import { nameRecord } from '../../shared/materials/recordNames.js';
import { readArchive, requireApplicant } from './archiveService.js';
import * as attachmentRepo from './attachments/attachmentRepo.js';
import type { Db } from './db.js';
import { DossierError } from './errors.js';

interface DeletedRecordRow {
  id: string;
  kind: RecordKind;
  data: string;
  deleted_at: string;
  /** Where it goes back: the live records of its list that sit before it. */
  live_before: number;
}

function deletedRecordRows(db: Db, applicantId: string): DeletedRecordRow[] {
  return db
    .prepare<{ applicantId: string }, DeletedRecordRow>(
      `SELECT r.id, r.kind, r.data, r.deleted_at,
              (SELECT COUNT(*) FROM record l
                WHERE l.applicant_id = r.applicant_id AND l.kind = r.kind AND l.deleted_at IS NULL
                  AND (l.position < r.position OR (l.position = r.position AND l.id < r.id))) AS live_before
       FROM record r
       WHERE r.applicant_id = @applicantId AND r.deleted_at IS NOT NULL
       ORDER BY r.deleted_at DESC, r.id`,
    )
    .all({ applicantId });
}

/** A record's name in the words the applicant typed (shared with the materials view), or null (no name). */
function nameOf(kind: RecordKind, record: AnyRecord): Localized | null {
  return nameRecord({ ...emptyArchive(), [kind]: [record] }, record.id);
}

/** Everything deleted of this applicant, newest first, each with what it needs to be put back. */
export function listTrash(db: Db, applicantId: string): TrashView {
  requireApplicant(db, applicantId);
  const records: TrashView['records'] = [];
  for (const row of deletedRecordRows(db, applicantId)) {
    if (!RECORD_KINDS.includes(row.kind)) continue;
    // A row that no longer reads is left out rather than failing the whole list: readArchive never shows it.
    const parsed = RECORD_SCHEMAS[row.kind].safeParse(JSON.parse(row.data));
    if (!parsed.success) continue;
    const record = parsed.data as AnyRecord;
    // The kind was checked with its own schema just above; TypeScript cannot pair them through the union.
    records.push({
      kind: row.kind,
      record,
      name: nameOf(row.kind, record),
      index: row.live_before,
      deletedAt: row.deleted_at,
    } as DeletedRecord);
  }
  const links = attachmentRepo.listLinks(db, applicantId);
  const attachments = attachmentRepo
    .listAttachments(db, { applicantId, includeDeleted: true })
    .filter((row) => row.deleted_at !== null)
    .sort((a, b) => (b.deleted_at ?? '').localeCompare(a.deleted_at ?? ''))
    .map((row) => ({
      id: row.id,
      fileName: row.file_name,
      mediaType: row.media_type,
      pages: row.pages,
      deletedAt: row.deleted_at ?? '',
      links: links.filter((l) => l.attachment_id === row.id).length,
    }));
  return { records, attachments };
}

/**
 * What depends on a live record, for the question before its delete: the live scans linked to it (they
 * would prove nothing while it is gone) and the paper copies declared for it (材料 screen).
 */
export function recordDependents(
  db: Db,
  input: { applicantId: string; kind: RecordKind; id: string },
): { attachments: { id: string; fileName: string }[]; paperCopies: { slot: string }[] } {
  const archive = readArchive(db, input.applicantId);
  if (!(archive[input.kind] as AnyRecord[]).some((r) => r.id === input.id)) {
    throw new DossierError('not_found', { zh: `找不到记录 ${input.id}。`, en: `No record ${input.id}.` });
  }
  const linked = new Set(
    attachmentRepo
      .listLinks(db, input.applicantId)
      .filter((l) => l.record_id === input.id)
      .map((l) => l.attachment_id),
  );
  const attachments = attachmentRepo
    .listAttachments(db, { applicantId: input.applicantId, includeDeleted: false })
    .filter((row) => linked.has(row.id))
    .map((row) => ({ id: row.id, fileName: row.file_name }));
  const paperCopies = archive.materials.paperCopies
    .filter((p) => p.recordId === input.id)
    .map((p) => ({ slot: p.slot }));
  return { attachments, paperCopies };
}
