// The fonts the forms are printed with, and which font draws which character.
//
// pdf-lib's bundled fontkit fork (@pdf-lib/fontkit 1.1) writes broken CJK CFF subsets: poppler reports an
// invalid font and draws nothing, MuPDF refuses it, while pdftotext still finds the text
// (shared/design/pitfalls.md). Upstream fontkit 2 subsets correctly; `pdfLibFontkit` adapts it to the
// interface pdf-lib expects. Source Han Sans SC covers GB 18030 and most name characters (𠮷 included);
// HanaMin subsets (resources/fonts/README.md) cover the Extension A–F characters it lacks.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { resourcesDir } from '../paths.js';

export type FontStyle = 'regular' | 'bold';

const PRIMARY: Record<FontStyle, string> = {
  regular: 'SourceHanSansSC-Regular.otf',
  bold: 'SourceHanSansSC-Bold.otf',
};
const FALLBACKS = ['HanaMinA-subset.ttf', 'HanaMinB-subset.ttf'];

/** Drawn for a character no shipped font has (the typesetter's 〓 for a missing glyph), and reported. */
export const MISSING_MARK = '〓';

/**
 * Where a font file lives: a packaged app copies Source Han Sans next to the HanaMin subsets in
 * resources/fonts; in a source checkout it is read from its npm package.
 */
function fontPath(file: string): string {
  const shipped = path.join(resourcesDir(), 'fonts', file);
  if (existsSync(shipped)) return shipped;
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('node-source-han-sans-sc/package.json')), file);
}

/**
 * A face the UI may fetch in full (issue 15; scripts/fonts/uiFonts.mjs declares them behind its subsets): the
 * very files the forms print with, by name — anything else is no font of ours.
 */
export function fullFontFile(name: string): string | null {
  return [...Object.values(PRIMARY), ...FALLBACKS].includes(name) ? fontPath(name) : null;
}

export type LoadedFont = { file: string; bytes: Uint8Array; font: Font };

const loaded = new Map<string, LoadedFont>();
function load(file: string): LoadedFont {
  let entry = loaded.get(file);
  if (!entry) {
    const bytes = readFileSync(fontPath(file));
    entry = { file, bytes, font: fontkit.create(bytes) as Font };
    loaded.set(file, entry);
  }
  return entry;
}

/** The fonts tried in order for one style: the style's own face, then the fallbacks. */
export function fontChain(style: FontStyle): LoadedFont[] {
  return [load(PRIMARY[style]), ...FALLBACKS.map(load)];
}

/** A run of text drawn with one font of the chain (`font` = index in the chain, -1 = no font has it). */
export type Run = { font: number; text: string };

/**
 * Splits text into runs by the first font of the chain that has each character. Characters no font has
 * come back as runs with font -1, for the caller to report and replace with MISSING_MARK.
 */
export function splitRuns(text: string, chain: LoadedFont[]): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let font = chain.findIndex((f) => f.font.hasGlyphForCodePoint(cp));
    // Variation selectors and joiners have no glyph of their own; they stay with the preceding character.
    if (font === -1 && isJoiner(cp) && runs.length > 0) font = runs[runs.length - 1]!.font;
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

const isJoiner = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x200d;

/** Characters of `text` that no font of the chain can draw, each once, in order of appearance. */
export function missingCharacters(text: string, chain = fontChain('regular')): string[] {
  const missing = new Set<string>();
  for (const run of splitRuns(text, chain)) if (run.font === -1) for (const ch of run.text) missing.add(ch);
  return [...missing];
}

/** A glyph of a shaped cluster: the characters it draws and where its origin goes, in em from the cluster's start. */
export type PlacedGlyph = { text: string; x: number; y: number };

/** Room between a base's ink and a mark placed above or below it when the font has no anchor for the pair. */
const MARK_GAP = 0.05;

/**
 * Where each glyph of a grapheme cluster with combining marks goes (ε̇, x̄): shaped by fontkit's layout with
 * the mark-positioning features, so a font's anchors place the mark on its base. pdf-lib draws code point
 * by code point with each glyph's own advance, which puts a zero-width mark wherever its outline was drawn —
 * in Source Han Sans, U+0307 sits right of its origin, over the next character. Where the font has no
 * anchor for the pair (no GPOS offset), the mark's ink is centred over the base's and lifted clear of it
 * (or lowered, for a mark below), each further mark above the one before. Marks the font lacks are left out.
 */
export function placeCluster(font: Font, cluster: string): PlacedGlyph[] {
  const upm = font.unitsPerEm;
  const run = font.layout(cluster, ['mark', 'mkmk']);
  const placed: PlacedGlyph[] = [];
  let pen = 0;
  let base: { x: number; bbox: { minX: number; maxX: number; minY: number; maxY: number } } | null = null;
  let above = 0;
  let below = 0;
  for (const [i, glyph] of run.glyphs.entries()) {
    const pos = run.positions[i]!;
    const text = String.fromCodePoint(...glyph.codePoints);
    if (glyph.id === 0 && i > 0) continue;
    const isMark = i > 0 && /^\p{M}+$/u.test(text);
    if (!isMark || !base) {
      placed.push({ text, x: (pen + pos.xOffset) / upm, y: pos.yOffset / upm });
      const bbox = glyph.bbox;
      base = { x: pen + pos.xOffset, bbox };
      above = bbox.maxY;
      below = bbox.minY;
    } else if (pos.xOffset !== 0 || pos.yOffset !== 0) {
      placed.push({ text, x: (pen + pos.xOffset) / upm, y: pos.yOffset / upm });
    } else {
      const m = glyph.bbox;
      const x = base.x + (base.bbox.minX + base.bbox.maxX) / 2 - (m.minX + m.maxX) / 2;
      let y = 0;
      if (m.minY >= 0) {
        y = Math.max(0, above + MARK_GAP * upm - m.minY);
        above = m.maxY + y;
      } else if (m.maxY <= 0) {
        y = Math.min(0, below - MARK_GAP * upm - m.maxY);
        below = m.minY + y;
      }
      placed.push({ text, x: x / upm, y: y / upm });
    }
    pen += pos.xAdvance;
  }
  return placed;
}

/**
 * The fontkit object pdf-lib's `registerFontkit` takes: upstream fontkit, with subsets whose
 * `encodeStream` pdf-lib can read (fontkit 2 only has `encode`). The parsed font is reused across
 * documents: parsing a 17 MB OTF is the slow part, and subsets are made per document anyway.
 */
export const pdfLibFontkit = {
  create(data: Uint8Array) {
    const entry = [...loaded.values()].find((f) => f.bytes === data || sameBytes(f.bytes, data));
    const font = entry ? entry.font : (fontkit.create(Buffer.from(data)) as Font);
    return withStreamingSubsets(font);
  },
};

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;

function withStreamingSubsets(font: Font): Font {
  return new Proxy(font, {
    get(target, prop, receiver) {
      if (prop === 'createSubset') {
        return () => {
          const subset = target.createSubset() as ReturnType<Font['createSubset']> & {
            encode(): Uint8Array;
            encodeStream?: () => Readable;
          };
          subset.encodeStream = () => Readable.from([Buffer.from(subset.encode())]);
          return subset;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
