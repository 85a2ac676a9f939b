// Where things live on disk: the shipped resources, and the per-user data folder.
import { existsSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root: the first folder above this file holding package.json. The same walk works from the
 * TypeScript sources (tests), the compiled dist/ (CLI, browser mode) and a packaged app (inside app.asar).
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** The shipped resources folder; a packaged app keeps it outside app.asar and says where (main.ts). */
export function resourcesDir(): string {
  return process.env.DOSSIER_RESOURCES ?? path.join(packageRoot(), 'resources');
}

/** The OS's per-user app-data folder, as Electron's app.getPath('userData') would give it. */
export function defaultDataDir(): string {
  if (process.env.DOSSIER_DATA) return process.env.DOSSIER_DATA;
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Dossier');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Dossier');
    default:
      return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'dossier');
  }
}

/** The workspace's database, in the data folder. */
export const DATABASE_FILE = 'dossier.sqlite';

/**
 * What a data folder holds, top level (docs/unit-workspace.md, "Disk use"): `dossier.sqlite` (+ its -wal and
 * -shm while open), `store/` (the content-addressed attachment store, `store/tmp/` its temp files),
 * `dossier.lock` + `dossier.lock.json` (who holds the folder, folderLock.ts), `packages/` (signed packages written or taken in), `incoming/` (uploads until imported), `batches/` (a
 * unit's batch for the city until it is downloaded), `backups/` (automatic and manual backups), `held/` (a
 * unit's packages signed by a new applicant key, until decided) and `keys/` (the signing key). Each module
 * names its own folder; this is the one place that lists them all (the workspace keeps them private,
 * durable.ts makeWorkspacePrivate).
 */
export const DATA_FOLDERS = ['store', 'packages', 'incoming', 'batches', 'backups', 'held', 'keys'] as const;

/**
 * The signed package files a workspace wrote or took in (issue 6), and a countersigned package's addition to
 * its level 1 (package/levelAddition.ts). Here, not in the export's module, so that the backups and the
 * start-up check can name it without loading the export (and the PDF libraries it loads).
 */
export const PACKAGES_DIR = 'packages';
export const packagesDir = (dataDir: string) => path.join(dataDir, PACKAGES_DIR);

export interface FolderUsage {
  /** Bytes on disk under the folder, every file counted once however many hard links it has. */
  bytes: number;
  /** The same, per top-level entry (a folder of DATA_FOLDERS, the database, anything else by its name). */
  byEntry: Record<string, number>;
}

/**
 * The bytes a folder holds, counting each file once (by device and inode): a backup whose files are hard
 * links to the store's costs nothing more, and `du` would say the same. Sizes are file lengths, not blocks,
 * so that the figure does not depend on the file system. A file's bytes go to the first entry that names
 * it, in the order DATA_FOLDERS lists the workspace's own folders (the store before the backups).
 */
export async function folderUsage(dir: string): Promise<FolderUsage> {
  const seen = new Set<string>();
  const byEntry: Record<string, number> = {};
  const walk = async (p: string): Promise<number> => {
    const s = await lstat(p).catch(() => null);
    if (!s) return 0;
    if (s.isDirectory()) {
      let sum = 0;
      for (const name of await readdir(p).catch(() => [] as string[])) sum += await walk(path.join(p, name));
      return sum;
    }
    if (!s.isFile()) return 0;
    const key = `${s.dev}:${s.ino}`;
    if (seen.has(key)) return 0;
    seen.add(key);
    return s.size;
  };
  const names = await readdir(dir).catch(() => [] as string[]);
  const rank = (n: string) => {
    const i = (DATA_FOLDERS as readonly string[]).indexOf(n);
    return i < 0 ? -1 : i;
  };
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  let bytes = 0;
  for (const name of names) {
    const n = await walk(path.join(dir, name));
    byEntry[name] = n;
    bytes += n;
  }
  return { bytes, byEntry };
}
