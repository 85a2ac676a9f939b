// F-4 《事业单位人员职称申报岗位信息表》 (附件4, M-12, N-14): public institutions evaluate within the approved
// post-structure ratio, so the unit states its professional posts (part 1), the result of its competition
// and the people it recommends (part 2), and the competent or HR department gives its opinion (part 3).
// Laid out as 附件4: vertical group labels on the left, the grades as columns.
import { zhJoin } from '../../../shared/archive/spacing.js';
import { applicantAsRecommended } from '../../../shared/forms/applicant.js';
import { FORMS } from '../../../shared/forms/catalog.js';
import {
  POST_GRADES,
  postInfoEntered,
  postInfoProblems,
  totalRow,
  vacancy,
  type PostInfo,
  type RecommendedPerson,
} from '../../../shared/forms/postInfo.js';
import { DossierError } from '../errors.js';
import { formatDate } from './facts.js';
import { finishForm, startForm } from './formStart.js';
import { blank, opinionRow, table } from './pdf/blocks.js';
import type { Cell, FormMeta } from './pdf/formDoc.js';
import type { BuiltForm, FormBuilder, FormContext } from './types.js';

const GRADE_LABELS = ['正高级', '副高级', '中级', '初级及未定级'] as const;

/** Column shares: the group label, the 岗位情况 label, the row label, then the five grade columns. */
const GROUP = 7;
const SUB = 7;
const HEAD = 14;
const GRADE = (100 - GROUP - SUB - HEAD) / 5;
const REST = 100 - GROUP;

const label = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const value = (text: string, span: number): Cell => ({ text, span, align: 'center' });
const num = (n: number | null): string => (n === null ? '' : String(n));
/** A figure inside the part-2 sentence: the number, or a line to fill in by hand. */
const fill = (n: number | null): string => (n === null ? blank(4) : String(n));

/**
 * Part 2 in the words of 附件4, the figures set in with the project's spacing (a space between a digit and
 * Chinese, none after full-width punctuation: 「岗位，2 个副高级」); a figure not entered is a line to fill in.
 */
export function part2Text(info: PostInfo, year: string): string {
  return zhJoin(
    '　　',
    year,
    '年我单位共推出',
    fill(info.offered.senior),
    '个正高级专业技术岗位，',
    fill(info.offered.deputySenior),
    '个副高级专业技术岗位，',
    fill(info.offered.middle),
    '个中（初）级专业技术岗位。经考核竞聘，确定聘任的在编人员中',
    fill(info.alreadyQualified),
    '人已具有相应的专业技术职务任职资格，直接办理聘任手续，',
    fill(info.recommendedCount),
    '人目前不具有相应的专业技术职务任职资格，同意推荐参加评审，并承诺在取得职务任职资格后，按规定及时聘任。' +
      '拟聘任人员中不具有相应职务任职资格的人员名单如下：',
  );
}

/**
 * The people of part 2: the unit's list, or when it lists nobody, the applicant from the archive (the
 * title held, the level and post grade of the appointment in force); the unit's list, when entered, says
 * what the competition decided.
 */
export function recommendedPeople(ctx: FormContext, info: PostInfo): RecommendedPerson[] {
  return info.recommended.length > 0 ? info.recommended : [applicantAsRecommended(ctx.archive)];
}

/** The figures as entered; refuses to print without them or with figures that do not add up (issue 7). */
function checkedPostInfo(ctx: FormContext): PostInfo {
  const info = ctx.postInfo;
  if (!info || !postInfoEntered(info)) {
    throw new DossierError('post_info_missing', {
      zh: '请先在“岗位信息表”中填写单位岗位数据（F-4）',
      en: 'Enter the unit’s post figures (F-4) first',
    });
  }
  const problems = postInfoProblems(info, ctx.archive.profile.idNumber);
  if (problems.length > 0) {
    throw new DossierError(
      'post_info_invalid',
      {
        zh: `岗位信息表的数据不一致，请先更正：${problems.map((p) => p.message.zh).join('；')}`,
        en: `The post figures do not add up; correct them first: ${problems.map((p) => p.message.en).join('; ')}`,
      },
      problems.map((p) => ({ path: `postInfo.${p.path}`, message: p.message })),
    );
  }
  return info;
}

/** The applicant's F-4 (打印表格, the level-2 package): only from figures that are entered and add up. */
export const buildF4: FormBuilder = async (ctx) => layoutF4(ctx, checkedPostInfo(ctx));

/**
 * F-4 laid out from `info` as it is, whatever its state: the unit's sheet (unitF4.ts) is printed at any
 * time, `meta` then marking it a draft and tying its footer to the unit's figures.
 */
export async function layoutF4(ctx: FormContext, info: PostInfo, meta: Partial<FormMeta> = {}): Promise<BuiltForm> {
  const doc = await startForm('F-4', ctx, meta);
  await doc.title(FORMS['F-4'].title.zh);
  const year = ctx.params.asOfDate.slice(0, 4);

  // Part 1: the unit's professional posts.
  const grades = POST_GRADES.map((g) => info.grades[g]);
  const total = totalRow(info);
  const totalVacancy = total.approved === null || total.appointed === null ? null : total.approved - total.appointed;
  const gradeRow = (head: string, values: string[], last: string): Cell[] => [
    label('', GROUP),
    label('', SUB),
    label(head, HEAD),
    ...values.map((v) => value(v, GRADE)),
    value(last, GRADE),
  ];
  const part1: Cell[][] = [
    [label('', GROUP), label('单位名称（盖章）', SUB + HEAD), { text: ctx.archive.unit.name, span: GRADE * 5 }],
    [
      label('', GROUP),
      label('编制数', SUB + HEAD),
      value(num(info.establishment), GRADE * 1.75),
      label('专业技术岗位总数', GRADE * 1.5),
      value(num(info.totalPosts), GRADE * 1.75),
    ],
    [label('', GROUP), label('', SUB), label('等级', HEAD), ...[...GRADE_LABELS, '总数'].map((g) => label(g, GRADE))],
    // The approved ratios are shares of the posts; their total is not a figure of the form (— on 附件4).
    gradeRow(
      '核准比例',
      grades.map((g) => (g.ratio === null ? '' : `${g.ratio}%`)),
      '—',
    ),
    gradeRow(
      '核准人数',
      grades.map((g) => num(g.approved)),
      num(total.approved),
    ),
    gradeRow(
      '实聘人数',
      grades.map((g) => num(g.appointed)),
      num(total.appointed),
    ),
    gradeRow(
      '空缺情况',
      grades.map((g) => num(vacancy(g))),
      num(totalVacancy),
    ),
  ];
  await table(doc, part1, {
    merges: [
      { row: 0, rows: part1.length, col: 0, cell: label('单位专业技术岗位情况', GROUP) },
      { row: 2, rows: part1.length - 2, col: 1, cell: label('岗位情况', SUB) },
    ],
    minHeights: [34, 26, 26, 26, 26, 26, 26],
  });

  // Part 2: the competition result, in the words of 附件4, and the people recommended for evaluation.
  const sentence = part2Text(info, year);
  // Shares of the people table: 姓名, 身份证号码, 现有资格, 聘任职级, 聘任时间, 在聘岗位等级, 推荐申报职称. In
  // 9 pt an 18-character ID number, 高级工程师 and 专业技术七级 stay on one line.
  const widths = [10, 21, 13, 12, 12, 13, 12] as const;
  const PEOPLE_SIZE = 9;
  const people = recommendedPeople(ctx, info);
  const part2: Cell[][] = [
    [label('', GROUP), { text: sentence, span: REST }],
    [
      label('', GROUP),
      ...[
        '姓　名',
        '身份证号码',
        '现有专业技术\n职务任职资格',
        '聘任专业\n技术职级',
        '聘任时间',
        '在聘岗位等级',
        '推荐申报\n职称',
      ].map((h, i) => label(h, widths[i]!)),
    ],
    ...people.map((p) => [
      label('', GROUP),
      ...[
        p.name,
        p.idNumber,
        p.currentQualification,
        p.appointedGrade,
        formatDate(p.appointedDate),
        p.postLevel,
        p.titleApplied,
      ].map((v, i) => value(v, widths[i]!)),
    ]),
  ];
  await table(doc, part2, {
    merges: [{ row: 0, rows: part2.length, col: 0, cell: label('单位专业技术岗位竞聘结果', GROUP) }],
    minHeights: [0, 0, ...people.map(() => 26)],
    sizes: [undefined, PEOPLE_SIZE, ...people.map(() => PEOPLE_SIZE)],
    repeat: [1],
  });

  // Part 3: the opinion of the competent department or the HR department (N-9, M-12).
  await opinionRow(doc, [{ label: '主管部门或人力社保部门意见', labelSpan: GROUP, span: REST }], 130);
  doc.gap(6);
  // 附件4's note: the form is for staff on the establishment (在编人员) only.
  await doc.paragraph('注：该表格为事业单位推荐在编人员参加职称评审时填写。', { size: 9 });
  return finishForm(doc);
}
