// The same proof claimed by two applicants (issue 7, "spot the same scan or the same paper"): a live
// attachment with the same bytes (SHA-256) held for two applicants ('scan'), or a work that is a paper
// with the same ISSN and title ('paper'). Flagged on both sides for the officer to look at;
// not a verdict (co-authors may rightly claim one paper: N-13 makes the unit answer for it).
import { toHalfWidth } from '../../../shared/checks/text.js';
import type { Db } from '../db.js';

export type DuplicateKind = 'scan' | 'paper';
export interface Duplicate {
  applicantId: string;
  what: DuplicateKind;
}

/** An ISSN as compared: half-width, upper case, digits and X only ('ISSN 1144-875x' = '1144875X'). */
export const normalizeIssn = (issn: string) =>
  toHalfWidth(issn)
    .toUpperCase()
    .replace(/^\s*ISSN/, '')
    .replace(/[^0-9X]/g, '');

/** A title as compared: trimmed, case folded, half-width, without spaces. */
export const normalizeTitle = (title: string) => toHalfWidth(title).toLowerCase().replace(/\s+/g, '');

/** A proof as compared: whose it is and its key (a SHA-256, or ISSN + title). */
export interface Claim {
  applicantId: string;
  what: DuplicateKind;
  key: string;
}

/** The claim of a paper, or null when it lacks an ISSN or a title (nothing to compare). */
export function paperClaim(applicantId: string, issn: string, title: string): Claim | null {
  const [i, t] = [normalizeIssn(issn), normalizeTitle(title)];
  return i && t ? { applicantId, what: 'paper', key: `${i}\n${t}` } : null;
}

/**
 * Each applicant's duplicates (every applicant, or only those of `applicantId`), read with two light
 * queries over the whole workspace: a shared proof needs the other side's rows too.
 */
export function findDuplicates(db: Db, applicantId: string | null = null): Map<string, Duplicate[]> {
  const claims: Claim[] = db
    .prepare<{ applicantId: string | null }, { applicant_id: string; sha256: string }>(
      `SELECT DISTINCT applicant_id, sha256 FROM attachment
       WHERE deleted_at IS NULL AND (@applicantId IS NULL OR sha256 IN
         (SELECT sha256 FROM attachment WHERE applicant_id = @applicantId AND deleted_at IS NULL))`,
    )
    .all({ applicantId })
    .map((r) => ({ applicantId: r.applicant_id, what: 'scan', key: r.sha256 }));
  const papers = db
    .prepare<[], { applicant_id: string; issn: string | null; title: string | null }>(
      `SELECT applicant_id, json_extract(data, '$.issn') AS issn, json_extract(data, '$.title') AS title
       FROM record WHERE kind = 'works' AND deleted_at IS NULL AND json_extract(data, '$.type') = 'paper'`,
    )
    .all();
  for (const r of papers) {
    const claim = paperClaim(r.applicant_id, r.issn ?? '', r.title ?? '');
    if (claim) claims.push(claim);
  }
  return duplicatesAmong(claims, applicantId);
}

/** Each applicant's others claiming the same proof, listed once per kind (only `applicantId`'s when given). */
export function duplicatesAmong(claims: Iterable<Claim>, applicantId: string | null = null): Map<string, Duplicate[]> {
  const groups = new Map<string, { what: DuplicateKind; members: Set<string> }>();
  for (const c of claims) {
    const k = `${c.what}\n${c.key}`;
    const group = groups.get(k) ?? { what: c.what, members: new Set<string>() };
    group.members.add(c.applicantId);
    groups.set(k, group);
  }
  const out = new Map<string, Duplicate[]>();
  const seen = new Set<string>();
  for (const { what, members } of groups.values()) {
    if (members.size < 2) continue;
    for (const a of members) {
      if (applicantId !== null && a !== applicantId) continue;
      for (const b of members) {
        const key = `${a}\n${b}\n${what}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        const mine = out.get(a) ?? [];
        mine.push({ applicantId: b, what });
        out.set(a, mine);
      }
    }
  }
  return out;
}
