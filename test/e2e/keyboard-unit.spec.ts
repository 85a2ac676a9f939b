// Issue 20, the unit's journey without the mouse: open an applicant from the table, write a comment, return
// to the table — and after each step, the focus is where the officer would look for it: the review's
// heading, the comment's text (again after adding, with the addition told), the table's heading, then the
// name of the applicant just reviewed as the table's Tab stop.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi, expect, test } from './fixtures.js';
import { navigateTo, tabTo } from './keyboard.js';
import { UNIT_PASSPHRASE, unitImport } from './packageSteps.js';
import { person, sample, writePerson } from './unitPeople.js';

test('the unit: an applicant opened from the table, a comment, back — by the keyboard alone', async ({ app, page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-kb-unit-'));
  try {
    const ids: string[] = [];
    await page.goto(app.url);
    await callApi(page, 'workspace:setMode', { mode: 'unit' });
    await callApi(page, 'unit:set', { profile: sample().unit });
    await callApi(page, 'keys:create', { passphrase: UNIT_PASSPHRASE });
    for (const n of [1, 2]) {
      const p = await writePerson(dir, n, person(n));
      ids.push((await unitImport(page, path.basename(p.file), readFileSync(p.file))).applicantId!);
    }
    await page.reload();

    // ---- the table: one Tab stop for the names, the arrows move, Enter opens ----
    await expect(page.getByRole('heading', { level: 1, name: '申报人一览' })).toBeFocused();
    const table = page.getByRole('table', { name: '申报人一览' });
    await expect(table.getByRole('columnheader', { name: '进度' })).toBeVisible();
    const first = table.getByRole('row').nth(1);
    await expect(first.getByRole('cell').first()).toHaveText('待审核');
    const firstOpen = first.getByRole('button', { name: /申报人1/ });
    await tabTo(page, firstOpen, 30);
    // Tab leaves the table: the second name is not a stop of its own.
    await page.keyboard.press('Tab');
    await expect(table.getByRole('button', { name: /申报人2/ })).not.toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(firstOpen).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const secondOpen = table.getByRole('button', { name: /申报人2/ });
    await expect(secondOpen).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '审核' })).toBeFocused();
    await expect(page.getByTestId('uw-review-head')).toContainText('申报人2', { timeout: 30_000 });

    // ---- a comment on M-4: the text takes the focus, and has it again after 添加意见 ----
    const write = page.getByTestId('uw-comment-open-M-4');
    await tabTo(page, write, 300);
    await page.keyboard.press('Enter');
    const text = page.getByTestId('uw-comment-text-M-4');
    await expect(text).toBeFocused();
    // Empty, it is refused: the refusal is an alert and the focus stays in the text.
    await tabTo(page, page.getByTestId('uw-comment-add-M-4'), 10);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('uw-comment-text-M-4-help')).toHaveAttribute('role', 'alert');
    await expect(text).toBeFocused();
    await page.keyboard.type('身份证复印件不清晰，请重新扫描。');
    await tabTo(page, page.getByTestId('uw-comment-add-M-4'), 10);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('uw-material-M-4').getByTestId('uw-comment')).toHaveCount(1);
    await expect(text).toBeFocused();
    await expect(text).toHaveValue('');
    await expect(page.getByTestId('uw-comment-told-M-4')).toHaveText(/意见已添加/);

    // ---- back to the table: its heading, then Tab leads to the applicant just reviewed ----
    await navigateTo(page, 'unitApplicants', '申报人一览');
    await tabTo(page, secondOpen, 30);
    expect(await firstOpen.getAttribute('tabindex')).toBe('-1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
