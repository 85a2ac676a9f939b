// Where things live on disk: the shipped resources, and the per-user data folder.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shipped resources folder. Found by walking up from this file, so it works from the TypeScript
 * sources (tests), the compiled dist/ (CLI, browser mode) and a packaged app (DOSSIER_RESOURCES).
 */
export function resourcesDir(): string {
  const fromEnv = process.env.DOSSIER_RESOURCES;
  if (fromEnv) return fromEnv;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'resources'))) {
      return path.join(dir, 'resources');
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('resources folder not found');
    dir = parent;
  }
}

/** The project root (the folder holding package.json and dist/), for the browser mode's static files. */
export function appRoot(): string {
  return path.dirname(resourcesDir());
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
