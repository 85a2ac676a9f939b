// The reviewing desk (issue 17): the city bureau (市经信局, with the city HR department), a provincial
// competent department (省主管部门) or the personnel agency's route through the city, which receives the
// units' batches (docs/batch-format.md), checks each applicant (资格审查) and adds level 3. Shared by the
// core (electron/core/desk/) and, later, the UI: the profile, its field names and the words of its problems.
import { z } from 'zod';
import type { Issue, Localized } from '../api/contract.js';
import { Recommendation } from './recommendation.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Which desk (N-9): the city bureau of a city, a provincial competent department, or the personnel agency route. */
export const DESK_KINDS = ['city_bureau', 'competent_department', 'personnel_agency'] as const;
export const DeskKind = z.enum(DESK_KINDS);
export type DeskKind = z.infer<typeof DeskKind>;

export const DESK_KIND_LABELS: Record<DeskKind, Localized> = {
  city_bureau: { zh: '市经信局（会同市人社局）', en: 'City bureau (with the city HR department)' },
  competent_department: { zh: '省主管部门', en: 'Provincial competent department' },
  personnel_agency: { zh: '人事代理机构（经所在市）', en: 'Personnel agency (through its city)' },
};

/** The desk's own data, kept once per desk workspace (setting 'desk.profile'). */
export const DeskProfile = z.strictObject({
  kind: DeskKind,
  /** The desk's name as printed on its opinion page (衢州市经济和信息化局…). */
  name: z.string().max(100),
  /** City bureau and personnel agency: the city whose units it takes (衢州市). */
  city: z.string().max(50),
  /** Competent department: the department whose units it takes, as the units' data name it. */
  department: z.string().max(100),
  /** The person responsible (负责人), printed on the roster. */
  responsible: z.string().max(50),
});
export type DeskProfile = z.infer<typeof DeskProfile>;

/** The field names, one place for the CLI's refusals and a later screen. */
export const DESK_FIELDS = {
  kind: { zh: '审查机构类别', en: 'Kind of desk' },
  name: { zh: '审查机构名称', en: 'Name of the desk' },
  city: { zh: '所在市', en: 'City' },
  department: { zh: '主管部门名称', en: 'Competent department' },
  responsible: { zh: '负责人', en: 'Person responsible' },
} as const satisfies Record<keyof DeskProfile, Localized>;

const MISSING: Localized = { zh: '未填写', en: 'missing' };

const issue = (field: keyof DeskProfile, what: Localized): Issue => ({
  path: `desk.${field}`,
  message: { zh: `${DESK_FIELDS[field].zh}${what.zh}`, en: `${DESK_FIELDS[field].en}: ${what.en}` },
});

/** Every missing field of the desk's data, each naming the field in both languages. */
export function deskProfileProblems(p: DeskProfile): Issue[] {
  const out: Issue[] = [];
  if (!p.name.trim()) out.push(issue('name', MISSING));
  if (p.kind === 'competent_department') {
    if (!p.department.trim()) {
      out.push(
        issue('department', { zh: '未填写：本机构受理哪个主管部门的单位', en: 'missing: whose units this desk takes' }),
      );
    }
  } else if (!p.city.trim()) {
    out.push(
      issue('city', { zh: '未填写：本机构受理哪个市的单位', en: "missing: which city's units this desk takes" }),
    );
  }
  if (!p.responsible.trim()) out.push(issue('responsible', MISSING));
  return out;
}

/** What one applicant of a receive job came to (a batch gives one per package; a loose package one). */
export const DeskImportResult = z.object({
  /** The file as given (a batch, or a loose package). */
  file: z.string(),
  /** The package inside a batch (its packages/… name), null for a loose package or a refused batch. */
  entry: z.string().nullable(),
  status: z.enum(['imported', 'replaced', 'unchanged', 'refused']),
  applicantId: z.string().nullable(),
  name: z.string().nullable(),
  unit: z.string().nullable(),
  revision: z.number().int().nullable(),
  reason: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** A refusal for a changed unit key: the key pinned for the unit and the one that signed (both printed). */
  keyChange: z.object({ pinnedFingerprint: Sha256, newFingerprint: Sha256 }).nullable(),
  /**
   * The file as handed to the core (its upload): the one to receive again with the new key after a
   * changed key's refusal (held for that until the app restarts or a day passes); null where none applies.
   */
  uploadId: z.string().nullable(),
});
export type DeskImportResult = z.infer<typeof DeskImportResult>;

/** A batch file received (desk_batch), as the receive screen lists them. */
export const DeskBatch = z.object({
  sha256: Sha256,
  fileName: z.string(),
  /** The unit as last pinned under the batch's unit key (its name), or the key itself. */
  unit: z.string(),
  fingerprint: Sha256,
  packages: z.number().int(),
  receivedAt: z.string(),
});
export type DeskBatch = z.infer<typeof DeskBatch>;

export const DeskComment = z.strictObject({
  /** A field path, a material (M-1…M-12) or '' for the file as a whole. */
  target: z.string().max(300),
  text: z.string().trim().min(1).max(2000),
});
export type DeskComment = z.infer<typeof DeskComment>;

/** The qualification-review checklist in short (资格审查), as level 3 carries it: each item and its result. */
export const DeskChecklistSummary = z.array(
  z.strictObject({ item: z.string().max(300), result: z.string().max(300), note: z.string().max(2000) }),
);
export type DeskChecklistSummary = z.infer<typeof DeskChecklistSummary>;

/**
 * content/desk/review.json in level 3 (docs/package-format.md, "Level 3: the reviewing desk"): the desk's
 * decision — returned to the unit for correction by a deadline, or accepted — with its comments. Version 2
 * (the pass-on, issue 17 item 6) adds the intermediate committee's recommendation and the checklist in short;
 * version 1 files (returns written before) have neither and still read.
 */
export const DeskReviewDoc = z.strictObject({
  format: z.literal('dossier.desk-review'),
  version: z.union([z.literal(1), z.literal(2)]),
  decision: z.enum(['accepted', 'returned']),
  desk: z.strictObject({ kind: DeskKind, name: z.string(), city: z.string(), department: z.string() }),
  /** The desk's key fingerprint: level 3's signer. */
  deskFingerprint: Sha256,
  /** The unit whose level 2 this answers (name, credit code, its key's fingerprint). */
  unit: z.strictObject({ name: z.string(), creditCode: z.string(), fingerprint: Sha256 }),
  opinion: z.string().max(5000),
  comments: z.array(DeskComment),
  /** returned: the correction deadline (补正截止日期); null when accepted. */
  correctionDeadline: IsoDate.nullable(),
  reviewedOn: IsoDate,
  /** Version 2: the intermediate committee's recommendation (accepted: required; returned: null). */
  recommendation: Recommendation.nullable().optional(),
  /** Version 2: the checklist in short, or null when the desk kept none for the applicant. */
  checklist: DeskChecklistSummary.nullable().optional(),
});
export type DeskReviewDoc = z.infer<typeof DeskReviewDoc>;
