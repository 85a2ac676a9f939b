// Blocks the official forms share, drawn with FormDoc's public primitives: opinion boxes with 「（盖章）」 and
// 「年　月　日」 at the bottom right (附件3, 附件4), tables with merged cells (the vertical group labels of
// 附件4, the two-row 何年何校何专业毕业 cell of 附件3), blanks and signature lines. The date style of the forms
// is in ../facts.ts.
// Functions taking the FormDoc rather than methods on it, so that forms can share them without touching
// formDoc.ts.
import { rgb, type PDFPage } from 'pdf-lib';
import { A4, BODY, type Cell, type FormDoc } from './formDoc.js';

/** FormDoc's cell padding (formDoc.ts PAD), which it does not export. */
const PAD = 4;
const BLACK = rgb(0, 0, 0);
/** The light shading FormDoc gives label cells. */
const LABEL_FILL = rgb(0.95, 0.95, 0.95);
const WHITE = rgb(1, 1, 1);

export const SEAL = '（盖章）';
/** The date line left for the hand that signs. */
export const DATE_BLANK = '年　　月　　日';

/** A blank to fill in by hand inside a sentence (a figure of F-4 not entered yet). */
export const blank = (chars = 4): string => '_'.repeat(chars);

/** Usable height of a page between the top margin and the footer. */
const pageRoom = (doc: FormDoc): number => doc.room;

/** The x position and width of each cell, split as FormDoc.row splits them. */
export function columns(doc: FormDoc, cells: readonly Pick<Cell, 'span'>[]): { x: number; w: number }[] {
  const total = cells.reduce((s, c) => s + c.span, 0);
  let x = doc.left;
  return cells.map((c) => {
    const w = (c.span / total) * doc.width;
    const col = { x, w };
    x += w;
    return col;
  });
}

/** The height FormDoc.row gives a row that fits on the page. */
export const rowHeight = (doc: FormDoc, cells: Cell[], minHeight = 0, size = BODY): number =>
  doc.measureRow(cells, { minHeight, size });

/** Draws on another page than the current one (an earlier page of a table), then returns to the current. */
async function onPage(doc: FormDoc, page: PDFPage, draw: () => Promise<void>): Promise<void> {
  const current = doc.page;
  doc.page = page;
  try {
    await draw();
  } finally {
    doc.page = current;
  }
}

/** Wrapped text in a box from `top` (from the page top), left or centered. */
async function textIn(
  doc: FormDoc,
  text: string,
  box: { x: number; w: number; top: number },
  opts: { align?: 'left' | 'center' | 'right'; bold?: boolean; size?: number } = {},
): Promise<number> {
  const size = opts.size ?? BODY;
  const style = opts.bold ? 'bold' : 'regular';
  let top = box.top;
  for (const line of doc.lines(text, box.w - 2 * PAD, size, style)) {
    const lw = doc.measure(line, size, style);
    const x =
      opts.align === 'center'
        ? box.x + (box.w - lw) / 2
        : opts.align === 'right'
          ? box.x + box.w - PAD - lw
          : box.x + PAD;
    await doc.drawLine(line, x, top, size, style);
    top += doc.lineHeight(size);
  }
  return top;
}

export interface OpinionBox {
  /** Share of the row's width taken by the box (and its label cell). */
  span: number;
  /** A label cell left of the box, e.g. 所在单位意见 (narrow: the text stands vertically as on 附件3). */
  label?: string;
  labelSpan?: number;
  /** A heading inside the box at its top left, e.g. 市（厅、局、总公司）人事部门意见： */
  heading?: string;
  /** A line at the bottom left, e.g. 单位负责人（签字）： */
  signature?: string;
  /** 「（盖章）」 above the date; true unless said otherwise. */
  seal?: boolean;
}

/**
 * A row of opinion boxes (意见栏): blank room for the hand-written opinion, then at the bottom right
 * 「（盖章）」 and 「年　月　日」 as the official forms print them. The row is kept whole on one page.
 */
export async function opinionRow(doc: FormDoc, boxes: OpinionBox[], height = 120): Promise<void> {
  const { cells, boxIndex, h } = opinionLayout(doc, boxes, height);
  doc.ensure(h);
  const top = doc.y;
  await doc.row(cells, { minHeight: h });
  const bottom = top + h;
  const lh = doc.lineHeight();
  const cols = columns(doc, cells);
  for (const [i, box] of boxes.entries()) {
    const col = cols[boxIndex[i]!]!;
    if (box.heading) await textIn(doc, box.heading, { x: col.x, w: col.w, top: top + PAD });
    const dateTop = bottom - PAD - lh - 2;
    const dateW = doc.measure(DATE_BLANK, BODY);
    const dateX = col.x + col.w - PAD - dateW - Math.min(2 * BODY, col.w / 10);
    await doc.drawLine(DATE_BLANK, dateX, dateTop);
    if (box.seal !== false) {
      const sealW = doc.measure(SEAL, BODY);
      await doc.drawLine(SEAL, dateX + (dateW - sealW) / 2, dateTop - lh - 2);
    }
    if (box.signature) await doc.drawLine(box.signature, col.x + PAD + BODY, dateTop - 2 * lh - 4);
  }
}

/** The height an opinion row takes (opinionRow), e.g. to keep the text before it on its page. */
export const opinionRowHeight = (doc: FormDoc, boxes: OpinionBox[], height = 120): number =>
  opinionLayout(doc, boxes, height).h;

/** An opinion row's cells, where its boxes are among them, and its height. */
function opinionLayout(doc: FormDoc, boxes: OpinionBox[], height: number) {
  const cells: Cell[] = [];
  const boxIndex: number[] = [];
  for (const box of boxes) {
    if (box.label !== undefined) {
      cells.push({ text: box.label, span: box.labelSpan ?? 1, label: true, align: 'center' });
    }
    boxIndex.push(cells.length);
    cells.push({ text: '', span: box.span });
  }
  const lh = doc.lineHeight();
  const headings = boxes.map((b, i) =>
    b.heading ? doc.lines(b.heading, columns(doc, cells)[boxIndex[i]!]!.w - 2 * PAD).length : 0,
  );
  // Room for the heading, at least two lines to write in, and the signature, seal and date lines.
  const least = Math.max(...headings) * lh + 2 * lh + 3 * lh + 2 * PAD;
  const h = Math.min(Math.max(height, least, rowHeight(doc, cells)), pageRoom(doc));
  return { cells, boxIndex, h };
}

/** A cell spanning `rows` rows of a table from row `row`, at column `col` of those rows (aligned columns). */
export interface Merge {
  row: number;
  rows: number;
  col: number;
  cell: Cell;
}

type Place = { page: PDFPage; top: number; bottom: number } | null;

/**
 * A table of FormDoc rows with merged cells. Rows are drawn by FormDoc.row (so they grow with their text);
 * a merged cell's rows are kept on one page when they fit on one, and the merged cell is then painted over
 * the cells it covers. A group taller than a page is merged page by page. A row taller than a page (split
 * by FormDoc.row) ends a merge part. Repeated heading rows stand outside the merges.
 */
export async function table(
  doc: FormDoc,
  rows: Cell[][],
  opts: {
    merges?: Merge[];
    minHeights?: (number | undefined)[];
    size?: number;
    /** A row's own size, e.g. a table of people in 9 pt under a sentence in the body size. */
    sizes?: (number | undefined)[];
    /** Rows (the column headings) repeated at the top of each further page the table reaches. */
    repeat?: number[];
  } = {},
): Promise<void> {
  const size = opts.size ?? BODY;
  const sizeOf = (r: number) => opts.sizes?.[r] ?? size;
  const merges = opts.merges ?? [];
  const covered = new Set(merges.flatMap((m) => range(m.row, m.rows).map((r) => `${r}:${m.col}`)));
  const shown = rows.map((cells, r) =>
    cells.map((c, col) => (covered.has(`${r}:${col}`) ? { text: '', span: c.span, label: c.label ?? false } : c)),
  );
  const heights = shown.map((cells, r) => rowHeight(doc, cells, opts.minHeights?.[r] ?? 0, sizeOf(r)));
  // A merged cell's text needs room across its rows; the last row takes what is missing.
  for (const m of merges) {
    const col = columns(doc, rows[m.row]!)[m.col]!;
    const need = doc.lines(m.cell.text, col.w - 2 * PAD, size, m.cell.bold ? 'bold' : 'regular').length;
    const have = range(m.row, m.rows).reduce((s, r) => s + heights[r]!, 0);
    const want = need * doc.lineHeight(size) + 2 * PAD;
    if (want > have) heights[m.row + m.rows - 1]! += want - have;
  }
  const repeat = opts.repeat ?? [];
  const repeatHeight = repeat.reduce((s, i) => s + heights[i]!, 0);
  const places: Place[] = [];
  for (const [r, cells] of shown.entries()) {
    const before = doc.page;
    for (const m of merges) {
      if (m.row !== r) continue;
      const group = range(m.row, m.rows).reduce((s, i) => s + heights[i]!, 0);
      if (group <= pageRoom(doc)) doc.ensure(group);
    }
    if (heights[r]! <= pageRoom(doc)) doc.ensure(heights[r]!);
    // A new page: the column headings again above the rows that continue there.
    if (doc.page !== before && repeat.length > 0 && r > Math.max(...repeat)) {
      if (repeatHeight + heights[r]! <= pageRoom(doc)) {
        for (const i of repeat) await doc.row(shown[i]!, { minHeight: heights[i]!, size: sizeOf(i) });
        doc.ensure(heights[r]!);
      }
    }
    const page = doc.page;
    const top = doc.y;
    await doc.row(cells, { minHeight: heights[r]!, size: sizeOf(r) });
    places.push(doc.page === page ? { page, top, bottom: doc.y } : null);
  }
  for (const m of merges) {
    const col = columns(doc, rows[m.row]!)[m.col]!;
    const parts: NonNullable<Place>[] = [];
    for (const r of range(m.row, m.rows)) {
      const place = places[r];
      const last = parts[parts.length - 1];
      if (!place) continue;
      if (last && last.page === place.page && Math.abs(last.bottom - place.top) < 0.01) last.bottom = place.bottom;
      else parts.push({ ...place });
    }
    for (const part of parts) {
      part.page.drawRectangle({
        x: col.x,
        y: A4.height - part.bottom,
        width: col.w,
        height: part.bottom - part.top,
        color: m.cell.label ? LABEL_FILL : WHITE,
        borderColor: BLACK,
        borderWidth: 0.6,
      });
    }
    // The text stands in every part it fits in (a reader of any page sees whose rows they are), and at
    // least in the tallest part.
    const style = m.cell.bold ? 'bold' : 'regular';
    const textHeight = doc.lines(m.cell.text, col.w - 2 * PAD, size, style).length * doc.lineHeight(size);
    const fits = parts.filter((p) => textHeight + 2 * PAD <= p.bottom - p.top + 0.01);
    const tallest = parts.reduce<NonNullable<Place> | null>(
      (a, b) => (a && a.bottom - a.top >= b.bottom - b.top ? a : b),
      null,
    );
    for (const part of fits.length > 0 ? fits : tallest ? [tallest] : []) {
      const textTop = part.top + Math.max(PAD, (part.bottom - part.top - textHeight) / 2);
      await onPage(doc, part.page, async () => {
        await textIn(
          doc,
          m.cell.text,
          { x: col.x, w: col.w, top: textTop },
          { align: m.cell.align, bold: m.cell.bold, size },
        );
      });
    }
  }
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

const signLine = (doc: FormDoc) => doc.lineHeight() + 6;

/** The height signOff takes with its gap: the text it signs keeps this much room below its last lines. */
export const signOffHeight = (doc: FormDoc, lines: number, gapBefore = 12): number => gapBefore + lines * signLine(doc);

/**
 * Lines set at the right of the page, e.g. 「申报人（签名）：＿＿＿」 over 「年　月　日」, kept together on one
 * page and ending at the same right edge, as signed paper has them.
 */
export async function signOff(doc: FormDoc, lines: string[], gapBefore = 12): Promise<void> {
  const lh = signLine(doc);
  doc.gap(gapBefore);
  doc.ensure(lines.length * lh);
  const right = doc.left + doc.width - 2 * BODY;
  for (const line of lines) {
    await doc.drawLine(line, right - doc.measure(line, BODY), doc.y);
    doc.y += lh;
  }
}
