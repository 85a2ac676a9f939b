// The scans of an older revision, for the review's side-by-side view of a replaced scan (issue 19, item 3).
// When a corrected revision replaces an archive, the store keeps only what the archives now name (the
// import removes the rest), but the older revision's signed package file stays in <data>/packages/ with every
// scan it carried. The preview route (GET /files/<sha256>, app://dossier/files/…) falls back to that file for a
// hash the store does not hold, so the old scan is shown without being stored a third time (item 9: each byte
// at most about twice). Only level-1 files of superseded revisions are searched, and the bytes are read
// strictly through packageContent.ts (the digests back to what was verified at import).
import { Readable } from 'node:stream';
import { mediaTypeOfSha } from '../attachments/attachmentRepo.js';
import { imageThumbnail, openStoredFile, type StoredFile } from '../attachments/files.js';
import type { PackageAttachment } from '../package/content.js';
import { listPackageRows, type PackageRow } from '../package/packageRepo.js';
import type { Workspace } from '../workspace.js';
import { isUnitWorkspace } from './mode.js';
import { readPackageContent } from './packageContent.js';
import { packageAttachments } from './revisions.js';

/** Above the largest scan an applicant can add (the upload profile's intake limit, 100 MB). */
const MAX_SCAN_BYTES = 256 * 2 ** 20;

/**
 * Each superseded package file's attachment index, by file name and manifest: a file's content never
 * changes under the same manifest, so it is read once per process (what it lists is checked again on reading).
 */
const indexes = new WeakMap<Workspace, Map<string, PackageAttachment[]>>();

/** Level-1 files of revisions older than their package's newest, newest first: where old scans are held. */
function supersededRows(w: Workspace): PackageRow[] {
  const rows = listPackageRows(w.db);
  const newest = new Map<string, number>();
  for (const r of rows) newest.set(r.package_id, Math.max(newest.get(r.package_id) ?? 0, r.revision));
  return rows.filter((r) => r.level === 1 && r.direction === 'imported' && r.revision < newest.get(r.package_id)!);
}

async function indexOf(w: Workspace, row: PackageRow): Promise<PackageAttachment[]> {
  let cache = indexes.get(w);
  if (!cache) indexes.set(w, (cache = new Map()));
  const key = `${row.file_name}\n${row.manifest_sha256}`;
  let index = cache.get(key);
  if (!index) cache.set(key, (index = await packageAttachments(w, row)));
  return index;
}

/** A scan that only an older revision's package file holds (a unit's workspace), or its thumbnail; else null. */
export async function openHeldFile(
  w: Workspace,
  sha256: string,
  options: { thumbnail?: boolean } = {},
): Promise<StoredFile | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256) || !isUnitWorkspace(w)) return null;
  for (const row of supersededRows(w)) {
    let found: PackageAttachment | undefined;
    let read: Awaited<ReturnType<typeof readPackageContent>> = null;
    try {
      found = (await indexOf(w, row)).find((a) => a.sha256 === sha256);
      if (found) read = await readPackageContent(w, row, 1, found.path, MAX_SCAN_BYTES);
    } catch {
      // A missing or changed package file serves nothing (the review names it when it reads the archive).
      continue;
    }
    if (!found || !read) continue;
    if (options.thumbnail) {
      if (found.mediaType === 'application/pdf') return null;
      return { stream: imageThumbnail(read.bytes), mediaType: 'image/jpeg', fileName: found.fileName };
    }
    return {
      stream: Readable.from([read.bytes]),
      mediaType: found.mediaType,
      size: read.bytes.length,
      fileName: found.fileName,
    };
  }
  return null;
}

/** A file for the preview routes: from the store, else (a unit's review of a corrected revision) a held package. */
export async function openPreviewFile(
  w: Workspace,
  sha256: string,
  options: { thumbnail?: boolean } = {},
): Promise<StoredFile | null> {
  const stored = await openStoredFile(w, sha256, options);
  // A hash the store's rows name is theirs (a PDF has no thumbnail): no package is searched for it.
  if (stored || mediaTypeOfSha(w.db, sha256)) return stored;
  return openHeldFile(w, sha256, options);
}
