// Issue 4 end to end, in Debian Chromium against the browser mode: an applicant loads the sample, opens
// 资格检查, sees every finding grouped by status, follows a failing rule's link to the field that fixes
// it, fixes it, and watches it pass — the engine runs in the renderer on the archive as typed. The
// assumptions view changes a parameter, the findings follow, and the change is logged.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { openSampleArchive } from './sample.js';

const field = (page: Page, path: string) => page.locator(`#f-${path.replaceAll('.', '-')}`);
const finding = (page: Page, id: string) => page.getByTestId(`finding-${id}`);

test('an applicant follows a failing rule to its field, fixes it, and watches it pass', async ({ app, page }) => {
  await page.goto(app.url);
  await openSampleArchive(page);
  await expect(page.getByTestId('nav-eligibility')).toBeVisible();

  // A typo in the date of the 工程师 title: 2017 instead of 2009.
  await page.getByTestId('nav-titles').click();
  await field(page, 'titles.title-2.obtainedDate').fill('2017-12-30');
  // The finding shows on the editing screen at once, before any save or check.
  await expect(page.getByTestId('screen-findings').getByTestId('finding-R-1.seniority')).toBeVisible();

  await page.getByTestId('nav-eligibility').click();
  await expect(page.getByRole('heading', { name: '资格检查' })).toBeVisible();
  await expect(page.getByTestId('group-fail')).toBeVisible();
  await expect(page.getByTestId('group-review')).toBeVisible();
  await expect(page.getByTestId('group-pass')).toBeVisible();
  const seniority = finding(page, 'R-1.seniority');
  await expect(seniority).toHaveAttribute('data-status', 'fail');
  await expect(seniority).toContainText('R-1');
  await expect(seniority).toContainText('已确认');
  await expect(seniority).toContainText('2017-12-30');
  await app.screenshot(page, 'eligibility-01-fail');

  await page.getByTestId('fix-R-1.seniority').click();
  const date = field(page, 'titles.title-2.obtainedDate');
  await expect(date).toBeFocused();
  await date.fill('2009-12-30');
  await expect(page.getByTestId('screen-findings').getByTestId('finding-R-1.seniority')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.getByTestId('nav-eligibility').click();
  await expect(finding(page, 'R-1.seniority')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('group-pass').getByTestId('finding-R-1.seniority')).toBeVisible();
  await app.screenshot(page, 'eligibility-02-pass');
});

test('the assumptions view changes a parameter; findings follow and the change is logged', async ({ app, page }) => {
  await page.goto(app.url);
  await openSampleArchive(page);
  await page.getByTestId('nav-params').click();
  await expect(page.getByText('尚未确认的问题')).toBeVisible();
  await field(page, 'params.publicityStart').fill('2020-09-28');
  await field(page, 'params.publicityEnd').fill('2020-10-09');
  await page.getByTestId('params-save').click();
  await expect(page.getByText('已保存，检查结果已更新。')).toBeVisible();
  await expect(page.locator('.ant-table-row')).toHaveCount(2);
  await app.screenshot(page, 'eligibility-03-params');

  await page.getByTestId('nav-eligibility').click();
  // 2020-09-28 … 2020-10-09 is 4 working days: too short under both conventions.
  await expect(finding(page, 'R-5.publicity')).toHaveAttribute('data-status', 'fail');
  await expect(finding(page, 'R-5.publicity')).toContainText('2020-10-10');
});

test('the assumptions view: fix links focus the dates, bad dates are named at the field, unsaved edits are kept, reset asks and keeps the dates', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await openSampleArchive(page);

  // 去修改 on an unentered publicity date lands on the date itself, focused.
  await page.getByTestId('nav-eligibility').click();
  await page.getByTestId('fix-R-5.publicity').click();
  const start = field(page, 'params.publicityStart');
  await expect(start).toBeFocused();
  // On 假设与参数 itself the same link focuses the field too.
  await field(page, 'params.publicityDays').focus();
  await page.getByTestId('screen-findings').getByTestId('fix-R-5.publicity').click();
  await expect(start).toBeFocused();

  // Defaults are shown as labels, not codes.
  await expect(page.getByText('默认值：按周年', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('默认值：anniversary')).toHaveCount(0);
  await expect(page.getByText('默认值：true')).toHaveCount(0);

  // A bad date is named beside its field, in Chinese; the bar says there are unsaved changes.
  await expect(page.getByTestId('params-actions')).toHaveCSS('position', 'sticky');
  await start.fill('2020-09-28');
  const end = field(page, 'params.publicityEnd');
  await end.fill('2020-13-45');
  await expect(page.getByText('单位公示结束日期：请填写真实的日期（YYYY-MM-DD），或留空')).toBeVisible();
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('params-unsaved')).toHaveText('有未保存的修改');

  // Leaving asks; staying keeps the draft.
  await page.getByTestId('nav-eligibility').click();
  await page.getByRole('button', { name: '留在本页' }).click();
  await expect(end).toHaveValue('2020-13-45');
  await end.fill('2020-10-09');
  await expect(end).toHaveAttribute('aria-invalid', 'false');
  await field(page, 'params.publicityDays').fill('6');
  await page.getByTestId('nav-eligibility').click();
  await page.getByTestId('params-leave-save').click();
  await expect(page.getByRole('heading', { name: '资格检查' })).toBeVisible();
  await expect(finding(page, 'R-5.publicity')).toHaveAttribute('data-status', 'fail');

  // 恢复默认值 asks, names what changes, and keeps the publicity dates.
  await page.getByTestId('nav-params').click();
  await expect(page.locator('.ant-table-row')).toHaveCount(3);
  await page.getByTestId('params-reset').click();
  await expect(page.getByTestId('params-reset-what')).toContainText('单位公示最少工作日');
  await expect(page.getByTestId('params-reset-what')).toContainText('保持不变');
  await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复默认值' }).click();
  await expect(field(page, 'params.publicityDays')).toHaveValue('5');
  await expect(start).toHaveValue('2020-09-28');
  await expect(end).toHaveValue('2020-10-09');
  await expect(page.locator('.ant-table-row')).toHaveCount(4);
  await app.screenshot(page, 'eligibility-04-params-reset');
});
