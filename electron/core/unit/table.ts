// The unit's applicant table (issue 7): one row per applicant held — who, which committee, the package and
// revision, the unit's review, the eligibility check run here with the unit's parameters (N-10: the unit
// reviews), the materials complete, the publicity (N-8) and the proofs shared with another applicant.
// A handful of queries whatever the number of applicants; the checks are kept between reads (rowFacts.ts),
// so 1,000 applicants stay quick.
import type { PublicityState, ReviewStatus, UnitApplicantRow } from '../../../shared/unit/schema.js';
import type { Db } from '../db.js';
import { DossierError } from '../errors.js';
import { localToday } from '../package/exportService.js';
import type { Workspace } from '../workspace.js';
import { findDuplicates } from './duplicates.js';
import { requireUnit } from './mode.js';
import { rowFacts } from './rowFacts.js';
import { heldPeople } from './unitRepo.js';

export function unitApplicants(w: Workspace): { rows: UnitApplicantRow[] } {
  requireUnit(w);
  return { rows: tableRows(w, null) };
}

/** One applicant's row (the review screen shows it above the archive). */
export function unitApplicantRow(w: Workspace, applicantId: string): UnitApplicantRow {
  requireUnit(w);
  const row = tableRows(w, applicantId)[0];
  if (!row) {
    throw new DossierError('not_found', {
      zh: `本工作区中没有申报人 ${applicantId}。`,
      en: `No applicant ${applicantId} in this workspace.`,
    });
  }
  return row;
}

interface Meta {
  id: string;
  package_id: string | null;
  created_at: string;
  status: ReviewStatus | null;
}

function tableRows(w: Workspace, applicantId: string | null, today: string = localToday()): UnitApplicantRow[] {
  const db = w.db;
  const metas = db
    .prepare<{ applicantId: string | null }, Meta>(
      `SELECT a.id, a.package_id, a.created_at, r.status FROM applicant a
       LEFT JOIN unit_review r ON r.applicant_id = a.id
       WHERE @applicantId IS NULL OR a.id = @applicantId ORDER BY a.created_at, a.id`,
    )
    .all({ applicantId });
  if (metas.length === 0) return [];
  const facts = rowFacts(db, applicantId, today);
  const packages = packageStates(db, applicantId);
  const publicity = publicityStates(db, applicantId, today);
  const duplicates = findDuplicates(db, applicantId);
  // One row names the others it shares a proof with: their names are read, not their archives.
  const names =
    applicantId === null
      ? new Map([...facts].map(([id, f]) => [id, f.name]))
      : new Map(heldPeople(db).map((p) => [p.applicantId, p.name]));

  return metas.map((m) => {
    const f = facts.get(m.id)!;
    const pkg = packages.get(m.id);
    return {
      applicantId: m.id,
      name: f.name,
      idNumber: f.idNumber,
      committee: f.committee,
      specialty: f.specialty,
      exceptional: f.exceptional,
      packageId: m.package_id ?? '',
      revision: pkg?.revision ?? 0,
      level: pkg?.level ?? 0,
      status: m.status ?? 'pending',
      fail: f.fail,
      review: f.review,
      materialsComplete: f.materialsComplete,
      materialsNeeded: f.materialsNeeded,
      publicity: publicity.get(m.id) ?? 'none',
      duplicates: (duplicates.get(m.id) ?? [])
        .map((d) => ({ ...d, name: names.get(d.applicantId) ?? '' }))
        .sort(
          (a, b) =>
            a.what.localeCompare(b.what) ||
            a.name.localeCompare(b.name, 'zh-CN') ||
            a.applicantId.localeCompare(b.applicantId),
        ),
      importedAt: pkg?.importedAt ?? m.created_at,
    } satisfies UnitApplicantRow;
  });
}

/**
 * Per applicant: the revision its archive is (the newest one imported), the highest level held for that
 * revision (2 once the unit countersigned or returned it) and when it came in.
 */
function packageStates(
  db: Db,
  applicantId: string | null,
): Map<string, { revision: number; level: number; importedAt: string }> {
  const rows = db
    .prepare<
      { applicantId: string | null },
      { applicant: string; revision: number; level: number; direction: string; created_at: string }
    >(
      `SELECT a.id AS applicant, p.revision, p.level, p.direction, p.created_at
       FROM applicant a JOIN package_file p ON p.package_id = a.package_id
       WHERE @applicantId IS NULL OR a.id = @applicantId
       ORDER BY p.revision, p.created_at`,
    )
    .all({ applicantId });
  const out = new Map<string, { revision: number; level: number; importedAt: string }>();
  for (const r of rows) {
    if (r.direction !== 'imported') continue;
    const known = out.get(r.applicant);
    if (!known || r.revision >= known.revision)
      out.set(r.applicant, { revision: r.revision, level: 1, importedAt: r.created_at });
  }
  for (const r of rows) {
    const known = out.get(r.applicant);
    if (known && r.revision === known.revision) known.level = Math.max(known.level, r.level);
  }
  return out;
}

/** Each applicant's latest publicity (N-8) as of today. An objection shows as soon as it is recorded. */
function publicityStates(db: Db, applicantId: string | null, today: string): Map<string, PublicityState> {
  const rows = db
    .prepare<
      { applicantId: string | null },
      { applicant_id: string; start_date: string; end_date: string; outcome: string }
    >(
      `SELECT m.applicant_id, p.start_date, p.end_date, m.outcome
       FROM publicity_member m JOIN publicity p ON p.id = m.publicity_id
       WHERE @applicantId IS NULL OR m.applicant_id = @applicantId
       ORDER BY p.start_date, p.created_at`,
    )
    .all({ applicantId });
  const out = new Map<string, PublicityState>();
  for (const r of rows) out.set(r.applicant_id, publicityState(r, today));
  return out;
}

export function publicityState(
  p: { start_date: string; end_date: string; outcome: string },
  today: string,
): PublicityState {
  if (p.outcome === 'objection') return 'objection';
  if (today < p.start_date) return 'planned';
  if (today <= p.end_date) return 'running';
  return p.outcome === 'no_objection' ? 'no_objection' : 'ended';
}
