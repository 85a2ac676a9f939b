// Issue 15: 打印表格 on a 1366×768 laptop has one scrollbar (the content's) and a header that stays put — the
// rows' visually hidden labels once stretched the whole page, which grew a second scrollbar.
import { expect, test } from './fixtures.js';
import { openSampleArchive } from './sample.js';

test('打印表格 at 1366×768: only the content scrolls, the header does not move', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await openSampleArchive(page);
  await page.getByTestId('nav-forms').click();
  await expect(page.getByTestId('forms-materials')).toBeVisible();
  const content = page.locator('main.app-content');
  // The content is longer than the window: it scrolls, the page does not.
  expect(await content.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  const page1 = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.clientWidth,
  }));
  expect(page1).toEqual({ height: 768, width: 1366 });
  const before = await page.getByRole('banner').boundingBox();
  await content.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await content.hover();
  await page.mouse.wheel(0, 400);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await page.getByRole('banner').boundingBox()).toEqual(before);
  await app.screenshot(page, 'forms-layout-1366');
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('forms-materials')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(768);
  await app.screenshot(page, 'forms-layout-1366-en');
});
