// Issue 15 item 3 end to end: a record a scan depends on asks before it goes, naming the scan; 回收站 lists it
// and puts it back where it was, with its link; Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo a delete and an
// edit of the screen, while Ctrl+Z inside a text field stays the field's own; the focus after a delete.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, expect, SCREENSHOT_DIR, test } from './fixtures.js';
import { attach, exportPackage, sampleReadyToExport } from './packageSteps.js';

const open = (page: Page, screen: string) => page.getByTestId(`nav-${screen}`).click();
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

async function sample(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByTestId('welcome-sample').click();
  await expect(page.getByTestId('nav-works')).toBeVisible();
  const status = await callApi<{ applicantId: string }>(page, 'workspace:status', {});
  return status.applicantId;
}

test('delete asks when a scan depends on the record; 回收站 restores it in place with its link', async ({
  app,
  page,
}) => {
  // The machine's two cores are shared: a sample, a scan and two reloads take longer than the default.
  test.setTimeout(180_000);
  const applicantId = await sample(page, app.url);
  await attach(page, 'M-10/work', 'work-3');
  await open(page, 'works');
  const cards = page.getByTestId('record-works');
  const count = await cards.count();
  const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-record-id')));
  expect(ids[2]).toBe('work-3');
  const card = page.locator('[data-record-id="work-3"]');

  // Asked, naming the scan; 取消 keeps the record.
  await card.getByTestId('delete-record').click();
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toContainText('一种循环流化床锅炉返料器防堵装置');
  await expect(dialog.getByTestId('delete-dependents')).toContainText('M-10-work-work-3.pdf');
  await app.screenshot(page, 'trash-01-confirm');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cards).toHaveCount(count);

  // Confirmed: gone, and the keyboard is on the card that took its place.
  await card.getByTestId('delete-record').click();
  await dialog.getByTestId('confirm-delete').click();
  await expect(cards).toHaveCount(count - 1);
  await expect(page.locator(`[data-record-id="${ids[3]}"]`)).toBeFocused();
  await saved(page);

  // 回收站: what, where, when; restore.
  await open(page, 'trash');
  const item = page.getByTestId('trash-item-r:work-3');
  await expect(item).toContainText('一种循环流化床锅炉返料器防堵装置');
  const row = page.locator('tr', { has: item });
  await expect(row).toContainText('业绩成果');
  await app.screenshot(page, 'trash-02-list');
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(row).toContainText('Restore');
  await app.screenshot(page, 'trash-02-list-en');
  await page.getByTestId('lang-switch').getByText('中文').click();
  await row.getByTestId('trash-restore').click();
  await expect(page.locator('.ant-message')).toContainText('已恢复');
  await expect(page.getByTestId('trash-list')).toContainText('回收站是空的');
  await app.screenshot(page, 'trash-03-empty');

  // Back in third place, with its scan still linked — also after a reload (what the core holds).
  await saved(page);
  await page.reload();
  await open(page, 'works');
  await expect(cards).toHaveCount(count);
  expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-record-id')))).toEqual(ids);
  const { attachments } = await callApi<{ attachments: { fileName: string; links: { recordId: string | null }[] }[] }>(
    page,
    'attachments:list',
    { applicantId },
  );
  const scan = attachments.find((a) => a.fileName === 'M-10-work-work-3.pdf');
  expect(scan?.links.map((l) => l.recordId)).toEqual(['work-3']);
});

test('Ctrl+Z undoes a delete and Ctrl+Shift+Z / Ctrl+Y redo it; an edit is undone outside its field', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const applicantId = await sample(page, app.url);
  await open(page, 'works');
  const cards = page.getByTestId('record-works');
  const count = await cards.count();
  const ids0 = await cards.first().getAttribute('data-record-id');
  // A new record: nothing depends on it, so it goes without a question.
  await page.getByTestId('add-works').click();
  await expect(cards).toHaveCount(count + 1);
  const id = (await cards.nth(count).getAttribute('data-record-id')) ?? '';
  const title = page.locator(`#f-works-${id}-title`);
  await title.fill('待删除的成果');
  await saved(page);
  await expect(page.getByTestId('history-undo')).toBeEnabled();

  const card = page.locator(`[data-record-id="${id}"]`);
  await card.getByTestId('delete-record').click();
  await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
  await expect(cards).toHaveCount(count);
  // The last card went: the keyboard is on the one before it.
  await expect(cards.nth(count - 1)).toBeFocused();

  // Inside a text field Ctrl+Z is the browser's own (the field's typing): the delete stays done.
  await page.locator(`#f-works-${ids0}-title`).press('Control+z');
  await expect(cards).toHaveCount(count);
  // Anywhere else it is the screen's last step.
  await page.locator('#screen-title-works').focus();
  await page.keyboard.press('Control+z');
  await expect(card).toBeVisible();
  await expect(title).toHaveValue('待删除的成果');
  await expect(card).toBeFocused();
  await page.keyboard.press('Control+Shift+z');
  await expect(card).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(card).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(card).toHaveCount(0);
  await page.getByTestId('history-undo').click();
  await expect(card).toBeVisible();
  await saved(page);
  // What the core holds, not only what the page shows.
  const held = await callApi<{ archive: { works: { id: string; title: string }[] } }>(page, 'archive:get', {
    applicantId,
  });
  expect(held.archive.works.find((w) => w.id === id)?.title).toBe('待删除的成果');

  // An edit is one step: undone and redone whole from outside the field.
  await title.fill('改过的名称');
  await saved(page);
  await page.locator('#screen-title-works').focus();
  await page.keyboard.press('Control+z');
  await expect(title).toHaveValue('待删除的成果');
  await page.keyboard.press('Control+Shift+z');
  await expect(title).toHaveValue('改过的名称');
  await saved(page);

  // Another screen has its own stack: nothing to undo there.
  await open(page, 'educations');
  await expect(page.getByTestId('history-undo')).toBeDisabled();
  await app.screenshot(page, 'trash-04-undo-buttons');
});

test('a package made before a delete is marked 已过期 with what changed, and current again after Ctrl+Z', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const applicantId = await sampleReadyToExport(page, app.url, { publicity: true });
  const { fileName } = await exportPackage(page, applicantId, 120_000);
  await open(page, 'package');
  const list = page.getByTestId('package-list');
  await expect(list).toContainText(fileName);
  await expect(page.getByTestId(`package-stale-${fileName}`)).toHaveCount(0);

  await open(page, 'workPeriods');
  const cards = page.getByTestId('record-workPeriods');
  const count = await cards.count();
  // No scan proves a work period here (SAMPLE_SCANS): it goes without a question.
  await cards.first().getByTestId('delete-record').click();
  await expect(cards).toHaveCount(count - 1);
  await saved(page);

  await open(page, 'package');
  await expect(page.getByTestId(`package-stale-${fileName}`)).toHaveText('已过期');
  await expect(list.getByTestId('package-stale-what')).toContainText('工作经历（删除 1）');
  await list.scrollIntoViewIfNeeded();
  await list.screenshot({ path: path.join(SCREENSHOT_DIR, 'trash-05-package-stale.png') });
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(list.getByTestId('package-stale-what')).toContainText('Work history (1 deleted)');
  await list.screenshot({ path: path.join(SCREENSHOT_DIR, 'trash-05-package-stale-en.png') });
  await page.getByTestId('lang-switch').getByText('中文').click();

  // Undone on its own screen: the package shows the archive as it is again.
  await open(page, 'workPeriods');
  await page.locator('#screen-title-workPeriods').focus();
  await page.keyboard.press('Control+z');
  await expect(cards).toHaveCount(count);
  await saved(page);
  await open(page, 'package');
  await expect(list).toContainText(fileName);
  await expect(page.getByTestId(`package-stale-${fileName}`)).toHaveCount(0);
});

test('a scan that proves a record asks before it goes, naming what it proves; 回收站 brings it back linked', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const applicantId = await sample(page, app.url);
  await attach(page, 'M-10/work', 'work-3');
  await open(page, 'attachments');
  const card = page.getByTestId('attachment').filter({ hasText: 'M-10-work-work-3.pdf' });
  await card.getByTestId('att-more').click();
  await page.getByRole('menuitem', { name: '删除' }).click();
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog.getByTestId('delete-dependents')).toContainText('业绩成果证明');
  await expect(dialog.getByTestId('delete-dependents')).toContainText('一种循环流化床锅炉返料器防堵装置');
  await app.screenshot(page, 'trash-06-confirm-scan');
  await dialog.getByTestId('confirm-delete').click();
  await expect(card).toHaveCount(0);

  await open(page, 'trash');
  const item = page.locator('.trash-what', { hasText: 'M-10-work-work-3.pdf' });
  await expect(item).toContainText('关联 1 处');
  await page.locator('tr', { has: item }).getByTestId('trash-restore').click();
  await expect(item).toHaveCount(0);
  const { attachments } = await callApi<{ attachments: { fileName: string; links: { recordId: string | null }[] }[] }>(
    page,
    'attachments:list',
    { applicantId },
  );
  expect(attachments.find((a) => a.fileName === 'M-10-work-work-3.pdf')?.links.map((l) => l.recordId)).toEqual([
    'work-3',
  ]);
});
