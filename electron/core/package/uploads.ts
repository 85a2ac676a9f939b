// Package files waiting to be verified or imported, by upload id: in browser mode the bytes of
// POST /api/package, streamed into `<dataDir>/incoming/<uploadId>/<name>` (under the user's name, so that
// every message names the file they know); in the desktop app a path the user chose (package:openPath),
// read where it is and never changed or removed. package:import consumes an upload; uploads nobody
// imported are removed after a day.
import { randomUUID } from 'node:crypto';
import { open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../attachments/store.js';
import { mkdirPrivate, PRIVATE_FILE } from '../durable.js';
import { DossierError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { writeAll } from './fsUtil.js';
import { DEFAULT_LIMITS } from './zipRead.js';

export const INCOMING_DIR = 'incoming';
export const incomingDir = (dataDir: string) => path.join(dataDir, INCOMING_DIR);
/** The reader's own cap (zipRead.ts): a larger file would be refused anyway. */
export const MAX_PACKAGE_BYTES = DEFAULT_LIMITS.maxArchiveBytes;
const KEEP_MS = 24 * 3600_000;

export interface Upload {
  uploadId: string;
  dataDir: string;
  /** Where the bytes are. */
  file: string;
  /** The name the user knows it by. */
  fileName: string;
  size: number;
  /** True for a file in incoming/ (ours to remove); false for the user's own file (package:openPath). */
  isOwned: boolean;
}

const uploads = new Map<string, Upload>();

export interface UploadInfo {
  uploadId: string;
  fileName: string;
  size: number;
}

const info = (u: Upload): UploadInfo => ({ uploadId: u.uploadId, fileName: u.fileName, size: u.size });

/** The last part of a name, without control characters, at most 200 characters. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base.replace(/\p{Cc}/gu, '').trim()].slice(0, 200).join('');
  return clean === '' || clean === '.' || clean === '..' ? 'package.zcpkg' : clean;
}

/** The same name as a file name on any system (no characters Windows refuses, no trailing dot or space). */
export function diskName(name: string): string {
  const clean = displayName(name)
    .replace(/[<>:"|?*]/g, '_')
    .replace(/[. ]+$/, '');
  return clean === '' ? 'package.zcpkg' : clean;
}

function tooLarge(fileName: string, maxBytes: number): DossierError {
  return new DossierError('too_large', {
    zh: `“${fileName}”超过 ${(maxBytes / 2 ** 30).toFixed(0)} GiB 的申报包上限，未接收。`,
    en: `"${fileName}" is larger than the package limit of ${(maxBytes / 2 ** 30).toFixed(0)} GiB and was not taken.`,
  });
}

/** Streams an upload into incoming/ (temp name, then its own); nothing is left when it fails or is too large. */
export async function receiveUpload(
  w: Workspace,
  source: ByteSource,
  options: { fileName: string; maxBytes?: number },
): Promise<UploadInfo> {
  const fileName = displayName(options.fileName);
  const maxBytes = options.maxBytes ?? MAX_PACKAGE_BYTES;
  const dir = incomingDir(w.dataDir);
  await mkdirPrivate(dir);
  await removeOldUploads(dir);
  const uploadId = randomUUID();
  // Recursive: an import that just ended may have removed the empty incoming/ (removeIfEmpty).
  await mkdirPrivate(path.join(dir, uploadId));
  const file = path.join(dir, uploadId, diskName(fileName));
  const temp = `${file}.part`;
  const fh = await open(temp, 'wx', PRIVATE_FILE);
  let size = 0;
  try {
    for await (const chunk of source) {
      const buf =
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      if (size + buf.length > maxBytes) throw tooLarge(fileName, maxBytes);
      await writeAll(fh, buf, size);
      size += buf.length;
    }
    await fh.close();
    await rename(temp, file);
  } catch (e) {
    await fh.close().catch(() => {});
    await rm(path.join(dir, uploadId), { recursive: true, force: true });
    throw e;
  }
  const upload: Upload = { uploadId, dataDir: w.dataDir, file, fileName, size, isOwned: true };
  uploads.set(uploadId, upload);
  return info(upload);
}

/** Desktop: a package file named by path (open dialog, double-click); it is only ever read. */
export async function registerPath(w: Workspace, file: string): Promise<UploadInfo> {
  const resolved = path.resolve(file);
  const fileName = displayName(resolved);
  const found = await stat(resolved).catch(() => null);
  if (!found) {
    throw new DossierError('file_missing', {
      zh: `找不到文件“${fileName}”：它可能已被移动或删除。`,
      en: `"${fileName}" is gone: it may have been moved or deleted.`,
    });
  }
  if (!found.isFile()) {
    throw new DossierError('not_a_file', {
      zh: `“${fileName}”不是文件。`,
      en: `"${fileName}" is not a file.`,
    });
  }
  if (found.size > MAX_PACKAGE_BYTES) throw tooLarge(fileName, MAX_PACKAGE_BYTES);
  const upload: Upload = {
    uploadId: randomUUID(),
    dataDir: w.dataDir,
    file: resolved,
    fileName,
    size: found.size,
    isOwned: false,
  };
  uploads.set(upload.uploadId, upload);
  return info(upload);
}

/** The upload behind an id (an incoming file survives a restart of the app, in its id's folder). */
export async function requireUpload(w: Workspace, uploadId: string): Promise<Upload> {
  const known = uploads.get(uploadId);
  if (known && known.dataDir === w.dataDir) return known;
  if (/^[A-Za-z0-9_-]{1,64}$/.test(uploadId)) {
    const folder = path.join(incomingDir(w.dataDir), uploadId);
    const [name, ...more] = (await readdir(folder).catch(() => [] as string[])).filter((n) => !n.endsWith('.part'));
    const found = name === undefined || more.length ? null : await stat(path.join(folder, name)).catch(() => null);
    if (name !== undefined && found?.isFile()) {
      const file = path.join(folder, name);
      const upload = { uploadId, dataDir: w.dataDir, file, fileName: name, size: found.size, isOwned: true };
      uploads.set(uploadId, upload);
      return upload;
    }
  }
  throw new DossierError('upload_unknown', {
    zh: '找不到该申报包文件（可能已导入或已过期），请重新选择文件。',
    en: 'No such package file (it may have been imported or have expired); choose the file again.',
  });
}

/** Forgets an upload and removes its incoming file (never a file of the user's), and incoming/ once empty. */
export async function forgetUpload(upload: Upload): Promise<void> {
  uploads.delete(upload.uploadId);
  if (!upload.isOwned) return;
  await rm(path.dirname(upload.file), { recursive: true, force: true });
  await removeIfEmpty(incomingDir(upload.dataDir));
}

/**
 * Removes a folder if it is empty: an import or upload leaves no folder behind. Another one just starting
 * recreates it (mkdir -p); a folder that is not empty, or already gone, is left as it is.
 */
export async function removeIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch(() => {});
}

/** Uploads left unimported for a day, and temp files of uploads that never finished. */
async function removeOldUploads(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const found = await stat(file).catch(() => null);
    if (!found || now - found.mtimeMs < KEEP_MS) continue;
    await rm(file, { recursive: true, force: true });
    uploads.delete(name);
  }
}
