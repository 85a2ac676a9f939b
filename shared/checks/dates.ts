// Calendar dates as the archive stores them: 'YYYY-MM-DD' text, '' while not entered (schema DateText).
// ISO dates compare correctly as strings, so comparisons need no Date objects and no time zone can
// shift a day.

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for an existing calendar day: '2020-02-29' yes, '2019-02-29' and '2020-13-01' no. */
export function isRealDate(s: string): boolean {
  const m = SHAPE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Negative, zero or positive like Array.sort expects. Both arguments must be 'YYYY-MM-DD'. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: string, b: string): boolean => compareDates(a, b) < 0;
export const isAfter = (a: string, b: string): boolean => compareDates(a, b) > 0;

/** Whole years of age on `on` (anniversary counting: the birthday itself completes the year). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A period of real dates; `end` '' means ongoing. */
export interface Period {
  start: string;
  end: string;
}

/** Far enough in the future to stand for "ongoing" in string comparisons. */
const OPEN_END = '9999-12-31';

/**
 * True when the two periods share at least one day (both ends inclusive, '' end = ongoing).
 * Callers that accept a hand-over day (one period ends the day the next starts) check that themselves.
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEnd = a.end || OPEN_END;
  const bEnd = b.end || OPEN_END;
  return a.start <= bEnd && b.start <= aEnd;
}
