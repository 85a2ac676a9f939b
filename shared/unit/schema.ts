// The unit's workspace (issue 7): what the HR officer (人事专员) of a unit keeps about the applicants whose
// packages it received — the unit review (N-10, N-13), the publicity (N-8, M-3), the countersignature that
// passes them to the city (N-9). Shared by the core (electron/core/unit/) and the UI (renderer/src/unit/).
import { z } from 'zod';
import { ApplicantId } from '../api/primitives.js';
import { Unit } from '../archive/schema.js';
import { MediaType } from '../attachments/schema.js';
import { MATERIAL_IDS } from '../materials/requirements.js';
import { VERDICTS } from '../rules/types.js';
import { PIPELINE_STAGES } from './pipeline.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * Whom a workspace serves: one applicant's archive, a unit reviewing many, or a reviewing desk above the units
 * (issue 17: city bureau, competent department) — set once, on an empty workspace.
 */
export const WorkspaceMode = z.enum(['applicant', 'unit', 'desk']);
export type WorkspaceMode = z.infer<typeof WorkspaceMode>;

/** The unit's own data: the archive's Unit section (name, credit code, type, competent department, …). */
export const UnitProfile = Unit;
export type UnitProfile = z.infer<typeof UnitProfile>;

export const MaterialIdSchema = z.enum(MATERIAL_IDS);

/** The unit's decision on an applicant: pending until reviewed; returned (退回) for correction; accepted. */
export const ReviewStatus = z.enum(['pending', 'accepted', 'returned']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** A material's review mark (null: not looked at yet). */
export const MaterialDecision = z.enum(['accepted', 'returned']);
export type MaterialDecision = z.infer<typeof MaterialDecision>;

/**
 * What a comment is about, so that the applicant sees it at the exact place: a field of the archive (its
 * problem path, e.g. `profile.name`, `works.<recordId>.title` — the paths the editor already shows problems
 * at), an attachment (by SHA-256: the same bytes on both sides, whatever id each workspace gives them), or
 * a material as a whole.
 */
export const CommentTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), path: z.string().min(1).max(300) }),
  z.strictObject({ kind: z.literal('attachment'), sha256: Sha256, fileName: z.string().max(255) }),
  z.strictObject({ kind: z.literal('material') }),
]);
export type CommentTarget = z.infer<typeof CommentTarget>;

export const CommentText = z.string().trim().min(1).max(2000);

export const ReviewComment = z.strictObject({
  id: Id,
  material: MaterialIdSchema,
  target: CommentTarget,
  text: CommentText,
  createdAt: z.string(),
});
export type ReviewComment = z.infer<typeof ReviewComment>;

/** A comment's input, the unit's (unit:addComment) and the desk's (desk:addComment) alike. */
export const AddCommentInput = z.strictObject({
  applicantId: ApplicantId,
  material: MaterialIdSchema,
  target: CommentTarget,
  text: CommentText,
});
export const DeleteCommentInput = z.strictObject({ applicantId: ApplicantId, commentId: z.string().min(1).max(64) });

export const MaterialReview = z.strictObject({ material: MaterialIdSchema, decision: MaterialDecision.nullable() });
export type MaterialReview = z.infer<typeof MaterialReview>;

/** Where an applicant stands in the unit's publicity (N-8). */
export const PublicityState = z.enum(['none', 'planned', 'running', 'ended', 'no_objection', 'objection']);
export type PublicityState = z.infer<typeof PublicityState>;

const Localized = z.object({ zh: z.string(), en: z.string() });

/** A failure or a point to judge, named in a row of the table (the review page holds the finding itself). */
export const RowPoint = z.object({
  findingId: z.string(),
  ruleId: z.string(),
  status: z.enum(['fail', 'review']),
  message: Localized,
});
export type RowPoint = z.infer<typeof RowPoint>;

/** One row of the unit's applicant table. */
export const UnitApplicantRow = z.object({
  applicantId: Id,
  name: z.string(),
  idNumber: z.string(),
  committee: z.string(),
  specialty: z.string(),
  exceptional: z.boolean(),
  packageId: z.string(),
  revision: z.number().int(),
  /** The highest level this workspace holds for the current revision (2 once countersigned or returned). */
  level: z.number().int(),
  status: ReviewStatus,
  /** Where the applicant stands in the unit's work (shared/unit/pipeline.ts). */
  stage: z.enum(PIPELINE_STAGES),
  /**
   * The verdict on the current revision, checked here with the unit's parameters by the applicant's own
   * rules and verdict function (shared/rules/engine.ts verdictOf): 可以申报 / 需人工确认 N 项 / 暂不符合 N 项.
   */
  verdict: z.enum(VERDICTS),
  counts: z.object({ fail: z.number().int(), toJudge: z.number().int() }),
  /** Each failure, then each point to judge (notes left out), as the review page lists them. */
  points: z.array(RowPoint),
  /** The materials the archive needs: how many, how many complete, and each proof still missing. */
  materials: z.object({
    needed: z.number().int(),
    complete: z.number().int(),
    missing: z.array(z.object({ material: MaterialIdSchema, key: z.string(), message: Localized })),
  }),
  publicity: PublicityState,
  /** Other applicants sharing a scan (same SHA-256) or a paper (same ISSN + title): their names. */
  duplicates: z.array(z.object({ applicantId: Id, name: z.string(), what: z.enum(['scan', 'paper']) })),
  importedAt: z.string(),
  /** A revision signed by a new applicant key waits for the officer (electron/core/unit/keyChange.ts). */
  keyChangeHeld: z.boolean(),
  /** A reviewing desk returned the current revision (level 3, issue 17): its correction deadline. */
  deskReturn: z.object({ deadline: z.string().nullable() }).nullable(),
});
export type UnitApplicantRow = z.infer<typeof UnitApplicantRow>;

/** What one file of a batch import came to. */
export const UnitImportResult = z.object({
  file: z.string(),
  /**
   * held: a known applicant's revision signed by a new key, kept aside until the officer accepts the key.
   * desk_returned: a reviewing desk's return (level 3) of the unit's countersignature: the review reopened.
   */
  status: z.enum(['imported', 'replaced', 'unchanged', 'held', 'desk_returned', 'refused']),
  applicantId: Id.nullable(),
  name: z.string().nullable(),
  revision: z.number().int().nullable(),
  /** Why it was refused, or why it is held (refused and held only). */
  reason: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** held only: the key pinned for the applicant and the one that signed this revision. */
  keyChange: z.object({ oldFingerprint: Sha256, newFingerprint: Sha256 }).nullable().optional(),
});
export type UnitImportResult = z.infer<typeof UnitImportResult>;

/**
 * A revision of a known package signed by a new applicant key (issue 19, item 8): held, not imported, until
 * the officer confirms the person in person and accepts the new key with a written reason, or rejects it.
 */
export const HeldKeyChange = z.object({
  id: Id,
  applicantId: Id,
  /** The applicant's name as the held revision gives it. */
  name: z.string(),
  packageId: z.string(),
  revision: z.number().int(),
  /** The file's name as it came in. */
  fileName: z.string(),
  size: z.number().int(),
  receivedAt: z.string(),
  /** The key pinned for this applicant (the revision held now was signed by it) and the new one. */
  oldFingerprint: Sha256,
  newFingerprint: Sha256,
  /** The revision the unit holds now. */
  currentRevision: z.number().int(),
  /** Not newer than what the unit holds now, or a newer held revision exists: it can only be rejected. */
  stale: z.boolean(),
});
export type HeldKeyChange = z.infer<typeof HeldKeyChange>;

/** One field that differs between two revisions of an applicant's archive (what the officer re-reads). */
export const ArchiveChange = z.object({
  /** A problem-style path: `profile.name`, `works.<id>.title`, `works.<id>` (added/removed record). */
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ArchiveChange = z.infer<typeof ArchiveChange>;

/** A scan as one revision's package lists it (content/attachments.json): the side of an attachment change. */
export const RevisionFile = z.object({
  sha256: Sha256,
  fileName: z.string(),
  mediaType: MediaType,
  pages: z.number().int(),
  /** Pixels, images only. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type RevisionFile = z.infer<typeof RevisionFile>;

/**
 * One slot's scans that differ between two revisions (issue 19): per material slot (M-4/diploma, …) and
 * record, a file added, removed, or replaced (the old and the new side by side). The old file's bytes stay in
 * the older revision's package file, from which the preview route serves them (electron/core/unit/heldFiles.ts).
 */
export const AttachmentChange = z.object({
  /** The material slot; null for a file linked to a record only (or to nothing). */
  slot: z.string().nullable(),
  recordId: z.string().nullable(),
  kind: z.enum(['added', 'removed', 'replaced']),
  before: RevisionFile.nullable(),
  after: RevisionFile.nullable(),
});
export type AttachmentChange = z.infer<typeof AttachmentChange>;

/** The officer's tick on one point of a return, on the corrected revision: addressed, or still open. */
export const ReturnCheckState = z.enum(['addressed', 'open']);
export type ReturnCheckState = z.infer<typeof ReturnCheckState>;

/** One comment of a return with what the applicant changed at its target, and the officer's tick (null: not yet). */
export const ReturnChecklistItem = z.object({
  comment: ReviewComment,
  /** The field changes at the comment's field (or its whole record added/removed). */
  fieldChanges: z.array(ArchiveChange),
  /** The changes of the commented scan (by SHA-256), or of the material's slots for a comment on a material. */
  attachmentChanges: z.array(AttachmentChange),
  state: ReturnCheckState.nullable(),
  checkedAt: z.string().nullable(),
});
export type ReturnChecklistItem = z.infer<typeof ReturnChecklistItem>;

/** Every comment of the returned revision the current one corrects, as a checklist on the current one. */
export const ReturnChecklist = z.object({
  /** The returned revision the comments were made on. */
  revision: z.number().int(),
  /** The returned package (level 2) that carried them to the applicant. */
  fileName: z.string(),
  items: z.array(ReturnChecklistItem),
});
export type ReturnChecklist = z.infer<typeof ReturnChecklist>;

export const RevisionInfo = z.object({
  revision: z.number().int(),
  level: z.number().int(),
  fileName: z.string(),
  direction: z.enum(['exported', 'imported']),
  createdAt: z.string(),
  /** This revision names the returned one it corrects (its `supersedes` matches a package held here). */
  supersedesKnown: z.boolean().nullable(),
});
export type RevisionInfo = z.infer<typeof RevisionInfo>;

export const Publicity = z.object({
  id: Id,
  startDate: IsoDate,
  endDate: IsoDate,
  workingDays: z.number().int(),
  createdAt: z.string(),
  /** When a publicity that had started was cancelled (issue 19); null while it stands. */
  cancelledAt: z.string().nullable(),
  /** Why it was cancelled: for the officer's list and the audit trail only, never printed or in level 2. */
  cancelReason: z.string(),
  members: z.array(
    z.object({
      applicantId: Id,
      name: z.string(),
      outcome: z.enum(['pending', 'no_objection', 'objection']),
      note: z.string(),
      recordedAt: z.string().nullable(),
    }),
  ),
});
export type Publicity = z.infer<typeof Publicity>;

/**
 * content/unit/review.json in level 2 (docs/package-format.md, "Level 2: the unit"): the unit's decision,
 * opinion, per-material marks and comments — what a returned applicant reads at their fields.
 */
export const ReviewDoc = z.strictObject({
  format: z.literal('dossier.review'),
  version: z.literal(1),
  decision: z.enum(['accepted', 'returned']),
  unit: z.strictObject({ name: z.string(), creditCode: z.string() }),
  /** The unit's key fingerprint (SHA-256 of its SPKI), as printed on the opinion page. */
  unitFingerprint: Sha256,
  opinion: z.string().max(5000),
  reviewedOn: IsoDate,
  materials: z.array(MaterialReview),
  comments: z.array(ReviewComment),
});
export type ReviewDoc = z.infer<typeof ReviewDoc>;

/** content/unit/publicity.json in level 2: the publicity period and its outcome for this applicant. */
export const PublicityDoc = z.strictObject({
  format: z.literal('dossier.publicity'),
  version: z.literal(1),
  startDate: IsoDate,
  endDate: IsoDate,
  workingDays: z.number().int(),
  outcome: z.enum(['no_objection', 'objection']),
  note: z.string().max(2000),
});
export type PublicityDoc = z.infer<typeof PublicityDoc>;

/** The review an applicant received with a returned (or accepted) package, shown at the fields. */
export const ReceivedReview = z.object({
  packageId: z.string(),
  revision: z.number().int(),
  fileName: z.string(),
  review: ReviewDoc,
});
export type ReceivedReview = z.infer<typeof ReceivedReview>;

/** A batch for the city: one ZIP in <data>/batches/ with the level-2 packages and the summary sheets. */
export const BatchFile = z.object({
  fileName: z.string(),
  size: z.number().int(),
  sha256: Sha256,
  applicants: z.number().int(),
  createdAt: z.string(),
  /**
   * The file still waits in the workspace to be downloaded (browser mode, desktop save dialog); false once
   * it was handed over whole, or when it was written straight where the officer chose (CLI --out): the unit
   * keeps the record (name, size, SHA-256, who was in it), not a third copy of the packages (issue 19).
   */
  awaitingDownload: z.boolean(),
});
export type BatchFile = z.infer<typeof BatchFile>;

/**
 * What the unit's audit trail records (issue 19; migration 7, add-only): decisions that went against the
 * evidence and corrections of what was already said — each with who, when, on which revision and why.
 * One list here, so that the trail, level 2's audit.json and the summary sheet name the same actions.
 */
export const AUDIT_ACTIONS = [
  /** Accepted although the verdict was `fail` or required materials were missing (reason ≥ 10 characters). */
  'accepted-despite',
  /** Countersigned although the verdict was `fail` or required materials were missing. */
  'countersigned-despite',
  /** A planned publicity's dates or members changed before it started. */
  'publicity-edited',
  /** A planned publicity deleted before it started. */
  'publicity-deleted',
  /** A running publicity cancelled, with the reason (kept here, printed nowhere public). */
  'publicity-cancelled',
  /** A revision signed by a new applicant key accepted after the officer confirmed the person. */
  'applicant-key-accepted',
  /** A countersigned applicant put into a new batch: the earlier batch's package is replaced. */
  'batch-replacement',
  /** Reviewing desk (issue 17): an applicant's package received from a unit (detail: unit, batch, file). */
  'desk-received',
  /** Reviewing desk: a unit's newer package replaced the one held (history kept: the old file stays). */
  'desk-replaced',
  /** Reviewing desk: a status change (detail: from, to), with the reviewer's reason where one is needed. */
  'desk-status',
  /** Reviewing desk: a unit's key pinned at its first batch (detail: unit, fingerprint). */
  'desk-unit-key-pinned',
  /** Reviewing desk: a unit's changed key accepted, both fingerprints shown (detail: old, new). */
  'desk-unit-key-changed',
  /** Reviewing desk: level 3 written (detail: decision, file, deadline). */
  'desk-level-three',
  /**
   * Unit: a reviewing desk's return (level 3, 退回补正) imported; the revision's review opened again (detail:
   * desk, its key, deadline, points; reason: the points).
   */
  'desk-returned',
  /** Reviewing desk: the intermediate committee's recommendation recorded or changed (detail: before, after). */
  'desk-recommendation',
  /** Reviewing desk: passed on to the province in a committee's batch (detail: committee, batch, file). */
  'desk-passed-on',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** A written reason for a decision against the evidence: at least 10 characters once trimmed. */
export const MIN_REASON_CHARS = 10;
export const AuditReason = z
  .string()
  .trim()
  .min(MIN_REASON_CHARS, { error: `请写明理由（至少 ${MIN_REASON_CHARS} 个字）` })
  .max(2000);

export const AuditEvent = z.strictObject({
  seq: z.number().int(),
  applicantId: z.string().nullable(),
  revision: z.number().int().nullable(),
  action: AuditAction,
  reason: z.string(),
  /** Action-specific facts (the failures named, the fingerprints, the old dates…). */
  detail: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** content/unit/audit.json in level 2: the audit events of the revision that travel with the decision. */
export const AuditDoc = z.strictObject({
  format: z.literal('dossier.audit'),
  version: z.literal(1),
  events: z.array(
    z.strictObject({
      action: AuditAction,
      reason: z.string().max(5000),
      detail: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
});
export type AuditDoc = z.infer<typeof AuditDoc>;

/**
 * A reviewing desk's return of the applicant's newest revision as the unit sees it (issue 17 item 4), read
 * from the kept level-3 file (electron/core/unit/deskReturn.ts): who returned it, every point, by when.
 */
export const DeskReturnView = z.object({
  fileName: z.string(),
  revision: z.number().int(),
  desk: z.string(),
  deskFingerprint: z.string(),
  opinion: z.string(),
  comments: z.array(z.object({ target: z.string(), text: z.string() })),
  deadline: z.string().nullable(),
  reviewedOn: z.string(),
});
export type DeskReturnView = z.infer<typeof DeskReturnView>;
