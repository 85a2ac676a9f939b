// The unit's audit trail (issue 19, migration 7): add-only rows of who did what, when, on which revision and
// why. Written inside the same transaction as the decision it explains, so that neither exists without the
// other; read back for the review page, level 2 (content/unit/audit.json) and the summary sheet.
import os from 'node:os';
import { AuditEvent, type AuditAction } from '../../../shared/unit/schema.js';
import type { Db } from '../db.js';

export interface NewAuditEvent {
  applicantId: string | null;
  revision: number | null;
  action: AuditAction;
  reason?: string;
  detail?: Record<string, unknown>;
}

/** The OS account that ran the app: the officer, as far as an offline desktop app can know. */
function actor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

export function appendAudit(db: Db, event: NewAuditEvent): AuditEvent {
  const at = new Date().toISOString();
  const row = {
    applicantId: event.applicantId,
    revision: event.revision,
    action: event.action,
    reason: (event.reason ?? '').trim(),
    detail: JSON.stringify(event.detail ?? {}),
    actor: actor(),
    at,
  };
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO audit_event (applicant_id, revision, action, reason, detail, actor, at)
       VALUES (@applicantId, @revision, @action, @reason, @detail, @actor, @at)`,
    )
    .run(row);
  return { ...row, seq: Number(lastInsertRowid), detail: event.detail ?? {} };
}

interface AuditRow {
  seq: number;
  applicant_id: string | null;
  revision: number | null;
  action: string;
  reason: string;
  detail: string;
  at: string;
}

/** The trail, oldest first: of one applicant (and optionally one revision), or of the whole unit. */
export function listAudit(db: Db, filter: { applicantId?: string; revision?: number } = {}): AuditEvent[] {
  const rows = db
    .prepare<{ applicantId: string | null; revision: number | null }, AuditRow>(
      `SELECT seq, applicant_id, revision, action, reason, detail, at FROM audit_event
       WHERE (@applicantId IS NULL OR applicant_id = @applicantId) AND (@revision IS NULL OR revision = @revision)
       ORDER BY seq`,
    )
    .all({ applicantId: filter.applicantId ?? null, revision: filter.revision ?? null });
  // Parsed so that a row changed behind the app's back is not passed on as is.
  return rows.map((r) =>
    AuditEvent.parse({
      seq: r.seq,
      applicantId: r.applicant_id,
      revision: r.revision,
      action: r.action,
      reason: r.reason,
      detail: JSON.parse(r.detail) as unknown,
      at: r.at,
    }),
  );
}
