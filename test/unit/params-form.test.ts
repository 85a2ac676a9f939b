// The 假设与参数 form's pure part (renderer/src/eligibility/paramsForm.ts): labels instead of codes, a
// message per field in both languages, and 恢复默认值 that keeps the unit's publicity dates.
import { describe, expect, it } from 'vitest';
import {
  changedKeys,
  formatParamValue,
  issuesByParam,
  paramErrors,
  resetTarget,
} from '../../renderer/src/eligibility/paramsForm.js';
import { screenOfPath } from '../../renderer/src/eligibility/fixTarget.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/index.js';

const d = DEFAULT_PARAMS_2020;

describe('formatParamValue', () => {
  it('shows labels, not codes', () => {
    expect(formatParamValue('countingConvention', 'anniversary').zh).toContain('周年');
    expect(formatParamValue('countingConvention', 'anniversary').en).toContain('Anniversary');
    expect(formatParamValue('seniorityStart', 'qualification').zh).toContain('取得日期');
    expect(formatParamValue('publicityStartCounts', true)).toEqual({ zh: '是', en: 'Yes' });
    expect(formatParamValue('juniorCollegeRoute', false)).toEqual({ zh: '否', en: 'No' });
    expect(formatParamValue('ceYears', [2018, 2019])).toEqual({ zh: '2018、2019', en: '2018, 2019' });
    expect(formatParamValue('publicityStart', '')).toEqual({ zh: '（空）', en: '(empty)' });
    expect(formatParamValue('ceUncappedYear', null).zh).toBe('（空）');
  });
});

describe('paramErrors', () => {
  it('is empty for the defaults', () => expect(paramErrors({ ...d })).toEqual({}));

  it('names the bad date in both languages', () => {
    const errors = paramErrors({ ...d, publicityEnd: '2020-13-45' });
    expect(Object.keys(errors)).toEqual(['publicityEnd']);
    expect(errors.publicityEnd?.zh).toContain('YYYY-MM-DD');
    expect(errors.publicityEnd?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(errors.publicityEnd?.en).toMatch(/^Enter a real date/);
  });

  it('gives one message per field for numbers and years', () => {
    const errors = paramErrors({ ...d, publicityDays: 1.5, ageMin: null, ceYears: [2019, 2019], summaryMinChars: -1 });
    expect(errors.publicityDays?.zh).toBe('须为整数');
    expect(errors.ageMin?.zh).toBe('请填写数字');
    expect(errors.ceYears?.zh).toBe('有重复的年份');
    expect(errors.summaryMinChars?.zh).toBe('不能小于 0');
    expect(paramErrors({ ...d, pensionYears: 'abc' }).pensionYears?.en).toContain('4-digit years');
  });

  it('flags an end before the start on the end', () => {
    const errors = paramErrors({ ...d, publicityStart: '2020-10-10', publicityEnd: '2020-10-01' });
    expect(errors.publicityEnd?.zh).toBe('结束日期早于开始日期');
  });
});

describe('resetTarget', () => {
  it('restores the assumptions but keeps the publicity dates', () => {
    const draft = {
      ...d,
      publicityDays: 7,
      countingConvention: 'calendarYear',
      publicityStart: '2020-09-28',
      publicityEnd: '2020-10-09',
    };
    const target = resetTarget(draft);
    expect(target).toEqual({ ...d, publicityStart: '2020-09-28', publicityEnd: '2020-10-09' });
    expect(changedKeys(draft, target)).toEqual(['countingConvention', 'publicityDays']);
  });
});

describe('fix links', () => {
  it('a params.* field opens 假设与参数', () => expect(screenOfPath('params.publicityStart')).toBe('params'));
});

describe('the pack’s own checks (issue 12)', () => {
  it('says a future year, a duplicate, an empty list and a non-number in the pack’s words', () => {
    expect(paramErrors({ ...d, assessmentYears: [2017, 2021] }).assessmentYears?.zh).toBe(
      '2021 年晚于 2020 年，不能核查',
    );
    expect(paramErrors({ ...d, assessmentYears: [2017, 2017] }).assessmentYears?.zh).toBe('有重复的年份');
    expect(paramErrors({ ...d, pensionYears: [] }).pensionYears?.zh).toBe('请至少填写一个年份');
    expect(paramErrors({ ...d, ceYears: '2018, abc' }).ceYears?.en).toContain('4-digit years');
  });

  it('names an application date outside the working-day calendar', () => {
    expect(paramErrors({ ...d, applicationDate: '2040-01-01' }).applicationDate?.zh).toContain('工作日日历');
    expect(paramErrors({ ...d, applicationDate: '2020-02-30' }).applicationDate?.zh).toContain('YYYY-MM-DD');
  });

  it('puts the core’s refusal beside each field', () => {
    const byField = issuesByParam([
      { path: 'assessmentYears.1', message: { zh: '甲', en: 'a' } },
      { path: 'assessmentYears', message: { zh: '乙', en: 'b' } },
      { path: 'assessmentYears', message: { zh: '乙', en: 'b' } },
      { path: 'who', message: { zh: '丙', en: 'c' } },
      { path: 'params.ceYears', message: { zh: '丁', en: 'd' } },
    ]);
    expect(byField).toEqual({
      assessmentYears: [
        { zh: '甲', en: 'a' },
        { zh: '乙', en: 'b' },
      ],
      ceYears: [{ zh: '丁', en: 'd' }],
    });
    expect(issuesByParam(undefined)).toEqual({});
  });
});
