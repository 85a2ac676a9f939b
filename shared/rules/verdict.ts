// The verdict in plain words (rules.md, "Principle"): one sentence the applicant reads first, the same in
// 资格检查, `dossier check`, the export dialog and the unit's table. Computed by engine.verdictOf; this
// module only says it.
import { isToJudge } from './engine.js';
import type { Finding, Localized, Report, Verdict } from './types.js';

export interface VerdictSummary {
  verdict: Verdict;
  /** Each failure, in rule order: named first. */
  failing: Finding[];
  /** The points a person must judge (reviews that are more than notes). */
  toJudge: Finding[];
}

export function summarize(report: Pick<Report, 'verdict' | 'findings'>): VerdictSummary {
  return {
    verdict: report.verdict,
    failing: report.findings.filter((f) => f.status === 'fail'),
    toJudge: report.findings.filter(isToJudge),
  };
}

/** 可以申报 · 需人工确认 N 项 · 暂不符合 N 项 */
export function verdictText(summary: VerdictSummary): Localized {
  return verdictWords(summary.verdict, { fail: summary.failing.length, toJudge: summary.toJudge.length });
}

/** The same words from the counts alone (the unit's table and summary sheet keep counts, not findings). */
export function verdictWords(verdict: Verdict, counts: { fail: number; toJudge: number }): Localized {
  switch (verdict) {
    case 'pass':
      return { zh: '可以申报', en: 'May apply' };
    case 'review':
      return {
        zh: `需人工确认 ${counts.toJudge} 项`,
        en: `${counts.toJudge} point${counts.toJudge === 1 ? '' : 's'} for a person to confirm`,
      };
    case 'fail':
      return {
        zh: `暂不符合 ${counts.fail} 项`,
        en: `${counts.fail} requirement${counts.fail === 1 ? '' : 's'} not met`,
      };
  }
}

/** What the verdict means, one sentence under it. */
export function verdictExplanation(summary: VerdictSummary): Localized {
  switch (summary.verdict) {
    case 'pass':
      return {
        zh: '按本规则包，没有不符合的条件，也没有需要人工判断的事项。',
        en: 'Under this rule pack nothing fails and nothing needs a person to judge.',
      };
    case 'review':
      return {
        zh: '没有不符合的条件；下列各项须由您或单位判断，导出时请逐项写明理由。',
        en: 'Nothing fails; each point below needs a person to judge — give a reason for each at the export.',
      };
    case 'fail':
      return {
        zh: '按本规则包暂不能申报：请先改正下列各项，改正前不能导出申报包。',
        en: 'Under this rule pack you cannot apply yet: fix each point below first; no package can be exported until then.',
      };
  }
}

/** Said once, beside the verdict, when the round has closed (N-2) — never as a finding. */
export function roundNote(report: Pick<Report, 'round' | 'applicationDate'>): Localized | null {
  if (!report.round.closed) return null;
  return {
    zh: `本轮申报已于 ${report.round.deadline} 截止；档案按申报日期 ${report.applicationDate} 判断。`,
    en: `This round closed on ${report.round.deadline}; the archive is judged as of the application date ${report.applicationDate}.`,
  };
}
