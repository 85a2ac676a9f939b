// How sharp the scanned pages of a PDF are (issue 19, READABLE_SCAN): a page is a scan when one image covers
// at least half of it; its resolution at A4 is that image's pixels over the size it takes when the page is
// printed on A4. The PDF's value is its lowest page's; null when no page is a scan (a text PDF stays sharp at
// any size). Read from the pages' content streams with pdf-lib: the graphics state's matrix (q, Q, cm) at
// each image drawn (Do). Images inside form XObjects and inline images are not looked into: scanners and
// this app's own merges draw a page's scan directly.
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';

/** A4 in points (297 × 210 mm). */
const A4_PT = { long: 841.89, short: 595.28 };
/** A page is a scan when one image covers at least this share of it. */
const SCAN_COVER = 0.5;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n: the matrix of applying m, then n (PDF's `cm` premultiplies the current matrix). */
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** The lowest resolution at A4 among the PDF's scanned pages, rounded; null when no page is a scan. */
export function pdfScanDpi(doc: PDFDocument): number | null {
  let lowest: number | null = null;
  for (const page of doc.getPages()) {
    let dpi: number | null = null;
    try {
      dpi = pageScanDpi(page);
    } catch {
      // A content stream this reader does not follow says nothing about sharpness: the page is not judged.
    }
    if (dpi !== null && (lowest === null || dpi < lowest)) lowest = dpi;
  }
  return lowest === null ? null : Math.max(1, Math.round(lowest));
}

/** Pixel sizes of the page's image XObjects, by resource name. */
function imagesOf(page: PDFPage): Map<string, { width: number; height: number }> {
  const images = new Map<string, { width: number; height: number }>();
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return images;
  for (const [name, ref] of xobjects.entries()) {
    const stream = page.doc.context.lookup(ref);
    if (!(stream instanceof PDFStream)) continue;
    if (stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName) !== PDFName.of('Image')) continue;
    const width = stream.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber();
    const height = stream.dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber();
    if (width && height) images.set(name.decodeText(), { width, height });
  }
  return images;
}

function contentBytes(page: PDFPage): Uint8Array[] {
  const contents = page.node.Contents();
  const streams: PDFStream[] = [];
  if (contents instanceof PDFStream) streams.push(contents);
  else if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) {
      const s = contents.lookup(i);
      if (s instanceof PDFStream) streams.push(s);
    }
  }
  return streams.map((s) => (s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents()));
}

function pageScanDpi(page: PDFPage): number | null {
  const images = imagesOf(page);
  if (images.size === 0) return null;
  const { width: pageW, height: pageH } = page.getSize();
  if (pageW <= 0 || pageH <= 0) return null;
  // Printed on A4 in its orientation, fitted: the factor from the page's points to the paper's.
  const scale = Math.min(A4_PT.long / Math.max(pageW, pageH), A4_PT.short / Math.min(pageW, pageH));
  let lowest: number | null = null;
  for (const bytes of contentBytes(page)) {
    walk(bytes, (name, ctm) => {
      const image = images.get(name);
      if (!image) return;
      const drawnW = Math.hypot(ctm[0], ctm[1]);
      const drawnH = Math.hypot(ctm[2], ctm[3]);
      if (drawnW * drawnH < SCAN_COVER * pageW * pageH) return;
      const dpi = Math.min(image.width / ((drawnW * scale) / 72), image.height / ((drawnH * scale) / 72));
      if (lowest === null || dpi < lowest) lowest = dpi;
    });
  }
  return lowest;
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) => '()<>[]{}/%'.includes(String.fromCharCode(c));

/** Runs the content stream's operators that move images: q, Q, cm and Do (with the matrix at that point). */
function walk(bytes: Uint8Array, onImage: (name: string, ctm: Matrix) => void): void {
  let ctm: Matrix = IDENTITY;
  const saved: Matrix[] = [];
  const operands: (number | string)[] = [];
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i]!;
    if (isWhite(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x28 /* ( */) {
      // A string, with nested parentheses and backslash escapes: skipped.
      let depth = 0;
      for (; i < n; i++) {
        const b = bytes[i]!;
        if (b === 0x5c) i++;
        else if (b === 0x28) depth++;
        else if (b === 0x29 && --depth === 0) break;
      }
      i++;
      operands.push('(string)');
    } else if (c === 0x3c /* < */) {
      if (bytes[i + 1] === 0x3c) i += 2;
      else {
        while (i < n && bytes[i] !== 0x3e) i++;
        i++;
        operands.push('<hex>');
      }
    } else if (c === 0x3e /* > */ || c === 0x5b /* [ */ || c === 0x5d /* ] */ || c === 0x7b || c === 0x7d) {
      i++;
    } else if (c === 0x2f /* / */) {
      let j = i + 1;
      while (j < n && !isWhite(bytes[j]!) && !isDelimiter(bytes[j]!)) j++;
      operands.push(`/${decodeName(bytes.subarray(i + 1, j))}`);
      i = j;
    } else {
      let j = i;
      while (j < n && !isWhite(bytes[j]!) && !isDelimiter(bytes[j]!)) j++;
      if (j === i) j++;
      const word = String.fromCharCode(...bytes.subarray(i, j));
      i = j;
      const number = Number(word);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(number)) {
        operands.push(number);
        continue;
      }
      if (word === 'q') saved.push(ctm);
      else if (word === 'Q') ctm = saved.pop() ?? IDENTITY;
      else if (word === 'cm') {
        const m = operands.slice(-6);
        if (m.length === 6 && m.every((x) => typeof x === 'number')) ctm = multiply(m as Matrix, ctm);
      } else if (word === 'Do') {
        const name = operands.at(-1);
        if (typeof name === 'string' && name.startsWith('/')) onImage(name.slice(1), ctm);
      } else if (word === 'ID') {
        // Inline image data up to EI: skipped whole (binary).
        let j2 = i + 1;
        while (j2 + 2 < n && !(isWhite(bytes[j2]!) && bytes[j2 + 1] === 0x45 && bytes[j2 + 2] === 0x49)) j2++;
        i = j2 + 3;
      }
      operands.length = 0;
    }
  }
}

/** A name's bytes with #xx escapes decoded (/Im#20x → "Im x"), as pdf-lib's PDFName.decodeText gives them. */
function decodeName(raw: Uint8Array): string {
  return String.fromCharCode(...raw).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
