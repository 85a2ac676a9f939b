// 已过期 in the package list (issue 15): a package this workspace wrote before later edits no longer shows
// the archive as it is. Each exported package's own content (content/archive.json and content/attachments.json,
// read back by digest, unit/packageContent.ts) is compared with what a package made now would hold — the same
// field-by-field diff the unit reads a corrected revision with (unit/archiveDiff.ts) — and what changed is
// counted per part of the archive, so the list can say "业绩成果：新增 1 条" rather than only "out of date".
// Forms are not compared: they follow from the archive, and the export regenerates what is out of date.
import type { PackageStaleness } from '../../../shared/api/contract.js';
import type { ArchiveChange, AttachmentChange } from '../../../shared/unit/schema.js';
import { parseArchiveJson, readArchive, requireApplicant } from '../archiveService.js';
import { DossierError } from '../errors.js';
import { diffArchives, diffAttachments } from '../unit/archiveDiff.js';
import { readPackageContent } from '../unit/packageContent.js';
import { packageAttachments } from '../unit/revisions.js';
import type { Workspace } from '../workspace.js';
import { CONTENT_PATHS } from './content.js';
import { currentPackageAttachments } from './exportService.js';
import { listPackageRows } from './packageRepo.js';

const MAX_ARCHIVE_BYTES = 64 * 2 ** 20;

type Part = PackageStaleness['parts'][number];

/** Field changes counted per part of the archive: a section's changed fields, a list's records. */
export function countChanges(changes: readonly ArchiveChange[]): Part[] {
  const parts = new Map<string, Part & { changedIds: Set<string> }>();
  for (const change of changes) {
    const [part = '', id, field] = change.path.split('.');
    let p = parts.get(part);
    if (!p) parts.set(part, (p = { part, added: 0, removed: 0, changed: 0, changedIds: new Set() }));
    if (change.kind === 'added') p.added += 1;
    else if (change.kind === 'removed') p.removed += 1;
    // A record with three fields changed is one record changed; a section's fields count one each.
    else p.changedIds.add(field === undefined ? change.path : (id ?? change.path));
  }
  return [...parts.values()].map(({ changedIds, ...p }) => ({ ...p, changed: changedIds.size }));
}

export function countScanChanges(changes: readonly AttachmentChange[]): PackageStaleness['scans'] {
  const scans = { added: 0, removed: 0, replaced: 0 };
  for (const change of changes) scans[change.kind] += 1;
  return scans;
}

/** The exported packages of this applicant made before later edits, each with what changed since. */
export async function packageStaleness(w: Workspace, applicantId: string): Promise<PackageStaleness[]> {
  requireApplicant(w.db, applicantId);
  const rows = listPackageRows(w.db).filter((r) => r.direction === 'exported' && r.applicant_id === applicantId);
  if (rows.length === 0) return [];
  const now = readArchive(w.db, applicantId);
  const nowScans = currentPackageAttachments(w, applicantId, now).map((a) => a.entry);
  const out: PackageStaleness[] = [];
  for (const row of rows) {
    try {
      const read = await readPackageContent(w, row, 1, CONTENT_PATHS.archive, MAX_ARCHIVE_BYTES);
      if (!read) continue;
      const then = parseArchiveJson(read.bytes.toString('utf8'));
      const parts = countChanges(diffArchives(then, now));
      const scans = countScanChanges(diffAttachments(await packageAttachments(w, row), nowScans));
      if (parts.length > 0 || scans.added + scans.removed + scans.replaced > 0) {
        out.push({ fileName: row.file_name, parts, scans, unreadable: null });
      }
    } catch (e) {
      // A file gone or changed behind the app's back cannot be compared: say so rather than guess.
      if (!(e instanceof DossierError)) throw e;
      out.push({
        fileName: row.file_name,
        parts: [],
        scans: { added: 0, removed: 0, replaced: 0 },
        unreadable: e.localized,
      });
    }
  }
  return out;
}
