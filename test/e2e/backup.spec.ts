// Issue 8 end to end, in Debian Chromium against the browser mode: 备份与恢复 says where the backups are,
// 立即备份 writes one (progress, then its name), the list shows it as made by hand, 校验 finds it good,
// 恢复到新文件夹 asks first (nothing is overwritten), then names the new folder and how to open it; the
// folder holds a workspace; 检查工作区 reports the workspace sound.
import type { Page } from '@playwright/test';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { callApi, expect, SCREENSHOT_DIR, test } from './fixtures.js';
import { openSampleArchive } from './sample.js';

/** The editor scrolls inside its content pane: let it out to full height for a whole-screen picture. */
async function shot(page: Page, app: { screenshot(page: Page, name: string): Promise<void> }, name: string) {
  const style = await page.addStyleTag({
    content: '.app-layout{height:auto!important;min-height:100vh}.app-content{overflow:visible!important}',
  });
  await app.screenshot(page, name);
  await style.evaluate((el) => el.parentNode?.removeChild(el));
}

test('立即备份, see it listed, 校验 good, 恢复到新文件夹 names the new folder; 检查工作区', async ({ app, page }) => {
  await page.goto(app.url);
  await openSampleArchive(page);
  await page.getByTestId('nav-backups').click();
  await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();

  // Where, in plain words: the folder itself, daily and after a countersignature, the last 7 days.
  const listed = await callApi<{ dir: string }>(page, 'backup:list', {});
  await expect(page.getByTestId('backups-dir')).toContainText(listed.dir);
  await expect(page.getByTestId('backups-where')).toContainText(
    '每天自动备份一次，单位加签并生成报送批次后也会立即备份一次',
  );
  await expect(page.getByTestId('backups-where')).toContainText('保留最近 7 天的自动备份');
  await shot(page, app, 'backup-01-screen');

  // 立即备份: a job; when done, its file is named and listed as made by hand.
  await page.getByTestId('backup-create').click();
  const job = page.getByTestId('backup-job');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(job).toContainText('已备份并校验');
  const { backups } = await callApi<{ backups: { name: string; date: string | null }[] }>(page, 'backup:list', {});
  const manual = backups.find((b) => b.date === null);
  expect(manual).toBeDefined();
  const name = manual?.name ?? '';
  expect(name).toMatch(/^dossier-manual-\d{8}-\d{6}\.zcbak$/);
  await expect(job).toContainText(name);
  const row = page.getByTestId(`backup-row-${name}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('手动');

  // Made and verified here: its row says so at once (not 未校验, issue 15); 校验 again: still good.
  const check = page.getByTestId(`backup-check-${name}`);
  await expect(check).toHaveAttribute('data-status', 'good');
  await expect(check).toContainText('完好');
  await page.getByTestId(`backup-verify-${name}`).click();
  await expect(check).toHaveAttribute('data-status', 'good');
  await expect(check).toContainText('完好');
  await shot(page, app, 'backup-02-listed-verified');

  // 恢复到新文件夹: asked first, saying nothing is overwritten.
  await page.getByTestId(`backup-restore-${name}`).click();
  const dialog = page.getByRole('dialog', { name: '恢复到新文件夹？' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('不会覆盖任何内容');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'backup-03-confirm.png') });
  await dialog.getByTestId('restore-confirm').click();
  await expect(dialog).toBeHidden();

  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(job).toContainText('已恢复到新文件夹');
  const folder = (await page.getByTestId('restore-folder').textContent())?.trim() ?? '';
  try {
    expect(folder.startsWith(`${app.dataDir}-restored-`)).toBe(true);
    await expect(page.getByTestId('restore-command')).toHaveText(`dossier start --data "${folder}"`);
    // A workspace, not an empty folder; the current one is untouched.
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder).length).toBeGreaterThan(0);
    expect(existsSync(path.join(app.dataDir, 'backups', name))).toBe(true);
    await shot(page, app, 'backup-04-restored');

    // 检查工作区: sound, and the backup named good.
    await page.getByTestId('doctor-check').click();
    const doctor = page.getByTestId('doctor-result');
    await expect(doctor).toHaveAttribute('data-ok', 'true');
    await expect(doctor).toContainText('工作区完好');
    await expect(doctor).toContainText(name);
    await shot(page, app, 'backup-05-doctor');
  } finally {
    if (folder.startsWith(`${app.dataDir}-restored-`)) rmSync(folder, { recursive: true, force: true });
  }
});
