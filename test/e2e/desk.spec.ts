// A reviewing desk in the app (issue 17, items 1 and 2): started from the welcome screen — the missing fields
// named at their fields first, nothing changed — then its data and its own key (审查机构信息), and 接收: a
// unit's batch file with a good and a tampered package (one received, one refused with its reason), then a
// later batch of the same unit signed by another key — refused with both fingerprints shown — received once
// the officer confirms the new key. axe-clean in Chinese, then in English; screenshots of each screen in
// both languages. The batches are written in the test process (test/helpers/deskBatch.ts), real files.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Unit } from '../../shared/archive/schema.js';
import { tamperPackage, unitLevelTwo, writeBatchFile, type UnitPackage } from '../helpers/deskBatch.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { expectAxeClean } from './axe.js';
import { expect, test } from './fixtures.js';
import { withFullHeight } from './packageSteps.js';
import { person, sample, writePerson } from './unitPeople.js';

const SHOTS = '/tmp/h/shots';
const shot = (page: Page, name: string) =>
  withFullHeight(page, () => page.screenshot({ path: path.join(SHOTS, `A-${name}.png`), fullPage: true }));

const UNIT: Unit = sample().unit;

/** A level-1 package of person n, countersigned (level 2) by the unit's key. */
async function levelTwo(dir: string, n: number, unitKey: ReturnType<typeof makeKey>): Promise<UnitPackage> {
  const archive = person(n);
  const { file } = await writePerson(dir, n, archive);
  return unitLevelTwo({ file, packageId: `pkg-person-${n}`, archive }, unitKey, UNIT, dir);
}

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-desk-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a city desk started from the welcome screen receives a batch and confirms a changed unit key', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const unitKey = makeKey();
  const good = await levelTwo(dir, 1, unitKey);
  const bad = await levelTwo(dir, 2, unitKey);
  await tamperPackage(bad);
  const first = await writeBatchFile(path.join(dir, '报送批次-清能热电-1.zip'), UNIT, unitKey.fingerprint, [good, bad]);
  const newKey = makeKey();
  const later = await writeBatchFile(path.join(dir, '报送批次-清能热电-2.zip'), UNIT, newKey.fingerprint, [
    await levelTwo(dir, 3, newKey),
  ]);

  // Welcome → 审查机构: asked once; nothing changes while a field is missing (each named at its field).
  await page.goto(app.url);
  await page.getByTestId('welcome-desk').click();
  const form = page.getByTestId('desk-start-form');
  await expect(form).toBeVisible();
  await page.getByTestId('welcome-desk-confirm').click();
  await expect(page.getByTestId('desk-field-name-problem')).toHaveText('审查机构名称未填写');
  await expect(page.getByTestId('desk-field-city-problem')).toContainText('所在市未填写');
  await expect(page.locator('#desk-field-name')).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page);
  await shot(page, 'welcome-start-zh');
  await page.locator('#desk-field-city').fill('衢州市');
  await page.locator('#desk-field-name').fill('衢州市经济和信息化局');
  await page.locator('#desk-field-responsible').fill('王建国');
  await page.getByTestId('welcome-desk-confirm').click();

  // The desk's shell: its name and kind in the header; its data complete, it opens at the applicants.
  const desk = page.getByTestId('desk-workspace');
  await expect(desk).toBeVisible();
  await expect(page.getByTestId('desk-header-name')).toContainText('衢州市经济和信息化局 · 市经信局（会同市人社局）');
  await expect(page.getByTestId('welcome-sample')).toHaveCount(0);

  // 审查机构信息: the data as saved, and the desk's own key made on the key card.
  await page.getByTestId('nav-deskProfile').click();
  await expect(page.getByRole('heading', { level: 1, name: '审查机构信息' })).toBeFocused();
  await expect(page.locator('#desk-field-city')).toHaveValue('衢州市');
  await page.locator('#key-passphrase').fill('审查机构的密钥密码');
  await page.locator('#key-confirm').fill('审查机构的密钥密码');
  await page.getByTestId('key-create').click();
  await expect(page.getByTestId('key-fingerprint')).toContainText(/^[0-9A-F]{4}( [0-9A-F]{4}){15}/);
  await expect(page.getByTestId('desk-key')).toContainText('审查意见页');
  // A field emptied and saved: kept, and named as missing at its field.
  await page.locator('#desk-field-responsible').fill('');
  await page.getByTestId('desk-profile-save').click();
  await expect(page.getByTestId('desk-profile-saved')).toContainText('还有 1 项未填写');
  await expect(page.getByTestId('desk-field-responsible-problem')).toHaveText('负责人未填写');
  await page.locator('#desk-field-responsible').fill('王建国');
  await page.getByTestId('desk-profile-save').click();
  await expect(page.getByTestId('desk-profile-saved')).toHaveText('已保存。');
  await expectAxeClean(page);
  await shot(page, 'profile-zh');

  // 接收: nothing received yet (empty state), then the batch: the good package in, the tampered one refused.
  await page.getByTestId('nav-deskReceive').click();
  await expect(page.getByTestId('desk-batches-empty')).toBeVisible();
  await page.getByTestId('desk-receive-input').setInputFiles([first]);
  const results = page.getByTestId('desk-receive-results');
  await expect(results).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('desk-receive-summary')).toHaveText('共 2 人：接收 1，替换 0，未变 0，拒绝 1。');
  const refused = results.locator('tr[data-status="refused"]');
  await expect(refused).toContainText(bad.fileName);
  await expect(refused.getByTestId('desk-receive-reason')).not.toBeEmpty();
  await expect(results.locator('tr[data-status="imported"]')).toContainText('申报人1');
  await expect(page.getByTestId('desk-batches')).toContainText('报送批次-清能热电-1.zip');
  await expectAxeClean(page);
  await shot(page, 'receive-zh');

  // The same unit's later batch signed by another key: refused, both fingerprints shown; confirmed, received.
  await page.getByTestId('desk-receive-input').setInputFiles([later]);
  const change = page.getByTestId('desk-key-change');
  await expect(change).toBeVisible({ timeout: 120_000 });
  await expect(change.getByTestId('desk-key-pinned')).toHaveAttribute('data-value', unitKey.fingerprint);
  await expect(change.getByTestId('desk-key-new')).toHaveAttribute('data-value', newKey.fingerprint);
  await expectAxeClean(page);
  await shot(page, 'receive-keychange-zh');
  await change.getByTestId('desk-key-confirm').click();
  await page.getByTestId('desk-key-confirm-ok').click();
  await expect(page.getByTestId('desk-receive-summary')).toHaveText('共 1 人：接收 1，替换 0，未变 0，拒绝 0。', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('desk-key-change')).toHaveCount(0);
  await expect(page.getByTestId('desk-batches').locator('tbody tr')).toHaveCount(2);

  // English: the same screens in the other language.
  await desk.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Receive' })).toBeVisible();
  await expect(page.getByTestId('desk-receive-summary')).toHaveText(
    'In all 1: 1 received, 0 replaced, 0 unchanged, 0 refused.',
  );
  await expectAxeClean(page);
  await shot(page, 'receive-en');
  await page.getByTestId('nav-deskProfile').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible();
  await expect(page.getByTestId('desk-profile')).toContainText('Person responsible');
  await expectAxeClean(page);
  await shot(page, 'profile-en');

  // 150 % of 1366×768 (911×512 CSS px): neither screen scrolls sideways.
  await page.setViewportSize({ width: 911, height: 512 });
  for (const key of ['deskReceive', 'deskProfile']) {
    await page.getByTestId(`nav-${key}`).click();
    const sideways = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      return [document.documentElement.scrollWidth > innerWidth + 1, main.scrollWidth > main.clientWidth + 1];
    });
    expect(sideways, key).toEqual([false, false]);
  }
  await shot(page, 'profile-150');
});

test('the welcome start in English', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByTestId('welcome-desk').click();
  await page.getByTestId('desk-kind-competent_department').click();
  await page.getByTestId('welcome-desk-confirm').click();
  await expect(page.getByTestId('desk-field-department-problem')).toContainText('Competent department: missing');
  await expectAxeClean(page);
  await shot(page, 'welcome-start-en');
});
