// Fitting files to the upload profile: an image over the size limit, or in a format the online
// system does not take, is re-encoded and if need be downsampled — never below the profile's legibility
// floor — as a new version; a PDF over the limit is flagged with what to do. The ID photo is cropped to
// the profile's pixel size and compressed under its byte limit.
import sharp from 'sharp';
import type { Localized } from '../../../shared/api/contract.js';
import { cropRectSchema } from '../../../shared/attachments/cropRect.js';
import type { FitResult, UploadProfile } from '../../../shared/attachments/schema.js';
import { DossierError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import type { AttachmentRow } from './attachmentRepo.js';
import { addDerived, derivedName, readLive, viewOf } from './attachmentService.js';
import { getUploadProfile } from './profile.js';
import { mergeToPdf } from './transforms.js';
import { pdfAdvice } from './views.js';

const QUALITIES = [85, 75, 65] as const;
const PHOTO_QUALITIES = [92, 85, 75, 65, 55, 45] as const;

const sizeOf = (row: { bytes: number; width: number | null; height: number | null }) => ({
  bytes: row.bytes,
  width: row.width,
  height: row.height,
});

export async function fit(w: Workspace, input: { attachmentId: string }): Promise<FitResult> {
  const { row, bytes } = await readLive(w, input.attachmentId);
  const profile = getUploadProfile(w.db);
  const unchanged = (advice: FitResult['advice']): FitResult => ({
    attachment: viewOf(w, row),
    isChanged: false,
    before: sizeOf(row),
    after: sizeOf(row),
    advice,
  });
  const isAccepted = (profile.formats as string[]).includes(row.media_type);
  if (row.media_type === 'application/pdf') {
    return unchanged(row.bytes > profile.maxFileBytes ? pdfAdvice(row.bytes, profile) : null);
  }
  if (isAccepted && row.bytes <= profile.maxFileBytes) return unchanged(null);

  const encoded = await encodeToFit(bytes, profile);
  if (!encoded) {
    return unchanged({
      zh: `图片无法在保持清晰（长边不小于 ${profile.minLongSide} 像素）的同时压缩到 ${(profile.maxFileBytes / 1e6).toFixed(1)} MB 以下。请裁去空白边缘、以灰度重新扫描，或拆成几张分别上传。`,
      en: `The image cannot be brought under ${(profile.maxFileBytes / 1e6).toFixed(1)} MB while staying legible (long side at least ${profile.minLongSide} px). Crop the margins, rescan in greyscale, or split it into several images.`,
    });
  }
  const operation = { op: 'fit' as const, quality: encoded.quality, scale: encoded.scale };
  let attachment;
  if ((profile.formats as string[]).includes('image/jpeg')) {
    attachment = await addDerived(w, row, {
      bytes: encoded.bytes,
      mediaType: 'image/jpeg',
      pages: 1,
      width: encoded.width,
      height: encoded.height,
      fileName: derivedName(row.file_name, '适配', 'image/jpeg'),
      operation,
    });
  } else {
    // A profile that takes PDF only: the fitted image becomes a one-page PDF.
    const pdf = await mergeToPdf([{ bytes: encoded.bytes, mediaType: 'image/jpeg' }]);
    attachment = await addDerived(w, row, {
      ...pdf,
      width: null,
      height: null,
      fileName: derivedName(row.file_name, '适配', pdf.mediaType),
      operation,
    });
  }
  return { attachment, isChanged: true, before: sizeOf(row), after: sizeOf(attachment), advice: null };
}

/** JPEG under the limit: lower quality first, then smaller, down to the legibility floor; null if impossible. */
async function encodeToFit(
  input: Buffer,
  profile: UploadProfile,
): Promise<{ bytes: Buffer; width: number; height: number; quality: number; scale: number } | null> {
  const meta = await sharp(input, { limitInputPixels: false }).autoOrient().metadata();
  const width0 = meta.autoOrient?.width ?? meta.width ?? 0;
  const height0 = meta.autoOrient?.height ?? meta.height ?? 0;
  const long0 = Math.max(width0, height0);
  let scale = 1;
  for (let round = 0; round < 8; round++) {
    const width = Math.max(1, Math.round(width0 * scale));
    let last = 0;
    for (const quality of QUALITIES) {
      let image = sharp(input, { limitInputPixels: false }).autoOrient().flatten({ background: '#ffffff' });
      if (scale < 1) image = image.resize({ width, kernel: 'lanczos3' });
      const { data, info } = await image
        .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      last = data.length;
      if (data.length <= profile.maxFileBytes) {
        return { bytes: data, width: info.width, height: info.height, quality, scale: Number(scale.toFixed(4)) };
      }
      // Lower quality saves at most about 40 %: far over the limit, go straight to fewer pixels.
      if (data.length > profile.maxFileBytes * 1.8) break;
    }
    // Bytes go roughly with pixels: shrink both sides by the square root of the overshoot, with a margin.
    const next = scale * Math.sqrt(profile.maxFileBytes / last) * 0.95;
    if (long0 * scale <= profile.minLongSide) return null;
    scale = Math.max(next, profile.minLongSide / long0);
  }
  return null;
}

type Rect = { left: number; top: number; width: number; height: number };

/** The photo cropped (a chosen frame, or the centre) to the profile's pixels, JPEG quality lowered until it fits. */
async function encodePhoto(
  row: AttachmentRow,
  bytes: Buffer,
  photo: UploadProfile['photo'],
  rect: Rect | null,
): Promise<{ data: Buffer; quality: number; fits: boolean }> {
  if (row.media_type === 'application/pdf') {
    throw new DossierError('not_image', {
      zh: '证件照须为图片（JPEG/PNG），不能是 PDF。',
      en: 'The ID photo must be an image (JPEG/PNG), not a PDF.',
    });
  }
  if (rect) requireFrame(row, rect, photo);
  let best: { data: Buffer; quality: number } | null = null;
  for (const quality of PHOTO_QUALITIES) {
    let image = sharp(bytes, { limitInputPixels: false }).autoOrient();
    if (rect) image = image.extract(rect);
    const data = await image
      .resize(photo.width, photo.height, { fit: 'cover', position: 'centre' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: true })
      .toBuffer();
    best = { data, quality };
    if (data.length <= photo.maxBytes) break;
  }
  return { data: best!.data, quality: best!.quality, fits: best!.data.length <= photo.maxBytes };
}

/** What a crop would give, before it is applied (the picker shows it): pixels, bytes, JPEG quality. */
export async function cropPreview(
  w: Workspace,
  input: { attachmentId: string; rect: Rect },
): Promise<{ width: number; height: number; bytes: number; quality: number; fitsLimit: boolean; maxBytes: number }> {
  const { row, bytes } = await readLive(w, input.attachmentId);
  const { photo } = getUploadProfile(w.db);
  const encoded = await encodePhoto(row, bytes, photo, input.rect);
  return {
    width: photo.width,
    height: photo.height,
    bytes: encoded.data.length,
    quality: encoded.quality,
    fitsLimit: encoded.fits,
    maxBytes: photo.maxBytes,
  };
}

/**
 * Crops the ID photo to the profile's size: the chosen rectangle (in the upright image's pixels) or the
 * centre, then JPEG quality is lowered until it is under the byte limit.
 */
export async function cropPhoto(w: Workspace, input: { attachmentId: string; rect?: Rect | null }): Promise<FitResult> {
  const { row, bytes } = await readLive(w, input.attachmentId);
  const { photo } = getUploadProfile(w.db);
  const rect = input.rect ?? null;
  const best = await encodePhoto(row, bytes, photo, rect);
  if (!best.fits) {
    throw new DossierError('photo_too_large', {
      zh: `证件照无法压缩到 ${Math.round(photo.maxBytes / 1000)} KB 以下，请换一张背景简单的照片。`,
      en: `The photo cannot be compressed under ${Math.round(photo.maxBytes / 1000)} KB; use one with a plain background.`,
    });
  }
  const attachment = await addDerived(w, row, {
    bytes: best.data,
    mediaType: 'image/jpeg',
    pages: 1,
    width: photo.width,
    height: photo.height,
    fileName: derivedName(row.file_name, '证件照', 'image/jpeg'),
    operation: { op: 'cropPhoto', rect },
  });
  const advice =
    best.data.length < photo.minBytes
      ? {
          zh: `裁剪后仅 ${Math.round(best.data.length / 1000)} KB，低于规格的 ${Math.round(photo.minBytes / 1000)} KB 下限：请用更清晰的原照片。`,
          en: `The crop is only ${Math.round(best.data.length / 1000)} KB, below the profile's minimum of ${Math.round(photo.minBytes / 1000)} KB: use a sharper original.`,
        }
      : null;
  return { attachment, isChanged: true, before: sizeOf(row), after: sizeOf(attachment), advice };
}

/** The frame must lie inside the image, at the photo's ratio, not too small (shared/attachments/cropRect.ts). */
function requireFrame(row: AttachmentRow, rect: Rect, photo: UploadProfile['photo']): void {
  if (row.width === null || row.height === null) {
    throw new DossierError('invalid_rect', {
      zh: `“${row.file_name}”的像素尺寸未知，无法按裁剪框裁剪。`,
      en: `The pixel size of "${row.file_name}" is unknown; it cannot be cropped to a frame.`,
    });
  }
  const checked = cropRectSchema({ width: row.width, height: row.height }, photo).safeParse(rect);
  if (checked.success) return;
  const issues = checked.error.issues.map((issue) => {
    const localized = (issue as { params?: { localized?: Localized } }).params?.localized;
    return {
      path: `rect.${issue.path.map(String).join('.')}`,
      message: localized ?? { zh: issue.message, en: issue.message },
    };
  });
  throw new DossierError(
    'invalid_rect',
    {
      zh: `裁剪框无效（图片 ${row.width}×${row.height} 像素）：${issues.map((i) => i.message.zh).join('；')}。`,
      en: `Invalid crop frame (image ${row.width}×${row.height} px): ${issues.map((i) => i.message.en).join('; ')}.`,
    },
    issues,
  );
}
