// Where things live on disk: the shipped resources, and the per-user data folder.
import { existsSync } from 'node:fs';
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
