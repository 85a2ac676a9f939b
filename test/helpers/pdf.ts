// Reading generated PDFs the way their readers will: text as poppler's pdftotext extracts it, word boxes,
// fonts per line (MuPDF's structured text), and pages rendered by two independent renderers — poppler's
// pdftoppm and MuPDF's mutool — on a machine without CJK system fonts, so that a broken embedded font
// cannot hide behind a system one (shared/design/pitfalls.md). Needs poppler-utils and mupdf-tools.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

type Run = { stdout: Buffer; stderr: string; code: number };

/** Runs a command, feeding `input` on stdin; never throws for a non-zero exit (the caller decides). */
function run(cmd: string, args: string[], input?: Uint8Array): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1 }),
    );
    child.stdin.on('error', () => {}); // a tool that exits early closes its stdin; its exit code tells
    child.stdin.end(input ? Buffer.from(input) : undefined);
  });
}

async function ok(cmd: string, args: string[], input?: Uint8Array): Promise<Run> {
  const result = await run(cmd, args, input);
  if (result.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.code}: ${result.stderr}`);
  return result;
}

/**
 * The text poppler extracts (`pdftotext -layout - -` by default). 'raw' keeps the content-stream order,
 * so that a value wrapped over several lines of a table cell comes out in one piece (layout mode
 * interleaves the lines of neighbouring cells). Pages are separated by form feeds.
 */
export async function pdfText(
  bytes: Uint8Array,
  opts: { mode?: 'layout' | 'raw'; first?: number; last?: number } = {},
): Promise<string> {
  const args = [opts.mode === 'raw' ? '-raw' : '-layout', '-enc', 'UTF-8'];
  if (opts.first) args.push('-f', String(opts.first));
  if (opts.last) args.push('-l', String(opts.last));
  return (await ok('pdftotext', [...args, '-', '-'], bytes)).stdout.toString('utf8');
}

/** Text with all whitespace removed: to look for a value whatever the line breaks of its cell. */
export const squash = (text: string): string => text.replace(/\s+/gu, '');

export type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
export type PageWords = { width: number; height: number; words: Word[] };

/** Every word poppler finds, with its box in points from the page's top left (`pdftotext -bbox`). */
export async function pdfWords(bytes: Uint8Array): Promise<PageWords[]> {
  const html = (await ok('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], bytes)).stdout.toString('utf8');
  const pages: PageWords[] = [];
  const tag =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(tag)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else pages.at(-1)?.words.push({ text: unescapeXml(m[7]!), xMin: +m[3]!, yMin: +m[4]!, xMax: +m[5]!, yMax: +m[6]! });
  }
  return pages;
}

export type TextLine = { page: number; font: string; size: number; text: string };

/** Lines of text with the font that draws them, as MuPDF reads them (`mutool draw -F stext`). */
export async function textLines(bytes: Uint8Array): Promise<TextLine[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-stext-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const xml = (await ok('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', file])).stdout.toString('utf8');
    const lines: TextLine[] = [];
    let page = 0;
    const tag = /<page id="page(\d+)"|<font name="([^"]*)" size="([\d.]+)">|<char [^>]*c="([^"]*)"\/>|<\/font>/g;
    let current: TextLine | null = null;
    for (const m of xml.matchAll(tag)) {
      if (m[1]) page = Number(m[1]);
      else if (m[2] !== undefined) current = { page, font: m[2], size: Number(m[3]), text: '' };
      else if (m[4] !== undefined && current) current.text += unescapeXml(m[4]);
      else if (current) {
        lines.push(current);
        current = null;
      }
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

export type PageImage = {
  page: number;
  /** Some pixel is not white. */
  nonWhite: boolean;
  /** Share of dark pixels (< 50% grey). */
  ink: number;
  /** Words poppler's text layer has on the page, and those whose box the renderer left blank: a font the renderer cannot use draws nothing where its text is. */
  words: number;
  blankWords: string[];
};

export type RenderCheck = {
  poppler: PageImage[];
  mupdf: PageImage[];
  /** Every stderr line of both renderers, but MuPDF's "ICC support is not available" (a build option). */
  warnings: string[];
  /** The warnings that mention a font, an error or something invalid: a test fails on any. */
  problems: string[];
};

const IGNORED = [/ICC support is not available/i];

/** Renders every page with pdftoppm and with mutool draw (default 50 dpi) and reports what each drew. */
export async function renderCheck(bytes: Uint8Array, opts: { dpi?: number } = {}): Promise<RenderCheck> {
  const dpi = String(opts.dpi ?? 50);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-render-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const words = await pdfWords(bytes);
    const [poppler, mupdf] = await Promise.all([
      ok('pdftoppm', ['-r', dpi, '-png', file, path.join(dir, 'p')]),
      ok('mutool', ['draw', '-q', '-r', dpi, '-o', path.join(dir, 'm-%d.png'), file]),
    ]);
    const warnings = [...poppler.stderr.split('\n'), ...mupdf.stderr.split('\n')]
      .map((l) => l.trim())
      .filter((l) => l && !IGNORED.some((re) => re.test(l)));
    return {
      poppler: await pageImages(dir, 'p-', words, Number(dpi)),
      mupdf: await pageImages(dir, 'm-', words, Number(dpi)),
      warnings,
      problems: warnings.filter((l) => /font|error|invalid/i.test(l)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PNGs `prefix`N.png of a folder in page order (pdftoppm pads N with zeros, mutool does not). */
function pagePngs(dir: string, prefix: string): { page: number; file: string }[] {
  return readdirSync(dir)
    .map((name) => ({ name, m: new RegExp(`^${escapeRegExp(prefix)}(\\d+)\\.png$`).exec(name) }))
    .filter((x) => x.m)
    .map((x) => ({ page: Number(x.m![1]), file: path.join(dir, x.name) }))
    .sort((a, b) => a.page - b.page);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function pageImages(dir: string, prefix: string, words: PageWords[], dpi: number): Promise<PageImage[]> {
  const images: PageImage[] = [];
  for (const { page, file } of pagePngs(dir, prefix)) {
    const { data, info } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    let dark = 0;
    let min = 255;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i]! < min) min = data[i]!;
      if (data[i]! < 128) dark++;
    }
    // Inside each word's box (inset, to keep clear of table borders), some pixel must carry ink.
    const scale = dpi / 72;
    const pageWords = words[page - 1]?.words ?? [];
    const blankWords = pageWords
      .filter((w) => {
        const insetX = (w.xMax - w.xMin) * 0.15;
        const insetY = (w.yMax - w.yMin) * 0.2;
        const x0 = Math.max(0, Math.floor((w.xMin + insetX) * scale));
        const x1 = Math.min(info.width - 1, Math.ceil((w.xMax - insetX) * scale));
        const y0 = Math.max(0, Math.floor((w.yMin + insetY) * scale));
        const y1 = Math.min(info.height - 1, Math.ceil((w.yMax - insetY) * scale));
        for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (at(x, y) < 200) return false;
        return true;
      })
      .map((w) => w.text);
    images.push({
      page,
      nonWhite: min < 250,
      ink: dark / (info.width * info.height),
      words: pageWords.length,
      blankWords,
    });
  }
  return images;
}

/** Writes `prefix`-N.png for every page (pdftoppm, default 80 dpi) into `dir`; returns the files in order. */
export async function writePagePngs(
  bytes: Uint8Array,
  dir: string,
  prefix: string,
  opts: { dpi?: number } = {},
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  for (const old of pagePngs(dir, `${prefix}-`)) rmSync(old.file);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-png-'));
  try {
    const file = path.join(tmp, 'in.pdf');
    writeFileSync(file, bytes);
    await ok('pdftoppm', ['-r', String(opts.dpi ?? 80), '-png', file, path.join(dir, prefix)]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return pagePngs(dir, `${prefix}-`).map((p) => p.file);
}
