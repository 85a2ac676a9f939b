// One small content file (content/archive.json, content/unit/review.json) read back from a package file
// this workspace keeps in <data>/packages/, strictly: the top manifest must be the one recorded for the file
// when it was verified (package_file.manifest_sha256), each lower manifest the one its upper level names
// (previous.manifestSha256) — level 1's also the recorded l1_manifest_sha256 — and the file's bytes must have
// the size and SHA-256 its level's manifest lists. Nothing is re-verified by signature: the chain of digests
// back to what was verified at import (or written here) is enough, and it reads only a few entries.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DossierError } from '../errors.js';
import { packagesDir } from '../package/exportService.js';
import { locatePackage, wholePackageFile } from '../package/levelAddition.js';
import { Manifest, manifestPath } from '../package/manifest.js';
import type { PackageRow } from '../package/packageRepo.js';
import { openPackage, type OpenedPackage } from '../package/zipRead.js';
import type { Workspace } from '../workspace.js';

const MAX_MANIFEST_BYTES = 16 * 2 ** 20;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function damaged(fileName: string, what: { zh: string; en: string }): DossierError {
  return new DossierError('package_file_damaged', {
    zh: `申报包文件“${fileName}”与导入（或写出）时不同：${what.zh}。请重新导入该申报包。`,
    en: `The package file "${fileName}" is not what was imported (or written): ${what.en}. Import that package again.`,
  });
}

/** The manifests of levels 1…row.level, each checked against the recorded digests (index = level − 1). */
async function checkedManifests(pkg: OpenedPackage, row: PackageRow): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  let expected = row.manifest_sha256;
  for (let level = row.level; level >= 1; level--) {
    const entry = pkg.entry(manifestPath(level));
    if (!entry)
      throw damaged(row.file_name, { zh: `缺少第 ${level} 级清单`, en: `level ${level}'s manifest is missing` });
    const { bytes } = await pkg.readBytes(entry, MAX_MANIFEST_BYTES);
    const digest = sha256(bytes);
    if (digest !== expected || (level === 1 && digest !== row.l1_manifest_sha256)) {
      throw damaged(row.file_name, { zh: `第 ${level} 级清单已改变`, en: `level ${level}'s manifest has changed` });
    }
    let manifest: Manifest;
    try {
      manifest = Manifest.parse(JSON.parse(bytes.toString('utf8')));
    } catch {
      throw damaged(row.file_name, {
        zh: `第 ${level} 级清单无法读取`,
        en: `level ${level}'s manifest cannot be read`,
      });
    }
    manifests.unshift(manifest);
    if (level > 1) expected = manifest.previous!.manifestSha256;
  }
  return manifests;
}

/**
 * The bytes of `contentPath` as listed by `level`, with that level's manifest (null when it lists no such
 * file), read from the package file of `row`. Refused, naming the file, when the file is missing or differs
 * from what was recorded.
 */
export async function readPackageContent(
  w: Workspace,
  row: PackageRow,
  level: number,
  contentPath: string,
  maxBytes: number,
): Promise<{ bytes: Buffer; manifest: Manifest } | null> {
  return (await readPackageContents(w, row, level, [contentPath], maxBytes)).get(contentPath) ?? null;
}

/** Several files of one level at once (the package opened, or rebuilt whole, once): by path, listed ones only. */
export async function readPackageContents(
  w: Workspace,
  row: PackageRow,
  level: number,
  contentPaths: readonly string[],
  maxBytes: number,
): Promise<Map<string, { bytes: Buffer; manifest: Manifest }>> {
  if (level < 1 || level > row.level) return new Map();
  // A countersigned package is kept as its level 1 plus the unit's addition (levelAddition.ts): a lower
  // level is read from that level's own file; the unit's own files, from the package rebuilt whole.
  const held = await locatePackage(w, row);
  if (held?.base && level <= held.base.level) return readPackageContents(w, held.base, level, contentPaths, maxBytes);
  const whole = held?.base ? await wholePackageFile(w, row) : null;
  try {
    return await readFrom(
      whole?.file ?? path.join(packagesDir(w.dataDir), row.file_name),
      row,
      level,
      contentPaths,
      maxBytes,
    );
  } finally {
    await whole?.release();
  }
}

async function readFrom(
  file: string,
  row: PackageRow,
  level: number,
  contentPaths: readonly string[],
  maxBytes: number,
): Promise<Map<string, { bytes: Buffer; manifest: Manifest }>> {
  let pkg: OpenedPackage;
  try {
    pkg = await openPackage(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DossierError('package_file_missing', {
        zh: `申报包文件“${row.file_name}”不在工作区的 packages 文件夹中。请重新导入该申报包。`,
        en: `The package file "${row.file_name}" is missing from the workspace's packages folder. Import that package again.`,
      });
    }
    throw e;
  }
  try {
    const manifests = await checkedManifests(pkg, row);
    const manifest = manifests[level - 1]!;
    const found = new Map<string, { bytes: Buffer; manifest: Manifest }>();
    for (const contentPath of contentPaths) {
      const listed = manifest.files.find((f) => f.path === contentPath);
      if (!listed) continue;
      const entry = pkg.entry(contentPath);
      if (!entry) throw damaged(row.file_name, { zh: `缺少“${contentPath}”`, en: `"${contentPath}" is missing` });
      const { bytes, sha256: digest } = await pkg.readBytes(entry, maxBytes);
      if (digest !== listed.sha256 || bytes.length !== listed.size) {
        throw damaged(row.file_name, { zh: `“${contentPath}”已改变`, en: `"${contentPath}" has changed` });
      }
      found.set(contentPath, { bytes, manifest });
    }
    return found;
  } finally {
    await pkg.close();
  }
}
