// Bytes in, bytes out: the page operations on images (sharp) and PDFs (pdf-lib). No database, no store.
// PDF pages are copied, never re-rendered, so text and vector content stay as they were; a rotated PDF
// page only changes its /Rotate entry. Images are auto-oriented first, so that a phone photo's EXIF
// orientation is applied once and never twice.
import { degrees, PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { MediaType } from '../../../shared/attachments/schema.js';

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
/** A4 in PDF points; images merged into a PDF are fitted onto an A4 page of their orientation. */
const A4 = { short: 595.28, long: 841.89 };

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
  const doc = await PDFDocument.load(input, { updateMetadata: false });
  doc.getPages().forEach((p, i) => {
    if (page !== null && i !== page - 1) return;
    p.setRotation(degrees((((p.getRotation().angle + angle) % 360) + 360) % 360));
  });
  return savePdf(doc);
}

/** A new PDF of these pages (1-based, in this order). Copying drops what the other pages used. */
export async function selectPdfPages(input: Buffer, pages: number[]): Promise<PdfProduct> {
  const source = await PDFDocument.load(input, { updateMetadata: false });
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const copied of await doc.copyPages(
    source,
    pages.map((p) => p - 1),
  )) {
    doc.addPage(copied);
  }
  return savePdf(doc);
}

/** One PDF of images and PDFs in order: a PDF's pages are copied, an image becomes an A4 page. */
export async function mergeToPdf(items: { bytes: Buffer; mediaType: MediaType }[]): Promise<PdfProduct> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const item of items) {
    if (item.mediaType === 'application/pdf') {
      const source = await PDFDocument.load(item.bytes, { updateMetadata: false });
      for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
    } else {
      await addImagePages(doc, item.bytes);
    }
  }
  return savePdf(doc);
}

/** Every page of an image (a multi-page TIFF has several) as an A4 page. */
async function addImagePages(doc: PDFDocument, bytes: Buffer): Promise<void> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  const pages = meta.pages ?? 1;
  for (let page = 0; page < pages; page++) {
    const upright = await embeddable(bytes, meta.format, page, meta.orientation ?? 1);
    const image = upright.format === 'jpeg' ? await doc.embedJpg(upright.bytes) : await doc.embedPng(upright.bytes);
    const isLandscape = image.width > image.height;
    const [pw, ph] = isLandscape ? [A4.long, A4.short] : [A4.short, A4.long];
    const scale = Math.min(pw / image.width, ph / image.height);
    const [w, h] = [image.width * scale, image.height * scale];
    doc.addPage([pw, ph]).drawImage(image, { x: (pw - w) / 2, y: (ph - h) / 2, width: w, height: h });
  }
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

async function savePdf(doc: PDFDocument): Promise<PdfProduct> {
  const bytes = Buffer.from(await doc.save());
  return { bytes, mediaType: 'application/pdf', pages: doc.getPageCount() };
}
