// The gate before the unit's decisions (issue 19; N-10: the unit answers for what it passes on): accepting
// or countersigning an applicant whose verdict is `fail`, or whose required proofs are missing, needs a
// written reason (≥ 10 characters). The reason goes into the audit trail with the facts it answered (the
// failures and missing proofs named), then into level 2 (content/unit/audit.json) and the summary sheet —
// never silently. The facts are the table's row: the same rules, parameters and verdict as everywhere.
import type { Localized } from '../../../shared/api/contract.js';
import { gapsText, hasGaps, type DecisionGaps } from '../../../shared/unit/gaps.js';
import { AuditReason, MIN_REASON_CHARS, type AuditAction } from '../../../shared/unit/schema.js';

export { gapsOf, type DecisionGaps } from '../../../shared/unit/gaps.js';
import { DossierError } from '../errors.js';

const WHAT: Record<'accept' | 'countersign', Localized> = {
  accept: { zh: '审核通过', en: 'accept' },
  countersign: { zh: '加签报送', en: 'countersign' },
};

/**
 * The reason for deciding despite the gaps, checked; null when there are none (any reason given is then not
 * needed and not kept). Throws `reason_needed` (field `reason`) naming the gaps when it is missing or short.
 */
export function requireReason(
  g: DecisionGaps,
  reason: string | undefined,
  what: 'accept' | 'countersign',
  name: string,
  path = 'reason',
): string | null {
  if (!hasGaps(g)) return null;
  const parsed = AuditReason.safeParse(reason ?? '');
  if (parsed.success) return parsed.data;
  const given = (reason ?? '').trim().length > 0;
  throw new DossierError(
    'reason_needed',
    {
      zh: `${name}${given ? `的理由太短（至少 ${MIN_REASON_CHARS} 个字）` : '尚有问题'}：${gapsText(g, 'zh')}。如仍要${WHAT[what].zh}，请写明理由（至少 ${MIN_REASON_CHARS} 个字），理由将记入审核记录并随加签材料报送。未作任何改动。`,
      en: `${name}${given ? `: the reason is too short (at least ${MIN_REASON_CHARS} characters)` : ' has open points'}: ${gapsText(g, 'en')}. To ${WHAT[what].en} all the same, give a reason (at least ${MIN_REASON_CHARS} characters); it is kept in the audit trail and passed on with the countersignature. Nothing was changed.`,
    },
    [
      {
        path,
        message: {
          zh: `请写明理由（至少 ${MIN_REASON_CHARS} 个字）`,
          en: `give a reason (at least ${MIN_REASON_CHARS} characters)`,
        },
      },
    ],
  );
}

/** The audit detail of a decision despite gaps: what it answered, in both languages. */
export function gapsDetail(g: DecisionGaps): Record<string, unknown> {
  return { failing: g.failing, missing: g.missing };
}

export const DESPITE: Record<'accept' | 'countersign', AuditAction> = {
  accept: 'accepted-despite',
  countersign: 'countersigned-despite',
};
