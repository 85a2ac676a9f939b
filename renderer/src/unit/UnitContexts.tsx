// The applicant's editor screens the unit reuses (岗位信息表, 备份与恢复) and its field components read the
// editor's contexts: the archive and its problems, the eligibility report, the leave guard. A unit has no
// archive of its own, so they get one made of the unit's profile alone (the unit section is what F-4 and
// the field checks read), an empty report, and the unit workspace's navigation.
import { useMemo, type ReactNode } from 'react';
import { emptyArchive } from '../../../shared/archive/empty.js';
import { findProblems, type Problem } from '../../../shared/archive/problems.js';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import { DEFAULT_PARAMS_2020, type Params2020 } from '../../../shared/rules/pack2020/params.js';
import type { Fix, Report } from '../../../shared/rules/types.js';
import type { Issue } from '../../../shared/api/contract.js';
import type { UnitProfile } from '../../../shared/unit/schema.js';
import { EditorContext, indexProblems, type EditOps, type EditorValue } from '../editorContext.js';
import { EligibilityContext, type EligibilityValue, type LeaveGuard } from '../eligibility/context.js';

const notHere = (): never => {
  throw new Error("a unit's workspace has no archive to edit");
};
// No reused screen edits records; anything that tries is a programming error, said loudly.
const NO_OPS = new Proxy({}, { get: () => notHere }) as EditOps;

/** The unit section as the archive's checks see it (credit code GB 32100, personnel agency N-9). */
export function unitArchive(profile: UnitProfile): ArchiveDocument {
  return { ...emptyArchive(), unit: profile };
}

// No findings of its own; the as-of date is the rule pack's (F-4's "20xx 年我单位" reads it).
const EMPTY_REPORT = (today: string, params: Params2020): Report => ({
  packId: '',
  packVersion: '',
  packHash: '',
  asOf: params.asOfDate,
  verdict: 'pass',
  applicationDate: params.applicationDate,
  today,
  round: { deadline: params.deadline, closed: today > params.deadline },
  findings: [],
  counts: { fail: 0, review: 0, pass: 0, 'n/a': 0 },
});

/** Problems of the unit's profile: those found as typed, and those the core returned (unit:set), by field. */
export function unitProblems(
  profile: UnitProfile,
  today: string,
  fromCore: readonly Issue[] = [],
  severity: 'error' | 'warning' = 'warning',
  /** Found as typed by the screen itself (the type against the applicants' archives). */
  extra: readonly Problem[] = [],
) {
  const typed = [...findProblems(unitArchive(profile), today).filter((p) => p.path.startsWith('unit.')), ...extra];
  // A field the checks already speak about as typed needs no second, older word from the core.
  const seen = new Set(typed.map((p) => p.path));
  const core = fromCore
    .map((issue) => ({
      // The core names fields either as the archive does (unit.creditCode) or within the profile (creditCode).
      path: issue.path.startsWith('unit.') ? issue.path : `unit.${issue.path.replace(/^profile\.?/, '')}`,
      message: issue.message,
      severity,
    }))
    .filter((p) => !seen.has(p.path));
  return [...typed, ...core];
}

export interface UnitContextsProps {
  profile: UnitProfile;
  today: string;
  coreProblems?: readonly Issue[];
  /** A refusal of the core is an error at its field; what it found in a saved profile, a warning. */
  coreSeverity?: 'error' | 'warning';
  /** The workspace's rule-pack parameters (the defaults until read). */
  params?: Params2020;
  /** Problems the screen finds in the draft beyond the archive's field checks (unitProblems `extra`). */
  extraProblems?: readonly Problem[];
  follow: (fix: Fix) => void;
  setLeaveGuard: (guard: LeaveGuard | null) => void;
  children: ReactNode;
}

export function UnitContexts({
  profile,
  today,
  coreProblems,
  coreSeverity = 'warning',
  params = DEFAULT_PARAMS_2020,
  extraProblems,
  follow,
  setLeaveGuard,
  children,
}: UnitContextsProps) {
  const editor = useMemo<EditorValue>(() => {
    const problems = unitProblems(profile, today, coreProblems, coreSeverity, extraProblems);
    return { archive: unitArchive(profile), ops: NO_OPS, problems, problemsByPath: indexProblems(problems) };
  }, [profile, today, coreProblems, coreSeverity, extraProblems]);
  const eligibility = useMemo<EligibilityValue>(
    () => ({
      report: EMPTY_REPORT(today, params),
      params,
      isReady: true,
      hasLinks: true,
      saveParams: () => Promise.reject(new Error("a unit's workspace has no rule parameters of an applicant")),
      log: [],
      follow,
      setLeaveGuard,
    }),
    [today, params, follow, setLeaveGuard],
  );
  return (
    <EditorContext.Provider value={editor}>
      <EligibilityContext.Provider value={eligibility}>{children}</EligibilityContext.Provider>
    </EditorContext.Provider>
  );
}
