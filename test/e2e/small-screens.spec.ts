// Issue 20, small screens: a 1366×768 laptop, and the same at 150 % (911×512 CSS px). On every screen the
// navigation lists (both desks; the list comes from the navigation, not from this file) every navigation entry
// scrolls into view inside the navigation, nothing in the screen sticks out of its container or makes the
// page scroll sideways, and no text is broken one character per line. The unit's table keeps name and stage
// in view while the rest of its columns scroll.
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi, expect, test } from './fixtures.js';
import { attach, SAMPLE_SCANS, UNIT_PASSPHRASE, unitImport } from './packageSteps.js';
import { person, sample, writePerson } from './unitPeople.js';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 911, height: 512 },
] as const;

/** The screens the rendered navigation lists, by their keys (`nav-<key>`), in its order. */
async function navigationScreens(page: Page): Promise<string[]> {
  const ids = await page
    .locator('nav .ant-menu [data-testid^="nav-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids.filter((id) => !id.endsWith('-count')).map((id) => id.slice('nav-'.length));
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toHaveCount(1);
  await expect(page.locator('main .ant-spin-spinning, main .ant-skeleton-active')).toHaveCount(0, { timeout: 20_000 });
  await page.waitForTimeout(350);
}

/** Each entry of the navigation, scrolled to inside it, lies wholly within its visible part. */
async function everyEntryReachable(page: Page, keys: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const key of keys) {
    const entry = page.getByTestId(`nav-${key}`);
    await entry.scrollIntoViewIfNeeded();
    const hidden = await entry.evaluate((el) => {
      const item = el.closest('li') ?? el;
      const sider = el.closest('.app-sider');
      if (!sider) return 'outside the navigation';
      const a = item.getBoundingClientRect();
      const b = sider.getBoundingClientRect();
      const bottom = Math.min(b.bottom, window.innerHeight);
      return a.top >= b.top - 1 && a.bottom <= bottom + 1 ? null : `at ${a.top}–${a.bottom}, shown ${b.top}–${bottom}`;
    });
    if (hidden) out.push(`nav-${key}: ${hidden}`);
  }
  return out;
}

/**
 * What is wrong with the layout of the screen shown: the page or the main region scrolling sideways, an
 * element reaching past the right edge of a container that does not scroll, text set one character a line.
 */
function layoutProblems(): string[] {
  const out: string[] = [];
  const main = document.getElementById('main');
  if (!main) return ['no #main'];
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${Array.from(el.classList).slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
  if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('the page scrolls sideways');
  if (main.scrollWidth > main.clientWidth + 1)
    out.push(`#main scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
  const clips = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
  const isHidden = (el: Element) =>
    el.closest('.sr-only, [aria-hidden="true"], .ant-select-dropdown, .ant-tooltip') !== null;
  // Sticking out: past the nearest ancestor that clips or scrolls (that one is allowed to scroll its content).
  for (const el of Array.from(main.querySelectorAll('*'))) {
    if (isHidden(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    let box: Element | null = el.parentElement;
    while (box && box !== main && !clips(box)) box = box.parentElement;
    if (!box || box === main) {
      const edge = main.getBoundingClientRect().right;
      if (r.right > edge + 1) out.push(`${name(el)} reaches ${Math.round(r.right - edge)} px past the screen`);
    }
  }
  // One character a line: a text of three or more characters drawn on as many lines as it has characters.
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    if ([...text].length < 3 || !node.parentElement || isHidden(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = new Set(
      Array.from(range.getClientRects())
        .filter((q) => q.width > 0)
        .map((q) => Math.round(q.top)),
    );
    if (lines.size >= 3 && [...text].length / lines.size < 2)
      out.push(`${name(node.parentElement)} is set one character a line`);
  }
  return [...new Set(out)];
}

async function checkDesk(page: Page, desk: string): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    const size = `${viewport.width}×${viewport.height}`;
    const keys = await navigationScreens(page);
    expect(keys.length).toBeGreaterThan(5);
    for (const p of await everyEntryReachable(page, keys)) problems.push(`${desk} ${size}: ${p}`);
    for (const key of keys) {
      const entry = page.getByTestId(`nav-${key}`);
      await entry.scrollIntoViewIfNeeded();
      await entry.click();
      await settled(page);
      for (const p of await page.evaluate(layoutProblems)) problems.push(`${desk} ${size} ${key}: ${p}`);
    }
  }
  return problems;
}

test("the applicant's screens at 1366×768 and at 150 %: every entry reachable, nothing cut", async ({ app, page }) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await page.getByTestId('welcome-sample').click();
  await expect(page.getByTestId('nav-profile')).toBeVisible();
  for (const [slot, recordId] of SAMPLE_SCANS.slice(0, 6)) await attach(page, slot, recordId);
  await page.reload();
  await expect(page.getByTestId('nav-profile')).toBeVisible();
  // The checks see what they look for: a column one character wide, a box wider than the screen.
  await page.evaluate(() => {
    const narrow = Object.assign(document.createElement('div'), { id: 'planted-narrow', textContent: '假设与参数' });
    narrow.style.width = '14px';
    const wide = Object.assign(document.createElement('div'), { id: 'planted-wide' });
    wide.style.cssText = 'width: 4000px; height: 4px';
    document.querySelector('#main h1')?.after(narrow, wide);
  });
  const planted = await page.evaluate(layoutProblems);
  await page.evaluate(() => document.querySelectorAll('#planted-narrow, #planted-wide').forEach((el) => el.remove()));
  expect(planted.some((p) => p.includes('#planted-narrow') && p.includes('one character a line'))).toBe(true);
  expect(planted.some((p) => p.includes('#planted-wide') && p.includes('px past the screen'))).toBe(true);
  const problems = await checkDesk(page, 'applicant');
  // The same in English, whose words are longer, at the smaller size.
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.setViewportSize(VIEWPORTS[1]);
  for (const key of ['params', 'forms', 'materials', 'eligibility']) {
    await page.getByTestId(`nav-${key}`).scrollIntoViewIfNeeded();
    await page.getByTestId(`nav-${key}`).click();
    await settled(page);
    for (const p of await page.evaluate(layoutProblems)) problems.push(`applicant en ${key}: ${p}`);
  }
  expect(problems).toEqual([]);
});

test("the unit's screens at 1366×768 and at 150 %; the table keeps name and stage in view", async ({ app, page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-small-'));
  try {
    const one = await writePerson(dir, 1, person(1));
    await page.goto(app.url);
    await callApi(page, 'workspace:setMode', { mode: 'unit' });
    await callApi(page, 'unit:set', { profile: sample().unit });
    await callApi(page, 'keys:create', { passphrase: UNIT_PASSPHRASE });
    await unitImport(page, path.basename(one.file), readFileSync(one.file));
    await page.reload();
    await expect(page.getByTestId('nav-unitApplicants')).toBeVisible();
    const problems = await checkDesk(page, 'unit');
    expect(problems).toEqual([]);

    // 申报人一览 at 150 %: the row is wider than the table, name and stage stay put, the rest scrolls.
    await page.getByTestId('nav-unitApplicants').click();
    const table = page.getByTestId('unit-table');
    const row = table.locator('.ant-table-row').first();
    await expect(row).toBeVisible();
    const widths = await table.evaluate((el) => ({
      table: el.getBoundingClientRect().width,
      row: (el.querySelector('.ant-table-row') as HTMLElement).getBoundingClientRect().width,
    }));
    expect(widths.row).toBeGreaterThan(widths.table);
    for (const cell of [row.getByRole('rowheader'), row.getByRole('cell').first()]) {
      await expect(cell).toHaveClass(/ant-table-cell-fix-start/);
    }
    await expect(row.getByRole('cell').first()).toContainText('待审核');
    for (const header of ['姓名', '进度']) {
      await expect(table.getByRole('columnheader', { name: header })).toHaveClass(/ant-table-cell-fix-start/);
    }
    await page.screenshot({ path: path.join('test-results', 'screens', 'small-unit-table-911.png') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
