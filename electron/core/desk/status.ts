// A change of an applicant's status at the desk (issue 17): allowed only along DESK_TRANSITIONS
// (shared/desk/pipeline.ts), written with its audit event in one transaction — neither without the other.
import { canMove, DESK_STATUS_LABELS, type DeskStatus } from '../../../shared/desk/pipeline.js';
import type { Db } from '../db.js';
import { DossierError } from '../errors.js';
import { appendAudit } from '../unit/auditRepo.js';
import { deskApplicant, putDeskApplicant } from './deskRepo.js';

export function moveStatus(
  db: Db,
  input: {
    applicantId: string;
    revision: number | null;
    to: DeskStatus;
    reason?: string;
    deadline?: string | null;
    /** Who moved it when not the reviewer: 'desk' for the desk's own rule (a deadline passed). */
    by?: 'desk';
  },
): void {
  db.transaction(() => {
    const row = deskApplicant(db, input.applicantId);
    if (!row) {
      throw new DossierError('desk_applicant_unknown', {
        zh: '本机构没有接收过此申报人。',
        en: 'This desk has not received this applicant.',
      });
    }
    if (!canMove(row.status, input.to)) throw cannotMove(row.status, input.to);
    putDeskApplicant(db, {
      ...row,
      status: input.to,
      deadline: input.deadline === undefined ? row.deadline : input.deadline,
      updated_at: new Date().toISOString(),
    });
    appendAudit(db, {
      applicantId: input.applicantId,
      revision: input.revision,
      action: 'desk-status',
      ...(input.reason ? { reason: input.reason } : {}),
      detail: {
        from: row.status,
        to: input.to,
        ...(input.deadline ? { deadline: input.deadline } : {}),
        ...(input.by ? { by: input.by } : {}),
      },
    });
  })();
}

export function cannotMove(from: DeskStatus, to: DeskStatus): DossierError {
  const [a, b] = [DESK_STATUS_LABELS[from], DESK_STATUS_LABELS[to]];
  return new DossierError('desk_status_move', {
    zh: `申报人当前状态为“${a.zh}”，不能改为“${b.zh}”。`,
    en: `The applicant is "${a.en}"; they cannot be moved to "${b.en}".`,
  });
}
