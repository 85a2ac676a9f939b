// Chinese line breaking and the text clean-up of the printed forms (electron/core/forms/pdf/lineBreak.ts):
// invisible and control characters never reach the page (they would print as 〓), 至今 is one word, a
// paragraph does not end on a lone character or a file extension cut off from its name; and one test per
// rule of issue 15: numbers, identifiers, Latin words and formulas with their sub- and superscripts stay
// whole where they fit, breaks fall only where UAX #14 and the 禁则 allow, a run too long for any line
// breaks at its own opportunities first and is cut with a visible mark only where it has none.
import { describe, expect, it } from 'vitest';
import { breakLines, CONTINUED, sanitize } from '../../electron/core/forms/pdf/lineBreak.js';

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

describe('breakLines: what stays together (issue 15)', () => {
  /** Every line fits, and the text reads the same once the lines are joined again (no mark added). */
  const unmarked = (text: string, width: number) => {
    const lines = breakLines(text, width, measure);
    expect(
      lines.every((l) => measure(l) <= width),
      lines.join('|'),
    ).toBe(true);
    // Spaces where a line ends are not drawn.
    expect(lines.join('').replace(/ /g, ''), lines.join('|')).toBe(text.replace(/ /g, ''));
    return lines;
  };

  it('keeps an 18-digit diploma number on one line when it fits one', () => {
    const number = '130263200400011870';
    // 9 units wide: after 「毕业证书编号：」 (7) it does not fit, so it moves whole to the next line.
    for (const width of [9, 10, 12]) {
      const lines = unmarked(`毕业证书编号：${number}`, width);
      expect(lines).toContain(number);
    }
  });

  it('keeps a symbol with its subscripts, and a formula with its slashes and hyphens, together', () => {
    for (const width of [4, 5, 6]) {
      expect(unmarked('屈服强度σ₀.₂为235MPa', width).some((l) => l.includes('σ₀.₂'))).toBe(true);
    }
    for (const width of [7, 8, 9]) {
      expect(unmarked('制备TiO₂/g-C₃N₄复合光催化剂', width).some((l) => l.includes('TiO₂/g-C₃N₄'))).toBe(true);
    }
    // Superscripts and a combining mark belong to their run: ε̇ = 10⁻³ s⁻¹.
    expect(unmarked('应变速率ε̇为10⁻³', 6).some((l) => l.includes('ε̇为') || l.includes('ε̇'))).toBe(true);
    expect(unmarked('应变速率ε̇为10⁻³', 6).some((l) => l.startsWith('\u0307'))).toBe(false);
  });

  it('keeps a Latin word whole and breaks between words at their spaces', () => {
    const lines = unmarked('采用Fluent软件 and ANSYS Workbench计算', 8);
    for (const word of ['Fluent', 'ANSYS', 'Workbench']) expect(lines.some((l) => l.includes(word))).toBe(true);
  });

  it('breaks between any two Han characters', () => {
    expect(unmarked('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('never starts a line with closing punctuation nor ends one with an opening mark (禁则)', () => {
    for (const width of [3, 4, 5, 6]) {
      const lines = unmarked('负责锅炉（含辅机）运行，《浙江电力》论文、专利。', width);
      expect(
        lines.some((l) => /^[，。、）》」]/.test(l)),
        lines.join('|'),
      ).toBe(false);
      expect(
        lines.some((l) => /[（《「]$/.test(l)),
        lines.join('|'),
      ).toBe(false);
    }
  });

  it('never starts a line with a dash: 「—至今」 stays with the date before it', () => {
    for (const width of [6, 7]) {
      expect(breakLines('2019.09.01—至今', width, measure).some((l) => l.startsWith('—'))).toBe(false);
    }
  });

  it('lets trailing spaces hang: a word that fits without its space stays on the line', () => {
    // 「abcd 」 is 2.5 wide, 「abcd」 2.
    expect(breakLines('abcd ef', 2, measure)).toEqual(['abcd', 'ef']);
  });

  it('breaks a run too long for any line at its own opportunities first, without a mark', () => {
    const lines = unmarked('https://example.com/a/bb/ccc', 6);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).not.toContain(CONTINUED);
  });

  it('cuts a run with no opportunity only where it cannot fit a line, marking each cut', () => {
    const number = '130263200400011870';
    const lines = breakLines(number, 5, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((l) => l.endsWith(CONTINUED))).toBe(true);
    expect(lines.at(-1)!.endsWith(CONTINUED)).toBe(false);
    expect(lines.every((l) => measure(l) <= 5)).toBe(true);
    expect(lines.map((l) => l.replace(CONTINUED, '')).join('')).toBe(number);
    // The cut never separates a combining mark from its base.
    const marked = breakLines('ε̇'.repeat(12), 4, (s) => [...s].filter((c) => c !== '\u0307').length);
    expect(marked.every((l) => !l.startsWith('\u0307'))).toBe(true);
  });
});
