// The state calendar of working days (R-5, N-8): Monday–Friday, minus public holidays, plus the adjusted
// working weekend days (调休). Shipped as data with its source; a date outside the covered years is
// "calendar unknown", never a guess. To cover a new year, add its notice here and its test.
//
// Sources (rules.md R-5; checked against the npm package `chinese-days` in test/unit/rules-calendar.test.ts):
// - 2020: 国办发明电〔2019〕16号 (holiday arrangements for 2020) and 国办发明电〔2020〕1号 (the Spring
//   Festival extension). 2020-02-01 was announced as a working Saturday; the extension made it a rest day.
// - 2021: 国办发明电〔2020〕27号 (holiday arrangements for 2021).

export interface CalendarYear {
  year: number;
  source: string;
  /** Weekdays that are rest days (holidays), as inclusive ranges [from, to]. Weekend days may be included. */
  rest: readonly (readonly [string, string])[];
  /** Saturdays and Sundays that are working days. */
  work: readonly string[];
}

export const CN_CALENDAR: readonly CalendarYear[] = [
  {
    year: 2020,
    source: '国办发明电〔2019〕16号；国办发明电〔2020〕1号（春节假期延长）',
    rest: [
      ['2020-01-01', '2020-01-01'],
      ['2020-01-24', '2020-02-02'],
      ['2020-04-04', '2020-04-06'],
      ['2020-05-01', '2020-05-05'],
      ['2020-06-25', '2020-06-27'],
      ['2020-10-01', '2020-10-08'],
    ],
    // 2020-02-01 is deliberately absent (the extension cancelled that working Saturday).
    work: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  {
    year: 2021,
    source: '国办发明电〔2020〕27号',
    rest: [
      ['2021-01-01', '2021-01-03'],
      ['2021-02-11', '2021-02-17'],
      ['2021-04-03', '2021-04-05'],
      ['2021-05-01', '2021-05-05'],
      ['2021-06-12', '2021-06-14'],
      ['2021-09-19', '2021-09-21'],
      ['2021-10-01', '2021-10-07'],
    ],
    work: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
];

export const CALENDAR_SOURCE = CN_CALENDAR.map((y) => `${y.year}: ${y.source}`).join('; ');
