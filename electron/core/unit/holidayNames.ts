// The names of the public holidays of the state calendar (shared/calendar/cn-holidays.ts, R-5), so that a
// refused publicity start can say why the day is not a working day ("2020-10-01 是国庆节、中秋节假期").
// Keyed by the first day of each rest range of the calendar's data; a range without a name here is named
// as a public holiday in general rather than guessed. test/integration/unit-submit.test.ts checks every
// range of the calendar against the npm package chinese-days.
import type { Localized } from '../../../shared/api/contract.js';
import { CN_CALENDAR } from '../../../shared/calendar/cn-holidays.js';

const NEW_YEAR = { zh: '元旦', en: "New Year's Day" };
const SPRING = { zh: '春节', en: 'the Spring Festival' };
const QINGMING = { zh: '清明节', en: 'the Qingming Festival' };
const LABOUR = { zh: '劳动节', en: 'Labour Day' };
const DRAGON_BOAT = { zh: '端午节', en: 'the Dragon Boat Festival' };
const MID_AUTUMN = { zh: '中秋节', en: 'the Mid-Autumn Festival' };
const NATIONAL = { zh: '国庆节', en: 'National Day' };

/** The holidays of each rest range, by its first day (the notices cited in cn-holidays.ts). */
const NAMES: Readonly<Record<string, Localized>> = {
  '2020-01-01': NEW_YEAR,
  '2020-01-24': SPRING,
  '2020-04-04': QINGMING,
  '2020-05-01': LABOUR,
  '2020-06-25': DRAGON_BOAT,
  // 2020: National Day and the Mid-Autumn Festival fell together (10-01 … 10-08).
  '2020-10-01': { zh: '国庆节、中秋节', en: 'National Day and the Mid-Autumn Festival' },
  '2021-01-01': NEW_YEAR,
  '2021-02-11': SPRING,
  '2021-04-03': QINGMING,
  '2021-05-01': LABOUR,
  '2021-06-12': DRAGON_BOAT,
  '2021-09-19': MID_AUTUMN,
  '2021-10-01': NATIONAL,
  // 2022–2026: the yearly notices (cn-holidays.ts sources).
  '2022-01-01': NEW_YEAR,
  '2022-01-31': SPRING,
  '2022-04-03': QINGMING,
  '2022-04-30': LABOUR,
  '2022-06-03': DRAGON_BOAT,
  '2022-09-10': MID_AUTUMN,
  '2022-10-01': NATIONAL,
  // The Saturday before 2023's New Year's Day, already part of its rest period.
  '2022-12-31': NEW_YEAR,
  '2023-01-01': NEW_YEAR,
  '2023-01-21': SPRING,
  '2023-04-05': QINGMING,
  '2023-04-29': LABOUR,
  '2023-06-22': DRAGON_BOAT,
  '2023-09-29': { zh: '中秋节、国庆节', en: 'the Mid-Autumn Festival and National Day' },
  '2024-01-01': NEW_YEAR,
  '2024-02-10': SPRING,
  '2024-04-04': QINGMING,
  '2024-05-01': LABOUR,
  '2024-06-10': DRAGON_BOAT,
  '2024-09-15': MID_AUTUMN,
  '2024-10-01': NATIONAL,
  '2025-01-01': NEW_YEAR,
  '2025-01-28': SPRING,
  '2025-04-04': QINGMING,
  '2025-05-01': LABOUR,
  '2025-05-31': DRAGON_BOAT,
  '2025-10-01': { zh: '国庆节、中秋节', en: 'National Day and the Mid-Autumn Festival' },
  '2026-01-01': NEW_YEAR,
  '2026-02-15': SPRING,
  '2026-04-04': QINGMING,
  '2026-05-01': LABOUR,
  '2026-06-19': DRAGON_BOAT,
  '2026-09-25': MID_AUTUMN,
  '2026-10-01': NATIONAL,
};

const GENERAL = { zh: '法定节假日', en: 'a public holiday' };

/** The holiday a rest day belongs to, or null when it is an ordinary weekend day (or unknown). */
export function holidayOf(date: string): Localized | null {
  for (const year of CN_CALENDAR) {
    for (const [from, to] of year.rest) {
      if (date >= from && date <= to) return NAMES[from] ?? GENERAL;
    }
  }
  return null;
}

/** The first days of the calendar's rest ranges (for the check against chinese-days). */
export const namedRanges = (): string[] => Object.keys(NAMES);
