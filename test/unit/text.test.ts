// Text helpers: code points and rare characters (rules R-10), emoji, full-width input, contact fields.
import { describe, expect, it } from 'vitest';
import { ageOn, isRealDate, periodsOverlap } from '../../shared/checks/dates.js';
import {
  charsOutsideBmp,
  charsOutsideGb2312,
  codePointLength,
  emojiIn,
  gb2312Characters,
  isPlausibleEmail,
  isPlausiblePhone,
  toHalfWidth,
} from '../../shared/checks/text.js';

describe('codePointLength (R-10)', () => {
  it('R-10: counts code points, not UTF-16 units', () => {
    expect('𠮷'.length).toBe(2);
    expect(codePointLength('𠮷')).toBe(1);
    expect(codePointLength('吴𠮷喆')).toBe(3);
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('𠮷'.repeat(100_000))).toBe(100_000);
  });
});

describe('rare characters (R-10)', () => {
  it('R-10: GB 2312 has 682 symbols and 6,763 Han characters, built from the decoder', () => {
    const set = gb2312Characters();
    expect(set?.size).toBe(682 + 6763);
    expect([...(set ?? [])].filter((ch) => /[\ue000-\uf8ff\ufffd]/.test(ch))).toEqual([]); // no unmapped cell
    for (const ch of '啊齄吴陈张·、。“”①ⅫＡ') expect(set?.has(ch), ch).toBe(true);
    // GBK additions inside the same byte range, and its user-defined cells, are not GB 2312.
    for (const ch of 'ⅰ€ɑ︵\ue810') expect(set?.has(ch), ch).toBe(false);
  });

  it('R-10: the test characters 犇 堃 喆 珺 燊 𠮷 are outside GB 2312; ASCII counts as inside', () => {
    expect(charsOutsideGb2312('犇堃喆珺燊𠮷')).toEqual([...'犇堃喆珺燊𠮷']);
    expect(charsOutsideGb2312('Wang Xiaoming 王小明 (1978)')).toEqual([]);
    expect(charsOutsideGb2312('阿卜杜·热合曼')).toEqual([]);
  });

  it('R-10: only characters beyond U+FFFF are outside the BMP; each is listed once', () => {
    expect(charsOutsideBmp('吴𠮷喆𠮷')).toEqual(['𠮷']);
    expect(charsOutsideBmp('堃喆')).toEqual([]);
  });

  it('finds emoji and flags, but not rare Han characters', () => {
    expect(emojiIn('张三😀')).toEqual(['😀']);
    expect(emojiIn('李四🇨🇳')).toEqual(['🇨', '🇳']);
    expect(emojiIn('吴𠮷喆')).toEqual([]);
  });
});

describe('input helpers', () => {
  it('toHalfWidth turns full-width ASCII and the ideographic space into ASCII', () => {
    expect(toHalfWidth('ＡＢＣ　１２３＠ｑｑ．ｃｏｍ')).toBe('ABC 123@qq.com');
    expect(toHalfWidth('中文，不变')).toBe('中文,不变');
  });

  it.each([
    ['wu.jizhe@example.com', true],
    ['zhang_san+title@mail.zj.gov.cn', true],
    ['zhangsan', false],
    ['zhangsan@qq', false],
    ['zhang san@qq.com', false],
    ['zhangsan＠qq.com', false],
    ['zhangsan@@qq.com', false],
  ])('email %j plausible: %s', (raw, ok) => expect(isPlausibleEmail(raw)).toBe(ok));

  it.each([
    ['13800571234', true],
    ['138 0057 1234', true],
    ['+86 138-0057-1234', true],
    ['0570-8123456', true],
    ['(0571) 8888 6666', true],
    ['0571-88886666转8012', true],
    ['+86-571-88886666', true],
    ['+852 2123 4567', true],
    ['12345', false],
    ['1380057123', false],
    ['23800571234', false],
    ['电话号码', false],
  ])('phone %j plausible: %s', (raw, ok) => expect(isPlausiblePhone(raw)).toBe(ok));
});

describe('dates', () => {
  it.each([
    ['2020-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2019-02-29', false],
    ['2020-04-31', false],
    ['2020-13-01', false],
    ['2020-00-10', false],
    ['2020-1-1', false],
    ['', false],
  ])('isRealDate(%j) is %s', (s, ok) => expect(isRealDate(s)).toBe(ok));

  it('ageOn counts whole years; the birthday completes one (N-7 as-of date)', () => {
    expect(ageOn('1978-05-16', '2020-12-31')).toBe(42);
    expect(ageOn('1980-12-31', '2020-12-31')).toBe(40);
    expect(ageOn('1981-01-01', '2020-12-31')).toBe(39);
  });

  it('periodsOverlap: inclusive ends, an empty end is ongoing', () => {
    expect(periodsOverlap({ start: '2000-01-01', end: '2005-03-31' }, { start: '2005-04-01', end: '' })).toBe(false);
    expect(periodsOverlap({ start: '2000-01-01', end: '2005-04-01' }, { start: '2005-04-01', end: '' })).toBe(true);
    expect(periodsOverlap({ start: '2010-01-01', end: '' }, { start: '2015-01-01', end: '' })).toBe(true);
    expect(periodsOverlap({ start: '2010-01-01', end: '2012-01-01' }, { start: '2000-01-01', end: '2020-01-01' })).toBe(
      true,
    );
  });
});
