// A reviewing desk's workspace (issue 17, phase 1: the command line) opened in the app: it says what it is and
// how it is used for now, in both languages, and never shows the applicant's editor over the desk's archives.
import { expectAxeClean } from './axe.js';
import { callApi, expect, test } from './fixtures.js';

test("a desk's workspace opens on its own page, not the applicant's editor", async ({ app, page }) => {
  await page.goto(app.url);
  await callApi(page, 'workspace:setMode', { mode: 'desk' });
  await page.reload();
  const desk = page.getByTestId('desk-workspace');
  await expect(desk.getByRole('heading', { level: 1, name: '审查机构工作区' })).toBeVisible();
  await expect(desk).toContainText('dossier review-import');
  await expect(page.getByTestId('welcome-sample')).toHaveCount(0);
  await expect(page.getByTestId('nav-profile')).toHaveCount(0);
  await expectAxeClean(page);
  await desk.getByTestId('lang-switch').getByText('English').click();
  await expect(desk.getByRole('heading', { level: 1, name: "A reviewing desk's workspace" })).toBeVisible();
});
