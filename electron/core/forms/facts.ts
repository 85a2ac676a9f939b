// What several forms print from the archive the same way: dates in one style, the appointment and title in
// force, when work began and the years of professional work. One place, so that F-1, F-3, F-4 and the work
// summary never disagree about a date or a count.
import type { ArchiveDocument, Education } from '../../../shared/archive/schema.js';
import { zhJoin } from '../../../shared/archive/spacing.js';
import { isRealDate } from '../../../shared/checks/dates.js';
import { wholeYears } from '../../../shared/rules/pack2020/helpers.js';

// ------------------------------------------------------------------------------------------- dates

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A full date prints as YYYY.MM.DD on every form (the archive keeps YYYY-MM-DD): 2010.04.01. A date not
 * entered prints blank; text that is not a date prints as it is.
 */
export const formatDate = (date: string): string => (DATE_SHAPE.test(date) ? date.replace(/-/g, '.') : date);

/** A month (出生年月, the only field a form asks for by month) prints as YYYY.MM: 1978.05. */
export const formatMonth = (date: string): string =>
  DATE_SHAPE.test(date) ? date.slice(0, 7).replace('-', '.') : date;

/** An education without a graduation date is under way (R-1: it never decides the route): 「…—在读」. */
export const IN_PROGRESS = '在读';

/** A period: start—end, or start—至今 while it is current (`open`); blank when neither date is entered. */
export function formatPeriod(start: string, end: string, open = '至今'): string {
  if (start === '' && end === '') return '';
  return `${formatDate(start)}—${end === '' ? open : formatDate(end)}`;
}

/**
 * An education's period, the one way every form prints it (issue 15: F-1 and F-3 once disagreed on an
 * education under way): 「2003.09.01—2007.07.01」, or 「2019.09.01—在读」 without a graduation date.
 */
export const educationPeriod = (e: Pick<Education, 'startDate' | 'graduationDate'>): string =>
  formatPeriod(e.startDate, e.graduationDate, IN_PROGRESS);

// -------------------------------------------------------------------------------------------- facts

const earliest = (dates: readonly string[]): string | undefined => dates.filter(isRealDate).sort()[0];

/** 参加工作时间: the start of the earliest work period (the CV of M-6); '' when none has a date. */
export const workStart = (archive: ArchiveDocument): string =>
  earliest(archive.workPeriods.map((w) => w.startDate)) ?? '';

/**
 * 专业工作年限: whole years of professional work up to the as-of date (N-7: counted to 2020-12-31). Work starts
 * with the earliest work period the archive records; an archive without work periods falls back to the
 * first title obtained, the latest possible start of professional work. Whole years by anniversary, as
 * rule R-1 counts the junior-college route's total years (seniority.ts), so the forms and the check never
 * disagree. '' when neither date is known: the unit fills it in by hand.
 */
export function professionalYears(archive: ArchiveDocument, asOfDate: string): string {
  const first = workStart(archive) || earliest(archive.titles.map((t) => t.obtainedDate));
  if (!first || first > asOfDate) return '';
  return zhJoin(String(wholeYears(first, asOfDate)), '年');
}

export { currentAppointment, highestTitle } from '../../../shared/forms/applicant.js';
