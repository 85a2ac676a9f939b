// The desk's review of one applicant in the browser (issue 17 item 4; N-9): a desk's data folder seeded on
// the command line (review-profile, keygen, review-import of a unit's real level-2 package with its scans),
// the applicant opened: the archive read-only by material, the unit's opinion and publicity (N-8), the
// checklist prefilled from the findings, a comment, a condition judged 待补正, the return's preview with
// every point, a bad deadline refused naming the field, the return written (level 3) and offered for
// download, then the trail. Axe-clean; screenshots in both languages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { MATERIAL_IDS } from '../../shared/materials/requirements.js';
import { JSON_TYPE, jsonBytes } from '../../electron/core/package/content.js';
import { addLevel } from '../../electron/core/package/writePackage.js';
import { createdBy, makeKey } from '../helpers/packageFixtures.js';
import { expectAxeClean } from './axe.js';
import { expect, startWorkspace, test } from './fixtures.js';
import { person, writePerson } from './unitPeople.js';

const PASSPHRASE = 'correct horse battery staple';

function dossier(...args: string[]): string {
  const r = spawnSync(process.execPath, ['bin/dossier.js', ...args], {
    env: { ...process.env, DOSSIER_PASSPHRASE: PASSPHRASE },
  });
  if (r.status !== 0) throw new Error(`dossier ${args[0]}: ${r.stdout.toString()} ${r.stderr.toString()}`);
  return r.stdout.toString();
}

/** A desk (衢州 city bureau) that received one applicant of the sample's unit; returns the applicant's id. */
async function seedDesk(dataDir: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-desk-e2e-'));
  const archive = person(1);
  const { file } = await writePerson(dir, 1, archive);
  const unitKey = makeKey();
  const json = (p: string, doc: unknown, role: string) => ({
    path: p,
    source: { kind: 'bytes' as const, bytes: jsonBytes(doc) },
    mediaType: JSON_TYPE,
    role,
  });
  const l2 = path.join(dir, `申报包-${archive.profile.name}-r1-L2.zcpkg`);
  await addLevel(file, l2, {
    files: [
      json(
        'content/unit/review.json',
        {
          format: 'dossier.review',
          version: 1,
          decision: 'accepted',
          unit: { name: archive.unit.name, creditCode: archive.unit.creditCode },
          unitFingerprint: unitKey.fingerprint,
          opinion: '经审核，材料真实，同意推荐。',
          reviewedOn: '2020-09-20',
          materials: MATERIAL_IDS.map((material) => ({ material, decision: 'accepted' })),
          comments: [],
        },
        'review-decision',
      ),
      json(
        'content/unit/publicity.json',
        {
          format: 'dossier.publicity',
          version: 1,
          startDate: '2020-09-28',
          endDate: '2020-10-10',
          workingDays: 5,
          outcome: 'no_objection',
          note: '',
        },
        'publicity',
      ),
    ],
    key: unitKey,
    createdBy,
    level: 2,
  });
  const profile = path.join(dir, 'desk.json');
  writeFileSync(
    profile,
    JSON.stringify({
      kind: 'city_bureau',
      name: '衢州市经济和信息化局',
      city: '衢州市',
      department: '',
      responsible: '王建国',
    }),
  );
  dossier('review-profile', '--set', profile, '--data', dataDir);
  dossier('keygen', '--data', dataDir);
  const out = dossier('review-import', l2, '--data', dataDir);
  return /编号 ([0-9a-f-]{36})/.exec(out)![1]!;
}

/** Opens the review of one applicant from the table across units (its name is the row's open button). */
async function openReview(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-deskApplicants').click();
  await page.getByRole('button', { name }).first().click();
  await expect(page.getByTestId('dr-head')).toBeVisible({ timeout: 30_000 });
}

test('the desk reviews one applicant and returns every point with a deadline as level 3', async ({ page }) => {
  test.setTimeout(240_000);
  let applicantId = '';
  // The command line seeds the desk before its server starts (it refuses a folder an app is using).
  const desk = await startWorkspace(async (dir) => void (applicantId = await seedDesk(dir)));
  expect(applicantId).toMatch(/^[0-9a-f-]{36}$/);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(desk.url);
    await openReview(page, person(1).profile.name);
    await reviewAndReturn(page);
  } finally {
    desk.stop();
  }
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

async function reviewAndReturn(page: Page): Promise<void> {
  // Opening starts the review; the unit's opinion and publicity are shown; the trail says so.
  await expect(page.getByTestId('dr-status')).toHaveAttribute('data-status', 'in_review');
  await expect(page.getByTestId('dr-unit-opinion')).toHaveText('经审核，材料真实，同意推荐。');
  await expect(page.getByTestId('dr-publicity')).toContainText('2020-09-28 至 2020-10-10');
  await expect(page.getByTestId('dr-trail-event')).toHaveCount(2);
  await expectAxeClean(page);
  await shot(page, 'desk-review-zh');

  // Nothing to return yet; a condition judged 待补正 with its note, and a comment on a material.
  await expect(page.getByTestId('dr-return-none')).toBeVisible();
  const r4 = page.getByTestId('dr-check-R-4');
  await r4.getByTestId('dr-note-R-4').fill('2019 年继续教育学时证明不清晰');
  await r4.getByTestId('dr-result-R-4').getByText('待补正').click();
  await expect(page.getByTestId('dr-return-points').locator('li')).toHaveCount(1);
  await page.getByTestId('uw-comment-open-M-8').click();
  await page.getByTestId('uw-comment-text-M-8').fill('工作总结缺少本人签字');
  await page.getByTestId('uw-comment-add-M-8').click();
  const points = page.getByTestId('dr-return-points').locator('li');
  await expect(points).toHaveCount(2);
  await expect(points.nth(0)).toContainText('工作总结缺少本人签字');
  await expect(points.nth(1)).toContainText('【待补正】');

  // No deadline: refused naming the field, nothing written.
  await page.getByTestId('dr-return-passphrase').fill(PASSPHRASE);
  await page.getByTestId('dr-return').click();
  await expect(page.locator('#dr-return-deadline')).toBeFocused();
  await expect(page.getByTestId('dr-return-form')).toContainText('补正截止日期');
  await expect(page.getByTestId('dr-return-job')).toHaveCount(0);

  // A deadline after today: level 3 written, offered for download, the applicant 退回补正.
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await page.locator('#dr-return-deadline').fill(deadline);
  await page.keyboard.press('Enter');
  await page.getByTestId('dr-return').click();
  await expect(page.getByTestId('dr-return-job')).toContainText('已写出退回包', { timeout: 60_000 });
  await expect(page.getByTestId('dr-status')).toHaveAttribute('data-status', 'returned');
  await expect(page.getByTestId('dr-deadline')).toHaveText(deadline);
  await expect(page.getByTestId('dr-return-job').getByRole('link')).toHaveAttribute('href', /L3-退回\.zcpkg|L3/);
  await expectAxeClean(page);

  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('dr-status')).toHaveText('Returned for correction');
  await shot(page, 'desk-review-en');
}
