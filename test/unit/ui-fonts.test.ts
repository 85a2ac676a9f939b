// The UI's own fonts (issue 15): which characters the first-paint subset holds, the order of the faces in
// the stylesheet (the subset answers first), and that the full faces it names are the forms' own files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullFontFile } from '../../electron/core/forms/fonts.js';
import {
  FULL_FACES,
  coveredCodePoints,
  stylesheet,
  subsetCodePoints,
  unicodeRange,
} from '../../scripts/fonts/uiFonts.mjs';
import { PACK_2020 } from '../../shared/rules/pack2020/index.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('the first-paint subset', () => {
  const codePoints = new Set(subsetCodePoints(root));

  it('holds the UI’s words, the rules’ titles and antd’s own Chinese (its buttons, pager, date picker)', () => {
    const words = ['职称申报材料助手', '确定取消', '条/页', '今天', ...PACK_2020.rules.map((r) => r.title.zh)];
    for (const ch of words.join('')) expect(codePoints.has(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('claims only what Source Han Sans draws (the rare characters go to the HanaMin faces)', () => {
    const samples = ['职', '𠮷', '𡒄', '𪚥'].map((ch) => ch.codePointAt(0)!);
    expect(coveredCodePoints(samples).map((c) => String.fromCodePoint(c))).toEqual(['职', '𠮷']);
  });

  it('collapses runs in its unicode-range', () => {
    expect(unicodeRange([0x20, 0x21, 0x22, 0x4e00, 0x4e02, 0x4e03])).toBe('U+20-22, U+4E00, U+4E02-4E03');
  });
});

describe('the stylesheet', () => {
  const css = stylesheet('U+4E00');

  it('declares the full face before the subset, so the subset is tried first for its characters', () => {
    expect(css.indexOf(`full/${FULL_FACES.regular}`)).toBeLessThan(css.indexOf('ui-regular.woff2'));
    expect(css.indexOf(`full/${FULL_FACES.bold}`)).toBeLessThan(css.indexOf('ui-bold.woff2'));
  });

  it('names only faces the fonts route serves: the forms’ own files', () => {
    for (const name of Object.values(FULL_FACES)) {
      const file = fullFontFile(name);
      expect(file, name).not.toBeNull();
      expect(existsSync(file!), name).toBe(true);
    }
    expect(fullFontFile('../package.json')).toBeNull();
  });
});
