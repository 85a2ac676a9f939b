// Rows as the UI sees them: an attachment with its links, and where it breaks the upload profile
// together with what to do about it.
import type { AttachmentView, LinkView, UploadProfile } from '../../../shared/attachments/schema.js';
import { lowResolution, Operation } from '../../../shared/attachments/schema.js';
import { materialOf } from '../../../shared/attachments/slots.js';
import type { AttachmentRow, LinkRow } from './attachmentRepo.js';

type Issue = AttachmentView['profileIssues'][number];

export const PHOTO_SLOT = 'M-4/photo';

export function toLinkView(row: LinkRow): LinkView {
  return {
    id: row.id,
    attachmentId: row.attachment_id,
    recordId: row.record_id,
    slot: row.slot,
    page: row.page,
    createdAt: row.created_at,
  };
}

export function toView(
  row: AttachmentRow,
  links: LinkRow[],
  hasNewerVersion: boolean,
  profile: UploadProfile,
): AttachmentView {
  return {
    id: row.id,
    applicantId: row.applicant_id,
    sha256: row.sha256,
    fileName: row.file_name,
    mediaType: row.media_type,
    bytes: row.bytes,
    pages: row.pages,
    width: row.width,
    height: row.height,
    scanDpi: row.scan_dpi,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
    derivedFrom: row.derived_from,
    operation: row.operation === null ? null : Operation.parse(JSON.parse(row.operation)),
    hasNewerVersion,
    links: links.map(toLinkView),
    profileIssues: profileIssues(row, links, profile),
  };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
const FORMAT_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/pdf': 'PDF',
  'image/tiff': 'TIFF',
};

export function profileIssues(row: AttachmentRow, links: LinkRow[], profile: UploadProfile): Issue[] {
  const issues: Issue[] = [];
  const isImage = row.media_type !== 'application/pdf';
  if (!(profile.formats as string[]).includes(row.media_type)) {
    const accepted = profile.formats.map((f) => FORMAT_NAMES[f]).join(', ');
    issues.push({
      code: 'format',
      message: {
        zh: `格式 ${FORMAT_NAMES[row.media_type]} 不在上传规格内（接受 ${accepted}）。${isImage ? '可用“适配”转换为 JPEG。' : ''}`,
        en: `${FORMAT_NAMES[row.media_type]} is not among the accepted formats (${accepted}).${isImage ? ' "Fit" converts it to JPEG.' : ''}`,
      },
    });
  }
  if (row.bytes > profile.maxFileBytes) {
    issues.push({
      code: 'file_too_large',
      message: isImage
        ? {
            zh: `文件为 ${mb(row.bytes)}，超过单个文件 ${mb(profile.maxFileBytes)} 的上限。可用“适配”缩小。`,
            en: `The file is ${mb(row.bytes)}, above the per-file limit of ${mb(profile.maxFileBytes)}. "Fit" shrinks it.`,
          }
        : pdfAdvice(row.bytes, profile),
    });
  }
  if (links.some((link) => link.slot === PHOTO_SLOT)) issues.push(...photoIssues(row, profile));
  // The ID photo is small by design (its pixels are the profile's): only other scans must be readable.
  else {
    const blurred = lowResolution({
      mediaType: row.media_type,
      width: row.width,
      height: row.height,
      scanDpi: row.scan_dpi,
    });
    if (blurred) issues.push({ code: 'low_resolution', message: blurred });
  }
  return issues;
}

export function pdfAdvice(bytes: number, profile: UploadProfile): Issue['message'] {
  return {
    zh: `PDF 为 ${mb(bytes)}，超过单个文件 ${mb(profile.maxFileBytes)} 的上限，无法自动压缩。请拆分成几个文件，或以 150–200 dpi、灰度重新扫描；由图片合成的 PDF，可添加原图后“适配”再“合并”。`,
    en: `The PDF is ${mb(bytes)}, above the per-file limit of ${mb(profile.maxFileBytes)}, and cannot be shrunk automatically. Split it into several files, or rescan at 150–200 dpi in greyscale; for a PDF made from images, add the images, fit them, then merge.`,
  };
}

function photoIssues(row: AttachmentRow, profile: UploadProfile): Issue[] {
  const { photo } = profile;
  const problems: Issue[] = [];
  if (row.media_type !== 'image/jpeg') {
    problems.push({ code: 'photo_format', message: { zh: '证件照须为 JPEG。', en: 'The ID photo must be a JPEG.' } });
  }
  if (row.width !== photo.width || row.height !== photo.height) {
    problems.push({
      code: 'photo_pixels',
      message: {
        zh: `证件照为 ${row.width ?? '?'}×${row.height ?? '?'} 像素，规格要求 ${photo.width}×${photo.height}。可用“裁剪证件照”。`,
        en: `The ID photo is ${row.width ?? '?'}×${row.height ?? '?'} px; the profile asks for ${photo.width}×${photo.height}. Use "Crop photo".`,
      },
    });
  }
  if (row.bytes > photo.maxBytes || row.bytes < photo.minBytes) {
    problems.push({
      code: 'photo_bytes',
      message: {
        zh: `证件照为 ${kb(row.bytes)}，规格要求 ${kb(photo.minBytes)}–${kb(photo.maxBytes)}。可用“裁剪证件照”。`,
        en: `The ID photo is ${kb(row.bytes)}; the profile asks for ${kb(photo.minBytes)}–${kb(photo.maxBytes)}. Use "Crop photo".`,
      },
    });
  }
  return problems;
}

/** Bytes linked per material (M-x), each attachment counted once per material. */
export function materialTotals(
  rows: AttachmentRow[],
  links: LinkRow[],
  profile: UploadProfile,
): { material: string; bytes: number; attachments: number; isOverLimit: boolean }[] {
  const live = new Map(rows.filter((r) => r.deleted_at === null).map((r) => [r.id, r]));
  const byMaterial = new Map<string, Set<string>>();
  for (const link of links) {
    if (link.slot === null || !live.has(link.attachment_id)) continue;
    const material = materialOf(link.slot);
    const set = byMaterial.get(material) ?? new Set<string>();
    set.add(link.attachment_id);
    byMaterial.set(material, set);
  }
  return [...byMaterial.entries()]
    .sort(([a], [b]) => Number(a.slice(2)) - Number(b.slice(2)))
    .map(([material, ids]) => {
      const bytes = [...ids].reduce((sum, id) => sum + (live.get(id)?.bytes ?? 0), 0);
      return { material, bytes, attachments: ids.size, isOverLimit: bytes > profile.maxMaterialBytes };
    });
}
