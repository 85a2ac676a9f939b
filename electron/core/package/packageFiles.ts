// The package files of a workspace (<dataDir>/packages/), as package:list shows them and as the download
// routes serve them (browser mode: GET /packages/<name>?token=; desktop: app://dossier/packages/<name>).
// Only a name the package_file table records is served, from that folder, and only as a download.
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { PackageFile } from '../../../shared/api/contract.js';
import type { Workspace } from '../workspace.js';
import { asciiFileName } from './exportService.js';
import { locatePackage, packageStream } from './levelAddition.js';
import { MIMETYPE } from './manifest.js';
import { findPackageRow, listPackageRows, toPackageFile } from './packageRepo.js';

export function listPackages(w: Workspace): { packages: PackageFile[] } {
  return { packages: listPackageRows(w.db).map(toPackageFile) };
}

export interface PackageDownload {
  stream: Readable;
  size: number;
  mediaType: string;
  /** Content-Disposition: attachment, with the UTF-8 name and an ASCII fallback. */
  disposition: string;
  /** Called once the whole file has gone out (a batch waiting for its download is then removed). */
  onDelivered?: () => Promise<void>;
}

/** Opens a recorded package file for download; null when the name is not one (or its file is gone). */
export async function openPackageDownload(w: Workspace, fileName: string): Promise<PackageDownload | null> {
  if (fileName !== path.basename(fileName) || fileName.includes('\\')) return null;
  const row = findPackageRow(w.db, fileName);
  if (!row) return null;
  // Its own file, or a countersigned package rebuilt from level 1 and the unit's addition (levelAddition.ts).
  const bytes = await locatePackage(w, row, { check: true });
  if (!bytes) return null;
  return {
    stream: packageStream(bytes),
    size: bytes.size,
    mediaType: MIMETYPE,
    disposition: `attachment; filename="${asciiFileName(row)}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
  };
}
