// The reviewing desk's methods (issue 17): its data, receiving the units' batches, the table across units, the
// review of one applicant (资格审查), the intermediate committee's recommendation and the pass-on by committee.
// Spread into the one contract (contract.ts) and served by electron/core/desk/handlers.ts. Import the
// contract's small pieces from primitives.ts, never contract.ts (which imports this file).
import { z } from 'zod';
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
import { ApplicantId, JobId, ReviewFinding } from './primitives.js';

const IsoDay = z.string().max(20);

// ── Desk data and receiving (审查机构信息, 接收) ─────────────────────────────────────────────────────────────
const profileMethods = {} as const;

// ── The table across units (申报人一览) ─────────────────────────────────────────────────────────────────────
const tableMethods = {} as const;

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
const passOnMethods = {} as const;

export const deskMethods = {
  ...profileMethods,
  ...tableMethods,
  ...reviewMethods,
  ...passOnMethods,
} as const;
