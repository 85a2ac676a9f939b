// Issue 13 end to end, in Debian Chromium against the browser mode: a scan whose stored file was damaged and
// one whose file was deleted never keep the workspace from opening (the server restarts on it); a banner
// names both with the way to repair, their cards say what to do, 备份与检查's full check (a job) names them,
// and adding the same files again clears every mark. A unit's workspace repairs them from the packages it
// keeps (the applicant's package is its only copy of their scans), with one button.
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { axeViolations } from './axe.js';
import { callApi, expect, SCREENSHOT_DIR, test } from './fixtures.js';
import { openSampleArchive } from './sample.js';
import { person, writePerson } from './unitPeople.js';

interface Listed {
  attachments: { fileName: string; sha256: string }[];
}

const storeFile = (dataDir: string, sha256: string) => path.join(dataDir, 'store', sha256.slice(0, 2), sha256);

async function addFiles(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('attachments-pick').click();
  await (await chooser).setFiles(files);
}

test('a damaged and a missing scan: the workspace opens, a banner names them, re-adding heals', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-repair-'));
  const jpeg = path.join(dir, '学位证书.jpg');
  await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#f4f1ea' } })
    .jpeg({ quality: 85 })
    .toFile(jpeg);
  const pdfDoc = await PDFDocument.create();
  pdfDoc.addPage([595, 842]).drawRectangle({ x: 60, y: 600, width: 400, height: 20 });
  const pdf = path.join(dir, '职称证书.pdf');
  writeFileSync(pdf, await pdfDoc.save());

  await page.goto(app.url);
  // The sample's archive alone (its own scans would be named by the banner too).
  await openSampleArchive(page);
  await page.getByTestId('nav-attachments').click();
  await addFiles(page, [jpeg, pdf]);
  await expect(page.getByTestId('attachment')).toHaveCount(2);
  const { applicantId } = await callApi<{ applicantId: string }>(page, 'workspace:status', {});
  const { attachments } = await callApi<Listed>(page, 'attachments:list', { applicantId });
  const shaOf = (name: string) => attachments.find((a) => a.fileName === name)!.sha256;

  // One file damaged in place (a flipped byte), the other deleted; then the app starts again on them.
  const damaged = storeFile(app.dataDir, shaOf('学位证书.jpg'));
  const bytes = readFileSync(damaged);
  bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0x01, bytes.length >> 1);
  writeFileSync(damaged, bytes);
  rmSync(storeFile(app.dataDir, shaOf('职称证书.pdf')));
  await app.crashAndRestart();
  await page.goto(app.url);
  // It opened: the editor, not a refusal.
  await expect(page.getByTestId('nav-attachments')).toBeVisible();
  // The missing one is seen at once; the damaged one once the spot check after opening has re-hashed it.
  await expect
    .poll(async () => (await callApi<{ damaged: unknown[] }>(page, 'store:health', {})).damaged.length, {
      timeout: 20_000,
    })
    .toBe(1);
  await page.reload();

  const banner = page.getByTestId('store-health-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('2 个附件的文件缺失或已损坏');
  await expect(banner.locator('[data-testid="store-health-file"][data-state="missing"]')).toHaveText(
    '职称证书.pdf（缺失）',
  );
  await expect(banner.locator('[data-testid="store-health-file"][data-state="damaged"]')).toHaveText(
    '学位证书.jpg（已损坏）',
  );
  await expect(banner).toContainText('重新添加同一文件即可修复');
  expect(await axeViolations(page, '[data-testid="store-health-banner"]')).toEqual([]);
  await banner.screenshot({ path: path.join(SCREENSHOT_DIR, 'store-repair-01-banner.png') });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'store-repair-02-screen.png') });

  // The link: 附件, where each card says what to do.
  await banner.getByTestId('store-health-repair').click();
  const problems = page.getByTestId('att-store-problem');
  await expect(problems).toHaveCount(2);
  await expect(page.locator('[data-testid="att-store-problem"][data-state="missing"]')).toContainText(
    '文件缺失：重新添加同一文件即可修复',
  );
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'store-repair-03-cards.png') });

  // 备份与检查: the full check, every file, as a job naming both.
  await banner.getByTestId('store-health-check').click();
  await page.getByTestId('store-verify-card').getByTestId('store-verify').click();
  const job = page.getByTestId('store-verify-job');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(job).toContainText('缺失 1 个，损坏 1 个');
  await expect(page.getByTestId('verify-result')).toContainText('职称证书.pdf');
  await expect(page.getByTestId('verify-result')).toContainText('学位证书.jpg');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'store-repair-04-full-check.png') });

  // Repair in place: the same files added again; every mark goes.
  await page.getByTestId('nav-attachments').click();
  await addFiles(page, [jpeg, pdf]);
  await expect(banner).toBeHidden();
  await expect(problems).toHaveCount(0);
  expect(await callApi(page, 'store:health', {})).toEqual({ missing: [], damaged: [] });
});

test("a unit's damaged and missing scans: the banner names them, one click repairs them from the kept packages", async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-unit-repair-'));
  const { file } = await writePerson(dir, 1, person(1));
  await page.goto(app.url);
  await callApi(page, 'workspace:setMode', { mode: 'unit' });
  await callApi(page, 'unit:set', { profile: person(1).unit });
  await page.reload();
  await page.getByTestId('nav-unitImport').click();
  await page.getByTestId('unit-import-input').setInputFiles([file]);
  await expect(page.getByTestId('unit-import-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const { rows } = await callApi<{ rows: { applicantId: string }[] }>(page, 'unit:applicants', {});
  const { attachments } = await callApi<Listed>(page, 'attachments:list', { applicantId: rows[0]!.applicantId });
  const [first, second] = attachments;
  const good = readFileSync(storeFile(app.dataDir, first!.sha256));
  const bytes = Buffer.from(good);
  bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0x01, bytes.length >> 1);
  writeFileSync(storeFile(app.dataDir, first!.sha256), bytes);
  rmSync(storeFile(app.dataDir, second!.sha256));
  await app.crashAndRestart();
  await page.goto(app.url);
  await expect(page.getByTestId('unit-workspace')).toBeVisible();
  // The spot check after opening samples a few of the many scans; the full check (备份与恢复) finds it surely.
  const { jobId } = await callApi<{ jobId: string }>(page, 'store:verifyStart', {});
  await expect
    .poll(async () => (await callApi<{ state: string }>(page, 'jobs:status', { jobId })).state, { timeout: 30_000 })
    .toBe('done');
  await page.reload();

  const banner = page.getByTestId('store-health-banner');
  await expect(banner).toContainText('2 个附件的文件缺失或已损坏');
  await expect(banner).toContainText('可从本机保存的申报包中修复');
  // A unit adds no scan by hand: no link to 附件, which its workspace does not have.
  await expect(banner.getByTestId('store-health-repair')).toHaveCount(0);
  expect(await axeViolations(page, '[data-testid="store-health-banner"]')).toEqual([]);
  await banner.screenshot({ path: path.join(SCREENSHOT_DIR, 'store-repair-05-unit-banner.png') });

  await banner.getByTestId('store-health-from-packages').click();
  await expect(page.getByText('已从本机保存的申报包修复 2 个附件文件。')).toBeVisible();
  await expect(banner).toBeHidden();
  expect(await callApi(page, 'store:health', {})).toEqual({ missing: [], damaged: [] });
  expect(readFileSync(storeFile(app.dataDir, first!.sha256)).equals(good)).toBe(true);
  rmSync(dir, { recursive: true, force: true });
});
