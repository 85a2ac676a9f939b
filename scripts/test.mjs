#!/usr/bin/env node
// `npm test`: everything, in order — type checks (Node and web), lint, build, unit + integration tests
// (vitest, real SQLite in temp dirs), end-to-end tests (Playwright driving Debian Chromium against the
// browser mode). Every step runs even when an earlier one failed, so one run shows all that is wrong;
// the last line counts tests and checks together: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  results[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(label);
  return ok;
}

/** Counts from a test runner's JSON report; a run that wrote no report counts as one failure. */
function countReport(label, ok, file, read) {
  if (!existsSync(file)) {
    results.failed += 1;
    failures.push(`${label} (no report)`);
    return;
  }
  const { passed, failed } = read(JSON.parse(readFileSync(file, 'utf8')));
  results.passed += passed;
  results.failed += failed;
  if (failed > 0 || !ok) failures.push(label);
  if (!ok && failed === 0) results.failed += 1;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('typecheck (Node side)', npx, ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (web side)', npx, ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('typecheck (tests)', npx, ['tsc', '-p', 'tsconfig.test.json']);
check('lint', npx, ['eslint', '.']);
check('format', npx, ['prettier', '--check', 'electron', 'shared', 'renderer', 'test', 'scripts']);
const built =
  check('build', npx, ['tsc', '-p', 'tsconfig.node.json']) && check('build (renderer)', npx, ['vite', 'build']);

rmSync('test-results/vitest.json', { force: true });
// CI=true: `npm test` runs everything, so a check that needs a tool (OpenSSL with SM3, jq) fails when the tool
// is missing rather than being skipped (test/helpers/tools.ts); a lone `npx vitest run` may skip it.
const unitOk = run(
  'unit + integration tests',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  { CI: 'true' },
);
countReport('vitest', unitOk, 'test-results/vitest.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
}));

if (built) {
  rmSync('test-results/playwright.json', { force: true });
  const e2eOk = run('end-to-end tests', npx, ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
  });
  countReport('playwright', e2eOk, 'test-results/playwright.json', (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
  }));
} else {
  results.failed += 1;
  failures.push('end-to-end tests (not run: the build failed)');
}

console.log('');
if (failures.length) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
