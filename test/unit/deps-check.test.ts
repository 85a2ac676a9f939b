// `npm run deps:check` (issue 21): the pinned Electron against the latest three stable majors of a registry —
// here a local one serving made-up version lists, so the test does not depend on the network or the date.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_LINES, sqliteFits, stableMajors } from '../../scripts/electronSupport.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string }>;
};
const pinned = lock.packages['node_modules/electron']!.version;
const pinnedMajor = Number(pinned.split('.')[0]);

let versions: string[] = [];
let server: http.Server;
let registry = '';
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url !== '/electron') return void response.writeHead(404).end();
    const document = { 'dist-tags': { latest: versions.filter((v) => !v.includes('-')).at(-1) }, versions: {} };
    for (const v of versions) (document.versions as Record<string, unknown>)[v] = {};
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function depsCheck(registryUrl: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'deps-check.mjs')], {
      env: { ...process.env, npm_config_registry: registryUrl },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stdout }));
  });
}

describe('npm run deps:check', () => {
  it('passes while the pinned major is one of the latest three, and says both versions', async () => {
    versions = [`${pinnedMajor - 1}.0.0`, pinned, `${pinnedMajor + 1}.0.0`, `${pinnedMajor + 2}.0.0`];
    versions.push(`${pinnedMajor + 3}.0.0-beta.1`); // a beta is not a stable major
    const run = await depsCheck(registry);
    expect(run.status).toBe(0);
    const first = run.stdout.split('\n')[0]!;
    expect(first).toContain(`Electron ${pinned}`);
    expect(first).toContain(`最新 ${pinnedMajor + 2}.0.0`);
    expect(first).toMatch(/：受支持 \/ .*: supported$/);
  });

  it('fails once three newer stable majors are out, naming the one to move to', async () => {
    versions = [pinned, `${pinnedMajor + 1}.0.0`, `${pinnedMajor + 2}.1.0`, `${pinnedMajor + 3}.0.0`];
    const run = await depsCheck(registry);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('已不受支持');
    expect(run.stdout).toContain(`请升级到 Electron ${pinnedMajor + 3}`);
  });

  it('says so and passes when the registry cannot be reached', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const run = await depsCheck(`http://127.0.0.1:${port}/`);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^无法访问 npm 源（127\.0\.0\.1:\d+：ECONNREFUSED），未检查 Electron [\d.]+/);
  });
});

describe('which better-sqlite3 runs in which Electron', () => {
  it('knows 12.x by its V8 calls and 13.x by Node-API', () => {
    expect(sqliteFits('12.11.1', 41).fits).toBe(true);
    expect(sqliteFits('12.11.1', 45)).toMatchObject({ fits: false, range: { max: 42 }, fitting: { line: 13 } });
    expect(sqliteFits('12.11.2', 43).fits).toBe(true);
    expect(sqliteFits('13.2.0', 45).fits).toBe(true);
    expect(sqliteFits('13.2.0', 33).fits).toBe(false);
    expect(SQLITE_LINES.map((l) => l.line)).toEqual([12, 13]);
  });

  it('counts stable majors only, newest first', () => {
    expect(stableMajors(['44.0.0', '45.1.0-beta.2', '43.2.1', '44.3.0', '46.0.0-alpha.1'])).toEqual([44, 43]);
  });
});

describe('the pinned Electron, said once', () => {
  it('the README and docs/desktop-build.md name the major package-lock.json pins', () => {
    for (const file of ['README.md', 'docs/desktop-build.md']) {
      const text = readFileSync(path.join(root, file), 'utf8');
      const named = [...text.matchAll(/\*\*(?:Pinned\*\*: )?Electron (\d+)/g)].map((m) => Number(m[1]));
      expect(named.length, file).toBeGreaterThan(0);
      expect(new Set(named), file).toEqual(new Set([pinnedMajor]));
    }
  });
});
