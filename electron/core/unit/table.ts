// The unit's applicant table (issue 7): one row per applicant held — who, which committee, the package and
// revision, the unit's review, the eligibility check run here with the unit's parameters (N-10: the unit
// reviews), the materials complete, the publicity (N-8) and the proofs shared with another applicant.
// A handful of queries whatever the number of applicants; the checks are kept between reads (rowFacts.ts),
// so 1,000 applicants stay quick.
import type { PublicityState, ReviewStatus, UnitApplicantRow } from '../../../shared/unit/schema.js';
import type { Db } from '../db.js';
import { DossierError } from '../errors.js';
import { localToday } from '../clock.js';
import type { Workspace } from '../workspace.js';
import { findDuplicates } from './duplicates.js';
import { newestMemberships } from './publicityRepo.js';
import { requireUnit } from './mode.js';
import { rowFacts } from './rowFacts.js';
import { heldPeople } from './unitRepo.js';
import { applicantsWithHeldKey } from './keyChangeRepo.js';
import { stageOf } from '../../../shared/unit/pipeline.js';

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
  /** The revision the status was decided on (a newer revision is pending). */
  revision: number | null;
}

function tableRows(w: Workspace, applicantId: string | null, today: string = localToday()): UnitApplicantRow[] {
  const db = w.db;
  const metas = db
    .prepare<{ applicantId: string | null }, Meta>(
      `SELECT a.id, a.package_id, a.created_at, r.status, r.revision FROM applicant a
       LEFT JOIN unit_review r ON r.applicant_id = a.id
       WHERE @applicantId IS NULL OR a.id = @applicantId ORDER BY a.created_at, a.id`,
    )
    .all({ applicantId });
  if (metas.length === 0) return [];
  const facts = rowFacts(db, applicantId, today);
  const packages = packageStates(db, applicantId);
  const publicity = publicityStates(db, applicantId, today);
  const duplicates = findDuplicates(db, applicantId);
  const keyChangeHeld = applicantsWithHeldKey(db, applicantId);
  const work = workFacts(db, applicantId, packages);
  const deskReturns = deskReturnDeadlines(db, applicantId, packages);
  // One row names the others it shares a proof with: their names are read, not their archives.
  const names =
    applicantId === null
      ? new Map([...facts].map(([id, f]) => [id, f.name]))
      : new Map(heldPeople(db).map((p) => [p.applicantId, p.name]));

  return metas.map((m) => {
    const f = facts.get(m.id)!;
    const pkg = packages.get(m.id);
    const status = m.status === null || m.revision !== pkg?.revision ? 'pending' : m.status;
    const publicityOfRow = publicity.get(m.id) ?? 'none';
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
      status,
      stage: stageOf({
        status,
        touched: work.touched.has(m.id),
        corrected: work.corrected.has(m.id),
        publicity: publicityOfRow,
        countersigned: work.countersigned.has(m.id),
        submitted: work.submitted.has(m.id),
      }),
      verdict: f.verdict,
      counts: f.counts,
      points: f.points,
      materials: f.materials,
      publicity: publicityOfRow,
      duplicates: (duplicates.get(m.id) ?? [])
        .map((d) => ({ ...d, name: names.get(d.applicantId) ?? '' }))
        .sort(
          (a, b) =>
            a.what.localeCompare(b.what) ||
            a.name.localeCompare(b.name, 'zh-CN') ||
            a.applicantId.localeCompare(b.applicantId),
        ),
      importedAt: pkg?.importedAt ?? m.created_at,
      keyChangeHeld: keyChangeHeld.has(m.id),
      deskReturn: deskReturns.has(m.id) ? { deadline: deskReturns.get(m.id) ?? null } : null,
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

/**
 * Per applicant, what places them on the line of steps besides the review status and the publicity: marks or
 * comments on the current revision (审核中), an earlier revision this unit returned (已更正), a countersignature
 * of the current revision (已加签) and whether it went into a batch (已报送).
 */
function workFacts(
  db: Db,
  applicantId: string | null,
  packages: ReadonlyMap<string, { revision: number }>,
): { touched: Set<string>; corrected: Set<string>; countersigned: Set<string>; submitted: Set<string> } {
  const current = (id: string) => packages.get(id)?.revision;
  const pairs = (sql: string) =>
    db.prepare<{ applicantId: string | null }, { id: string; revision: number }>(sql).all({ applicantId });
  const onCurrent = (rows: { id: string; revision: number }[]) =>
    new Set(rows.filter((r) => r.revision === current(r.id)).map((r) => r.id));
  const only = 'WHERE @applicantId IS NULL OR applicant_id = @applicantId';
  const touched = onCurrent([
    ...pairs(`SELECT applicant_id AS id, revision FROM material_review ${only}`),
    ...pairs(`SELECT applicant_id AS id, revision FROM review_comment ${only}`),
  ]);
  const countersigned = onCurrent(pairs(`SELECT applicant_id AS id, revision FROM unit_countersign ${only}`));
  const submitted = onCurrent(pairs(`SELECT applicant_id AS id, revision FROM batch_member ${only}`));
  // A level 2 this workspace wrote on an earlier revision that was not a countersignature: a 退回.
  const returnedEarlier = pairs(
    `SELECT p.applicant_id AS id, p.revision FROM package_file p
     WHERE p.level = 2 AND p.direction = 'exported' AND p.applicant_id IS NOT NULL
       AND (@applicantId IS NULL OR p.applicant_id = @applicantId)
       AND NOT EXISTS (SELECT 1 FROM unit_countersign c WHERE c.package_file = p.file_name)`,
  );
  const corrected = new Set(
    returnedEarlier.filter((r) => current(r.id) !== undefined && r.revision < current(r.id)!).map((r) => r.id),
  );
  return { touched, corrected, countersigned, submitted };
}

/**
 * A reviewing desk's return of the current revision (issue 17): its deadline, from the audit event written
 * with the import (electron/core/unit/deskReturn.ts) — the table reads no package file. The newest one counts.
 */
function deskReturnDeadlines(
  db: Db,
  applicantId: string | null,
  packages: ReadonlyMap<string, { revision: number }>,
): Map<string, string | null> {
  const rows = db
    .prepare<{ applicantId: string | null }, { id: string; revision: number; deadline: string | null }>(
      `SELECT applicant_id AS id, revision, json_extract(detail, '$.deadline') AS deadline FROM audit_event
       WHERE action = 'desk-returned' AND (@applicantId IS NULL OR applicant_id = @applicantId) ORDER BY seq`,
    )
    .all({ applicantId });
  const out = new Map<string, string | null>();
  for (const r of rows) if (packages.get(r.id)?.revision === r.revision) out.set(r.id, r.deadline);
  return out;
}

/**
 * Each applicant's latest publicity (N-8) as of today. An objection shows as soon as it is recorded; a
 * cancelled publicity counts for nothing (issue 19), so the one before it, if any, speaks again.
 */
function publicityStates(db: Db, applicantId: string | null, today: string): Map<string, PublicityState> {
  const out = new Map<string, PublicityState>();
  for (const [id, m] of newestMemberships(db, applicantId)) {
    out.set(id, publicityState({ start_date: m.startDate, end_date: m.endDate, outcome: m.outcome }, today));
  }
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
