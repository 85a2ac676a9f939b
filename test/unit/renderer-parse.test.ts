// What the hours and date fields accept while typing (renderer/src/components/parse.ts).
import { describe, expect, it } from 'vitest';
import { normalizeDate, parseHours, withDashes } from '../../renderer/src/components/parse.js';

describe('parseHours', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['64', 64],
    ['７２', 72], // full-width digits from a Chinese input method
    ['1.5', 1.5],
    ['-3', -3], // negative fits the draft; the problem list flags it
    ['abc', undefined],
    ['12h', undefined],
    ['1e3', undefined],
  ])('%j → %j', (raw, expected) => expect(parseHours(raw)).toBe(expected));
});

describe('normalizeDate', () => {
  it.each([
    ['', ''],
    ['2019-09-01', '2019-09-01'],
    ['20190901', '2019-09-01'],
    ['2019/9/1', '2019-09-01'],
    ['2019年9月1日', '2019-09-01'],
    ['２０１９－０９－０１', '2019-09-01'],
    ['2019-09', null],
    ['next week', null],
  ])('%j → %j', (raw, expected) => expect(normalizeDate(raw)).toBe(expected));

  it('keeps an impossible date as typed, for the problem list to name (not silently moved to March)', () => {
    expect(normalizeDate('2019-02-30')).toBe('2019-02-30');
  });
});

describe('withDashes', () => {
  it.each([
    ['2019', '2019'],
    ['20190', '2019-0'],
    ['2019091', '2019-09-1'],
    ['201909011', '2019-09-01'],
    ['2019/9', '2019/9'],
    ['1985-', '1985-'],
    ['1985-9-', '1985-9-'],
    ['1985-9-1', '1985-9-1'],
  ])('%j → %j', (raw, expected) => expect(withDashes(raw)).toBe(expected));

  it('typing 1985-9-12 key by key ends as 1985-09-12, not 1985-91-2', () => {
    let text = '';
    for (const ch of '1985-9-12') text = withDashes(text + ch);
    expect(text).toBe('1985-9-12');
    expect(normalizeDate(text)).toBe('1985-09-12');
  });

  it('typing 19850912 key by key gets its dashes', () => {
    let text = '';
    for (const ch of '19850912') text = withDashes(text + ch);
    expect(text).toBe('1985-09-12');
  });
});
