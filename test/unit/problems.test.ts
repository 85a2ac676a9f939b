// findProblems: "validation informs, it does not block". Each bad input names its field, at a path made
// of record ids; wrong values are errors, doubtful ones warnings, and a new archive stays quiet.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyArchive, emptyRecord } from '../../shared/archive/empty.js';
import { countBySection, findProblems, problemsAt, type Problem } from '../../shared/archive/problems.js';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { idCheckCharacter } from '../../shared/checks/idNumber.js';

const TODAY = '2020-09-01';
const SAMPLE = ArchiveDocument.parse(JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')));

function sampleWith(mutate: (d: ArchiveDocument) => void): ArchiveDocument {
  const d = structuredClone(SAMPLE);
  mutate(d);
  return d;
}
const rec = <T extends { id: string }>(list: T[], id: string): T => list.find((r) => r.id === id)!;

type Expected = { path: string; severity: Problem['severity']; zh?: string; en?: string };
const cases: [string, (d: ArchiveDocument) => void, Expected[]][] = [
  // R-6 resident ID number
  [
    'R-6: a 15-digit ID number is never accepted',
    (d) => (d.profile.idNumber = '330802780516013'),
    [{ path: 'profile.idNumber', severity: 'error', zh: '身份证号码为 15 位一代身份证号码', en: '330802197805160138' }],
  ],
  [
    'R-6: wrong check character',
    (d) => (d.profile.idNumber = '330802197805160130'),
    [
      {
        path: 'profile.idNumber',
        severity: 'error',
        zh: '身份证号码校验位错误，应为 8',
        en: 'Resident ID number: wrong check character, expected 8',
      },
    ],
  ],
  [
    'R-6: ID number of 17 characters',
    (d) => (d.profile.idNumber = '33080219780516013'),
    [{ path: 'profile.idNumber', severity: 'error', zh: '身份证号码应为 18 位，现为 17 位' }],
  ],
  [
    'R-6: birth date in the future',
    (d) => (d.profile.birthDate = '2021-03-01'),
    [{ path: 'profile.birthDate', severity: 'error', zh: '出生日期晚于今天（2020-09-01）' }],
  ],
  [
    'R-6: birth date that does not exist',
    (d) => (d.profile.birthDate = '1978-02-30'),
    [{ path: 'profile.birthDate', severity: 'error', zh: '出生日期不是有效日期' }],
  ],
  [
    'R-6: ID number with a birth date in the future',
    (d) => (d.profile.idNumber = '33080220210101001' + idCheckCharacter('33080220210101001')),
    [{ path: 'profile.idNumber', severity: 'error', zh: '晚于今天' }],
  ],
  [
    'R-6: birth date differs from the ID number',
    (d) => (d.profile.birthDate = '1978-05-17'),
    [{ path: 'profile.birthDate', severity: 'error', zh: '出生日期与身份证号码不一致（身份证号码为 1978-05-16）' }],
  ],
  [
    'R-6: sex differs from the ID number',
    (d) => (d.profile.sex = 'female'),
    [{ path: 'profile.sex', severity: 'error', zh: '性别与身份证号码不一致（身份证号码为 男）' }],
  ],
  [
    'R-6: age on 2020-12-31 outside 20–65',
    (d) => ((d.profile.idNumber = ''), (d.profile.birthDate = '1950-06-01')),
    [{ path: 'profile.birthDate', severity: 'warning', zh: '70 岁' }],
  ],
  [
    'contact: e-mail without a domain',
    (d) => (d.profile.email = 'wu.jizhe'),
    [{ path: 'profile.email', severity: 'error', zh: '电子邮箱格式不正确' }],
  ],
  [
    'contact: implausible phone',
    (d) => (d.profile.phone = '12345'),
    [{ path: 'profile.phone', severity: 'warning', zh: '联系电话' }],
  ],
  // R-10 names
  [
    'R-10: emoji in a name',
    (d) => (d.profile.name = '张三😀'),
    [{ path: 'profile.name', severity: 'error', zh: '姓名含有表情符号：😀' }],
  ],
  [
    'R-10: a BMP character outside GB 2312',
    (d) => (d.profile.name = '陈堃'),
    [{ path: 'profile.name', severity: 'warning', zh: '姓名含有 GB 2312 以外的字符：堃' }],
  ],
  [
    'R-10: 𠮷 beyond the BMP',
    (d) => (d.profile.name = '陈𠮷'),
    [{ path: 'profile.name', severity: 'warning', zh: '姓名含有扩展区生僻字：𠮷' }],
  ],
  // unit and application
  [
    'GB 32100: credit code with a wrong check character',
    (d) => (d.unit.creditCode = '91330800MA28F3K640'),
    [{ path: 'unit.creditCode', severity: 'error', zh: '统一社会信用代码校验位错误，应为 R' }],
  ],
  [
    'GB 32100: credit code with a forbidden letter',
    (d) => (d.unit.creditCode = '91330800MA28F3K6OR'),
    [{ path: 'unit.creditCode', severity: 'error', zh: '不用 I、O、Z、S、V' }],
  ],
  [
    'N-9: no competent department and no personnel agency',
    (d) => (d.unit.personnelAgency = ''),
    [{ path: 'unit.personnelAgency', severity: 'warning', zh: '人事代理机构未填写' }],
  ],
  [
    'N-1: committee not chosen',
    (d) => (d.application.committee = ''),
    [{ path: 'application.committee', severity: 'warning', zh: '评审委员会尚未选择' }],
  ],
  // records
  [
    'graduation before enrolment',
    (d) => (rec(d.educations, 'edu-1').graduationDate = '1995-07-01'),
    [
      {
        path: 'educations.edu-1.graduationDate',
        severity: 'error',
        zh: '学历「浙江工业大学」的毕业时间不晚于入学时间（1996-09-01）',
        en: 'Education "浙江工业大学", graduation date: not after the enrolment date',
      },
    ],
  ],
  [
    'graduation date that does not exist',
    (d) => (rec(d.educations, 'edu-1').graduationDate = '2000-02-30'),
    [{ path: 'educations.edu-1.graduationDate', severity: 'error', zh: '不是有效日期：2000-02-30' }],
  ],
  [
    'graduation in the future',
    (d) => (rec(d.educations, 'edu-2').graduationDate = '2021-06-30'),
    [{ path: 'educations.edu-2.graduationDate', severity: 'error', zh: '晚于今天' }],
  ],
  [
    'N-12: a foreign degree needs certification',
    (d) => (rec(d.educations, 'edu-2').origin = 'foreign'),
    [{ path: 'educations.edu-2.origin', severity: 'warning', zh: '《国外学历学位认证书》' }],
  ],
  [
    'title obtained before birth',
    (d) => (rec(d.titles, 'title-1').obtainedDate = '1977-01-01'),
    [
      {
        path: 'titles.title-1.obtainedDate',
        severity: 'error',
        zh: '职称「助理工程师」的取得时间早于出生日期（1978-05-16）',
      },
    ],
  ],
  [
    'title obtained in the future',
    (d) => (rec(d.titles, 'title-2').obtainedDate = '2020-12-30'),
    [{ path: 'titles.title-2.obtainedDate', severity: 'error', zh: '晚于今天' }],
  ],
  [
    'appointment ending before it starts',
    (d) => (rec(d.appointments, 'appt-1').endDate = '2000-01-01'),
    [{ path: 'appointments.appt-1.endDate', severity: 'error', zh: '早于开始时间（2001-10-01）' }],
  ],
  [
    'work period ending before it starts',
    (d) => (rec(d.workPeriods, 'wp-1').endDate = '1999-12-31'),
    [{ path: 'workPeriods.wp-1.endDate', severity: 'error' }],
  ],
  [
    'overlapping work periods: a warning on both',
    (d) => (rec(d.workPeriods, 'wp-1').endDate = '2006-12-31'),
    [
      {
        path: 'workPeriods.wp-1.startDate',
        severity: 'warning',
        zh: '与工作经历「浙江衢江清能热电有限公司」的时间重叠',
      },
      {
        path: 'workPeriods.wp-2.startDate',
        severity: 'warning',
        zh: '与工作经历「浙江常山瑞丰热能有限公司」的时间重叠',
      },
    ],
  ],
  [
    'N-6: negative course hours',
    (d) => (rec(d.courses, 'course-1').hours = -8),
    [{ path: 'courses.course-1.hours', severity: 'error', zh: '学时应大于 0，现为 -8' }],
  ],
  [
    'N-6: zero course hours',
    (d) => (rec(d.courses, 'course-2').hours = 0),
    [{ path: 'courses.course-2.hours', severity: 'error' }],
  ],
  [
    'N-6: course year missing',
    (d) => (rec(d.courses, 'course-3').year = null),
    [{ path: 'courses.course-3.year', severity: 'warning', zh: '年度未填写' }],
  ],
  [
    'N-6: course hours missing',
    (d) => (rec(d.courses, 'course-3').hours = null),
    [{ path: 'courses.course-3.hours', severity: 'warning' }],
  ],
  [
    'M-9: an assessment year entered twice',
    (d) => (rec(d.assessments, 'assess-2019').year = 2018),
    [
      { path: 'assessments.assess-2018.year', severity: 'error', zh: '考核年度重复：2018 年录入了不止一条' },
      { path: 'assessments.assess-2019.year', severity: 'error', zh: '考核年度重复：2018 年录入了不止一条' },
    ],
  ],
  [
    'M-5: a pension year entered twice',
    (d) => (rec(d.pensionYears, 'pension-2020').year = 2019),
    [
      { path: 'pensionYears.pension-2019.year', severity: 'error' },
      { path: 'pensionYears.pension-2020.year', severity: 'error' },
    ],
  ],
  [
    'M-9: an assessment for a year still to come',
    (d) => (rec(d.assessments, 'assess-2017').year = 2021),
    [{ path: 'assessments.assess-2017.year', severity: 'error' }],
  ],
  // works (M-10, R-7)
  [
    'M-10: no representative work',
    (d) => (rec(d.works, 'work-1').representative = false),
    [{ path: 'works', severity: 'warning', zh: '业绩成果尚未标记代表作' }],
  ],
  [
    'M-10: two representative works: an error on each',
    (d) => (rec(d.works, 'work-3').representative = true),
    [
      { path: 'works.work-1.representative', severity: 'error', zh: '代表作只能有一项，现有 2 项' },
      { path: 'works.work-3.representative', severity: 'error' },
    ],
  ],
  [
    'R-7: ISSN with a wrong check character (long titles shortened to 20 characters)',
    (d) => (rec(d.works, 'work-1').issn = '1007-1882'),
    [
      {
        path: 'works.work-1.issn',
        severity: 'error',
        zh: '论文「循环流化床锅炉SNCR脱硝系统喷氨优化试…」的ISSN校验位错误，应为 1',
      },
    ],
  ],
  [
    'R-7: ISSN of the wrong shape',
    (d) => (rec(d.works, 'work-1').issn = '1007-188'),
    [{ path: 'works.work-1.issn', severity: 'error', zh: 'NNNN-NNNC' }],
  ],
  [
    'R-7: a newspaper CN number',
    (d) => (rec(d.works, 'work-1').cn = 'CN 33-0001'),
    [{ path: 'works.work-1.cn', severity: 'warning', zh: '报纸' }],
  ],
  [
    'R-7: a web publication CN number',
    (d) => (rec(d.works, 'work-2').cn = 'CN 61-6111/TM'),
    [{ path: 'works.work-2.cn', severity: 'warning' }],
  ],
  [
    'R-7: CN number of the wrong shape',
    (d) => (rec(d.works, 'work-2').cn = '61-1111'),
    [{ path: 'works.work-2.cn', severity: 'error', zh: 'CN XX-XXXX/YY' }],
  ],
  [
    'R-7: a paper without ISSN or CN',
    (d) => Object.assign(rec(d.works, 'work-2'), { issn: '', cn: '' }),
    [{ path: 'works.work-2.issn', severity: 'warning' }],
  ],
  [
    'M-10: a report without proof of writing it (执笔)',
    (d) => (rec(d.works, 'work-4').isLeadWriter = false),
    [{ path: 'works.work-4.isLeadWriter', severity: 'warning', zh: '执笔' }],
  ],
  [
    'a work dated in the future',
    (d) => (rec(d.works, 'work-6').date = '2020-10-01'),
    [{ path: 'works.work-6.date', severity: 'error' }],
  ],
  // M-8 summary, counted in code points
  [
    'M-8: a short summary, counted in code points',
    (d) => (d.summary.text = '𠮷'.repeat(200)),
    [{ path: 'summary.text', severity: 'warning', zh: '专业技术工作总结仅 200 字' }],
  ],
];

describe('findProblems', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const problems = findProblems(sampleWith(mutate), TODAY);
    for (const e of expected) {
      const found = problems.filter((p) => p.path === e.path && p.severity === e.severity);
      expect(found, `${e.path} in ${JSON.stringify(problems, null, 1)}`).not.toEqual([]);
      if (e.zh) expect(found.map((p) => p.message.zh).join('\n')).toContain(e.zh);
      if (e.en) expect(found.map((p) => p.message.en).join('\n')).toContain(e.en);
    }
  });

  it('a new archive is not flooded: only the committee (N-1) is asked for', () => {
    expect(findProblems(emptyArchive(), TODAY)).toEqual([
      {
        path: 'application.committee',
        severity: 'warning',
        message: {
          zh: '评审委员会尚未选择：请按专业对口选择一个高评委（N-1）',
          en: 'Evaluation committee: not chosen; choose the one that matches your specialty (N-1)',
        },
      },
    ]);
  });

  it('R-10: the sample name 吴𠮷喆 warns once per character, under the stronger warning', () => {
    const problems = findProblems(SAMPLE, TODAY);
    expect(problems.map((p) => [p.path, p.severity])).toEqual([
      ['profile.name', 'warning'],
      ['profile.name', 'warning'],
    ]);
    expect(problems[0]!.message.zh).toContain('𠮷');
    expect(problems[0]!.message.zh).not.toContain('喆');
    expect(problems[1]!.message.zh).toContain('喆');
    expect(problems[1]!.message.zh).not.toContain('𠮷');
  });

  it('M-8: a 100,000-character summary is no problem and fits the schema', () => {
    const d = sampleWith((x) => (x.summary.text = '𠮷'.repeat(100_000)));
    expect(ArchiveDocument.safeParse(d).success).toBe(true);
    expect(problemsAt(findProblems(d, TODAY), 'summary')).toEqual([]);
  });

  it('a hand-over day (one period ends the day the next starts) is not an overlap', () => {
    const d = sampleWith((x) => (rec(x.workPeriods, 'wp-1').endDate = '2005-04-01'));
    expect(problemsAt(findProblems(d, TODAY), 'workPeriods')).toEqual([]);
  });

  it('paths name records by id, so reordering a list keeps them', () => {
    const broken = sampleWith((d) => {
      rec(d.courses, 'course-5').hours = -1;
      rec(d.works, 'work-5').representative = true;
    });
    const reordered = structuredClone(broken);
    reordered.courses.reverse();
    reordered.works.reverse();
    const paths = (d: ArchiveDocument) =>
      findProblems(d, TODAY)
        .map((p) => p.path)
        .sort();
    expect(paths(broken)).toContain('courses.course-5.hours');
    expect(paths(reordered)).toEqual(paths(broken));
  });

  it('every message names its field, Chinese first', () => {
    const d = sampleWith((x) => {
      x.profile.idNumber = '330802197805160130';
      rec(x.courses, 'course-1').hours = -8;
    });
    for (const p of findProblems(d, TODAY)) {
      expect(p.message.zh).toMatch(/^\p{Script=Han}/u);
      expect(p.message.en).toMatch(/^[A-Z][^:]*: /);
    }
  });

  it('does not change the archive, and insists on a real today', () => {
    const before = JSON.stringify(SAMPLE);
    findProblems(SAMPLE, TODAY);
    expect(JSON.stringify(SAMPLE)).toBe(before);
    expect(() => findProblems(SAMPLE, '2020-9-1')).toThrow(RangeError);
  });
});

describe('problemsAt and countBySection', () => {
  const problems = findProblems(
    sampleWith((d) => {
      d.profile.idNumber = '330802197805160130';
      rec(d.courses, 'course-1').hours = -8;
      rec(d.courses, 'course-10').year = null;
      rec(d.works, 'work-1').representative = false;
    }),
    TODAY,
  );

  it('selects a section, a record or a field, and not a record whose id merely starts alike', () => {
    expect(problemsAt(problems, 'courses').map((p) => p.path)).toEqual([
      'courses.course-1.hours',
      'courses.course-10.year',
    ]);
    expect(problemsAt(problems, 'courses.course-1').map((p) => p.path)).toEqual(['courses.course-1.hours']);
    expect(problemsAt(problems, 'profile.idNumber')).toHaveLength(1);
    expect(problemsAt(problems, 'works').map((p) => p.path)).toEqual(['works']);
  });

  it('counts errors and warnings by the first path segment', () => {
    expect(countBySection(problems)).toEqual({
      profile: { error: 1, warning: 2 },
      courses: { error: 1, warning: 1 },
      works: { error: 0, warning: 1 },
    });
  });
});

describe('courses without a category (N-6)', () => {
  it('warns that their hours are not counted', () => {
    const doc = emptyArchive();
    doc.courses.push({ ...emptyRecord('courses', 'c1'), year: 2019, hours: 24 });
    const problem = findProblems(doc, '2020-09-01').find((p) => p.path === 'courses.c1.category');
    expect(problem?.severity).toBe('warning');
    expect(problem?.message.zh).toContain('不计入');
  });
});
