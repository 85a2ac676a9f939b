// Scans repaired from the packages this workspace holds (issue 13): a unit's workspace has no other copy of
// an applicant's scans than the package they handed in, and an applicant's exported package holds the very
// bytes of every scan it carried. The store is content-addressed, so a package entry whose bytes hash to a
// missing or damaged scan's name IS that scan: it is copied out through the store's temp name, checked
// against the name (and the entry's CRC), and renamed over the bad file — nothing is trusted that was not
// hashed on the way. What no held package carries stays listed, with the way to repair it by hand.
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '../../../shared/api/contract.js';
import { PRIVATE_FILE } from '../durable.js';
import type { Workspace } from '../workspace.js';
import { Manifest, manifestPath } from '../package/manifest.js';
import { listPackageRows } from '../package/packageRepo.js';
import { packagesDir } from '../paths.js';
import { openPackage, type OpenedPackage } from '../package/zipRead.js';
import { storeHealth } from './health.js';
import { commit, newTempPath, type Store } from './store.js';

export interface RepairResult {
  /** The file names (as the attachments call them) whose bytes were put back. */
  repaired: string[];
  /** Those no package held here carries: to be added again by hand (or the package imported again). */
  remaining: string[];
  message: Localized;
}

/** A manifest is small; a bigger one is not a manifest this app wrote. */
const MAX_MANIFEST_BYTES = 4 << 20;

/** From every package file this workspace keeps (`store:repair`, the banner's 修复 button). */
export async function repairFromPackages(w: Workspace): Promise<RepairResult> {
  // Whole package files only (level 1 always is one; a level kept as an addition adds no scan).
  const files = [...new Set(listPackageRows(w.db).map((r) => path.join(packagesDir(w.dataDir), r.file_name)))];
  return repairFromFiles(w, files);
}

/** From the given package files (also: a package imported again that changes nothing else). */
export async function repairFromFiles(w: Workspace, files: readonly string[]): Promise<RepairResult> {
  const health = await storeHealth(w);
  const wanted = new Map<string, string[]>();
  for (const d of [...health.missing, ...health.damaged]) {
    wanted.set(d.sha256, [...new Set(d.attachments.map((a) => a.fileName))]);
  }
  const repaired: string[] = [];
  for (const file of files) {
    if (wanted.size === 0) break;
    const pkg = await openPackage(file).catch(() => null);
    if (!pkg) continue;
    try {
      for (const { path: entryPath, sha256 } of await contentFiles(pkg)) {
        const names = wanted.get(sha256);
        const entry = pkg.entry(entryPath);
        if (!names || !entry) continue;
        if (await restoreEntry(w.store, pkg, entry, sha256)) {
          repaired.push(...names);
          wanted.delete(sha256);
        }
      }
    } finally {
      await pkg.close();
    }
  }
  const remaining = [...wanted.values()].flat();
  return { repaired, remaining, message: repairMessage(repaired, remaining) };
}

/** The content files level 1 lists, or none when its manifest cannot be read (that package is skipped). */
async function contentFiles(pkg: OpenedPackage): Promise<{ path: string; sha256: string }[]> {
  const entry = pkg.entry(manifestPath(1));
  if (!entry) return [];
  try {
    const { bytes } = await pkg.readBytes(entry, MAX_MANIFEST_BYTES);
    const parsed = Manifest.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data.files : [];
  } catch {
    return [];
  }
}

/** Copies one entry into the store under its hash; false (nothing changed) when its bytes are not that. */
async function restoreEntry(
  store: Store,
  pkg: OpenedPackage,
  entry: NonNullable<ReturnType<OpenedPackage['entry']>>,
  sha256: string,
): Promise<boolean> {
  const tempPath = newTempPath(store);
  const fh = await open(tempPath, 'wx', PRIVATE_FILE);
  let keep = false;
  try {
    const digest = await pkg.read(entry, async (chunk) => {
      await fh.write(chunk);
    });
    await fh.sync();
    await fh.close();
    if (digest.sha256 !== sha256 || !digest.crcOk) return false;
    await commit(store, { tempPath, sha256, bytes: digest.size });
    keep = true;
    return true;
  } finally {
    await fh.close().catch(() => {});
    if (!keep) await rm(tempPath, { force: true });
  }
}

function repairMessage(repaired: string[], remaining: string[]): Localized {
  const fixed = {
    zh: `已从本机保存的申报包修复 ${repaired.length} 个附件文件。`,
    en: `Repaired ${repaired.length} attachment file${repaired.length === 1 ? '' : 's'} from the packages kept here.`,
  };
  if (remaining.length === 0)
    return repaired.length === 0 ? { zh: '没有需要修复的附件文件。', en: 'No attachment file needs repair.' } : fixed;
  return {
    zh: `${repaired.length > 0 ? fixed.zh : ''}本机保存的申报包中没有以下文件：${remaining.join('、')}。请重新添加原文件（申报人），或再次导入含有它们的申报包（单位）。`,
    en: `${repaired.length > 0 ? `${fixed.en} ` : ''}No package kept here holds: ${remaining.join(', ')}. Add the original files again (applicant), or import the package holding them again (unit).`,
  };
}
