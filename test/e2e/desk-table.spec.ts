// The reviewing desk's table across units (issue 17 item 3) in the browser: a desk that received two units'
// batches (written with test/helpers/deskBatch.ts, received with `dossier review-import`) lists every
// applicant with their unit, status and where the file waits, the committee flagged where the specialty
// belongs to another (附件1), duplicates across units named (same scans and papers); search, filter, sort and
// the keyboard (Enter opens the applicant) work; the empty desk offers receiving; axe is clean in both
// languages. Reached through the desk's shell (nav-deskApplicants); Enter on a name opens its review.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { creditCodeCheckCharacter } from '../../shared/checks/creditCode.js';
import { CITY_DESK, unitLevelTwo, writeBatchFile } from '../helpers/deskBatch.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { expectAxeClean } from './axe.js';
import { expect, startWorkspace, test, type App } from './fixtures.js';
import { person, writePerson } from './unitPeople.js';

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/dossier.js', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dossier ${args.join(' ')}: ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

/** A desk (city bureau of 衢州) in dataDir, holding four applicants of two units unless said. */
async function seedDesk(dataDir: string, withApplicants: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-desk-'));
  const profile = path.join(dir, 'desk.json');
  writeFileSync(profile, JSON.stringify(CITY_DESK));
  cli(['review-profile', '--set', profile, '--data', dataDir]);
  if (!withApplicants) return;
  const first = person(1);
  const code = '91330800MA2DH7Q35';
  const second = {
    ...first.unit,
    name: '衢州巨化新材料有限公司',
    creditCode: code + creditCodeCheckCharacter(code),
    personnelAgency: '',
  };
  // Each person's own papers, but where the test shares them.
  const ownPapers = (n: number) => (a: ArchiveDocument) => {
    for (const w of a.works) w.title = `${w.title}（${n}）`;
  };
  const archives = [
    first,
    person(2, ownPapers(2)),
    // Same papers as person 1 (same ISSN + title), another unit.
    person(3, (a) => {
      a.unit = { ...second };
      a.works = first.works.map((w) => ({ ...w }));
    }),
    // 热能动力工程 is the energy committee's; filed under materials.
    person(4, (a) => {
      ownPapers(4)(a);
      a.unit = { ...second };
      a.application.committee = 'materials';
    }),
  ];
  const [keyA, keyB] = [makeKey(), makeKey()];
  const levelTwo = [];
  for (const [i, archive] of archives.entries()) {
    const { file } = await writePerson(dir, i + 1, archive);
    const unit = i < 2 ? first.unit : second;
    levelTwo.push(
      await unitLevelTwo({ file, packageId: `pkg-person-${i + 1}`, archive }, i < 2 ? keyA : keyB, unit, dir),
    );
  }
  const batches = path.join(dir, 'batches');
  mkdirSync(batches);
  await writeBatchFile(path.join(batches, 'a.zip'), first.unit, keyA.fingerprint, levelTwo.slice(0, 2));
  await writeBatchFile(path.join(batches, 'b.zip'), second, keyB.fingerprint, levelTwo.slice(2));
  cli(['review-import', batches, '--data', dataDir]);
}

async function openTable(page: Page, url: string) {
  await page.goto(url);
  // The desk's shell (helper A) names this screen nav-deskApplicants.
  const nav = page.getByTestId('nav-deskApplicants');
  if (await nav.count()) await nav.click();
  await expect(page.getByRole('heading', { level: 1, name: '申报人一览' })).toBeVisible();
}

test('the table across units: facts, flags, search, filter, keyboard, axe in both languages', async ({ app, page }) => {
  test.setTimeout(180_000);
  // The command line seeds the folder before its server starts (it refuses a folder a server uses).
  const desk = await startWorkspace((dir) => seedDesk(dir, true));
  try {
    await runTable(app, page, desk.url);
  } finally {
    desk.stop();
  }
});

async function runTable(app: App, page: Page, url: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openTable(page, url);
  const table = page.getByTestId('desk-table');
  await expect(page.getByTestId('desk-table-count')).toHaveText('共 4 人');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByTestId('desk-cell-status').first()).toHaveText('待审查');
  await expect(table.getByTestId('desk-cell-waits').first()).toHaveText('本机构');
  // The committee flag is words, not colour alone.
  await expect(table.getByTestId('desk-cell-committee-flag')).toHaveText(/^评委会不符申报评委会与专业不符/);
  // Duplicates across units, named.
  await expect(table.getByTestId('desk-cell-duplicates')).toHaveCount(2);
  await expect(table.getByTestId('desk-cell-duplicates').first()).toContainText(/申报人[13]/);
  // ID numbers are masked.
  await expect(table).toContainText('330802******');
  await expectAxeClean(page);
  await app.screenshot(page, 'desk-table-zh');
  // 1366×768 at 150 %: the table scrolls sideways inside itself, never the page.
  await page.setViewportSize({ width: 911, height: 512 });
  await expect(table.getByRole('row')).toHaveCount(5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await app.screenshot(page, 'desk-table-150');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Search by unit, then filter by status.
  await page.getByTestId('desk-search').fill('巨化');
  await expect(page.getByTestId('desk-table-count')).toHaveText('显示 2 人，共 4 人');
  await page.getByTestId('desk-search').fill('');
  await page.getByTestId('desk-filter-flagged').click();
  await expect(page.getByTestId('desk-table-count')).toHaveText('显示 3 人，共 4 人');
  await page.getByTestId('desk-filter-flagged').click();

  // Keyboard: Tab reaches the first name, the arrows move, Enter opens.
  const names = table.locator('[data-testid^="desk-open-"]');
  await names.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(names.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dr-head')).toBeVisible({ timeout: 30_000 });

  await openTable(page, url);
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applicants' })).toBeVisible();
  await expect(page.getByTestId('desk-table-count')).toHaveText('4 applicants');
  await expectAxeClean(page);
  await app.screenshot(page, 'desk-table-en');
}

test('an empty desk offers receiving', async ({ app, page }) => {
  const desk = await startWorkspace((dir) => seedDesk(dir, false));
  try {
    await openTable(page, desk.url);
    await expect(page.getByTestId('desk-table-empty')).toBeVisible();
    await expect(page.getByTestId('desk-table-to-receive')).toBeVisible();
    await expectAxeClean(page);
    await app.screenshot(page, 'desk-table-empty');
  } finally {
    desk.stop();
  }
});
