// The applicant's archive as the unit reads it, grouped by the notice's materials (M-1 … M-12): for each
// material, the sections and records that material proves, each field with its problem-style path
// (`profile.name`, `works.<id>.title` — the paths the applicant's editor shows problems and the unit's
// comments at) and its value as text. Pure, so the grouping is the same wherever a path is named.
import type { Localized } from '../../../../shared/api/contract.js';
import { COMMITTEE_INFO } from '../../../../shared/archive/committees.js';
import {
  ASSESSMENT_RESULT_LABELS,
  CE_PLATFORM_LABELS,
  COURSE_CATEGORY_LABELS,
  COURSE_MODE_LABELS,
  DEGREE_ORIGIN_LABELS,
  EDUCATION_LEVEL_LABELS,
  LEVEL_LABELS,
  PATENT_TYPE_LABELS,
  REPORT_KIND_LABELS,
  SEX_LABELS,
  TITLE_LEVEL_LABELS,
  UNIT_TYPE_LABELS,
  WORK_TYPE_LABELS,
} from '../../../../shared/archive/labels.js';
import {
  WORK_FIELDS,
  type ArchiveDocument,
  type RecordKind,
  type SectionName,
} from '../../../../shared/archive/schema.js';
import type { MaterialId, MaterialStatus } from '../../../../shared/materials/requirements.js';
import { nameRecord } from '../../../../shared/materials/recordNames.js';
import { TITLE_SERIES_LABELS } from '../../../../shared/archive/titleSeries.js';
import type { TextKey } from '../../i18n.js';

/** A value as shown: the same text in both languages, or an enum's label. Empty: not entered. */
export type ShownValue = string | Localized;

export interface FieldView {
  path: string;
  label: TextKey;
  value: ShownValue;
  /** Long text (the summary, a description): shown as a paragraph. */
  isLong?: boolean;
}

export interface GroupView {
  /** `profile`, `application` for a section; `works.<id>` for a record. */
  key: string;
  /** The record id, null for a section. */
  recordId: string | null;
  title: Localized;
  fields: FieldView[];
}

type Labels = Readonly<Record<string, Localized>>;
type Spec = { field: string; label: TextKey; labels?: Labels; kind?: 'bool' | 'long' | 'committee' };

const yes: Localized = { zh: '是', en: 'Yes' };
const no: Localized = { zh: '否', en: 'No' };

function shown(value: unknown, spec: Spec): ShownValue {
  if (value === null || value === undefined) return '';
  if (spec.kind === 'bool') return value ? yes : no;
  if (spec.kind === 'committee') {
    const info = COMMITTEE_INFO[value as keyof typeof COMMITTEE_INFO] as
      (typeof COMMITTEE_INFO)[keyof typeof COMMITTEE_INFO] | undefined;
    return info ? info.shortName : String(value);
  }
  if (spec.labels) {
    const label = spec.labels[String(value)];
    return label ?? String(value);
  }
  return String(value);
}

const SECTION_SPECS: Record<SectionName, Spec[]> = {
  profile: [
    { field: 'name', label: 'f_name' },
    { field: 'sex', label: 'f_sex', labels: SEX_LABELS },
    { field: 'birthDate', label: 'f_birthDate' },
    { field: 'idNumber', label: 'f_idNumber' },
    { field: 'phone', label: 'f_phone' },
    { field: 'email', label: 'f_email' },
    { field: 'administrativePost', label: 'f_administrativePost' },
  ],
  unit: [
    { field: 'name', label: 'f_unitName' },
    { field: 'creditCode', label: 'f_creditCode' },
    { field: 'type', label: 'f_unitType', labels: UNIT_TYPE_LABELS },
    { field: 'competentDepartment', label: 'f_competentDepartment' },
    { field: 'personnelAgency', label: 'f_personnelAgency' },
    { field: 'city', label: 'f_city' },
  ],
  application: [
    { field: 'specialty', label: 'f_specialty' },
    { field: 'committee', label: 'f_committee', kind: 'committee' },
    { field: 'titleApplied', label: 'f_titleApplied' },
    { field: 'exceptional', label: 'f_exceptional', kind: 'bool' },
    { field: 'covidFrontline', label: 'f_covidFrontline', kind: 'bool' },
  ],
  summary: [{ field: 'text', label: 'summaryLabel', kind: 'long' }],
  // The paper copies (提交纸质件) are shown at their material's items (ProofList), not as fields.
  materials: [],
};

const RECORD_SPECS: Record<Exclude<RecordKind, 'works'>, Spec[]> = {
  educations: [
    { field: 'level', label: 'f_level', labels: EDUCATION_LEVEL_LABELS },
    { field: 'school', label: 'f_school' },
    { field: 'major', label: 'f_major' },
    { field: 'startDate', label: 'f_startDate' },
    { field: 'graduationDate', label: 'f_graduationDate' },
    { field: 'degree', label: 'f_degree' },
    { field: 'diplomaNumber', label: 'f_diplomaNumber' },
    { field: 'degreeCertificateNumber', label: 'f_degreeCertificateNumber' },
    { field: 'fullTime', label: 'f_fullTime', kind: 'bool' },
    { field: 'origin', label: 'f_origin', labels: DEGREE_ORIGIN_LABELS },
  ],
  titles: [
    { field: 'level', label: 'f_titleLevel', labels: TITLE_LEVEL_LABELS },
    { field: 'series', label: 'f_titleSeries', labels: TITLE_SERIES_LABELS },
    { field: 'name', label: 'f_titleName' },
    { field: 'obtainedDate', label: 'f_obtainedDate' },
    { field: 'certificateNumber', label: 'f_certificateNumber' },
    { field: 'issuingBody', label: 'f_issuingBody' },
  ],
  appointments: [
    { field: 'post', label: 'f_post' },
    { field: 'grade', label: 'f_grade' },
    { field: 'startDate', label: 'f_appointStart' },
    { field: 'endDate', label: 'f_appointEnd' },
  ],
  workPeriods: [
    { field: 'unit', label: 'f_workUnit' },
    { field: 'post', label: 'f_workPost' },
    { field: 'startDate', label: 'f_periodStart' },
    { field: 'endDate', label: 'f_periodEnd' },
    { field: 'description', label: 'f_description', kind: 'long' },
  ],
  courses: [
    { field: 'year', label: 'f_year' },
    { field: 'name', label: 'f_courseName' },
    { field: 'category', label: 'f_category', labels: COURSE_CATEGORY_LABELS },
    { field: 'mode', label: 'f_mode', labels: COURSE_MODE_LABELS },
    { field: 'hours', label: 'f_hours' },
    { field: 'provider', label: 'f_provider' },
    { field: 'platform', label: 'f_platform', labels: CE_PLATFORM_LABELS },
  ],
  assessments: [
    { field: 'year', label: 'f_year' },
    { field: 'result', label: 'f_result', labels: ASSESSMENT_RESULT_LABELS },
  ],
  pensionYears: [
    { field: 'year', label: 'f_year' },
    { field: 'payer', label: 'f_payer' },
  ],
  disciplineRecords: [
    { field: 'year', label: 'f_disciplineYear' },
    { field: 'description', label: 'f_disciplineDescription', kind: 'long' },
  ],
};

const WORK_SPECS: Record<string, Spec> = {
  journal: { field: 'journal', label: 'f_journal' },
  issn: { field: 'issn', label: 'f_issn' },
  cn: { field: 'cn', label: 'f_cn' },
  issue: { field: 'issue', label: 'f_issue' },
  rank: { field: 'rank', label: 'f_rank' },
  publisher: { field: 'publisher', label: 'f_publisher' },
  isbn: { field: 'isbn', label: 'f_isbn' },
  patentType: { field: 'patentType', label: 'f_patentType', labels: PATENT_TYPE_LABELS },
  patentNumber: { field: 'patentNumber', label: 'f_patentNumber' },
  reportKind: { field: 'reportKind', label: 'f_reportKind', labels: REPORT_KIND_LABELS },
  role: { field: 'role', label: 'f_role' },
  isLeadWriter: { field: 'isLeadWriter', label: 'f_isLeadWriter', kind: 'bool' },
  issuer: { field: 'issuer', label: 'f_issuer' },
  number: { field: 'number', label: 'f_number' },
  level: { field: 'level', label: 'f_workLevel', labels: LEVEL_LABELS },
  grade: { field: 'grade', label: 'f_awardGrade' },
};

function workSpecs(type: keyof typeof WORK_FIELDS): Spec[] {
  const own = WORK_FIELDS[type].flatMap((field) => {
    const spec = WORK_SPECS[field];
    return spec ? [spec] : [];
  });
  return [
    { field: 'type', label: 'f_workType', labels: WORK_TYPE_LABELS },
    { field: 'title', label: 'f_workTitle' },
    { field: 'date', label: 'f_workDate' },
    { field: 'representative', label: 'f_representative', kind: 'bool' },
    { field: 'collective', label: 'f_collective', kind: 'bool' },
    ...own,
    { field: 'description', label: 'f_workDescription', kind: 'long' },
  ];
}

const SECTION_TITLES: Record<SectionName, Localized> = {
  profile: { zh: '基本信息', en: 'Personal data' },
  unit: { zh: '单位', en: 'Employer' },
  application: { zh: '申报', en: 'Application' },
  summary: { zh: '工作总结', en: 'Work summary' },
  materials: { zh: '材料', en: 'Materials' },
};

function fieldsOf(prefix: string, value: Record<string, unknown>, specs: readonly Spec[]): FieldView[] {
  return specs.map((spec) => ({
    path: `${prefix}.${spec.field}`,
    label: spec.label,
    value: shown(value[spec.field], spec),
    ...(spec.kind === 'long' ? { isLong: true } : {}),
  }));
}

function sectionGroup(archive: ArchiveDocument, name: SectionName, only?: readonly string[]): GroupView {
  const specs = SECTION_SPECS[name].filter((s) => !only || only.includes(s.field));
  return {
    key: name,
    recordId: null,
    title: SECTION_TITLES[name],
    fields: fieldsOf(name, archive[name] as unknown as Record<string, unknown>, specs),
  };
}

function recordGroup(archive: ArchiveDocument, kind: RecordKind, id: string): GroupView | null {
  const record = (archive[kind] as readonly { id: string }[]).find((r) => r.id === id);
  if (!record) return null;
  const specs = kind === 'works' ? workSpecs((record as ArchiveDocument['works'][number]).type) : RECORD_SPECS[kind];
  return {
    key: `${kind}.${id}`,
    recordId: id,
    title: nameRecord(archive, id) ?? { zh: id, en: id },
    fields: fieldsOf(`${kind}.${id}`, record as unknown as Record<string, unknown>, specs),
  };
}

const kindOf = (archive: ArchiveDocument, id: string): RecordKind | null => {
  for (const kind of Object.keys(RECORD_SPECS).concat('works') as RecordKind[]) {
    if ((archive[kind] as readonly { id: string }[]).some((r) => r.id === id)) return kind;
  }
  return null;
};

/** The sections (and the fields of them) and the record kinds each material proves (notice 附件2). */
function ownGroups(archive: ArchiveDocument, material: MaterialId): GroupView[] {
  const records = (kind: RecordKind, keep: (r: never) => boolean = () => true) =>
    (archive[kind] as readonly { id: string }[])
      .filter((r) => keep(r as never))
      .flatMap((r) => recordGroup(archive, kind, r.id) ?? []);
  switch (material) {
    case 'M-1':
      // The evaluation form is made from the whole archive: the application, the unit, the discipline.
      return [sectionGroup(archive, 'application'), sectionGroup(archive, 'unit'), ...records('disciplineRecords')];
    case 'M-4':
      return [
        sectionGroup(archive, 'profile'),
        ...records('educations'),
        ...records('titles'),
        ...records('appointments'),
        ...records('works', (w: { type: string }) => w.type === 'award'),
      ];
    case 'M-5':
      return records('pensionYears');
    case 'M-6':
      return records('workPeriods');
    case 'M-7':
      return records('courses');
    case 'M-8':
      return [sectionGroup(archive, 'summary')];
    case 'M-9':
      return records('assessments');
    case 'M-10':
      return records('works', (w: { type: string }) => w.type !== 'award');
    case 'M-11':
      return archive.application.exceptional
        ? [
            {
              ...sectionGroup(archive, 'application', ['exceptional']),
              fields: [
                ...sectionGroup(archive, 'application', ['exceptional']).fields,
                {
                  path: 'application.exceptionalReason',
                  label: 'f_exceptionalReason',
                  value: archive.application.exceptionalReason,
                  isLong: true,
                },
              ],
            },
          ]
        : [];
    case 'M-12':
      return [sectionGroup(archive, 'unit', ['type'])];
    default:
      // M-2 (the pledge) and M-3 (the publicity confirmation) are forms, not archive data.
      return [];
  }
}

/**
 * The groups of one material: its own sections and records, then any other record one of its proofs
 * names (a collective work's main-contributor proof under M-4), so every attachment sits beside its record.
 */
export function materialGroups(archive: ArchiveDocument, status: MaterialStatus): GroupView[] {
  const groups = ownGroups(archive, status.id);
  const seen = new Set(groups.map((g) => g.recordId).filter((id): id is string => id !== null));
  for (const item of status.items) {
    if (!item.recordId || seen.has(item.recordId)) continue;
    const kind = kindOf(archive, item.recordId);
    const group = kind ? recordGroup(archive, kind, item.recordId) : null;
    if (group) {
      groups.push(group);
      seen.add(item.recordId);
    }
  }
  return groups;
}

/** Every field path of the archive with its group's title and its label: how a comment or change names it. */
export function fieldIndex(archive: ArchiveDocument): Map<string, { group: Localized; label: TextKey }> {
  const index = new Map<string, { group: Localized; label: TextKey }>();
  const add = (group: GroupView) => {
    for (const f of group.fields) index.set(f.path, { group: group.title, label: f.label });
  };
  for (const name of Object.keys(SECTION_SPECS) as SectionName[]) add(sectionGroup(archive, name));
  index.set('application.exceptionalReason', { group: SECTION_TITLES.application, label: 'f_exceptionalReason' });
  for (const kind of Object.keys(RECORD_SPECS).concat('works') as RecordKind[]) {
    for (const record of archive[kind] as readonly { id: string }[]) {
      const group = recordGroup(archive, kind, record.id);
      if (group) add(group);
    }
  }
  return index;
}

/** A value for display: '' reads as "not entered". */
export const isEmptyValue = (value: ShownValue): boolean => typeof value === 'string' && value.trim() === '';
