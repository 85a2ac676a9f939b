// The reviewing desk's table across units (issue 17 item 3, shared/desk/table.ts): one row per applicant the
// desk holds. The facts of each archive — the verdict checked with THIS desk's rule-pack parameters and the
// unit's publicity dates (N-8, N-10), the materials, the career facts — come from the unit's own row facts
// (unit/rowFacts.ts), kept per applicant between reads, so 5,000 applicants read quickly after the first
// time. The rest is a handful of queries whatever the number of applicants. Reading the table also marks
// each applicant returned for correction whose deadline has passed as 逾期视为放弃 (an audited status move).
import { countWorkingDays } from '../../../shared/calendar/workingDays.js';
import { normalizeIdNumber } from '../../../shared/checks/idNumber.js';
import type { CommitteeId } from '../../../shared/archive/committees.js';
import { matchSpecialty } from '../../../shared/archive/specialties.js';
import { WAITS_AT } from '../../../shared/desk/pipeline.js';
import {
  channelOf,
  type CommitteeFlag,
  type DeskApplicantRow,
  type DeskApplicantsTable,
  type DeskDuplicateKind,
} from '../../../shared/desk/table.js';
import { localToday } from '../clock.js';
import type { Db } from '../db.js';
import { getParams } from '../rulesService.js';
import { findDuplicates } from '../unit/duplicates.js';
import { requireDesk } from '../unit/mode.js';
import { rowFacts } from '../unit/rowFacts.js';
import type { Workspace } from '../workspace.js';
import { unitPublicities } from './deskRepo.js';
import { moveStatus } from './status.js';

export function deskApplicants(w: Workspace, today: string = localToday()): DeskApplicantsTable {
  requireDesk(w);
  lapseOverdue(w.db, today);
  const db = w.db;
  const params = getParams(db);
  const held = db
    .prepare<
      [],
      {
        applicant_id: string;
        unit_name: string;
        status: DeskApplicantRow['status'];
        deadline: string | null;
        unit: string | null;
        application: string | null;
      }
    >(
      `SELECT d.applicant_id, d.unit_name, d.status, d.deadline, u.data AS unit, a.data AS application
       FROM desk_applicant d
       LEFT JOIN section u ON u.applicant_id = d.applicant_id AND u.name = 'unit'
       LEFT JOIN section a ON a.applicant_id = d.applicant_id AND a.name = 'application'
       ORDER BY d.unit_name, d.applicant_id`,
    )
    .all();
  if (held.length === 0) return { rows: [], today, asOfDate: params.asOfDate };

  const publicity = unitPublicities(db);
  // Each applicant is checked with the dates of the unit's publicity (as the unit checked them itself).
  const periods = new Map(
    [...publicity].map(([id, p]) => [id, { startDate: p.start_date, endDate: p.end_date }] as const),
  );
  const facts = rowFacts(db, null, today, periods);
  const packages = packageStates(db);
  const returns = returnsOf(db);
  const unitOf = new Map(held.map((h) => [h.applicant_id, h.unit_name]));
  const duplicates = deskDuplicates(db, facts);

  const rows = held.flatMap((h): DeskApplicantRow[] => {
    const f = facts.get(h.applicant_id);
    if (!f) return [];
    const unit = h.unit ? (JSON.parse(h.unit) as { competentDepartment?: string; personnelAgency?: string }) : {};
    const application = h.application ? (JSON.parse(h.application) as { titleApplied?: string }) : {};
    const p = publicity.get(h.applicant_id);
    const days = p ? countWorkingDays(p.start_date, p.end_date, params.publicityStartCounts) : null;
    const match = committeeOf(f.specialty, f.committee);
    const ret = returns.get(h.applicant_id);
    const pkg = packages.get(h.applicant_id);
    return [
      {
        applicantId: h.applicant_id,
        name: f.name,
        idNumber: f.idNumber,
        unitName: h.unit_name,
        channel: channelOf({
          competentDepartment: unit.competentDepartment ?? '',
          personnelAgency: unit.personnelAgency ?? '',
        }),
        specialty: f.specialty,
        titleApplied: application.titleApplied ?? '',
        exceptional: f.exceptional,
        committee: f.committee as DeskApplicantRow['committee'],
        specialtyCommittees: match.committees,
        committeeFlag: match.flag,
        ...f.career,
        verdict: f.verdict,
        counts: f.counts,
        points: f.points.map(({ findingId, status, message }) => ({ findingId, status, message })),
        materials: { needed: f.materials.needed, complete: f.materials.complete },
        publicity: p
          ? {
              startDate: p.start_date,
              endDate: p.end_date,
              workingDays: days?.ok ? days.days : null,
              outcome: p.outcome === 'objection' ? 'objection' : 'no_objection',
            }
          : null,
        status: h.status,
        waitsAt: WAITS_AT[h.status],
        deadline: h.deadline,
        returns: ret?.count ?? 0,
        lastReason: ret?.reason ?? '',
        revision: pkg?.revision ?? 0,
        receivedAt: pkg?.receivedAt ?? '',
        duplicates: (duplicates.get(h.applicant_id) ?? [])
          .map((d) => ({
            applicantId: d.applicantId,
            name: facts.get(d.applicantId)?.name ?? '',
            unitName: unitOf.get(d.applicantId) ?? '',
            what: d.what,
          }))
          .sort(
            (a, b) =>
              a.what.localeCompare(b.what) ||
              a.unitName.localeCompare(b.unitName, 'zh-CN') ||
              a.name.localeCompare(b.name, 'zh-CN') ||
              a.applicantId.localeCompare(b.applicantId),
          ),
      },
    ];
  });
  return { rows, today, asOfDate: params.asOfDate };
}

/**
 * 退回补正 past its correction deadline becomes 逾期视为放弃 (issue 17), each an audited status move by the
 * desk with the reason. Idempotent: a lapsed applicant is no longer 退回补正, so a second read moves nobody.
 * The deadline day itself still counts as in time.
 */
export function lapseOverdue(db: Db, today: string): string[] {
  const overdue = db
    .prepare<{ today: string }, { applicant_id: string; deadline: string; revision: number | null }>(
      `SELECT d.applicant_id, d.deadline,
              (SELECT max(p.revision) FROM package_file p WHERE p.applicant_id = d.applicant_id) AS revision
       FROM desk_applicant d
       WHERE d.status = 'returned' AND d.deadline IS NOT NULL AND d.deadline < @today`,
    )
    .all({ today });
  for (const o of overdue) {
    moveStatus(db, {
      applicantId: o.applicant_id,
      revision: o.revision,
      to: 'lapsed',
      reason: `补正截止日期 ${o.deadline} 已过（${today}），逾期视为放弃。Correction deadline ${o.deadline} passed (${today}): lapsed.`,
      by: 'desk',
    });
  }
  return overdue.map((o) => o.applicant_id);
}

/** The committee filed against the committees the specialty's words name. */
function committeeOf(specialty: string, filed: string): { committees: CommitteeId[]; flag: CommitteeFlag } {
  const match = matchSpecialty(specialty);
  const committees = match.kind === 'in' ? match.committees : [];
  let flag: CommitteeFlag;
  if (filed === '') flag = 'none';
  else if (match.kind === 'in') flag = committees.includes(filed as CommitteeId) ? 'ok' : 'elsewhere';
  else if (match.kind === 'outside') flag = 'outside';
  else flag = 'unclear';
  return { committees, flag };
}

/** Per applicant: the newest revision received and when it came in. */
function packageStates(db: Db): Map<string, { revision: number; receivedAt: string }> {
  const rows = db
    .prepare<[], { applicant_id: string; revision: number; created_at: string }>(
      `SELECT applicant_id, revision, max(created_at) AS created_at FROM package_file
       WHERE direction = 'imported' AND applicant_id IS NOT NULL
         AND revision = (SELECT max(q.revision) FROM package_file q
                         WHERE q.applicant_id = package_file.applicant_id AND q.direction = 'imported')
       GROUP BY applicant_id, revision`,
    )
    .all();
  return new Map(rows.map((r) => [r.applicant_id, { revision: r.revision, receivedAt: r.created_at }]));
}

/** Per applicant: the returns (level 3 with decision `returned`, audit desk-level-three) and the last reason. */
function returnsOf(db: Db): Map<string, { count: number; reason: string }> {
  const rows = db
    .prepare<[], { applicant_id: string; reason: string }>(
      `SELECT applicant_id, reason FROM audit_event
       WHERE action = 'desk-level-three' AND applicant_id IS NOT NULL
         AND json_extract(detail, '$.decision') = 'returned'
       ORDER BY seq`,
    )
    .all();
  const out = new Map<string, { count: number; reason: string }>();
  for (const r of rows) out.set(r.applicant_id, { count: (out.get(r.applicant_id)?.count ?? 0) + 1, reason: r.reason });
  return out;
}

/**
 * The unit's duplicates (same scan, same paper: unit/duplicates.ts) over the whole desk — so across units —
 * and the same ID number held twice (receiving refuses a second package of one person; a desk that holds
 * one anyway, written differently before, still shows it).
 */
function deskDuplicates(
  db: Db,
  facts: ReadonlyMap<string, { idNumber: string }>,
): Map<string, { applicantId: string; what: DeskDuplicateKind }[]> {
  const out = new Map<string, { applicantId: string; what: DeskDuplicateKind }[]>(findDuplicates(db));
  const byId = new Map<string, string[]>();
  for (const [id, f] of facts) {
    const key = normalizeIdNumber(f.idNumber);
    if (key) byId.set(key, [...(byId.get(key) ?? []), id]);
  }
  for (const ids of byId.values()) {
    if (ids.length < 2) continue;
    for (const a of ids) {
      const mine = [...(out.get(a) ?? [])];
      for (const b of ids) if (a !== b) mine.push({ applicantId: b, what: 'person' });
      out.set(a, mine);
    }
  }
  return out;
}
