// Chinese line breaking for the forms. pdf-lib only breaks at spaces, which puts a whole Chinese paragraph
// on one line; here any Han character may end a line, Latin words and numbers stay whole when they fit,
// and the usual 禁则 hold: no line starts with closing punctuation, none ends with opening punctuation.

/** May not begin a line. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉’”…—·,.;:?!)]}%‰℃']);
/** May not end a line. */
const NO_END = new Set([...'（《「『【〔〈‘“([{']);

/** Control characters other than the newline become nothing; tabs become a space; CRLF becomes LF. */
export function sanitize(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '')
  );
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
  let line = '';
  let lineWidth = 0;
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
  };
  for (const token of tokens(paragraph)) {
    const w = measure(token);
    if (lineWidth + w <= width || line === '') {
      if (w > width && line === '') {
        // A word longer than the line is cut by character.
        for (const ch of token) {
          const cw = measure(ch);
          if (lineWidth + cw > width && line !== '') push();
          line += ch;
          lineWidth += cw;
        }
        continue;
      }
      line += token;
      lineWidth += w;
      continue;
    }
    if (/^\s$/u.test(token)) {
      push();
      continue;
    }
    if (NO_START.has(token)) {
      // Hang the punctuation on this line rather than start the next with it (it is narrow in practice).
      line += token;
      push();
      continue;
    }
    // Carry an opening bracket that would end this line over to the next.
    const chars = [...line];
    let carry = '';
    while (chars.length > 1 && NO_END.has(chars[chars.length - 1]!)) carry = chars.pop()! + carry;
    line = chars.join('');
    push();
    line = carry + token;
    lineWidth = measure(line);
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
