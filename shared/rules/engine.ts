// The eligibility engine: runs every rule of a pack on one archive. Pure, deterministic and total — the
// same input gives the same report, and no archive the schema accepts makes it throw (a rule that breaks
// anyway becomes a `review` finding naming the rule, so one bug never hides the other findings).
import { z } from 'zod';
import { sha256Hex, stableStringify } from './hash.js';
import {
  CONFIDENCES,
  SEVERITIES,
  STATUSES,
  type Finding,
  type Localized,
  type Outcome,
  type Report,
  type Rule,
  type RuleInput,
  type Status,
  type Verdict,
} from './types.js';

export interface RulePackDefinition<P extends Record<string, unknown>> {
  id: string;
  version: string;
  title: Localized;
  paramsSchema: z.ZodType<P>;
  defaults: P;
  /** The date years are counted to (N-7): read from the parameters. */
  asOf(params: P): string;
  /** The day the archive is judged as of, unless the caller overrides it. */
  applicationDate(params: P): string;
  /** The round's deadline (N-2). */
  deadline(params: P): string;
  rules: readonly Rule<P>[];
  /** rules.md's open questions, for the assumptions view. */
  openQuestions: readonly Localized[];
  /**
   * The senior evaluation committees the notice names (附件1, N-1), in its order: the desk passes applicants
   * on by committee from this list. Data of the notice, not of the code: a later pack names its own. Not in the
   * content hash (packages already record it); a change to them bumps the pack's `version`.
   */
  committees: readonly PackCommittee[];
}

/** A committee of the pack (附件1): id, number, full name as printed, short name and scope. */
export interface PackCommittee {
  id: string;
  no: number;
  fullName: string;
  shortName: Localized;
  scope: Localized;
}

export interface RulePack<P extends Record<string, unknown>> extends RulePackDefinition<P> {
  /** SHA-256 of the rules' definitions and the default parameters (stable across runtimes). */
  hash: string;
}

const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const RuleShape = z.object({
  id: z.string().regex(/^[A-Z]-\d+(\.[a-z0-9-]+)+$/, 'rule ids look like R-1.seniority'),
  clause: z.array(z.string().min(1)).min(1),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
  title: Text,
  params: z.array(z.string()),
  check: z.custom<(input: unknown) => unknown>((f) => typeof f === 'function'),
});

/** The definitions that the content hash covers: everything but the predicates' code. */
function hashedContent<P extends Record<string, unknown>>(def: RulePackDefinition<P>): unknown {
  return {
    id: def.id,
    version: def.version,
    defaults: def.defaults,
    rules: def.rules.map(({ id, clause, severity, confidence, title, params }) => ({
      id,
      clause,
      severity,
      confidence,
      title,
      params,
    })),
  };
}

/** Validates a pack when it is loaded: rule shapes, unique ids, known parameters, valid defaults. */
export function loadPack<P extends Record<string, unknown>>(def: RulePackDefinition<P>): RulePack<P> {
  const seen = new Set<string>();
  for (const rule of def.rules) {
    RuleShape.parse(rule);
    if (seen.has(rule.id)) throw new Error(`rule pack ${def.id}: rule ${rule.id} twice`);
    seen.add(rule.id);
    for (const key of rule.params) {
      if (!(key in def.defaults)) throw new Error(`rule ${rule.id}: unknown parameter ${key}`);
    }
  }
  def.paramsSchema.parse(def.defaults);
  return { ...def, hash: sha256Hex(stableStringify(hashedContent(def))) };
}

const ASSUMED_NOTE: Localized = {
  zh: '（所依据的阈值或口径为本应用的假设，未经确认：请人工判断，不作为不符合处理）',
  en: ' (the threshold or convention behind this is an assumption of this app, not confirmed: a person must judge; not treated as a failure)',
};

function complete<P extends Record<string, unknown>>(rule: Rule<P>, outcome: Outcome): Finding {
  const confidence = outcome.confidence ?? rule.confidence;
  // Principle (rules.md): an assumed threshold never produces a hard fail.
  const downgrade = outcome.status === 'fail' && confidence === 'assumed';
  const status: Status = downgrade ? 'review' : outcome.status;
  const message = downgrade
    ? { zh: outcome.message.zh + ASSUMED_NOTE.zh, en: outcome.message.en + ASSUMED_NOTE.en }
    : outcome.message;
  return {
    ruleId: rule.id,
    id: outcome.key ? `${rule.id}#${outcome.key}` : rule.id,
    status,
    severity: outcome.severity ?? rule.severity,
    clause: rule.clause,
    confidence,
    title: rule.title,
    message,
    fix: outcome.fix ?? null,
    evidence: outcome.evidence ?? [],
  };
}

function brokenRule<P extends Record<string, unknown>>(rule: Rule<P>, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return complete(rule, {
    status: 'review',
    message: {
      zh: `本条规则检查时出错（${detail}），请人工核对。`,
      en: `This rule failed to run (${detail}); check by hand.`,
    },
  });
}

export interface RunInput<P> {
  archive: RuleInput<P>['archive'];
  links: RuleInput<P>['links'];
  /** The pack's defaults when absent. */
  params?: P;
  /** 'YYYY-MM-DD', the calendar day of the check: says whether the round has closed, nothing else. */
  today: string;
  /** Overrides the parameters' application date (the CLI's --today). */
  applicationDate?: string | undefined;
}

/** Runs every rule of `pack` on the input; parameters default to the pack's defaults. */
export function runPack<P extends Record<string, unknown>>(pack: RulePack<P>, input: RunInput<P>): Report {
  const params = input.params ?? pack.defaults;
  const applicationDate = input.applicationDate ?? pack.applicationDate(params);
  const full: RuleInput<P> = { archive: input.archive, links: input.links, params, applicationDate };
  const findings: Finding[] = [];
  for (const rule of pack.rules) {
    try {
      const outcomes = rule.check(full);
      for (const outcome of outcomes) findings.push(complete(rule, outcome));
    } catch (error) {
      findings.push(brokenRule(rule, error));
    }
  }
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) counts[f.status]++;
  const deadline = pack.deadline(params);
  return {
    packId: pack.id,
    packVersion: pack.version,
    packHash: pack.hash,
    asOf: pack.asOf(params),
    verdict: verdictOf(findings),
    applicationDate,
    today: input.today,
    round: { deadline, closed: input.today > deadline },
    findings,
    counts,
  };
}

/** A point a person must judge: a `review` that is more than a note. */
export const isToJudge = (f: Finding): boolean => f.status === 'review' && f.severity !== 'info';

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.status === 'fail')) return 'fail';
  return findings.some(isToJudge) ? 'review' : 'pass';
}

/** True when some finding fails (the CLI's exit code 1). */
export const hasFailure = (report: Report): boolean => report.verdict === 'fail';
