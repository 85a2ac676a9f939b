// The personal performance archive (个人业绩档案, notice N-10; materials M-4 … M-10).
//
// These schemas describe the *shape* of a draft: types, enums and sane upper bounds. A draft with
// problems (an invalid ID number, graduation before enrolment…) still fits the shape and still saves;
// the problems are found by `findProblems` (problems.ts) and shown beside the fields. Only input that
// cannot be stored faithfully (a number where text belongs, an unknown field, a 10 MB name) is refused.
import { z } from 'zod';
import { Slot } from '../attachments/slots.js';
import { deriveTitleSeries, TITLE_SERIES, type TitleSeries } from './titleSeries.js';

/** '' (not entered yet) or a calendar-shaped date YYYY-MM-DD; whether it is a real date is a problem, not a shape error. */
export const DateText = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'YYYY-MM-DD');
/** A year such as 2019; null while not entered. */
export const Year = z.number().int().min(1900).max(2100).nullable();
const text = (max: number) => z.string().max(max);
const short = text(200);
const long = text(20_000);

/** Record ids are opaque strings (UUIDs made by the app); attachments of later issues link to them. */
export const RecordId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const SEX = ['male', 'female'] as const;
export const Profile = z.strictObject({
  name: text(100),
  sex: z.enum(['', ...SEX]),
  birthDate: DateText,
  idNumber: text(40),
  phone: text(40),
  email: text(200),
  /** 行政职务 as printed on F-3; added after format version 1 shipped, so older documents may omit it. */
  administrativePost: short.default(''),
});

export const UNIT_TYPES = ['enterprise', 'public_institution', 'other'] as const;
export const Unit = z.strictObject({
  name: short,
  creditCode: text(40),
  type: z.enum(['', ...UNIT_TYPES]),
  competentDepartment: short,
  /** Units without a competent department go through their personnel agency (N-9). */
  personnelAgency: short,
  city: short,
});

export const COMMITTEES = ['energy', 'materials', 'light_textile', 'petrochemical'] as const;
export const Application = z.strictObject({
  specialty: short,
  committee: z.enum(['', ...COMMITTEES]),
  titleApplied: short,
  /** Exceptional promotion (破格, M-11, F-3). */
  exceptional: z.boolean(),
  /** 破格推荐理由 on F-3: which exceptional conditions are met (M-11). Optional on import (added later). */
  exceptionalReason: long.default(''),
  /** COVID-19 frontline staff (N-4, rules R-3). */
  covidFrontline: z.boolean(),
});

/** The work summary since the current title (M-8). Long, but bounded so one field cannot swallow the database. */
export const SUMMARY_MAX = 200_000;
/** Counted in code points, as the UI counts; the UTF-16 bound first keeps the count cheap. */
export const Summary = z.strictObject({
  text: text(SUMMARY_MAX * 2).refine((s) => s.length <= SUMMARY_MAX || [...s].length <= SUMMARY_MAX, {
    message: `at most ${SUMMARY_MAX} characters`,
    params: { zh: `工作总结最多 ${SUMMARY_MAX} 字`, en: `The work summary has at most ${SUMMARY_MAX} characters` },
  }),
});

export const EDUCATION_LEVELS = [
  'doctorate',
  'master',
  'second_bachelor',
  'bachelor',
  'junior_college',
  'secondary',
] as const;
export const DEGREE_ORIGINS = ['domestic', 'foreign', 'hk_macao_taiwan'] as const;
export const Education = z.strictObject({
  id: RecordId,
  level: z.enum(['', ...EDUCATION_LEVELS]),
  school: short,
  major: short,
  startDate: DateText,
  graduationDate: DateText,
  /** Degree as printed (e.g. 工学学士); '' when none was awarded. */
  degree: short,
  diplomaNumber: text(60),
  degreeCertificateNumber: text(60),
  fullTime: z.boolean(),
  /** Foreign or HK/Macao/Taiwan degrees need certification by 教育部留学服务中心 (N-12). */
  origin: z.enum(DEGREE_ORIGINS),
});

export const TITLE_LEVELS = ['entry', 'assistant', 'intermediate', 'deputy_senior', 'senior'] as const;
export { TITLE_SERIES, type TitleSeries };
export const Title = z.strictObject({
  id: RecordId,
  level: z.enum(['', ...TITLE_LEVELS]),
  /** Added in format version 2; '' while not chosen (titleSeries.ts derives it from the name on upgrade). */
  series: z.enum(['', ...TITLE_SERIES]),
  /** The title's name as on the certificate, e.g. 工程师. */
  name: short,
  obtainedDate: DateText,
  certificateNumber: text(60),
  issuingBody: short,
});

export const Appointment = z.strictObject({
  id: RecordId,
  post: short,
  /** Post grade, e.g. 专业技术十级. */
  grade: short,
  startDate: DateText,
  /** '' while the appointment is current. */
  endDate: DateText,
});

export const WorkPeriod = z.strictObject({
  id: RecordId,
  unit: short,
  post: short,
  startDate: DateText,
  /** '' while the period is current. */
  endDate: DateText,
  description: long,
});

export const COURSE_CATEGORIES = ['professional', 'industry_public', 'general_public'] as const;
export const COURSE_MODES = ['online', 'offline', 'other'] as const;
export const CE_PLATFORMS = ['city', 'provincial'] as const;
/** One continuing-education course (继续教育, N-6, M-7, rules R-4). */
export const Course = z.strictObject({
  id: RecordId,
  year: Year,
  name: short,
  category: z.enum(['', ...COURSE_CATEGORIES]),
  mode: z.enum(['', ...COURSE_MODES]),
  /** Hours as registered; negative values fit the shape so the UI can point at them, findProblems flags them. */
  hours: z.number().finite().min(-10_000).max(10_000).nullable(),
  provider: short,
  platform: z.enum(['', ...CE_PLATFORMS]),
});

export const ASSESSMENT_RESULTS = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
/** Annual assessment (年度考核, M-9). */
export const Assessment = z.strictObject({
  id: RecordId,
  year: Year,
  result: z.enum(['', ...ASSESSMENT_RESULTS]),
});

/** A year of basic pension insurance (M-5). */
export const PensionYear = z.strictObject({
  id: RecordId,
  year: Year,
  /** The unit that paid, as on the proof. */
  payer: short,
});

export const WORK_TYPES = ['paper', 'book', 'patent', 'report', 'appraisal', 'standard', 'project', 'award'] as const;
export const PATENT_TYPES = ['invention', 'utility_model', 'design'] as const;
export const REPORT_KINDS = ['feasibility', 'design'] as const;
export const LEVELS = ['national', 'provincial', 'city', 'industry', 'enterprise'] as const;

/**
 * A work or achievement (业绩成果, M-10). One flat shape for every type keeps editing simple (changing the
 * type keeps what was typed); `WORK_FIELDS` says which fields belong to which type, and the export drops
 * nothing. Exactly one work is the representative work (代表作, M-10) — a problem, not a shape rule.
 */
export const Work = z.strictObject({
  id: RecordId,
  type: z.enum(WORK_TYPES),
  title: text(500),
  date: DateText,
  /** A collective project needs proof that the applicant is a main contributor (M-4). */
  collective: z.boolean(),
  representative: z.boolean(),
  /** The applicant's rank among authors, inventors, contributors (1 = first). */
  rank: z.number().int().min(0).max(1000).nullable(),
  // paper
  journal: short,
  issn: text(20),
  cn: text(30),
  issue: text(60),
  // book
  publisher: short,
  isbn: text(30),
  // patent
  patentType: z.enum(['', ...PATENT_TYPES]),
  patentNumber: text(60),
  // feasibility / design report: role and whether the applicant wrote it (执笔, M-10)
  reportKind: z.enum(['', ...REPORT_KINDS]),
  role: short,
  isLeadWriter: z.boolean(),
  // appraisal, standard, project, award
  issuer: short,
  number: text(60),
  level: z.enum(['', ...LEVELS]),
  grade: short,
  description: long,
});

export const WORK_FIELDS: Record<(typeof WORK_TYPES)[number], readonly (keyof z.infer<typeof Work>)[]> = {
  paper: ['journal', 'issn', 'cn', 'issue', 'rank'],
  book: ['publisher', 'isbn', 'rank'],
  patent: ['patentType', 'patentNumber', 'rank'],
  report: ['reportKind', 'role', 'isLeadWriter'],
  appraisal: ['issuer', 'number', 'level'],
  standard: ['issuer', 'number', 'level', 'rank'],
  project: ['issuer', 'level', 'role'],
  award: ['issuer', 'level', 'grade', 'rank'],
};

/** A recorded falsification finding (N-15): it bars applications for the three years after `year`. */
export const DisciplineRecord = z.strictObject({
  id: RecordId,
  year: Year,
  description: long,
});

/**
 * A written reason at least this long (trimmed): a paper copy's reason, as a justification at the export
 * (package:export) and a reason in the unit's audit trail are.
 */
export const MIN_WRITTEN_REASON = 10;

/**
 * A required scan the applicant hands in on paper instead (提交纸质件, issue 19): which item (its material slot
 * and record, as the materials view names it) and why. Part of the archive, so that it travels in the
 * package to the unit, whose check (the same rule pack) then reads it too. Without a reason it is refused:
 * a paper copy replaces a scan only with a written why.
 */
export const PaperCopy = z.strictObject({
  slot: Slot,
  recordId: RecordId.nullable(),
  reason: z
    .string()
    .max(2000)
    .refine((s) => s.trim().length >= MIN_WRITTEN_REASON, {
      message: `a reason of at least ${MIN_WRITTEN_REASON} characters`,
      params: {
        zh: `请写明提交纸质件的理由（至少 ${MIN_WRITTEN_REASON} 个字）`,
        en: `Write why it is handed in on paper (at least ${MIN_WRITTEN_REASON} characters)`,
      },
    }),
});
export type PaperCopy = z.infer<typeof PaperCopy>;

/** The applicant's statements about their materials (M-1 … M-12) beyond the scans: the paper copies. */
export const MaterialsSection = z.strictObject({
  paperCopies: z
    .array(PaperCopy)
    .max(500)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((p, index) => {
        const key = `${p.slot}#${p.recordId ?? ''}`;
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'slot'],
            message: `${key} is marked twice`,
            params: { zh: `同一材料项标记了两次：${key}`, en: `The same item is marked twice: ${key}` },
          });
        }
        seen.add(key);
      });
    }),
});

/** Record kinds: ordered lists of records in the archive, each stored as one row. */
export const RECORD_SCHEMAS = {
  educations: Education,
  titles: Title,
  appointments: Appointment,
  workPeriods: WorkPeriod,
  courses: Course,
  assessments: Assessment,
  pensionYears: PensionYear,
  works: Work,
  disciplineRecords: DisciplineRecord,
} as const;
export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];
export const RecordKindSchema = z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]);

/** Singleton sections: one object each. */
export const SECTION_SCHEMAS = {
  profile: Profile,
  unit: Unit,
  application: Application,
  summary: Summary,
  materials: MaterialsSection,
} as const;
export type SectionName = keyof typeof SECTION_SCHEMAS;
export const SECTION_NAMES = Object.keys(SECTION_SCHEMAS) as SectionName[];
export const SectionNameSchema = z.enum(SECTION_NAMES as [SectionName, ...SectionName[]]);

/** Bound the list sizes so that a hostile import cannot exhaust memory; generous for real archives. */
const list = <T extends z.ZodType>(item: T) => z.array(item).max(5_000);

export const ARCHIVE_FORMAT = 'dossier.archive';
/** 2: titles carry their series. Version 1 documents still import (upgradeArchiveDocument). */
export const ARCHIVE_VERSION = 2;

/**
 * The archive as one versioned JSON document (docs/archive-format.md). Deterministic: no timestamps, keys
 * in schema order, records in their list order — so export → import → export is byte-identical.
 */
export const ArchiveDocumentCurrent = z
  .strictObject({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(ARCHIVE_VERSION),
    profile: Profile,
    unit: Unit,
    application: Application,
    educations: list(Education),
    titles: list(Title),
    appointments: list(Appointment),
    workPeriods: list(WorkPeriod),
    courses: list(Course),
    assessments: list(Assessment),
    pensionYears: list(PensionYear),
    works: list(Work),
    summary: Summary,
    disciplineRecords: list(DisciplineRecord),
    /** Added within version 2 (issue 19): optional on import, always written. */
    materials: MaterialsSection.default({ paperCopies: [] }),
  })
  .superRefine((doc, ctx) => {
    for (const { path, id } of findDuplicateIds(doc)) {
      ctx.addIssue({ code: 'custom', path, message: `duplicate record id ${id}`, params: duplicateIdMessage(id) });
    }
  });

/**
 * Version 1 → 2: each title gets its series, derived from its name where the name says it unambiguously
 * (工程师 → 工程), else '' for the applicant to choose (a problem at the field says so). Anything that is
 * not a version 1 document passes through unchanged, for the schema to judge.
 */
export function upgradeArchiveDocument(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const doc = value as Record<string, unknown>;
  if (doc.format !== ARCHIVE_FORMAT || doc.version !== 1) return value;
  const titles = Array.isArray(doc.titles)
    ? doc.titles.map((t: unknown) =>
        typeof t === 'object' && t !== null && !Array.isArray(t) && !('series' in t)
          ? {
              ...t,
              series: deriveTitleSeries(
                typeof (t as { name?: unknown }).name === 'string' ? (t as { name: string }).name : '',
              ),
            }
          : t,
      )
    : doc.titles;
  return { ...doc, version: ARCHIVE_VERSION, titles };
}

/** Parses a document of any version this release reads (1 and 2) into the current one. */
export const ArchiveDocument = z.preprocess(upgradeArchiveDocument, ArchiveDocumentCurrent);

export const duplicateIdMessage = (id: string) => ({ zh: `记录编号重复：${id}`, en: `duplicate record id ${id}` });

/**
 * Attachments (a later issue) link to records by id, so ids must be unique across all lists. Works on any
 * value, so that an import with type errors elsewhere (where zod skips refinements) still reports these.
 */
export function findDuplicateIds(doc: unknown): { path: (string | number)[]; id: string }[] {
  const found: { path: (string | number)[]; id: string }[] = [];
  const seen = new Set<string>();
  for (const kind of RECORD_KINDS) {
    const list = (doc as Record<string, unknown> | null)?.[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((record: unknown, index) => {
      const id = (record as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      if (seen.has(id)) found.push({ path: [kind, index, 'id'], id });
      seen.add(id);
    });
  }
  return found;
}

export type Profile = z.infer<typeof Profile>;
export type Unit = z.infer<typeof Unit>;
export type Application = z.infer<typeof Application>;
export type Summary = z.infer<typeof Summary>;
export type MaterialsSection = z.infer<typeof MaterialsSection>;
export type Education = z.infer<typeof Education>;
export type Title = z.infer<typeof Title>;
export type Appointment = z.infer<typeof Appointment>;
export type WorkPeriod = z.infer<typeof WorkPeriod>;
export type Course = z.infer<typeof Course>;
export type Assessment = z.infer<typeof Assessment>;
export type PensionYear = z.infer<typeof PensionYear>;
export type Work = z.infer<typeof Work>;
export type DisciplineRecord = z.infer<typeof DisciplineRecord>;
export type ArchiveDocument = z.infer<typeof ArchiveDocument>;
export type Sections = { [K in SectionName]: z.infer<(typeof SECTION_SCHEMAS)[K]> };
export type RecordOf<K extends RecordKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;
export type AnyRecord = RecordOf<RecordKind>;
