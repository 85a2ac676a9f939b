// `dossier start`: the desktop window where the Electron runtime is installed, otherwise the same UI in
// the browser mode — said in one clear line, with the address to open.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from './core/paths.js';

/** The Electron binary's path, or why there is none. The npm package installs without its runtime
 *  where the download is unreachable; requiring it then throws. */
export function findElectron(): { binary: string } | { missing: string } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { binary };
    return { missing: 'Electron 运行时未下载' };
  } catch (e) {
    return { missing: e instanceof Error ? (e.message.split('\n')[0] ?? 'electron') : String(e) };
  }
}

/** Starts the desktop app and resolves with its exit code. */
export function runElectron(binary: string, dataDir: string): Promise<number> {
  const main = path.join(packageRoot(), 'dist', 'electron', 'main.js');
  const child = spawn(binary, [main], { stdio: 'inherit', env: { ...process.env, DOSSIER_DATA: dataDir } });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
