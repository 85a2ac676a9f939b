// the working-day calendar shipped as data (shared/calendar), checked against rules.md and against
// the npm package chinese-days for every day of every covered year (2020–2026); counting conventions; refusing the unknown.
import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { CN_CALENDAR } from '../../shared/calendar/cn-holidays.js';
import { addDays, countWorkingDays, dayKind, nthWorkingDay } from '../../shared/calendar/workingDays.js';

function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('working-day calendar (R-5)', () => {
  it.each([
    [2020, 249],
    [2021, 250],
  ])('%i has %i working days', (year, expected) => {
    expect(daysOf(year).filter((d) => dayKind(d) === 'work')).toHaveLength(expected);
  });

  it.each([
    ['2020-02-01', 'rest'], // announced as a working Saturday, cancelled by the Spring Festival extension
    ['2020-10-10', 'work'], // working Saturday
    ['2020-09-27', 'work'], // working Sunday
    ['2020-10-08', 'rest'],
    ['2020-01-24', 'rest'],
    ['2021-02-07', 'work'],
    ['2021-10-09', 'work'],
    ['2021-02-17', 'rest'],
    ['2020-09-28', 'work'],
  ] as const)('%s is a %s day', (date, kind) => {
    expect(dayKind(date)).toBe(kind);
  });

  it('agrees with chinese-days on every day of every covered year, 2020 to 2026', () => {
    expect(CN_CALENDAR.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const days = CN_CALENDAR.flatMap((y) => daysOf(y.year));
    const disagreements = days.filter((d) => (dayKind(d) === 'work') !== isWorkday(d));
    expect(disagreements).toEqual([]);
  });

  it('knows the 2026 National Day week and its working weekend days (a publicity planned today, N-8)', () => {
    expect(dayKind('2026-10-01')).toBe('rest');
    expect(dayKind('2026-10-07')).toBe('rest');
    expect(dayKind('2026-09-20')).toBe('work');
    expect(dayKind('2026-10-10')).toBe('work');
    expect(nthWorkingDay('2026-09-28', 5)).toEqual({ ok: true, date: '2026-10-09' });
  });

  it('says "unknown" outside the data, never guesses', () => {
    expect(dayKind('2019-12-31')).toBe('unknown');
    expect(dayKind('2027-01-04')).toBe('unknown');
    expect(dayKind('2020-02-30')).toBe('unknown');
    expect(nthWorkingDay('2026-12-28', 5)).toEqual({ ok: false, unknownFrom: '2027-01-01' });
    expect(countWorkingDays('2019-12-30', '2020-01-10')).toEqual({ ok: false, unknownFrom: '2019-12-30' });
    expect(CN_CALENDAR.every((y) => y.source.length > 0)).toBe(true);
  });

  it('counts 5 working days from 2020-09-28 to the working Saturday 2020-10-10 (start day counts)', () => {
    expect(nthWorkingDay('2020-09-28', 5)).toEqual({ ok: true, date: '2020-10-10' });
    // The other convention: the start day does not count.
    expect(nthWorkingDay('2020-09-28', 5, false)).toEqual({ ok: true, date: '2020-10-12' });
    expect(countWorkingDays('2020-09-28', '2020-10-10')).toEqual({ ok: true, days: 5 });
    expect(countWorkingDays('2020-09-28', '2020-10-09')).toEqual({ ok: true, days: 4 });
    expect(countWorkingDays('2020-09-28', '2020-10-10', false)).toEqual({ ok: true, days: 4 });
  });

  it('starts on a rest day at the next working day; 2020-02-01 is not counted', () => {
    expect(nthWorkingDay('2020-01-31', 2)).toEqual({ ok: true, date: '2020-02-04' });
    expect(nthWorkingDay('2020-02-01', 1)).toEqual({ ok: true, date: '2020-02-03' });
    expect(countWorkingDays('2020-01-23', '2020-02-03')).toEqual({ ok: true, days: 2 });
  });
});
