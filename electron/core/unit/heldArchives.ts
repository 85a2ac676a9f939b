// The archives a unit holds, read in bulk for the applicant table (issue 7): every applicant's sections,
// live records, current attachments and links in five queries whatever the number of applicants — the
// table must stay quick at 1,000 (readArchive + listAttachments per applicant would be thousands). Parsed
// as archiveService.readArchive parses one: each section and record through its schema.
import type { VersionedAttachment } from '../../../shared/attachments/current.js';
import {
  RECORD_KINDS,
  RECORD_SCHEMAS,
  SECTION_NAMES,
  SECTION_SCHEMAS,
  type AnyRecord,
  type ArchiveDocument,
  type RecordKind,
  type SectionName,
} from '../../../shared/archive/schema.js';
import { emptyArchive } from '../../../shared/archive/empty.js';
import { ONE_TO_ONE_OPS } from '../attachments/attachmentRepo.js';
import type { Db } from '../db.js';
import { DossierError } from '../errors.js';

export type HeldAttachment = VersionedAttachment & {
  sha256: string;
  links: { id: string; recordId: string | null; slot: string | null }[];
};

export interface HeldArchive {
  archive: ArchiveDocument;
  /** Live attachments with their links, as the materials view and the check read them. */
  attachments: HeldAttachment[];
}

function corrupted(what: string): DossierError {
  return new DossierError('corrupted', {
    zh: `数据库中的${what}已损坏，无法读取。请从备份恢复。`,
    en: `The database's ${what} is damaged and cannot be read. Restore from a backup.`,
  });
}

/** Every applicant (null), or those named: a JSON array of ids, for SQLite's json_each. */
type Filter = { ids: string | null };
const WHERE = '(@ids IS NULL OR applicant_id IN (SELECT value FROM json_each(@ids)))';

/** Every applicant's archive (or only those of `applicantIds`), by applicant id. */
export function readHeldArchives(db: Db, applicantIds: readonly string[] | null = null): Map<string, HeldArchive> {
  const filter: Filter = { ids: applicantIds === null ? null : JSON.stringify(applicantIds) };
  const held = new Map<string, HeldArchive>();
  const ids = db
    .prepare<Filter, { id: string }>(
      'SELECT id FROM applicant WHERE (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids))) ORDER BY created_at, id',
    )
    .all(filter);
  for (const { id } of ids) held.set(id, { archive: emptyArchive(), attachments: [] });

  const sections = db
    .prepare<Filter, { applicant_id: string; name: SectionName; data: string }>(
      `SELECT applicant_id, name, data FROM section WHERE ${WHERE}`,
    )
    .all(filter);
  for (const row of sections) {
    const doc = held.get(row.applicant_id)?.archive;
    if (!doc || !SECTION_NAMES.includes(row.name)) continue;
    const parsed = SECTION_SCHEMAS[row.name].safeParse(JSON.parse(row.data));
    if (!parsed.success) throw corrupted(`section ${row.name}`);
    Object.assign(doc, { [row.name]: parsed.data });
  }

  const records = db
    .prepare<Filter, { applicant_id: string; id: string; kind: RecordKind; data: string }>(
      `SELECT applicant_id, id, kind, data FROM record WHERE ${WHERE} AND deleted_at IS NULL
       ORDER BY applicant_id, kind, position, id`,
    )
    .all(filter);
  for (const row of records) {
    const doc = held.get(row.applicant_id)?.archive;
    if (!doc || !RECORD_KINDS.includes(row.kind)) continue;
    const parsed = RECORD_SCHEMAS[row.kind].safeParse(JSON.parse(row.data));
    if (!parsed.success) throw corrupted(`record ${row.id}`);
    (doc[row.kind] as AnyRecord[]).push(parsed.data);
  }

  const ops = ONE_TO_ONE_OPS.map((op) => `'${op}'`).join(', ');
  const newer = new Set(
    db
      .prepare<Filter, { id: string }>(
        `SELECT DISTINCT derived_from AS id FROM attachment
         WHERE ${WHERE} AND deleted_at IS NULL AND derived_from IS NOT NULL
           AND json_extract(operation, '$.op') IN (${ops})`,
      )
      .all(filter)
      .map((r) => r.id),
  );
  const byId = new Map<string, HeldAttachment>();
  const attachments = db
    .prepare<
      Filter,
      {
        id: string;
        applicant_id: string;
        sha256: string;
        media_type: string;
        width: number | null;
        height: number | null;
        scan_dpi: number | null;
      }
    >(
      `SELECT id, applicant_id, sha256, media_type, width, height, scan_dpi
       FROM attachment WHERE ${WHERE} AND deleted_at IS NULL ORDER BY created_at, rowid`,
    )
    .all(filter);
  for (const row of attachments) {
    const entry = held.get(row.applicant_id);
    if (!entry) continue;
    const a: HeldAttachment = {
      id: row.id,
      sha256: row.sha256,
      // Whether a reviewer can read the scan (R-9.readable-scans) is judged here as at the applicant's.
      mediaType: row.media_type,
      width: row.width,
      height: row.height,
      scanDpi: row.scan_dpi,
      deletedAt: null,
      hasNewerVersion: newer.has(row.id),
      links: [],
    };
    byId.set(row.id, a);
    entry.attachments.push(a);
  }
  const links = db
    .prepare<Filter, { id: string; attachment_id: string; record_id: string | null; slot: string | null }>(
      `SELECT id, attachment_id, record_id, slot FROM attachment_link WHERE ${WHERE} ORDER BY rowid`,
    )
    .all(filter);
  for (const l of links) byId.get(l.attachment_id)?.links.push({ id: l.id, recordId: l.record_id, slot: l.slot });
  return held;
}
