// Issue 19, item 10: a download the user cancels in the browser mode. The browser closes the connection
// mid-file; the server used to print an ERR_STREAM_PREMATURE_CLOSE stack trace for it. Now it logs one
// line (which file, how far) and nothing else, and it goes on serving. Real HTTP on 127.0.0.1, the real
// server, a package file large enough that the socket cannot swallow it whole before the hang-up.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packagesDir } from '../../electron/core/package/exportService.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { startServer, type Server } from '../../electron/serve.js';
import { abortedDownload } from '../helpers/http.js';
import { tempDir, tempWorkspace } from '../helpers/workspace.js';

const NAME = '申报包-张三-r1.zcpkg';
const SIZE = 48 * 2 ** 20;

let w: Workspace;
let server: Server;
/** What the process wrote to stderr, each console call formatted as Node prints it (stacks included). */
let stderr: string[];

beforeEach(async () => {
  w = tempWorkspace();
  // A recorded package file of 48 MB (its content does not matter to the download route).
  mkdirSync(packagesDir(w.dataDir), { recursive: true });
  writeFileSync(path.join(packagesDir(w.dataDir), NAME), randomBytes(SIZE));
  w.db
    .prepare(
      `INSERT INTO package_file (file_name, package_id, revision, level, sha256, size, manifest_sha256,
         l1_manifest_sha256, l1_signer, supersedes, direction, applicant_id, created_at)
       VALUES (@name, 'pkg-abort', 1, 1, @hex, @size, @hex, @hex, @hex, NULL, 'imported', NULL, '2026-01-01T00:00:00Z')`,
    )
    .run({ name: NAME, hex: 'a'.repeat(64), size: SIZE });
  const staticDir = path.join(tempDir(), 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer({ workspace: w, staticDir });
  stderr = [];
  const capture = (...args: unknown[]) => void stderr.push(format(...args));
  vi.spyOn(console, 'error').mockImplementation(capture);
  vi.spyOn(console, 'warn').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(async () => {
  await server.close();
  vi.restoreAllMocks();
});

const url = () => `/packages/${encodeURIComponent(NAME)}?token=${server.token}`;

/** Waits until the server has logged something, then a little longer for anything that would follow. */
async function logged(): Promise<string[]> {
  for (let i = 0; i < 100 && stderr.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  return stderr;
}

describe('a download cancelled in the browser', () => {
  it('is one line in the log, no stack trace, and the server goes on serving', async () => {
    const aborted = await abortedDownload(server.port, url(), 256 * 1024);
    expect(aborted).toMatchObject({ status: 200, whole: false });
    expect(aborted.received).toBeLessThan(SIZE);

    const lines = await logged();
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatch(
      new RegExp(
        `^\\[dossier\\] download of /packages/${NAME} stopped by the browser \\((ERR_STREAM_PREMATURE_CLOSE|ECONNRESET|EPIPE)`,
      ),
    );
    expect(line).toMatch(new RegExp(`, \\d+ of ${SIZE} bytes sent\\)$`));
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(/\bat .*\(.*:\d+:\d+\)|request failed|Error/);

    // The same file downloads whole afterwards: nothing was left half-open.
    const whole = await abortedDownload(server.port, url(), SIZE + 1);
    expect(whole).toEqual({ status: 200, received: SIZE, whole: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(stderr).toHaveLength(1);
  });

  it('a download that completes logs nothing', async () => {
    const whole = await abortedDownload(server.port, url(), SIZE + 1);
    expect(whole).toEqual({ status: 200, received: SIZE, whole: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(stderr).toEqual([]);
  });
});
