// Problems in a draft archive, shown beside the fields. Validation informs, it does not block: a draft
// with problems still saves. Policy:
// - 'error': the value is wrong (a checksum fails, a date does not exist or lies in the future, an end
//   precedes its start, two records claim the same year, two representative works).
// - 'warning': the value is doubtful or needs a second look or an attachment (rare characters,
//   overlapping periods, an age outside 20–65, a degree from abroad).
// - Empty fields are not problems: a new archive shows only the missing committee, which everything
//   else depends on (N-1). Completeness is the rule pack's job; only record fields without which a record
//   cannot count at all (a course's year and hours, an assessment's year) warn once the record exists.
// Paths: 'profile.idNumber' for section fields, '<kind>.<record id>.<field>' for record fields, '<kind>'
// for a whole list ('works'). Every problem sits on a field the editor shows, so none goes unseen.
import type { Localized } from '../api/contract.js';
import { checkCreditCode } from '../checks/creditCode.js';
import { ageOn, isAfter, isBefore, isRealDate, periodsOverlap, type Period } from '../checks/dates.js';
import { checkIdNumber, upgradeFifteenDigit, type IdNumberCheck } from '../checks/idNumber.js';
import { checkCn, checkIssn } from '../checks/issn.js';
import {
  charsOutsideBmp,
  charsOutsideGb2312,
  codePointLength,
  emojiIn,
  isPlausibleEmail,
  isPlausiblePhone,
} from '../checks/text.js';
import { SEX_LABELS } from './labels.js';
import { MSG } from './problemMessages.js';
import { recordSubject, sectionSubject, type Subject } from './problemLabels.js';
import type { AnyRecord, ArchiveDocument, RecordKind, SectionName, Work } from './schema.js';

export type Severity = 'error' | 'warning';
export interface Problem {
  path: string;
  severity: Severity;
  message: Localized;
}

/** Ages are counted up to this day, like time in title (N-7). */
const AS_OF = '2020-12-31';
const AGE_RANGE = [20, 65] as const;
/** Below this many characters a work summary is hardly one (M-8 asks for "non-trivial"; our figure). */
export const SUMMARY_MIN_CHARS = 300;

interface Context {
  today: string;
  /** The date of birth that record dates must not precede: the entered one, else the ID number's. */
  birth: string | null;
  out: Problem[];
}

function report(ctx: Context, severity: Severity, s: Subject, issue: Localized): void {
  ctx.out.push({ path: s.path, severity, message: { zh: s.zh + issue.zh, en: `${s.en}: ${issue.en}` } });
}
const error = (ctx: Context, s: Subject, issue: Localized) => report(ctx, 'error', s, issue);
const warning = (ctx: Context, s: Subject, issue: Localized) => report(ctx, 'warning', s, issue);

type At = (field?: string) => Subject;

/** A date field; true when it holds a real date that later comparisons may use. */
function checkDate(ctx: Context, s: Subject, value: string, opts: { past?: boolean } = {}): boolean {
  if (value === '') return false;
  if (!isRealDate(value)) {
    error(ctx, s, MSG.notRealDate(value));
    return false;
  }
  if (opts.past && isAfter(value, ctx.today)) error(ctx, s, MSG.afterToday(ctx.today));
  else if (ctx.birth && isBefore(value, ctx.birth)) error(ctx, s, MSG.beforeBirth(ctx.birth));
  return true;
}

function checkYear(ctx: Context, s: Subject, year: number | null, whyNeeded: Localized): void {
  if (year === null) warning(ctx, s, MSG.yearMissing(whyNeeded));
  else if (year > Number(ctx.today.slice(0, 4))) error(ctx, s, MSG.yearAfterThisYear(year));
}

function checkName(ctx: Context, name: string): void {
  const s = sectionSubject('profile.name');
  const emoji = emojiIn(name);
  if (emoji.length) error(ctx, s, MSG.emoji(emoji));
  // the provincial system may reject characters beyond GB 2312, and many systems cannot store any
  // beyond the BMP. Each character is reported once, under the stronger warning that applies.
  const beyondBmp = charsOutsideBmp(name).filter((ch) => !emoji.includes(ch));
  if (beyondBmp.length) warning(ctx, s, MSG.outsideBmp(beyondBmp));
  const beyondGb = charsOutsideGb2312(name).filter((ch) => !emoji.includes(ch) && !beyondBmp.includes(ch));
  if (beyondGb.length) warning(ctx, s, MSG.outsideGb2312(beyondGb));
}

/** Reports an invalid number; the caller cross-checks a valid one. */
function checkId(ctx: Context, id: IdNumberCheck): void {
  const s = sectionSubject('profile.idNumber');
  if (id.ok) {
    if (isAfter(id.birthDate, ctx.today)) error(ctx, s, MSG.idBirthDateAfterToday(id.birthDate));
    return;
  }
  if (id.reason === 'fifteen_digit') error(ctx, s, MSG.idFifteenDigit(upgradeFifteenDigit(id.value)));
  if (id.reason === 'length') error(ctx, s, MSG.idLength(codePointLength(id.value)));
  if (id.reason === 'characters') error(ctx, s, MSG.idCharacters());
  if (id.reason === 'birth_date') error(ctx, s, MSG.idBirthDateNotReal(id.value.slice(6, 14)));
  if (id.reason === 'check_character') error(ctx, s, MSG.wrongCheckCharacter(id.expected));
}

function checkProfile(ctx: Context, p: ArchiveDocument['profile'], id: IdNumberCheck): void {
  if (p.name.trim()) checkName(ctx, p.name);
  checkId(ctx, id);
  const birthSubject = sectionSubject('profile.birthDate');
  const birthOk = checkDate(ctx, birthSubject, p.birthDate, { past: true });
  if (id.ok && birthOk && id.birthDate !== p.birthDate) {
    error(ctx, birthSubject, MSG.differsFromId({ zh: id.birthDate, en: id.birthDate }));
  }
  if (id.ok && p.sex && id.sex !== p.sex) {
    error(ctx, sectionSubject('profile.sex'), MSG.differsFromId(SEX_LABELS[id.sex]));
  }
  // Age on the as-of date, from the entered birth date or else the ID number's (R-6, N-7).
  const birth = birthOk ? p.birthDate : id.ok ? id.birthDate : null;
  if (birth && !isAfter(birth, ctx.today)) {
    const age = ageOn(birth, AS_OF);
    const s = birthOk ? birthSubject : sectionSubject('profile.idNumber');
    if (age < AGE_RANGE[0] || age > AGE_RANGE[1]) warning(ctx, s, MSG.ageOutOfRange(age, AS_OF));
  }
  if (p.phone.trim() && !isPlausiblePhone(p.phone)) {
    warning(ctx, sectionSubject('profile.phone'), MSG.phoneImplausible());
  }
  if (p.email.trim() && !isPlausibleEmail(p.email)) error(ctx, sectionSubject('profile.email'), MSG.emailInvalid());
}

function checkUnit(ctx: Context, u: ArchiveDocument['unit']): void {
  const s = sectionSubject('unit.creditCode');
  const code = checkCreditCode(u.creditCode);
  if (!code.ok && code.reason === 'length') error(ctx, s, MSG.creditCodeLength(codePointLength(code.value)));
  if (!code.ok && code.reason === 'characters') error(ctx, s, MSG.creditCodeCharacters());
  if (!code.ok && code.reason === 'check_character') error(ctx, s, MSG.wrongCheckCharacter(code.expected));
  // N-9: a unit without a competent department submits through its personnel agency. Asked only once the
  // unit is being described, so that a new archive stays quiet.
  if (u.name.trim() && !u.competentDepartment.trim() && !u.personnelAgency.trim()) {
    warning(ctx, sectionSubject('unit.personnelAgency'), MSG.agencyMissing());
  }
}

/** Calls `fn` for every record of a list, with a maker of subjects for its fields. */
function each<K extends RecordKind>(
  doc: ArchiveDocument,
  kind: K,
  fn: (r: ArchiveDocument[K][number], at: At) => void,
) {
  (doc[kind] as AnyRecord[]).forEach((record, index) =>
    fn(record as ArchiveDocument[K][number], (field) => recordSubject(kind, record, index, field)),
  );
}

/** A start–end pair ('' end = ongoing); returns the period when it is usable for overlap checks. */
function checkPeriod(ctx: Context, at: At, start: string, end: string): Period | null {
  const startOk = checkDate(ctx, at('startDate'), start, { past: true });
  // An end date may lie ahead: appointments run for fixed terms (聘期).
  const endOk = checkDate(ctx, at('endDate'), end);
  if (startOk && endOk && isBefore(end, start)) {
    error(ctx, at('endDate'), MSG.endBeforeStart(start));
    return null;
  }
  return startOk && (end === '' || endOk) ? { start, end } : null;
}

function checkWorkPeriods(ctx: Context, doc: ArchiveDocument): void {
  const periods: (Period & { at: At })[] = [];
  each(doc, 'workPeriods', (w, at) => {
    const p = checkPeriod(ctx, at, w.startDate, w.endDate);
    if (p) periods.push({ ...p, at });
  });
  // Overlaps are suspicious but possible (a second, part-time post): a warning on each of the two. A
  // hand-over day, one period ending on the day the next starts, is not an overlap.
  for (const a of periods) {
    for (const b of periods) {
      if (a === b || !periodsOverlap(a, b) || a.end === b.start || b.end === a.start) continue;
      warning(ctx, a.at('startDate'), MSG.overlaps(b.at()));
    }
  }
}

/** One record per year (M-5, M-9): every record of a repeated year is flagged. */
function checkYearsUnique(ctx: Context, doc: ArchiveDocument, kind: 'assessments' | 'pensionYears'): void {
  const seen = new Map<number, number>();
  for (const r of doc[kind]) if (r.year !== null) seen.set(r.year, (seen.get(r.year) ?? 0) + 1);
  each(doc, kind, (r, at) => {
    if (r.year !== null && seen.get(r.year)! > 1) error(ctx, at('year'), MSG.yearDuplicate(r.year));
  });
}

function checkJournal(ctx: Context, w: Work, at: At): void {
  const issn = w.issn.trim() ? checkIssn(w.issn) : null;
  if (issn && !issn.ok && issn.reason === 'format') error(ctx, at('issn'), MSG.issnFormat());
  if (issn && !issn.ok && issn.reason === 'check_character') {
    error(ctx, at('issn'), MSG.wrongCheckCharacter(issn.expected));
  }
  const cn = w.cn.trim() ? checkCn(w.cn) : null;
  if (cn && !cn.ok) error(ctx, at('cn'), MSG.cnFormat());
  if (cn?.ok) {
    const serial = String(cn.serial).padStart(4, '0');
    if (cn.warnings.includes('newspaper')) warning(ctx, at('cn'), MSG.cnNewspaper(serial));
    if (cn.warnings.includes('not_print')) warning(ctx, at('cn'), MSG.cnNotPrint(serial));
    if (cn.warnings.includes('unknown_region')) warning(ctx, at('cn'), MSG.cnUnknownRegion(cn.region));
  }
  if (w.journal.trim() && !issn && !cn) warning(ctx, at('issn'), MSG.noJournalNumber());
}

function checkWorks(ctx: Context, doc: ArchiveDocument): void {
  // M-10: exactly one representative work.
  const representatives = doc.works.filter((w) => w.representative).length;
  if (doc.works.length > 0 && representatives === 0) warning(ctx, sectionSubject('works'), MSG.noRepresentative());
  each(doc, 'works', (w, at) => {
    if (w.representative && representatives > 1) {
      error(ctx, at('representative'), MSG.severalRepresentative(representatives));
    }
    checkDate(ctx, at('date'), w.date, { past: true });
    if (w.type === 'paper') checkJournal(ctx, w, at);
    if (w.type === 'report' && !w.isLeadWriter) warning(ctx, at('isLeadWriter'), MSG.notLeadWriter());
  });
}

function checkRecords(ctx: Context, doc: ArchiveDocument): void {
  each(doc, 'educations', (e, at) => {
    const startOk = checkDate(ctx, at('startDate'), e.startDate, { past: true });
    const endOk = checkDate(ctx, at('graduationDate'), e.graduationDate, { past: true });
    if (startOk && endOk && !isAfter(e.graduationDate, e.startDate)) {
      error(ctx, at('graduationDate'), MSG.graduationNotAfterStart(e.startDate));
    }
    if (e.origin !== 'domestic') warning(ctx, at('origin'), MSG.degreeFromAbroad(e.origin));
  });
  each(doc, 'titles', (t, at) => {
    checkDate(ctx, at('obtainedDate'), t.obtainedDate, { past: true });
    // the series decides whether a title starts the clock; an older document may leave it open.
    if (t.series === '' && (t.level === 'intermediate' || t.level === 'deputy_senior' || t.level === 'senior')) {
      warning(ctx, at('series'), MSG.seriesUnknown());
    }
  });
  each(doc, 'appointments', (a, at) => void checkPeriod(ctx, at, a.startDate, a.endDate));
  checkWorkPeriods(ctx, doc);
  each(doc, 'courses', (c, at) => {
    checkYear(ctx, at('year'), c.year, MSG.whyCourseYear());
    if (c.hours === null) warning(ctx, at('hours'), MSG.hoursMissing());
    else if (c.hours <= 0) error(ctx, at('hours'), MSG.hoursNotPositive(c.hours));
    // Hours without a category cannot count as professional or public (N-6), so the totals leave them out.
    if (c.category === '' && c.hours !== null && c.hours > 0) warning(ctx, at('category'), MSG.categoryMissing());
  });
  each(doc, 'assessments', (r, at) => checkYear(ctx, at('year'), r.year, MSG.whyAssessmentYear()));
  checkYearsUnique(ctx, doc, 'assessments');
  each(doc, 'pensionYears', (r, at) => checkYear(ctx, at('year'), r.year, MSG.whyPensionYear()));
  checkYearsUnique(ctx, doc, 'pensionYears');
  checkWorks(ctx, doc);
  each(doc, 'disciplineRecords', (d, at) => checkYear(ctx, at('year'), d.year, MSG.whyDisciplineYear()));
}

/** All problems of a draft, in archive order. `today` is 'YYYY-MM-DD'; dates after it are wrong. */
export function findProblems(archive: ArchiveDocument, today: string): Problem[] {
  if (!isRealDate(today)) throw new RangeError(`findProblems: today must be YYYY-MM-DD, got '${today}'`);
  const id = checkIdNumber(archive.profile.idNumber);
  const { birthDate } = archive.profile;
  const birth = isRealDate(birthDate) ? birthDate : id.ok ? id.birthDate : null;
  // The birth date itself is checked with `birth` unset: it cannot precede itself.
  const ctx: Context = { today, birth: null, out: [] };
  checkProfile(ctx, archive.profile, id);
  ctx.birth = birth;
  checkUnit(ctx, archive.unit);
  if (archive.application.committee === '') {
    warning(ctx, sectionSubject('application.committee'), MSG.committeeMissing());
  }
  checkRecords(ctx, archive);
  const summaryLength = codePointLength(archive.summary.text.trim());
  if (summaryLength > 0 && summaryLength < SUMMARY_MIN_CHARS) {
    warning(ctx, sectionSubject('summary.text'), MSG.summaryShort(summaryLength));
  }
  return ctx.out;
}

/** The problems at a path or below it: 'profile', 'educations.edu-1', 'profile.idNumber'. */
export function problemsAt(problems: readonly Problem[], pathPrefix: string): Problem[] {
  return problems.filter((p) => p.path === pathPrefix || p.path.startsWith(`${pathPrefix}.`));
}

export type ProblemCount = { error: number; warning: number };

/** Counts per section or record kind (a path's first segment), for badges in the navigation. */
export function countBySection(problems: readonly Problem[]): Partial<Record<SectionName | RecordKind, ProblemCount>> {
  const counts: Partial<Record<string, ProblemCount>> = {};
  for (const p of problems) {
    const c = (counts[p.path.split('.', 1)[0]!] ??= { error: 0, warning: 0 });
    c[p.severity]++;
  }
  return counts as Partial<Record<SectionName | RecordKind, ProblemCount>>;
}
