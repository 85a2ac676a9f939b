// Each end-to-end test gets its own data folder and its own browser-mode server (the real core, a real
// SQLite file). The server can be killed with SIGKILL and started again on the same folder.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface App {
  dataDir: string;
  url: string;
  /** Kill the server as a crash would (SIGKILL), then start it again on the same data folder. */
  crashAndRestart(): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/dossier.js', 'serve', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    // A loaded machine (two CPUs, parallel workers) can take a while; a server that never said its address is
    // ended, not left running with no test to stop it.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${out}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

export const SCREENSHOT_DIR = path.join('test-results', 'screens');

export const test = base.extend<{ app: App }>({
  app: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
    let server = await startServer(dataDir);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const app: App = {
      dataDir,
      get url() {
        return server.url;
      },
      async crashAndRestart() {
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGKILL');
        await exited;
        server = await startServer(dataDir);
      },
      async screenshot(page, name) {
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
      },
    };
    await use(app);
    server.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/**
 * A second workspace (another role's: the unit's beside the applicant's), its own data folder and server,
 * started as the fixture starts its own; `stop` ends the server and removes the folder.
 */
export async function startWorkspace(
  /** Fills the folder before the server starts (the command line refuses a folder an app is using). */
  seed?: (dataDir: string) => Promise<void>,
): Promise<{ dataDir: string; url: string; stop: () => void }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-second-'));
  const { child, url } = await (seed ? seed(dataDir) : Promise.resolve())
    .then(() => startServer(dataDir))
    .catch((e: unknown) => {
      rmSync(dataDir, { recursive: true, force: true });
      throw e;
    });
  return {
    dataDir,
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A method of the contract called as the page calls it (same token, same transport). */
export async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-dossier-token': sessionStorage.getItem('dossier.token') ?? '',
        },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { method, input },
  );
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export { expect };
