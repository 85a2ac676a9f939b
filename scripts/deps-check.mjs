#!/usr/bin/env node
// `npm run deps:check`: is the pinned Electron still supported? Prints the pinned and the latest Electron in one
// line and exits 1 when the pinned major is outside the latest three stable majors — its Chromium then gets no
// security fixes (issue 21). When the registry cannot be reached it says so and exits 0: being offline is not
// a finding. A second line says whether the pinned better-sqlite3 can run inside that Electron (see
// scripts/electronSupport.mjs). The registry is npm's configured one (npm_config_registry under `npm run`).
import { SUPPORTED_MAJORS, pinnedVersion, sqliteFits, stableMajors } from './electronSupport.mjs';

const registry = (process.env.npm_config_registry || 'https://registry.npmjs.org/').replace(/\/?$/, '/');
const pinned = pinnedVersion('electron');
const pinnedMajor = Number(pinned.split('.')[0]);

async function published() {
  const response = await fetch(`${registry}electron`, {
    // The abbreviated document: versions and dist-tags only.
    headers: { accept: 'application/vnd.npm.install-v1+json' },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { code: `HTTP ${response.status}` });
  const document = await response.json();
  return { versions: Object.keys(document.versions ?? {}), latest: document['dist-tags']?.latest };
}

let metadata;
try {
  metadata = await published();
} catch (e) {
  const why = e?.code ?? e?.cause?.code ?? e?.name ?? 'error';
  const host = new URL(registry).host;
  console.log(
    `无法访问 npm 源（${host}：${why}），未检查 Electron ${pinned} 是否仍受支持 / ` +
      `the npm registry (${host}) cannot be reached (${why}); Electron ${pinned} was not checked`,
  );
  process.exit(0);
}

const supported = stableMajors(metadata.versions).slice(0, SUPPORTED_MAJORS);
const isSupported = supported.includes(pinnedMajor);
const list = supported.join('、');
console.log(
  isSupported
    ? `Electron ${pinned}（固定）· 最新 ${metadata.latest} · 受支持的主版本 ${list}：受支持 / ` +
        `Electron ${pinned} pinned · latest ${metadata.latest} · supported majors ${supported.join(', ')}: supported`
    : `Electron ${pinned}（固定）· 最新 ${metadata.latest} · 受支持的主版本 ${list}：已不受支持，不再获得安全更新；` +
        `请升级到 Electron ${supported[0]}（见 README「Electron 版本」）/ Electron ${pinned} pinned · latest ` +
        `${metadata.latest} · supported majors ${supported.join(', ')}: OUT OF SUPPORT, no more security fixes; ` +
        `upgrade to Electron ${supported[0]} (README, "Electron version")`,
);

const sqlite = pinnedVersion('better-sqlite3');
const pair = sqliteFits(sqlite, pinnedMajor);
console.log(
  pair.fits
    ? `better-sqlite3 ${sqlite} 可在 Electron ${pinnedMajor} 中运行 / better-sqlite3 ${sqlite} runs in Electron ${pinnedMajor}`
    : `better-sqlite3 ${sqlite} 只能用于 Electron ${pair.range?.min}–${pair.range?.max}；安装程序需 better-sqlite3 ` +
        `${pair.fitting?.line ?? '?'}.x（npm run dist 会说明）/ better-sqlite3 ${sqlite} runs in Electron ` +
        `${pair.range?.min}–${pair.range?.max} only; the installer needs better-sqlite3 ${pair.fitting?.line ?? '?'}.x ` +
        `(npm run dist says how)`,
);
process.exit(isSupported ? 0 : 1);
