// Scans a reviewer can rely on (issue 19, item 7), in Debian Chromium against the browser mode: on 材料清单 a
// missing ID card is handed in on paper (提交纸质件) through its dialog — an empty or blank reason is refused
// beside the field with nothing saved, a written one turns the item into a paper copy that survives a
// reload and can be taken back; on 附件 a 300×200 px scan is flagged in Chinese next to the file; at the next
// export the reasons of the last one are offered again, an emptied one said and restorable. axe clean.
import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expectAxeClean } from './axe.js';
import { expect, test } from './fixtures.js';
import { exportPackage, REASON as EXPORT_REASON, sampleReadyToExport } from './packageSteps.js';
import { openSampleArchive } from './sample.js';

const ID_CARD = 'M-4/id-card#-';
const REASON = '身份证原件由单位人事当面核验，复印件随纸质材料提交。';

const materialItem = (page: Page, key: string) => page.locator(`[data-testid="material-item"][data-key="${key}"]`);

async function openSample(page: Page, url: string, screen: 'materials' | 'attachments'): Promise<void> {
  await page.goto(url);
  await openSampleArchive(page);
  // The sample is written first (a busy machine takes its time).
  await page.getByTestId(`nav-${screen}`).click({ timeout: 30_000 });
}

test('a missing scan handed in on paper: a reason is required, the mark is kept and can be taken back', async ({
  app,
  page,
}) => {
  await openSample(page, app.url, 'materials');
  const item = materialItem(page, ID_CARD);
  // The screen reads the attachments first (a busy machine takes its time).
  await expect(item).toHaveAttribute('data-status', 'missing', { timeout: 30_000 });

  await item.getByTestId('material-paper').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '提交纸质件的理由' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“身份证”不上传扫描件');
  const reason = dialog.getByRole('textbox', { name: '提交纸质件的理由' });
  await expect(reason).toBeFocused();

  // Nothing written, then only spaces: refused beside the field, nothing saved.
  await dialog.getByTestId('paper-save').click();
  await expect(dialog.getByTestId('paper-reason-help')).toHaveText(
    '请写明提交纸质件的理由（至少 10 个字）；未作修改。',
  );
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await reason.fill('     ');
  await dialog.getByTestId('paper-save').click();
  await expect(dialog.getByTestId('paper-reason-help')).toContainText('请写明提交纸质件的理由');
  await reason.fill('原件');
  await dialog.getByTestId('paper-save').click();
  await expect(dialog.getByTestId('paper-reason-help')).toHaveText('提交纸质件的理由太短（至少 10 个字）；未作修改。');
  // Judged at rest (a hovered button is drawn in its hover colour).
  await page.mouse.move(0, 0);
  await expectAxeClean(page, '.ant-modal');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toHaveAttribute('data-status', 'missing');

  // With a reason, from the keyboard: the item becomes a paper copy, with its reason.
  await item.getByTestId('material-paper').click();
  await page.getByRole('textbox', { name: '提交纸质件的理由' }).fill(REASON);
  await page.getByTestId('paper-save').press('Enter');
  await expect(item).toHaveAttribute('data-status', 'paper');
  await expect(item.getByTestId('material-paper-reason')).toHaveText(`理由：${REASON}`);
  await expectAxeClean(page, '[data-testid="material-M-4"]');
  await app.screenshot(page, 'materials-paper-copy');

  // Kept in the archive: still there after a reload; then taken back, it is missing again.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await page.getByTestId('nav-materials').click();
  await expect(item).toHaveAttribute('data-status', 'paper');
  await item.getByTestId('material-paper-undo').click();
  await expect(item).toHaveAttribute('data-status', 'missing');
});

test('a 300×200 px scan is flagged at the upload, in Chinese, next to the file', async ({ app, page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-lowres-'));
  const file = path.join(dir, '身份证-手机拍.jpg');
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#f4f4f4' } })
    .jpeg()
    .toFile(file);
  await openSample(page, app.url, 'attachments');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('attachments-pick').click();
  await (await chooser).setFiles([file]);
  const card = page.getByTestId('attachment').filter({ hasText: '身份证-手机拍.jpg' });
  const issue = card.locator('[data-testid="att-issue"][data-code="low_resolution"]');
  await expect(issue).toContainText('图片仅 300×200 像素（长边不足 1000 像素），审核时可能看不清文字。');
  await expectAxeClean(page, '[data-testid="attachment"]');
});

test('the reasons given at the last export are offered again, editable; an emptied one is said and restorable', async ({
  app,
  page,
}) => {
  // An export with its forms, as package.spec.ts allows for one.
  test.setTimeout(120_000);
  const applicantId = await sampleReadyToExport(page, app.url, { publicity: false });
  await exportPackage(page, applicantId);
  await page.getByTestId('nav-package').click();
  const warnings = page.getByTestId('precheck-warnings');
  await expect(warnings).toBeVisible({ timeout: 30_000 });
  const reasons = warnings.locator('textarea');
  const n = await reasons.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(reasons.nth(i)).toHaveValue(EXPORT_REASON);
  await expect(warnings.getByText('上次导出时写明的理由，可修改').first()).toBeVisible();
  // Nothing to retype: only the passphrase is asked for.
  await expect(page.getByTestId('export-waiting')).toHaveText('导出前还需：输入密钥密码');

  // Emptied: said beside the field, the export waits for it, and the last reason comes back in one click.
  const first = reasons.first();
  const id = (await first.getAttribute('id')) ?? '';
  await first.fill('');
  await expect(page.locator(`#${id}-help`)).toContainText('理由已清空');
  await expect(page.getByTestId('export-waiting')).toContainText('为 1 项写明理由');
  await expectAxeClean(page, '[data-testid="export-card"]');
  await warnings.getByRole('button', { name: '恢复上次的理由' }).click();
  await expect(first).toHaveValue(EXPORT_REASON);
  await expect(page.getByTestId('export-waiting')).toHaveText('导出前还需：输入密钥密码');
});
