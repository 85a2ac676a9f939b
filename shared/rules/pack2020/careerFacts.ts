// What a table across applicants shows of one archive beside the verdict (issue 17 item 3): the highest
// education, the current title and its date, the whole years in it and of professional work at the as-of
// date (N-7), and the annual assessments (M-9) and continuing-education hours (N-6, R-4) of each year the
// rule pack checks. The per-year flags are the pack's own findings (M-9.assessments#year,
// R-4.ce-hours#year): the table never judges a year a second way.
import type { ArchiveDocument } from '../../archive/schema.js';
import { TITLE_LEVELS } from '../../archive/schema.js';
import { isRealDate } from '../../checks/dates.js';
import type { Finding, Status } from '../types.js';
import { ceTotals } from './ce.js';
import { wholeYears } from './helpers.js';
import type { Params2020 } from './params.js';
import { highestEducation } from './seniority.js';

export interface CareerFacts {
  /** The highest completed education level ('' when none is entered). */
  education: string;
  /** The highest title held (the newest of that level): its name, level and date. */
  title: { name: string; level: string; obtainedDate: string } | null;
  /** Whole years from the title's date to the as-of date (anniversary counting); null without a date. */
  yearsInTitle: number | null;
  /** Whole years from the first work period to the as-of date; null without one. */
  yearsOfWork: number | null;
  /** Each assessment year the pack checks: the result entered ('' for none) and the pack's finding. */
  assessments: { year: number; result: string; status: Status | null }[];
  /** Each continuing-education year the pack checks: hours counted as R-4 counts them and its finding. */
  ce: { year: number; total: number; status: Status | null }[];
}

const LEVEL_RANK = (level: string) => TITLE_LEVELS.indexOf(level as (typeof TITLE_LEVELS)[number]);

export function careerFacts(archive: ArchiveDocument, params: Params2020, findings: readonly Finding[]): CareerFacts {
  const asOf = params.asOfDate;
  const statusOf = new Map(findings.map((f) => [f.id, f.status]));
  const title =
    [...archive.titles]
      .filter((t) => t.level !== '' || t.name.trim() !== '')
      .sort((a, b) => LEVEL_RANK(b.level) - LEVEL_RANK(a.level) || (a.obtainedDate < b.obtainedDate ? 1 : -1))[0] ??
    null;
  const firstWork = archive.workPeriods
    .map((w) => w.startDate)
    .filter(isRealDate)
    .sort()[0];
  const totals = ceTotals(archive, params);
  const years = (list: readonly number[]) => [...list].sort((a, b) => a - b);
  return {
    education: highestEducation(archive.educations, asOf)?.level ?? '',
    title: title ? { name: title.name, level: title.level, obtainedDate: title.obtainedDate } : null,
    yearsInTitle:
      title && isRealDate(title.obtainedDate) && title.obtainedDate <= asOf
        ? wholeYears(title.obtainedDate, asOf)
        : null,
    yearsOfWork: firstWork && firstWork <= asOf ? wholeYears(firstWork, asOf) : null,
    assessments: years(params.assessmentYears).map((year) => ({
      year,
      result: archive.assessments.find((a) => a.year === year)?.result ?? '',
      status: statusOf.get(`M-9.assessments#${year}`) ?? null,
    })),
    ce: years(params.ceYears).map((year) => ({
      year,
      total: totals.find((t) => t.year === year)?.total ?? 0,
      status: statusOf.get(`R-4.ce-hours#${year}`) ?? null,
    })),
  };
}
