// Bytes in, bytes out: the page operations on images (sharp, which works on libuv's thread pool) and PDFs
// (pdf-lib, run in a worker thread: pdfWorker.ts). No database, no store. PDF pages are copied, never
// re-rendered, so text and vector content stay as they were; a rotated PDF page only changes its /Rotate
// entry. Images are auto-oriented first, so that a phone photo's EXIF orientation is applied once and
// never twice.
import sharp from 'sharp';
import type { MediaType } from '../../../shared/attachments/schema.js';
import { runInPdfWorker, type PdfResult } from './pdfPool.js';
import type { MergePart } from './pdfWorker.js';

export interface ImageProduct {
  bytes: Buffer;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

export interface PdfProduct {
  bytes: Buffer;
  mediaType: 'application/pdf';
  pages: number;
}

/** Re-encoding a scan after a rotation: high quality, full chroma, so that small print stays sharp. */
export const JPEG_EDIT = { quality: 92, chromaSubsampling: '4:4:4' } as const;

export async function rotateImage(input: Buffer, mediaType: MediaType, angle: number): Promise<ImageProduct> {
  const image = sharp(input, { limitInputPixels: false }).autoOrient().rotate(angle).keepIccProfile();
  const out = mediaType === 'image/png' ? image.png() : image.jpeg(JPEG_EDIT);
  const { data, info } = await out.toBuffer({ resolveWithObject: true });
  return {
    bytes: data,
    mediaType: mediaType === 'image/png' ? 'image/png' : 'image/jpeg',
    width: info.width,
    height: info.height,
  };
}

/** Rotates one page (1-based) or, with null, every page, by a multiple of 90° clockwise. */
export async function rotatePdf(input: Buffer, angle: number, page: number | null): Promise<PdfProduct> {
  return pdfProduct(await runInPdfWorker({ op: 'rotate', pdf: input, angle, page }));
}

/** A new PDF of these pages (1-based, in this order). Copying drops what the other pages used. */
export async function selectPdfPages(input: Buffer, pages: number[]): Promise<PdfProduct> {
  return pdfProduct(await runInPdfWorker({ op: 'select', pdf: input, pages }));
}

/** One PDF of images and PDFs in order: a PDF's pages are copied, an image becomes an A4 page. */
export async function mergeToPdf(items: { bytes: Buffer; mediaType: MediaType }[]): Promise<PdfProduct> {
  const parts: MergePart[] = [];
  for (const item of items) {
    if (item.mediaType === 'application/pdf') parts.push({ kind: 'pdf', bytes: item.bytes });
    else parts.push(...(await imagePages(item.bytes)));
  }
  return pdfProduct(await runInPdfWorker({ op: 'merge', parts }));
}

/** Every page of an image (a multi-page TIFF has several), upright, as JPEG or PNG bytes to embed. */
async function imagePages(bytes: Buffer): Promise<MergePart[]> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  const parts: MergePart[] = [];
  for (let page = 0; page < (meta.pages ?? 1); page++) {
    const upright = await embeddable(bytes, meta.format, page, meta.orientation ?? 1);
    parts.push({ kind: upright.format, bytes: upright.bytes });
  }
  return parts;
}

/** A JPEG goes in as it is (no loss) unless EXIF says to turn it; anything else is converted once. */
async function embeddable(
  bytes: Buffer,
  format: string | undefined,
  page: number,
  orientation: number,
): Promise<{ bytes: Buffer; format: 'jpeg' | 'png' }> {
  if (format === 'jpeg' && orientation === 1) return { bytes, format: 'jpeg' };
  if (format === 'png' && orientation === 1) return { bytes, format: 'png' };
  const image = sharp(bytes, { page, limitInputPixels: false }).autoOrient();
  if (format === 'png') return { bytes: await image.png().toBuffer(), format: 'png' };
  return { bytes: await image.jpeg(JPEG_EDIT).toBuffer(), format: 'jpeg' };
}

/** TIFF (which the online systems do not take): one page becomes a JPEG, several a PDF. */
export async function convertTiff(input: Buffer, pages: number): Promise<ImageProduct | PdfProduct> {
  if (pages > 1) return mergeToPdf([{ bytes: input, mediaType: 'image/tiff' }]);
  const { data, info } = await sharp(input, { limitInputPixels: false })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .jpeg(JPEG_EDIT)
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, mediaType: 'image/jpeg', width: info.width, height: info.height };
}

const pdfProduct = ({ bytes, pages }: PdfResult): PdfProduct => ({ bytes, mediaType: 'application/pdf', pages });
