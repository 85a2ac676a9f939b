// The 2020 pack rule by rule (rules.md R-1 … R-10, notice N-/M-): each table covers pass, fail, review
// and the exact boundaries. Cases start from the sample applicant with every proof attached, so that
// only the changed fact moves the finding under test.
import { describe, expect, it } from 'vitest';
import type { ArchiveDocument, Course, Work } from '../../shared/archive/schema.js';
import type { Params2020 } from '../../shared/rules/pack2020/index.js';
import { materialsOfLinks } from '../../shared/materials/requirements.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/index.js';
import type { RuleLink, Status } from '../../shared/rules/types.js';
import { addSecondarySchool, check, finding, link, sampleArchive, sampleLinks } from '../helpers/rules.js';

type Case = {
  name: string;
  edit?: (a: ArchiveDocument) => void;
  params?: Partial<Params2020>;
  links?: (a: ArchiveDocument) => RuleLink[] | null;
  today?: string;
  applicationDate?: string;
  expect: Status;
};

function runCase(id: string, c: Case) {
  const archive = sampleArchive();
  c.edit?.(archive);
  const links = c.links ? c.links(archive) : sampleLinks(archive);
  const report = check(archive, {
    links,
    ...(c.params ? { params: c.params } : {}),
    ...(c.today ? { today: c.today } : {}),
    ...(c.applicationDate ? { applicationDate: c.applicationDate } : {}),
  });
  return finding(report, id);
}

function table(id: string, cases: Case[]) {
  describe(id, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const f = runCase(id, c);
      expect(f.status, f.message.en).toBe(c.expect);
      expect(f.clause.length).toBeGreaterThan(0);
      expect(f.message.zh.length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
    });
  });
}

const engineer = (a: ArchiveDocument) => a.titles.find((t) => t.level === 'intermediate')!;
const economist: ArchiveDocument['titles'][number] = {
  id: 'title-econ',
  level: 'intermediate',
  series: 'economics',
  name: '经济师',
  obtainedDate: '2010-05-01',
  certificateNumber: '',
  issuingBody: '',
};
const setTitleDate = (date: string) => (a: ArchiveDocument) => void (engineer(a).obtainedDate = date);
/** Makes the bachelor the only education, so the route is bachelor (5 years). */
const onlyBachelor = (a: ArchiveDocument) => void (a.educations = a.educations.filter((e) => e.level === 'bachelor'));
const setLevel = (level: ArchiveDocument['educations'][number]['level']) => (a: ArchiveDocument) => {
  a.educations = [{ ...a.educations[0]!, level }];
};

table('R-1.seniority', [
  { name: 'sample: 11 years since 工程师', expect: 'pass' },
  { name: 'boundary: 2015-12-31 + 5 years is met on 2020-12-31', edit: setTitleDate('2015-12-31'), expect: 'pass' },
  { name: 'boundary: 2016-01-01 + 5 years is not met', edit: setTitleDate('2016-01-01'), expect: 'fail' },
  {
    name: 'calendar-year convention: 2016-01-01 still 4 years',
    edit: setTitleDate('2016-01-01'),
    params: { countingConvention: 'calendarYear' },
    expect: 'fail',
  },
  {
    name: 'conventions disagree (as-of mid-year) → review',
    edit: setTitleDate('2015-09-01'),
    params: { asOfDate: '2020-06-30', deadline: '2020-06-01' },
    expect: 'review',
  },
  {
    name: 'doctorate: 2 years, 2018-12-31 met',
    edit: (a) => (setLevel('doctorate')(a), setTitleDate('2018-12-31')(a)),
    expect: 'pass',
  },
  {
    name: 'doctorate: 2019-01-01 not met',
    edit: (a) => (setLevel('doctorate')(a), setTitleDate('2019-01-01')(a)),
    expect: 'fail',
  },
  { name: 'bachelor only, 2017 → fail', edit: (a) => (onlyBachelor(a), setTitleDate('2017-03-01')(a)), expect: 'fail' },
  {
    name: '大专 route: assumed threshold → review, never fail',
    edit: (a) => (setLevel('junior_college')(a), setTitleDate('2018-01-01')(a)),
    expect: 'review',
  },
  {
    name: 'exceptional with too few years → review',
    edit: (a) => (setTitleDate('2018-01-01')(a), (a.application.exceptional = true)),
    expect: 'review',
  },
  {
    name: 'COVID frontline: 4 years suffice, but only thanks to R-3 → review',
    edit: (a) => (setTitleDate('2016-06-01')(a), (a.application.covidFrontline = true)),
    expect: 'review',
  },
  {
    name: 'no 工程师 title → fail',
    edit: (a) => void (a.titles = a.titles.filter((t) => t.level !== 'intermediate')),
    expect: 'fail',
  },
  { name: 'no education → review (route unknown)', edit: (a) => void (a.educations = []), expect: 'review' },
  { name: 'leap day: 2016-02-29 + 4 years (COVID off) fails at 5', edit: setTitleDate('2016-02-29'), expect: 'fail' },
  {
    name: '5 years to the day from 工程师 (2015-12-31) with an older 经济师 (2010) → pass, counted from 工程师',
    edit: (a) => {
      setTitleDate('2015-12-31')(a);
      a.titles.push({ ...economist, obtainedDate: '2010-05-01' });
    },
    expect: 'pass',
  },
  {
    name: '工程师 2016-01-01 with an older 经济师 (2010) → fail: another series never starts the clock',
    edit: (a) => {
      setTitleDate('2016-01-01')(a);
      a.titles.push({ ...economist, obtainedDate: '2010-05-01' });
    },
    expect: 'fail',
  },
  {
    name: 'only a 经济师 → review (转系列 is for the committee)',
    edit: (a) => void (a.titles = [{ ...economist, obtainedDate: '2010-05-01' }]),
    expect: 'review',
  },
  {
    name: 'an intermediate title without a series → review (choose it)',
    edit: (a) => void (engineer(a).series = ''),
    expect: 'review',
  },
]);

table('R-1.route', [
  { name: 'master', expect: 'pass' },
  { name: 'secondary → only 破格', edit: setLevel('secondary'), expect: 'fail' },
  {
    name: 'secondary, exceptional → review',
    edit: (a) => (setLevel('secondary')(a), (a.application.exceptional = true)),
    expect: 'review',
  },
  { name: '大专 → review (assumed route)', edit: setLevel('junior_college'), expect: 'review' },
  {
    name: '大专 switched off → still review (assumed)',
    edit: setLevel('junior_college'),
    params: { juniorCollegeRoute: false },
    expect: 'review',
  },
  { name: 'no education → fail', edit: (a) => void (a.educations = []), expect: 'fail' },
  {
    name: 'doctorate in progress (no graduation date) beside a bachelor → route stays master/bachelor (pass)',
    edit: (a) => void a.educations.push({ ...a.educations[1]!, id: 'edu-phd', level: 'doctorate', graduationDate: '' }),
    expect: 'pass',
  },
  {
    name: 'doctorate graduating after the as-of date is not completed',
    edit: (a) => void (a.educations = [{ ...a.educations[0]!, level: 'doctorate', graduationDate: '2021-06-30' }]),
    expect: 'fail',
  },
  {
    name: 'only a doctorate in progress → fail (no completed education)',
    edit: (a) => void (a.educations = [{ ...a.educations[0]!, level: 'doctorate', graduationDate: '' }]),
    expect: 'fail',
  },
]);

describe('R-1 a doctorate in progress never makes the doctorate route', () => {
  it('2 years after 工程师 with a doctorate under way: seniority fails (5 years needed)', () => {
    const a = sampleArchive();
    a.educations.push({ ...a.educations[1]!, id: 'edu-phd', level: 'doctorate', graduationDate: '' });
    engineer(a).obtainedDate = '2018-06-01';
    const report = check(a, { links: sampleLinks(a) });
    expect(finding(report, 'R-1.seniority').status).toBe('fail');
    expect(finding(report, 'R-1.route').message.zh).toContain('尚未毕业');
  });
});

table('R-1.late-degree', [
  { name: 'master 2009-06 before 工程师 2009-12', expect: 'pass' },
  {
    name: 'master after 工程师 → review',
    edit: (a) => void (a.educations[1]!.graduationDate = '2012-06-30'),
    expect: 'review',
  },
  { name: 'no title → n/a', edit: (a) => void (a.titles = []), expect: 'n/a' },
]);

table('R-1.junior-college-work', [
  { name: 'not 大专 → n/a', expect: 'n/a' },
  { name: '大专 with 20 years of work → pass', edit: setLevel('junior_college'), expect: 'pass' },
  {
    name: '大专 with 10 years → review (assumed)',
    edit: (a) => (setLevel('junior_college')(a), (a.workPeriods = [{ ...a.workPeriods[0]!, startDate: '2011-01-01' }])),
    expect: 'review',
  },
]);

table('R-2.exceptional', [
  { name: 'not exceptional → n/a', expect: 'n/a' },
  { name: 'exceptional, F-3 missing → fail', edit: (a) => void (a.application.exceptional = true), expect: 'fail' },
  {
    name: 'exceptional, complete → review',
    edit: (a) => void (a.application.exceptional = true),
    links: (a) => [...sampleLinks(a), link('M-11/f3'), link('M-11/proof', 'work-6')],
    expect: 'review',
  },
  {
    name: 'exceptional, links unknown → review',
    edit: (a) => void (a.application.exceptional = true),
    links: () => null,
    expect: 'review',
  },
]);

table('R-3.covid-frontline', [
  { name: 'not frontline → n/a', expect: 'n/a' },
  {
    name: 'frontline → review (applicability unknown)',
    edit: (a) => void (a.application.covidFrontline = true),
    expect: 'review',
  },
]);

const course = (over: Partial<Course>): Course => ({
  id: `c-${Math.random().toString(36).slice(2, 8)}`,
  year: 2019,
  name: 'x',
  category: 'professional',
  mode: 'offline',
  hours: 10,
  provider: '',
  platform: 'city',
  ...over,
});
/** 2019 exactly at the minimums: professional 60 + public 30 = 90. */
const exactly90 = (a: ArchiveDocument) => {
  a.courses = a.courses.filter((c) => c.year !== 2019);
  a.courses.push(course({ hours: 60 }), course({ category: 'general_public', hours: 30 }));
};

table('R-4.ce-hours#2019', [
  { name: 'sample 2019: 92 hours', expect: 'pass' },
  { name: 'boundary: 90 hours exactly (60 + 30)', edit: exactly90, expect: 'pass' },
  {
    name: '89.5 hours → short: 2019 is a confirmed year (R-4) → fail',
    edit: (a) => (exactly90(a), (a.courses.at(-1)!.hours = 29.5)),
    expect: 'fail',
  },
  {
    name: 'online professional capped at 36 outside 2020: 70 online + 30 public → short',
    edit: (a) => {
      a.courses = a.courses.filter((c) => c.year !== 2019);
      a.courses.push(course({ mode: 'online', hours: 70 }), course({ category: 'industry_public', hours: 30 }));
    },
    expect: 'fail',
  },
  {
    name: 'public 17 → short',
    edit: (a) => {
      a.courses = a.courses.filter((c) => c.year !== 2019);
      a.courses.push(course({ hours: 80 }), course({ category: 'general_public', hours: 17 }));
    },
    expect: 'fail',
  },
  {
    name: 'public 18 (boundary) with 72 professional → pass',
    edit: (a) => {
      a.courses = a.courses.filter((c) => c.year !== 2019);
      a.courses.push(course({ hours: 72 }), course({ category: 'general_public', hours: 18 }));
    },
    expect: 'pass',
  },
  { name: 'no courses at all → fail', edit: (a) => void (a.courses = []), expect: 'fail' },
]);

table('R-4.ce-hours#2018', [
  {
    name: 'no 2018 courses → fail (confirmed year)',
    edit: (a) => void (a.courses = a.courses.filter((c) => c.year !== 2018)),
    expect: 'fail',
  },
]);

table('R-4.ce-hours#2020', [
  { name: 'sample 2020', expect: 'pass' },
  {
    name: 'online uncapped in 2020: 70 online + 20 public',
    edit: (a) => {
      a.courses = a.courses.filter((c) => c.year !== 2020);
      a.courses.push(
        course({ year: 2020, mode: 'online', hours: 70 }),
        course({ year: 2020, category: 'industry_public', hours: 20 }),
      );
    },
    expect: 'pass',
  },
  {
    name: '2020 shortfall → review (2020 is assumed, R-4)',
    edit: (a) => void (a.courses = a.courses.filter((c) => c.year !== 2020)),
    expect: 'review',
  },
  {
    name: 'COVID frontline, no 2020 hours → deemed complete (pass, with the caution)',
    edit: (a) => ((a.courses = []), (a.application.covidFrontline = true)),
    expect: 'pass',
  },
]);

table('M-7.ce-proof#2019', [
  { name: 'attached', expect: 'pass' },
  { name: 'missing → fail (2019 is a confirmed year, R-4)', links: () => [], expect: 'fail' },
]);

table('M-7.ce-proof#2020', [{ name: 'missing → review (2020 is assumed, R-4)', links: () => [], expect: 'review' }]);

table('R-5.publicity', [
  { name: 'no dates → review', expect: 'review' },
  {
    name: '2020-09-28 … 2020-10-10 (working Saturday) = 5 days → pass (the other convention is a note)',
    params: { publicityStart: '2020-09-28', publicityEnd: '2020-10-10' },
    expect: 'pass',
  },
  {
    name: '2020-09-21 … 2020-09-25 = 5 days under the default (4 without the start) → pass',
    params: { publicityStart: '2020-09-21', publicityEnd: '2020-09-25' },
    expect: 'pass',
  },
  {
    name: 'start day not counted by parameter: 2020-09-21 … 2020-09-25 = 4 (5 with it) → review',
    params: { publicityStart: '2020-09-21', publicityEnd: '2020-09-25', publicityStartCounts: false },
    expect: 'review',
  },
  {
    name: '2020-09-21 … 2020-09-28 = 7 days, 6 without the start → pass',
    params: { publicityStart: '2020-09-21', publicityEnd: '2020-09-28' },
    expect: 'pass',
  },
  {
    name: '2020-09-28 … 2020-10-09 = 4 days, 3 without → fail',
    params: { publicityStart: '2020-09-28', publicityEnd: '2020-10-09' },
    expect: 'fail',
  },
  {
    name: '2020-01-31 … 2020-02-05: 02-01 is a rest day, 4 days → fail',
    params: { publicityStart: '2020-01-31', publicityEnd: '2020-02-05' },
    expect: 'fail',
  },
  {
    name: 'outside the calendar → review (unknown)',
    params: { publicityStart: '2019-12-25', publicityEnd: '2020-01-06' },
    expect: 'review',
  },
  { name: 'start only → review with the end shown', params: { publicityStart: '2020-09-28' }, expect: 'review' },
]);

table('M-3.publicity-form', [
  { name: 'attached', expect: 'pass' },
  { name: 'missing → review: the unit issues it after the publicity (N-8)', links: () => [], expect: 'review' },
  { name: 'links unknown → review', links: () => null, expect: 'review' },
]);

describe('M-3.publicity-form is a note, never a requirement before the export (N-8)', () => {
  // The unit publicises after the hand-in and adds M-3 at the countersignature (level 2).
  it('missing: info, says the unit issues it and adds it, and still points at the slot', () => {
    const f = finding(check(sampleArchive(), { links: [] }), 'M-3.publicity-form');
    expect(f).toMatchObject({ status: 'review', severity: 'info', fix: { kind: 'slot', target: 'M-3/publicity' } });
    expect(f.message.zh).toContain('由单位在公示期满后出具并盖章');
    expect(f.message.zh).toContain('导出申报包前无需上传');
    expect(f.message.en).toContain('the unit adds it when it countersigns');
  });

  it('attached: passes as before', () => {
    const f = finding(check(sampleArchive(), { links: [link('M-3/publicity')] }), 'M-3.publicity-form');
    expect(f).toMatchObject({ status: 'pass', severity: 'info' });
  });
});

table('R-6.id-number', [
  { name: 'sample ID valid', expect: 'pass' },
  { name: 'wrong check character', edit: (a) => void (a.profile.idNumber = '330802197805160139'), expect: 'fail' },
  { name: '15 digits refused', edit: (a) => void (a.profile.idNumber = '330802780516013'), expect: 'fail' },
  { name: 'empty', edit: (a) => void (a.profile.idNumber = ''), expect: 'fail' },
  {
    name: 'lower-case x accepted',
    edit: (a) => ((a.profile.idNumber = '11010519491231002x'), (a.profile.birthDate = '')),
    expect: 'pass',
  },
  {
    name: 'birth date in the future',
    edit: (a) => void (a.profile.idNumber = '110105204912310020'),
    today: '2020-09-01',
    expect: 'fail',
  },
]);

table('R-6.id-consistency', [
  { name: 'agrees', expect: 'pass' },
  { name: 'invalid ID → n/a', edit: (a) => void (a.profile.idNumber = 'x'), expect: 'n/a' },
]);
table('R-6.id-consistency#birthDate', [
  { name: 'birth date differs', edit: (a) => void (a.profile.birthDate = '1978-05-17'), expect: 'fail' },
]);
table('R-6.id-consistency#sex', [
  { name: 'sex differs', edit: (a) => void (a.profile.sex = 'female'), expect: 'fail' },
]);

table('R-6.age', [
  { name: '42 years', expect: 'pass' },
  {
    name: '66 years → review',
    edit: (a) => ((a.profile.birthDate = '1954-01-01'), (a.profile.idNumber = '')),
    expect: 'review',
  },
  {
    name: 'boundary: 65 on 2020-12-31',
    edit: (a) => ((a.profile.birthDate = '1955-12-31'), (a.profile.idNumber = '')),
    expect: 'pass',
  },
]);

const firstWork = (a: ArchiveDocument): Work => a.works[0]!;
table('R-7.representative', [
  { name: 'exactly one', expect: 'pass' },
  { name: 'none → fail', edit: (a) => a.works.forEach((w) => (w.representative = false)), expect: 'fail' },
  { name: 'two → fail', edit: (a) => void (a.works[2]!.representative = true), expect: 'fail' },
  {
    name: 'a patent may be the representative work',
    edit: (a) => ((firstWork(a).representative = false), (a.works[2]!.representative = true)),
    expect: 'pass',
  },
]);

table('R-7.journal-numbers#work-1', [
  { name: 'valid ISSN and CN', expect: 'pass' },
  { name: 'ISSN check digit wrong', edit: (a) => void (firstWork(a).issn = '1007-1882'), expect: 'fail' },
  { name: 'ISSN 1144-875X valid', edit: (a) => void (firstWork(a).issn = '1144-875x'), expect: 'pass' },
  { name: 'CN malformed', edit: (a) => void (firstWork(a).cn = 'CN 33-1080'), expect: 'fail' },
  { name: 'CN of a newspaper → review', edit: (a) => void (firstWork(a).cn = 'CN 33-0001'), expect: 'review' },
  { name: 'CN ≥ 6000 (web) → review', edit: (a) => void (firstWork(a).cn = 'CN 33-6001/TM'), expect: 'review' },
  {
    name: 'neither number → review',
    edit: (a) => ((firstWork(a).issn = ''), (firstWork(a).cn = '')),
    expect: 'review',
  },
]);

table('R-7.paper-pages#work-1', [
  { name: 'all four pages', expect: 'pass' },
  {
    name: 'table of contents missing → fail',
    links: (a) => sampleLinks(a).filter((l) => !(l.slot === 'M-10/paper/toc' && l.recordId === 'work-1')),
    expect: 'fail',
  },
  {
    name: 'pages linked to another paper do not count',
    links: (a) => sampleLinks(a).filter((l) => !(l.slot?.startsWith('M-10/paper/') && l.recordId === 'work-1')),
    expect: 'fail',
  },
  { name: 'links unknown → review', links: () => null, expect: 'review' },
]);

table('R-7.since-current-title', [{ name: 'every work after 工程师', expect: 'pass' }]);
table('R-7.since-current-title#work-2', [
  { name: 'a paper before 工程师 → review', edit: (a) => void (a.works[1]!.date = '2008-01-01'), expect: 'review' },
]);

table('R-7.report-authorship#work-4', [
  { name: 'lead writer with proof', expect: 'pass' },
  {
    name: 'proof missing → fail',
    links: (a) => sampleLinks(a).filter((l) => l.slot !== 'M-10/authorship'),
    expect: 'fail',
  },
  { name: 'not the lead writer → review', edit: (a) => void (a.works[3]!.isLeadWriter = false), expect: 'review' },
]);

table('M-4.main-contributor#work-5', [
  { name: 'proof attached', expect: 'pass' },
  {
    name: 'missing → fail',
    links: (a) => sampleLinks(a).filter((l) => l.slot !== 'M-4/main-contributor'),
    expect: 'fail',
  },
]);

table('M-5.pension#2019', [
  { name: 'record and proof', expect: 'pass' },
  // Issue 19: a required scan is required — the provincial system's own extraction (N-11) is no excuse.
  {
    name: 'proof missing → fail (2019 is a confirmed year)',
    links: (a) => sampleLinks(a).filter((l) => l.slot !== 'M-5/pension/2019'),
    expect: 'fail',
  },
  {
    name: 'proof handed in on paper with a reason → review (a note for the unit), not a fail',
    links: (a) => sampleLinks(a).filter((l) => l.slot !== 'M-5/pension/2019'),
    edit: (a) =>
      void a.materials.paperCopies.push({
        slot: 'M-5/pension/2019',
        recordId: 'pension-2019',
        reason: '社保中心只出具纸质盖章证明，原件随材料报送。',
      }),
    expect: 'review',
  },
  {
    name: 'record missing → fail (2019 lies wholly in the 36 months, R-8)',
    edit: (a) => void (a.pensionYears = a.pensionYears.filter((p) => p.year !== 2019)),
    expect: 'fail',
  },
]);

table('M-5.pension#2020', [
  {
    name: 'proof missing → review (2020 only in part, assumed)',
    links: (a) => sampleLinks(a).filter((l) => l.slot !== 'M-5/pension/2020'),
    expect: 'review',
  },
  {
    name: 'record missing → review (2020 only in part, assumed)',
    edit: (a) => void (a.pensionYears = a.pensionYears.filter((p) => p.year !== 2020)),
    expect: 'review',
  },
]);

table('M-5.pension#2017', [
  {
    name: '2017 asked by parameter, missing → review (only in part, assumed)',
    params: { pensionYears: [2017, 2018, 2019] },
    expect: 'review',
  },
]);

table('M-9.assessments#2017', [
  { name: 'sample 2017 qualified', expect: 'pass' },
  {
    name: '2018–2020 recorded but no 2017 → fail (a 2020 record never stands in)',
    edit: (a) => {
      a.assessments = a.assessments.filter((r) => r.year !== 2017);
      a.assessments.push({ id: 'assess-2020', year: 2020, result: 'excellent' });
    },
    expect: 'fail',
  },
]);

table('M-9.assessments#2019', [
  { name: 'excellent with proof', expect: 'pass' },
  { name: 'unqualified → review', edit: (a) => void (a.assessments[2]!.result = 'unqualified'), expect: 'review' },
  { name: 'no result → fail', edit: (a) => void (a.assessments[2]!.result = ''), expect: 'fail' },
  {
    name: 'year missing → fail',
    edit: (a) => void (a.assessments = a.assessments.filter((r) => r.year !== 2019)),
    expect: 'fail',
  },
]);

table('N-12.graduate-form#edu-1', [
  { name: 'graduated 2000 with the form', expect: 'pass' },
  {
    name: 'form missing → fail',
    links: (a) => sampleLinks(a).filter((l) => l.slot !== 'M-4/graduate-form'),
    expect: 'fail',
  },
]);

describe('N-12 boundary 2001-01-01', () => {
  it('2000-12-31 needs the form, 2001-01-01 does not', () => {
    const a = sampleArchive();
    a.educations[0]!.graduationDate = '2000-12-31';
    expect(finding(check(a), 'N-12.graduate-form#edu-1').status).toBe('fail');
    a.educations[0]!.graduationDate = '2001-01-01';
    expect(finding(check(a), 'N-12.graduate-form').status).toBe('n/a');
  });
});

table('N-12.foreign-degree', [{ name: 'none → n/a', expect: 'n/a' }]);
table('N-12.foreign-degree#edu-2', [
  { name: 'foreign with certification', edit: (a) => void (a.educations[1]!.origin = 'foreign'), expect: 'pass' },
  {
    name: 'foreign without → fail',
    edit: (a) => void (a.educations[1]!.origin = 'hk_macao_taiwan'),
    links: (a) => sampleLinks(a).filter((l) => l.slot !== 'M-4/degree-certification'),
    expect: 'fail',
  },
]);

// Issue 19: every scan the materials view needs (requirements.ts), by the one outcome of a required scan.
const without =
  (slot: string, recordId: string | null = null) =>
  (a: ArchiveDocument) =>
    sampleLinks(a).filter((l) => l.slot !== slot || (recordId !== null && l.recordId !== recordId));
const paper = (slot: string, recordId: string | null, reason: string) => (a: ArchiveDocument) =>
  void a.materials.paperCopies.push({ slot, recordId, reason });

table('M-4.scans#id-card', [
  { name: 'attached', expect: 'pass' },
  { name: 'missing → fail', links: without('M-4/id-card'), expect: 'fail' },
  {
    name: 'handed in on paper with a reason → review (info), not a fail',
    links: without('M-4/id-card'),
    edit: paper('M-4/id-card', null, '身份证原件由单位人事当面核验，复印件随纸质材料提交。'),
    expect: 'review',
  },
  { name: 'links unknown (an exported file) → review', links: () => null, expect: 'review' },
]);
table('M-4.scans#photo', [{ name: 'missing → fail', links: without('M-4/photo'), expect: 'fail' }]);
table('M-4.scans#diploma:edu-2', [
  { name: 'missing → fail', links: without('M-4/diploma', 'edu-2'), expect: 'fail' },
  {
    name: "another education's diploma does not stand in",
    links: (a) => [...without('M-4/diploma', 'edu-2')(a), link('M-4/diploma', 'edu-1')],
    expect: 'fail',
  },
]);
table('M-4.scans#degree:edu-2', [{ name: 'missing → fail', links: without('M-4/degree', 'edu-2'), expect: 'fail' }]);
table('M-4.scans#chsi-record:edu-2', [
  { name: 'attached', expect: 'pass' },
  { name: 'missing → fail (no longer a mere reminder)', links: without('M-4/chsi-record'), expect: 'fail' },
]);
table('M-4.scans#title-cert:title-2', [
  { name: 'missing → fail', links: without('M-4/title-cert'), expect: 'fail' },
  {
    name: 'linked without naming the title: the materials view does not count it, nor does the check',
    links: (a) => [...without('M-4/title-cert')(a), link('M-4/title-cert')],
    expect: 'fail',
  },
]);
table('M-4.scans#appointment:appt-2', [{ name: 'missing → fail', links: without('M-4/appointment'), expect: 'fail' }]);
table('M-4.scans#honour:work-6', [{ name: 'missing → fail', links: without('M-4/honour'), expect: 'fail' }]);
table('M-10.work-proof#work:work-3', [
  { name: 'attached', expect: 'pass' },
  { name: 'missing → fail', links: without('M-10/work', 'work-3'), expect: 'fail' },
]);

describe('M-4.scans', () => {
  it('a missing ID card fails with a fix link to its slot, naming it', () => {
    const a = sampleArchive();
    const f = finding(check(a, { links: without('M-4/id-card')(a) }), 'M-4.scans#id-card');
    expect(f.status).toBe('fail');
    expect(f.fix).toEqual({ kind: 'slot', target: 'M-4/id-card' });
    expect(f.message.zh).toContain('缺少身份证');
  });

  it('a missing diploma names its education and links to its slot and record', () => {
    const a = sampleArchive();
    const f = finding(check(a, { links: without('M-4/diploma', 'edu-2')(a) }), 'M-4.scans#diploma:edu-2');
    expect(f.fix).toEqual({ kind: 'slot', target: 'M-4/diploma', recordId: 'edu-2' });
    expect(f.evidence.map((e) => e.path)).toEqual(['educations.edu-2']);
  });

  it('a paper copy is a note with its reason: not a point to judge, the verdict unchanged', () => {
    const a = sampleArchive();
    paper('M-4/id-card', null, '身份证原件由单位人事当面核验，复印件随纸质材料提交。')(a);
    const report = check(a, { links: without('M-4/id-card')(a) });
    const f = finding(report, 'M-4.scans#id-card');
    expect(f).toMatchObject({ status: 'review', severity: 'info' });
    expect(f.message.zh).toContain('提交纸质件');
    expect(f.message.zh).toContain('身份证原件由单位人事当面核验');
    expect(report.findings.filter((x) => x.status === 'fail')).toEqual([]);
  });

  it("a paper copy of another record's item does not stand in", () => {
    const a = sampleArchive();
    paper('M-4/diploma', 'edu-1', '毕业证书原件遗失，已由学校出具学历证明。')(a);
    const report = check(a, { links: without('M-4/diploma')(a) });
    expect(finding(report, 'M-4.scans#diploma:edu-1').status).toBe('review');
    expect(finding(report, 'M-4.scans#diploma:edu-2').status).toBe('fail');
  });

  it('a secondary school asks for its diploma only (no CHSI record, no graduate form)', () => {
    const a = sampleArchive();
    addSecondarySchool(a);
    const ids = check(a, { links: [] })
      .findings.filter((f) => f.id.endsWith(':edu-3') || f.id.endsWith('#edu-3'))
      .map((f) => f.id);
    expect(ids).toEqual(['M-4.scans#diploma:edu-3']);
  });

  it('asks for every scan the materials view counts missing, and only those', () => {
    const a = sampleArchive();
    const failing = check(a, { links: [] })
      .findings.filter((f) => f.status === 'fail' && f.fix?.kind === 'slot')
      .map((f) => `${f.fix!.target}#${f.fix!.kind === 'slot' ? (f.fix!.recordId ?? '-') : ''}`);
    const view = materialsOfLinks(a, [], DEFAULT_PARAMS_2020)
      .flatMap((m) => m.items)
      .filter((i) => i.status === 'missing' && i.slot !== 'M-8/summary')
      // The assumed year's proofs (2020) are for a person to judge, not failures.
      .filter((i) => i.year !== 2020)
      .map((i) => i.key);
    // R-7.paper-pages names the first missing page of a paper; every other item is its own finding.
    const paperPages = (k: string) => k.startsWith('M-10/paper/') && !k.startsWith('M-10/paper/cover');
    expect(new Set(failing)).toEqual(new Set(view.filter((k) => !paperPages(k))));
  });
});

describe('R-9.readable-scans', () => {
  const scan = (
    slot: string,
    recordId: string | null,
    facts: Partial<RuleLink>,
    sha256 = 'ab'.repeat(32),
  ): RuleLink => ({ ...link(slot, recordId), sha256, ...facts });

  it('a 300×200 px scan is a point to judge (warning), named by its material, keyed by its bytes', () => {
    const a = sampleArchive();
    const links = [...sampleLinks(a), scan('M-4/id-card', null, { mediaType: 'image/jpeg', width: 300, height: 200 })];
    const report = check(a, { links });
    const f = finding(report, `R-9.readable-scans#${'ab'.repeat(8)}`);
    expect(f).toMatchObject({ status: 'review', severity: 'warning', confidence: 'assumed' });
    expect(f.message.zh).toContain('身份证');
    expect(f.message.zh).toContain('300×200');
    expect(f.fix).toEqual({ kind: 'slot', target: 'M-4/id-card' });
  });

  it('1,000 px on the long side is enough (the boundary), 999 is not', () => {
    const a = sampleArchive();
    const at = (w: number) =>
      check(a, { links: [scan('M-4/diploma', 'edu-1', { mediaType: 'image/jpeg', width: w, height: 700 })] });
    expect(finding(at(1000), 'R-9.readable-scans').status).toBe('pass');
    expect(finding(at(999), `R-9.readable-scans#${'ab'.repeat(8)}`).status).toBe('review');
  });

  it('a scanned PDF under 150 dpi at A4 is a point to judge; 150 is enough; a text PDF is not judged', () => {
    const a = sampleArchive();
    const pdf = (scanDpi: number | null) =>
      check(a, {
        links: [scan('M-4/diploma', 'edu-1', { mediaType: 'application/pdf', width: null, height: null, scanDpi })],
      });
    expect(finding(pdf(96), `R-9.readable-scans#${'ab'.repeat(8)}`).message.zh).toContain('96 dpi');
    expect(finding(pdf(150), 'R-9.readable-scans').status).toBe('pass');
    expect(finding(pdf(null), 'R-9.readable-scans').status).toBe('pass');
  });

  it('the ID photo is small by design: never flagged', () => {
    const a = sampleArchive();
    const report = check(a, { links: [scan('M-4/photo', null, { mediaType: 'image/jpeg', width: 358, height: 441 })] });
    expect(finding(report, 'R-9.readable-scans').status).toBe('n/a');
  });

  it("without the files' facts (an exported archive, links of another reader) nothing is judged", () => {
    const a = sampleArchive();
    expect(finding(check(a, { links: null }), 'R-9.readable-scans').status).toBe('n/a');
    expect(finding(check(a, { links: sampleLinks(a) }), 'R-9.readable-scans').status).toBe('n/a');
  });
});

describe('R-7.paper-pages with paper copies', () => {
  it('a page handed in on paper is not missing: a note naming the page and the reason', () => {
    const a = sampleArchive();
    paper('M-10/paper/toc', 'work-1', '期刊目录页为折页，原刊随纸质材料提交。')(a);
    const links = sampleLinks(a).filter((l) => !(l.slot === 'M-10/paper/toc' && l.recordId === 'work-1'));
    const f = finding(check(a, { links }), 'R-7.paper-pages#work-1');
    expect(f).toMatchObject({ status: 'review', severity: 'info' });
    expect(f.message.zh).toContain('目录');
  });
});

table('N-14.public-institution#f4', [
  {
    name: 'public institution with F-4',
    edit: (a) => void (a.unit.type = 'public_institution'),
    links: (a) => [...sampleLinks(a), link('M-12/f4')],
    expect: 'pass',
  },
  {
    name: 'public institution without F-4 → fail',
    edit: (a) => void (a.unit.type = 'public_institution'),
    expect: 'fail',
  },
]);
table('N-14.public-institution', [{ name: 'enterprise → n/a', expect: 'n/a' }]);

table('N-1.committee', [
  { name: 'energy', expect: 'pass' },
  { name: 'none chosen → fail', edit: (a) => void (a.application.committee = ''), expect: 'fail' },
  { name: 'no specialty → fail', edit: (a) => void (a.application.specialty = ' '), expect: 'fail' },
  {
    name: '纺织工程 under 材料 → fail naming 轻纺',
    edit: (a) => void ((a.application.specialty = '纺织工程'), (a.application.committee = 'materials')),
    expect: 'fail',
  },
  {
    name: '建筑工程 under 材料 → fail listing all four',
    edit: (a) => void ((a.application.specialty = '建筑工程'), (a.application.committee = 'materials')),
    expect: 'fail',
  },
  {
    name: 'full-width and spaces normalised: ' + '"　高分子材料 " under 材料 → pass',
    edit: (a) => void ((a.application.specialty = '　高分子 材料 '), (a.application.committee = 'materials')),
    expect: 'pass',
  },
  {
    name: 'unclear words → review',
    edit: (a) => void (a.application.specialty = '量子引力'),
    expect: 'review',
  },
]);

describe('N-1.committee names the right committee', () => {
  it('纺织工程 under 材料 names 轻纺; 建筑工程 lists all four', () => {
    const a = sampleArchive();
    a.application.committee = 'materials';
    a.application.specialty = '纺织工程';
    expect(finding(check(a, { links: sampleLinks(a) }), 'N-1.committee').message.zh).toContain('轻纺');
    a.application.specialty = '建筑工程';
    const zh = finding(check(a, { links: sampleLinks(a) }), 'N-1.committee').message.zh;
    for (const name of ['能源', '材料', '轻纺', '石化']) expect(zh).toContain(name);
  });
});

table('N-9.channel', [
  { name: 'personnel agency', expect: 'pass' },
  { name: 'neither → fail', edit: (a) => void (a.unit.personnelAgency = ''), expect: 'fail' },
]);

const discipline = (year: number | null) => (a: ArchiveDocument) =>
  void (a.disciplineRecords = [{ id: 'd-1', year, description: '' }]);
table('N-15.discipline', [{ name: 'no record', expect: 'pass' }]);
table('N-15.discipline#d-1', [
  { name: '2016 → barred 2017–2019, 2020 free', edit: discipline(2016), expect: 'pass' },
  { name: '2017 → barred 2018–2020', edit: discipline(2017), expect: 'fail' },
  { name: '2019 → barred 2020–2022', edit: discipline(2019), expect: 'fail' },
  { name: '2020 → bars from 2021 only', edit: discipline(2020), expect: 'pass' },
  { name: 'no year → review', edit: discipline(null), expect: 'review' },
]);

table('N-2.deadline', [
  { name: "default application date: the round's last day", expect: 'pass' },
  { name: 'checked years later: still judged as of the application date', today: '2026-12-07', expect: 'pass' },
  { name: 'application date before', applicationDate: '2020-09-01', expect: 'pass' },
  { name: 'application date the day after → fail', applicationDate: '2020-10-11', expect: 'fail' },
  {
    name: 'the parameter, not only the override',
    params: { applicationDate: '2020-10-12' },
    expect: 'fail',
  },
]);

table('N-5.no-language-computer', [{ name: 'never required', expect: 'pass' }]);

table('M-8.summary', [
  { name: '952 characters', expect: 'pass' },
  { name: 'empty → fail', edit: (a) => void (a.summary.text = '  '), expect: 'fail' },
  {
    name: '299 characters → review (assumed minimum)',
    edit: (a) => void (a.summary.text = '字'.repeat(299)),
    expect: 'review',
  },
  { name: 'boundary: 300 characters', edit: (a) => void (a.summary.text = '𠮷'.repeat(300)), expect: 'pass' },
]);

table('R-10.name-characters', [
  { name: 'sample name has 𠮷 喆 → review', expect: 'review' },
  { name: 'common characters', edit: (a) => void (a.profile.name = '王小明'), expect: 'pass' },
  { name: 'empty → fail', edit: (a) => void (a.profile.name = ''), expect: 'fail' },
]);

table('R-9.upload-profile', [{ name: 'limits unknown → review', expect: 'review' }]);

describe('Principle: a confirmed shortfall is a fail — nobody without CE, pension and assessments may apply', () => {
  it('no CE 2018/2019, no pension proof, no assessments → verdict fail, each named', () => {
    const a = sampleArchive();
    a.courses = [];
    a.pensionYears = [];
    a.assessments = [];
    const report = check(a, { links: [] });
    expect(report.verdict).toBe('fail');
    const failing = report.findings.filter((f) => f.status === 'fail').map((f) => f.id);
    for (const id of [
      'R-4.ce-hours#2018',
      'R-4.ce-hours#2019',
      'M-5.pension#2018',
      'M-5.pension#2019',
      'M-9.assessments#2017',
      'M-9.assessments#2018',
      'M-9.assessments#2019',
    ])
      expect(failing).toContain(id);
    expect(failing).not.toContain('R-4.ce-hours#2020');
    expect(failing).not.toContain('M-5.pension#2020');
  });

  it('one verdict: pass with nothing to judge, review when only judgement calls remain', () => {
    const a = sampleArchive();
    a.profile.name = '王小明';
    const params = { publicityStart: '2020-09-21', publicityEnd: '2020-09-28' };
    const full = check(a, { links: sampleLinks(a), params });
    const toJudge = full.findings.filter((f) => f.status === 'review' && f.severity !== 'info');
    expect(full.verdict, toJudge.map((f) => f.id).join(', ')).toBe(toJudge.length ? 'review' : 'pass');
    expect(full.findings.some((f) => f.status === 'fail')).toBe(false);
  });
});

describe('Principle: an assumed threshold never fails', () => {
  it('no finding is fail with confidence assumed, across many edits', () => {
    const a = sampleArchive();
    a.courses = [];
    a.pensionYears = [];
    a.summary.text = 'short';
    a.educations = [{ ...a.educations[0]!, level: 'junior_college' }];
    engineer(a).obtainedDate = '2019-01-01';
    const report = check(a, { links: [] });
    expect(report.findings.filter((f) => f.status === 'fail' && f.confidence === 'assumed')).toEqual([]);
    expect(report.findings.some((f) => f.status === 'review' && f.confidence === 'assumed')).toBe(true);
  });
});
