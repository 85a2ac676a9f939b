// Working days on the state calendar (R-5, N-8), from the data in cn-holidays.ts. Dates are 'YYYY-MM-DD'
// text; day arithmetic runs in UTC so that no time zone can shift a day.
import { isRealDate } from '../checks/dates.js';
import { CN_CALENDAR, type CalendarYear } from './cn-holidays.js';

export type DayKind = 'work' | 'rest' | 'unknown';

const MS_PER_DAY = 86_400_000;
const toDays = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY;
const fromDays = (days: number) => new Date(days * MS_PER_DAY).toISOString().slice(0, 10);

/** Adds whole calendar days to a real date. */
export const addDays = (date: string, n: number): string => fromDays(toDays(date) + n);

interface YearIndex {
  rest: Set<string>;
  work: Set<string>;
}
const index = new Map<number, YearIndex>();

function yearIndex(year: number, data: readonly CalendarYear[]): YearIndex | null {
  const cached = data === CN_CALENDAR ? index.get(year) : undefined;
  if (cached) return cached;
  const entry = data.find((y) => y.year === year);
  if (!entry) return null;
  const rest = new Set<string>();
  for (const [from, to] of entry.rest) for (let d = from; d <= to; d = addDays(d, 1)) rest.add(d);
  const built = { rest, work: new Set(entry.work) };
  if (data === CN_CALENDAR) index.set(year, built);
  return built;
}

/** Whether a day is a working day; 'unknown' outside the years the data covers (never a guess). */
export function dayKind(date: string, data: readonly CalendarYear[] = CN_CALENDAR): DayKind {
  if (!isRealDate(date)) return 'unknown';
  const year = yearIndex(Number(date.slice(0, 4)), data);
  if (!year) return 'unknown';
  if (year.work.has(date)) return 'work';
  if (year.rest.has(date)) return 'rest';
  const weekday = new Date(toDays(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'rest' : 'work';
}

/** The years the calendar covers, for messages. */
export const coveredYears = (data: readonly CalendarYear[] = CN_CALENDAR): number[] => data.map((y) => y.year);

export type NthWorkingDay = { ok: true; date: string } | { ok: false; unknownFrom: string };

/**
 * The n-th working day counted from `start`. `startCounts` (the default convention, assumed in R-5): the
 * start day is day 1 when it is a working day; otherwise counting begins the next working day.
 * Example: start 2020-09-28, n 5 → 2020-10-10 (a working Saturday); not counting the start → 2020-10-12.
 */
export function nthWorkingDay(
  start: string,
  n: number,
  startCounts = true,
  data: readonly CalendarYear[] = CN_CALENDAR,
): NthWorkingDay {
  let day = startCounts ? start : isRealDate(start) ? addDays(start, 1) : start;
  let counted = 0;
  // A year holds at least ~240 working days, so the loop ends well before this bound for any sane n.
  for (let guard = 0; guard < 3_660; guard++) {
    const kind = dayKind(day, data);
    if (kind === 'unknown') return { ok: false, unknownFrom: day };
    if (kind === 'work' && ++counted >= n) return { ok: true, date: day };
    day = addDays(day, 1);
  }
  return { ok: false, unknownFrom: day };
}

/** The first working day after `date` (null when the calendar ends first: never a guess). */
export function nextWorkingDay(date: string, data: readonly CalendarYear[] = CN_CALENDAR): string | null {
  const next = nthWorkingDay(date, 1, false, data);
  return next.ok ? next.date : null;
}

/** Where a rest day (a refused publicity start) can move to: the next working day; null on a working day. */
export const nextWorkingDayAfterRest = (date: string): string | null =>
  dayKind(date) === 'rest' ? nextWorkingDay(date) : null;

export type WorkingDayCount = { ok: true; days: number } | { ok: false; unknownFrom: string };

/** Working days from `start` to `end`, both inclusive (or excluding `start` when `startCounts` is false). */
export function countWorkingDays(
  start: string,
  end: string,
  startCounts = true,
  data: readonly CalendarYear[] = CN_CALENDAR,
): WorkingDayCount {
  if (!isRealDate(start)) return { ok: false, unknownFrom: start };
  if (!isRealDate(end)) return { ok: false, unknownFrom: end };
  let days = 0;
  for (let day = startCounts ? start : addDays(start, 1); day <= end; day = addDays(day, 1)) {
    const kind = dayKind(day, data);
    if (kind === 'unknown') return { ok: false, unknownFrom: day };
    if (kind === 'work') days++;
  }
  return { ok: true, days };
}
