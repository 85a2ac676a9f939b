// Text helpers for names and contact fields (rules R-10): code points, rare characters, emoji,
// full-width input, and plausibility of e-mail addresses and phone numbers.

/** Length in Unicode code points; '𠮷' (U+20BB7, a surrogate pair in UTF-16) counts once. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Each distinct character once, in order of first appearance. */
function distinct(chars: Iterable<string>): string[] {
  return [...new Set(chars)];
}

/** Characters beyond U+FFFF (CJK Extension B and later, emoji): many systems cannot store them. */
export function charsOutsideBmp(s: string): string[] {
  return distinct([...s].filter((ch) => ch.codePointAt(0)! > 0xffff));
}

// GB 2312 as laid out in the standard: rows 1–9 hold 682 symbols (only these cells are assigned), rows
// 16–87 hold 6,763 Han characters (row 55 ends at cell 89). The code-page decoders also map GBK's later
// additions inside this byte range (ⅰ at A2A1, € at A2E3, vertical forms in row 6, ɑ at A8BB…) and
// user-defined cells to private-use characters, so decoding the whole range blindly would over-count.
const GB2312_CELLS: readonly (readonly [row: number, first: number, last: number])[] = [
  [0xa1, 0xa1, 0xfe], // punctuation and symbols
  [0xa2, 0xb1, 0xe2], // 1. … 20.  (1) … (20)  ① … ⑩
  [0xa2, 0xe5, 0xee], // ㈠ … ㈩
  [0xa2, 0xf1, 0xfc], // Ⅰ … Ⅻ
  [0xa3, 0xa1, 0xfe], // full-width ASCII
  [0xa4, 0xa1, 0xf3], // hiragana
  [0xa5, 0xa1, 0xf6], // katakana
  [0xa6, 0xa1, 0xb8], // Greek capitals
  [0xa6, 0xc1, 0xd8], // Greek small
  [0xa7, 0xa1, 0xc1], // Cyrillic capitals
  [0xa7, 0xd1, 0xf1], // Cyrillic small
  [0xa8, 0xa1, 0xba], // pinyin vowels with tones
  [0xa8, 0xc5, 0xe9], // bopomofo
  [0xa9, 0xa4, 0xef], // box drawing
  ...Array.from({ length: 0xf7 - 0xb0 + 1 }, (_, i) => {
    const row = 0xb0 + i;
    return [row, 0xa1, row === 0xd7 ? 0xf9 : 0xfe] as const;
  }),
];

let gb2312: ReadonlySet<string> | null | undefined;

function gbDecoder() {
  for (const label of ['gb18030', 'gbk']) {
    try {
      return new TextDecoder(label);
    } catch {
      // this runtime lacks the label: try the next
    }
  }
  return null;
}

/**
 * The characters of GB 2312, built once on first use by decoding its cells with TextDecoder (available
 * in Node with full ICU and in every browser, so no table ships with the app). null when the runtime
 * has no GB decoder: then nothing is reported, rather than every Chinese character.
 */
export function gb2312Characters(): ReadonlySet<string> | null {
  if (gb2312 !== undefined) return gb2312;
  const decoder = gbDecoder();
  if (!decoder) return (gb2312 = null);
  const bytes: number[] = [];
  for (const [row, first, last] of GB2312_CELLS) {
    for (let cell = first; cell <= last; cell++) bytes.push(row, cell);
  }
  gb2312 = new Set(decoder.decode(new Uint8Array(bytes)));
  return gb2312;
}

/** Non-ASCII characters not in GB 2312 (e.g. 堃 喆 𠮷): older systems may reject or garble them. */
export function charsOutsideGb2312(s: string): string[] {
  const set = gb2312Characters();
  if (!set) return [];
  return distinct([...s].filter((ch) => ch.codePointAt(0)! > 0x7f && !set.has(ch)));
}

/** Pictographs and flag letters: never part of a legal name. */
export function emojiIn(s: string): string[] {
  return distinct(s.match(/\p{Extended_Pictographic}|\p{Regional_Indicator}/gu) ?? []);
}

/** Full-width ASCII (typed with a Chinese input method: ＡＢＣ１２３) and the ideographic space to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** local@domain.tld with no spaces; a full-width ＠ (Chinese input) does not count. */
export function isPlausibleEmail(raw: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(raw.trim());
}

/**
 * A mainland mobile (1[3-9] + 9 digits, optionally +86), a landline with area code (0571-88886666,
 * optionally with an extension), or an international number in E.164 form.
 */
export function isPlausiblePhone(raw: string): boolean {
  const s = toHalfWidth(raw).replace(/[\s()（）]/g, '');
  if (/^(?:\+?86-?)?1[3-9]\d{9}$/.test(s.replace(/-/g, ''))) return true;
  if (/^(?:\+?86-?0?|0)[1-9]\d{1,2}-?\d{7,8}(?:(?:-|转|ext\.?|#)\d{1,6})?$/i.test(s)) return true;
  return /^\+(?!86)[1-9]\d{6,14}$/.test(s.replace(/-/g, ''));
}
