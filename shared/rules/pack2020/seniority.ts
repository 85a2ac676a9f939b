// R-1 Education and seniority (学历资历), N-7: the route by highest education, the years since 工程师
// counted to the as-of date, the 大专 route (assumed) and a degree obtained after 工程师.
// National floor 人社部发〔2019〕16号: doctorate 2 years, master / second bachelor / bachelor 5 years after
// 工程师; otherwise only exceptional promotion (破格, R-2). Zhejiang's own table was not found.
import { EDUCATION_LEVEL_LABELS } from '../../archive/labels.js';
import { TITLE_SERIES_LABELS } from '../../archive/titleSeries.js';
import type { Education, Title } from '../../archive/schema.js';
import { isRealDate } from '../../checks/dates.js';
import type { Confidence, Outcome, Rule } from '../types.js';
import { addYears, field, recordEvidence, screen, t, wholeYears, yearsMet, type Input } from './helpers.js';
import type { Params2020 } from './params.js';

const LEVEL_ORDER = ['doctorate', 'master', 'second_bachelor', 'bachelor', 'junior_college', 'secondary'] as const;
type Level = (typeof LEVEL_ORDER)[number];

/** Completed (R-1): a real graduation date on or before the as-of date. Studies under way never decide the route. */
export const isCompleted = (e: Education, asOf: string): boolean =>
  isRealDate(e.graduationDate) && e.graduationDate <= asOf;

/** The highest completed education (ties: the earliest graduation), or null. */
export function highestEducation(
  educations: readonly Education[],
  asOf: string,
): (Education & { level: Level }) | null {
  let best: (Education & { level: Level }) | null = null;
  for (const e of educations) {
    if (e.level === '' || !isCompleted(e, asOf)) continue;
    const rank = LEVEL_ORDER.indexOf(e.level);
    const bestRank = best ? LEVEL_ORDER.indexOf(best.level) : Infinity;
    if (rank < bestRank || (rank === bestRank && best && e.graduationDate < best.graduationDate)) {
      best = e as Education & { level: Level };
    }
  }
  return best;
}

const byDate = (a: Title, b: Title) => (a.obtainedDate < b.obtainedDate ? -1 : a.obtainedDate > b.obtainedDate ? 1 : 0);
const intermediate = (titles: readonly Title[]) =>
  titles.filter((x) => x.level === 'intermediate' && isRealDate(x.obtainedDate)).sort(byDate);

/** The 工程师 qualification (R-1): the earliest intermediate title of the engineering series with a real date. */
export function engineerTitle(titles: readonly Title[]): Title | null {
  return intermediate(titles).find((x) => x.series === 'engineering') ?? null;
}

/** The earliest intermediate title of another (or an unchosen) series: counts only when no engineering one exists. */
export function otherSeriesTitle(titles: readonly Title[]): Title | null {
  return intermediate(titles).find((x) => x.series !== 'engineering') ?? null;
}

/** The appointment as 工程师: the earliest appointment starting on or after the qualification. */
function engineerAppointment(input: Input, title: Title): { id: string; startDate: string } | null {
  const found = input.archive.appointments
    .filter((a) => isRealDate(a.startDate) && a.startDate >= title.obtainedDate)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  return found[0] ?? null;
}

interface Route {
  years: number;
  confidence: Confidence;
}

function routeOf(level: Level, p: Params2020): Route | null {
  switch (level) {
    case 'doctorate':
      return { years: p.yearsDoctorate, confidence: 'confirmed' };
    case 'master':
      return { years: p.yearsMaster, confidence: 'confirmed' };
    case 'second_bachelor':
      return { years: p.yearsSecondBachelor, confidence: 'confirmed' };
    case 'bachelor':
      return { years: p.yearsBachelor, confidence: 'confirmed' };
    case 'junior_college':
      return p.juniorCollegeRoute ? { years: p.yearsJuniorCollege, confidence: 'assumed' } : null;
    case 'secondary':
      return null;
  }
}

const EXCEPTIONAL_NOTE = t(
  '已勾选破格申报：由评审按破格条件判断（见 R-2）。',
  'Exceptional promotion is set: judged on the exceptional conditions (see R-2).',
);

export const routeRule: Rule<Params2020> = {
  id: 'R-1.route',
  clause: ['R-1', '人社部发〔2019〕16号'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('学历：按最高学历确定申报途径', 'Education: the route by the highest education'),
  params: ['juniorCollegeRoute', 'yearsJuniorCollege', 'asOfDate'],
  check({ archive, params }) {
    const best = highestEducation(archive.educations, params.asOfDate);
    const exceptional = archive.application.exceptional;
    const underWay = archive.educations.filter((e) => e.level !== '' && !isCompleted(e, params.asOfDate));
    const underWayNote =
      underWay.length > 0
        ? t(
            `（${underWay.map((e) => EDUCATION_LEVEL_LABELS[e.level as Level].zh).join('、')}尚未毕业，不作为申报途径）`,
            ` (${underWay.map((e) => EDUCATION_LEVEL_LABELS[e.level as Level].en).join(', ')} not yet completed: not a route)`,
          )
        : t('', '');
    if (!best) {
      return [
        {
          status: exceptional ? 'review' : 'fail',
          message: exceptional
            ? EXCEPTIONAL_NOTE
            : t(
                `尚未填写已毕业的学历${underWayNote.zh}：高级工程师须本科及以上学历（或破格申报）。`,
                `No completed education entered${underWayNote.en}: the senior title needs a bachelor degree or higher (or exceptional promotion).`,
              ),
          fix: screen('educations'),
        },
      ];
    }
    const level = EDUCATION_LEVEL_LABELS[best.level];
    const evidence = [recordEvidence(archive, 'educations', best.id)];
    const route = routeOf(best.level, params);
    if (best.level === 'junior_college') {
      return [
        {
          status: 'review',
          confidence: 'assumed',
          message: route
            ? t(
                `大专途径：国家标准无此途径，浙江的规定未找到；按假设（取得工程师后满 ${route.years} 年、专业工作满 ${params.juniorCollegeTotalYears} 年）核对，须人工确认。`,
                `Junior-college route: the national standard has none and Zhejiang's rule was not found; checked against the assumption (${route.years} years after the engineer title, ${params.juniorCollegeTotalYears} years of work) — a person must confirm.`,
              )
            : t(
                '大专途径已在参数中关闭：只能破格申报。',
                'The junior-college route is switched off in the parameters: exceptional promotion only.',
              ),
          evidence,
          fix: field(`educations.${best.id}.level`),
        },
      ];
    }
    if (!route) {
      return [
        {
          status: exceptional ? 'review' : 'fail',
          message: exceptional
            ? EXCEPTIONAL_NOTE
            : t(
                `最高学历为${level.zh}：国家标准规定本科以下只能破格申报（两名正高级工程师推荐）。`,
                `Highest education ${level.en}: below a bachelor degree only exceptional promotion is possible (two professor-level senior engineers recommend).`,
              ),
          evidence,
          fix: field('application.exceptional'),
        },
      ];
    }
    return [
      {
        status: 'pass',
        message: t(
          `最高学历${level.zh}：取得工程师后满 ${route.years} 年可申报${underWayNote.zh}。`,
          `Highest education ${level.en}: ${route.years} years after the engineer title${underWayNote.en}.`,
        ),
        evidence,
      },
    ];
  },
};

function seniorityOutcome(input: Input): Outcome {
  const { archive, params } = input;
  const exceptional = archive.application.exceptional;
  const title = engineerTitle(archive.titles);
  if (!title) {
    const other = otherSeriesTitle(archive.titles);
    if (other) {
      // R-1: another series does not start the clock; applying across series (转系列) is the committee's call.
      const series = other.series === '' ? null : TITLE_SERIES_LABELS[other.series];
      return {
        status: 'review',
        message: series
          ? t(
              `中级职称“${other.name || '（未填名称）'}”属${series.zh}系列，不是工程系列的工程师：跨系列申报（转系列）由评审委员会判断，年限不按它计算。`,
              `The intermediate title "${other.name}" is of the ${series.en} series, not an engineering one: applying across series is for the committee to judge; years are not counted from it.`,
            )
          : t(
              `中级职称“${other.name || '（未填名称）'}”未选择职称系列：请选择；只有工程系列的工程师从取得之日起计算年限。`,
              `The intermediate title "${other.name}" has no series chosen: choose it; only an engineering-series title starts the years.`,
            ),
        evidence: [recordEvidence(archive, 'titles', other.id, 'series')],
        fix: field(`titles.${other.id}.series`),
      };
    }
    return {
      status: exceptional ? 'review' : 'fail',
      message: t(
        '未找到工程系列的中级职称（工程师）及其取得时间：高级工程师须在取得工程师后满规定年限。',
        'No intermediate engineering title (engineer) with its date: the senior title counts years after the engineer title.',
      ),
      fix: screen('titles'),
    };
  }
  const best = highestEducation(archive.educations, params.asOfDate);
  const route = best ? routeOf(best.level, params) : null;
  const evidence = [recordEvidence(archive, 'titles', title.id, 'obtainedDate')];
  if (best) evidence.push(recordEvidence(archive, 'educations', best.id));
  if (!best || !route) {
    return {
      status: 'review',
      message: t(
        '申报途径未定（见 R-1.route），无法核对年限。',
        'The route is not settled (see R-1.route): years cannot be checked.',
      ),
      evidence,
      fix: screen('educations'),
    };
  }
  const asOf = params.asOfDate;
  const covid = archive.application.covidFrontline && params.covidSeniorityMinusOne;
  const required = Math.max(0, route.years - (covid ? 1 : 0));
  const appointment = engineerAppointment(input, title);
  const start = params.seniorityStart === 'appointment' && appointment ? appointment.startDate : title.obtainedDate;
  const otherStart = params.seniorityStart === 'appointment' ? title.obtainedDate : appointment?.startDate;
  const met = yearsMet(start, asOf, required);
  const chosen = params.countingConvention === 'anniversary' ? met.anniversary : met.calendarYear;
  const other = params.countingConvention === 'anniversary' ? met.calendarYear : met.anniversary;
  const otherStartMet =
    otherStart !== undefined && isRealDate(otherStart)
      ? params.countingConvention === 'anniversary'
        ? yearsMet(otherStart, asOf, required).anniversary
        : yearsMet(otherStart, asOf, required).calendarYear
      : chosen;
  const withoutCovid = covid
    ? params.countingConvention === 'anniversary'
      ? yearsMet(start, asOf, route.years).anniversary
      : yearsMet(start, asOf, route.years).calendarYear
    : chosen;
  const done = wholeYears(start, asOf);
  const due = addYears(start, required);
  const summary = t(
    `自 ${start} 起至 ${asOf} 满 ${done} 年，须满 ${required} 年（${params.countingConvention === 'anniversary' ? `按周年：${due} 满` : '按年度计'}）`,
    `${done} full years from ${start} to ${asOf}; ${required} needed (${params.countingConvention === 'anniversary' ? `anniversary: met on ${due}` : 'calendar years'})`,
  );
  const notes: string[][] = [];
  if (other !== chosen)
    notes.push(['另一种计算方法（按年度/按周年）结论不同', 'the other counting convention gives a different answer']);
  if (otherStartMet !== chosen)
    notes.push([
      '以聘任时间/资格取得时间起算结论不同',
      'counting from the appointment / qualification date gives a different answer',
    ]);
  if (covid)
    notes.push([
      '已按疫情一线政策减少 1 年（是否适用于本专业未确认）',
      'one year less under the COVID-19 frontline policy (its applicability to these specialties is unconfirmed)',
    ]);
  const noteText = t(
    notes.length ? `；${notes.map((n) => n[0]).join('；')}` : '',
    notes.length ? `; ${notes.map((n) => n[1]).join('; ')}` : '',
  );
  const message = t(`${summary.zh}${noteText.zh}。`, `${summary.en}${noteText.en}.`);
  const fix = field(`titles.${title.id}.obtainedDate`);
  if (chosen) {
    // Met only thanks to the COVID-19 reduction, whose applicability here is unknown (R-3): a person judges.
    if (covid && !withoutCovid) return { status: 'review', message, evidence, fix };
    return { status: 'pass', message, evidence, fix };
  }
  // Not met under the default conventions. A different answer under the other (assumed) convention, an
  // assumed route or an exceptional application makes it a judgement call, not a failure.
  if (other || otherStartMet || exceptional) {
    return {
      status: 'review',
      message: exceptional ? t(message.zh + EXCEPTIONAL_NOTE.zh, message.en + ' ' + EXCEPTIONAL_NOTE.en) : message,
      evidence,
      fix,
    };
  }
  return { status: 'fail', message, evidence, fix, confidence: route.confidence };
}

export const seniorityRule: Rule<Params2020> = {
  id: 'R-1.seniority',
  clause: ['R-1', 'N-7', '人社部发〔2019〕16号'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t(
    '任职年限：取得工程师后满规定年限（算至截止日）',
    'Seniority: years after the engineer title, counted to the as-of date',
  ),
  params: [
    'asOfDate',
    'countingConvention',
    'seniorityStart',
    'yearsDoctorate',
    'yearsMaster',
    'yearsSecondBachelor',
    'yearsBachelor',
    'yearsJuniorCollege',
    'covidSeniorityMinusOne',
  ],
  check: (input) => [seniorityOutcome(input)],
};

export const lateDegreeRule: Rule<Params2020> = {
  id: 'R-1.late-degree',
  clause: ['R-1'],
  severity: 'warning',
  confidence: 'assumed',
  title: t('取得工程师后才获得的学历', 'A degree obtained after the engineer title'),
  params: ['asOfDate'],
  check({ archive, params }) {
    const title = engineerTitle(archive.titles);
    const best = highestEducation(archive.educations, params.asOfDate);
    if (!title || !best || !isRealDate(best.graduationDate)) {
      return [{ status: 'n/a', message: t('无需核对。', 'Nothing to check.') }];
    }
    const evidence = [recordEvidence(archive, 'educations', best.id), recordEvidence(archive, 'titles', title.id)];
    if (best.graduationDate > title.obtainedDate) {
      return [
        {
          status: 'review',
          message: t(
            `最高学历（${best.graduationDate}）在取得工程师（${title.obtainedDate}）之后：是否按该学历的途径计算年限未确认，请人工判断。`,
            `The highest education (${best.graduationDate}) came after the engineer title (${title.obtainedDate}): whether its route applies is unconfirmed; a person must judge.`,
          ),
          evidence,
          fix: field(`educations.${best.id}.graduationDate`),
        },
      ];
    }
    return [
      {
        status: 'pass',
        message: t('最高学历在取得工程师之前。', 'The highest education came before the engineer title.'),
        evidence,
      },
    ];
  },
};

export const totalYearsRule: Rule<Params2020> = {
  id: 'R-1.junior-college-work',
  clause: ['R-1'],
  severity: 'blocker',
  confidence: 'assumed',
  title: t('大专途径：专业工作总年限', 'Junior-college route: total years of professional work'),
  params: ['juniorCollegeTotalYears', 'asOfDate'],
  check({ archive, params }) {
    const best = highestEducation(archive.educations, params.asOfDate);
    if (best?.level !== 'junior_college' || !params.juniorCollegeRoute) {
      return [{ status: 'n/a', message: t('不是大专途径。', 'Not the junior-college route.') }];
    }
    const starts = archive.workPeriods
      .filter((w) => isRealDate(w.startDate))
      .map((w) => w.startDate)
      .sort();
    const first = starts[0];
    if (!first) {
      return [
        { status: 'fail', message: t('未填写工作经历。', 'No work history entered.'), fix: screen('workPeriods') },
      ];
    }
    const years = wholeYears(first, params.asOfDate);
    const ok = years >= params.juniorCollegeTotalYears;
    return [
      {
        status: ok ? 'pass' : 'fail',
        message: t(
          `自 ${first} 起专业工作 ${years} 年，假设须满 ${params.juniorCollegeTotalYears} 年。`,
          `${years} years of work since ${first}; assumed minimum ${params.juniorCollegeTotalYears}.`,
        ),
        fix: screen('workPeriods'),
      },
    ];
  },
};
