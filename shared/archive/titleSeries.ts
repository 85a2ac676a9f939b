// The series a professional title belongs to: only an intermediate title of the engineering series
// (工程师) starts the clock for 高级工程师; 经济师, 会计师 … are other series, and applying across series
// (转系列) is for the committee to judge. Archives of format version 1 had no series: it is derived from
// the title's name where the name says it unambiguously, and otherwise left for the applicant to choose.

/** 工程 / 经济 / 会计 / 统计 / 政工 / other. */
export const TITLE_SERIES = ['engineering', 'economics', 'accounting', 'statistics', 'political', 'other'] as const;
export type TitleSeries = (typeof TITLE_SERIES)[number];
type Localized = { zh: string; en: string };

export const TITLE_SERIES_LABELS: Readonly<Record<TitleSeries, Localized>> = {
  engineering: { zh: '工程', en: 'Engineering' },
  economics: { zh: '经济', en: 'Economics' },
  accounting: { zh: '会计', en: 'Accounting' },
  statistics: { zh: '统计', en: 'Statistics' },
  political: { zh: '政工', en: 'Political work' },
  other: { zh: '其他', en: 'Other' },
};

// The titles of each series as the certificates name them (技术员 … 正高级工程师 and the like). A name
// that matches words of two series (工程师 and 经济师 in one) says nothing for sure.
const SERIES_WORDS: readonly [TitleSeries, RegExp][] = [
  ['engineering', /工程师|技术员/],
  ['economics', /经济师|经济员/],
  ['accounting', /会计师|会计员/],
  ['statistics', /统计师|统计员/],
  ['political', /政工师|政工员/],
];

/** The series a title's name states unambiguously, or '' when it does not. */
export function deriveTitleSeries(name: string): TitleSeries | '' {
  const text = name.normalize('NFKC').replace(/\s+/gu, '');
  const found = SERIES_WORDS.filter(([, words]) => words.test(text)).map(([series]) => series);
  return found.length === 1 ? found[0]! : '';
}
