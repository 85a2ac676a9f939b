// A small flowing layout for the official forms on A4: titles, paragraphs and bordered tables whose rows
// grow with their text and continue on the next page, opinion boxes, and a footer on every page with the
// page number and the archive fingerprint (text and QR code) that ties the paper to the package.
//
// Coordinates inside this class are measured from the top of the page (as forms are read); pdf-lib's
// bottom-up y is computed only where drawing happens.
import {
  beginText,
  degrees,
  endText,
  moveText,
  PDFDocument,
  setFillingColor,
  setFontAndSize,
  showText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  fill,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import {
  fontChain,
  MISSING_MARK,
  pdfLibFontkit,
  placeCluster,
  splitRuns,
  type FontStyle,
  type LoadedFont,
} from '../fonts.js';
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
/** A draft's mark: red, as a stamp; faint where it crosses the page, so the form stays readable under it. */
const DRAFT_RED = rgb(0.75, 0.1, 0.1);
const DRAFT_STAMP = { size: 150, opacity: 0.1, angle: 35 };
/**
 * No OpenType shaping when drawing: each character gets its own glyph and advance, exactly as `measure`
 * measures it (contextual alternates would change digits' widths, kerning would move text), and the
 * contextual lookups of a CJK font cost most of a form's build time.
 */
const PLAIN_FEATURES = Object.fromEntries(
  ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk']
    .concat(['calt', 'clig', 'liga', 'rclt', 'curs', 'kern'])
    .map((tag) => [tag, false]),
);
/** A combining mark (ε̇): its run is drawn cluster by cluster, the mark placed on its base. */
const COMBINING = /\p{M}/u;
const CLUSTERS = new Intl.Segmenter('zh', { granularity: 'grapheme' });
/** Rows up to this height are moved whole rather than split when `keep` is asked for. */
const KEEP_MAX = (A4.height - MARGIN.top - MARGIN.bottom) / 3;

export type Cell = {
  text: string;
  /** Share of the table width (the row's shares are normalised). */
  span: number;
  bold?: boolean;
  align?: 'left' | 'center';
  /** A label cell is shaded lightly, as printed forms do. */
  label?: boolean;
  /** Text sits in the vertical middle of the cell unless 'top' (e.g. a box written in by hand below it). */
  valign?: 'top' | 'middle';
  /**
   * What the cell shows on the next page when its row continues there and the cell's own text is all
   * drawn already: the row's number or label again, e.g. 「52（续）」 or 「破格推荐理由（续）」.
   */
  cont?: string;
};

export type RowOptions = {
  minHeight?: number;
  size?: number;
  /** Move the whole row to the next page rather than split it, when it is shorter than a third of a page. */
  keep?: boolean;
  /**
   * Keep-with-next: the row moves to the next page unless this much room is left below it, so that what
   * follows (the pledge after the last record, a signature box) never stands alone on a page.
   */
  keepWith?: number;
};

/** A piece of an inline line: text, an underlined blank (with optional text in it), or a check box. */
export type InlinePart = string | { blank: number; text?: string } | { check: boolean };

export type FormMeta = {
  /** The form's title, repeated at the top of continuation pages. */
  title: string;
  /** Shown in the footer and encoded in the QR code: the archive's SHA-256 (hex). */
  fingerprint: string;
  /** Footer label before the fingerprint, e.g. 档案指纹. */
  fingerprintLabel: string;
  /** What the fingerprint is of, in the QR code `dossier:<kind>:sha256:<hex>`: the archive unless said otherwise. */
  fingerprintKind?: string;
  /** Page x of y in the form's language. */
  pageLabel: (page: number, pages: number) => string;
  /**
   * A draft's mark (e.g. 草稿 with why): said at the top of every page and stamped across it, so a sheet
   * printed before its figures are complete cannot pass for the one to be sealed. None on a final form.
   */
  draft?: { mark: string; note: string };
};

type Embedded = { chain: LoadedFont[]; pdfFonts: (PDFFont | null)[] };

export class FormDoc {
  readonly pdf: PDFDocument;
  private readonly fonts: Record<FontStyle, Embedded>;
  /** Advance widths (in em) and the index in the font chain of each code point drawn, per style. */
  private readonly widthCache: Record<FontStyle, Map<number, number>> = { regular: new Map(), bold: new Map() };
  private readonly fontIndexCache: Record<FontStyle, Map<number, number>> = { regular: new Map(), bold: new Map() };
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
    this.fonts = {
      regular: { chain: fontChain('regular'), pdfFonts: [] },
      bold: { chain: fontChain('bold'), pdfFonts: [] },
    };
  }

  static async create(meta: FormMeta): Promise<FormDoc> {
    // No dates and no random font tags: the same archive must give the same bytes (hashes in the package).
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(pdfLibFontkit as never);
    pdf.setTitle(meta.draft ? `${meta.title}（${meta.draft.mark}）` : meta.title, { showInWindowTitleBar: true });
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
      font = await this.pdf.embedFont(bytes, {
        subset: true,
        customName: `${tag}+${file.replace(/\.\w+$/, '')}`,
        features: PLAIN_FEATURES,
      });
      embedded.pdfFonts[index] = font;
    }
    return font;
  }

  /** Width of text at a size, measured with the font that will draw each character. */
  measure(text: string, size: number, style: FontStyle = 'regular'): number {
    // Hot (every token of every line): code points as keys, no strings made.
    const cache = this.widthCache[style];
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      let w = cache.get(cp);
      if (w === undefined) {
        const chain = this.fonts[style].chain;
        const loaded = chain.find((f) => f.font.hasGlyphForCodePoint(cp)) ?? chain[0]!;
        const glyphRun = loaded.font.layout(
          loaded.font.hasGlyphForCodePoint(cp) ? String.fromCodePoint(cp) : MISSING_MARK,
        );
        w = glyphRun.advanceWidth / loaded.font.unitsPerEm;
        cache.set(cp, w);
      }
      total += w;
    }
    return total * size;
  }

  /** True when the first font of the style's chain has every character of `text` (the usual case). */
  private allPrimary(text: string, style: FontStyle): boolean {
    const cache = this.fontIndexCache[style];
    const primary = this.fonts[style].chain[0]!.font;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      let index = cache.get(cp);
      if (index === undefined) {
        index = primary.hasGlyphForCodePoint(cp) ? 0 : -1;
        cache.set(cp, index);
      }
      if (index !== 0) return false;
    }
    return true;
  }

  lines(text: string, width: number, size = BODY, style: FontStyle = 'regular'): string[] {
    return breakLines(text, width, (s) => this.measure(s, size, style));
  }

  /** Draws one line with its top at `top` (from the page top); characters no font has become 〓. */
  async drawLine(text: string, x: number, top: number, size = BODY, style: FontStyle = 'regular', grey = false) {
    const baseline = A4.height - top - size * 0.88 - ((LINE - 1) * size) / 2;
    let cursor = x;
    const clean = sanitize(text);
    const runs = this.allPrimary(clean, style) ? [{ font: 0, text: clean }] : splitRuns(clean, this.fonts[style].chain);
    for (const run of runs) {
      let drawn = run.text;
      let index = run.font;
      if (index === -1) {
        for (const ch of run.text) this.missing.add(ch);
        drawn = MISSING_MARK.repeat([...run.text].length);
        index = 0;
      }
      const font = await this.pdfFont(style, index);
      const color = grey ? GREY : BLACK;
      if (COMBINING.test(drawn)) {
        await this.drawClusters(drawn, { x: cursor, baseline, size, style, index, font, color });
      } else {
        this.page.drawText(drawn, { x: cursor, y: baseline, size, font, color });
      }
      cursor += this.measure(drawn, size, style);
    }
  }

  /** The page's resource name of an embedded font (drawText names it itself; raw text operators need it). */
  private readonly fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
  private fontKey(font: PDFFont): PDFName {
    let keys = this.fontKeys.get(this.page);
    if (!keys) this.fontKeys.set(this.page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) keys.set(font, (key = this.page.node.newFontDictionary(font.name, font.ref)));
    return key;
  }

  /**
   * A run with combining marks, cluster by cluster: clusters without marks in one piece, each one with
   * marks placed by fontkit's shaping (fonts.ts placeCluster), so that ε̇ has its dot on the ε.
   */
  private async drawClusters(
    text: string,
    at: { x: number; baseline: number; size: number; style: FontStyle; index: number; font: PDFFont; color: RGB },
  ): Promise<void> {
    const { baseline, size, style, font, color } = at;
    const fkFont = this.fonts[style].chain[at.index]!.font;
    let x = at.x;
    let plain = '';
    const flush = () => {
      if (plain === '') return;
      this.page.drawText(plain, { x, y: baseline, size, font, color });
      x += this.measure(plain, size, style);
      plain = '';
    };
    for (const { segment } of CLUSTERS.segment(text)) {
      if (!COMBINING.test(segment)) {
        plain += segment;
        continue;
      }
      flush();
      // One text object for the cluster, each glyph moved to its place from the one before (Td): text
      // extraction reads base and mark as one line, as it reads a precomposed letter.
      const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setFillingColor(color)];
      ops.push(setFontAndSize(this.fontKey(font), size));
      let at = { x: 0, y: 0 };
      for (const glyph of placeCluster(fkFont, segment)) {
        const to = { x: x + glyph.x * size, y: baseline + glyph.y * size };
        ops.push(moveText(to.x - at.x, to.y - at.y), showText(font.encodeText(glyph.text)));
        at = to;
      }
      this.page.pushOperators(...ops, endText(), popGraphicsState());
      x += this.measure(segment, size, style);
    }
    flush();
  }

  lineHeight(size = BODY): number {
    return size * LINE;
  }

  get bottom(): number {
    return A4.height - MARGIN.bottom;
  }

  /** The height a page offers between its top margin and the footer. */
  get room(): number {
    return this.bottom - MARGIN.top;
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

  /**
   * A flowing paragraph; continues on the next page when it reaches the bottom. `keepWith`: its last two
   * lines go to the next page unless this much room is left below them — what follows (a signature, the
   * unit's box) is never alone on a page, and never cut from the text it signs.
   */
  async paragraph(
    text: string,
    opts: { size?: number; indent?: number; bold?: boolean; grey?: boolean; keepWith?: number } = {},
  ) {
    const size = opts.size ?? BODY;
    const style: FontStyle = opts.bold ? 'bold' : 'regular';
    const indent = opts.indent ?? 0;
    const lines = this.lines(text, this.width - indent, size, style);
    for (const [i, line] of lines.entries()) {
      const tail = (lines.length - i) * this.lineHeight(size);
      if (opts.keepWith && i === Math.max(0, lines.length - 2) && tail + opts.keepWith <= this.room) {
        this.ensure(tail + opts.keepWith);
      }
      this.ensure(this.lineHeight(size));
      await this.drawLine(line, this.left + indent, this.y, size, style, opts.grey);
      this.y += this.lineHeight(size);
    }
  }

  /**
   * A bordered table row. Cells wrap; the row is as tall as its tallest cell (at least `minHeight`). A row
   * that does not fit continues on the next page, its text split by lines, so nothing is ever cut off.
   */
  async row(cells: Cell[], opts: RowOptions = {}): Promise<void> {
    const size = opts.size ?? BODY;
    const lh = this.lineHeight(size);
    const widths = this.cellWidths(cells);
    let pending = this.cellLines(cells, widths, size);
    let minHeight = opts.minHeight ?? 0;
    const whole = Math.max(minHeight, Math.max(...pending.map((l) => l.length)) * lh + 2 * PAD);
    if (opts.keep && whole > this.bottom - this.y && whole <= KEEP_MAX) await this.pageBreak();
    else if (opts.keepWith && whole + opts.keepWith > this.bottom - this.y && whole + opts.keepWith <= this.room) {
      await this.pageBreak();
    }
    for (;;) {
      const need = Math.max(minHeight, Math.max(...pending.map((l) => l.length)) * lh + 2 * PAD);
      const room = this.bottom - this.y;
      if (need > room && room < 2 * lh + 2 * PAD + 1) {
        await this.pageBreak();
        continue;
      }
      // All lines when the row fits (no floor() of a float quotient that may fall just short of a whole).
      const most = Math.max(...pending.map((l) => l.length));
      const fitLines = need <= room ? most : Math.max(1, Math.floor((room - 2 * PAD) / lh + 1e-6));
      const height = need <= room ? need : fitLines * lh + 2 * PAD;
      this.cellBorders(cells, widths, height);
      let x = this.left;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        const w = widths[i]!;
        const shown = pending[i]!.slice(0, fitLines);
        const style: FontStyle = cell.bold ? 'bold' : 'regular';
        // Labels and short values sit in the vertical middle of the cell, as printed forms do.
        const middle = need <= room && cell.valign !== 'top';
        let top = this.y + PAD + (middle ? (height - 2 * PAD - shown.length * lh) / 2 : 0);
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
      // The part on the next page says whose row it is: a cell whose text is drawn shows its `cont`.
      pending = pending.map((l, i) => {
        const cont = cells[i]!.cont;
        return l.length === 0 && cont
          ? this.lines(cont, widths[i]! - 2 * PAD, size, cells[i]!.bold ? 'bold' : 'regular')
          : l;
      });
      minHeight = 0;
      await this.pageBreak();
    }
  }

  /** The shading of label cells and every cell's border: one path per row (drawn per cell, it was most of a form's operators). */
  private cellBorders(cells: Cell[], widths: number[], height: number): void {
    const y = A4.height - this.y - height;
    const shaded: PDFOperator[] = [];
    const borders: PDFOperator[] = [];
    let x = this.left;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.label) shaded.push(rectangle(x, y, widths[i]!, height));
      borders.push(rectangle(x, y, widths[i]!, height));
      x += widths[i]!;
    }
    this.page.pushOperators(
      pushGraphicsState(),
      ...(shaded.length ? [setFillingRgbColor(0.95, 0.95, 0.95), ...shaded, fill()] : []),
      setStrokingRgbColor(0, 0, 0),
      setLineWidth(0.6),
      ...borders,
      stroke(),
      popGraphicsState(),
    );
  }

  private cellWidths(cells: Cell[]): number[] {
    const total = cells.reduce((s, c) => s + c.span, 0);
    return cells.map((c) => (c.span / total) * this.width);
  }

  private cellLines(cells: Cell[], widths: number[], size: number): string[][] {
    return cells.map((c, i) => this.lines(c.text, widths[i]! - 2 * PAD, size, c.bold ? 'bold' : 'regular'));
  }

  /** The height a row takes when it is not split: to keep a heading with what follows it. */
  measureRow(cells: Cell[], opts: RowOptions = {}): number {
    const size = opts.size ?? BODY;
    const lines = this.cellLines(cells, this.cellWidths(cells), size);
    return Math.max(opts.minHeight ?? 0, Math.max(...lines.map((l) => l.length)) * this.lineHeight(size) + 2 * PAD);
  }

  /** The header row repeated at the top of each page a table continues on (tableHeader … endTable). */
  private repeat: { cells: Cell[]; opts: RowOptions } | null = null;

  /** A new page inside a flow: the current table's header row is drawn again at its top. */
  private async pageBreak(): Promise<void> {
    this.newPage();
    const header = this.repeat;
    if (!header) return;
    this.repeat = null;
    await this.row(header.cells, header.opts);
    this.repeat = header;
  }

  /** Draws a table's header row, and again on every page the table continues on until `endTable`. */
  async tableHeader(cells: Cell[], opts: RowOptions = {}): Promise<void> {
    this.repeat = null;
    await this.row(cells, { ...opts, keep: true });
    this.repeat = { cells, opts };
  }

  endTable(): void {
    this.repeat = null;
  }

  /**
   * A section heading: a shaded full-width row in bold. It ends the table before it, and never stays alone
   * at the bottom of a page: it moves to the next page unless `keepWith` more points fit below it.
   */
  async heading(text: string, opts: { keepWith?: number; size?: number } = {}): Promise<void> {
    this.endTable();
    const cells: Cell[] = [{ text, span: 1, bold: true, label: true }];
    this.ensure(this.measureRow(cells, opts) + (opts.keepWith ?? 0));
    await this.row(cells, { size: opts.size });
  }

  /** A horizontal line at `top` (from the page top), e.g. a blank to write on. */
  rule(x: number, width: number, top: number, thickness = 0.6): void {
    const y = A4.height - top;
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness, color: BLACK });
  }

  /** A check box sized and centred for a text line of `size` whose top is at `top`; returns its width. */
  checkbox(x: number, top: number, checked: boolean, size = BODY): number {
    const side = size * 0.8;
    const y = A4.height - top - this.lineHeight(size) / 2 - side / 2;
    this.page.drawRectangle({ x, y, width: side, height: side, borderColor: BLACK, borderWidth: 0.6 });
    if (checked) {
      const at = (fx: number, fy: number) => ({ x: x + side * fx, y: y + side * fy });
      this.page.drawLine({ start: at(0.18, 0.52), end: at(0.42, 0.24), thickness: 1.1, color: BLACK });
      this.page.drawLine({ start: at(0.42, 0.24), end: at(0.86, 0.84), thickness: 1.1, color: BLACK });
    }
    return side;
  }

  /**
   * One line of text, underlined blanks (with optional text centred in them) and check boxes, from `x` on a
   * line whose top is `top` (default: the cursor; the cursor does not move). No wrapping: the parts must
   * fit. Returns the x where the line ends.
   */
  async inline(parts: InlinePart[], opts: { x?: number; top?: number; size?: number; bold?: boolean } = {}) {
    const size = opts.size ?? BODY;
    const style: FontStyle = opts.bold ? 'bold' : 'regular';
    const top = opts.top ?? this.y;
    let x = opts.x ?? this.left;
    for (const part of parts) {
      if (typeof part === 'string') {
        await this.drawLine(part, x, top, size, style);
        x += this.measure(part, size, style);
      } else if ('blank' in part) {
        this.rule(x, part.blank, top + size * 1.3, 0.5);
        if (part.text) {
          const w = this.measure(part.text, size, style);
          await this.drawLine(part.text, x + Math.max(0, (part.blank - w) / 2), top, size, style);
        }
        x += part.blank;
      } else {
        x += this.checkbox(x + size * 0.15, top, part.check, size) + size * 0.4;
      }
    }
    return x;
  }

  /**
   * A bordered box for a handwritten opinion, not split unless taller than a page: the label in a shaded
   * cell on the left; printed `text` (wrapped) and `lines` (one inline line each, e.g. a vote to fill in)
   * at the top of the writing space; `sign` lines (signature, seal, date) right-aligned at its bottom.
   */
  async opinionBox(
    label: string,
    opts: {
      height: number;
      text?: string;
      lines?: InlinePart[][];
      sign?: string[];
      labelWidth?: number;
      size?: number;
    },
  ): Promise<void> {
    const size = opts.size ?? BODY;
    const lh = this.lineHeight(size);
    const lines = opts.lines ?? [];
    const sign = opts.sign ?? [];
    const labelWidth = opts.labelWidth ?? 4 * size + 2 * PAD;
    const cells: Cell[] = [
      { text: label, span: labelWidth, label: true, align: 'center' },
      { text: opts.text ?? '', span: this.width - labelWidth, valign: 'top' },
    ];
    const textLines = opts.text ? this.lines(opts.text, this.width - labelWidth - 2 * PAD, size).length : 0;
    const content = (textLines + lines.length * 1.6 + sign.length + 1.5) * lh + 2 * PAD;
    const rowOpts = { size, minHeight: Math.max(opts.height, content) };
    this.ensure(this.measureRow(cells, rowOpts));
    const top = this.y;
    await this.row(cells, rowOpts);
    const x = this.left + labelWidth + PAD;
    for (const [i, line] of lines.entries()) {
      await this.inline(line, { x, top: top + PAD + (textLines + 0.3 + i * 1.6) * lh, size });
    }
    const right = this.left + this.width - 2 * size;
    for (const [i, line] of sign.entries()) {
      const lineTop = this.y - PAD - (sign.length - i) * lh - lh / 3;
      await this.drawLine(line, right - this.measure(line, size), lineTop, size);
    }
  }

  /** Vertical space. */
  gap(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  /**
   * A draft's mark on the current page: 「草稿」 and why at the top right, in the margin above the form, and
   * the word stamped large and faint across the middle. Drawn with the form's own bold font (embedded, so
   * every reader shows it), last, so nothing drawn before hides it.
   */
  private async drawDraftMark(draft: { mark: string; note: string }): Promise<void> {
    const size = 9;
    const head = `${draft.mark}　${draft.note}`;
    const width = this.measure(head, size, 'bold');
    const right = A4.width - MARGIN.right;
    const top = 22;
    const baseline = A4.height - top - size * 0.88 - ((LINE - 1) * size) / 2;
    // The mark's words are the project's own: the primary font has every one of them.
    const font = await this.pdfFont('bold', 0);
    this.page.drawText(head, { x: right - width, y: baseline, size, font, color: DRAFT_RED });
    const { size: big, opacity, angle } = DRAFT_STAMP;
    const w = this.measure(draft.mark, big, 'bold');
    const rad = (angle * Math.PI) / 180;
    // The stamp's middle at the page's middle: start half its length back along its slope.
    const x = A4.width / 2 - (Math.cos(rad) * w) / 2 + Math.sin(rad) * big * 0.4;
    const y = A4.height / 2 - (Math.sin(rad) * w) / 2 - Math.cos(rad) * big * 0.4;
    this.page.drawText(draft.mark, { x, y, size: big, font, color: DRAFT_RED, opacity, rotate: degrees(angle) });
  }

  /**
   * Finishes the document: a running title on continuation pages, and on every page the footer with the
   * page number, the fingerprint and its QR code. Returns the PDF bytes.
   */
  async finish(): Promise<Uint8Array> {
    const pages = this.pdf.getPages();
    const fp = this.meta.fingerprint;
    const short = fp.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
    const qrSize = 34;
    // The QR code is the same on every page: drawn once as a form XObject that each page places (drawn on
    // each page, its hundreds of squares were most of a long form's operators).
    const qrPdf = await PDFDocument.create({ updateMetadata: false });
    const qrPage = qrPdf.addPage([qrSize, qrSize]);
    drawQr(qrPage, `dossier:${this.meta.fingerprintKind ?? 'archive'}:sha256:${fp}`, 0, 0, qrSize);
    const qr = await this.pdf.embedPage(qrPage);
    for (const [index, page] of pages.entries()) {
      this.page = page;
      if (this.pendingHeaders.includes(page)) {
        await this.drawLine(`${this.meta.title}（续）`, this.left, 22, 8, 'regular', true);
      }
      const footerTop = A4.height - MARGIN.bottom + 14;
      await this.drawLine(this.meta.pageLabel(index + 1, pages.length), this.left, footerTop, 8, 'regular', true);
      const label = `${this.meta.fingerprintLabel} ${short}`;
      const lw = this.measure(label, 8);
      await this.drawLine(label, A4.width - MARGIN.right - qrSize - 6 - lw, footerTop, 8, 'regular', true);
      page.drawPage(qr, { x: A4.width - MARGIN.right - qrSize, y: 10 });
      if (this.meta.draft) await this.drawDraftMark(this.meta.draft);
    }
    return this.pdf.save({ useObjectStreams: false });
  }
}
