// The desk's qualification review of one applicant (资格审查, issue 17 item 4): the checklist's conditions,
// drawn from the rule pack (one condition per clause of the notice a rule first cites: R-1 任职年限, R-4
// 继续教育, N-8/R-5 公示…), the three results a reviewer gives each (符合 / 不符合 / 待补正) with the one the
// recomputed findings suggest, and the shapes the desk's review carries. Shared by the core
// (electron/core/desk/review.ts), the contract and the screen: the words live here once.
import { z } from 'zod';
import type { Localized } from '../api/primitives.js';
import type { RulePack } from '../rules/engine.js';
import type { Finding } from '../rules/types.js';

export const DESK_CHECK_RESULTS = ['meets', 'fails', 'to_correct'] as const;
export const DeskCheckResult = z.enum(DESK_CHECK_RESULTS);
export type DeskCheckResult = z.infer<typeof DeskCheckResult>;

export const DESK_CHECK_LABELS: Record<DeskCheckResult, Localized> = {
  meets: { zh: '符合', en: 'Meets' },
  fails: { zh: '不符合', en: 'Does not meet' },
  to_correct: { zh: '待补正', en: 'To be corrected' },
};

/** A condition id: the clause id of the notice (N-x, R-x, M-x) its rules first cite. */
export const ConditionId = z.string().regex(/^[NRMF]-\d{1,2}$/);

/** One row of the checklist as the review shows it. */
export const DeskCheckRow = z.object({
  conditionId: ConditionId,
  /** What the condition asks (its rules' titles). */
  title: z.object({ zh: z.string(), en: z.string() }),
  /** The rules of the pack the condition gathers. */
  ruleIds: z.array(z.string()),
  /** What the findings recomputed now suggest. */
  suggested: DeskCheckResult,
  /** The reviewer's choice; null until one is saved. */
  result: DeskCheckResult.nullable(),
  note: z.string(),
  updatedAt: z.string().nullable(),
});
export type DeskCheckRow = z.infer<typeof DeskCheckRow>;

export const DESK_CHECK_NOTE_MAX = 2000;

/** The field names of desk:setCheck and desk:return, for refusals and the screen. */
export const DESK_REVIEW_FIELDS = {
  conditionId: { zh: '审查条件', en: 'Condition' },
  result: { zh: '审查结论', en: 'Result' },
  note: { zh: '说明', en: 'Note' },
  deadline: { zh: '补正截止日期', en: 'Correction deadline' },
  reason: { zh: '理由', en: 'Reason' },
} as const satisfies Record<string, Localized>;

export interface DeskCondition {
  id: string;
  title: Localized;
  ruleIds: string[];
}

/** The pack's conditions, in the order of their first rule: each rule joins the condition of its first clause. */
export function deskConditions<P extends Record<string, unknown>>(pack: RulePack<P>): DeskCondition[] {
  const byId = new Map<string, DeskCondition>();
  for (const rule of pack.rules) {
    const id = rule.clause.find((c) => ConditionId.safeParse(c).success);
    if (!id) continue;
    const found = byId.get(id);
    if (!found) {
      byId.set(id, { id, title: { ...rule.title }, ruleIds: [rule.id] });
    } else {
      found.ruleIds.push(rule.id);
      found.title = { zh: `${found.title.zh}；${rule.title.zh}`, en: `${found.title.en}; ${rule.title.en}` };
    }
  }
  return [...byId.values()];
}

/**
 * The result the findings suggest for a condition: 不符合 when one of its rules fails, 待补正 when one asks a
 * person to judge (an `info` note does not), else 符合 (passed, or not applicable to this applicant).
 */
export function suggestedResult(condition: DeskCondition, findings: readonly Finding[]): DeskCheckResult {
  const own = findings.filter((f) => condition.ruleIds.includes(f.ruleId));
  if (own.some((f) => f.status === 'fail')) return 'fails';
  if (own.some((f) => f.status === 'review' && f.severity !== 'info')) return 'to_correct';
  return 'meets';
}

/** The desk's actions in the audit trail, as the review's trail names them. */
export const DESK_AUDIT_LABELS: Record<string, Localized> = {
  'desk-received': { zh: '接收', en: 'Received' },
  'desk-replaced': { zh: '单位报送新版本，替换', en: "Replaced by the unit's newer package" },
  'desk-status': { zh: '状态变更', en: 'Status changed' },
  'desk-unit-key-pinned': { zh: '确认单位密钥', en: "Unit's key pinned" },
  'desk-unit-key-changed': { zh: '接受单位新密钥', en: "Unit's new key accepted" },
  'desk-level-three': { zh: '写出第 3 级', en: 'Level 3 written' },
};
