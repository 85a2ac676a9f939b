// Per material (M-4 … M-12), one upload-ready PDF of its scans (issue 5): the current attachments linked to
// the material, in the order of the materials view, merged in the PDF worker with one bookmark per file.
// Scans go in as they are — a JPEG stays the same JPEG stream, a PDF keeps its pages — so nothing is
// silently degraded; the merged size is compared with the upload profile's per-material limit and reported,
// with what to do when it is over. Memory: the worker reads one stored file at a time (pitfalls.md: an
// embedded JPEG costs about 2.2× its bytes until the PDF is written), so a material is merged on its own.
import { readFile, stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { Localized } from '../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import { parseSlot } from '../../../shared/attachments/slots.js';
import {
  computeMaterials,
  MATERIAL_IDS,
  type MaterialItem,
  type MaterialStatus,
} from '../../../shared/materials/requirements.js';
import { nameRecord } from '../../../shared/materials/recordNames.js';
import { readArchive } from '../archiveService.js';
import { listAttachments, requireAttachment } from '../attachments/attachmentService.js';
import { requireScansAvailable } from '../attachments/health.js';
import { runInPdfWorker } from '../attachments/pdfPool.js';
import { PdfJobCancelled, PdfPartError, type MaterialJobPart } from '../attachments/pdfWorker.js';
import { getUploadProfile } from '../attachments/profile.js';
import { storedPath } from '../attachments/store.js';
import { convertTiff } from '../attachments/transforms.js';
import { DossierError } from '../errors.js';
import { getParams } from '../rulesService.js';
import type { Workspace } from '../workspace.js';

export interface MaterialPart {
  attachmentId: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  bookmark: string;
  pages: number;
}

export interface MergedMaterial {
  bytes: Uint8Array;
  pages: number;
  notes: Localized[];
}

/** "<what> — <which record>": the slot's name and, when the item names a record, the record's. */
function bookmarkOf(archive: Parameters<typeof nameRecord>[0], item: MaterialItem): string {
  const parsed = parseSlot(item.slot);
  // A yearly proof's label already says the year ("2019 年 基本养老保险参保缴费证明"): the record adds nothing.
  if (!parsed || parsed.kind.qualifier === 'year') return item.label.zh;
  const record = item.recordId === null ? null : nameRecord(archive, item.recordId);
  return record ? `${parsed.kind.label.zh} — ${record.zh}` : parsed.kind.label.zh;
}

/**
 * The current attachments linked to material `material` (e.g. 'M-4'), in the order of the materials view
 * (items in order, then each item's attachments), each once. Bookmark titles in Chinese: item label +
 * record name (e.g. "毕业证书 — 浙江大学 硕士研究生"); several files of one item are numbered (1/2, 2/2).
 */
export function materialParts(w: Workspace, applicantId: string, material: string): MaterialPart[] {
  if (!(MATERIAL_IDS as readonly string[]).includes(material)) {
    throw new DossierError('not_found', { zh: `没有材料 ${material}。`, en: `No material ${material}.` });
  }
  const archive = readArchive(w.db, applicantId);
  const { attachments } = listAttachments(w, { applicantId });
  return partsOf(archive, attachments, computeMaterials(archive, attachments, getParams(w.db)), material);
}

/**
 * The parts of one material from what the caller already read: the forms list asks for all twelve, and
 * reads the archive, the attachments and the materials view once for them.
 */
export function partsOf(
  archive: ArchiveDocument,
  attachments: readonly AttachmentView[],
  materials: readonly MaterialStatus[],
  material: string,
): MaterialPart[] {
  const byId = new Map<string, AttachmentView>(attachments.map((a) => [a.id, a]));
  const status = materials.find((m) => m.id === material);
  const parts: MaterialPart[] = [];
  const seen = new Set<string>();
  for (const item of status?.items ?? []) {
    // A file already listed under an earlier item (one scan of diploma and degree) is merged there only.
    const fresh = item.attachmentIds.flatMap((id) => {
      const attachment = byId.get(id);
      return attachment && !seen.has(id) ? [attachment] : [];
    });
    const title = bookmarkOf(archive, item);
    for (const [index, attachment] of fresh.entries()) {
      seen.add(attachment.id);
      parts.push({
        attachmentId: attachment.id,
        sha256: attachment.sha256,
        fileName: attachment.fileName,
        mediaType: attachment.mediaType,
        bookmark: fresh.length > 1 ? `${title}（${index + 1}/${fresh.length}）` : title,
        pages: attachment.pages,
      });
    }
  }
  return parts;
}

/** 12.4 MB, 10 MB, 850 KB: decimal units, as the upload profile states its limits. */
function size(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  return `${(bytes / 1e6).toFixed(1).replace(/\.0$/, '')} MB`;
}

const cancelled = () =>
  new DossierError('cancelled', { zh: '已取消合并，未生成文件。', en: 'The merge was cancelled; no file was made.' });

/** What the worker gets for one part: the stored file's path (read there), or converted bytes (TIFF). */
async function jobPart(w: Workspace, part: MaterialPart, notes: Localized[]): Promise<MaterialJobPart> {
  const row = requireAttachment(w, part.attachmentId);
  if (row.deleted_at !== null) {
    throw new DossierError('deleted', {
      zh: `附件“${row.file_name}”已删除，请刷新后重试。`,
      en: `"${row.file_name}" has been deleted; refresh and try again.`,
    });
  }
  const file = storedPath(w.store, row.sha256);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    throw new DossierError('store_missing', {
      zh: `附件“${row.file_name}”的文件在存储中缺失。请运行完整性检查，并重新添加该文件。`,
      en: `The file of "${row.file_name}" is missing from the store. Run the integrity check and add the file again.`,
    });
  }
  const bookmark = part.bookmark;
  switch (row.media_type) {
    case 'application/pdf':
      return { kind: 'pdf', source: { path: file }, orientation: 1, bookmark };
    case 'image/jpeg':
    case 'image/png': {
      // Only the header is read: the EXIF orientation is applied by the page's matrix, not by re-encoding.
      // An unreadable header is left to the merge, which names the file if pdf-lib cannot read it either.
      const meta = await sharp(file, { limitInputPixels: false })
        .metadata()
        .catch(() => ({ orientation: undefined }));
      const kind = row.media_type === 'image/jpeg' ? 'jpeg' : 'png';
      return { kind, source: { path: file }, orientation: meta.orientation ?? 1, bookmark };
    }
    case 'image/tiff': {
      // A TIFF is current only once its converted version is deleted; pdf-lib cannot embed it: convert it.
      const product = await convertTiff(await readFile(file), row.pages);
      notes.push({
        zh: `“${row.file_name}”为 TIFF，已转换为 ${product.mediaType === 'image/jpeg' ? 'JPEG' : 'PDF'} 后合并。`,
        en: `"${row.file_name}" is a TIFF and was converted to ${product.mediaType === 'image/jpeg' ? 'JPEG' : 'PDF'} for the merge.`,
      });
      return {
        kind: product.mediaType === 'image/jpeg' ? 'jpeg' : 'pdf',
        source: { bytes: product.bytes },
        orientation: 1,
        bookmark,
      };
    }
  }
}

/** The merged size against the profile's per-material limit, and what to do when it is over. */
function sizeNote(w: Workspace, bytes: number, parts: MaterialPart[]): Localized {
  const profile = getUploadProfile(w.db);
  const limit = profile.maxMaterialBytes;
  // Just over the limit must not read "10 MB, over the limit of 10 MB".
  const merged = size(bytes) === size(limit) ? `${(bytes / 1e6).toFixed(2)} MB` : size(bytes);
  if (bytes <= limit) {
    return {
      zh: `合并后 ${merged}，在上传限制 ${size(limit)} 以内。`,
      en: `Merged: ${merged}, within the upload limit of ${size(limit)}.`,
    };
  }
  // "Fit" shrinks an image over the per-file limit (to a new version, which then counts here instead).
  const fittable = parts
    .map((p) => ({ part: p, row: requireAttachment(w, p.attachmentId) }))
    .filter(({ part, row }) => part.mediaType !== 'application/pdf' && row.bytes > profile.maxFileBytes)
    .sort((a, b) => b.row.bytes - a.row.bytes)
    .map(({ part }) => part.fileName);
  if (fittable.length > 0) {
    const names = fittable.slice(0, 3);
    const more = fittable.length > 3 ? `等 ${fittable.length} 个文件` : '';
    const moreEn = fittable.length > 3 ? ` and ${fittable.length - 3} more` : '';
    return {
      zh: `合并后 ${merged}，超过上传限制 ${size(limit)}：请先对较大的扫描件（“${names.join('”“')}”${more}）使用“适配上传要求”，再重新生成。`,
      en: `Merged: ${merged}, over the upload limit of ${size(limit)}: first use "Fit to the upload profile" on the larger scans ("${names.join('", "')}"${moreEn}), then generate again.`,
    };
  }
  return {
    zh: `合并后 ${merged}，超过上传限制 ${size(limit)}：扫描件未被压缩。请将较大的扫描件以 150–200 dpi、灰度重新扫描，或分成几份上传。`,
    en: `Merged: ${merged}, over the upload limit of ${size(limit)}; the scans were not compressed. Rescan the larger ones at 150–200 dpi in greyscale, or upload the material in several parts.`,
  };
}

/**
 * Merges the parts into one PDF with an outline (one bookmark per part, pointing at its first page),
 * deterministic bytes (no dates; fixed producer), A4 pages for images, images embedded as they are (JPEG
 * stays JPEG: no re-encode; EXIF orientation applied by the page's matrix). Runs in the PDF worker.
 * Reports progress per part; honours the signal between parts (DossierError 'cancelled', nothing made).
 */
export async function mergeMaterial(
  w: Workspace,
  parts: MaterialPart[],
  opts: { title: string; onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
): Promise<MergedMaterial> {
  if (parts.length === 0) {
    throw new DossierError('material_empty', {
      zh: '该材料还没有附件：请先在“附件”中添加扫描件并关联到该材料。',
      en: 'This material has no attachments yet: add scans under Attachments and link them to it.',
    });
  }
  if (opts.signal?.aborted) throw cancelled();
  // Every unreadable scan of the material named at once, before any is read (issue 13).
  const rows = parts.map((p) => requireAttachment(w, p.attachmentId));
  await requireScansAvailable(
    w,
    rows.map((r) => ({ sha256: r.sha256, fileName: r.file_name })),
    { zh: `未生成“${opts.title}”`, en: `"${opts.title}" was not made` },
  );
  const notes: Localized[] = [];
  const jobParts: MaterialJobPart[] = [];
  for (const part of parts) {
    jobParts.push(await jobPart(w, part, notes));
    if (opts.signal?.aborted) throw cancelled();
  }
  let result;
  try {
    result = await runInPdfWorker(
      { op: 'mergeMaterial', title: opts.title, parts: jobParts },
      { onProgress: opts.onProgress, signal: opts.signal },
    );
  } catch (e) {
    if (e instanceof PdfJobCancelled) throw cancelled();
    if (e instanceof PdfPartError) {
      const name = parts[e.part]?.fileName ?? `#${e.part + 1}`;
      throw new DossierError('merge_failed', {
        zh: `“${name}”无法并入 PDF（${e.message}）。请检查该文件，或重新添加。`,
        en: `"${name}" could not be merged into the PDF (${e.message}). Check the file, or add it again.`,
      });
    }
    const message = e instanceof Error ? e.message : String(e);
    throw new DossierError('merge_failed', {
      zh: `合并失败（${message}）。请运行完整性检查后重试。`,
      en: `The merge failed (${message}). Run the integrity check and try again.`,
    });
  }
  // Cancelled as the last part went in: the caller asked for nothing, so nothing is returned.
  if (opts.signal?.aborted) throw cancelled();
  notes.unshift(sizeNote(w, result.bytes.length, parts));
  return { bytes: result.bytes, pages: result.pages, notes };
}
