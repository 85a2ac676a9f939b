// The working day a refused publicity start (a weekend, a holiday) can move to, on the same state calendar
// the core counts with (shared/calendar, R-5); null outside the calendar's years — never a guess.
import { addDays, dayKind } from '../../../../shared/calendar/workingDays.js';

/** The first working day after `date` when `date` itself is a rest day; null when it is not, or unknown. */
export function nextWorkingDayAfterRest(date: string): string | null {
  if (dayKind(date) !== 'rest') return null;
  let day = date;
  // The longest run of rest days (the Spring Festival with its extension) is well under a month.
  for (let i = 0; i < 40; i++) {
    day = addDays(day, 1);
    const kind = dayKind(day);
    if (kind === 'work') return day;
    if (kind === 'unknown') return null;
  }
  return null;
}
