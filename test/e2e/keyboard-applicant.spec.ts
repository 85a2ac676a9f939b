// Issue 20, the applicant's journey without the mouse: open the workspace, add a continuing-education course,
// follow a finding to its field, link a scan — and after each step, the focus is where the user would look
// for it (the screen's heading after navigating, the new record's first field, the finding's field, inside
// the dialog, back on the button that opened it when the dialog closes, by Escape or by linking).
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from './fixtures.js';
import { focusedName, navigateTo, tabTo } from './keyboard.js';
import { tokenOf } from './packageSteps.js';

test('the applicant: workspace, a course, a finding, a scan — by the keyboard alone', async ({ app, page }) => {
  test.setTimeout(420_000);
  await page.goto(app.url);

  // ---- open the workspace: the sample, from the welcome screen ----
  const sampleButton = page.getByTestId('welcome-sample');
  await expect(sampleButton).toBeVisible();
  await tabTo(page, sampleButton, 20);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '基本信息' })).toBeFocused({ timeout: 30_000 });

  // A scan the sample does not have yet, unlinked, for the last step (uploading is attachments.spec.ts's).
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('id card', { x: 60, y: 770, size: 18, font });
  const upload = await page.request.post(new URL('/api/upload?name=id-card.pdf', page.url()).href, {
    headers: { 'x-dossier-token': await tokenOf(page), 'content-type': 'application/octet-stream' },
    data: Buffer.from(await doc.save()),
  });
  expect(((await upload.json()) as { ok: boolean }).ok).toBe(true);

  // The skip link is the first Tab stop of the workspace (back from the heading: navigation, header, it).
  const skip = page.getByTestId('skip-link');
  await tabTo(page, skip, 20, 'Shift+Tab');
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '基本信息' })).toBeFocused();

  // ---- add a continuing-education course ----
  await navigateTo(page, 'courses', '继续教育');
  const before = await page
    .getByTestId('add-courses')
    .evaluate((add) => add.closest('.record-list')?.querySelectorAll('input').length ?? 0);
  // A long list has its add button first too: a few Tabs from the heading, not one per field of every record.
  const tabs = await tabTo(page, page.getByTestId('add-courses-top'), 15);
  console.log(`继续教育: ${tabs} Tabs from the heading to 添加课程`);
  await page.keyboard.press('Enter');
  // The new course's first field takes the focus, empty, ready for typing.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLInputElement && el.id.startsWith('f-courses-')
          ? el.value
          : `not a course field: ${el?.id}`;
      }),
    )
    .toBe('');
  const after = await page
    .getByTestId('add-courses')
    .evaluate((add) => add.closest('.record-list')?.querySelectorAll('input').length ?? 0);
  expect(after).toBeGreaterThan(before);
  await page.keyboard.type('安全生产继续教育');

  // ---- follow a finding to its field: 资格检查's publicity link lands in 假设与参数's date ----
  await navigateTo(page, 'eligibility', '资格检查');
  const fix = page.getByTestId('fix-R-5.publicity');
  await tabTo(page, fix, 200);
  await page.keyboard.press('Enter');
  await expect(page.locator('#f-params-publicityStart'), `focus: ${await focusedName(page)}`).toBeFocused();

  // ---- link a scan: the dialog holds the focus, Escape and linking both give it back to 关联 ----
  await navigateTo(page, 'attachments', '附件');
  const card = page.locator('.att-card', { hasText: 'id-card.pdf' });
  const linkButton = card.getByTestId('att-link');
  await tabTo(page, linkButton, 200);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /关联/ });
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(linkButton).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.locator('#link-slot'), 10);
  await page.keyboard.type('身份证');
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByTestId('link-submit'), 20);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(card.getByTestId('att-link-tag')).toHaveCount(1);
  await expect(linkButton, `focus: ${await focusedName(page)}`).toBeFocused();
});
