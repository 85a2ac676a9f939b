// What keeps the desktop build on a supported Electron (issue 21), in one place: Electron's support window and
// which better-sqlite3 line can run inside which Electron. Read by scripts/dist.mjs (refuses a pair that
// does not fit, before doing anything), scripts/deps-check.mjs (`npm run deps:check`) and the README's test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron supports the latest three stable majors (electronjs.org, "Electron Releases / Version support"). */
export const SUPPORTED_MAJORS = 3;

/**
 * better-sqlite3's lines and the Electron majors each can run in. 12.x uses V8's C++ API and is compiled
 * per Electron ABI; 12.11.1 compiles up to Electron 42 (43 from 12.11.2 on), its V8 calls fail to compile
 * for later ones (WiseLibs/better-sqlite3#1474). 13.x is built on Node-API: one binary for every runtime whose
 * Node is 22 or later (Electron 35 onward), but its tooling needs Node ≥ 22 itself.
 */
export const SQLITE_LINES = [
  { line: 12, node: '20–26', electron: (version) => ({ min: 29, max: atLeast(version, '12.11.2') ? 43 : 42 }) },
  { line: 13, node: '≥ 22', electron: () => ({ min: 35, max: Infinity }) },
];

function atLeast(version, floor) {
  const a = version.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** Whether this better-sqlite3 version can run inside this Electron major, and which line would. */
export function sqliteFits(sqliteVersion, electronMajor) {
  const major = Number(sqliteVersion.split('.')[0]);
  const entry = SQLITE_LINES.find((l) => l.line === major);
  const range = entry?.electron(sqliteVersion);
  const fits = Boolean(range && electronMajor >= range.min && electronMajor <= range.max);
  const fitting = SQLITE_LINES.find((l) => {
    const r = l.electron(`${l.line}.99.99`);
    return electronMajor >= r.min && electronMajor <= r.max;
  });
  return { fits, range, fitting };
}

/** The version a package-lock.json pins for a package (what `npm ci` installs), or the installed one. */
export function pinnedVersion(name) {
  try {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (version) return version;
  } catch {
    // No lock file: fall back to node_modules.
  }
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The stable majors of a package's published versions, newest first. */
export function stableMajors(versions) {
  const majors = new Set();
  for (const v of versions) if (/^\d+\.\d+\.\d+$/.test(v)) majors.add(Number(v.split('.')[0]));
  return [...majors].sort((a, b) => b - a);
}
