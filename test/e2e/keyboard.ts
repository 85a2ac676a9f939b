// Keyboard-only steps for the journeys of issue 20 (keyboard-applicant.spec.ts, keyboard-unit.spec.ts): no
// click, only keys, and after each step the test asserts where the focus is.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** What has the focus, for failure messages: tag, id, test id and the start of its text. */
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'nothing';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${el.dataset['testid'] ?? ''}] "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  });

/** Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. Returns how many it took. */
export async function tabTo(page: Page, target: Locator, max = 150, key = 'Tab'): Promise<number> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('no such target');
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(key);
    if (await handle.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return n;
  }
  throw new Error(`${key} ×${max} did not reach the target; the focus is on ${await focusedName(page)}`);
}

/** The navigation's entry `key` by the keyboard: back from the screen into the navigation, arrows, Enter. */
export async function navigateTo(page: Page, key: string, heading: string | RegExp): Promise<void> {
  const menu = page.locator('nav .ant-menu');
  await tabTo(page, menu, 400, 'Shift+Tab');
  const entry = page.getByTestId(`nav-${key}`);
  const isOnEntry = () =>
    entry.evaluate((el) => {
      const item = el.closest('li');
      return item !== null && (item === document.activeElement || item.contains(document.activeElement));
    });
  // The menu is one Tab stop; the arrow keys move along it (both ways, as the entry may lie either side).
  for (const arrow of ['ArrowDown', 'ArrowUp']) {
    for (let n = 0; n < 40 && !(await isOnEntry()); n++) await page.keyboard.press(arrow);
    if (await isOnEntry()) break;
  }
  expect(await isOnEntry(), `nav-${key} reached by the arrows (focus: ${await focusedName(page)})`).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}
