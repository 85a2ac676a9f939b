// Chinese line breaking for the forms. pdf-lib only breaks at spaces, which puts a whole Chinese paragraph
// on one line; here any Han character may end a line, Latin words and numbers stay whole when they fit,
// and the usual 禁则 hold: no line starts with closing punctuation, none ends with opening punctuation.

/** May not begin a line. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉’”…—·,.;:?!)]}%‰℃']);
/** May not end a line. */
const NO_END = new Set([...'（《「『【〔〈‘“([{']);

/** Control characters other than the newline become nothing; tabs become a space; CRLF becomes LF. */
export function sanitize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '');
}

/** Tokens that never split unless longer than a whole line: Latin words and numbers, or one other character. */
function tokens(paragraph: string): string[] {
  return paragraph.match(/[A-Za-z0-9@#&_\-./:+'’]+|\s|[\s\S]/gu) ?? [];
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

function breakParagraph(paragraph: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  /** The tokens of the line being filled (its text is their concatenation). */
  let line: string[] = [];
  let lineWidth = 0;
  const push = () => {
    lines.push(line.join('').trimEnd());
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
    if (/^\s$/u.test(token)) {
      push();
      continue;
    }
    if (NO_START.has(token)) {
      // 推出: the mark may not start the next line, and hanging it would cross the cell's border; so the
      // last character of this line (with any marks stuck to it) goes over with it.
      const moved: string[] = [];
      while (line.length > 1 && NO_START.has(line[line.length - 1]!)) moved.unshift(line.pop()!);
      if (line.length > 1 && !/^\s$/u.test(line[line.length - 1]!)) {
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
  if (line.length > 0 || lines.length === 0) lines.push(line.join('').trimEnd());
  return lines;
}
