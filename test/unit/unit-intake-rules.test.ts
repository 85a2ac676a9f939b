// The intake's small rules (issue 7) on their own: which unit a package belongs to, how ISSNs and titles
// compare for the duplicate papers, the publicity state an applicant shows in the table (N-8).
import { describe, expect, it } from 'vitest';
import { normalizeIssn, normalizeTitle } from '../../electron/core/unit/duplicates.js';
import { isSameUnit } from '../../electron/core/unit/profile.js';
import { publicityState } from '../../electron/core/unit/table.js';

describe('isSameUnit', () => {
  const mine = { name: '浙江衢江清能热电有限公司', creditCode: '91330800MA28F3K64R' };
  it('compares credit codes when both have one, whatever the names say', () => {
    expect(isSameUnit(mine, { name: '清能热电', creditCode: ' 91330800ma28f3k64r ' })).toBe(true);
    expect(isSameUnit(mine, { name: mine.name, creditCode: '913301007048153658' })).toBe(false);
  });
  it('compares names (half-width, spaces aside) when either lacks a code', () => {
    expect(isSameUnit(mine, { name: ' 浙江衢江清能热电 有限公司', creditCode: '' })).toBe(true);
    expect(isSameUnit({ ...mine, creditCode: '' }, { name: mine.name, creditCode: '913301007048153658' })).toBe(true);
    expect(isSameUnit(mine, { name: '浙江衢江清能热电有限公司（分公司）', creditCode: '' })).toBe(false);
    expect(isSameUnit({ name: 'ＡＢＣ（杭州）', creditCode: '' }, { name: 'ABC(杭州)', creditCode: '' })).toBe(true);
  });
});

describe('duplicate papers: the keys', () => {
  it('an ISSN written any way is one key', () => {
    for (const issn of ['1001-9731', 'ISSN 1001-9731', '１００１－９７３１', 'issn:10019731'])
      expect(normalizeIssn(issn)).toBe('10019731');
    expect(normalizeIssn('0317-847x')).toBe('0317847X');
    expect(normalizeIssn('')).toBe('');
  });
  it('a title differing in case, width or spaces is one key; other words are not', () => {
    const key = normalizeTitle('SNCR 脱硝的数值模拟');
    expect(normalizeTitle('  ｓｎｃｒ脱硝的 数值模拟 ')).toBe(key);
    expect(normalizeTitle('SNCR 脱硝的数值模拟研究')).not.toBe(key);
  });
});

describe('publicityState', () => {
  const p = (outcome: string) => ({ start_date: '2020-09-07', end_date: '2020-09-11', outcome });
  it.each([
    ['2020-09-06', 'pending', 'planned'],
    ['2020-09-07', 'pending', 'running'],
    ['2020-09-11', 'pending', 'running'],
    ['2020-09-12', 'pending', 'ended'],
    ['2020-09-12', 'no_objection', 'no_objection'],
    ['2020-09-08', 'objection', 'objection'],
    ['2020-09-12', 'objection', 'objection'],
  ])('on %s with outcome %s: %s', (today, outcome, state) => {
    expect(publicityState(p(outcome), today)).toBe(state);
  });
});
