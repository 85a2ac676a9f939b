// Dates as the unit's documents (the publicity notice, the opinion page, the summary sheet) write them in
// running text: 2020年9月28日, the style of official notices; tables use the forms' 2020.09.28 (facts.ts).
import { formatDate } from './facts.js';

export const zhDate = (date: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
};

/** A publicity period in a table cell: 2020.09.28—2020.10.10. */
export const periodCell = (start: string, end: string): string => `${formatDate(start)}—${formatDate(end)}`;
