// Line breaking for the forms. pdf-lib only breaks at spaces, which puts a whole Chinese paragraph on one
// line. Here the break opportunities are those of the Unicode line breaking algorithm (UAX #14, the
// `linebreak` package PDFKit uses): any Han character may end a line, closing punctuation never starts one
// and opening punctuation never ends one (禁则). On top of UAX #14:
// - a run of Latin typesetting — a number, an identifier, a Latin word, a formula with its sub- and
//   superscripts (σ₀.₂, TiO₂/g-C₃N₄, an 18-digit diploma number) — is never broken where it fits a line,
//   even where UAX #14 would break it (after 「/」 or 「-」);
// - 至今 is one word (「2012.07.01—至今」 must not leave 今 alone), and the old 禁则 marks hold (「—」 never
//   starts a line);
// - a run wider than a whole line breaks at its UAX #14 opportunities, and only where it has none that fit,
//   by characters (grapheme clusters: a combining mark stays on its base) with CONTINUED at the end of the line;
// - a paragraph does not end on a line holding one lone Han character: one comes down to keep it company.
import LineBreaker from 'linebreak';

/** May not begin a line. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉’”…—·,.;:?!)]}%‰℃']);
/** May not end a line. */
const NO_END = new Set([...'（《「『【〔〈‘“([{']);

/** Ends a line where a run too wide for any line is cut between two characters: the cut is visibly not a space. */
export const CONTINUED = '→';

/**
 * What never prints: control characters other than the newline (C0, DEL, C1, the line and paragraph
 * separators), the invisible format characters — zero-width space and joiners, direction marks and
 * embeddings (U+200B–U+200F, U+202A–U+202E), word joiner and invisible operators (U+2060–U+2064), the byte
 * order mark (U+FEFF) — and lone surrogate halves, which stand for no character at all. Pasted from a web
 * page or a Word file they are in the text but invisible; drawn, a font has no glyph for them and they
 * would print as 〓.
 */
const INVISIBLE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Tabs become a space; CRLF and CR become LF; control, format and lone surrogate characters go. */
export function sanitize(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '');
}

/**
 * Characters typeset the Chinese way (each its own unit): spaces, Han, kana, Hangul, CJK and full-width
 * punctuation, and the marks Chinese text shares with Western (—, …, quotes, ·). Everything else is part of a
 * Latin run, which stays whole: letters of any script, digits, sub- and superscripts, combining marks,
 * mathematical and technical symbols, ASCII punctuation inside an identifier.
 */
const CHINESE_WAY =
  /[\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2014\u2026\u2018\u2019\u201c\u201d\u00b7\u3000-\u303f\uff00-\uffef]/u;

const HAN = /^[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]$/u;

/** The code point ending just before `i` and the one starting at `i`. */
function around(text: string, i: number): [string, string] {
  const lowHalf = i >= 2 && /[\udc00-\udfff]/.test(text[i - 1]!);
  return [String.fromCodePoint(text.codePointAt(lowHalf ? i - 2 : i - 1)!), String.fromCodePoint(text.codePointAt(i)!)];
}

/** UAX #14's break opportunities inside `text` (not its end): where a line may begin. */
function opportunities(text: string): number[] {
  const breaker = new LineBreaker(text);
  const at: number[] = [];
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) if (b.position < text.length) at.push(b.position);
  return at;
}

/** Whether a line may begin at `i` (a UAX #14 opportunity) once the rules above are added. */
function allowed(text: string, i: number): boolean {
  const [before, after] = around(text, i);
  if (!CHINESE_WAY.test(before) && !CHINESE_WAY.test(after)) return false;
  if (NO_START.has(after) || NO_END.has(before)) return false;
  return !(before === '至' && after === '今');
}

/** The pieces of a paragraph between the places a line may begin: each is kept whole where it fits. */
function units(paragraph: string): string[] {
  const cuts = opportunities(paragraph).filter((i) => allowed(paragraph, i));
  return [0, ...cuts].map((from, k) => paragraph.slice(from, cuts[k] ?? paragraph.length)).filter(Boolean);
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * Breaks text into lines no wider than `width`, measuring with `measure` (the width of a string). Each
 * newline starts a new paragraph; an empty paragraph is an empty line. Never returns an empty array.
 */
export function breakLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of sanitize(text).split('\n')) lines.push(...breakParagraph(paragraph, width, measure));
  return lines.length ? lines : [''];
}

function breakParagraph(paragraph: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[][] = [];
  /** The units of the line being filled (its text is their concatenation). */
  let line: string[] = [];
  let lineWidth = 0;
  const push = () => {
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  // Trailing spaces may hang past the edge: they are trimmed from the line drawn.
  const fits = (unit: string) => lineWidth + measure(unit.trimEnd()) <= width;
  const add = (unit: string) => {
    line.push(unit);
    lineWidth += measure(unit);
  };
  /** A unit wider than any line: at its own UAX #14 opportunities, else between characters with CONTINUED. */
  const split = (unit: string) => {
    const inner = opportunities(unit);
    const pieces = [0, ...inner].map((from, k) => unit.slice(from, inner[k] ?? unit.length));
    for (const piece of pieces) {
      if (!fits(piece) && line.length > 0) push();
      if (fits(piece)) {
        add(piece);
        continue;
      }
      let cut = '';
      for (const { segment } of graphemes.segment(piece)) {
        if (cut !== '' && measure(cut + segment + CONTINUED) > width) {
          line.push(cut + CONTINUED);
          push();
          cut = '';
        }
        cut += segment;
      }
      add(cut);
    }
  };
  for (const unit of units(paragraph)) {
    if (fits(unit)) {
      add(unit);
      continue;
    }
    if (line.length > 0) push();
    if (fits(unit)) add(unit);
    else split(unit);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  keepLastLineCompany(lines, width, measure);
  return lines.map((units) => units.join('').trimEnd());
}

const strip = (unit: string, marks: Set<string>) => [...unit.trim()].filter((c) => !marks.has(c)).join('');

/**
 * 避免孤字: when the last line is one Han character (closing marks after it do not count), the last unit of
 * the line before — one Han character, with an opening mark before it — comes down to it, unless that would
 * leave that line with less than two units, or not fit.
 */
function keepLastLineCompany(lines: string[][], width: number, measure: (s: string) => number): void {
  if (lines.length < 2) return;
  const last = lines[lines.length - 1]!;
  const before = lines[lines.length - 2]!;
  const words = last.filter((u) => u.trim() !== '');
  if (words.length !== 1 || !HAN.test(strip(words[0]!, NO_START))) return;
  while (before.length > 0 && before[before.length - 1]!.trim() === '') before.pop();
  const moving = before[before.length - 1] ?? '';
  if (before.length < 3 || !HAN.test(strip(moving, NO_END))) return;
  const joined = [moving.trimEnd(), ...last];
  if (measure(joined.join('').trimEnd()) > width) return;
  before.pop();
  lines[lines.length - 1] = joined;
}
