// R-5 Publicity at the unit (N-8, M-3): at least 5 working days on the state calendar. The counting
// convention (does the start day count?) is assumed, so the other convention's end is shown too, and a
// date outside the calendar data is "calendar unknown" — never a guess.
// Its fixes point at the date to change on 假设与参数 (`params.publicityStart` / `params.publicityEnd`).
import { countWorkingDays, coveredYears, nthWorkingDay } from '../../calendar/workingDays.js';
import type { Outcome, Rule } from '../types.js';
import { field, proofOutcome, t } from './helpers.js';
import type { Params2020 } from './params.js';

const unknownCalendar = (from: string): Outcome => ({
  status: 'review',
  message: t(
    `工作日日历未覆盖 ${from}（已有：${coveredYears().join('、')} 年）：无法计算，请按国务院办公厅当年的放假安排人工核对。`,
    `The working-day calendar does not cover ${from} (covered: ${coveredYears().join(', ')}): cannot count; check against the State Council's holiday notice for that year.`,
  ),
  fix: field('params.publicityStart'),
});

export const publicityRule: Rule<Params2020> = {
  id: 'R-5.publicity',
  clause: ['R-5', 'N-8', 'M-3'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('单位公示不少于 5 个工作日', 'Publicity at the unit: at least 5 working days'),
  params: ['publicityDays', 'publicityStartCounts', 'publicityStart', 'publicityEnd'],
  check({ params }) {
    const n = params.publicityDays;
    const start = params.publicityStart;
    if (start === '') {
      // The unit publicises after it has reviewed the hand-in (N-8): before that there is nothing to judge,
      // only a note (the unit's workspace checks each applicant against its own period).
      return [
        {
          status: 'review',
          severity: 'info',
          message: t(
            `单位公示在单位审核申报材料后进行，须不少于 ${n} 个工作日；公示日期确定后可在“假设与参数”中填写。`,
            `Your unit publicises after reviewing your hand-in, for at least ${n} working days; enter the dates on the Assumptions screen once known.`,
          ),
          fix: field('params.publicityStart'),
        },
      ];
    }
    const chosen = nthWorkingDay(start, n, params.publicityStartCounts);
    const other = nthWorkingDay(start, n, !params.publicityStartCounts);
    if (!chosen.ok) return [unknownCalendar(chosen.unknownFrom)];
    const otherText = other.ok ? other.date : t('日历未覆盖', 'calendar unknown').zh;
    const ends = t(
      `自 ${start} 起第 ${n} 个工作日为 ${chosen.date}（${params.publicityStartCounts ? '首日计入' : '首日不计入'}；按另一种算法为 ${otherText}）`,
      `from ${start} the ${n}th working day is ${chosen.date} (${params.publicityStartCounts ? 'start day counted' : 'start day not counted'}; the other convention gives ${other.ok ? other.date : 'calendar unknown'})`,
    );
    if (params.publicityEnd === '') {
      return [
        {
          status: 'review',
          message: t(
            `${ends.zh}。请填写公示结束日期。`,
            `${ends.en[0]!.toUpperCase()}${ends.en.slice(1)}. Enter the end date.`,
          ),
          fix: field('params.publicityEnd'),
        },
      ];
    }
    const count = countWorkingDays(start, params.publicityEnd, params.publicityStartCounts);
    if (!count.ok) return [unknownCalendar(count.unknownFrom)];
    const otherCount = countWorkingDays(start, params.publicityEnd, !params.publicityStartCounts);
    const message = t(
      `公示 ${start} 至 ${params.publicityEnd}，共 ${count.days} 个工作日；${ends.zh}。`,
      `Publicity ${start} to ${params.publicityEnd}: ${count.days} working days; ${ends.en}.`,
    );
    // Enough under the default convention passes; the other convention's end date is in the message
    // as a note, not a point to judge.
    if (count.days >= n) return [{ status: 'pass', message }];
    return [
      {
        status: otherCount.ok && otherCount.days >= n ? 'review' : 'fail',
        message,
        fix: field('params.publicityEnd'),
      },
    ];
  },
};

// The confirmation (M-3) is issued and stamped by the unit after its publicity (N-8), which follows the
// applicant's hand-in; the unit's workspace makes it and adds it at the countersignature (level 2,
// content/unit/publicity-confirmation.pdf). So the applicant cannot have it before the export: a note, not a
// requirement — an attached scan still passes.
const PUBLICITY_FORM = t('申报材料公示确认表', 'the publicity confirmation form');

export const publicityProofRule: Rule<Params2020> = {
  id: 'M-3.publicity-form',
  clause: ['M-3', 'N-8'],
  severity: 'info',
  confidence: 'confirmed',
  title: t('申报材料公示确认表', 'Publicity confirmation form'),
  params: [],
  check: (input) => {
    const outcome = proofOutcome(input, { slot: 'M-3/publicity', what: PUBLICITY_FORM });
    if (outcome.status !== 'fail') return [outcome];
    return [
      {
        ...outcome,
        status: 'review',
        message: t(
          '申报材料公示确认表由单位在公示期满后出具并盖章（N-8），导出申报包前无需上传；单位审核加签时会将其加入申报包。如已取得，也可上传扫描件。',
          'The publicity confirmation form is issued and stamped by your unit after the publicity period (N-8): you need not attach it before the export, the unit adds it when it countersigns the package. If you already have it, you may attach its scan.',
        ),
      },
    ];
  },
};
