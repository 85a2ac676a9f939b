// The eligibility engine's vocabulary (rules.md, "Principle"). A rule is data (id, clause, severity,
// confidence, what it checks, the parameters it reads) plus one small pure predicate that turns the
// applicant's archive and attachment links into outcomes. The engine adds what every finding shares.
import type { ArchiveDocument } from '../archive/schema.js';

export type Localized = { zh: string; en: string };

export const STATUSES = ['fail', 'review', 'pass', 'n/a'] as const;
export type Status = (typeof STATUSES)[number];
export const SEVERITIES = ['blocker', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** confirmed: a source states it; inferred: follows from sources or convention; assumed: our default. */
export const CONFIDENCES = ['confirmed', 'inferred', 'assumed'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * Where the user fixes a finding: a field (`titles.<id>.obtainedDate`, `summary.text`), a screen
 * (`courses`, `params`), or a material slot (`M-5/pension/2019`, optionally for one record).
 */
export type Fix =
  | { kind: 'field'; target: string }
  | { kind: 'screen'; target: string }
  | { kind: 'slot'; target: string; recordId?: string };

/** A record or field the rule looked at: `titles.title-2`, `profile.idNumber`, `courses.course-3`. */
export interface Evidence {
  path: string;
  label: Localized;
}

/**
 * An attachment link as the engine sees it (shared/attachments/current.ts: `{ attachmentId, slot, recordId }`),
 * with the facts of its file where the caller has them — whether a reviewer can read the scan
 * (R-9.readable-scans) is judged only where they are given.
 */
export interface RuleLink {
  attachmentId: string;
  slot: string | null;
  recordId: string | null;
  /** The file's SHA-256: the same in the applicant's and the unit's workspace (attachment ids are not). */
  sha256?: string;
  mediaType?: string;
  /** Pixels of an image. */
  width?: number | null;
  height?: number | null;
  /** A PDF's lowest resolution at A4 among its scanned pages. */
  scanDpi?: number | null;
}

export interface RuleInput<P> {
  archive: ArchiveDocument;
  /**
   * The applicant's attachment links; null when they are not known (an exported JSON checked on its
   * own): rules about proofs then say `review` instead of pretending the scans are missing.
   */
  links: readonly RuleLink[] | null;
  params: P;
  /**
   * 'YYYY-MM-DD': the day the archive is judged as of — the application date of the parameters, or the
   * CLI's --today. Rules never read the clock.
   */
  applicationDate: string;
}

/** What a predicate returns; the engine completes it into a Finding. */
export interface Outcome {
  status: Status;
  message: Localized;
  /** Distinguishes several findings of one rule (a year, a record id). */
  key?: string;
  /** Overrides the rule's confidence for this outcome (e.g. the 大专 route is assumed). */
  confidence?: Confidence;
  severity?: Severity;
  fix?: Fix;
  evidence?: Evidence[];
}

export interface Rule<P> {
  id: string;
  /** The clauses it comes from: N-x, M-x, R-x, or a national source. */
  clause: readonly string[];
  severity: Severity;
  confidence: Confidence;
  /** What the rule checks, for the report and docs/rules.md. */
  title: Localized;
  /** The parameters it reads (keys of the pack's parameters). */
  params: readonly (keyof P & string)[];
  /** Pure and total: no clock, no randomness, no I/O; returns at least one outcome. */
  check(input: RuleInput<P>): Outcome[];
}

export interface Finding {
  ruleId: string;
  /** Unique within a report: ruleId, or ruleId#key. */
  id: string;
  status: Status;
  severity: Severity;
  clause: readonly string[];
  confidence: Confidence;
  title: Localized;
  message: Localized;
  fix: Fix | null;
  evidence: Evidence[];
}

/**
 * The one answer (rules.md, "Principle"): `fail` when any finding fails, else `review` when some finding
 * asks a person to judge (notes of severity `info` do not), else `pass`.
 */
export const VERDICTS = ['pass', 'review', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The round of the notice (N-2): its deadline, and whether it has passed on the day of the check. */
export interface Round {
  deadline: string;
  closed: boolean;
}

export interface Report {
  packId: string;
  packVersion: string;
  packHash: string;
  asOf: string;
  verdict: Verdict;
  /** The day the archive was judged as of (see RuleInput). */
  applicationDate: string;
  /** The calendar day the check ran on: only `round.closed` depends on it. */
  today: string;
  round: Round;
  findings: Finding[];
  counts: Record<Status, number>;
}
