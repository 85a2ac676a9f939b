// SQL of the unit's publicity (N-8; migration 5: publicity, publicity_member): plain functions (db, args),
// named parameters. The applicant's name is read from the archive's profile section as it is now.
// A cancelled publicity (migration 8, issue 19) stays listed but counts for nothing: the memberships the
// checks, the table's states and the rules' dates read (liveMemberships) leave it out.
import type { Publicity } from '../../../shared/unit/schema.js';
import type { Db } from '../db.js';

export type Outcome = Publicity['members'][number]['outcome'];

interface PublicityRow {
  id: string;
  start_date: string;
  end_date: string;
  working_days: number;
  created_at: string;
  cancelled_at: string | null;
  cancel_reason: string;
}

interface MemberRow {
  publicity_id: string;
  applicant_id: string;
  name: string | null;
  outcome: Outcome;
  note: string;
  recorded_at: string | null;
}

/** One applicant's place in one publicity, with the period (what the checks of publicize and submit read). */
export interface Membership {
  publicityId: string;
  applicantId: string;
  startDate: string;
  endDate: string;
  workingDays: number;
  outcome: Outcome;
  note: string;
  recordedAt: string | null;
  createdAt: string;
}

const MEMBER_SQL = `SELECT m.publicity_id, m.applicant_id, m.outcome, m.note, m.recorded_at,
    json_extract(s.data, '$.name') AS name
  FROM publicity_member m
  LEFT JOIN section s ON s.applicant_id = m.applicant_id AND s.name = 'profile'`;

function toPublicity(p: PublicityRow, members: MemberRow[]): Publicity {
  return {
    id: p.id,
    startDate: p.start_date,
    endDate: p.end_date,
    workingDays: p.working_days,
    createdAt: p.created_at,
    cancelledAt: p.cancelled_at,
    cancelReason: p.cancel_reason,
    members: members
      .map((m) => ({
        applicantId: m.applicant_id,
        name: m.name ?? '',
        outcome: m.outcome,
        note: m.note,
        recordedAt: m.recorded_at,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.applicantId.localeCompare(b.applicantId)),
  };
}

export function insertPublicity(
  db: Db,
  p: { id: string; startDate: string; endDate: string; workingDays: number; createdAt: string },
  applicantIds: string[],
): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO publicity (id, start_date, end_date, working_days, created_at)
       VALUES (@id, @startDate, @endDate, @workingDays, @createdAt)`,
    ).run(p);
    const member = db.prepare(
      `INSERT INTO publicity_member (publicity_id, applicant_id, outcome, note, recorded_at)
       VALUES (@publicityId, @applicantId, 'pending', '', NULL)`,
    );
    for (const applicantId of applicantIds) member.run({ publicityId: p.id, applicantId });
  })();
}

export function getPublicity(db: Db, id: string): Publicity | null {
  const p = db.prepare<{ id: string }, PublicityRow>('SELECT * FROM publicity WHERE id = @id').get({ id });
  if (!p) return null;
  const members = db.prepare<{ id: string }, MemberRow>(`${MEMBER_SQL} WHERE m.publicity_id = @id`).all({ id });
  return toPublicity(p, members);
}

/** Every publicity, newest period first (then the latest made). */
export function allPublicities(db: Db): Publicity[] {
  const rows = db
    .prepare<[], PublicityRow>('SELECT * FROM publicity ORDER BY start_date DESC, created_at DESC, id')
    .all();
  const members = new Map<string, MemberRow[]>();
  for (const m of db.prepare<[], MemberRow>(MEMBER_SQL).all()) {
    const list = members.get(m.publicity_id) ?? [];
    list.push(m);
    members.set(m.publicity_id, list);
  }
  return rows.map((p) => toPublicity(p, members.get(p.id) ?? []));
}

const MEMBERSHIP_SQL = `SELECT m.publicity_id AS publicityId, m.applicant_id AS applicantId, p.start_date AS startDate,
    p.end_date AS endDate, p.working_days AS workingDays, m.outcome, m.note, m.recorded_at AS recordedAt,
    p.created_at AS createdAt
  FROM publicity_member m JOIN publicity p ON p.id = m.publicity_id`;
const NEWEST_FIRST = 'ORDER BY p.start_date DESC, p.created_at DESC, p.id';

/**
 * The memberships that count — of publicities not cancelled — of one applicant or (null) of all, the newest
 * period first: what overlaps, the countersignature, the table's states and the rules' dates read.
 */
export function liveMemberships(db: Db, applicantId: string | null): Membership[] {
  return db
    .prepare<{ applicantId: string | null }, Membership>(
      `${MEMBERSHIP_SQL} WHERE p.cancelled_at IS NULL AND (@applicantId IS NULL OR m.applicant_id = @applicantId)
       ${NEWEST_FIRST}`,
    )
    .all({ applicantId });
}

/** An applicant's publicities that count (not cancelled), the newest period first. */
export const membershipsOf = (db: Db, applicantId: string): Membership[] => liveMemberships(db, applicantId);

/** Each applicant's newest publicity that counts, by applicant id (of one applicant, or of all with null). */
export function newestMemberships(db: Db, applicantId: string | null): Map<string, Membership> {
  const out = new Map<string, Membership>();
  for (const m of liveMemberships(db, applicantId)) if (!out.has(m.applicantId)) out.set(m.applicantId, m);
  return out;
}

export function membership(db: Db, publicityId: string, applicantId: string): Membership | undefined {
  return db
    .prepare<{ publicityId: string; applicantId: string }, Membership>(
      `${MEMBERSHIP_SQL} WHERE m.publicity_id = @publicityId AND m.applicant_id = @applicantId`,
    )
    .get({ publicityId, applicantId });
}

export function setOutcome(
  db: Db,
  r: { publicityId: string; applicantId: string; outcome: Outcome; note: string; recordedAt: string | null },
): void {
  db.prepare(
    `UPDATE publicity_member SET outcome = @outcome, note = @note, recorded_at = @recordedAt
     WHERE publicity_id = @publicityId AND applicant_id = @applicantId`,
  ).run(r);
}

/**
 * A planned publicity re-planned (issue 19): new dates, and the members as given — those kept keep their
 * row, those dropped go, those added start pending. The caller appends the audit event in `also`, inside
 * the same transaction.
 */
export function replanPublicity(
  db: Db,
  p: { id: string; startDate: string; endDate: string; workingDays: number },
  applicantIds: readonly string[],
  also: () => void,
): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE publicity SET start_date = @startDate, end_date = @endDate, working_days = @workingDays WHERE id = @id`,
    ).run(p);
    const keep = new Set(applicantIds);
    const held = db
      .prepare<{ id: string }, { applicant_id: string }>(
        'SELECT applicant_id FROM publicity_member WHERE publicity_id = @id',
      )
      .all({ id: p.id })
      .map((r) => r.applicant_id);
    const drop = db.prepare('DELETE FROM publicity_member WHERE publicity_id = @id AND applicant_id = @applicantId');
    for (const applicantId of held) if (!keep.has(applicantId)) drop.run({ id: p.id, applicantId });
    const add = db.prepare(
      `INSERT OR IGNORE INTO publicity_member (publicity_id, applicant_id, outcome, note, recorded_at)
       VALUES (@id, @applicantId, 'pending', '', NULL)`,
    );
    for (const applicantId of keep) add.run({ id: p.id, applicantId });
    also();
  })();
}

/** A planned publicity removed with its members (migration 5 cascades); `also` appends the audit event. */
export function removePublicity(db: Db, id: string, also: () => void): void {
  db.transaction(() => {
    db.prepare('DELETE FROM publicity WHERE id = @id').run({ id });
    also();
  })();
}

/** A publicity marked cancelled, with when and why; `also` appends the audit event in the same transaction. */
export function markCancelled(db: Db, r: { id: string; at: string; reason: string }, also: () => void): void {
  db.transaction(() => {
    db.prepare(`UPDATE publicity SET cancelled_at = @at, cancel_reason = @reason WHERE id = @id`).run(r);
    also();
  })();
}
