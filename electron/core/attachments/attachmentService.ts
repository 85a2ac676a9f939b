// Attachments of an applicant: adding files (streamed into the store, sniffed, then recorded), listing,
// linking to records and material slots, soft delete and restore, and recording edited versions.
// Order of an add: stage (temp file) → inspect → rename into the store → one transaction for the rows.
// A refusal happens before the rename, so nothing is stored; a failed transaction removes a file it had
// just stored, so the database never names a missing file and the store keeps no stray.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiError } from '../../../shared/api/contract.js';
import type { RecordKind } from '../../../shared/archive/schema.js';
import type { AddResult, AttachmentView, LinkView, MediaType, Operation } from '../../../shared/attachments/schema.js';
import { parseSlot } from '../../../shared/attachments/slots.js';
import { yearlySlot, yearlySlotName } from '../../../shared/materials/requirements.js';
import * as archiveRepo from '../archiveRepo.js';
import { DossierError } from '../errors.js';
import { currentApplicantId, type Workspace } from '../workspace.js';
import * as repo from './attachmentRepo.js';
import { getUploadProfile } from './profile.js';
import { BLOCK_BYTES, type ByteSource, commit, discard, missingFile, stage, storedPath, type Staged } from './store.js';
import { materialTotals, toLinkView, toView } from './views.js';

const now = () => new Date().toISOString();

export interface AddOptions {
  /** The name shown to the user; any folder part is dropped. */
  fileName: string;
  /** Defaults to the workspace's applicant. */
  applicantId?: string | null;
}

/** Adds one file from a stream of its bytes (an HTTP body, a file stream). The core of every add. */
export async function addAttachmentFromStream(
  w: Workspace,
  source: ByteSource,
  options: AddOptions,
): Promise<AddResult> {
  const applicantId = resolveApplicant(w, options.applicantId);
  const fileName = cleanFileName(options.fileName);
  const profile = getUploadProfile(w.db);
  const staged = await stage(w.store, source, { fileName, maxBytes: profile.intake.maxBytes });
  let inspection;
  try {
    // Loaded when first needed: file-type and sharp take a second to load, which every command that only
    // reads (check, materials) would otherwise pay at start.
    const { inspect } = await import('./sniff.js');
    inspection = await inspect(staged.tempPath, fileName, staged.bytes, profile.intake);
  } catch (e) {
    await discard(staged);
    throw e;
  }
  if (inspection.mediaType === 'image/tiff') return addTiff(w, applicantId, staged, fileName, inspection.pages);
  const { row, isDuplicate } = await record(w, staged, {
    applicantId,
    fileName,
    mediaType: inspection.mediaType,
    pages: inspection.pages,
    width: inspection.width,
    height: inspection.height,
    scanDpi: inspection.scanDpi,
    derivedFrom: null,
    operation: null,
  });
  return { attachment: viewOf(w, row), isDuplicate, convertedFrom: null };
}

/**
 * Adding two files at once keeps both cores busy: one hashes on the main thread while the other's fsync
 * or image work runs in libuv's pool (about twice the rate of one at a time, scripts/bench.mjs).
 */
export const ADD_CONCURRENCY = 2;

type PathResult = { path: string } & ({ ok: true; value: AddResult } | { ok: false; error: ApiError });

/** Desktop: files chosen in a native dialog. Each file succeeds or fails on its own; results in order. */
export async function addAttachmentPaths(
  w: Workspace,
  input: { applicantId?: string | null; paths: string[] },
): Promise<{ results: PathResult[] }> {
  const results: PathResult[] = new Array(input.paths.length);
  let next = 0;
  const worker = async () => {
    while (next < input.paths.length) {
      const index = next++;
      const file = input.paths[index] ?? '';
      try {
        results[index] = { path: file, ok: true, value: await addAttachmentFromFile(w, file, input.applicantId) };
      } catch (e) {
        if (!(e instanceof DossierError)) throw e;
        results[index] = { path: file, ok: false, error: e.toApiError() };
      }
    }
  };
  await Promise.all(Array.from({ length: ADD_CONCURRENCY }, worker));
  return { results };
}

export async function addAttachmentFromFile(
  w: Workspace,
  file: string,
  applicantId?: string | null,
): Promise<AddResult> {
  const fileName = path.basename(file);
  const info = await stat(file).catch(() => null);
  if (!info) throw missingFile(fileName);
  if (!info.isFile()) {
    throw new DossierError('not_a_file', {
      zh: `“${fileName}”不是文件（可能是文件夹），未添加。`,
      en: `"${fileName}" is not a file (perhaps a folder) and was not added.`,
    });
  }
  return addAttachmentFromStream(w, createReadStream(file, { highWaterMark: BLOCK_BYTES }), { fileName, applicantId });
}

/** TIFF: keep the original, add its JPEG (one page) or PDF (several) as the version to use. */
async function addTiff(
  w: Workspace,
  applicantId: string,
  staged: Staged,
  fileName: string,
  pages: number,
): Promise<AddResult> {
  let product;
  try {
    const { convertTiff } = await import('./transforms.js');
    product = await convertTiff(await readFile(staged.tempPath), pages);
  } catch (e) {
    await discard(staged);
    throw new DossierError('damaged_image', {
      zh: `“${fileName}”无法转换（${e instanceof Error ? e.message : String(e)}），未添加。`,
      en: `"${fileName}" could not be converted (${e instanceof Error ? e.message : String(e)}) and was not added.`,
    });
  }
  const original = await record(w, staged, {
    applicantId,
    fileName,
    mediaType: 'image/tiff',
    pages,
    width: null,
    height: null,
    scanDpi: null,
    derivedFrom: null,
    operation: null,
  });
  const ext = product.mediaType === 'application/pdf' ? '.pdf' : '.jpg';
  const converted = await addDerived(w, original.row, {
    ...product,
    pages: 'pages' in product ? product.pages : 1,
    width: 'width' in product ? product.width : null,
    height: 'height' in product ? product.height : null,
    fileName: replaceExtension(fileName, ext),
    operation: { op: 'convert', from: 'image/tiff' },
  });
  return { attachment: converted, isDuplicate: original.isDuplicate, convertedFrom: viewOf(w, original.row) };
}

interface NewRow {
  applicantId: string;
  fileName: string;
  mediaType: MediaType;
  pages: number;
  width: number | null;
  height: number | null;
  scanDpi: number | null;
  derivedFrom: string | null;
  operation: Operation | null;
}

/** Renames the staged file into the store and records it; the same bytes already live here add nothing. */
async function record(
  w: Workspace,
  staged: Staged,
  row: NewRow,
  afterInsert?: (inserted: repo.AttachmentRow) => void,
): Promise<{ row: repo.AttachmentRow; isDuplicate: boolean }> {
  const stored = await commit(w.store, staged);
  try {
    return w.db.transaction(() => {
      const same = repo.findLiveSame(w.db, {
        applicantId: row.applicantId,
        sha256: staged.sha256,
        derivedFrom: row.derivedFrom,
      });
      if (same) return { row: same, isDuplicate: true };
      const inserted: repo.AttachmentRow = {
        id: randomUUID(),
        applicant_id: row.applicantId,
        sha256: staged.sha256,
        file_name: row.fileName,
        media_type: row.mediaType,
        bytes: staged.bytes,
        pages: row.pages,
        width: row.width,
        height: row.height,
        scan_dpi: row.scanDpi,
        derived_from: row.derivedFrom,
        operation: row.operation === null ? null : JSON.stringify(row.operation),
        created_at: now(),
        deleted_at: null,
      };
      repo.insertAttachment(w.db, inserted);
      afterInsert?.(inserted);
      return { row: inserted, isDuplicate: false };
    })();
  } catch (e) {
    if (stored.isNew && !repo.mediaTypeOfSha(w.db, staged.sha256)) await rm(stored.path, { force: true });
    throw e;
  }
}

export interface Product {
  bytes: Buffer;
  mediaType: MediaType;
  pages: number;
  width: number | null;
  height: number | null;
  fileName: string;
  operation: Operation;
}

/**
 * Stores an edited version of `original` as a new attachment linked to it. A one-to-one edit (rotate,
 * delete or reorder pages, fit, crop, convert) takes over the original's links, page numbers following
 * the pages; links to a page that is gone stay with the original.
 */
export async function addDerived(
  w: Workspace,
  original: repo.AttachmentRow,
  product: Product,
): Promise<AttachmentView> {
  const staged = await stage(w.store, [product.bytes], {
    fileName: product.fileName,
    maxBytes: Number.MAX_SAFE_INTEGER,
  });
  const moves = (repo.ONE_TO_ONE_OPS as readonly string[]).includes(product.operation.op);
  // A made PDF (pages edited, images merged, a TIFF converted) is measured as an added one is.
  const scanDpi = product.mediaType === 'application/pdf' ? await measurePdf(product.bytes) : null;
  const { row } = await record(
    w,
    staged,
    {
      ...product,
      scanDpi,
      fileName: cleanFileName(product.fileName),
      applicantId: original.applicant_id,
      derivedFrom: original.id,
    },
    (inserted) => {
      if (moves) moveLinks(w, original.id, inserted.id, (page) => forwardPage(product.operation, page));
    },
  );
  return viewOf(w, row);
}

/** A PDF's lowest scanned-page resolution at A4 (scanDpi.ts); null when it cannot be read or has no scan. */
async function measurePdf(bytes: Buffer): Promise<number | null> {
  try {
    // Loaded when first needed, as sniff.ts is: pdf-lib would slow the start of every reading command.
    const [{ PDFDocument }, { pdfScanDpi }] = await Promise.all([import('pdf-lib'), import('./scanDpi.js')]);
    return pdfScanDpi(await PDFDocument.load(bytes, { updateMetadata: false }));
  } catch {
    return null;
  }
}

/** Where page `p` of the original is in the edited version (null: deleted). */
export function forwardPage(op: Operation, p: number): number | null {
  switch (op.op) {
    case 'deletePage':
      return p < op.page ? p : p === op.page ? null : p - 1;
    case 'reorderPages': {
      const index = op.order.indexOf(p);
      return index < 0 ? null : index + 1;
    }
    default:
      return p;
  }
}

/** Where page `q` of the edited version was in the original. */
function backwardPage(op: Operation, q: number): number | null {
  switch (op.op) {
    case 'deletePage':
      return q < op.page ? q : q + 1;
    case 'reorderPages':
      return op.order[q - 1] ?? null;
    default:
      return q;
  }
}

function moveLinks(w: Workspace, fromId: string, toId: string, map: (page: number) => number | null): void {
  for (const link of repo.linksOf(w.db, fromId)) {
    const page = link.page === null ? null : map(link.page);
    if (link.page !== null && page === null) continue;
    const clash = repo.findSameLink(w.db, { attachmentId: toId, recordId: link.record_id, slot: link.slot, page });
    if (clash) continue;
    repo.moveLink(w.db, { id: link.id, attachmentId: toId, page });
  }
}

export function requireAttachment(w: Workspace, id: string): repo.AttachmentRow {
  const row = repo.findAttachment(w.db, id);
  if (!row) throw new DossierError('not_found', { zh: `找不到附件 ${id}。`, en: `No attachment ${id}.` });
  return row;
}

/** An attachment to edit: live, and its bytes read from the store. */
export async function readLive(w: Workspace, id: string): Promise<{ row: repo.AttachmentRow; bytes: Buffer }> {
  const row = requireAttachment(w, id);
  if (row.deleted_at !== null) {
    throw new DossierError('deleted', {
      zh: `附件“${row.file_name}”已删除，请先恢复。`,
      en: `"${row.file_name}" is deleted; restore it first.`,
    });
  }
  try {
    return { row, bytes: await readFile(storedPath(w.store, row.sha256)) };
  } catch {
    throw new DossierError('store_missing', {
      zh: `附件“${row.file_name}”的文件在存储中缺失。请运行完整性检查，并重新添加该文件。`,
      en: `The file of "${row.file_name}" is missing from the store. Run the integrity check and add the file again.`,
    });
  }
}

export function viewOf(w: Workspace, row: repo.AttachmentRow): AttachmentView {
  const newer = repo.idsWithNewerVersion(w.db, row.applicant_id);
  return toView(row, repo.linksOf(w.db, row.id), newer.has(row.id), getUploadProfile(w.db));
}

export function listAttachments(w: Workspace, input: { applicantId: string; includeDeleted?: boolean }) {
  resolveApplicant(w, input.applicantId);
  const profile = getUploadProfile(w.db);
  const rows = repo.listAttachments(w.db, {
    applicantId: input.applicantId,
    includeDeleted: input.includeDeleted ?? false,
  });
  const links = repo.listLinks(w.db, input.applicantId);
  const newer = repo.idsWithNewerVersion(w.db, input.applicantId);
  const linksBy = new Map<string, repo.LinkRow[]>();
  for (const link of links) linksBy.set(link.attachment_id, [...(linksBy.get(link.attachment_id) ?? []), link]);
  return {
    attachments: rows.map((row) => toView(row, linksBy.get(row.id) ?? [], newer.has(row.id), profile)),
    materials: materialTotals(rows, links, profile),
  };
}

export function linkAttachment(
  w: Workspace,
  input: { attachmentId: string; recordId?: string | null; slot?: string | null; page?: number | null },
): LinkView {
  const recordId = input.recordId ?? null;
  let slot = input.slot ?? null;
  const page = input.page ?? null;
  if (recordId === null && slot === null) {
    throw new DossierError('invalid_link', {
      zh: '请指明附件证明的记录或材料项。',
      en: 'Say which record or material slot the attachment proves.',
    });
  }
  return w.db.transaction(() => {
    const row = requireAttachment(w, input.attachmentId);
    if (page !== null && page > row.pages) {
      throw new DossierError('invalid_page', {
        zh: `“${row.file_name}”只有 ${row.pages} 页，没有第 ${page} 页。`,
        en: `"${row.file_name}" has ${row.pages} page(s); there is no page ${page}.`,
      });
    }
    if (recordId !== null) slot = yearOfRecord(requireRecordFor(w, row.applicant_id, recordId, slot), slot);
    const same = repo.findSameLink(w.db, { attachmentId: row.id, recordId, slot, page });
    if (same) return toLinkView(same);
    const link: repo.LinkRow = {
      id: randomUUID(),
      attachment_id: row.id,
      applicant_id: row.applicant_id,
      record_id: recordId,
      slot,
      page,
      created_at: now(),
    };
    repo.insertLink(w.db, link);
    return toLinkView(link);
  })();
}

/**
 * A yearly proof (M-5, M-7, M-9) linked to a record is filed under that record's year, whatever year the
 * caller said: the year is the record's fact, never a default.
 */
function yearOfRecord(record: archiveRepo.RecordRow, slot: string | null): string | null {
  const yearly = slot === null ? null : yearlySlot(slot);
  if (!yearly) return slot;
  const year = (JSON.parse(record.data) as { year?: unknown }).year;
  return typeof year === 'number' ? yearlySlotName(yearly.kind, year) : slot;
}

function requireRecordFor(
  w: Workspace,
  applicantId: string,
  recordId: string,
  slot: string | null,
): archiveRepo.RecordRow {
  const record = archiveRepo.findRecord(w.db, applicantId, recordId);
  if (!record) {
    throw new DossierError('not_found', {
      zh: `找不到记录 ${recordId}（请先保存该记录）。`,
      en: `No record ${recordId} (save the record first).`,
    });
  }
  const kinds = slot === null ? undefined : (parseSlot(slot)?.kind.records as readonly RecordKind[] | undefined);
  if (kinds && !kinds.includes(record.kind)) {
    throw new DossierError('wrong_kind', {
      zh: `材料项 ${slot} 不能关联“${record.kind}”类记录（应为 ${kinds.join('、')}）。`,
      en: `Slot ${slot} cannot name a ${record.kind} record (expected ${kinds.join(', ')}).`,
    });
  }
  return record;
}

export function unlinkAttachment(w: Workspace, input: { linkId: string }): void {
  if (!repo.findLink(w.db, input.linkId)) {
    throw new DossierError('not_found', { zh: `找不到关联 ${input.linkId}。`, en: `No link ${input.linkId}.` });
  }
  repo.deleteLink(w.db, input.linkId);
}

/**
 * Soft delete and restore. Deleting an edited version hands its links back to its original (when that is
 * live), so that undoing an edit leaves the proof where it was; restoring it takes them forward again, as
 * the edit did, so that an undone delete loses no link.
 */
export function setAttachmentDeleted(w: Workspace, input: { attachmentId: string }, deleted: boolean): AttachmentView {
  w.db.transaction(() => {
    const row = requireAttachment(w, input.attachmentId);
    repo.setAttachmentDeleted(w.db, { id: row.id, deletedAt: deleted ? now() : null });
    if (row.derived_from === null || row.operation === null) return;
    const op = JSON.parse(row.operation) as Operation;
    const original = repo.findAttachment(w.db, row.derived_from);
    if (!(repo.ONE_TO_ONE_OPS as readonly string[]).includes(op.op) || original?.deleted_at !== null) return;
    if (deleted) moveLinks(w, row.id, original.id, (page) => backwardPage(op, page));
    else moveLinks(w, original.id, row.id, (page) => forwardPage(op, page));
  })();
  return viewOf(w, requireAttachment(w, input.attachmentId));
}

export function renameAttachment(w: Workspace, input: { attachmentId: string; fileName: string }): AttachmentView {
  const row = requireAttachment(w, input.attachmentId);
  repo.renameAttachment(w.db, { id: row.id, fileName: cleanFileName(input.fileName) });
  return viewOf(w, requireAttachment(w, row.id));
}

function resolveApplicant(w: Workspace, applicantId: string | null | undefined): string {
  const id = applicantId ?? currentApplicantId(w);
  if (id === null) {
    throw new DossierError('no_applicant', {
      zh: '工作区中还没有档案：请先新建档案，再添加附件。',
      en: 'The workspace has no archive yet: create one before adding attachments.',
    });
  }
  if (archiveRepo.getApplicantUpdatedAt(w.db, id) === undefined) {
    throw new DossierError('not_found', { zh: `找不到申报人档案（${id}）。`, en: `No applicant archive ${id}.` });
  }
  return id;
}

/** The last part of a name, without control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base.replace(/\p{Cc}/gu, '').trim()].slice(0, 200).join('');
  return clean === '' || clean === '.' || clean === '..' ? '未命名' : clean;
}

export function replaceExtension(fileName: string, ext: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '') + ext;
}

const EXTENSIONS: Record<MediaType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/tiff': ['.tif', '.tiff'],
};
/** An extension this app reads: the only kind a derived name replaces ("v1.2" in "report v1.2" is kept). */
const KNOWN_EXTENSION = /\.(?:pdf|jpe?g|png|tiff?)$/i;
/** The notes `derivedName` appends — and only these: the user's own parentheses stay. */
const APP_NOTE = /（(?:旋转|删除第\d+页|调整页序|第\d+页|第\d+-\d+页|合并\d+个文件|适配|证件照)）$/u;

/**
 * A name for an edited version: the original's base name, one note for this edit, and the extension of
 * the result — 学位证.jpg → 学位证（旋转）.jpg; an edit of that → 学位证（适配）.jpg, not a growing chain.
 * An extension that already fits the result is kept as the user wrote it (.JPEG stays).
 */
export function derivedName(fileName: string, note: string, mediaType: MediaType): string {
  const match = KNOWN_EXTENSION.exec(fileName);
  let base = match ? fileName.slice(0, match.index) : fileName;
  for (let stripped = base.replace(APP_NOTE, ''); stripped !== base; stripped = base.replace(APP_NOTE, ''))
    base = stripped;
  const kept = match?.[0];
  const ext = kept && EXTENSIONS[mediaType].includes(kept.toLowerCase()) ? kept : EXTENSIONS[mediaType][0];
  return `${base === '' ? '未命名' : base}（${note}）${ext}`;
}
