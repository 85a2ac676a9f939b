#!/usr/bin/env node
// `npm run dist`: the installers for this platform (electron-builder.yml): icons from resources/icon.svg,
// the app build, then electron-builder, which downloads the Electron runtime for each target (and its own
// tools) unless they are in its cache. Where that download cannot work — as on our build machines, where only
// the npm registry is reachable — this says so in one line (Chinese / English) and exits 1, before spending
// a minute on the build. Before that, it refuses a better-sqlite3 that cannot run inside the pinned Electron
// (scripts/electronSupport.mjs), naming the line that would. Usage: node scripts/dist.mjs [--check]
// (--check: only these tests, every problem on its own line)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SQLITE_LINES, root, sqliteFits } from './electronSupport.mjs';

const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const target = `${process.platform}-${process.arch}`;
const zipName = `electron-v${electronVersion}-${target}.zip`;

/** @electron/get's cache folder (env-paths 'electron'), where electron-builder looks before downloading. */
function electronCacheDir() {
  if (process.env.electron_config_cache) return process.env.electron_config_cache;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') {
    return path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  }
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'electron');
}

/** The runtime zip for this platform in the cache (stored as <cache>/<hash>/<zip>, or flat). */
function cachedRuntime() {
  const dir = electronCacheDir();
  if (existsSync(path.join(dir, zipName))) return path.join(dir, zipName);
  for (const sub of existsSync(dir) ? readdirSync(dir) : []) {
    const file = path.join(dir, sub, zipName);
    if (existsSync(file)) return file;
  }
  return null;
}

/** Can the release server (or the configured mirror) be reached at all? */
async function canDownload() {
  const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const url = `${mirror.replace(/\/?$/, '/')}v${electronVersion}/SHASUMS256.txt`;
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(10_000) });
    return { ok: response.ok || response.status === 405, why: `HTTP ${response.status}`, url };
  } catch (e) {
    return { ok: false, why: e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(e), url };
  }
}

/** Every problem found before building, one line each; the run stops after the checks when there is one. */
const problems = [];

/** better-sqlite3 is compiled into the installer for Electron's own Node: refuse a pair that cannot be. */
function checkSqlite() {
  const sqlite = JSON.parse(readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'));
  const major = Number(electronVersion.split('.')[0]);
  const pair = sqliteFits(sqlite.version, major);
  if (pair.fits) return;
  const line = pair.fitting ?? SQLITE_LINES.at(-1);
  problems.push(
    `无法打包：better-sqlite3 ${sqlite.version} 只能用于 Electron ${pair.range?.min ?? '?'}–${pair.range?.max ?? '?'}，` +
      `本项目使用 Electron ${electronVersion}；请在 Node ${line.node} 的机器上运行 ` +
      `npm install --no-save better-sqlite3@${line.line} 后再运行 npm run dist。 / ` +
      `Cannot package: better-sqlite3 ${sqlite.version} runs in Electron ${pair.range?.min ?? '?'}–` +
      `${pair.range?.max ?? '?'} only, and this project uses Electron ${electronVersion}; on a machine with Node ` +
      `${line.node}, run npm install --no-save better-sqlite3@${line.line}, then npm run dist.`,
  );
}

function cannotDownload(why) {
  const host = new URL(why.url ?? 'https://github.com').host;
  problems.push(
    `无法打包：Electron 运行时 v${electronVersion}（${target}）无法下载（${host}：${why.why}）；` +
      `请在能访问 ${host} 的机器上运行 npm run dist，或设置 ELECTRON_MIRROR 镜像。 / ` +
      `Cannot package: the Electron runtime v${electronVersion} (${target}) cannot be downloaded (${host}: ${why.why}); ` +
      `run npm run dist where ${host} is reachable, or set ELECTRON_MIRROR.`,
  );
}

function stopOnProblems() {
  if (problems.length === 0) return;
  for (const problem of problems) console.error(problem);
  process.exit(1);
}

const NETWORK =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|socket hang up|getaddrinfo|unable to download|cannot download/i;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

checkSqlite();
const cached = cachedRuntime();
// A proxy (which Node's fetch ignores) may let electron-builder through where the probe fails: then try.
const proxied = Boolean(process.env.HTTPS_PROXY || process.env.https_proxy || process.env.ELECTRON_GET_USE_PROXY);
if (!cached && !proxied) {
  const probe = await canDownload();
  if (!probe.ok) cannotDownload(probe);
}
stopOnProblems();
if (process.argv.includes('--check')) {
  console.log(cached ? `Electron runtime: ${cached}` : 'Electron runtime: downloadable');
  process.exit(0);
}

run(process.execPath, [path.join(root, 'scripts', 'icons.mjs')]);
run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
const { build } = await import('electron-builder');
try {
  const artifacts = await build({ projectDir: root, publish: 'never' });
  console.log(`\n${artifacts.filter((a) => !a.endsWith('.blockmap')).join('\n')}`);
} catch (e) {
  const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  if (NETWORK.test(message)) {
    cannotDownload({ why: /(E[A-Z_]{4,})/.exec(message)?.[1] ?? 'network', url: undefined });
    stopOnProblems();
  }
  throw e;
}
