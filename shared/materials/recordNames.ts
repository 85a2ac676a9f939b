// How a record is named in the materials view and its messages (论文《…》缺少目录页): short, and in the
// words the applicant typed, so that "which diploma?" never needs a second look.
import type { Localized } from '../api/contract.js';
import { EDUCATION_LEVEL_LABELS, REPORT_KIND_LABELS, WORK_TYPE_LABELS } from '../archive/labels.js';
import type { ArchiveDocument, RecordKind } from '../archive/schema.js';

const UNTITLED: Localized = { zh: '（未命名）', en: '(untitled)' };

const same = (text: string): Localized => ({ zh: text, en: text });

/** A record's name, e.g. 论文《…》, 浙江大学 硕士研究生, 2019 年度考核; null when the id names no record. */
export function nameRecord(archive: ArchiveDocument, recordId: string): Localized | null {
  for (const education of archive.educations) {
    if (education.id !== recordId) continue;
    const level = education.level ? EDUCATION_LEVEL_LABELS[education.level] : null;
    const school = education.school.trim() || UNTITLED.zh;
    return { zh: `${school}${level ? ` ${level.zh}` : ''}`, en: `${school}${level ? ` ${level.en}` : ''}` };
  }
  for (const title of archive.titles) {
    if (title.id === recordId) return title.name.trim() ? same(title.name.trim()) : UNTITLED;
  }
  for (const appointment of archive.appointments) {
    if (appointment.id !== recordId) continue;
    const post = appointment.post.trim() || UNTITLED.zh;
    return same(appointment.startDate ? `${post}（${appointment.startDate.slice(0, 4)}）` : post);
  }
  for (const period of archive.workPeriods) {
    if (period.id === recordId) return same([period.unit, period.post].filter((s) => s.trim()).join(' ') || '—');
  }
  for (const course of archive.courses) {
    if (course.id === recordId) return course.name.trim() ? same(course.name.trim()) : UNTITLED;
  }
  for (const kind of ['assessments', 'pensionYears'] as const satisfies readonly RecordKind[]) {
    for (const record of archive[kind]) {
      if (record.id !== recordId) continue;
      const year = record.year ?? '?';
      return kind === 'assessments'
        ? { zh: `${year} 年度考核`, en: `${year} assessment` }
        : { zh: `${year} 年养老保险`, en: `${year} pension` };
    }
  }
  for (const work of archive.works) {
    if (work.id !== recordId) continue;
    // 可行性研究 / 设计报告 is the type's name in selects; a message names the kind when it is known.
    const type =
      work.type === 'report' && work.reportKind ? REPORT_KIND_LABELS[work.reportKind] : WORK_TYPE_LABELS[work.type];
    const title = work.title.trim();
    return title
      ? { zh: `${type.zh}《${title}》`, en: `${type.en} "${title}"` }
      : { zh: `${type.zh}${UNTITLED.zh}`, en: `${type.en} ${UNTITLED.en}` };
  }
  return null;
}

/** The record kind an id belongs to in this archive, or null. */
export function kindOfRecord(archive: ArchiveDocument, recordId: string): RecordKind | null {
  const kinds = [
    'educations',
    'titles',
    'appointments',
    'workPeriods',
    'courses',
    'assessments',
    'pensionYears',
    'works',
    'disciplineRecords',
  ] as const satisfies readonly RecordKind[];
  for (const kind of kinds) {
    if ((archive[kind] as readonly { id: string }[]).some((r) => r.id === recordId)) return kind;
  }
  return null;
}
