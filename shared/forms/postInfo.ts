// The unit's figures for F-4 《事业单位人员职称申报岗位信息表》 (附件4, N-14): the post structure, the competition
// result and the recommended people. Entered once per workspace (the unit's data, not the applicant's);
// the HR workspace (issue 7) fills the same shape for all its applicants.
import { z } from 'zod';
import { DateText } from '../archive/schema.js';

const count = z.number().int().min(0).max(1_000_000).nullable();
/** Approved ratio in percent, as the competent department approves it (e.g. 25 for 25%). */
const ratio = z.number().min(0).max(100).nullable();

export const POST_GRADES = ['senior', 'deputySenior', 'intermediate', 'junior'] as const;
export type PostGrade = (typeof POST_GRADES)[number];

export const GradeRow = z.strictObject({ ratio, approved: count, appointed: count });
export type GradeRow = z.infer<typeof GradeRow>;

export const RecommendedPerson = z.strictObject({
  name: z.string().max(100),
  idNumber: z.string().max(40),
  /** 现有专业技术职务任职资格 */
  currentQualification: z.string().max(200),
  /** 聘任专业技术职级 */
  appointedGrade: z.string().max(200),
  appointedDate: DateText,
  /** 在聘岗位等级 */
  postLevel: z.string().max(200),
  /** 推荐申报职称 */
  titleApplied: z.string().max(200),
});
export type RecommendedPerson = z.infer<typeof RecommendedPerson>;

export const PostInfo = z.strictObject({
  /** 编制数 */
  establishment: count,
  /** 专业技术岗位总数 */
  totalPosts: count,
  grades: z.strictObject({
    senior: GradeRow,
    deputySenior: GradeRow,
    intermediate: GradeRow,
    junior: GradeRow,
  }),
  /** Part 2: posts put up for competition this year. */
  offered: z.strictObject({ senior: count, deputySenior: count, middle: count }),
  /** Appointed staff who already hold the qualification (appointed directly). */
  alreadyQualified: count,
  /** Appointed staff without it, recommended for evaluation. */
  recommendedCount: count,
  recommended: z.array(RecommendedPerson).max(500),
});
export type PostInfo = z.infer<typeof PostInfo>;

export function emptyPostInfo(): PostInfo {
  const row = (): GradeRow => ({ ratio: null, approved: null, appointed: null });
  return {
    establishment: null,
    totalPosts: null,
    grades: { senior: row(), deputySenior: row(), intermediate: row(), junior: row() },
    offered: { senior: null, deputySenior: null, middle: null },
    alreadyQualified: null,
    recommendedCount: null,
    recommended: [],
  };
}

/** 空缺情况: approved minus appointed per grade (negative = over the approved count); null while unknown. */
export function vacancy(row: GradeRow): number | null {
  return row.approved === null || row.appointed === null ? null : row.approved - row.appointed;
}

/** 总数 row: the sum of the grades where every grade is known. */
export function totalRow(info: PostInfo): { approved: number | null; appointed: number | null } {
  const sum = (key: 'approved' | 'appointed') =>
    POST_GRADES.every((g) => info.grades[g][key] !== null)
      ? POST_GRADES.reduce((s, g) => s + (info.grades[g][key] ?? 0), 0)
      : null;
  return { approved: sum('approved'), appointed: sum('appointed') };
}

type Problem = { path: string; message: { zh: string; en: string } };

/** Figures that do not add up (issue 7 lists this as bad input): shown beside the fields, and F-4 is not printed with them. */
export function postInfoProblems(info: PostInfo): Problem[] {
  const problems: Problem[] = [];
  const total = totalRow(info);
  if (info.totalPosts !== null && total.approved !== null && total.approved > info.totalPosts) {
    problems.push({
      path: 'totalPosts',
      message: {
        zh: `各级核准人数之和（${total.approved}）超过专业技术岗位总数（${info.totalPosts}）`,
        en: `The approved counts add up to ${total.approved}, more than the ${info.totalPosts} professional posts`,
      },
    });
  }
  if (info.establishment !== null && info.totalPosts !== null && info.totalPosts > info.establishment) {
    problems.push({
      path: 'establishment',
      message: {
        zh: `专业技术岗位总数（${info.totalPosts}）超过编制数（${info.establishment}）`,
        en: `${info.totalPosts} professional posts exceed the establishment of ${info.establishment}`,
      },
    });
  }
  const ratios = POST_GRADES.map((g) => info.grades[g].ratio);
  if (ratios.every((r) => r !== null) && ratios.reduce((s, r) => s + (r ?? 0), 0) > 100.0001) {
    problems.push({
      path: 'grades',
      message: { zh: '各级核准比例之和超过 100%', en: 'The approved ratios add up to more than 100%' },
    });
  }
  if (
    info.recommendedCount !== null &&
    info.recommended.length > 0 &&
    info.recommended.length !== info.recommendedCount
  ) {
    problems.push({
      path: 'recommended',
      message: {
        zh: `推荐人数写为 ${info.recommendedCount} 人，名单中有 ${info.recommended.length} 人`,
        en: `${info.recommendedCount} people are said to be recommended, the list has ${info.recommended.length}`,
      },
    });
  }
  return problems;
}
