// The intermediate committee's recommendation (中评委推荐) and the desk's acceptance (通过待报送), issue 17
// item 5 (N-9). A recommendation is checked whole (shared/desk/recommendation.ts) and written with its audit
// event in one transaction; the acceptance is a status move (status.ts) with the desk's opinion, kept for
// the level 3 the pass-on signs. An applicant already passed on (已报送) or withdrawn keeps what was recorded.
import { parseRecommendation, Recommendation } from '../../../shared/desk/recommendation.js';
import type { Db } from '../db.js';
import { DossierError } from '../errors.js';
import { appendAudit } from '../unit/auditRepo.js';
import { currentRevision } from '../unit/revisions.js';
import type { Workspace } from '../workspace.js';
import { deskApplicant, type DeskApplicantRow } from './deskRepo.js';
import { requireDeskProfile } from './profile.js';
import { moveStatus } from './status.js';

const unknownApplicant = () =>
  new DossierError('desk_applicant_unknown', {
    zh: '本机构没有接收过此申报人。',
    en: 'This desk has not received this applicant.',
  });

function heldApplicant(w: Workspace, applicantId: string): DeskApplicantRow {
  requireDeskProfile(w);
  const row = deskApplicant(w.db, applicantId);
  if (!row) throw unknownApplicant();
  return row;
}

const revisionOf = (w: Workspace, applicantId: string): number | null => {
  try {
    return currentRevision(w, applicantId);
  } catch {
    return null;
  }
};

export function recommendationOf(db: Db, applicantId: string): Recommendation | null {
  const row = db
    .prepare<{ applicantId: string }, { data: string }>(
      'SELECT data FROM desk_recommendation WHERE applicant_id = @applicantId',
    )
    .get({ applicantId });
  return row ? Recommendation.parse(JSON.parse(row.data)) : null;
}

export function getRecommendation(w: Workspace, applicantId: string): { recommendation: Recommendation | null } {
  heldApplicant(w, applicantId);
  return { recommendation: recommendationOf(w.db, applicantId) };
}

/** Records (or changes) the recommendation: refused whole, naming each field, when it does not hold. */
export function setRecommendation(w: Workspace, applicantId: string, raw: unknown): { recommendation: Recommendation } {
  const held = heldApplicant(w, applicantId);
  const parsed = parseRecommendation(raw);
  if (!parsed.ok) {
    const first = parsed.problems[0]!.message;
    throw new DossierError(
      'wrong_recommendation',
      {
        zh: `中评委推荐意见有 ${parsed.problems.length} 处不正确，未保存：${first.zh}${parsed.problems.length > 1 ? '等' : ''}。`,
        en: `The committee's recommendation has ${parsed.problems.length} problem(s) and was not saved: ${first.en}.`,
      },
      parsed.problems,
    );
  }
  if (held.status === 'submitted' || held.status === 'withdrawn') {
    throw new DossierError('desk_status_move', {
      zh: '申报人已报送或已撤回，推荐意见不能再修改。',
      en: 'The applicant was passed on or withdrawn; the recommendation can no longer change.',
    });
  }
  const value = parsed.value;
  const before = recommendationOf(w.db, applicantId);
  w.db.transaction(() => {
    w.db
      .prepare(
        `INSERT INTO desk_recommendation (applicant_id, data, recommended, updated_at)
         VALUES (@applicantId, @data, @recommended, @at)
         ON CONFLICT (applicant_id) DO UPDATE SET data = excluded.data, recommended = excluded.recommended,
           updated_at = excluded.updated_at`,
      )
      .run({
        applicantId,
        data: JSON.stringify(value),
        recommended: value.recommended ? 1 : 0,
        at: new Date().toISOString(),
      });
    appendAudit(w.db, {
      applicantId,
      revision: revisionOf(w, applicantId),
      action: 'desk-recommendation',
      detail: { before, after: value },
    });
  })();
  return { recommendation: value };
}

export function acceptanceOpinion(db: Db, applicantId: string): string | null {
  return (
    db
      .prepare<{ applicantId: string }, { opinion: string }>(
        'SELECT opinion FROM desk_acceptance WHERE applicant_id = @applicantId',
      )
      .get({ applicantId })?.opinion ?? null
  );
}

export const DEFAULT_ACCEPT_OPINION = '经审查，申报材料齐全，符合申报条件，同意推荐。';

/** 通过待报送: the desk accepts the applicant (status move checked against DESK_TRANSITIONS), with its opinion. */
export function acceptApplicant(w: Workspace, applicantId: string, opinion?: string): { opinion: string } {
  heldApplicant(w, applicantId);
  const text = (opinion ?? '').trim() || DEFAULT_ACCEPT_OPINION;
  if (text.length > 5000) {
    throw new DossierError(
      'wrong_desk_review',
      { zh: '审查意见不能超过 5000 字，未保存。', en: 'The opinion must not exceed 5000 characters; not saved.' },
      [{ path: 'opinion', message: { zh: '审查意见过长', en: 'the opinion is too long' } }],
    );
  }
  w.db.transaction(() => {
    moveStatus(w.db, { applicantId, revision: revisionOf(w, applicantId), to: 'passed', reason: text });
    w.db
      .prepare(
        `INSERT INTO desk_acceptance (applicant_id, opinion, accepted_at) VALUES (@applicantId, @text, @at)
         ON CONFLICT (applicant_id) DO UPDATE SET opinion = excluded.opinion, accepted_at = excluded.accepted_at`,
      )
      .run({ applicantId, text, at: new Date().toISOString() });
  })();
  return { opinion: text };
}
