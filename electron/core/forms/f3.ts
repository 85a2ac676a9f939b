// F-3 《破格推荐高级专业技术职务任职资格审批表》 (附件3, M-11): for exceptional (破格) applicants, with exactly the
// fields of 附件3 — 姓名, 性别, 出生年月, 工作单位, 行政职务, 专业工作年限, 何年何校何专业毕业, 现聘任专业技术职务,
// 聘任时间, 破格推荐何专业技术职务任职资格, 简历, 破格推荐理由 — and the opinion boxes of the unit, the competent
// department and the city (department, bureau, head company) HR department, each with seal and date.
import { EDUCATION_LEVEL_LABELS, SEX_LABELS, labelOf } from '../../../shared/archive/labels.js';
import type { ArchiveDocument, Education } from '../../../shared/archive/schema.js';
import { zhJoin } from '../../../shared/archive/spacing.js';
import { FORMS } from '../../../shared/forms/catalog.js';
import { highestEducation } from '../../../shared/rules/pack2020/seniority.js';
import {
  currentAppointment,
  educationPeriod,
  formatDate,
  formatMonth,
  formatPeriod,
  professionalYears,
} from './facts.js';
import { finishForm, startForm } from './formStart.js';
import { opinionRow, table } from './pdf/blocks.js';
import type { Cell } from './pdf/formDoc.js';
import type { FormBuilder } from './types.js';

export { professionalYears } from './facts.js';

/** 「2000.07.01 毕业于浙江工业大学」, the major, 「大学本科，工学学士」: one graduation as 附件3 asks for it. */
function graduatedFrom(e: Education): string[] {
  const major = e.major === '' || e.major.endsWith('专业') ? e.major : `${e.major}专业`;
  return [
    zhJoin(formatDate(e.graduationDate), '毕业于', e.school),
    major,
    [labelOf(EDUCATION_LEVEL_LABELS, e.level, 'zh'), e.degree].filter(Boolean).join('，'),
  ].filter((s) => s !== '');
}

/** 「2009.06.30 获浙江大学工程硕士学位」: a degree obtained without a graduation (在职学位). */
function degreeFrom(e: Education): string {
  const degree = e.degree.endsWith('学位') ? e.degree : `${e.degree}学位`;
  return zhJoin(formatDate(e.graduationDate), '获', e.school, degree);
}

/**
 * 何年何校何专业毕业: the highest completed education — when, where, which major, and its level and degree. A part-time
 * course without a diploma (a degree only, 单证) is no graduation: the highest full-time graduation (or
 * else one with a diploma) answers the question, and the later degree follows as 「…获…学位」.
 */
export function graduation(archive: ArchiveDocument, asOf: string): string {
  const highest = highestEducation(archive.educations, asOf);
  if (!highest) return '';
  const degreeOnly = !highest.fullTime && highest.diplomaNumber.trim() === '' && highest.degree.trim() !== '';
  if (!degreeOnly) return graduatedFrom(highest).join('\n');
  const others = archive.educations.filter((e) => e !== highest);
  const graduated =
    highestEducation(
      others.filter((e) => e.fullTime),
      asOf,
    ) ??
    highestEducation(
      others.filter((e) => e.diplomaNumber.trim() !== ''),
      asOf,
    );
  return [...(graduated ? graduatedFrom(graduated) : []), degreeFrom(highest)].join('\n');
}

/** A period of the CV in the forms' date style: '2000.07.15—2005.03.31', or '…—至今' while it lasts. */
const period = (from: string, to: string) => formatPeriod(from, to);
const joined = (...parts: string[]) => parts.filter(Boolean).join('　');

/** 简历: education and work, one line each, in the order they began. */
export function resume(archive: ArchiveDocument): string[] {
  const lines: { start: string; text: string }[] = [
    ...archive.educations.map((e) => {
      const level = labelOf(EDUCATION_LEVEL_LABELS, e.level, 'zh');
      const mode = e.fullTime ? '' : '（非全日制）';
      return {
        start: e.startDate,
        text: joined(educationPeriod(e), e.school, e.major, level) + mode,
      };
    }),
    ...archive.workPeriods.map((w) => ({
      start: w.startDate,
      text: joined(period(w.startDate, w.endDate), w.unit, w.post),
    })),
  ];
  // A stable sort keeps entries without a start date in their order, after the dated ones.
  return lines
    .map((l, i) => ({ ...l, i }))
    .sort((a, b) => (a.start || '9999').localeCompare(b.start || '9999') || a.i - b.i)
    .map((l) => l.text);
}

const label = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const value = (text: string, span: number, align: 'left' | 'center' = 'center'): Cell => ({ text, span, align });
/** Long text starts at the top of the tall box left for it. */
const top = (text: string, span: number): Cell => ({ text, span, valign: 'top' });

export const buildF3: FormBuilder = async (ctx) => {
  const { archive, params } = ctx;
  const { profile, unit, application } = archive;
  const doc = await startForm('F-3', ctx);
  await doc.title(FORMS['F-3'].title.zh);
  const appointment = currentAppointment(archive);
  const current = appointment ? [appointment.post, appointment.grade ? `（${appointment.grade}）` : ''].join('') : '';
  const titleApplied = application.specialty
    ? `${application.titleApplied}（${application.specialty}）`
    : application.titleApplied;

  // Six columns as on 附件3 (label, value, label, value, label, value), in shares of 100.
  // Chosen so that a 12-character unit name, a 10-character 行政职务 and 专业工作年限 fit on one line.
  const [c1, c2, c3, c4, c5, c6] = [10.2, 27.3, 10.2, 23.3, 15, 14] as const;
  await doc.row(
    [
      label('姓　名', c1),
      value(profile.name, c2),
      label('性　别', c3),
      value(labelOf(SEX_LABELS, profile.sex, 'zh'), c4),
      label('出生年月', c5),
      value(formatMonth(profile.birthDate), c6),
    ],
    { minHeight: 30 },
  );
  await doc.row(
    [
      label('工作单位', c1),
      value(unit.name, c2),
      label('行政职务', c3),
      value(profile.administrativePost, c4),
      label('专业工作年限', c5),
      value(professionalYears(archive, params.asOfDate), c6),
    ],
    { minHeight: 36 },
  );
  // 何年何校何专业毕业 spans the two rows of 现聘任专业技术职务 and 聘任时间, as on 附件3.
  const left = c2 + c3;
  const right = c5 + c6;
  await table(
    doc,
    [
      [label('', c1), value('', left), label('现聘任专业\n技术职务', c4), value(current, right)],
      [
        label('', c1),
        value('', left),
        label('聘任时间', c4),
        value(appointment ? formatDate(appointment.startDate) : '', right),
      ],
    ],
    {
      merges: [
        { row: 0, rows: 2, col: 0, cell: label('何年何校\n何专业\n毕业', c1) },
        { row: 0, rows: 2, col: 1, cell: value(graduation(archive, params.asOfDate), left, 'left') },
      ],
      minHeights: [34, 34],
    },
  );
  await doc.row([label('破格推荐何专业技术\n职务任职资格', c1 + c2), value(titleApplied, 100 - c1 - c2)], {
    minHeight: 34,
  });
  await doc.row([{ ...label('简\n\n历', c1), cont: '简历\n（续）' }, top(resume(archive).join('\n'), 100 - c1)], {
    minHeight: 110,
  });
  // The reason may be long (up to 20,000 characters): the row continues on the next pages.
  await doc.row(
    [
      { ...label('破格\n推荐\n理由', c1), cont: '破格\n推荐\n理由\n（续）' },
      top(application.exceptionalReason, 100 - c1),
    ],
    { minHeight: 150 },
  );
  // The three opinions stay together on one page.
  doc.ensure(120 + 110);
  // Narrow label cells: 所在单位意见 and 主管部门意见 stand vertically, two characters a line, as on 附件3.
  await opinionRow(
    doc,
    [
      { label: '所在\n单位\n意见', labelSpan: 8, span: 42 },
      { label: '主管\n部门\n意见', labelSpan: 8, span: 42 },
    ],
    120,
  );
  // M-11: the HR department states which exceptional conditions are met.
  await opinionRow(doc, [{ heading: '市（厅、局、总公司）人事部门意见：', span: 100 }], 110);
  return finishForm(doc);
};
