// Chinese line breaking for the forms. pdf-lib only breaks at spaces, which puts a whole Chinese paragraph
// on one line; here any Han character may end a line, Latin words and numbers stay whole when they fit,
// and the usual 禁则 hold: no line starts with closing punctuation, none ends with opening punctuation.
// A paragraph does not end on a line holding one lone character (or a lone file extension such as
// 「.pdf」): one character of the line before comes down to keep it company.

/** May not begin a line. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉’”…—·,.;:?!)]}%‰℃']);
/** May not end a line. */
const NO_END = new Set([...'（《「『【〔〈‘“([{']);

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
 * Tokens that never split unless longer than a whole line: 至今 (a period's open end: 「2012.07.01—至今」
 * must not leave 今 alone), Latin words and numbers, or one other character.
 */
function tokens(paragraph: string): string[] {
  return paragraph.match(/至今|[A-Za-z0-9@#&_\-./:+'’]+|\s|[\s\S]/gu) ?? [];
}

/**
 * Breaks text into lines no wider than `width`, measuring with `measure` (the width of a string). Each
 * newline starts a new paragraph; an empty paragraph is an empty line. Never returns an empty array.
 */
export function breakLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of sanitize(text).split('\n')) lines.push(...breakParagraph(paragraph, width, measure));
  return lines.length ? lines : [''];
}

const HAN = /^[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]$/u;
const isSpace = (token: string) => /^\s$/u.test(token);

/**
 * A last line that would stand alone: one Han character (closing marks after it do not count), or a file
 * extension (「.pdf」) cut off from its name.
 */
function isOrphan(line: readonly string[]): boolean {
  const words = line.filter((t) => !NO_START.has(t) && !isSpace(t));
  if (words.length !== 1) return false;
  const [word] = words as [string];
  return line[0] === word && (HAN.test(word) || /^\.[A-Za-z0-9]{1,5}$/.test(word));
}

function breakParagraph(paragraph: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[][] = [];
  /** The tokens of the line being filled (its text is their concatenation). */
  let line: string[] = [];
  let lineWidth = 0;
  const push = () => {
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  const start = (tokens: string[]) => {
    line = tokens;
    lineWidth = measure(tokens.join(''));
  };
  const add = (token: string, w: number) => {
    line.push(token);
    lineWidth += w;
  };
  // A token longer than a whole line (a long number, URL or e-mail) is cut by character.
  const cut = (token: string) => {
    for (const ch of token) {
      const cw = measure(ch);
      if (lineWidth + cw > width && line.length > 0) push();
      add(ch, cw);
    }
  };
  for (const token of tokens(paragraph)) {
    const w = measure(token);
    if (lineWidth + w <= width) {
      add(token, w);
      continue;
    }
    if (line.length === 0) {
      cut(token);
      continue;
    }
    if (isSpace(token)) {
      push();
      continue;
    }
    if (NO_START.has(token)) {
      // 推出: the mark may not start the next line, and hanging it would cross the cell's border; so the
      // last character of this line (with any marks stuck to it) goes over with it.
      const moved: string[] = [];
      while (line.length > 1 && NO_START.has(line[line.length - 1]!)) moved.unshift(line.pop()!);
      if (line.length > 1 && !isSpace(line[line.length - 1]!)) {
        moved.unshift(line.pop()!);
        while (line.length > 1 && NO_END.has(line[line.length - 1]!)) moved.unshift(line.pop()!);
        push();
        start([...moved, token]);
      } else {
        // A line of one word: nothing to carry, the mark hangs.
        line.push(...moved, token);
        push();
      }
      continue;
    }
    // Carry an opening bracket that would end this line over to the next.
    const carry: string[] = [];
    while (line.length > 1 && NO_END.has(line[line.length - 1]!)) carry.unshift(line.pop()!);
    push();
    start(carry);
    if (lineWidth + w <= width) add(token, w);
    else cut(token);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  keepLastLineCompany(lines, width, measure);
  return lines.map((tokens) => tokens.join('').trimEnd());
}

/**
 * 避免孤字: when the last line is an orphan, the last Han character of the line before (with an opening mark
 * before it) comes down to it — unless that would leave that line with less than two tokens, or not fit.
 */
function keepLastLineCompany(lines: string[][], width: number, measure: (s: string) => number): void {
  if (lines.length < 2) return;
  const last = lines[lines.length - 1]!;
  const before = lines[lines.length - 2]!;
  if (!isOrphan(last)) return;
  while (before.length > 0 && isSpace(before[before.length - 1]!)) before.pop();
  let take = 1;
  if (!HAN.test(before[before.length - 1] ?? '')) return;
  // An opening mark before the character comes with it: 「助理级（初」「级）」 → 「助理级」「（初级）」.
  while (take < before.length && NO_END.has(before[before.length - 1 - take]!)) take++;
  if (before.length - take < 2) return;
  const joined = [...before.slice(before.length - take), ...last];
  if (measure(joined.join('').trimEnd()) > width) return;
  before.splice(before.length - take, take);
  lines[lines.length - 1] = joined;
}
