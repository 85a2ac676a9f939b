// The archive's operations: read it whole, save a section or a record, soft delete and restore, reorder,
// export and import the versioned JSON document. Each write is one synchronous transaction.
import { randomUUID } from 'node:crypto';
import type { PutRecordInput, SaveSectionInput } from '../../shared/api/contract.js';
import { emptyArchive, emptySections } from '../../shared/archive/empty.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ArchiveDocument,
  RECORD_KINDS,
  RECORD_SCHEMAS,
  SECTION_NAMES,
  SECTION_SCHEMAS,
  duplicateIdMessage,
  findDuplicateIds,
  type AnyRecord,
  type RecordKind,
} from '../../shared/archive/schema.js';
import * as repo from './archiveRepo.js';
import type { Db } from './db.js';
import { DossierError } from './errors.js';
import { toIssues } from './zodIssues.js';

const now = () => new Date().toISOString();

function notFound(applicantId: string): DossierError {
  return new DossierError('not_found', {
    zh: `找不到申报人档案（${applicantId}）。`,
    en: `No applicant archive ${applicantId}.`,
  });
}

export function requireApplicant(db: Db, applicantId: string): void {
  if (repo.getApplicantUpdatedAt(db, applicantId) === undefined) throw notFound(applicantId);
}

/** Reads the archive as its JSON document. Stored rows were validated on write; a row that no longer
 *  parses means the file was changed behind the app's back, which is reported, not papered over. */
export function readArchive(db: Db, applicantId: string): ArchiveDocument {
  requireApplicant(db, applicantId);
  const doc = emptyArchive();
  for (const row of repo.getSections(db, applicantId)) {
    if (!SECTION_NAMES.includes(row.name)) continue;
    const parsed = SECTION_SCHEMAS[row.name].safeParse(JSON.parse(row.data));
    if (!parsed.success) throw corrupted(`section ${row.name}`);
    Object.assign(doc, { [row.name]: parsed.data });
  }
  for (const row of repo.getLiveRecords(db, applicantId)) {
    if (!RECORD_KINDS.includes(row.kind)) continue;
    const parsed = RECORD_SCHEMAS[row.kind].safeParse(JSON.parse(row.data));
    if (!parsed.success) throw corrupted(`record ${row.id}`);
    (doc[row.kind] as AnyRecord[]).push(parsed.data);
  }
  // Parsing puts keys in schema order: the document is the same bytes whatever order rows came in.
  return ArchiveDocument.parse(doc);
}

function corrupted(what: string): DossierError {
  return new DossierError('corrupted', {
    zh: `数据库中的${what}已损坏，无法读取。请从备份恢复。`,
    en: `The database's ${what} is damaged and cannot be read. Restore from a backup.`,
  });
}

export function getUpdatedAt(db: Db, applicantId: string): string {
  const updatedAt = repo.getApplicantUpdatedAt(db, applicantId);
  if (updatedAt === undefined) throw notFound(applicantId);
  return updatedAt;
}

/** Writes a whole archive document as a new applicant, in one transaction. */
export function createApplicant(db: Db, doc: ArchiveDocument = emptyArchive()): string {
  const applicantId = randomUUID();
  const at = now();
  db.transaction(() => {
    repo.insertApplicant(db, applicantId, at);
    for (const name of SECTION_NAMES) {
      repo.upsertSection(db, applicantId, name, JSON.stringify(doc[name] ?? emptySections()[name]), at);
    }
    for (const kind of RECORD_KINDS) {
      (doc[kind] as AnyRecord[]).forEach((record, position) => {
        repo.insertRecord(db, { id: record.id, applicantId, kind, position, data: JSON.stringify(record), now: at });
      });
    }
  })();
  return applicantId;
}

export function saveSection(db: Db, input: SaveSectionInput): { updatedAt: string } {
  const at = now();
  db.transaction(() => {
    requireApplicant(db, input.applicantId);
    repo.upsertSection(db, input.applicantId, input.section, JSON.stringify(input.data), at);
    repo.touchApplicant(db, input.applicantId, at);
  })();
  return { updatedAt: at };
}

/** Inserts or updates one record. A save that arrives after the record was deleted updates it and keeps it
 *  deleted, so an undo brings back the latest text. */
export function putRecord(db: Db, input: PutRecordInput): { updatedAt: string } {
  const { applicantId, kind, record } = input;
  const at = now();
  db.transaction(() => {
    requireApplicant(db, applicantId);
    const existing = repo.findRecord(db, applicantId, record.id);
    const data = JSON.stringify(record);
    if (!existing) {
      const position = repo.nextPosition(db, applicantId, kind);
      repo.insertRecord(db, { id: record.id, applicantId, kind, position, data, now: at });
    } else {
      requireKind(existing, kind);
      repo.updateRecordData(db, { applicantId, id: record.id }, data, at);
    }
    repo.touchApplicant(db, applicantId, at);
  })();
  return { updatedAt: at };
}

function requireKind(row: repo.RecordRow, kind: RecordKind): void {
  if (row.kind !== kind) {
    throw new DossierError('wrong_kind', {
      zh: `记录 ${row.id} 属于“${row.kind}”，不是“${kind}”。`,
      en: `Record ${row.id} is a ${row.kind}, not a ${kind}.`,
    });
  }
}

function requireRecord(db: Db, applicantId: string, kind: RecordKind, id: string): repo.RecordRow {
  const row = repo.findRecord(db, applicantId, id);
  if (!row) {
    throw new DossierError('not_found', { zh: `找不到记录 ${id}。`, en: `No record ${id}.` });
  }
  requireKind(row, kind);
  return row;
}

export function setRecordDeleted(
  db: Db,
  input: { applicantId: string; kind: RecordKind; id: string },
  deleted: boolean,
): { updatedAt: string } {
  const at = now();
  db.transaction(() => {
    requireRecord(db, input.applicantId, input.kind, input.id);
    repo.setRecordDeleted(db, input, deleted ? at : null, at);
    repo.touchApplicant(db, input.applicantId, at);
  })();
  return { updatedAt: at };
}

export function moveRecord(
  db: Db,
  input: { applicantId: string; kind: RecordKind; id: string; toIndex: number },
): { updatedAt: string } {
  const at = now();
  db.transaction(() => {
    const row = requireRecord(db, input.applicantId, input.kind, input.id);
    if (row.deleted_at !== null) return;
    const ids = repo.listIds(db, input.applicantId, input.kind).filter((id) => id !== input.id);
    ids.splice(Math.min(input.toIndex, ids.length), 0, input.id);
    ids.forEach((id, position) => repo.setRecordPosition(db, { applicantId: input.applicantId, id }, position));
    repo.touchApplicant(db, input.applicantId, at);
  })();
  return { updatedAt: at };
}

export function deleteApplicant(db: Db, applicantId: string): void {
  requireApplicant(db, applicantId);
  repo.deleteApplicant(db, applicantId);
}

/** The archive as its JSON document text: deterministic, so export → import → export is byte-identical. */
export function exportArchiveJson(db: Db, applicantId: string): { fileName: string; json: string } {
  const doc = readArchive(db, applicantId);
  const name = doc.profile.name.replace(/[\\/:*?"<>|\p{Cc}\s]+/gu, '').slice(0, 40) || '未命名';
  return { fileName: `业绩档案-${name}.json`, json: `${JSON.stringify(doc, null, 2)}\n` };
}

/**
 * Checks an archive document's text and lists every problem as `path: message`; writes nothing.
 * A version from the future is named as such rather than drowned in schema errors.
 */
export function parseArchiveJson(text: string): ArchiveDocument {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new DossierError('not_json', {
      zh: `这不是有效的 JSON 文件（${detail}）。`,
      en: `This is not valid JSON (${detail}).`,
    });
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const { format, version } = (isObject ? value : {}) as { format?: unknown; version?: unknown };
  if (format !== ARCHIVE_FORMAT) {
    throw new DossierError('wrong_format', {
      zh: `这不是本软件导出的业绩档案（format 应为 "${ARCHIVE_FORMAT}"）。`,
      en: `This is not an archive exported by this app (format must be "${ARCHIVE_FORMAT}").`,
    });
  }
  if (typeof version === 'number' && version > ARCHIVE_VERSION) {
    throw new DossierError('version_too_new', {
      zh: `此档案为第 ${version} 版格式，由更新版本的本软件导出；本版本只能读取第 ${ARCHIVE_VERSION} 版及以前。请升级软件。`,
      en: `This archive is format version ${version}, from a newer release; this one reads up to version ${ARCHIVE_VERSION}. Please upgrade.`,
    });
  }
  const parsed = ArchiveDocument.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    // zod skips refinements when the shape is broken elsewhere: still report every duplicate id.
    for (const { path, id } of findDuplicateIds(value)) {
      const at = path.join('.');
      if (!issues.some((issue) => issue.path === at)) issues.push({ path: at, message: duplicateIdMessage(id) });
    }
    throw new DossierError(
      'invalid_archive',
      {
        zh: `档案不符合格式，共 ${issues.length} 处问题，未导入任何内容。`,
        en: `The archive does not fit the format: ${issues.length} problem(s); nothing was imported.`,
      },
      issues,
    );
  }
  return parsed.data;
}

/**
 * Imports into an empty workspace (an applicant's workspace holds one archive); all or nothing. "Empty" is
 * checked inside the transaction that writes (issue 13): an archive created meanwhile cannot make it two.
 */
export function importArchiveJson(db: Db, text: string): string {
  const doc = parseArchiveJson(text);
  return db.transaction(() => {
    if (repo.listApplicantIds(db).length > 0) {
      throw new DossierError('workspace_not_empty', {
        zh: '此工作区已有档案。请在新的（空的）工作区中导入，或先删除现有档案。',
        en: 'This workspace already holds an archive. Import into a new, empty workspace, or delete it first.',
      });
    }
    return createApplicant(db, doc);
  })();
}
