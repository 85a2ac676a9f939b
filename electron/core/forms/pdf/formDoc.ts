// A small flowing layout for the official forms on A4: titles, paragraphs and bordered tables whose rows
// grow with their text and continue on the next page, opinion boxes, and a footer on every page with the
// page number and the archive fingerprint (text and QR code) that ties the paper to the package.
//
// Coordinates inside this class are measured from the top of the page (as forms are read); pdf-lib's
// bottom-up y is computed only where drawing happens.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { fontChain, MISSING_MARK, pdfLibFontkit, splitRuns, type FontStyle, type LoadedFont } from '../fonts.js';
import { breakLines, sanitize } from './lineBreak.js';
import { drawQr } from './qr.js';

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 50, bottom: 62, left: 50, right: 50 };
/** 五号 (10.5 pt) is the body size of Chinese official forms. */
export const BODY = 10.5;
const LINE = 1.45;
const PAD = 4;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export type Cell = {
  text: string;
  /** Share of the table width (the row's shares are normalised). */
  span: number;
  bold?: boolean;
  align?: 'left' | 'center';
  /** A label cell is shaded lightly, as printed forms do. */
  label?: boolean;
};

export type FormMeta = {
  /** The form's title, repeated at the top of continuation pages. */
  title: string;
  /** Shown in the footer and encoded in the QR code: the archive's SHA-256 (hex). */
  fingerprint: string;
  /** Footer label before the fingerprint, e.g. 档案指纹. */
  fingerprintLabel: string;
  /** Page x of y in the form's language. */
  pageLabel: (page: number, pages: number) => string;
};

type Embedded = { chain: LoadedFont[]; pdfFonts: (PDFFont | null)[] };

export class FormDoc {
  readonly pdf: PDFDocument;
  private readonly fonts: Record<FontStyle, Embedded>;
  private readonly widthCache = new Map<string, number>();
  /** Characters no shipped font has, drawn as MISSING_MARK; the caller reports them. */
  readonly missing = new Set<string>();
  page!: PDFPage;
  /** Distance of the cursor from the top of the page. */
  y = 0;
  readonly left = MARGIN.left;
  readonly width = A4.width - MARGIN.left - MARGIN.right;

  private constructor(
    pdf: PDFDocument,
    readonly meta: FormMeta,
  ) {
    this.pdf = pdf;
    this.fonts = { regular: { chain: fontChain('regular'), pdfFonts: [] }, bold: { chain: fontChain('bold'), pdfFonts: [] } };
  }

  static async create(meta: FormMeta): Promise<FormDoc> {
    // No dates and no random font tags: the same archive must give the same bytes (hashes in the package).
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(pdfLibFontkit as never);
    pdf.setTitle(meta.title, { showInWindowTitleBar: true });
    pdf.setCreator('Dossier 职称申报材料助手');
    pdf.setProducer('Dossier (pdf-lib)');
    pdf.setLanguage('zh-CN');
    const doc = new FormDoc(pdf, meta);
    doc.newPage(false);
    return doc;
  }

  /** Embeds a font of the chain the first time it is used, so a form embeds only what it draws. */
  private async pdfFont(style: FontStyle, index: number): Promise<PDFFont> {
    const embedded = this.fonts[style];
    let font = embedded.pdfFonts[index];
    if (!font) {
      const { bytes, file } = embedded.chain[index]!;
      // A fixed six-letter subset tag (PDF 32000 9.6.4) instead of pdf-lib's random suffix: same bytes each run.
      const tag = `DOSS${style === 'bold' ? 'B' : 'R'}${'ABCDEFGH'[index]}`;
      font = await this.pdf.embedFont(bytes, { subset: true, customName: `${tag}+${file.replace(/\.\w+$/, '')}` });
      embedded.pdfFonts[index] = font;
    }
    return font;
  }

  /** Width of text at a size, measured with the font that will draw each character. */
  measure(text: string, size: number, style: FontStyle = 'regular'): number {
    let total = 0;
    for (const ch of text) {
      const key = style + ch;
      let w = this.widthCache.get(key);
      if (w === undefined) {
        const chain = this.fonts[style].chain;
        const loaded = chain.find((f) => f.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) ?? chain[0]!;
        const glyphRun = loaded.font.layout(loaded.font.hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : MISSING_MARK);
        w = glyphRun.advanceWidth / loaded.font.unitsPerEm;
        this.widthCache.set(key, w);
      }
      total += w * size;
    }
    return total;
  }

  lines(text: string, width: number, size = BODY, style: FontStyle = 'regular'): string[] {
    return breakLines(text, width, (s) => this.measure(s, size, style));
  }

  /** Draws one line with its top at `top` (from the page top); characters no font has become 〓. */
  async drawLine(text: string, x: number, top: number, size = BODY, style: FontStyle = 'regular', grey = false) {
    const baseline = A4.height - top - size * 0.88 - ((LINE - 1) * size) / 2;
    let cursor = x;
    for (const run of splitRuns(sanitize(text), this.fonts[style].chain)) {
      let drawn = run.text;
      let index = run.font;
      if (index === -1) {
        for (const ch of run.text) this.missing.add(ch);
        drawn = MISSING_MARK.repeat([...run.text].length);
        index = 0;
      }
      const font = await this.pdfFont(style, index);
      this.page.drawText(drawn, { x: cursor, y: baseline, size, font, color: grey ? GREY : BLACK });
      cursor += this.measure(drawn, size, style);
    }
  }

  lineHeight(size = BODY): number {
    return size * LINE;
  }

  get bottom(): number {
    return A4.height - MARGIN.bottom;
  }

  newPage(continuation = true): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = MARGIN.top;
    if (continuation) this.pendingHeaders.push(this.page);
  }

  private readonly pendingHeaders: PDFPage[] = [];

  /** Starts a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  async title(text: string, size = 18): Promise<void> {
    for (const line of this.lines(text, this.width, size, 'bold')) {
      const w = this.measure(line, size, 'bold');
      await this.drawLine(line, this.left + (this.width - w) / 2, this.y, size, 'bold');
      this.y += this.lineHeight(size);
    }
    this.y += 6;
  }

  /** A flowing paragraph; continues on the next page when it reaches the bottom. */
  async paragraph(text: string, opts: { size?: number; indent?: number; bold?: boolean; grey?: boolean } = {}) {
    const size = opts.size ?? BODY;
    const style: FontStyle = opts.bold ? 'bold' : 'regular';
    const indent = opts.indent ?? 0;
    for (const line of this.lines(text, this.width - indent, size, style)) {
      this.ensure(this.lineHeight(size));
      await this.drawLine(line, this.left + indent, this.y, size, style, opts.grey);
      this.y += this.lineHeight(size);
    }
  }

  /**
   * A bordered table row. Cells wrap; the row is as tall as its tallest cell (at least `minHeight`). A row
   * that does not fit continues on the next page, its text split by lines, so nothing is ever cut off.
   */
  async row(cells: Cell[], opts: { minHeight?: number; size?: number } = {}): Promise<void> {
    const size = opts.size ?? BODY;
    const lh = this.lineHeight(size);
    const total = cells.reduce((s, c) => s + c.span, 0);
    const widths = cells.map((c) => (c.span / total) * this.width);
    let pending = cells.map((c, i) => this.lines(c.text, widths[i]! - 2 * PAD, size, c.bold ? 'bold' : 'regular'));
    let minHeight = opts.minHeight ?? 0;
    for (;;) {
      const need = Math.max(minHeight, Math.max(...pending.map((l) => l.length)) * lh + 2 * PAD);
      const room = this.bottom - this.y;
      if (need > room && room < 2 * lh + 2 * PAD + 1) {
        this.newPage();
        continue;
      }
      const fitLines = Math.max(1, Math.floor((Math.min(need, room) - 2 * PAD) / lh));
      const height = need <= room ? need : fitLines * lh + 2 * PAD;
      let x = this.left;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        const w = widths[i]!;
        this.page.drawRectangle({
          x,
          y: A4.height - this.y - height,
          width: w,
          height,
          borderColor: BLACK,
          borderWidth: 0.6,
          color: cell.label ? rgb(0.95, 0.95, 0.95) : undefined,
        });
        const shown = pending[i]!.slice(0, fitLines);
        const style: FontStyle = cell.bold ? 'bold' : 'regular';
        // Labels and short values sit in the vertical middle of the cell, as printed forms do.
        let top = this.y + PAD + (need <= room ? (height - 2 * PAD - shown.length * lh) / 2 : 0);
        for (const line of shown) {
          const lw = this.measure(line, size, style);
          const lx = cell.align === 'center' ? x + (w - lw) / 2 : x + PAD;
          await this.drawLine(line, lx, top, size, style);
          top += lh;
        }
        x += w;
      }
      this.y += height;
      pending = pending.map((l) => l.slice(fitLines));
      if (pending.every((l) => l.length === 0)) return;
      minHeight = 0;
      this.newPage();
    }
  }

  /** Vertical space. */
  gap(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  /**
   * Finishes the document: a running title on continuation pages, and on every page the footer with the
   * page number, the fingerprint and its QR code. Returns the PDF bytes.
   */
  async finish(): Promise<Uint8Array> {
    const pages = this.pdf.getPages();
    const fp = this.meta.fingerprint;
    const short = fp.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
    for (const [index, page] of pages.entries()) {
      this.page = page;
      if (this.pendingHeaders.includes(page)) {
        await this.drawLine(`${this.meta.title}（续）`, this.left, 22, 8, 'regular', true);
      }
      const footerTop = A4.height - MARGIN.bottom + 14;
      await this.drawLine(this.meta.pageLabel(index + 1, pages.length), this.left, footerTop, 8, 'regular', true);
      const label = `${this.meta.fingerprintLabel} ${short}`;
      const qrSize = 34;
      const lw = this.measure(label, 8);
      await this.drawLine(label, A4.width - MARGIN.right - qrSize - 6 - lw, footerTop, 8, 'regular', true);
      drawQr(page, `dossier:archive:sha256:${fp}`, A4.width - MARGIN.right - qrSize, 10, qrSize);
    }
    return this.pdf.save({ useObjectStreams: false });
  }
}
