// File-system steps shared by the package writer, reader and key store: whole writes at a position, durable
// renames, and the refusals a user sees when the disk fails or they cancel.
import { readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';

/** Writes all of `buf` at `position` (a single write may write less). */
export async function writeAll(handle: FileHandle, buf: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < buf.length) {
    const { bytesWritten } = await handle.write(buf, offset, buf.length - offset, position + offset);
    offset += bytesWritten;
  }
}

import { isAlive } from '../durable.js';

export { syncDir } from '../durable.js';

export function cancelled(): DossierError {
  return new DossierError('cancelled', {
    zh: '已取消，未留下任何部分文件。',
    en: 'Cancelled; nothing partial was left.',
  });
}

/** A file-system failure while writing `target`, as the user should read it; DossierErrors pass through. */
export function toWriteError(e: unknown, target: string): unknown {
  if (e instanceof DossierError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DossierError('disk_full', {
      zh: `磁盘空间不足，“${target}”未写入，也未留下任何部分文件。请清理磁盘后重试。`,
      en: `The disk is full: "${target}" was not written and nothing partial was left. Free some space and try again.`,
    });
  }
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'EEXIST') {
    const detail = e instanceof Error ? e.message : String(e);
    return new DossierError('write_failed', {
      zh: `无法写入“${target}”（${detail}），未留下任何部分文件。`,
      en: `"${target}" could not be written (${detail}); nothing partial was left.`,
    });
  }
  return e;
}

/**
 * Removes `<target><marker><pid>-…` files (or folders) that a crashed (now dead) process left beside
 * `target`: only those of this very target, never anything else in a folder the user chose. `.tmp-`: a ZIP
 * or an extraction; `.restoring-`: a restore's staging folder (restore.ts).
 */
export async function removeStaleTemps(target: string, marker = '.tmp-'): Promise<void> {
  const prefix = `${path.basename(target)}${marker}`;
  const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await rm(path.join(path.dirname(target), name), { recursive: true, force: true });
  }
}
