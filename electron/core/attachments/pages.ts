// Page operations: each makes NEW attachments linked to their original (derived_from + operation), so the
// original is never changed and an edit can be undone by deleting it (issue 3).
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import { DossierError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { addDerived, derivedName, readLive, requireAttachment } from './attachmentService.js';
import type { AttachmentRow } from './attachmentRepo.js';
import { mergeToPdf, rotateImage, rotatePdf, selectPdfPages } from './transforms.js';

const refuse = (code: string, zh: string, en: string) => new DossierError(code, { zh, en });

function requirePdf(row: AttachmentRow, what: { zh: string; en: string }): void {
  if (row.media_type !== 'application/pdf') {
    throw refuse(
      'not_pdf',
      `“${row.file_name}”是图片，只有一页，不能${what.zh}。`,
      `"${row.file_name}" is an image with one page: it cannot ${what.en}.`,
    );
  }
}

function requirePage(row: AttachmentRow, page: number): void {
  if (page > row.pages) {
    throw refuse(
      'invalid_page',
      `“${row.file_name}”只有 ${row.pages} 页，没有第 ${page} 页。`,
      `"${row.file_name}" has ${row.pages} page(s); there is no page ${page}.`,
    );
  }
}

/** Turns one page (or, without `page`, all pages) by 90, 180 or 270 degrees clockwise. */
export async function rotate(
  w: Workspace,
  input: { attachmentId: string; degrees: 90 | 180 | 270; page?: number | null },
): Promise<AttachmentView> {
  const { row, bytes } = await readLive(w, input.attachmentId);
  const page = input.page ?? null;
  if (page !== null) requirePage(row, page);
  const operation = { op: 'rotate' as const, degrees: input.degrees, page };
  if (row.media_type === 'application/pdf') {
    const out = await rotatePdf(bytes, input.degrees, page);
    const fileName = derivedName(row.file_name, '旋转', out.mediaType);
    return addDerived(w, row, { ...out, width: null, height: null, fileName, operation });
  }
  const out = await rotateImage(bytes, row.media_type, input.degrees);
  const fileName = derivedName(row.file_name, '旋转', out.mediaType);
  return addDerived(w, row, { ...out, pages: 1, fileName, operation });
}

export async function deletePage(w: Workspace, input: { attachmentId: string; page: number }): Promise<AttachmentView> {
  const { row, bytes } = await readLive(w, input.attachmentId);
  requirePdf(row, { zh: '删除页面', en: 'lose a page' });
  requirePage(row, input.page);
  if (row.pages === 1) {
    throw refuse(
      'only_page',
      `“${row.file_name}”只有这一页：如不需要，请删除整个附件。`,
      `"${row.file_name}" has only this page: delete the whole attachment instead.`,
    );
  }
  const keep = Array.from({ length: row.pages }, (_, i) => i + 1).filter((p) => p !== input.page);
  const out = await selectPdfPages(bytes, keep);
  return addDerived(w, row, {
    ...out,
    width: null,
    height: null,
    fileName: derivedName(row.file_name, `删除第${input.page}页`, out.mediaType),
    operation: { op: 'deletePage', page: input.page },
  });
}

/** `order` lists the original page numbers in their new order: a permutation of 1…pages. */
export async function reorderPages(
  w: Workspace,
  input: { attachmentId: string; order: number[] },
): Promise<AttachmentView> {
  const { row, bytes } = await readLive(w, input.attachmentId);
  requirePdf(row, { zh: '调整页序', en: 'be reordered' });
  const sorted = [...input.order].sort((a, b) => a - b);
  if (sorted.length !== row.pages || sorted.some((p, i) => p !== i + 1)) {
    throw refuse(
      'invalid_order',
      `新页序须恰好包含第 1 至 ${row.pages} 页各一次。`,
      `The new order must list each of pages 1 to ${row.pages} exactly once.`,
    );
  }
  const out = await selectPdfPages(bytes, input.order);
  return addDerived(w, row, {
    ...out,
    width: null,
    height: null,
    fileName: derivedName(row.file_name, '调整页序', out.mediaType),
    operation: { op: 'reorderPages', order: input.order },
  });
}

/** Splits a PDF into ranges (1-based, inclusive); without ranges, one attachment per page. */
export async function split(
  w: Workspace,
  input: { attachmentId: string; ranges?: { from: number; to: number }[] | null },
): Promise<AttachmentView[]> {
  const { row, bytes } = await readLive(w, input.attachmentId);
  requirePdf(row, { zh: '拆分', en: 'be split' });
  const ranges = input.ranges ?? Array.from({ length: row.pages }, (_, i) => ({ from: i + 1, to: i + 1 }));
  for (const { from, to } of ranges) {
    if (from > to || to > row.pages) {
      throw refuse(
        'invalid_range',
        `页码范围 ${from}–${to} 无效（共 ${row.pages} 页）。`,
        `Page range ${from}–${to} is not valid (${row.pages} pages).`,
      );
    }
  }
  const results: AttachmentView[] = [];
  for (const { from, to } of ranges) {
    const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const out = await selectPdfPages(bytes, pages);
    const note = from === to ? `第${from}页` : `第${from}-${to}页`;
    results.push(
      await addDerived(w, row, {
        ...out,
        width: null,
        height: null,
        fileName: derivedName(row.file_name, note, out.mediaType),
        operation: { op: 'split', from, to },
      }),
    );
  }
  return results;
}

/**
 * Merges images and PDFs, in the order given, into one PDF (an image becomes an A4 page). The result is
 * derived from the first; the operation names every source.
 */
export async function merge(
  w: Workspace,
  input: { attachmentIds: string[]; fileName?: string | null },
): Promise<AttachmentView> {
  const sources = [];
  for (const id of input.attachmentIds) sources.push(await readLive(w, id));
  const first = sources[0];
  if (!first) throw refuse('invalid_input', '请选择要合并的附件。', 'Choose the attachments to merge.');
  if (sources.some((s) => s.row.applicant_id !== first.row.applicant_id)) {
    throw refuse('wrong_applicant', '只能合并同一申报人的附件。', "Only one applicant's attachments can be merged.");
  }
  const out = await mergeToPdf(sources.map((s) => ({ bytes: s.bytes, mediaType: s.row.media_type })));
  const fileName = input.fileName ?? derivedName(first.row.file_name, `合并${sources.length}个文件`, out.mediaType);
  return addDerived(w, requireAttachment(w, first.row.id), {
    ...out,
    width: null,
    height: null,
    fileName: /\.pdf$/i.test(fileName) ? fileName : `${fileName}.pdf`,
    operation: { op: 'merge', sources: input.attachmentIds },
  });
}
