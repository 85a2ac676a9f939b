// The applicant table's search, filters and orderings (pure: the table at 1,000 rows runs them on every
// keystroke of the search box, so each is one pass over the rows).
import type { PublicityState, ReviewStatus, UnitApplicantRow } from '../../../shared/unit/schema.js';

export interface ApplicantFilter {
  /** Matched against the name, the ID number and the specialty. */
  search: string;
  status: ReviewStatus[];
  /** Committee ids; '' stands for "not chosen". */
  committee: string[];
  publicity: PublicityState[];
  duplicatesOnly: boolean;
}

export const NO_FILTER: ApplicantFilter = {
  search: '',
  status: [],
  committee: [],
  publicity: [],
  duplicatesOnly: false,
};

export const isFiltered = (f: ApplicantFilter) =>
  f.search.trim() !== '' || f.status.length > 0 || f.committee.length > 0 || f.publicity.length > 0 || f.duplicatesOnly;

// ID numbers end in x or X alike; names and specialties are compared as typed, case-insensitively.
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function filterApplicants(rows: readonly UnitApplicantRow[], f: ApplicantFilter): UnitApplicantRow[] {
  const terms = fold(f.search).split(/\s+/).filter(Boolean);
  const status = new Set(f.status);
  const committee = new Set(f.committee);
  const publicity = new Set(f.publicity);
  return rows.filter((r) => {
    if (status.size > 0 && !status.has(r.status)) return false;
    if (committee.size > 0 && !committee.has(r.committee)) return false;
    if (publicity.size > 0 && !publicity.has(r.publicity)) return false;
    if (f.duplicatesOnly && r.duplicates.length === 0) return false;
    if (terms.length === 0) return true;
    const haystack = `${fold(r.name)}\n${fold(r.idNumber)}\n${fold(r.specialty)}`;
    // Every word typed must be found (张 电气 narrows to the 张 in 电气).
    return terms.every((term) => haystack.includes(term));
  });
}

// Chinese names in pinyin order, as an HR officer's lists are.
const collator = new Intl.Collator(['zh-Hans-CN-u-co-pinyin', 'en'], { numeric: true, sensitivity: 'base' });

const STATUS_ORDER: Record<ReviewStatus, number> = { pending: 0, returned: 1, accepted: 2 };
const PUBLICITY_ORDER: Record<PublicityState, number> = {
  none: 0,
  planned: 1,
  running: 2,
  ended: 3,
  objection: 4,
  no_objection: 5,
};

const ratio = (r: UnitApplicantRow) => (r.materialsNeeded > 0 ? r.materialsComplete / r.materialsNeeded : 1);

export type SortKey =
  'name' | 'committee' | 'specialty' | 'status' | 'eligibility' | 'materials' | 'publicity' | 'duplicates' | 'revision';

/** Ascending comparators, one per column; ties fall back to the name so the order is stable and legible. */
export const COMPARE: Record<SortKey, (a: UnitApplicantRow, b: UnitApplicantRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name) || collator.compare(a.idNumber, b.idNumber),
  committee: (a, b) => collator.compare(a.committee, b.committee) || COMPARE.name(a, b),
  specialty: (a, b) => collator.compare(a.specialty, b.specialty) || COMPARE.name(a, b),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || COMPARE.name(a, b),
  eligibility: (a, b) => a.fail - b.fail || a.review - b.review || COMPARE.name(a, b),
  materials: (a, b) => ratio(a) - ratio(b) || a.materialsComplete - b.materialsComplete || COMPARE.name(a, b),
  publicity: (a, b) => PUBLICITY_ORDER[a.publicity] - PUBLICITY_ORDER[b.publicity] || COMPARE.name(a, b),
  duplicates: (a, b) => a.duplicates.length - b.duplicates.length || COMPARE.name(a, b),
  revision: (a, b) => a.revision - b.revision || a.level - b.level || COMPARE.name(a, b),
};
