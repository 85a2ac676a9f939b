// The state calendar of working days (R-5, N-8): Monday–Friday, minus public holidays, plus the adjusted
// working weekend days (调休). Shipped as data with its source; a date outside the covered years is
// "calendar unknown", never a guess. To cover a new year, add its notice here and its test.
//
// Sources (rules.md R-5; checked against the npm package `chinese-days` in test/unit/rules-calendar.test.ts):
// - 2020: 国办发明电〔2019〕16号 (holiday arrangements for 2020) and 国办发明电〔2020〕1号 (the Spring
//   Festival extension). 2020-02-01 was announced as a working Saturday; the extension made it a rest day.
// - 2021: 国办发明电〔2020〕27号 (holiday arrangements for 2021).
// - 2022–2026 (issue 7: a unit's publicity happens today, N-8): the State Council's yearly notices on the
//   holiday arrangements (2022: 国办发明电〔2021〕11号; 2023: 〔2022〕16号; 2024: 〔2023〕7号; 2025: 〔2024〕12号;
//   2026: the notice of late 2025), taken from `chinese-days` and checked day by day against it in the test.
//   2027 is not announced yet (the notice comes out each November): its dates are "calendar unknown".

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
  {
    year: 2022,
    source: '国办发明电〔2021〕11号',
    rest: [
      ['2022-01-01', '2022-01-03'],
      ['2022-01-31', '2022-02-06'],
      ['2022-04-03', '2022-04-05'],
      ['2022-04-30', '2022-05-04'],
      ['2022-06-03', '2022-06-05'],
      ['2022-09-10', '2022-09-12'],
      ['2022-10-01', '2022-10-07'],
      ['2022-12-31', '2022-12-31'],
    ],
    work: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    year: 2023,
    source: '国办发明电〔2022〕16号',
    rest: [
      ['2023-01-01', '2023-01-02'],
      ['2023-01-21', '2023-01-27'],
      ['2023-04-05', '2023-04-05'],
      ['2023-04-29', '2023-05-03'],
      ['2023-06-22', '2023-06-24'],
      ['2023-09-29', '2023-10-06'],
    ],
    work: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    source: '国办发明电〔2023〕7号',
    rest: [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    work: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    rest: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    rest: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

export const CALENDAR_SOURCE = CN_CALENDAR.map((y) => `${y.year}: ${y.source}`).join('; ');
