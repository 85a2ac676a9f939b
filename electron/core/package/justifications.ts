// The written reasons an applicant gave at an export for the points to judge (issue 19), kept per finding id
// in the applicant's workspace (migration 11), so that the next export offers them again — editable — rather
// than asking for each anew. Written once a package is made; a finding that is gone keeps its reason, which
// comes back should the finding.
import type { Db } from '../db.js';

export interface Justification {
  findingId: string;
  text: string;
}

/** The remembered reasons of an applicant, by finding id. */
export function rememberedJustifications(db: Db, applicantId: string): Map<string, string> {
  const rows = db
    .prepare<{ applicantId: string }, { finding_id: string; text: string }>(
      'SELECT finding_id, text FROM export_justification WHERE applicant_id = @applicantId ORDER BY finding_id',
    )
    .all({ applicantId });
  return new Map(rows.map((r) => [r.finding_id, r.text]));
}

/** Keeps the reasons an export went out with (the latest text of each finding wins). */
export function rememberJustifications(
  db: Db,
  applicantId: string,
  justifications: readonly Justification[],
  at: string = new Date().toISOString(),
): void {
  const put = db.prepare(
    `INSERT INTO export_justification (applicant_id, finding_id, text, updated_at)
     VALUES (@applicantId, @findingId, @text, @at)
     ON CONFLICT (applicant_id, finding_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  db.transaction(() => {
    for (const j of justifications) put.run({ applicantId, findingId: j.findingId, text: j.text, at });
  })();
}
