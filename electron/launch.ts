// `dossier start`: the desktop window where the Electron runtime is installed, otherwise the same UI in
// the browser mode — said in one clear line, with the address to open.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Localized } from '../shared/api/contract.js';
import { packageRoot } from './core/paths.js';

const NOT_DOWNLOADED = {
  zh: 'Electron 运行时未下载；联网时可运行 node node_modules/electron/install.js 下载',
  en: 'the Electron runtime is not downloaded; where the network allows, run node node_modules/electron/install.js',
};

/** The Electron binary's path, or why there is none. The npm package installs without its runtime where
 *  the download is unreachable (and npm's allowScripts keeps `npm ci` from trying); requiring it throws. */
export function findElectron(): { binary: string } | { missing: Localized } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { binary };
  } catch {
    // Reported below: the package's own message ("delete node_modules/electron…") misleads here.
  }
  return { missing: NOT_DOWNLOADED };
}

/** Starts the desktop app and resolves with its exit code. */
export function runElectron(binary: string, dataDir: string): Promise<number> {
  const main = path.join(packageRoot(), 'dist', 'electron', 'main.js');
  const child = spawn(binary, [main], { stdio: 'inherit', env: { ...process.env, DOSSIER_DATA: dataDir } });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
