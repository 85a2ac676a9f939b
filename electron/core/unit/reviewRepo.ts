// SQL of the unit's review of its applicants (migration 5: unit_review, material_review, review_comment):
// plain functions (db, args), named parameters. Every row carries the revision it was made on; what belongs
// to an older revision is history (a newer revision starts pending, unmarked and without comments). Migration 9:
// return_check, the officer's ticks on a return's comments, made on the corrected revision.
import type {
  CommentTarget,
  MaterialDecision,
  ReturnCheckState,
  ReviewComment,
  ReviewStatus,
} from '../../../shared/unit/schema.js';
import { CommentTarget as CommentTargetSchema } from '../../../shared/unit/schema.js';
import type { MaterialId } from '../../../shared/materials/requirements.js';
import type { Db } from '../db.js';

interface UnitReviewRow {
  status: ReviewStatus;
  opinion: string;
  revision: number;
}

export interface ReviewState {
  /** The status on `revision`: pending when none was decided on it (a newer revision came in). */
  status: ReviewStatus;
  opinion: string;
}

/**
 * The review of the given (current) revision. A newer revision starts with an empty opinion (unitRepo.ts
 * resetUnitReview): the opinion of a 退回 stays in its returned package, and must not end up, unread, on the
 * opinion page of an acceptance.
 */
export function reviewState(db: Db, applicantId: string, revision: number): ReviewState {
  const row = db
    .prepare<{ applicantId: string }, UnitReviewRow>(
      'SELECT status, opinion, revision FROM unit_review WHERE applicant_id = @applicantId',
    )
    .get({ applicantId });
  if (!row) return { status: 'pending', opinion: '' };
  return { status: row.revision === revision ? row.status : 'pending', opinion: row.opinion };
}

export function putStatus(db: Db, applicantId: string, revision: number, status: ReviewStatus): void {
  db.prepare(
    `INSERT INTO unit_review (applicant_id, status, opinion, revision, updated_at)
     VALUES (@applicantId, @status, '', @revision, @now)
     ON CONFLICT (applicant_id) DO UPDATE SET status = excluded.status, revision = excluded.revision,
       updated_at = excluded.updated_at`,
  ).run({ applicantId, status, revision, now: new Date().toISOString() });
}

/** Saves the opinion; a row made for it starts pending on `revision`, an existing row keeps its status. */
export function putOpinion(db: Db, applicantId: string, revision: number, opinion: string): void {
  db.prepare(
    `INSERT INTO unit_review (applicant_id, status, opinion, revision, updated_at)
     VALUES (@applicantId, 'pending', @opinion, @revision, @now)
     ON CONFLICT (applicant_id) DO UPDATE SET opinion = excluded.opinion, updated_at = excluded.updated_at`,
  ).run({ applicantId, opinion, revision, now: new Date().toISOString() });
}

/** The marks made on `revision`, by material. */
export function materialMarks(db: Db, applicantId: string, revision: number): Map<MaterialId, MaterialDecision> {
  const rows = db
    .prepare<{ applicantId: string; revision: number }, { material: MaterialId; decision: MaterialDecision }>(
      `SELECT material, decision FROM material_review WHERE applicant_id = @applicantId AND revision = @revision`,
    )
    .all({ applicantId, revision });
  return new Map(rows.map((r) => [r.material, r.decision]));
}

/** Marks a material on `revision` (replacing a mark of an older one); null removes the mark. */
export function putMark(
  db: Db,
  applicantId: string,
  revision: number,
  material: MaterialId,
  decision: MaterialDecision | null,
): void {
  if (decision === null) {
    db.prepare('DELETE FROM material_review WHERE applicant_id = @applicantId AND material = @material').run({
      applicantId,
      material,
    });
    return;
  }
  db.prepare(
    `INSERT INTO material_review (applicant_id, material, decision, revision, updated_at)
     VALUES (@applicantId, @material, @decision, @revision, @now)
     ON CONFLICT (applicant_id, material) DO UPDATE SET decision = excluded.decision,
       revision = excluded.revision, updated_at = excluded.updated_at`,
  ).run({ applicantId, material, decision, revision, now: new Date().toISOString() });
}

interface CommentRow {
  id: string;
  revision: number;
  material: string;
  target: string;
  text: string;
  created_at: string;
}

export interface StoredComment extends ReviewComment {
  revision: number;
}

function toComment(row: CommentRow): StoredComment {
  return {
    id: row.id,
    revision: row.revision,
    material: row.material as ReviewComment['material'],
    // Written by insertComment from a checked target; parsed so that a changed row is not passed on as is.
    target: CommentTargetSchema.parse(JSON.parse(row.target)),
    text: row.text,
    createdAt: row.created_at,
  };
}

/** Comments in the order they were made; only those of `revision` when given. */
export function listComments(db: Db, applicantId: string, revision?: number): StoredComment[] {
  const rows = db
    .prepare<{ applicantId: string; revision: number | null }, CommentRow>(
      `SELECT id, revision, material, target, text, created_at FROM review_comment
       WHERE applicant_id = @applicantId AND (@revision IS NULL OR revision = @revision)
       ORDER BY revision, created_at, rowid`,
    )
    .all({ applicantId, revision: revision ?? null });
  return rows.map(toComment);
}

export function findComment(db: Db, applicantId: string, id: string): StoredComment | undefined {
  const row = db
    .prepare<{ applicantId: string; id: string }, CommentRow>(
      `SELECT id, revision, material, target, text, created_at FROM review_comment
       WHERE applicant_id = @applicantId AND id = @id`,
    )
    .get({ applicantId, id });
  return row ? toComment(row) : undefined;
}

export function insertComment(
  db: Db,
  applicantId: string,
  comment: { id: string; revision: number; material: string; target: CommentTarget; text: string; createdAt: string },
): void {
  db.prepare(
    `INSERT INTO review_comment (id, applicant_id, revision, material, target, text, created_at)
     VALUES (@id, @applicantId, @revision, @material, @target, @text, @createdAt)`,
  ).run({ ...comment, applicantId, target: JSON.stringify(comment.target) });
}

export function deleteCommentRow(db: Db, id: string): void {
  db.prepare('DELETE FROM review_comment WHERE id = @id').run({ id });
}

export interface ReturnCheck {
  state: ReturnCheckState;
  checkedAt: string;
}

/** The ticks made on `revision` (the corrected one) on the comments of the return it answers, by comment id. */
export function returnChecks(db: Db, applicantId: string, revision: number): Map<string, ReturnCheck> {
  const rows = db
    .prepare<
      { applicantId: string; revision: number },
      { comment_id: string; state: ReturnCheckState; checked_at: string }
    >(
      `SELECT comment_id, state, checked_at FROM return_check
       WHERE applicant_id = @applicantId AND revision = @revision`,
    )
    .all({ applicantId, revision });
  return new Map(rows.map((r) => [r.comment_id, { state: r.state, checkedAt: r.checked_at }]));
}

/** Ticks a comment on `revision` (replacing an earlier tick); null removes the tick. */
export function putReturnCheck(
  db: Db,
  applicantId: string,
  revision: number,
  commentId: string,
  state: ReturnCheckState | null,
  checkedAt: string,
): void {
  if (state === null) {
    db.prepare(
      `DELETE FROM return_check WHERE applicant_id = @applicantId AND revision = @revision AND comment_id = @commentId`,
    ).run({ applicantId, revision, commentId });
    return;
  }
  db.prepare(
    `INSERT INTO return_check (applicant_id, revision, comment_id, state, checked_at)
     VALUES (@applicantId, @revision, @commentId, @state, @checkedAt)
     ON CONFLICT (applicant_id, revision, comment_id) DO UPDATE SET state = excluded.state,
       checked_at = excluded.checked_at`,
  ).run({ applicantId, revision, commentId, state, checkedAt });
}
