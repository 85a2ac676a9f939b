// The 2020 pack's parameters: every threshold, window and convention a rule reads, with its source and
// confidence (rules.md, "Principle": thresholds are data a domain expert can correct without code).
// Validated by zod whenever the pack is loaded or a value is changed.
import { z } from 'zod';
import { coveredYears } from '../../calendar/workingDays.js';
import { isRealDate } from '../../checks/dates.js';
import type { Confidence, Localized } from '../types.js';

// Every refinement says itself in both languages (`params: { zh, en }`): the 假设与参数 screen, the core's
// refusal of rules:setParams and `dossier params` all show these words, from here only.
const said = (zh: string, en: string) => ({ zh, en });
const RealDate = z.string().refine(isRealDate, {
  message: 'a real date YYYY-MM-DD',
  params: said('请填写真实的日期（YYYY-MM-DD）', 'Enter a real date (YYYY-MM-DD)'),
});
const DateOrEmpty = z.string().refine((s) => s === '' || isRealDate(s), {
  message: "'' or a real date YYYY-MM-DD",
  params: said('请填写真实的日期（YYYY-MM-DD），或留空', 'Enter a real date (YYYY-MM-DD), or leave it empty'),
});
const Years = (n: number) => z.number().int().min(0).max(n);
const YearList = z
  .array(z.number().int().min(1990).max(2100))
  .min(1)
  .max(10)
  .refine((ys) => new Set(ys).size === ys.length, {
    message: 'no year twice',
    params: said('有重复的年份', 'A year is listed twice'),
  });

/** The shape without the cross-field checks: `.partial()` of it validates a change of some values. */
export const Params2020Shape = z.strictObject({
  asOfDate: RealDate,
  deadline: RealDate,
  applicationDate: RealDate,
  countingConvention: z.enum(['anniversary', 'calendarYear']),
  seniorityStart: z.enum(['qualification', 'appointment']),
  yearsDoctorate: Years(20),
  yearsMaster: Years(20),
  yearsSecondBachelor: Years(20),
  yearsBachelor: Years(20),
  juniorCollegeRoute: z.boolean(),
  yearsJuniorCollege: Years(30),
  juniorCollegeTotalYears: Years(40),
  ceYears: YearList,
  ceMinTotal: z.number().min(0).max(1000),
  ceMinProfessional: z.number().min(0).max(1000),
  ceMinPublic: z.number().min(0).max(1000),
  ceOnlineCap: z.number().min(0).max(1000),
  ceUncappedYear: z.number().int().min(1990).max(2100).nullable(),
  publicityDays: z.number().int().min(1).max(60),
  publicityStartCounts: z.boolean(),
  publicityStart: DateOrEmpty,
  publicityEnd: DateOrEmpty,
  pensionYears: YearList,
  assessmentYears: YearList,
  graduateFormBefore: RealDate,
  disciplineBarYears: Years(20),
  summaryMinChars: z.number().int().min(0).max(100_000),
  ageMin: Years(100),
  ageMax: Years(120),
  covidSeniorityMinusOne: z.boolean(),
  covidCeDeemed: z.boolean(),
  covidPostRatioNotBinding: z.boolean(),
  covidAntiEpidemicWork: z.boolean(),
});

export const Params2020 = Params2020Shape.superRefine((p, ctx) => {
  if (p.deadline > p.asOfDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['deadline'],
      message: 'after the as-of date',
      params: said('晚于任职年限计算截止日', 'After the as-of date for years'),
    });
  }
  // The application date decides working-day questions: a day the calendar data does not cover
  // could only be guessed.
  const years = coveredYears();
  if (!years.includes(Number(p.applicationDate.slice(0, 4)))) {
    ctx.addIssue({
      code: 'custom',
      path: ['applicationDate'],
      message: `outside the working-day calendar (${years[0]}–${years.at(-1)})`,
      params: {
        zh: `申报日期须在工作日日历覆盖的年度内（${years[0]}–${years.at(-1)} 年）`,
        en: `The application date must lie in the years the working-day calendar covers (${years[0]}–${years.at(-1)})`,
      },
    });
  }
  // A proof year after the year years are counted to cannot exist yet.
  const last = Number(p.asOfDate.slice(0, 4));
  for (const key of ['ceYears', 'pensionYears', 'assessmentYears'] as const) {
    for (const year of p[key]) {
      if (year > last) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${year} is after ${last}`,
          params: { zh: `${year} 年晚于 ${last} 年，不能核查`, en: `${year} is after ${last} and cannot be checked` },
        });
      }
    }
  }
  if (p.ageMin > p.ageMax) {
    ctx.addIssue({
      code: 'custom',
      path: ['ageMin'],
      message: 'above ageMax',
      params: said('大于年龄提醒上限', 'Above the upper age warning'),
    });
  }
  if (p.ceMinProfessional + p.ceMinPublic > p.ceMinTotal + 1000) {
    ctx.addIssue({
      code: 'custom',
      path: ['ceMinTotal'],
      message: 'inconsistent minimums',
      params: said('各项学时要求互相矛盾', 'The hour minimums contradict each other'),
    });
  }
  if (p.publicityStart && p.publicityEnd && p.publicityEnd < p.publicityStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['publicityEnd'],
      message: 'before the start',
      params: said('结束日期早于开始日期', 'The end is before the start'),
    });
  }
});
export type Params2020 = z.infer<typeof Params2020>;
export type ParamKey = keyof Params2020;

export const DEFAULT_PARAMS_2020: Params2020 = {
  asOfDate: '2020-12-31',
  deadline: '2020-10-10',
  // The round's last day (N-2): the archive is judged as of the day it is handed in.
  applicationDate: '2020-10-10',
  countingConvention: 'anniversary',
  seniorityStart: 'qualification',
  yearsDoctorate: 2,
  yearsMaster: 5,
  yearsSecondBachelor: 5,
  yearsBachelor: 5,
  juniorCollegeRoute: true,
  yearsJuniorCollege: 5,
  juniorCollegeTotalYears: 15,
  ceYears: [2018, 2019, 2020],
  ceMinTotal: 90,
  ceMinProfessional: 60,
  ceMinPublic: 18,
  ceOnlineCap: 36,
  ceUncappedYear: 2020,
  publicityDays: 5,
  publicityStartCounts: true,
  publicityStart: '',
  publicityEnd: '',
  pensionYears: [2018, 2019, 2020],
  // The last three completed assessment years before the deadline: 2020 is assessed only after it ends.
  assessmentYears: [2017, 2018, 2019],
  graduateFormBefore: '2001-01-01',
  disciplineBarYears: 3,
  summaryMinChars: 300,
  ageMin: 20,
  ageMax: 65,
  covidSeniorityMinusOne: true,
  covidCeDeemed: true,
  covidPostRatioNotBinding: true,
  covidAntiEpidemicWork: true,
};

export type ParamKind = 'date' | 'number' | 'boolean' | 'years' | 'enum';

export interface ParamMeta {
  kind: ParamKind;
  label: Localized;
  source: string;
  confidence: Confidence;
  /** One of rules.md's open questions: shown first in the assumptions view. */
  isOpenQuestion?: boolean;
  /** For 'enum': the values with their labels. */
  options?: readonly { value: string; label: Localized }[];
}

const c = (
  kind: ParamKind,
  zh: string,
  en: string,
  source: string,
  confidence: Confidence,
  extra: Partial<ParamMeta> = {},
): ParamMeta => ({ kind, label: { zh, en }, source, confidence, ...extra });

export const PARAM_META: Record<ParamKey, ParamMeta> = {
  asOfDate: c('date', '任职年限计算截止日', 'As-of date for years', 'N-7', 'confirmed'),
  deadline: c('date', '材料报送截止日', 'Submission deadline', 'N-2', 'confirmed'),
  applicationDate: c(
    'date',
    '申报日期（按此日期判断档案）',
    'Application date (the archive is judged as of it)',
    'N-2, R-8',
    'assumed',
  ),
  countingConvention: c('enum', '“满 N 年”的计算方法', 'How "N years" are counted', 'R-1', 'assumed', {
    isOpenQuestion: true,
    options: [
      {
        value: 'anniversary',
        label: { zh: '按周年（起算日 + N 年 ≤ 截止日）', en: 'Anniversary (start + N years ≤ as-of)' },
      },
      {
        value: 'calendarYear',
        label: { zh: '按年度（截止年 − 起算年 ≥ N）', en: 'Calendar years (as-of year − start year ≥ N)' },
      },
    ],
  }),
  seniorityStart: c('enum', '任职年限起算日', 'Seniority counted from', 'R-1', 'assumed', {
    isOpenQuestion: true,
    options: [
      { value: 'qualification', label: { zh: '工程师资格证书取得日期', en: 'Date on the engineer certificate' } },
      { value: 'appointment', label: { zh: '工程师聘任时间', en: 'Appointment as engineer' } },
    ],
  }),
  yearsDoctorate: c(
    'number',
    '博士：取得工程师后年限',
    'Doctorate: years after the engineer title',
    '人社部发〔2019〕16号',
    'confirmed',
  ),
  yearsMaster: c(
    'number',
    '硕士：取得工程师后年限',
    "Master's: years after the engineer title",
    '人社部发〔2019〕16号',
    'confirmed',
  ),
  yearsSecondBachelor: c(
    'number',
    '第二学士：取得工程师后年限',
    'Second bachelor: years after the engineer title',
    '人社部发〔2019〕16号',
    'confirmed',
  ),
  yearsBachelor: c(
    'number',
    '本科/学士：取得工程师后年限',
    'Bachelor: years after the engineer title',
    '人社部发〔2019〕16号',
    'confirmed',
  ),
  juniorCollegeRoute: c('boolean', '大专学历可申报（浙江）', 'Junior-college route exists', 'R-1', 'assumed', {
    isOpenQuestion: true,
  }),
  yearsJuniorCollege: c(
    'number',
    '大专：取得工程师后年限',
    'Junior college: years after the engineer title',
    'R-1',
    'assumed',
    {
      isOpenQuestion: true,
    },
  ),
  juniorCollegeTotalYears: c(
    'number',
    '大专：专业工作总年限',
    'Junior college: total years of work',
    'R-1',
    'assumed',
    {
      isOpenQuestion: true,
    },
  ),
  ceYears: c('years', '核查继续教育的年度', 'Continuing-education years checked', 'R-4', 'confirmed'),
  ceMinTotal: c('number', '每年继续教育总学时', 'CE hours a year, total', 'N-6', 'confirmed'),
  ceMinProfessional: c('number', '每年专业科目学时', 'CE hours a year, professional', 'N-6', 'confirmed'),
  ceMinPublic: c('number', '每年公需科目学时', 'CE hours a year, public', 'N-6', 'confirmed'),
  ceOnlineCap: c('number', '网络专业课程每年计入上限', 'Online professional hours counted a year', 'R-4', 'inferred', {
    isOpenQuestion: true,
  }),
  ceUncappedYear: c('number', '网络课件不设上限的年度', 'Year online courseware is uncapped', 'N-6', 'confirmed'),
  publicityDays: c('number', '单位公示最少工作日', 'Publicity: minimum working days', 'N-8', 'confirmed'),
  publicityStartCounts: c('boolean', '公示首日计入工作日', 'Publicity start day counts', 'R-5', 'assumed', {
    isOpenQuestion: true,
  }),
  publicityStart: c('date', '单位公示开始日期', 'Publicity start (your unit)', 'N-8, M-3', 'confirmed'),
  publicityEnd: c('date', '单位公示结束日期', 'Publicity end (your unit)', 'N-8, M-3', 'confirmed'),
  pensionYears: c('years', '养老保险缴费证明年度', 'Pension proof years', 'M-5, R-8', 'confirmed'),
  assessmentYears: c('years', '年度考核年度', 'Annual assessment years', 'M-9, R-8', 'inferred'),
  graduateFormBefore: c(
    'date',
    '需《高校毕业生登记表》的毕业日期之前',
    'Graduate form needed before',
    'N-12',
    'confirmed',
  ),
  disciplineBarYears: c('number', '弄虚作假后不得申报年数', 'Years barred after falsification', 'N-15', 'confirmed'),
  summaryMinChars: c('number', '工作总结最少字数', 'Work summary: minimum characters', 'M-8', 'assumed', {
    isOpenQuestion: true,
  }),
  ageMin: c('number', '年龄提醒下限', 'Age warning: below', 'R-6', 'assumed'),
  ageMax: c('number', '年龄提醒上限', 'Age warning: above', 'R-6', 'assumed'),
  covidSeniorityMinusOne: c(
    'boolean',
    '疫情一线：提前一年申报',
    'COVID frontline: apply one year early',
    '人社厅发〔2020〕23号, N-4',
    'confirmed',
    {
      isOpenQuestion: true,
    },
  ),
  covidCeDeemed: c(
    'boolean',
    '疫情一线：2020 年继续教育视同完成',
    'COVID frontline: 2020 CE deemed complete',
    '人社厅发〔2020〕23号',
    'confirmed',
  ),
  covidPostRatioNotBinding: c(
    'boolean',
    '疫情一线：不受岗位结构比例限制',
    'COVID frontline: post ratio not binding',
    '人社厅发〔2020〕23号',
    'confirmed',
  ),
  covidAntiEpidemicWork: c(
    'boolean',
    '疫情一线：抗疫成果可作代表作',
    'COVID frontline: anti-epidemic result as representative work',
    '人社厅发〔2020〕23号',
    'confirmed',
  ),
};

/** Validates a full set of parameters (throws a ZodError listing every bad value). */
export const parseParams2020 = (value: unknown): Params2020 => Params2020.parse(value);
