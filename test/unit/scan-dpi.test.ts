// How sharp a PDF's scanned pages are at A4 (issue 19, READABLE_SCAN): the image's pixels over the size it
// takes when the page is printed on A4 — through the matrix it is drawn with, on any page size — and no value
// for a page that is no scan (text, a small logo).
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfScanDpi } from '../../electron/core/attachments/scanDpi.js';
import { makeJpeg } from '../helpers/files.js';

const A4 = [595.28, 841.89] as const;

async function pdfWith(
  pages: { size: readonly [number, number]; image?: { px: [number, number]; at: [number, number, number, number] } }[],
): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of pages) {
    const page = doc.addPage([p.size[0], p.size[1]]);
    page.drawText('text', { x: 40, y: 40, size: 12, font });
    if (p.image) {
      const image = await doc.embedJpg(await makeJpeg(p.image.px[0], p.image.px[1]));
      const [x, y, width, height] = p.image.at;
      page.drawImage(image, { x, y, width, height });
    }
  }
  // Through the bytes, as an added file is read (compressed content streams and all).
  return PDFDocument.load(await doc.save());
}

describe('pdfScanDpi', () => {
  it('a scan over a whole A4 page: its pixels over 8.27 × 11.69 inches', async () => {
    expect(pdfScanDpi(await pdfWith([{ size: A4, image: { px: [1240, 1754], at: [0, 0, ...A4] } }]))).toBe(150);
    expect(pdfScanDpi(await pdfWith([{ size: A4, image: { px: [800, 1131], at: [0, 0, ...A4] } }]))).toBe(97);
  });

  it('the same scan on a letter-size or a huge page prints on A4 all the same', async () => {
    const big = [1190.55, 1683.78] as const; // A2-ish: scaled down to A4
    expect(pdfScanDpi(await pdfWith([{ size: big, image: { px: [1240, 1754], at: [0, 0, ...big] } }]))).toBe(150);
  });

  it('the lowest page decides; pages without a scan are not judged', async () => {
    const doc = await pdfWith([
      { size: A4, image: { px: [2480, 3508], at: [0, 0, ...A4] } },
      { size: A4 },
      { size: A4, image: { px: [620, 877], at: [0, 0, ...A4] } },
    ]);
    expect(pdfScanDpi(doc)).toBe(75);
  });

  it('a small image (a logo) on a text page is no scan: null', async () => {
    expect(pdfScanDpi(await pdfWith([{ size: A4, image: { px: [60, 40], at: [40, 700, 120, 80] } }]))).toBeNull();
    expect(pdfScanDpi(await pdfWith([{ size: A4 }]))).toBeNull();
  });

  it('a scan drawn on half the page counts at the size it is drawn, its coarser direction deciding', async () => {
    // 1240 px over half the page's width (4.13 in) is 300 dpi; 1754 px over its height (11.69 in) 150.
    const doc = await pdfWith([{ size: A4, image: { px: [1240, 1754], at: [0, 0, A4[0] / 2, A4[1]] } }]);
    expect(pdfScanDpi(doc)).toBe(150);
  });
});
