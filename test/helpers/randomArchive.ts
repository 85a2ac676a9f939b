// A small seeded generator of archives the schema accepts, for property tests and the bench: odd but
// legal values everywhere (unreal dates that fit YYYY-MM-DD, negative hours, empty enums, rare
// characters, duplicate years, many records).
import {
  ASSESSMENT_RESULTS,
  COMMITTEES,
  COURSE_CATEGORIES,
  COURSE_MODES,
  DEGREE_ORIGINS,
  EDUCATION_LEVELS,
  LEVELS,
  TITLE_LEVELS,
  TITLE_SERIES,
  UNIT_TYPES,
  WORK_TYPES,
  type ArchiveDocument,
} from '../../shared/archive/schema.js';
import { emptyArchive } from '../../shared/archive/empty.js';

/** mulberry32: tiny, fast, good enough for tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomArchive(seed: number): ArchiveDocument {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const maybe = <T>(x: T, blank: T): T => (r() < 0.15 ? blank : x);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = () =>
    pick([
      '',
      `${int(1950, 2030)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
      `${int(2014, 2021)}-${pad(int(1, 12))}-${pad(int(1, 31))}`,
      '2020-02-29',
      '2019-02-29',
      '2020-13-45',
      '0000-00-00',
      '2015-12-31',
      '2016-01-01',
    ]);
  const year = () => (r() < 0.1 ? null : pick([1900, 2100, int(2014, 2022), int(2017, 2020)]));
  const text = () => pick(['', '吴𠮷喆', 'x'.repeat(int(0, 20)), '  ', '堃珺燊', 'CN 33-1080/TM', '1144-875X', '😀']);
  let id = 0;
  const nextId = () => `r${seed}-${id++}`;
  const a = emptyArchive();
  a.profile = {
    name: text(),
    sex: pick(['', 'male', 'female'] as const),
    birthDate: date(),
    idNumber: pick(['', '370101190102039973', '11010519491231002X', '330802197805160139', '330802780516013', text()]),
    phone: text(),
    email: text(),
    administrativePost: maybe(text(), ''),
  };
  a.unit = {
    name: text(),
    creditCode: text(),
    type: pick(['', ...UNIT_TYPES] as const),
    competentDepartment: maybe(text(), ''),
    personnelAgency: maybe(text(), ''),
    city: text(),
  };
  a.application = {
    specialty: text(),
    committee: pick(['', ...COMMITTEES] as const),
    titleApplied: text(),
    exceptional: r() < 0.3,
    exceptionalReason: maybe(text(), ''),
    covidFrontline: r() < 0.3,
  };
  const n = () => int(0, 6);
  a.educations = Array.from({ length: n() }, () => ({
    id: nextId(),
    level: pick(['', ...EDUCATION_LEVELS] as const),
    school: text(),
    major: text(),
    startDate: date(),
    graduationDate: date(),
    degree: text(),
    diplomaNumber: text(),
    degreeCertificateNumber: text(),
    fullTime: r() < 0.5,
    origin: pick(DEGREE_ORIGINS),
  }));
  a.titles = Array.from({ length: n() }, () => ({
    id: nextId(),
    level: pick(['', ...TITLE_LEVELS] as const),
    series: pick(['', ...TITLE_SERIES] as const),
    name: text(),
    obtainedDate: date(),
    certificateNumber: text(),
    issuingBody: text(),
  }));
  a.appointments = Array.from({ length: n() }, () => ({
    id: nextId(),
    post: text(),
    grade: text(),
    startDate: date(),
    endDate: date(),
  }));
  a.workPeriods = Array.from({ length: n() }, () => ({
    id: nextId(),
    unit: text(),
    post: text(),
    startDate: date(),
    endDate: date(),
    description: text(),
  }));
  a.courses = Array.from({ length: int(0, 20) }, () => ({
    id: nextId(),
    year: year(),
    name: text(),
    category: pick(['', ...COURSE_CATEGORIES] as const),
    mode: pick(['', ...COURSE_MODES] as const),
    hours: r() < 0.1 ? null : pick([0, -5, 90, 36, 60, 18, int(1, 100), 10_000, 0.5]),
    provider: text(),
    platform: pick(['', 'city', 'provincial'] as const),
  }));
  a.assessments = Array.from({ length: n() }, () => ({
    id: nextId(),
    year: year(),
    result: pick(['', ...ASSESSMENT_RESULTS] as const),
  }));
  a.pensionYears = Array.from({ length: n() }, () => ({ id: nextId(), year: year(), payer: text() }));
  a.works = Array.from({ length: int(0, 8) }, () => ({
    id: nextId(),
    type: pick(WORK_TYPES),
    title: text(),
    date: date(),
    collective: r() < 0.3,
    representative: r() < 0.3,
    rank: r() < 0.2 ? null : int(0, 1000),
    journal: text(),
    issn: pick(['', '1007-1881', '1144-875X', '1007-1882', text()]),
    cn: pick(['', 'CN 33-1080/TM', 'CN 33-0001', 'CN 99-6001/TM', text()]),
    issue: text(),
    publisher: text(),
    isbn: text(),
    patentType: pick(['', 'invention', 'utility_model', 'design'] as const),
    patentNumber: text(),
    reportKind: pick(['', 'feasibility', 'design'] as const),
    role: text(),
    isLeadWriter: r() < 0.5,
    issuer: text(),
    number: text(),
    level: pick(['', ...LEVELS] as const),
    grade: text(),
    description: text(),
  }));
  a.summary = { text: pick(['', '短', '字'.repeat(300), text()]) };
  a.disciplineRecords = Array.from({ length: int(0, 2) }, () => ({ id: nextId(), year: year(), description: text() }));
  return a;
}
