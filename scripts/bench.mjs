#!/usr/bin/env node
// `npm run bench`: speed of the archive on the Node side, and of the browser mode's first screen, each
// printed with a baseline measured in the same run (machines here are noisy: compare the ratios).
//   archive: 200 works + 100 courses. Baseline: writing + fsyncing the same JSON bytes to a file.
//   first screen: `dossier serve` start → welcome screen interactive in Chromium. Baseline: Chromium
//   a bare Node process printing a line, then a one-button page.
// Target (issue 2): saving under 50 ms at that size.
import { spawn } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const core = (p) => import(new URL(`../dist/electron/core/${p}`, import.meta.url).href);
const archive = await core('archiveService.js');
const { openWorkspace, closeWorkspace, readSampleJson } = await core('workspace.js');

function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  return median(samples);
}
const row = (label, ms, baseMs, note = '') =>
  console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms   ${(ms / baseMs).toFixed(1).padStart(6)}× baseline ${note}`);

function bigArchive() {
  const doc = JSON.parse(readSampleJson());
  const work = doc.works[0];
  const course = doc.courses[0];
  doc.works = Array.from({ length: 200 }, (_, i) => ({ ...work, id: `w${i}`, title: `${work.title}（${i}）`, representative: i === 0 }));
  doc.courses = Array.from({ length: 100 }, (_, i) => ({ ...course, id: `c${i}`, year: 2018 + (i % 3) }));
  return doc;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
try {
  const doc = bigArchive();
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  const workspace = openWorkspace(path.join(dir, 'ws'));
  const id = archive.importArchiveJson(workspace.db, json);

  const baseline = time(50, (i) => {
    const fd = openSync(path.join(dir, `base-${i}.json`), 'w');
    writeSync(fd, json);
    fsyncSync(fd);
    closeSync(fd);
  });
  console.log(`archive of ${doc.works.length} works and ${doc.courses.length} courses, ${(json.length / 1024).toFixed(0)} KiB of JSON`);
  console.log(`${'baseline: write + fsync the same JSON'.padEnd(44)} ${baseline.toFixed(2).padStart(9)} ms`);
  const save = time(200, (i) =>
    archive.putRecord(workspace.db, { applicantId: id, kind: 'works', record: { ...doc.works[i % 200], title: `改 ${i}` } }),
  );
  row('save one record (records:put)', save, baseline, save < 50 ? '(target < 50 ms: met)' : '(target < 50 ms: MISSED)');
  const section = time(200, (i) =>
    archive.saveSection(workspace.db, { applicantId: id, section: 'summary', data: { text: `${doc.summary.text}${i}` } }),
  );
  row('save the summary section', section, baseline, section < 50 ? '(target < 50 ms: met)' : '(target < 50 ms: MISSED)');
  row('load the whole archive (archive:get)', time(50, () => archive.readArchive(workspace.db, id)), baseline);
  row('export JSON', time(50, () => archive.exportArchiveJson(workspace.db, id)), baseline);
  row(
    'import JSON into an empty workspace',
    time(10, (i) => {
      const w = openWorkspace(path.join(dir, `imp-${i}`));
      archive.importArchiveJson(w.db, json);
      closeWorkspace(w);
    }),
    baseline,
  );
  await httpSave(workspace, id, doc, baseline);
  closeWorkspace(workspace);

  await firstScreen(path.join(dir, 'serve'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The UI's path: HTTP → token and origin checks → zod on the contract → service → SQLite. */
async function httpSave(workspace, applicantId, doc, baseline) {
  const { startServer } = await import(new URL('../dist/electron/serve.js', import.meta.url).href);
  const server = await startServer({ workspace });
  try {
    const samples = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${server.port}/api/records:put`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
        body: JSON.stringify({ applicantId, kind: 'works', record: { ...doc.works[i], title: `网 ${i}` } }),
      });
      if (!(await res.json()).ok) throw new Error('records:put failed');
      samples.push(performance.now() - t);
    }
    const ms = median(samples);
    row('save one record over HTTP (browser mode)', ms, baseline, ms < 50 ? '(target < 50 ms: met)' : '(target < 50 ms: MISSED)');
  } finally {
    await server.close();
  }
}

async function firstScreen(dataDir) {
  let chromium;
  try {
    ({ chromium } = await import('@playwright/test'));
  } catch {
    console.log('first screen: skipped (@playwright/test not installed)');
    return;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const starts = [];
    const baselines = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const child = spawn(process.execPath, ['bin/dossier.js', 'serve', '--data', `${dataDir}-${i}`, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error(out)));
      });
      const page = await browser.newPage();
      await page.goto(url);
      await page.getByRole('button', { name: /新建空白档案/ }).waitFor();
      starts.push(performance.now() - t0);
      // Baseline: the same pipeline without the app — a Node process that prints a line, then a page
      // with one button.
      const t1 = performance.now();
      const bare = spawn(process.execPath, ['-e', 'console.log("ready")'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise((resolve) => bare.stdout.once('data', resolve));
      await page.goto('data:text/html,<button>ready</button>');
      await page.getByRole('button', { name: 'ready' }).waitFor();
      baselines.push(performance.now() - t1);
      await page.close();
      child.kill('SIGTERM');
    }
    const base = median(baselines);
    console.log(`${'baseline: bare node start + one-button page'.padEnd(44)} ${base.toFixed(2).padStart(9)} ms`);
    row('start browser mode → first screen interactive', median(starts), base);
  } finally {
    await browser.close();
  }
}
