// The package files of a workspace (<dataDir>/packages/), as package:list shows them and as the download
// routes serve them (browser mode: GET /packages/<name>?token=; desktop: app://dossier/packages/<name>).
// Only a name the package_file table records is served, from that folder, and only as a download.
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PackageFile } from '../../../shared/api/contract.js';
import type { Workspace } from '../workspace.js';
import { asciiFileName, packagesDir } from './exportService.js';
import { MIMETYPE } from './manifest.js';
import { findPackageRow, listPackageRows, toPackageFile } from './packageRepo.js';

export function listPackages(w: Workspace): { packages: PackageFile[] } {
  return { packages: listPackageRows(w.db).map(toPackageFile) };
}

export interface PackageDownload {
  stream: ReadStream;
  size: number;
  mediaType: string;
  /** Content-Disposition: attachment, with the UTF-8 name and an ASCII fallback. */
  disposition: string;
}

/** Opens a recorded package file for download; null when the name is not one (or its file is gone). */
export async function openPackageDownload(w: Workspace, fileName: string): Promise<PackageDownload | null> {
  if (fileName !== path.basename(fileName) || fileName.includes('\\')) return null;
  const row = findPackageRow(w.db, fileName);
  if (!row) return null;
  const file = path.join(packagesDir(w.dataDir), row.file_name);
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) return null;
  return {
    stream: createReadStream(file),
    size: found.size,
    mediaType: MIMETYPE,
    disposition: `attachment; filename="${asciiFileName(row)}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
  };
}
