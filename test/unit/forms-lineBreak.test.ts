// Chinese line breaking and the text clean-up of the printed forms (electron/core/forms/pdf/lineBreak.ts):
// invisible and control characters never reach the page (they would print as 〓), 至今 is one word, and a
// paragraph does not end on a lone character or a file extension cut off from its name.
import { describe, expect, it } from 'vitest';
import { breakLines, sanitize } from '../../electron/core/forms/pdf/lineBreak.js';

/** One unit per Han character (and full-width mark), half a unit per ASCII character. */
const measure = (s: string) => [...s].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);

describe('sanitize', () => {
  it('drops format characters: zero-width, direction marks and embeddings, word joiner, BOM', () => {
    const invisible = [
      '\u200b',
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2060',
      '\u2061',
      '\u2062',
      '\u2063',
      '\u2064',
      '\ufeff',
    ];
    for (const ch of invisible) {
      expect(sanitize(`吴${ch}喆`), `U+${ch.codePointAt(0)!.toString(16)}`).toBe('吴喆');
    }
  });

  it('drops lone surrogate halves but keeps characters beyond the BMP', () => {
    expect(sanitize('吴\ud842喆')).toBe('吴喆');
    expect(sanitize('吴\udfb7喆')).toBe('吴喆');
    expect(sanitize('吴𠮷喆𪚥')).toBe('吴𠮷喆𪚥');
    // A pair the wrong way round is two lone halves.
    expect(sanitize('a\udfb7\ud842b')).toBe('ab');
  });

  it('keeps newlines, turns tabs into spaces and CRLF into LF, drops other controls', () => {
    expect(sanitize('一\r\n二\r三\t四\u0007五\u0085')).toBe('一\n二\n三 四五');
  });

  it('the lines of a text with invisible characters are those of the text without them', () => {
    const text = '负责全厂锅炉\u200b、汽轮机\ufeff和环保设施的技术管理\u202e，主持超低排放改造。';
    expect(breakLines(text, 7, measure)).toEqual(breakLines(sanitize(text), 7, measure));
    expect(breakLines(text, 7, measure).join('')).not.toMatch(/[\u200b\ufeff\u202e]/);
  });
});

describe('breakLines', () => {
  it('never breaks inside 至今', () => {
    // 「2012.07.01—」 is 5.5 units wide: 至 would still fit on the first line, 今 not.
    for (const width of [6, 6.5, 7]) {
      const lines = breakLines('2012.07.01—至今', width, measure);
      expect(lines.join('')).toBe('2012.07.01—至今');
      expect(
        lines.some((l) => l.endsWith('至') || l.startsWith('今')),
        lines.join('|'),
      ).toBe(false);
    }
  });

  it('does not end a paragraph on a lone character: one comes down from the line before', () => {
    // Eleven characters in lines of five: 5 + 5 + 1 would leave 一 alone.
    const lines = breakLines('一二三四五六七八九十一', 5, measure);
    expect(lines).toEqual(['一二三四五', '六七八九', '十一']);
    // A closing mark after the last character does not save it from standing alone.
    expect(breakLines('一二三四五六七八九十一。', 5, measure)).toEqual(['一二三四五', '六七八九', '十一。']);
    // An opening bracket before the character comes down with it.
    expect(breakLines('助理级（初级）', 5, measure)).toEqual(['助理级', '（初级）']);
  });

  it('keeps a file extension with the end of the name', () => {
    const lines = breakLines('F-1 专业技术资格评审表.pdf', 7, measure);
    expect(lines.at(-1)).not.toBe('.pdf');
    expect(lines.at(-1)).toMatch(/表\.pdf$/);
    expect(lines.every((l) => measure(l) <= 7)).toBe(true);
  });

  it('leaves a text of one or two lines that needs no help as it is', () => {
    expect(breakLines('一二三', 5, measure)).toEqual(['一二三']);
    expect(breakLines('一二三四五六七', 5, measure)).toEqual(['一二三四五', '六七']);
    // Each paragraph on its own.
    expect(breakLines('一二三四五六\n七', 5, measure)).toEqual(['一二三四', '五六', '七']);
  });
});
