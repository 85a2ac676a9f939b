// The 2020 pack's parameters: defaults valid, bad values refused by zod, every parameter described with
// its source and confidence, and a changed parameter changes the findings.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS_2020, PACK_2020, PARAM_META, Params2020 } from '../../shared/rules/pack2020/index.js';
import { check, finding, sampleArchive, sampleLinks } from '../helpers/rules.js';

describe('pack 2020 parameters', () => {
  it('has valid defaults, each with a label, a source and a confidence', () => {
    expect(Params2020.parse(DEFAULT_PARAMS_2020)).toEqual(DEFAULT_PARAMS_2020);
    expect(Object.keys(PARAM_META).sort()).toEqual(Object.keys(DEFAULT_PARAMS_2020).sort());
    for (const meta of Object.values(PARAM_META)) {
      expect(meta.source.length).toBeGreaterThan(0);
      expect(['confirmed', 'inferred', 'assumed']).toContain(meta.confidence);
    }
    expect(PACK_2020.defaults.asOfDate).toBe('2020-12-31');
    expect(PACK_2020.defaults.deadline).toBe('2020-10-10');
  });

  it.each([
    ['asOfDate', '2020-02-30'],
    ['asOfDate', '31.12.2020'],
    ['deadline', '2021-01-05'], // after the as-of date
    ['ceOnlineCap', -1],
    ['ceYears', []],
    ['ceYears', [2019, 2019]],
    ['ceYears', ['2019']],
    ['yearsBachelor', 2.5],
    ['countingConvention', 'lunar'],
    ['publicityDays', 0],
    ['publicityStart', '2020-9-28'],
    ['ageMin', 70],
    ['juniorCollegeRoute', 'yes'],
  ])('refuses %s = %j', (key, value) => {
    expect(Params2020.safeParse({ ...DEFAULT_PARAMS_2020, [key]: value }).success).toBe(false);
  });

  it('refuses unknown keys and missing keys', () => {
    expect(Params2020.safeParse({ ...DEFAULT_PARAMS_2020, extra: 1 }).success).toBe(false);
    const { deadline: _omit, ...rest } = DEFAULT_PARAMS_2020;
    expect(Params2020.safeParse(rest).success).toBe(false);
  });

  it('findings follow a changed parameter', () => {
    const a = sampleArchive();
    a.titles[1]!.obtainedDate = '2014-06-01';
    const links = sampleLinks(a);
    expect(finding(check(a, { links }), 'R-1.seniority').status).toBe('pass');
    expect(finding(check(a, { links, params: { yearsMaster: 8 } }), 'R-1.seniority').status).toBe('fail');
  });
});
