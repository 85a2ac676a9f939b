// The unit's figures for F-4 《事业单位人员职称申报岗位信息表》 (附件4, N-14): the post structure, the competition
// result and the recommended people. Entered once per workspace (the unit's data, not the applicant's);
// the HR workspace (issue 7) fills the same shape for all its applicants.
import { z } from 'zod';
import { DateText } from '../archive/schema.js';
import { checkIdNumber, normalizeIdNumber } from '../checks/idNumber.js';
import { seniorGradeOf } from './applicant.js';

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

/**
 * Whether any of the figures F-4 is about is entered: 编制数, 专业技术岗位总数, or an approved or appointed
 * count of a grade. Without any, there is no post information to print (docs/forms.md): F-4 waits.
 */
export function postInfoEntered(info: PostInfo): boolean {
  return (
    info.establishment !== null ||
    info.totalPosts !== null ||
    POST_GRADES.some((g) => info.grades[g].approved !== null || info.grades[g].appointed !== null)
  );
}

const GRADE_NAMES: Record<PostGrade, { zh: string; en: string }> = {
  senior: { zh: '正高级', en: 'senior' },
  deputySenior: { zh: '副高级', en: 'deputy senior' },
  intermediate: { zh: '中级', en: 'intermediate' },
  junior: { zh: '初级及未定级', en: 'junior and ungraded' },
};

/** Part 2's offered posts and the grades whose vacancies they come from (中（初）级: both). */
const OFFERED_FROM = {
  senior: { grades: ['senior'], zh: '正高级', en: 'senior' },
  deputySenior: { grades: ['deputySenior'], zh: '副高级', en: 'deputy senior' },
  middle: { grades: ['intermediate', 'junior'], zh: '中（初）级', en: 'intermediate (junior)' },
} as const satisfies Record<keyof PostInfo['offered'], { grades: readonly PostGrade[]; zh: string; en: string }>;

const sameId = (a: string, b: string) => normalizeIdNumber(a) === normalizeIdNumber(b);

/**
 * Figures an official would refuse (issue 7 lists them as bad input), each with the path of its field:
 * shown beside the fields, and F-4 is not printed with them. The approved counts and the ratios must fit
 * the posts; no grade may have more appointed than approved (a negative vacancy); the posts put up for
 * competition come from the vacancies of their grade (N-14); nobody is recommended for a 副高 (正高) title
 * when no such post is offered; the list agrees with the number recommended, its ID numbers are valid,
 * and — given the applicant's ID number from the archive — the applicant is on it.
 */
export function postInfoProblems(info: PostInfo, applicantIdNumber?: string): Problem[] {
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
  for (const g of POST_GRADES) {
    const row = info.grades[g];
    if (row.approved !== null && row.appointed !== null && row.appointed > row.approved) {
      const name = GRADE_NAMES[g];
      problems.push({
        path: `grades.${g}.appointed`,
        message: {
          zh: `${name.zh}实聘 ${row.appointed} 人，超过核准的 ${row.approved} 人（空缺为负）`,
          en: `${row.appointed} appointed at ${name.en} grade, more than the ${row.approved} approved (a negative vacancy)`,
        },
      });
    }
  }
  for (const key of Object.keys(OFFERED_FROM) as (keyof typeof OFFERED_FROM)[]) {
    const offered = info.offered[key];
    const from = OFFERED_FROM[key];
    const vacancies = from.grades.map((g) => vacancy(info.grades[g]));
    if (offered === null || offered === 0 || vacancies.some((v) => v === null)) continue;
    const free = vacancies.reduce<number>((s, v) => s + Math.max(0, v ?? 0), 0);
    if (offered > free) {
      problems.push({
        path: `offered.${key}`,
        message: {
          zh: `推出 ${offered} 个${from.zh}岗位，超过该级空缺（${free} 个）：竞聘岗位须来自空缺岗位（N-14）`,
          en: `${offered} ${from.en} posts offered, more than the ${free} vacant: posts put up for competition come from vacancies (N-14)`,
        },
      });
    }
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
  for (const key of ['senior', 'deputySenior'] as const) {
    if (info.offered[key] !== 0) continue;
    const grade = OFFERED_FROM[key];
    for (const [i, person] of info.recommended.entries()) {
      if (seniorGradeOf(person.titleApplied) !== key) continue;
      problems.push({
        path: `recommended.${i}.titleApplied`,
        message: {
          zh: `本次推出 0 个${grade.zh}岗位，不能推荐申报${person.titleApplied}（${grade.zh}）`,
          en: `No ${grade.en} post is offered: nobody can be recommended for ${person.titleApplied} (${grade.en})`,
        },
      });
    }
  }
  for (const [i, person] of info.recommended.entries()) {
    const check = checkIdNumber(person.idNumber);
    if (check.ok) continue;
    problems.push({
      path: `recommended.${i}.idNumber`,
      message:
        check.reason === 'empty'
          ? { zh: '请填写身份证号码', en: 'Enter the ID number' }
          : check.reason === 'check_character'
            ? {
                zh: `身份证号码校验位应为 ${check.expected}，请核对`,
                en: `The ID number's check character should be ${check.expected}: check it`,
              }
            : { zh: '身份证号码无效（应为 18 位）', en: 'Not a valid ID number (18 characters)' },
    });
  }
  const own = applicantIdNumber?.trim() ?? '';
  if (own !== '' && info.recommended.length > 0 && !info.recommended.some((p) => sameId(p.idNumber, own))) {
    problems.push({
      path: 'recommended',
      message: {
        zh: `申报人本人（身份证号码 ${normalizeIdNumber(own)}）不在推荐名单中`,
        en: `The applicant (ID number ${normalizeIdNumber(own)}) is not on the list of recommended people`,
      },
    });
  }
  return problems;
}

// ------------------------------------------------------------------------------ a complete sheet

/** F-4's columns of a recommended person, as the sheet heads them (idNumber: postInfoProblems speaks of it). */
const PERSON_FIELD_NAMES = {
  name: { zh: '姓名', en: 'name' },
  currentQualification: { zh: '现有专业技术职务任职资格', en: 'current qualification' },
  appointedGrade: { zh: '聘任专业技术职级', en: 'appointed rank' },
  appointedDate: { zh: '聘任时间', en: 'appointment date' },
  postLevel: { zh: '在聘岗位等级', en: 'post grade held' },
  titleApplied: { zh: '推荐申报职称', en: 'title applied for' },
} as const satisfies Partial<Record<keyof RecommendedPerson, { zh: string; en: string }>>;

const COLUMN_NAMES = {
  ratio: { zh: '核准比例', en: 'approved ratio' },
  approved: { zh: '核准人数', en: 'approved count' },
  appointed: { zh: '实聘人数', en: 'appointed count' },
} as const;

/** A blank of the sheet: the field's path (as postInfoProblems names them) and its name on the sheet. */
export type PostInfoBlank = { path: string; name: { zh: string; en: string } };

/**
 * Every cell of F-4 the unit fills that is still blank: 编制数, 专业技术岗位总数, each grade's ratio and counts,
 * the posts offered, the two counts of part 2, and each recommended person's columns (at least one person).
 * Zero is a figure; only null (never entered) and empty text are blanks.
 */
export function postInfoBlanks(info: PostInfo): PostInfoBlank[] {
  const blanks: PostInfoBlank[] = [];
  const need = (value: number | null, path: string, name: { zh: string; en: string }) => {
    if (value === null) blanks.push({ path, name });
  };
  need(info.establishment, 'establishment', { zh: '编制数', en: 'establishment' });
  need(info.totalPosts, 'totalPosts', { zh: '专业技术岗位总数', en: 'professional posts in total' });
  for (const g of POST_GRADES) {
    for (const c of ['ratio', 'approved', 'appointed'] as const) {
      need(info.grades[g][c], `grades.${g}.${c}`, {
        zh: `${GRADE_NAMES[g].zh}${COLUMN_NAMES[c].zh}`,
        en: `${GRADE_NAMES[g].en} ${COLUMN_NAMES[c].en}`,
      });
    }
  }
  for (const key of Object.keys(OFFERED_FROM) as (keyof typeof OFFERED_FROM)[]) {
    need(info.offered[key], `offered.${key}`, {
      zh: `推出的${OFFERED_FROM[key].zh}岗位数`,
      en: `${OFFERED_FROM[key].en} posts offered`,
    });
  }
  need(info.alreadyQualified, 'alreadyQualified', { zh: '直接聘任人数', en: 'appointed directly' });
  need(info.recommendedCount, 'recommendedCount', { zh: '推荐参加评审人数', en: 'recommended for evaluation' });
  if (info.recommended.length === 0) {
    blanks.push({ path: 'recommended', name: { zh: '推荐人员名单', en: 'the recommended people' } });
  }
  for (const [i, person] of info.recommended.entries()) {
    for (const field of Object.keys(PERSON_FIELD_NAMES) as (keyof typeof PERSON_FIELD_NAMES)[]) {
      if (person[field].trim() !== '') continue;
      blanks.push({
        path: `recommended.${i}.${field}`,
        name: {
          zh: `第 ${i + 1} 人的${PERSON_FIELD_NAMES[field].zh}`,
          en: `the ${PERSON_FIELD_NAMES[field].en} of person ${i + 1}`,
        },
      });
    }
  }
  return blanks;
}

/**
 * Why F-4 printed from these figures is a draft (草稿): blanks still to fill and figures that do not add
 * up (postInfoProblems), said in one sentence naming the first few; null once the sheet is complete and
 * can go to the competent department for its seal. The unit's F-4 screen and `dossier forms` say the same.
 */
export function postInfoDraftReason(info: PostInfo): { zh: string; en: string } | null {
  const blanks = postInfoBlanks(info);
  const problems = postInfoProblems(info);
  if (blanks.length === 0 && problems.length === 0) return null;
  const SHOWN = 5;
  const names = (lang: 'zh' | 'en') => {
    const shown = blanks.slice(0, SHOWN).map((b) => b.name[lang]);
    const more = blanks.length - shown.length;
    return lang === 'zh'
      ? `${shown.join('、')}${more > 0 ? ` 等 ${blanks.length} 项` : ''}`
      : `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  };
  const zh: string[] = [];
  const en: string[] = [];
  if (blanks.length > 0) {
    zh.push(`尚未填写：${names('zh')}`);
    en.push(`not filled in yet: ${names('en')}`);
  }
  if (problems.length > 0) {
    zh.push(`${problems.length} 处需要更正：${problems[0]!.message.zh}${problems.length > 1 ? ' 等' : ''}`);
    en.push(
      `${problems.length} ${problems.length === 1 ? 'figure needs' : 'figures need'} correcting: ${problems[0]!.message.en}${problems.length > 1 ? ' …' : ''}`,
    );
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

// ------------------------------------------------------------------------- filling the list

/** The same person: the same ID number; without one on either side, the same name. */
function samePerson(a: RecommendedPerson, b: RecommendedPerson): boolean {
  if (a.idNumber.trim() !== '' && b.idNumber.trim() !== '') return sameId(a.idNumber, b.idNumber);
  return a.name.trim() !== '' && a.name.trim() === b.name.trim();
}

/**
 * The accepted applicants (unit:recommendedPeople) merged into a list the unit keeps: nobody on it is
 * removed or overwritten — a person already there keeps what the unit entered and only has blanks filled
 * from their archive (the unit knows 在聘岗位等级 better than the archive does); the others are added at the
 * end. `others` are the people on the list who are not among the accepted, for the officer to look at.
 * `recommendedCount` follows the list when it was blank or agreed with the list before.
 */
export function mergeRecommended<T extends RecommendedPerson>(
  info: { recommendedCount: number | null; recommended: readonly T[] },
  accepted: readonly RecommendedPerson[],
): { kept: T[]; added: RecommendedPerson[]; completed: T[]; others: T[]; recommendedCount: number | null } {
  const completed: T[] = [];
  const others: T[] = [];
  const matched = new Set<number>();
  const kept = info.recommended.map((person) => {
    const at = accepted.findIndex((a, i) => !matched.has(i) && samePerson(person, a));
    if (at < 0) {
      others.push(person);
      return person;
    }
    matched.add(at);
    const from = accepted[at]!;
    const filled = { ...person };
    let changed = false;
    for (const field of Object.keys(from) as (keyof RecommendedPerson)[]) {
      if (filled[field].trim() === '' && from[field].trim() !== '') {
        filled[field] = from[field] as T[typeof field];
        changed = true;
      }
    }
    if (changed) completed.push(filled);
    return filled;
  });
  const added = accepted.filter((_, i) => !matched.has(i));
  const total = kept.length + added.length;
  const follows = info.recommendedCount === null || info.recommendedCount === info.recommended.length;
  return { kept, added, completed, others, recommendedCount: follows ? total : info.recommendedCount };
}
