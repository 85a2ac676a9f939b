// `dossier start`: the desktop window where the Electron runtime is installed, otherwise the same UI in
// the browser mode — said in one clear line, with the address to open.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Localized } from '../shared/api/contract.js';
import { packageRoot } from './core/paths.js';

const NOT_DOWNLOADED = {
  zh: 'Electron 运行时未下载；联网时可运行 npx install-electron --no 下载',
  en: 'the Electron runtime is not downloaded; where the network allows, run npx install-electron --no',
};

/** The Electron binary's path, or why there is none. Since Electron 42 the npm package downloads its runtime
 *  lazily: requiring it with the runtime missing starts a download (and waits on the network), which an
 *  offline start must never do. So the package's own pointer (path.txt, written once the runtime is there) is
 *  read here instead, exactly as the package's index.js reads it, without the download. */
export function findElectron(from: string = import.meta.url): { binary: string } | { missing: Localized } {
  try {
    const packageJson = createRequire(from).resolve('electron/package.json');
    const dir = path.dirname(packageJson);
    const pointer = path.join(dir, 'path.txt');
    if (existsSync(pointer)) {
      const binary = path.join(dir, 'dist', readFileSync(pointer, 'utf8').trim());
      if (existsSync(binary)) return { binary };
    }
  } catch {
    // No electron package at all (a production install without devDependencies): said below.
  }
  return { missing: NOT_DOWNLOADED };
}

/** Starts the desktop app and resolves with its exit code. */
export function runElectron(binary: string, dataDir: string): Promise<number> {
  const main = path.join(packageRoot(), 'dist', 'electron', 'main.js');
  const child = spawn(binary, [main], { stdio: 'inherit', env: { ...process.env, DOSSIER_DATA: dataDir } });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
