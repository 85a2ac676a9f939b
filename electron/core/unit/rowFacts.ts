// What a row of the unit's table derives from an applicant's archive (issue 7, 19): who they are, the
// verdict checked here with the unit's parameters by the applicant's own rules (N-10) with the failures and
// points to judge it rests on, the materials complete and each proof missing. Checking
// 1,000 archives takes about a second, and the table is read again after every action of the officer;
// so the facts are kept per workspace and per applicant, and recomputed only when something they depend
// on changed: the archive (applicant.updated_at, touched by every edit and every import), the attachments
// and links (their count and last row), the rule parameters, the applicant's publicity period, the day.
import { currentLinks } from '../../../shared/attachments/current.js';
import { computeMaterials, missingItems } from '../../../shared/materials/requirements.js';
import { runPack } from '../../../shared/rules/engine.js';
import { careerFacts, type CareerFacts } from '../../../shared/rules/pack2020/careerFacts.js';
import { PACK_2020 } from '../../../shared/rules/pack2020/index.js';
import type { Finding } from '../../../shared/rules/types.js';
import { summarize } from '../../../shared/rules/verdict.js';
import type { RowPoint, UnitApplicantRow } from '../../../shared/unit/schema.js';
import type { Db } from '../db.js';
import { getParams } from '../rulesService.js';
import { readHeldArchives } from './heldArchives.js';
import { newestPublicityPeriods, withPublicity } from './unitParams.js';

export interface RowFacts {
  name: string;
  idNumber: string;
  committee: string;
  specialty: string;
  exceptional: boolean;
  verdict: UnitApplicantRow['verdict'];
  counts: UnitApplicantRow['counts'];
  points: RowPoint[];
  materials: UnitApplicantRow['materials'];
  /** Education, title, years, assessments and CE per year (the reviewing desk's table shows them). */
  career: CareerFacts;
}

const kept = new WeakMap<Db, Map<string, { stamp: string; facts: RowFacts }>>();

/** Each applicant's publicity period (start and end) the check runs with, by applicant id. */
export type PublicityPeriods = ReadonlyMap<string, { startDate: string; endDate: string }>;

/**
 * The facts of every applicant (or of `applicantId`), by applicant id, checked with this workspace's
 * parameters. Each applicant is checked with the dates of their own publicity: a unit's newest one
 * (unitParams.ts) unless `periods` says otherwise (a reviewing desk reads the units' publicity evidence).
 */
export function rowFacts(
  db: Db,
  applicantId: string | null,
  today: string,
  periods: PublicityPeriods = newestPublicityPeriods(db),
): Map<string, RowFacts> {
  const params = getParams(db);
  const stamps = stampsOf(db, applicantId, `${JSON.stringify(params)}|${today}`, periods);
  const cache = kept.get(db) ?? new Map<string, { stamp: string; facts: RowFacts }>();
  kept.set(db, cache);
  const stale = [...stamps].filter(([id, stamp]) => cache.get(id)?.stamp !== stamp).map(([id]) => id);
  if (stale.length > 0) {
    for (const [id, { archive, attachments }] of readHeldArchives(db, stale)) {
      const checkedWith = withPublicity(params, periods.get(id));
      const report = runPack(PACK_2020, { archive, links: currentLinks(attachments), params: checkedWith, today });
      const materials = computeMaterials(archive, attachments, params);
      const needed = materials.filter((m) => m.state === 'complete' || m.state === 'incomplete');
      const { verdict, failing, toJudge } = summarize(report);
      const point = (f: Finding): RowPoint => ({
        findingId: f.id,
        ruleId: f.ruleId,
        status: f.status === 'fail' ? 'fail' : 'review',
        message: f.message,
      });
      const facts: RowFacts = {
        name: archive.profile.name,
        idNumber: archive.profile.idNumber,
        committee: archive.application.committee,
        specialty: archive.application.specialty,
        exceptional: archive.application.exceptional,
        verdict,
        counts: { fail: failing.length, toJudge: toJudge.length },
        points: [...failing, ...toJudge].map(point),
        materials: {
          needed: needed.length,
          complete: needed.filter((m) => m.state === 'complete').length,
          missing: missingItems(materials).map((i) => ({ material: i.material, key: i.key, message: i.message! })),
        },
        career: careerFacts(archive, checkedWith, report.findings),
      };
      cache.set(id, { stamp: stamps.get(id)!, facts });
    }
  }
  // Applicants no longer held are forgotten with a whole-table read.
  if (applicantId === null) for (const id of cache.keys()) if (!stamps.has(id)) cache.delete(id);
  return new Map([...stamps.keys()].map((id) => [id, cache.get(id)!.facts]));
}

/** One stamp per applicant: it changes whenever anything the facts derive from does. */
function stampsOf(db: Db, applicantId: string | null, common: string, periods: PublicityPeriods): Map<string, string> {
  const rows = db
    .prepare<{ applicantId: string | null }, { id: string; stamp: string }>(
      `SELECT a.id,
              a.updated_at || '|' || ifnull(t.n, 0) || '|' || ifnull(t.last, '') || '|' || ifnull(t.deleted, 0)
                || '|' || ifnull(l.n, 0) || '|' || ifnull(l.last, 0) AS stamp
       FROM applicant a
       LEFT JOIN (SELECT applicant_id, count(*) AS n, max(rowid) AS last, count(deleted_at) AS deleted
                  FROM attachment GROUP BY applicant_id) t ON t.applicant_id = a.id
       LEFT JOIN (SELECT applicant_id, count(*) AS n, total(rowid) AS last
                  FROM attachment_link GROUP BY applicant_id) l ON l.applicant_id = a.id
       WHERE @applicantId IS NULL OR a.id = @applicantId`,
    )
    .all({ applicantId });
  const periodOf = (id: string) => {
    const p = periods.get(id);
    return p ? `${p.startDate}~${p.endDate}` : '';
  };
  return new Map(rows.map((r) => [r.id, `${r.stamp}|${periodOf(r.id)}|${common}`]));
}
