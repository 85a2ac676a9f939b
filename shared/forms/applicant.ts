// The applicant as the forms describe them, from the archive: the title held, the appointment in force,
// the level (职级) of that appointment, and the applicant's own row of F-4's list of recommended people.
// Pure and shared: F-4 (electron/core/forms/f4.ts) prints the row, 岗位信息表 fills it in (从本人档案填入).
import type { Appointment, ArchiveDocument, Title } from '../archive/schema.js';
import { TITLE_LEVELS } from '../archive/schema.js';
import type { RecommendedPerson } from './postInfo.js';

/** The appointment in force (no end date); the latest started when several are open. */
export function currentAppointment(archive: ArchiveDocument): Appointment | null {
  const open = archive.appointments.filter((a) => a.endDate === '');
  return [...open].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0))[0] ?? null;
}

/** The title held (现专业技术资格): the highest level, the latest obtained among equals. */
export function highestTitle(archive: ArchiveDocument): Title | undefined {
  const rank = (level: string) => TITLE_LEVELS.indexOf(level as (typeof TITLE_LEVELS)[number]);
  return [...archive.titles].sort(
    (x, y) => rank(y.level) - rank(x.level) || y.obtainedDate.localeCompare(x.obtainedDate),
  )[0];
}

/** 专业技术职级 as F-4 names the grades of posts (its columns 正高级, 副高级, 中级, 初级及未定级). */
const LEVEL_WORD: Record<(typeof TITLE_LEVELS)[number], string> = {
  senior: '正高级',
  deputy_senior: '副高级',
  intermediate: '中级',
  assistant: '初级',
  entry: '初级',
};

/** A post grade that is only a level (中级, 副高级 …), not a post grade of the post system (专业技术十级). */
const isLevelWord = (text: string) => /^(正高级|副高级|高级|中级|初级|助理级|员级)$/.test(text.trim());

/**
 * 聘任专业技术职级: the level of the appointment in force — that of the title of the same name (an appointment
 * as 工程师 is 中级), else the level its grade names (an archive may keep 中级 as the grade), else the level
 * of the title held. '' without an appointment.
 */
export function appointedLevel(archive: ArchiveDocument, appointment: Appointment | null): string {
  if (!appointment) return '';
  const title = archive.titles.find((t) => t.level !== '' && t.name.trim() === appointment.post.trim());
  if (title && title.level !== '') return LEVEL_WORD[title.level];
  if (isLevelWord(appointment.grade)) return appointment.grade.trim();
  const held = highestTitle(archive);
  return held && held.level !== '' ? LEVEL_WORD[held.level] : '';
}

/**
 * 在聘岗位等级: the appointment's post grade (专业技术十级). A grade that only names a level (中级) is not
 * one: left blank for the unit to fill in rather than printed twice.
 */
export const postGrade = (appointment: Appointment | null): string =>
  appointment && !isLevelWord(appointment.grade) ? appointment.grade.trim() : '';

/**
 * The applicant's own row of F-4's list: name and ID number, the title held (现有任职资格), the level of the
 * appointment in force (聘任专业技术职级), its start (聘任时间) and its post grade (在聘岗位等级), and the title
 * applied for.
 */
export function applicantAsRecommended(archive: ArchiveDocument): RecommendedPerson {
  const appointment = currentAppointment(archive);
  return {
    name: archive.profile.name,
    idNumber: archive.profile.idNumber,
    currentQualification: highestTitle(archive)?.name ?? '',
    appointedGrade: appointedLevel(archive, appointment),
    appointedDate: appointment?.startDate ?? '',
    postLevel: postGrade(appointment),
    titleApplied: archive.application.titleApplied,
  };
}

/**
 * The grade of post a title is evaluated for: 正高级 (正高级工程师, 教授级高级工程师, 教授, 研究员, 主任医师) or
 * 副高级 (高级工程师 and the other 高级…师, 副教授, 副研究员, 副主任医师); null for the others.
 */
export function seniorGradeOf(title: string): 'senior' | 'deputySenior' | null {
  const t = title.trim();
  if (/^正高级|教授级/.test(t) || /^(教授|研究员|主任(医|药|护|技)师)$/.test(t)) return 'senior';
  if (/^高级|^副/.test(t)) return 'deputySenior';
  return null;
}
