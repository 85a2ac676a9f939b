// An applicant's revisions as a unit holds them (issue 7): the package files of their package id, the
// current revision (whose archive the workspace shows), whether a corrected revision names a package held
// here in its `supersedes` (the returned one), and what changed since the previous revision — its
// content/archive.json and content/attachments.json read back from its package file (packageContent.ts) and
// diffed with the archive now and the current revision's attachments (issue 19: the scans too, per slot).
import type { ArchiveChange, AttachmentChange, RevisionInfo } from '../../../shared/unit/schema.js';
import { parseArchiveJson, readArchive } from '../archiveService.js';
import { DossierError } from '../errors.js';
import { AttachmentsDoc, CONTENT_PATHS, type PackageAttachment } from '../package/content.js';
import type { Manifest } from '../package/manifest.js';
import { getApplicantPackageId, rowsOfPackage, type PackageRow } from '../package/packageRepo.js';
import type { Workspace } from '../workspace.js';
import { diffArchives, diffAttachments } from './archiveDiff.js';
import { readPackageContent } from './packageContent.js';

/** An archive JSON or attachment index is small next to the scans; this bounds what a hostile package makes us read. */
const MAX_ARCHIVE_BYTES = 64 * 2 ** 20;

/** The package rows of an applicant, newest revision first (highest level first within one). */
export function applicantPackageRows(w: Workspace, applicantId: string): PackageRow[] {
  const packageId = getApplicantPackageId(w.db, applicantId);
  return packageId ? rowsOfPackage(w.db, packageId) : [];
}

/** The revision the workspace holds the archive of: the newest of the applicant's package. */
export function currentRevision(w: Workspace, applicantId: string): number {
  const newest = applicantPackageRows(w, applicantId)[0];
  if (!newest) {
    throw new DossierError('no_package', {
      zh: '此申报人的档案不是从申报包导入的，无法审核。请导入其申报包。',
      en: "This applicant's archive did not come from a package and cannot be reviewed. Import their package.",
    });
  }
  return newest.revision;
}

/** Whether level 1's `supersedes` (null: it names none) matches a package file this workspace holds or wrote. */
function supersedesKnown(row: PackageRow, all: readonly PackageRow[]): boolean | null {
  if (!row.supersedes) return null;
  const s = JSON.parse(row.supersedes) as NonNullable<Manifest['supersedes']>;
  return all.some(
    (r) =>
      r.package_id === s.packageId &&
      r.revision === s.revision &&
      r.level === s.level &&
      r.manifest_sha256 === s.manifestSha256,
  );
}

export function revisionsOf(rows: readonly PackageRow[]): RevisionInfo[] {
  return rows.map((r) => ({
    revision: r.revision,
    level: r.level,
    fileName: r.file_name,
    direction: r.direction,
    createdAt: r.created_at,
    supersedesKnown: supersedesKnown(r, rows),
  }));
}

/** Level 1's attachment index (content/attachments.json) of a package file held here: its current scans. */
export async function packageAttachments(w: Workspace, row: PackageRow): Promise<PackageAttachment[]> {
  const read = await readPackageContent(w, row, 1, CONTENT_PATHS.attachments, MAX_ARCHIVE_BYTES);
  // A level 1 without scans may list no index at all.
  if (!read) return [];
  try {
    return AttachmentsDoc.parse(JSON.parse(read.bytes.toString('utf8'))).attachments;
  } catch {
    // Checked strictly at import and by digest since: only a package written by another program gets here.
    throw new DossierError('package_file_damaged', {
      zh: `申报包文件“${row.file_name}”中的附件清单（${CONTENT_PATHS.attachments}）无法读取。`,
      en: `The attachment index (${CONTENT_PATHS.attachments}) of the package file "${row.file_name}" cannot be read.`,
    });
  }
}

export interface SincePrevious {
  /** The previous revision held here (null for the first), and its package files, highest level first. */
  previous: { revision: number; rows: PackageRow[] } | null;
  /** The fields changed since then. */
  changes: ArchiveChange[];
  /** The scans added, removed or replaced since then, per slot. */
  attachmentChanges: AttachmentChange[];
}

/** What changed since the previous revision held here; nothing when there is none. */
export async function changesSincePrevious(
  w: Workspace,
  applicantId: string,
  rows: readonly PackageRow[],
): Promise<SincePrevious> {
  const current = rows[0]?.revision;
  const previous = rows.filter((r) => current !== undefined && r.revision < current);
  const revision = previous[0]?.revision;
  const previousRows = previous.filter((r) => r.revision === revision);
  // Any file of a revision holds its level 1; the lowest level reads the fewest manifests.
  const row = previousRows.at(-1);
  const now = rows.filter((r) => r.revision === current).at(-1);
  if (!row || !now || revision === undefined) return { previous: null, changes: [], attachmentChanges: [] };
  const read = await readPackageContent(w, row, 1, CONTENT_PATHS.archive, MAX_ARCHIVE_BYTES);
  if (!read) {
    throw new DossierError('package_file_damaged', {
      zh: `申报包文件“${row.file_name}”的第 1 级没有列出档案（${CONTENT_PATHS.archive}）。`,
      en: `Level 1 of the package file "${row.file_name}" lists no archive (${CONTENT_PATHS.archive}).`,
    });
  }
  const changes = diffArchives(parseArchiveJson(read.bytes.toString('utf8')), readArchive(w.db, applicantId));
  // The unit never edits an applicant's scans: the current revision's package lists what the workspace holds.
  const [before, after] = await Promise.all([packageAttachments(w, row), packageAttachments(w, now)]);
  return { previous: { revision, rows: previousRows }, changes, attachmentChanges: diffAttachments(before, after) };
}
