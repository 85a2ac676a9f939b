// Issue 7, the unit's intake end to end in Debian Chromium against the browser mode: an empty workspace
// becomes the unit's from the welcome screen; 单位信息 names a wrong credit code at its field (GB 32100)
// before it is saved; 导入申报包 takes several packages at once — three applicants' good ones, a copy of a
// fourth with one byte flipped, a file that is not a package — and lists each file's outcome, the tampered
// one and the stray file refused in red with their reasons; 申报人一览 then holds the three good ones, and
// the search box and the committee filter narrow it; Enter on a focused row opens the review. A second
// batch, a whole folder, brings a newer revision (已替换) and skips what is not a package. Screenshots in
// Chinese and English go to test-results/unit/.
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { person, sample, writePerson } from './unitPeople.js';

const SHOTS = path.join('test-results', 'unit');
const UNIT = sample().unit;

/** The editor scrolls inside its content pane: let it out to full height for a whole-screen picture. */
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const style = await page.addStyleTag({
    content: '.app-layout{height:auto!important;min-height:100vh}.app-content{overflow:visible!important}',
  });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await style.evaluate((el) => el.parentNode?.removeChild(el));
}

/** Picks an option of the open antd select (its visible list, not the hidden one for screen readers). */
async function pickOption(page: Page, label: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
}

test("a unit's workspace: profile, a batch import with a tampered package, the applicant table", async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-unit-pkgs-'));
  try {
    const one = await writePerson(dir, 1, person(1));
    await writePerson(dir, 2, person(2));
    await writePerson(
      dir,
      3,
      person(3, (a) => {
        a.application.committee = 'materials';
        a.application.specialty = '金属材料工程';
      }),
    );
    // A fourth applicant's package with one byte flipped in the middle: its digests no longer hold.
    const four = await writePerson(dir, 4, person(4));
    const tampered = readFileSync(four.file);
    tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
    const tamperedFile = path.join(dir, '申报包-申报人4-篡改.zcpkg');
    writeFileSync(tamperedFile, tampered);
    const stray = path.join(dir, '说明.txt');
    writeFileSync(stray, '这不是申报包\n');

    // ---- welcome → the unit's workspace ----
    await page.goto(app.url);
    await expect(page.getByTestId('welcome-unit')).toContainText('单位人事专员：审核本单位的申报材料');
    await shot(page, 'unit-01-welcome');
    await page.getByTestId('welcome-unit').click();
    await page.getByTestId('welcome-unit-confirm').click();
    await expect(page.getByTestId('unit-workspace')).toBeVisible();
    await expect(page.getByRole('heading', { name: '单位信息', level: 1 })).toBeFocused();
    // Chosen once: a reload comes back to the unit's workspace, not to the welcome screen.
    await page.reload();
    await expect(page.getByRole('heading', { name: '单位信息', level: 1 })).toBeVisible();

    // ---- 单位信息: a wrong check character is named at its field before anything is saved ----
    await page.locator('#f-unit-name').fill(UNIT.name);
    const wrong = UNIT.creditCode.slice(0, 17) + (UNIT.creditCode.endsWith('X') ? 'Y' : 'X');
    await page.locator('#f-unit-creditCode').fill(wrong);
    await expect(page.locator('#f-unit-creditCode-help')).toContainText(`校验位错误，应为 ${UNIT.creditCode.at(-1)}`);
    await expect(page.locator('#f-unit-creditCode')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('unit-profile-unsaved')).toBeVisible();
    await shot(page, 'unit-02-profile-bad-code');
    // Leaving with unsaved changes asks first; staying keeps the draft.
    await page.getByTestId('nav-unitImport').click();
    await expect(page.getByRole('dialog')).toContainText('保存对单位信息的修改？');
    await page.getByRole('button', { name: '留在本页' }).click();
    await expect(page.locator('#f-unit-creditCode')).toHaveValue(wrong);

    await page.locator('#f-unit-creditCode').fill(UNIT.creditCode);
    await expect(page.locator('#f-unit-creditCode-help')).toHaveCount(0);
    await page.locator('#f-unit-type').click();
    await pickOption(page, '企业');
    await page.locator('#f-unit-personnelAgency').fill(UNIT.personnelAgency);
    await page.locator('#f-unit-city').fill(UNIT.city);
    await page.getByTestId('unit-profile-save').click();
    await expect(page.getByTestId('unit-profile-saved')).toHaveText('已保存');
    await expect(page.getByTestId('unit-header-name')).toHaveText(UNIT.name);
    // The unit's signing key is offered on the same screen.
    await expect(page.getByTestId('key-card')).toBeVisible();
    // An enterprise has no F-4: 岗位信息表 is not in the navigation.
    await expect(page.getByTestId('nav-unitPostInfo')).toHaveCount(0);
    await shot(page, 'unit-03-profile-saved');

    // ---- 申报人一览, empty: a call to import ----
    await page.getByTestId('nav-unitApplicants').click();
    await expect(page.getByTestId('unit-table-empty')).toContainText('还没有申报人');
    await page.getByTestId('unit-table-to-import').click();
    await expect(page.getByRole('heading', { name: '导入申报包', level: 1 })).toBeVisible();

    // ---- 导入申报包: several at once, a tampered one and a stray file among them ----
    await page
      .getByTestId('unit-import-input')
      .setInputFiles([
        one.file,
        path.join(dir, '申报包-申报人2-r1.zcpkg'),
        path.join(dir, '申报包-申报人3-r1.zcpkg'),
        tamperedFile,
        stray,
      ]);
    const results = page.getByTestId('unit-import-results');
    await expect(results).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('unit-import-job')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('unit-import-summary')).toContainText(
      '共 5 个文件：新导入 3，替换旧版 0，未变 0，拒绝 2',
    );
    const refusedRow = results.locator('tr[data-file="申报包-申报人4-篡改.zcpkg"]');
    await expect(refusedRow).toHaveAttribute('data-status', 'refused');
    await expect(refusedRow).toContainText('已拒绝');
    await expect(refusedRow).toContainText('申报包未通过验证，未导入任何内容');
    // Refused rows come first, in red.
    await expect(results.locator('tbody tr').first()).toHaveAttribute('data-status', 'refused');
    await expect(refusedRow.getByTestId('unit-import-reason')).toHaveCSS('color', /rgb\((2\d\d|1\d\d), \d+, \d+\)/);
    await expect(results.locator('tr[data-file="说明.txt"]')).toContainText('不是申报包');
    for (const n of [1, 2, 3]) {
      const row = results.locator(`tr[data-file="申报包-申报人${n}-r1.zcpkg"]`);
      await expect(row).toHaveAttribute('data-status', 'imported');
      await expect(row).toContainText(`申报人${n}（第 1 版）`);
    }
    await shot(page, 'unit-04-import-results');

    // ---- 申报人一览: the three good ones ----
    await page.getByTestId('unit-import-to-table').click();
    await expect(page.getByRole('heading', { name: '申报人一览', level: 1 })).toBeVisible();
    const table = page.getByTestId('unit-table');
    const rows = table.locator('.ant-table-row');
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('unit-table-count')).toHaveText('共 3 位申报人');
    await expect(table).not.toContainText('申报人4');
    // In pinyin order by name by default; every column present.
    await expect(rows.nth(0)).toContainText('申报人1');
    await expect(rows.nth(0)).toContainText('能源');
    await expect(rows.nth(0)).toContainText('热能动力工程');
    await expect(rows.nth(0)).toContainText('待审核');
    await expect(rows.nth(0)).toContainText('未公示');
    await expect(rows.nth(0)).toContainText('第 1 版');
    await expect(rows.nth(0)).toContainText(/齐全|缺 \d+ 项/);
    await shot(page, 'unit-05-table');

    // The search box: a name, then an ID number.
    const searchBox = page.getByRole('textbox', { name: '按姓名、身份证号或专业查找' });
    await searchBox.fill('申报人2');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('申报人2');
    await expect(page.getByTestId('unit-table-count')).toHaveText('显示 1 位，共 3 位');
    await searchBox.fill(person(3).profile.idNumber);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('申报人3');
    await searchBox.fill('没有这个人');
    await expect(rows).toHaveCount(0);
    await expect(table).toContainText('没有符合条件的申报人');
    await page.getByTestId('unit-filter-clear').click();
    await expect(rows).toHaveCount(3);

    // A filter: the materials committee holds only 申报人3.
    await page.getByRole('combobox', { name: '评委会' }).click();
    await pickOption(page, '材料');
    await page.keyboard.press('Escape');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('申报人3');
    await expect(rows.first()).toContainText('材料');
    await shot(page, 'unit-06-table-filtered');
    await page.getByTestId('unit-filter-clear').click();
    await expect(rows).toHaveCount(3);

    // Sorting by name, descending.
    await table.locator('.ant-table-column-title', { hasText: '姓名' }).click();
    await expect(rows.nth(0)).toContainText('申报人3');

    // Keyboard: focus a row's name (its open button), the arrow moves, Enter opens that applicant's review.
    const openButton = (row: typeof rows) => row.locator('[data-testid^="unit-open-"]');
    await openButton(rows.nth(0)).focus();
    await page.keyboard.press('ArrowDown');
    await expect(openButton(rows.nth(1))).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.ant-menu-item-selected [data-testid="nav-unitReview"]')).toBeVisible();
    const reviewed = await page.evaluate(() => sessionStorage.getItem('dossier.unitReviewApplicant'));
    expect(reviewed).toBeTruthy();

    // ---- a whole folder: a newer revision of 申报人1 replaces the first, the stray file is skipped ----
    const stick = path.join(dir, 'U盘');
    mkdirSync(stick);
    const newer = await writePerson(
      stick,
      1,
      person(1, (a) => (a.profile.phone = '13900571234')),
      { revision: 2, key: one.key },
    );
    writeFileSync(path.join(stick, '说明.txt'), '这不是申报包\n');
    await page.getByTestId('nav-unitImport').click();
    await page.getByTestId('unit-import-folder-input').setInputFiles(stick);
    await expect(page.getByTestId('unit-import-summary')).toContainText('共 1 个文件：新导入 0，替换旧版 1', {
      timeout: 60_000,
    });
    await expect(results.locator(`tr[data-file="${path.basename(newer.file)}"]`)).toContainText('已替换');
    await expect(page.getByTestId('unit-import-skipped')).toContainText('说明.txt');
    await page.getByTestId('unit-import-to-table').click();
    await expect(rows).toHaveCount(3);
    // The row whose name button is 申报人1's (the rows are rows of cells, issue 20).
    const firstRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /^申报人1\s*，打开审核/ }) });
    await expect(firstRow).toContainText('第 2 版');

    // ---- English ----
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect(page.getByRole('heading', { name: 'Applicants', level: 1 })).toBeVisible();
    await expect(page.getByTestId('unit-table-count')).toHaveText('3 applicants');
    await expect(rows.first()).toContainText('To review');
    await shot(page, 'unit-07-table-en');
    await page.getByTestId('nav-unitImport').click();
    await expect(page.getByTestId('unit-import-summary')).toContainText('1 file: 0 imported, 1 replaced');
    await shot(page, 'unit-08-import-en');
    await page.getByTestId('nav-unitProfile').click();
    await expect(page.getByRole('heading', { name: 'Unit', level: 1 })).toBeVisible();
    await shot(page, 'unit-09-profile-en');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the unit cannot import before its profile is saved; the refusal says why and nothing is imported', async ({
  app,
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-unit-pkgs-'));
  try {
    const one = await writePerson(dir, 1, person(1));
    await page.goto(app.url);
    await page.getByTestId('welcome-unit').click();
    await page.getByTestId('welcome-unit-confirm').click();
    await page.getByTestId('nav-unitImport').click();
    await page.getByTestId('unit-import-input').setInputFiles([one.file]);
    await expect(page.getByTestId('unit-import-failed')).toContainText('请先填写并保存单位信息');
    await page.getByTestId('nav-unitApplicants').click();
    await expect(page.getByTestId('unit-table-empty')).toBeVisible();
    // Only .zcpkg files count: a folder of none is said so, before anything is sent.
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'a.txt'), 'x');
    await page.getByTestId('nav-unitImport').click();
    await page.getByTestId('unit-import-folder-input').setInputFiles(empty);
    await expect(page.getByTestId('unit-import-failed')).toContainText('所选文件夹中没有申报包');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a public institution gets 岗位信息表 (the editor screen, reused); 备份与恢复 opens in the unit workspace', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await page.getByTestId('welcome-unit').click();
  await page.getByTestId('welcome-unit-confirm').click();
  await page.locator('#f-unit-name').fill('衢州市特种设备检测研究院');
  await page.locator('#f-unit-type').click();
  await pickOption(page, '事业单位');
  await page.locator('#f-unit-competentDepartment').fill('衢州市市场监督管理局');
  await page.getByTestId('unit-profile-save').click();
  // Saved with a problem left (no credit code): said, and named at the field.
  await expect(page.getByTestId('unit-profile-saved')).toContainText('仍有');
  await expect(page.locator('#f-unit-creditCode-help')).toContainText('统一社会信用代码');
  await page.getByTestId('nav-unitPostInfo').click();
  await expect(page.getByRole('heading', { name: '岗位信息表', level: 1 })).toBeVisible();
  await expect(page.getByTestId('post-form')).toBeVisible();
  await expect(page.getByTestId('post-not-public')).toHaveCount(0);
  // "From my own archive" means nothing to a unit: not offered; its list comes from the accepted applicants.
  await expect(page.getByTestId('post-fill-accepted')).toBeVisible();
  await expect(page.getByTestId('post-add-own')).toHaveCount(0);
  await expect(page.getByTestId('unit-f4-print')).toBeVisible();
  await expect(page.getByTestId('post-add-person')).toBeVisible();
  await shot(page, 'unit-10-post-info');
  await page.getByTestId('nav-unitBackups').click();
  await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
  await expect(page.getByTestId('backups-dir')).toBeVisible();
});

/** A row of the table as unit:applicants gives it. */
function row(i: number) {
  const committees = ['energy', 'materials', 'light_textile', 'petrochemical'];
  return {
    applicantId: `a-${i}`,
    name: `申报人${String(i).padStart(4, '0')}`,
    idNumber: `33010219800101${String(i).padStart(4, '0')}`.slice(0, 18),
    committee: committees[i % 4],
    specialty: i % 2 ? '热能动力工程' : '金属材料工程',
    exceptional: i % 50 === 0,
    packageId: `pkg-${i}`,
    revision: 1 + (i % 3),
    level: 1,
    status: ['pending', 'accepted', 'returned'][i % 3],
    stage: ['pending', 'accepted', 'returned'][i % 3],
    verdict: i % 5 === 0 ? 'fail' : i % 4 ? 'review' : 'pass',
    counts: { fail: i % 5 === 0 ? 1 : 0, toJudge: i % 4 },
    points: [],
    materials: {
      needed: 10,
      complete: 10 - (i % 3),
      missing: Array.from({ length: i % 3 }, (_, k) => ({
        material: 'M-4',
        key: `M-4/diploma#${k}`,
        message: { zh: '缺少毕业证书', en: 'diploma missing' },
      })),
    },
    publicity: 'none',
    duplicates: i % 100 === 1 ? [{ applicantId: `a-${i + 1}`, name: `申报人${i + 1}`, what: 'scan' }] : [],
    importedAt: '2020-09-01T08:00:00.000Z',
  };
}

test('1,000 applicants: the table draws only the rows in view, the keyboard reaches the last, search narrows', async ({
  app,
  page,
}) => {
  // The rows come from the page's own call, answered here with 1,000 (importing 1,000 packages is the bench's).
  const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1));
  await page.route('**/api/unit:applicants', (route) => route.fulfill({ json: { ok: true, value: { rows } } }));
  await page.goto(app.url);
  await page.getByTestId('welcome-unit').click();
  await page.getByTestId('welcome-unit-confirm').click();
  await page.getByTestId('nav-unitApplicants').click();
  await expect(page.getByTestId('unit-table-count')).toHaveText('共 1000 位申报人');
  const drawn = page.getByTestId('unit-table').locator('.ant-table-row');
  await expect(drawn.first()).toContainText('申报人0001');
  expect(await drawn.count()).toBeLessThan(60);
  await page.getByTestId('unit-open-a-1').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('unit-open-a-1000')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('unit-open-a-999')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('unit-open-a-1')).toBeFocused();
  expect(await drawn.count()).toBeLessThan(60);
  await page.getByRole('textbox', { name: '按姓名、身份证号或专业查找' }).fill('申报人099');
  await expect(page.getByTestId('unit-table-count')).toHaveText('显示 10 位，共 1000 位');
  await page.getByRole('textbox', { name: '按姓名、身份证号或专业查找' }).fill('');
  await page.getByTestId('unit-filter-duplicates').click();
  await expect(page.getByTestId('unit-table-count')).toHaveText('显示 10 位，共 1000 位');
  await expect(drawn.first().getByTestId('unit-cell-duplicates')).toContainText('申报人2');
  await shot(page, 'unit-11-table-1000');
});
