// Issue 6 end to end, in Debian Chromium against the browser mode: the sample applicant (吴𠮷喆) creates a
// signing key on 申报包 (a mismatched confirmation is named beside its field; the fingerprint is shown
// grouped); the export is blocked by missing scans, each with a link to where it is fixed (never by the
// publicity confirmation, which the unit issues after the hand-in); with the scans added, the warnings
// each need a written reason before 导出 is allowed; the export runs as a job and shows its file, revision,
// package fingerprint and a download that is a ZIP. The same file, uploaded on 校验导入, verifies green at
// every check and imports (unchanged: this very package); a copy with one byte flipped in the middle is
// red, with the damaged file named. A second, empty workspace (the unit's) takes the package in from its
// welcome screen and opens the imported archive.
import type { Page } from '@playwright/test';
import { callApi, expect, startWorkspace, test, type App } from './fixtures.js';
import {
  attachMissingScans,
  exportPackage,
  PASSPHRASE,
  REASON,
  sampleReadyToExport,
  withFullHeight,
} from './packageSteps.js';
import { openSampleArchive } from './sample.js';

/** The editor scrolls inside its content pane: let it out to full height for a whole-screen picture. */
const shot = (page: Page, app: App, name: string) => withFullHeight(page, () => app.screenshot(page, name));

/** Chooses a file on 校验导入 as the picker would. */
async function choosePackage(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId('package-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

test('create a key, export with written reasons, download; verify it green and import; a flipped byte is red', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await openSampleArchive(page);
  await page.getByTestId('nav-package').click();
  await expect(page.getByRole('heading', { name: '申报包', level: 1 })).toBeVisible();

  // ---- 签名密钥: once, with a passphrase that cannot be recovered ----
  const keyCard = page.getByTestId('key-card');
  await expect(keyCard).toContainText('密码无法找回');
  await expect(keyCard).toContainText('评审表（F-1）和承诺书');
  // Export waits for the key.
  await expect(page.getByTestId('export-start')).toBeDisabled();
  await expect(page.getByTestId('export-waiting')).toContainText('创建签名密钥');
  // By keyboard: Tab goes from the passphrase over its 显示 toggle to the confirmation, Enter submits.
  await page.locator('#key-passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Tab');
  await expect(page.locator('.ant-input-password-icon').first()).toBeFocused();
  await expect(page.locator('.ant-input-password-icon').first()).toHaveAttribute('aria-label', '显示');
  await page.keyboard.press('Tab');
  await expect(page.locator('#key-confirm')).toBeFocused();
  await page.keyboard.type(`${PASSPHRASE}!`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('key-confirm-help')).toHaveText('两次输入的密码不一致');
  await expect(page.locator('#key-confirm')).toBeFocused();
  await shot(page, app, 'package-01-key-create');
  await page.locator('#key-confirm').fill(PASSPHRASE);
  await expect(page.getByTestId('key-confirm-help')).toHaveCount(0);
  await page.getByTestId('key-create').click();
  const fingerprint = page.getByTestId('key-fingerprint');
  await expect(fingerprint).toBeVisible();
  await expect(fingerprint).toContainText(/^[0-9A-F]{4}( [0-9A-F]{4}){15}/);
  const keyHex = await fingerprint.getAttribute('data-value');
  const status = await callApi<{ fingerprint: string }>(page, 'keys:status', {});
  expect(keyHex).toBe(status.fingerprint);

  // ---- 导出: the sample lacks scans — blockers, each with its fix link; no export ----
  await expect(page.getByTestId('precheck-blockers')).toBeVisible();
  await expect(page.getByTestId('blocker-N-12.graduate-form#edu-1')).toContainText('高校毕业生登记表');
  await expect(page.getByTestId('fix-N-12.graduate-form#edu-1')).toHaveText('去修改（材料清单）');
  // The publicity confirmation the applicant cannot have yet is no blocker (N-8).
  await expect(page.getByTestId('blocker-M-3.publicity-form')).toHaveCount(0);
  await expect(page.getByTestId('export-start')).toBeDisabled();
  await expect(page.getByTestId('export-waiting')).toContainText('个必须解决的问题');
  await shot(page, app, 'package-02-blockers');

  // The link goes where it is fixed.
  await page.getByTestId('fix-N-12.graduate-form#edu-1').click();
  await expect(page.getByRole('heading', { name: '材料清单', level: 1 })).toBeVisible();

  // With the scans added, only warnings remain: each needs a reason of ten characters or more.
  await attachMissingScans(page, { publicity: false });
  await page.getByTestId('nav-package').click();
  const warnings = page.getByTestId('precheck-warnings');
  await expect(warnings).toBeVisible();
  await expect(page.getByTestId('precheck-blockers')).toHaveCount(0);
  // Nor does it ask for a reason: it is a note (severity info), left out of the precheck.
  await expect(page.getByTestId('warning-M-3.publicity-form')).toHaveCount(0);
  const reasons = warnings.locator('textarea');
  const n = await reasons.count();
  expect(n).toBeGreaterThan(0);
  await expect(page.getByTestId('export-waiting')).toContainText(`为 ${n} 项写明理由`);
  // Too short: the counter says so; nothing moves while typing.
  const first = reasons.first();
  await first.fill('已核实');
  const firstId = (await first.getAttribute('id')) ?? '';
  await expect(page.locator(`#${firstId}-hint`)).toHaveText('已写 3 字，至少 10 字');
  await shot(page, app, 'package-03-warnings');
  for (let i = 0; i < n; i++) {
    await reasons.nth(i).fill(REASON);
  }
  await expect(page.locator(`#${firstId}-hint`)).toHaveText(/^已写 \d+ 字$/);
  await expect(page.getByTestId('export-waiting')).toHaveText('导出前还需：输入密钥密码');
  await page.getByTestId('export-passphrase').fill(PASSPHRASE);
  await expect(page.getByTestId('export-start')).toBeEnabled();
  await page.getByTestId('export-start').click();

  const job = page.getByTestId('export-job');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(job).toContainText('申报包已导出并签名');
  const result = page.getByTestId('export-result');
  const fileName = (await page.getByTestId('export-result-name').textContent()) ?? '';
  expect(fileName).toMatch(/\.zcpkg$/);
  await expect(result).toContainText('第 1 版');
  await expect(result).toContainText('申请人');
  await expect(page.getByTestId('export-result-fingerprint')).toContainText(/^[0-9A-F]{4}( [0-9A-F]{4}){15}/);
  await expect(page.getByTestId('package-list')).toContainText(fileName);
  await shot(page, app, 'package-04-exported');

  // 下载: the package itself (with the token), a ZIP.
  const href = (await page.getByTestId('export-result-download').getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/packages\/.+\.zcpkg\?token=/);
  const response = await page.request.get(new URL(href, page.url()).href);
  expect(response.ok()).toBe(true);
  const bytes = await response.body();
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const manifestSha = await page.getByTestId('export-result-fingerprint').getAttribute('data-value');

  // ---- 校验导入: the same file verifies green at every check ----
  await page.getByTestId('nav-verifyPackage').click();
  await expect(page.getByRole('heading', { name: '校验导入', level: 1 })).toBeVisible();
  await choosePackage(page, fileName, bytes);
  const report = page.getByTestId('verify-report');
  await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('verify-verdict')).toContainText('校验通过');
  await expect(page.getByTestId('verify-level-1')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('verify-signature-1')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('verify-signer-1')).toHaveAttribute('data-value', keyHex ?? '');
  // The package fingerprint the export showed is the one the verify screen shows for level 1.
  await expect(page.getByTestId('verify-package-1')).toHaveAttribute('data-value', manifestSha ?? '');
  await expect(page.getByTestId('verify-files-1')).not.toContainText(/不符|缺失|损坏/);
  await expect(page.getByTestId('verify-problems')).toHaveCount(0);
  expect(manifestSha).toMatch(/^[0-9a-f]{64}$/);
  await shot(page, app, 'package-05-verified');

  // 导入: allowed now; this very package was exported here, so nothing changes.
  await expect(page.getByTestId('package-import-start')).toBeEnabled();
  await page.getByTestId('package-import-start').click();
  const importJob = page.getByTestId('import-job');
  await expect(importJob).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-status', 'unchanged');
  await expect(importJob).toContainText('之前已经导入过');
  await shot(page, app, 'package-06-imported');

  // ---- One byte flipped in the middle: red, with the reason and the damaged file named ----
  const tampered = Buffer.from(bytes);
  const middle = Math.floor(tampered.length / 2);
  tampered[middle] = (tampered[middle] ?? 0) ^ 0xff;
  await choosePackage(page, `tampered-${fileName}`, tampered);
  await expect(report).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('verify-verdict')).toContainText('校验未通过');
  await expect(page.getByTestId('verify-problems')).toContainText(/损坏|不符/);
  await expect(page.getByTestId('verify-level-1')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('verify-bad-1').locator('li')).not.toHaveCount(0);
  await expect(page.getByTestId('package-import-start')).toBeDisabled();
  await expect(page.getByTestId('package-import')).toContainText('校验未通过的申报包不能导入');
  await shot(page, app, 'package-07-tampered');

  // The archive link of an import opens 基本信息.
  await choosePackage(page, fileName, bytes);
  await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await page.getByTestId('package-import-start').click();
  await expect(page.getByTestId('import-outcome')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('import-open-archive').click();
  await expect(page.getByRole('heading', { name: '基本信息', level: 1 })).toBeVisible();

  // The same screens in English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByTestId('nav-package').click();
  await expect(page.getByRole('heading', { name: 'Package', level: 1 })).toBeVisible();
  await expect(page.getByTestId('package-list')).toContainText('Exported');
  await shot(page, app, 'package-08-en-package');
  await page.getByTestId('nav-verifyPackage').click();
  await choosePackage(page, `tampered-${fileName}`, tampered);
  await expect(page.getByTestId('verify-verdict')).toContainText('Not verified');
  await shot(page, app, 'package-09-en-tampered');
});

test("the unit's empty workspace verifies and imports the package from the welcome screen, then opens it", async ({
  app,
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // The applicant's package, made through the API (the first test makes one through the screens).
  const applicantId = await sampleReadyToExport(page, app.url, { publicity: false });
  const { fileName, bytes } = await exportPackage(page, applicantId);

  // The unit's workspace has no archive yet: its welcome screen offers to verify and import a package.
  const unit = await startWorkspace();
  try {
    const unitPage = await context.newPage();
    await unitPage.goto(unit.url);
    await expect(unitPage.getByTestId('welcome-package')).toBeVisible();
    await app.screenshot(unitPage, 'package-10-welcome');
    await unitPage.getByTestId('welcome-package').click();
    await expect(unitPage.getByRole('heading', { name: '校验导入', level: 1 })).toBeVisible();
    await choosePackage(unitPage, fileName, bytes);
    await expect(unitPage.getByTestId('verify-report')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
    await unitPage.getByTestId('package-import-start').click();
    const outcome = unitPage.getByTestId('import-outcome');
    await expect(outcome).toBeVisible({ timeout: 30_000 });
    await expect(outcome).toHaveAttribute('data-status', 'imported');
    await app.screenshot(unitPage, 'package-11-welcome-imported');
    await unitPage.getByTestId('import-open-archive').click();
    await expect(unitPage.getByRole('heading', { name: '基本信息', level: 1 })).toBeVisible();
    await expect(unitPage.locator('.app-applicant')).toHaveText('吴𠮷喆');
    // The package it took in is listed as imported.
    await unitPage.getByTestId('nav-package').click();
    await expect(unitPage.getByTestId('package-list')).toContainText('导入');
    await expect(unitPage.getByTestId('package-list')).toContainText(fileName);
  } finally {
    unit.stop();
  }
});
