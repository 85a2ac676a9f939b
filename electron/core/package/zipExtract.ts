// Extraction of an opened (already structurally checked) package: into a fresh temp folder beside the
// target, every file fsynced, then one rename — the target appears complete or not at all. Every entry's
// CRC-32, and its SHA-256 when the caller knows it (from a verified manifest), is checked on the way; on a
// mismatch, an error or a cancel, the temp folder is removed.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { mkdirPrivate, PRIVATE_DIR, PRIVATE_FILE } from '../durable.js';
import { DossierError } from '../errors.js';
import { printable } from './entryName.js';
import { removeStaleTemps, syncDir, toWriteError, writeAll } from './fsUtil.js';
import { refuse } from './zipChecks.js';
import type { OpenedPackage } from './zipRead.js';

export interface ExtractOptions {
  /** SHA-256 each entry must have (path → hex), e.g. from a verified manifest; entries not named are not checked. */
  expectSha256?: ReadonlyMap<string, string>;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  signal?: AbortSignal;
}

export interface ExtractedFile {
  path: string;
  size: number;
  sha256: string;
}

export async function extractAll(
  pkg: OpenedPackage,
  destDir: string,
  options: ExtractOptions = {},
): Promise<ExtractedFile[]> {
  const target = path.resolve(destDir);
  if (await stat(target).catch(() => null)) {
    throw new DossierError('target_exists', {
      zh: `目标文件夹“${target}”已存在，未解压任何内容。`,
      en: `The folder "${target}" already exists; nothing was extracted.`,
    });
  }
  const parent = path.dirname(target);
  await mkdirPrivate(parent);
  await removeStaleTemps(target);
  const temp = `${target}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  await mkdir(temp, { mode: PRIVATE_DIR });
  const total = pkg.entries.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  const folders = new Set<string>([temp]);
  const out: ExtractedFile[] = [];
  try {
    for (const entry of pkg.entries) {
      const dest = path.join(temp, ...entry.path.split('/'));
      // Names were checked when the package was opened; this guard only makes the invariant local.
      if (!dest.startsWith(temp + path.sep)) throw new Error(`entry outside the folder: ${entry.path}`);
      await mkdirPrivate(path.dirname(dest));
      for (let d = path.dirname(dest); d.startsWith(temp); d = path.dirname(d)) folders.add(d);
      const fh = await open(dest, 'wx', PRIVATE_FILE);
      try {
        let at = 0;
        const write = async (chunk: Buffer) => {
          const pos = at;
          at += chunk.length;
          await writeAll(fh, chunk, pos);
          done += chunk.length;
          options.onProgress?.(done, total);
        };
        const digest = await pkg.read(entry, write, options.signal);
        const expected = options.expectSha256?.get(entry.path);
        if (!digest.crcOk || (expected !== undefined && expected !== digest.sha256))
          throw damaged(pkg.file, entry.path);
        await fh.sync();
        out.push({ path: entry.path, size: digest.size, sha256: digest.sha256 });
      } finally {
        await fh.close();
      }
    }
    // Deepest first, so that each folder's entries are durable before the folder holding it.
    for (const dir of [...folders].sort((a, b) => b.length - a.length)) await syncDir(dir);
    await rename(temp, target);
    await syncDir(parent);
    return out;
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw toWriteError(e, target);
  }
}

function damaged(file: string, entryPath: string) {
  const name = printable(entryPath);
  return refuse(
    'zip_entry_damaged',
    file,
    `条目“${name}”的内容与其校验值（CRC-32 或 SHA-256）不符：文件已损坏或被改动，未解压任何内容。`,
    `the content of the entry "${name}" does not match its checksum (CRC-32 or SHA-256): the file is damaged or was altered; nothing was extracted.`,
  );
}
