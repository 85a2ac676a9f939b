// The reviewing desk's table across units (issue 17 item 3): one row per applicant the desk holds, with the
// unit and its channel (N-9), the person (ID number masked on screen), the specialty and the committee it
// belongs to (附件1, N-1), the career facts and the verdict checked with THIS desk's parameters, the unit's
// publicity (N-8), the desk's status and where the file waits, the returns, and the proofs or people the
// applicant shares with another applicant. Shared by the core (electron/core/desk/table.ts) and the screen.
import { z } from 'zod';
import type { Localized } from '../api/contract.js';
import { COMMITTEES, type Unit } from '../archive/schema.js';
import { STATUSES, VERDICTS } from '../rules/types.js';
import { DESK_STATUSES, WAITS_AT } from './pipeline.js';
import { DESK_KINDS, type DeskKind } from './schema.js';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const Text = z.object({ zh: z.string(), en: z.string() });

/** Which route a unit's applicants take to the committees (N-9): the same three kinds as the desks. */
export function channelOf(unit: Pick<Unit, 'competentDepartment' | 'personnelAgency'>): DeskKind {
  if (unit.competentDepartment.trim()) return 'competent_department';
  if (unit.personnelAgency.trim()) return 'personnel_agency';
  return 'city_bureau';
}

/** Short words for the channel column (the desk's own data uses DESK_KIND_LABELS' long ones). */
export const CHANNEL_LABELS: Record<DeskKind, Localized> = {
  city_bureau: { zh: '市经信局', en: 'City bureau' },
  competent_department: { zh: '省主管部门', en: 'Competent dept.' },
  personnel_agency: { zh: '人事代理', en: 'Personnel agency' },
};

export type WaitsAt = (typeof WAITS_AT)[keyof typeof WAITS_AT];
/** 待审机构: where the file waits, in the table's words. */
export const WAITS_AT_LABELS: Record<WaitsAt, Localized> = {
  desk: { zh: '本机构', en: 'This desk' },
  unit: { zh: '单位', en: 'The unit' },
  province: { zh: '省厅', en: 'The province' },
  none: { zh: '—', en: '—' },
};

/**
 * The committee filed against the committee the specialty's words name (shared/archive/specialties.ts):
 * ok, filed under another committee than the specialty names, a specialty none of the four covers,
 * words that name no committee clearly, or no committee chosen.
 */
export const COMMITTEE_FLAGS = ['ok', 'elsewhere', 'outside', 'unclear', 'none'] as const;
export type CommitteeFlag = (typeof COMMITTEE_FLAGS)[number];
export const COMMITTEE_FLAG_LABELS: Record<CommitteeFlag, Localized> = {
  ok: { zh: '对口', en: 'Matches' },
  elsewhere: { zh: '申报评委会与专业不符', en: 'Filed under another committee' },
  outside: { zh: '专业不在四个评委会范围内', en: 'Specialty outside the four committees' },
  unclear: { zh: '专业归属待确认', en: 'Committee of the specialty unclear' },
  none: { zh: '未选择评委会', en: 'No committee chosen' },
};

/** The same flags in a word or two, for the tag in the committee column (the long words are its tooltip). */
export const COMMITTEE_FLAG_SHORT: Record<CommitteeFlag, Localized> = {
  ok: COMMITTEE_FLAG_LABELS.ok,
  elsewhere: { zh: '评委会不符', en: 'Other committee' },
  outside: { zh: '专业不在范围', en: 'Outside scope' },
  unclear: { zh: '归属待确认', en: 'Unclear' },
  none: { zh: '未选择', en: 'None chosen' },
};

/** Two applicants sharing a scan (SHA-256), a paper (ISSN + title) or an ID number. */
export const DESK_DUPLICATE_KINDS = ['scan', 'paper', 'person'] as const;
export type DeskDuplicateKind = (typeof DESK_DUPLICATE_KINDS)[number];
export const DESK_DUPLICATE_LABELS: Record<DeskDuplicateKind, Localized> = {
  scan: { zh: '相同扫描件', en: 'Same scan' },
  paper: { zh: '相同论文', en: 'Same paper' },
  person: { zh: '同一身份证号', en: 'Same ID number' },
};

const YearStatus = z.enum(STATUSES).nullable();

export const DeskApplicantRow = z.object({
  applicantId: Id,
  name: z.string(),
  /** Whole, for the search box; the table shows it masked (maskIdNumber). */
  idNumber: z.string(),
  unitName: z.string(),
  channel: z.enum(DESK_KINDS),
  specialty: z.string(),
  titleApplied: z.string(),
  exceptional: z.boolean(),
  committee: z.enum(['', ...COMMITTEES]),
  /** The committees the specialty's words name (one, usually). */
  specialtyCommittees: z.array(z.enum(COMMITTEES)),
  committeeFlag: z.enum(COMMITTEE_FLAGS),
  education: z.string(),
  title: z.object({ name: z.string(), level: z.string(), obtainedDate: z.string() }).nullable(),
  yearsInTitle: z.number().int().nullable(),
  yearsOfWork: z.number().int().nullable(),
  assessments: z.array(z.object({ year: z.number().int(), result: z.string(), status: YearStatus })),
  ce: z.array(z.object({ year: z.number().int(), total: z.number(), status: YearStatus })),
  /** Checked here with this desk's rule-pack parameters and the unit's publicity dates. */
  verdict: z.enum(VERDICTS),
  counts: z.object({ fail: z.number().int(), toJudge: z.number().int() }),
  points: z.array(z.object({ findingId: z.string(), status: z.enum(['fail', 'review']), message: Text })),
  materials: z.object({ needed: z.number().int(), complete: z.number().int() }),
  /** The unit's publicity evidence (content/unit/publicity.json), its working days counted here. */
  publicity: z
    .object({
      startDate: z.string(),
      endDate: z.string(),
      workingDays: z.number().int().nullable(),
      outcome: z.enum(['no_objection', 'objection']),
    })
    .nullable(),
  status: z.enum(DESK_STATUSES),
  waitsAt: z.enum(['desk', 'unit', 'province', 'none']),
  /** The correction deadline (补正截止日期) of a return; null otherwise. */
  deadline: z.string().nullable(),
  /** Level 3 returns written so far, and the first point of the last one. */
  returns: z.number().int(),
  lastReason: z.string(),
  revision: z.number().int(),
  receivedAt: z.string(),
  duplicates: z.array(
    z.object({ applicantId: Id, name: z.string(), unitName: z.string(), what: z.enum(DESK_DUPLICATE_KINDS) }),
  ),
});
export type DeskApplicantRow = z.infer<typeof DeskApplicantRow>;

export const DeskApplicantsTable = z.object({
  rows: z.array(DeskApplicantRow),
  /** The day the table was read (deadlines are compared with it) and the as-of date of the years. */
  today: z.string(),
  asOfDate: z.string(),
});
export type DeskApplicantsTable = z.infer<typeof DeskApplicantsTable>;
