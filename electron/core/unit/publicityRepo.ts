// SQL of the unit's publicity (N-8; migration 5: publicity, publicity_member): plain functions (db, args),
// named parameters. The applicant's name is read from the archive's profile section as it is now.
import type { Publicity } from '../../../shared/unit/schema.js';
import type { Db } from '../db.js';

export type Outcome = Publicity['members'][number]['outcome'];

interface PublicityRow {
  id: string;
  start_date: string;
  end_date: string;
  working_days: number;
  created_at: string;
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
const NEWEST_FIRST = 'ORDER BY p.start_date DESC, p.created_at DESC';

/** An applicant's publicities, the newest period first. */
export function membershipsOf(db: Db, applicantId: string): Membership[] {
  return db
    .prepare<{ applicantId: string }, Membership>(
      `${MEMBERSHIP_SQL} WHERE m.applicant_id = @applicantId ${NEWEST_FIRST}`,
    )
    .all({ applicantId });
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
