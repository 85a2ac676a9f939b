// The intermediate committee's recommendation (中评委推荐, issue 17 item 5; N-9: "… city bureau reviews →
// intermediate committee (中评委) recommends → provincial department, by specialty"): per applicant, the
// meeting that voted on them and its outcome. The notice states no quorum or majority for the intermediate
// committee, so none is checked here (only what must hold of any vote: present ≤ due, votes ≤ present).
// One schema for the core (electron/core/desk/recommendation.ts), the CLI and the form (RecommendationCard).
import { z } from 'zod';
import { isRealDate } from '../checks/dates.js';
import type { Issue, Localized } from '../api/primitives.js';

const Count = z.number().int().min(0).max(999);

export const Recommendation = z.strictObject({
  /** The intermediate committee's name (衢州市工程系列中级评委会 …). */
  committee: z.string().trim().min(1).max(100),
  /** The meeting day (YYYY-MM-DD). */
  meetingDate: z.string().refine(isRealDate),
  /** Members due (应到) and present (实到). */
  membersDue: Count.min(1),
  membersPresent: Count,
  votesFor: Count,
  votesAgainst: Count,
  votesAbstain: Count,
  recommended: z.boolean(),
  /** The interview's result (答辩/面试结果) where one was held; '' when none was. */
  interview: z.string().trim().max(500).default(''),
});
export type Recommendation = z.infer<typeof Recommendation>;

export type RecommendationField = keyof Recommendation;

/** The field names in both languages: the CLI's refusals and the form's labels. */
export const RECOMMENDATION_FIELDS: Record<RecommendationField, Localized> = {
  committee: { zh: '中评委名称', en: 'Intermediate committee' },
  meetingDate: { zh: '会议日期', en: 'Meeting date' },
  membersDue: { zh: '应到委员人数', en: 'Members due' },
  membersPresent: { zh: '实到委员人数', en: 'Members present' },
  votesFor: { zh: '赞成票', en: 'Votes for' },
  votesAgainst: { zh: '反对票', en: 'Votes against' },
  votesAbstain: { zh: '弃权票', en: 'Abstentions' },
  recommended: { zh: '是否推荐', en: 'Recommended' },
  interview: { zh: '答辩（面试）结果', en: 'Interview result' },
};

const FIELD_NAMES = Object.keys(RECOMMENDATION_FIELDS) as RecommendationField[];

const at = (field: RecommendationField, what: Localized): Issue => ({
  path: `recommendation.${field}`,
  message: {
    zh: `${RECOMMENDATION_FIELDS[field].zh}${what.zh}`,
    en: `${RECOMMENDATION_FIELDS[field].en}: ${what.en}`,
  },
});

/** What a field's value must be, said once per field. */
const SHAPE: Record<RecommendationField, Localized> = {
  committee: { zh: '不能为空，不超过 100 字', en: 'required, at most 100 characters' },
  meetingDate: { zh: '须为有效日期（YYYY-MM-DD）', en: 'must be a real date (YYYY-MM-DD)' },
  membersDue: { zh: '须为 1 至 999 的整数', en: 'must be a whole number from 1 to 999' },
  membersPresent: { zh: '须为 0 至 999 的整数', en: 'must be a whole number from 0 to 999' },
  votesFor: { zh: '须为 0 至 999 的整数', en: 'must be a whole number from 0 to 999' },
  votesAgainst: { zh: '须为 0 至 999 的整数', en: 'must be a whole number from 0 to 999' },
  votesAbstain: { zh: '须为 0 至 999 的整数', en: 'must be a whole number from 0 to 999' },
  recommended: { zh: '须为“是”或“否”（true/false）', en: 'must be yes or no (true/false)' },
  interview: { zh: '不超过 500 字', en: 'at most 500 characters' },
};

/**
 * Every problem of a recommendation as entered, each at its field: the shape of each value first, then the
 * vote's own arithmetic. Empty when `parseRecommendation` accepts it.
 */
export function recommendationProblems(raw: unknown): Issue[] {
  const parsed = Recommendation.safeParse(raw);
  if (!parsed.success) {
    const out: Issue[] = [];
    const seen = new Set<string>();
    for (const i of parsed.error.issues) {
      const field = i.path[0];
      if (typeof field === 'string' && FIELD_NAMES.includes(field as RecommendationField)) {
        if (seen.has(field)) continue;
        seen.add(field);
        out.push(at(field as RecommendationField, SHAPE[field as RecommendationField]));
      } else if (i.code === 'unrecognized_keys') {
        for (const key of i.keys) {
          out.push({
            path: `recommendation.${key}`,
            message: { zh: `未知字段“${key}”`, en: `unknown field "${key}"` },
          });
        }
      } else {
        out.push({
          path: 'recommendation',
          message: { zh: '推荐意见须为一个对象', en: 'the recommendation must be an object' },
        });
      }
    }
    return out;
  }
  const r = parsed.data;
  const out: Issue[] = [];
  if (r.membersPresent > r.membersDue) {
    out.push(
      at('membersPresent', {
        zh: `（${r.membersPresent}）不能多于应到人数（${r.membersDue}）`,
        en: `(${r.membersPresent}) cannot exceed the members due (${r.membersDue})`,
      }),
    );
  }
  const votes = r.votesFor + r.votesAgainst + r.votesAbstain;
  if (votes > r.membersPresent) {
    out.push(
      at('votesFor', {
        zh: `、反对票、弃权票合计 ${votes} 票，不能多于实到人数（${r.membersPresent}）`,
        en: `with against and abstentions makes ${votes}, more than the members present (${r.membersPresent})`,
      }),
    );
  }
  return out;
}

/** The recommendation when it is whole and consistent, else its problems (each naming the field). */
export function parseRecommendation(
  raw: unknown,
): { ok: true; value: Recommendation } | { ok: false; problems: Issue[] } {
  const problems = recommendationProblems(raw);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: Recommendation.parse(raw) };
}

/** One line for the roster and the CLI: 推荐（赞成 9 反对 1 弃权 1；应到 13 实到 11）. */
export function recommendationLine(r: Recommendation, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'zh'
    ? `${r.recommended ? '推荐' : '不推荐'}（${r.meetingDate}，应到 ${r.membersDue} 实到 ${r.membersPresent}；赞成 ${r.votesFor} 反对 ${r.votesAgainst} 弃权 ${r.votesAbstain}）`
    : `${r.recommended ? 'recommended' : 'not recommended'} (${r.meetingDate}, due ${r.membersDue} present ${r.membersPresent}; for ${r.votesFor} against ${r.votesAgainst} abstaining ${r.votesAbstain})`;
}
