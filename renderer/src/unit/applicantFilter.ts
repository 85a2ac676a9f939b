// The applicant table's search, filters and orderings (pure: the table at 1,000 rows runs them on every
// keystroke of the search box, so each is one pass over the rows).
import type { Verdict } from '../../../shared/rules/types.js';
import { stageStep, type PipelineStage } from '../../../shared/unit/pipeline.js';
import type { PublicityState, UnitApplicantRow } from '../../../shared/unit/schema.js';

export interface ApplicantFilter {
  /** Matched against the name, the ID number and the specialty. */
  search: string;
  /** Where they stand on the line of steps (shared/unit/pipeline.ts). */
  stage: PipelineStage[];
  /** The verdict recomputed here (可以申报 / 需人工确认 / 暂不符合). */
  verdict: Verdict[];
  /** Committee ids; '' stands for "not chosen". */
  committee: string[];
  publicity: PublicityState[];
  duplicatesOnly: boolean;
}

export const NO_FILTER: ApplicantFilter = {
  search: '',
  stage: [],
  verdict: [],
  committee: [],
  publicity: [],
  duplicatesOnly: false,
};

export const isFiltered = (f: ApplicantFilter) =>
  f.search.trim() !== '' ||
  f.stage.length > 0 ||
  f.verdict.length > 0 ||
  f.committee.length > 0 ||
  f.publicity.length > 0 ||
  f.duplicatesOnly;

// ID numbers end in x or X alike; names and specialties are compared as typed, case-insensitively.
export const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function filterApplicants(rows: readonly UnitApplicantRow[], f: ApplicantFilter): UnitApplicantRow[] {
  const terms = fold(f.search).split(/\s+/).filter(Boolean);
  const stage = new Set(f.stage);
  const verdict = new Set(f.verdict);
  const committee = new Set(f.committee);
  const publicity = new Set(f.publicity);
  return rows.filter((r) => {
    if (stage.size > 0 && !stage.has(r.stage)) return false;
    if (verdict.size > 0 && !verdict.has(r.verdict)) return false;
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
export const collator = new Intl.Collator(['zh-Hans-CN-u-co-pinyin', 'en'], { numeric: true, sensitivity: 'base' });

// Ascending: the weakest first — a failed check, then points to judge, then the ready ones.
export const VERDICT_ORDER: Record<Verdict, number> = { fail: 0, review: 1, pass: 2 };
const PUBLICITY_ORDER: Record<PublicityState, number> = {
  none: 0,
  planned: 1,
  running: 2,
  ended: 3,
  objection: 4,
  no_objection: 5,
};

export type SortKey =
  'name' | 'committee' | 'specialty' | 'status' | 'eligibility' | 'materials' | 'publicity' | 'duplicates' | 'revision';

/** Ascending comparators, one per column; ties fall back to the name so the order is stable and legible. */
export const COMPARE: Record<SortKey, (a: UnitApplicantRow, b: UnitApplicantRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name) || collator.compare(a.idNumber, b.idNumber),
  committee: (a, b) => collator.compare(a.committee, b.committee) || COMPARE.name(a, b),
  specialty: (a, b) => collator.compare(a.specialty, b.specialty) || COMPARE.name(a, b),
  status: (a, b) => stageStep(a.stage) - stageStep(b.stage) || COMPARE.name(a, b),
  eligibility: (a, b) =>
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    b.counts.fail - a.counts.fail ||
    b.counts.toJudge - a.counts.toJudge ||
    COMPARE.name(a, b),
  materials: (a, b) => b.materials.missing.length - a.materials.missing.length || COMPARE.name(a, b),
  publicity: (a, b) => PUBLICITY_ORDER[a.publicity] - PUBLICITY_ORDER[b.publicity] || COMPARE.name(a, b),
  duplicates: (a, b) => a.duplicates.length - b.duplicates.length || COMPARE.name(a, b),
  revision: (a, b) => a.revision - b.revision || a.level - b.level || COMPARE.name(a, b),
};
