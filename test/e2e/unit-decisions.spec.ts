// Issue 19 end to end: the unit's decisions rest on the evidence. A strong and a weak applicant (no continuing
// education in 2018, two proofs left out) are imported into a unit's workspace; the table tells them apart with
// the applicant's own verdict words, names why on hover and filters by verdict; the weak one's review shows the
// line of steps and what the next step needs; 审核通过 asks a written reason (an empty one is refused at the
// field, nothing changes), then accepts, and the line moves on. Screenshots go to test-results/unit/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectAxeClean } from './axe.js';
import { callApi, expect, test } from './fixtures.js';
import { UNIT_PASSPHRASE, unitImport, unitShot } from './packageSteps.js';
import { person, sample, writePerson } from './unitPeople.js';

test('a strong and a weak applicant differ in the table; accepting the weak one asks a reason', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-decisions-'));
  try {
    const strong = await writePerson(dir, 1, person(1));
    const weak = await writePerson(
      dir,
      2,
      person(2, (a) => (a.courses = a.courses.filter((c) => c.year !== 2018))),
      { leaveMissing: 2 },
    );

    await page.goto(app.url);
    await callApi(page, 'workspace:setMode', { mode: 'unit' });
    await callApi(page, 'unit:set', { profile: sample().unit });
    await callApi(page, 'keys:create', { passphrase: UNIT_PASSPHRASE });
    const ids: string[] = [];
    for (const p of [strong, weak]) {
      const { applicantId } = await unitImport(page, path.basename(p.file), readFileSync(p.file));
      ids.push(applicantId!);
    }
    const [strongId, weakId] = ids as [string, string];

    // ---- 申报人一览: the verdict and the materials tell the two apart ----
    await page.reload();
    await page.getByTestId('nav-unitApplicants').click();
    const strongRow = page.getByTestId(`unit-row-${strongId}`);
    const weakRow = page.getByTestId(`unit-row-${weakId}`);
    await expect(strongRow.getByTestId('unit-cell-verdict')).toHaveText('可以申报');
    await expect(strongRow.getByTestId('unit-cell-materials')).toHaveText('齐全');
    await expect(weakRow.getByTestId('unit-cell-verdict')).toHaveText(/^暂不符合 \d+ 项$/);
    await expect(weakRow.getByTestId('unit-cell-materials')).toHaveText('缺 2 项');
    // A screen reader hears the same as cells under their column headers, and the name opens the review.
    await expect(weakRow.getByRole('cell').filter({ hasText: '缺 2 项' })).toHaveCount(1);
    await expect(weakRow.getByRole('button', { name: /^申报人2\s*，打开审核$/ })).toBeVisible();
    // Hovering the verdict names the failures (the 2018 continuing education among them).
    await weakRow.getByTestId('unit-cell-verdict').hover();
    await expect(page.getByTestId('unit-why')).toContainText('2018');
    await unitShot(page, 'unit-decisions-01-table');
    await page.mouse.move(0, 0);
    await expect(page.getByTestId('unit-why')).toBeHidden();
    // Filter by verdict: only the weak one.
    await page.getByTestId('unit-filter-verdict').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '暂不符合' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('unit-table-count')).toHaveText('显示 1 位，共 2 位');
    await expect(weakRow).toBeVisible();
    await expect(strongRow).toHaveCount(0);

    // ---- The weak one's review: the line of steps, the gaps, the reason asked ----
    await weakRow.click();
    await expect(page.getByTestId('uw-pipeline')).toHaveAttribute('data-stage', 'pending');
    await expect(page.getByTestId('uw-pipeline').locator('[aria-current="step"]')).toHaveText('待审核');
    await expect(page.getByTestId('uw-next-step')).toContainText('逐项审核材料');
    // Every material marked accepted (the review's own buttons have their tests): then only the reason is missing.
    const { materials } = await callApi<{ materials: { material: string }[] }>(page, 'unit:review', {
      applicantId: weakId,
    });
    for (const { material } of materials) {
      await callApi(page, 'unit:markMaterial', { applicantId: weakId, material, decision: 'accepted' });
    }
    await page.reload();
    await expect(page.getByTestId('uw-pipeline')).toHaveAttribute('data-stage', 'in_review');
    await expect(page.getByTestId('uw-accept-gaps')).toContainText('暂不符合：');
    await expect(page.getByTestId('uw-accept-gaps')).toContainText('缺少身份证');
    await expectAxeClean(page, '[data-testid="uw-pipeline"]');
    await expectAxeClean(page, '[data-testid="uw-accept-reason"]');

    // Without a reason: refused at the field, nothing changed.
    await page.getByTestId('uw-accept').click();
    await expect(page.getByTestId('uw-accept-reason-error')).toHaveText('请写明理由（至少 10 个字）');
    await expect(page.locator('#uw-accept-reason-input')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('uw-status')).toHaveAttribute('data-status', 'pending');
    await unitShot(page, 'unit-decisions-02-reason-asked');

    await page.locator('#uw-accept-reason-input').fill('经单位核实，2018 年继续教育证明遗失已补办，纸质件随后补交。');
    await page.getByTestId('uw-accept').click();
    await expect(page.getByTestId('uw-status')).toHaveAttribute('data-status', 'accepted');
    await expect(page.getByTestId('uw-pipeline')).toHaveAttribute('data-stage', 'accepted');
    await expect(page.getByTestId('uw-next-step')).toContainText('安排公示');
    await unitShot(page, 'unit-decisions-03-accepted');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
