// How problems name what they are about: field labels in both UI languages, and a short description of
// a record ("学历「浙江工业大学」") so that a problem read in a list still says which record it means.
import type { Localized } from '../api/contract.js';
import { codePointLength } from '../checks/text.js';
import { WORK_TYPE_LABELS } from './labels.js';
import type { AnyRecord, RecordKind, Work } from './schema.js';

/** Where a problem points (its path) and how a message names it. */
export interface Subject extends Localized {
  path: string;
}

const SECTION_FIELDS = {
  'profile.name': { zh: '姓名', en: 'Name' },
  'profile.sex': { zh: '性别', en: 'Sex' },
  'profile.birthDate': { zh: '出生日期', en: 'Date of birth' },
  'profile.idNumber': { zh: '身份证号码', en: 'Resident ID number' },
  'profile.phone': { zh: '联系电话', en: 'Phone' },
  'profile.email': { zh: '电子邮箱', en: 'E-mail' },
  'unit.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'unit.personnelAgency': { zh: '人事代理机构', en: 'Personnel agency' },
  'application.committee': { zh: '评审委员会', en: 'Evaluation committee' },
  'summary.text': { zh: '专业技术工作总结', en: 'Work summary' },
  works: { zh: '业绩成果', en: 'Works' },
} as const satisfies Record<string, Localized>;
export type SectionField = keyof typeof SECTION_FIELDS;

/** A section field ('profile.idNumber') or a whole list ('works'). */
export function sectionSubject(path: SectionField): Subject {
  return { path, ...SECTION_FIELDS[path] };
}

const KIND_LABELS: Record<RecordKind, Localized> = {
  educations: { zh: '学历', en: 'Education' },
  titles: { zh: '职称', en: 'Title' },
  appointments: { zh: '聘任', en: 'Appointment' },
  workPeriods: { zh: '工作经历', en: 'Work period' },
  courses: { zh: '继续教育', en: 'Course' },
  assessments: { zh: '年度考核', en: 'Annual assessment' },
  pensionYears: { zh: '养老保险', en: 'Pension year' },
  works: { zh: '业绩成果', en: 'Work' },
  disciplineRecords: { zh: '违纪记录', en: 'Discipline record' },
};

/** Field labels per record kind; a field missing here is named by its key (a bug, but still readable). */
const RECORD_FIELDS: Partial<Record<RecordKind, Record<string, Localized>>> = {
  educations: {
    startDate: { zh: '入学时间', en: 'enrolment date' },
    graduationDate: { zh: '毕业时间', en: 'graduation date' },
    origin: { zh: '学历来源', en: 'origin of the degree' },
  },
  titles: {
    obtainedDate: { zh: '取得时间', en: 'date obtained' },
    series: { zh: '职称系列', en: 'series' },
  },
  appointments: {
    startDate: { zh: '开始时间', en: 'start date' },
    endDate: { zh: '结束时间', en: 'end date' },
  },
  workPeriods: {
    startDate: { zh: '开始时间', en: 'start date' },
    endDate: { zh: '结束时间', en: 'end date' },
  },
  courses: { year: { zh: '年度', en: 'year' }, hours: { zh: '学时', en: 'hours' } },
  assessments: { year: { zh: '考核年度', en: 'year' } },
  pensionYears: { year: { zh: '缴费年度', en: 'year' } },
  works: {
    date: { zh: '日期', en: 'date' },
    issn: { zh: 'ISSN', en: 'ISSN' },
    cn: { zh: 'CN 刊号', en: 'CN number' },
    isLeadWriter: { zh: '执笔', en: 'lead writer' },
    representative: { zh: '代表作标记', en: 'representative work' },
  },
  disciplineRecords: { year: { zh: '年度', en: 'year' } },
};

/** The field that best tells a record apart from its siblings. */
const NAME_FIELD: Record<RecordKind, string> = {
  educations: 'school',
  titles: 'name',
  appointments: 'post',
  workPeriods: 'unit',
  courses: 'name',
  assessments: 'year',
  pensionYears: 'year',
  works: 'title',
  disciplineRecords: 'year',
};

function recordName(kind: RecordKind, record: AnyRecord): string {
  const value = (record as unknown as Record<string, unknown>)[NAME_FIELD[kind]];
  const name = value === null || value === undefined ? '' : String(value).trim();
  return codePointLength(name) > 20 ? `${[...name].slice(0, 20).join('')}…` : name;
}

/** The record itself ("学历「浙江工业大学」"), or with `field` one of its fields ("…的毕业时间"). */
export function recordSubject(kind: RecordKind, record: AnyRecord, index: number, field?: string): Subject {
  const kindLabel = kind === 'works' ? WORK_TYPE_LABELS[(record as Work).type] : KIND_LABELS[kind];
  const name = recordName(kind, record);
  const zh = name ? `${kindLabel.zh}「${name}」` : `${kindLabel.zh}（第 ${index + 1} 条）`;
  const en = name ? `${kindLabel.en} "${name}"` : `${kindLabel.en} #${index + 1}`;
  const path = `${kind}.${record.id}`;
  if (field === undefined) return { path, zh, en };
  const label = RECORD_FIELDS[kind]?.[field] ?? { zh: field, en: field };
  return { path: `${path}.${field}`, zh: `${zh}的${label.zh}`, en: `${en}, ${label.en}` };
}
