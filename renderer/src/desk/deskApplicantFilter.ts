// The desk table's search, filters and orderings (pure, one pass over the rows: the table at 5,000 rows
// runs them on every keystroke). The text folding, the pinyin collator and the verdict order are the
// unit's table's (unit/applicantFilter.ts), so the two tables sort and search alike.
import { DESK_STATUSES, type DeskStatus } from '../../../shared/desk/pipeline.js';
import type { DeskApplicantRow, WaitsAt } from '../../../shared/desk/table.js';
import type { Verdict } from '../../../shared/rules/types.js';
import { collator, fold, VERDICT_ORDER } from '../unit/applicantFilter.js';

export interface DeskFilter {
  /** Matched against the name, the whole ID number and the unit's name. */
  search: string;
  unit: string[];
  status: DeskStatus[];
  /** Committee ids; '' stands for "not chosen". */
  committee: string[];
  verdict: Verdict[];
  waitsAt: WaitsAt[];
  /** Only rows with a flag: another committee than the specialty's, or a duplicate. */
  flaggedOnly: boolean;
}

export const NO_DESK_FILTER: DeskFilter = {
  search: '',
  unit: [],
  status: [],
  committee: [],
  verdict: [],
  waitsAt: [],
  flaggedOnly: false,
};

export const isDeskFiltered = (f: DeskFilter) =>
  f.search.trim() !== '' ||
  f.unit.length + f.status.length + f.committee.length + f.verdict.length + f.waitsAt.length > 0 ||
  f.flaggedOnly;

export const isFlagged = (r: DeskApplicantRow) =>
  r.duplicates.length > 0 || r.committeeFlag === 'elsewhere' || r.committeeFlag === 'outside';

export function filterDeskRows(rows: readonly DeskApplicantRow[], f: DeskFilter): DeskApplicantRow[] {
  const terms = fold(f.search).split(/\s+/).filter(Boolean);
  const sets = {
    unit: new Set(f.unit),
    status: new Set<string>(f.status),
    committee: new Set(f.committee),
    verdict: new Set<string>(f.verdict),
    waitsAt: new Set<string>(f.waitsAt),
  };
  return rows.filter((r) => {
    if (sets.unit.size > 0 && !sets.unit.has(r.unitName)) return false;
    if (sets.status.size > 0 && !sets.status.has(r.status)) return false;
    if (sets.committee.size > 0 && !sets.committee.has(r.committee)) return false;
    if (sets.verdict.size > 0 && !sets.verdict.has(r.verdict)) return false;
    if (sets.waitsAt.size > 0 && !sets.waitsAt.has(r.waitsAt)) return false;
    if (f.flaggedOnly && !isFlagged(r)) return false;
    if (terms.length === 0) return true;
    const haystack = `${fold(r.name)}\n${fold(r.idNumber)}\n${fold(r.unitName)}`;
    return terms.every((term) => haystack.includes(term));
  });
}

export type DeskSortKey =
  | 'name'
  | 'unit'
  | 'status'
  | 'committee'
  | 'specialty'
  | 'years'
  | 'verdict'
  | 'materials'
  | 'publicity'
  | 'waitsAt'
  | 'deadline'
  | 'returns'
  | 'duplicates';

const STATUS_ORDER = new Map(DESK_STATUSES.map((s, i) => [s, i]));
const WAITS_ORDER: Record<WaitsAt, number> = { desk: 0, unit: 1, province: 2, none: 3 };

/** Ascending comparators, one per column; ties fall back to the name so the order is stable. */
export const DESK_COMPARE: Record<DeskSortKey, (a: DeskApplicantRow, b: DeskApplicantRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name) || collator.compare(a.idNumber, b.idNumber),
  unit: (a, b) => collator.compare(a.unitName, b.unitName) || DESK_COMPARE.name(a, b),
  status: (a, b) => STATUS_ORDER.get(a.status)! - STATUS_ORDER.get(b.status)! || DESK_COMPARE.name(a, b),
  committee: (a, b) => collator.compare(a.committee, b.committee) || DESK_COMPARE.name(a, b),
  specialty: (a, b) => collator.compare(a.specialty, b.specialty) || DESK_COMPARE.name(a, b),
  years: (a, b) => (a.yearsInTitle ?? -1) - (b.yearsInTitle ?? -1) || DESK_COMPARE.name(a, b),
  verdict: (a, b) =>
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    b.counts.fail - a.counts.fail ||
    b.counts.toJudge - a.counts.toJudge ||
    DESK_COMPARE.name(a, b),
  materials: (a, b) =>
    a.materials.complete - a.materials.needed - (b.materials.complete - b.materials.needed) || DESK_COMPARE.name(a, b),
  publicity: (a, b) =>
    (a.publicity?.endDate ?? '').localeCompare(b.publicity?.endDate ?? '') || DESK_COMPARE.name(a, b),
  waitsAt: (a, b) => WAITS_ORDER[a.waitsAt] - WAITS_ORDER[b.waitsAt] || DESK_COMPARE.name(a, b),
  // Rows without a deadline last, whichever way: the nearest deadline is what the reviewer looks for.
  deadline: (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || DESK_COMPARE.name(a, b),
  returns: (a, b) => a.returns - b.returns || DESK_COMPARE.name(a, b),
  duplicates: (a, b) => a.duplicates.length - b.duplicates.length || DESK_COMPARE.name(a, b),
};
