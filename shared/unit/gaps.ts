// What speaks against the unit's decision on an applicant (issue 19): the failures of the verdict and the
// proofs still missing, taken from the table's row. The core's gate (electron/core/unit/decisionGate.ts)
// asks a written reason when there are any; the review and submit screens say the same list beforehand.
import { yearlySlot } from '../materials/requirements.js';
import type { Localized } from '../rules/types.js';
import type { UnitApplicantRow } from './schema.js';

export interface DecisionGaps {
  failing: { ruleId: string; message: Localized }[];
  missing: { material: string; message: Localized }[];
}

/** What speaks against the decision; both lists empty when nothing does. */
export function gapsOf(row: UnitApplicantRow): DecisionGaps {
  const failing = row.points.filter((p) => p.status === 'fail').map((p) => ({ ruleId: p.ruleId, message: p.message }));
  // A required scan missing is also a failure of the verdict (M-4.scans: "缺少身份证，请上传…"): said once.
  const saidAlready = (m: Localized) => failing.some((f) => f.message.zh.startsWith(m.zh));
  // A yearly proof (pension M-5, CE M-7, assessment M-9) is judged by the rules year by year (rules.md R-4,
  // missing for a confirmed year it is a failure above; for a year in doubt (2020) a point to judge,
  // which does not stop a decision.
  const isYearly = (key: string) => yearlySlot(key.split('#')[0]!) !== null;
  return {
    failing,
    missing: row.materials.missing
      .filter((m) => !saidAlready(m.message) && !isYearly(m.key))
      .map((m) => ({ material: m.material, message: m.message })),
  };
}

/** A message as one item of a list: its closing full stop dropped (the list adds its own separators). */
const item = (text: string) => text.replace(/[。.；;\s]+$/u, '');

export const hasGaps = (g: DecisionGaps): boolean => g.failing.length > 0 || g.missing.length > 0;

/** "暂不符合：…；缺少材料：…" — the gaps in one line. */
export function gapsText(g: DecisionGaps, lang: 'zh' | 'en'): string {
  const parts = [
    g.failing.length > 0
      ? (lang === 'zh' ? '暂不符合：' : 'not met: ') +
        g.failing.map((f) => item(f.message[lang])).join(lang === 'zh' ? '；' : '; ')
      : '',
    g.missing.length > 0
      ? (lang === 'zh' ? '缺少材料：' : 'missing: ') +
        g.missing.map((m) => item(m.message[lang])).join(lang === 'zh' ? '；' : '; ')
      : '',
  ].filter(Boolean);
  return parts.join(lang === 'zh' ? '。' : '. ');
}
