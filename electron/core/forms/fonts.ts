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
