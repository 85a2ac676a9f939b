// The reviewing desk's methods (issue 17): its data, receiving the units' batches, the table across units, the
// review of one applicant (资格审查), the intermediate committee's recommendation and the pass-on by committee.
// Spread into the one contract (contract.ts) and served by electron/core/desk/handlers.ts. Import the
// contract's small pieces from primitives.ts, never contract.ts (which imports this file).
import { z } from 'zod';
import { DeskBatch, DeskProfile } from '../desk/schema.js';
import { PassOnCommittee, PassOnPlan } from '../desk/passOn.js';
import { Recommendation } from '../desk/recommendation.js';
import { DeskApplicantsTable } from '../desk/table.js';
import { BatchFile } from '../unit/schema.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
import { DESK_STATUSES } from '../desk/pipeline.js';
import { ConditionId, DESK_CHECK_NOTE_MAX, DeskCheckResult, DeskCheckRow } from '../desk/review.js';
import { DeskComment } from '../desk/schema.js';
import { PostInfo } from '../forms/postInfo.js';
import {
  ArchiveChange,
  AttachmentChange,
  AuditEvent,
  AddCommentInput,
  DeleteCommentInput,
  PublicityDoc,
  ReviewComment,
  ReviewDoc,
  RevisionInfo,
} from '../unit/schema.js';
import { VERDICTS } from '../rules/types.js';
import { ApplicantId, Issue, JobId, Passphrase, ReviewFinding, UploadId } from './primitives.js';

const IsoDay = z.string().max(20);

// ── Desk data and receiving (审查机构信息, 接收) ─────────────────────────────────────────────────────────────
/** A unit key's fingerprint as read off the unit's paper: 64 hex digits, spaces and case as printed. */
const Fingerprint = z
  .string()
  .max(200)
  .transform((s) => s.replace(/\s+/g, '').toLowerCase())
  .pipe(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/, { message: '密钥指纹应为 64 位十六进制数字 / a key fingerprint is 64 hex digits' }),
  );

const profileMethods = {
  /** The desk's data (null before it is saved), what is missing, and its own key's fingerprint (or null). */
  'desk:get': {
    input: z.strictObject({}),
    output: z.object({ profile: DeskProfile.nullable(), problems: z.array(Issue), fingerprint: z.string().nullable() }),
  },
  /** Saved whole or refused naming the field; an empty workspace becomes a desk's. Returns what is missing. */
  'desk:set': { input: z.strictObject({ profile: DeskProfile }), output: z.object({ problems: z.array(Issue) }) },
  /**
   * Batch files (.zip) and loose packages (.zcpkg) handed over (POST /api/package, or picked on the desktop):
   * one receive job, a result per applicant (job status deskImport). expectFingerprint: the unit key the
   * officer checked on the unit's paper — a first pin, or the confirm of a changed key (both shown).
   */
  'desk:import': {
    input: z.strictObject({ uploadIds: z.array(UploadId).min(1).max(2000), expectFingerprint: Fingerprint.optional() }),
    output: z.object({ jobId: JobId }),
  },
  /** Desktop and CLI: every batch and package of a folder (a USB stick), not recursing; refused over HTTP. */
  'desk:importFolder': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: z.object({ jobId: JobId }),
  },
  /** The batches received, newest first. */
  'desk:batches': { input: z.strictObject({}), output: z.object({ batches: z.array(DeskBatch) }) },
} as const;

// ── The table across units (申报人一览) ─────────────────────────────────────────────────────────────────────
const tableMethods = {
  /** Every applicant held, one row each (shared/desk/table.ts); marks overdue returns 逾期视为放弃 first. */
  'desk:applicants': { input: z.strictObject({}), output: DeskApplicantsTable },
} as const;

// ── One applicant's review (审查: checklist, comments, return, not recommended, lapse) ────────────────────────
const reviewMethods = {
  /**
   * One applicant as the desk reviews it: who, from which unit, where they stand; the findings recomputed
   * here; the unit's review, publicity (N-8) and F-4 (N-14) from level 2; the desk's checklist (each row
   * with the findings' suggestion), its comments, what a return would send, and the audit trail. Opening an
   * applicant who waits (待审查, 已补正待复核) starts the review (审查中, an audit event).
   */
  'desk:review': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({
      applicant: z.object({
        applicantId: ApplicantId,
        name: z.string(),
        idNumber: z.string(),
        specialty: z.string(),
        packageId: z.string(),
        revision: z.number().int(),
        unitName: z.string(),
        unitFingerprint: z.string(),
        status: z.enum(DESK_STATUSES),
        deadline: z.string().nullable(),
      }),
      verdict: z.enum(VERDICTS),
      counts: z.object({ fail: z.number().int(), toJudge: z.number().int() }),
      findings: z.array(ReviewFinding),
      revisions: z.array(RevisionInfo),
      changes: z.array(ArchiveChange),
      attachmentChanges: z.array(AttachmentChange),
      unitReview: ReviewDoc.nullable(),
      publicity: PublicityDoc.nullable(),
      postInfo: PostInfo.nullable(),
      checklist: z.array(DeskCheckRow),
      comments: z.array(ReviewComment),
      /** Every point a return would send now, in order (the desk's comments, then the checklist's). */
      returnPoints: z.array(DeskComment),
      audit: z.array(AuditEvent),
    }),
  },
  /** Saves the reviewer's result and note on one condition (null clears it back to the suggestion). */
  'desk:setCheck': {
    input: z.strictObject({
      applicantId: ApplicantId,
      conditionId: ConditionId,
      result: DeskCheckResult.nullable(),
      note: z.string().max(DESK_CHECK_NOTE_MAX),
    }),
    output: z.object({ row: DeskCheckRow }),
  },
  'desk:addComment': {
    input: AddCommentInput,
    output: z.object({ comment: ReviewComment }),
  },
  'desk:deleteComment': {
    input: DeleteCommentInput,
    output: z.strictObject({}),
  },
  /**
   * 审查中 (start), 不予推荐 and 撤回 (a reason each), and 逾期视为放弃 reversed back to 退回补正 (a reason,
   * optionally a new deadline). Checked against DESK_TRANSITIONS; every move is in the audit trail.
   */
  'desk:setStatus': {
    input: z.strictObject({
      applicantId: ApplicantId,
      to: z.enum(['in_review', 'not_recommended', 'withdrawn', 'returned']),
      reason: z.string().max(2000).optional(),
      deadline: IsoDay.optional(),
    }),
    output: z.object({ status: z.enum(DESK_STATUSES), deadline: z.string().nullable() }),
  },
  /**
   * 退回补正: level 3 (decision "returned") with every point at once and the correction deadline, signed
   * with the desk's key, written in a job; its result is the package file to hand to the unit.
   */
  'desk:return': {
    input: z.strictObject({
      applicantId: ApplicantId,
      deadline: IsoDay,
      opinion: z.string().max(5000).optional(),
      passphrase: z.string().min(8).max(1024).optional(),
    }),
    output: z.object({ jobId: JobId }),
  },
} as const;

// ── The intermediate committee's recommendation and the pass-on by committee (推荐, 报送) ──────────────────
const passOnMethods = {
  'desk:recommendation': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({ recommendation: Recommendation.nullable() }),
  },
  /** Checked by the service, whole, each problem at its field (recommendationProblems): any object comes in. */
  'desk:setRecommendation': {
    input: z.strictObject({ applicantId: ApplicantId, recommendation: z.record(z.string(), z.unknown()) }),
    output: z.object({ recommendation: Recommendation }),
  },
  /** 通过待报送, with the desk's opinion (printed in level 3); refused when the status does not allow it. */
  'desk:accept': {
    input: z.strictObject({ applicantId: ApplicantId, opinion: z.string().max(5000).optional() }),
    output: z.object({ opinion: z.string() }),
  },
  /** The rule pack's committees (附件1) with how many applicants each has and how many would go now. */
  'desk:committees': { input: z.strictObject({}), output: z.object({ committees: z.array(PassOnCommittee) }) },
  /** Who of a committee would go, who is held back and why; the publicity window from the start day (N-8). */
  'desk:passOnPlan': {
    input: z.strictObject({ committee: z.string().max(64), startDate: IsoDate.optional() }),
    output: PassOnPlan,
  },
  /** The pass-on (a job: progress, cancel; its result is the batch, downloadable at /batches/<name>). */
  'desk:submit': {
    input: z.strictObject({
      committee: z.string().max(64),
      startDate: IsoDate.optional(),
      passphrase: Passphrase.optional(),
    }),
    output: z.object({ jobId: JobId }),
  },
  /** The batches written here, newest first; those still waiting can be downloaded. */
  'desk:passOnBatches': { input: z.strictObject({}), output: z.object({ batches: z.array(BatchFile) }) },
} as const;

export const deskMethods = {
  ...profileMethods,
  ...tableMethods,
  ...reviewMethods,
  ...passOnMethods,
} as const;
