// Issue 2 end to end, in Debian Chromium against the browser mode on a real SQLite file: a new user fills
// every screen, reloads and finds everything; a crash (SIGKILL) loses nothing that was saved; bad input
// is shown beside its field; a broken import writes nothing; deleting can be undone.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { openSampleArchive } from './sample.js';

const field = (page: Page, path: string) => page.locator(`#f-${path.replaceAll('.', '-')}`);

async function fill(page: Page, path: string, value: string): Promise<void> {
  await field(page, path).fill(value);
}

/** antd Select: open it, then pick the option by its visible label. */
async function choose(page: Page, path: string, label: string): Promise<void> {
  await field(page, path).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

async function open(page: Page, screen: string): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

/** Adds a record to a list and returns the path prefix of its fields (`kind.<id>`). */
async function add(page: Page, kind: string): Promise<string> {
  const cards = page.getByTestId(`record-${kind}`);
  const before = await cards.count();
  await page.getByTestId(`add-${kind}`).first().click();
  await expect(cards).toHaveCount(before + 1);
  const id = await cards.nth(before).getAttribute('data-record-id');
  return `${kind}.${id}`;
}

async function expectValues(page: Page, values: [string, string][]): Promise<void> {
  for (const [path, value] of values) await expect(field(page, path), path).toHaveValue(value);
}

const selection = (page: Page, path: string): Locator =>
  page
    .locator('.ant-select')
    .filter({ has: field(page, path) })
    .locator('.ant-select-content, .ant-select-selection-item')
    .first();

test('a new user fills every screen, reloads, and finds everything', async ({ app, page }) => {
  // Types into every field of twelve screens: ~40 s alone on a 2-core machine, more beside other workers.
  test.setTimeout(150_000);
  await page.goto(app.url);
  await page.getByTestId('welcome-create').click();

  // 基本信息 — with a problem shown beside its field while typing, then fixed.
  await open(page, 'profile');
  await fill(page, 'profile.name', '陈𠮷燊');
  await fill(page, 'profile.idNumber', '330802197805160139');
  await expect(page.getByText(/校验位/).first()).toBeVisible();
  await fill(page, 'profile.idNumber', '330802197805160138');
  await expect(page.getByText(/校验位/)).toHaveCount(0);
  // A valid ID number states the birth date and sex: filled from it while empty (issue 15).
  await expect(field(page, 'profile.birthDate')).toHaveValue('1978-05-16');
  await expect(selection(page, 'profile.sex')).toContainText('男');
  await choose(page, 'profile.sex', '男');
  // Keyboard: Tab from a chosen select goes on to the next field (no hidden clear button in between), and
  // a choice is cleared from the list itself.
  await field(page, 'profile.sex').focus();
  await page.keyboard.press('Tab');
  await expect(field(page, 'profile.idNumber')).toBeFocused();
  await choose(page, 'profile.sex', '（不选）');
  await expect(selection(page, 'profile.sex')).not.toContainText('男');
  await choose(page, 'profile.sex', '男');
  await fill(page, 'profile.birthDate', '1978-05-17');
  // Entered otherwise: one click sets it to what the ID number says.
  await page.getByTestId('profile-fix-birthDate').click();
  await expect(field(page, 'profile.birthDate')).toHaveValue('1978-05-16');
  await expect(page.getByTestId('profile-fixes')).toHaveCount(0);
  await fill(page, 'profile.phone', '13800138000');
  await fill(page, 'profile.email', 'chen@example.com');
  // a name beyond the BMP is accepted, with a warning that the online system may refuse it.
  await expect(page.getByText(/𠮷/).first()).toBeVisible();
  await app.screenshot(page, '01-profile');

  await open(page, 'unit');
  await fill(page, 'unit.name', '浙江某能源科技有限公司');
  await fill(page, 'unit.creditCode', '91330800MA28F3K64R');
  await choose(page, 'unit.type', '企业');
  await fill(page, 'unit.competentDepartment', '衢州市经济和信息化局');
  await fill(page, 'unit.city', '衢州市');
  await app.screenshot(page, '02-unit');

  await open(page, 'application');
  await fill(page, 'application.specialty', '热能动力工程');
  await page.getByTestId('committee-energy').click();
  await app.screenshot(page, '03-application');

  await open(page, 'educations');
  const edu = await add(page, 'educations');
  await choose(page, `${edu}.level`, '本科');
  await fill(page, `${edu}.school`, '浙江大学');
  await fill(page, `${edu}.major`, '热能与动力工程');
  await fill(page, `${edu}.startDate`, '2000-07-01');
  await fill(page, `${edu}.graduationDate`, '1996-09-01');
  // Graduation before enrolment: named beside the field, and the draft still saves.
  await expect(page.getByText(/不晚于入学/).first()).toBeVisible();
  await saved(page);
  await fill(page, `${edu}.startDate`, '1996-09-01');
  await fill(page, `${edu}.graduationDate`, '2000-07-01');
  await fill(page, `${edu}.degree`, '工学学士');
  await app.screenshot(page, '04-educations');

  await open(page, 'titles');
  const title = await add(page, 'titles');
  await choose(page, `${title}.level`, '中级');
  await fill(page, `${title}.name`, '工程师');
  await fill(page, `${title}.obtainedDate`, '2009-12-01');
  const appointment = await add(page, 'appointments');
  await fill(page, `${appointment}.post`, '工程师');
  await fill(page, `${appointment}.startDate`, '2010-01-01');
  await app.screenshot(page, '05-titles');

  await open(page, 'workPeriods');
  const period = await add(page, 'workPeriods');
  await fill(page, `${period}.unit`, '浙江某能源科技有限公司');
  await fill(page, `${period}.startDate`, '2000-07-15');
  await fill(page, `${period}.description`, '负责锅炉燃烧优化与节能改造。');
  await app.screenshot(page, '06-workPeriods');

  await open(page, 'courses');
  const course = await add(page, 'courses');
  // A half-typed year is named, never snapped to 1900 (newcomer report).
  await fill(page, `${course}.year`, '19');
  await field(page, `${course}.year`).blur();
  await expect(page.getByText('应在 1900–2100 之间')).toBeVisible();
  await fill(page, `${course}.year`, '2020');
  await choose(page, `${course}.category`, '专业科目');
  await fill(page, `${course}.hours`, 'abc');
  await expect(page.getByText('学时必须是数字')).toBeVisible();
  await fill(page, `${course}.hours`, '64');
  await expect(page.getByTestId('ce-totals')).toContainText('64');
  await app.screenshot(page, '07-courses');

  await open(page, 'assessments');
  const assessment = await add(page, 'assessments');
  await fill(page, `${assessment}.year`, '2019');
  await choose(page, `${assessment}.result`, '合格');
  await app.screenshot(page, '08-assessments');

  await open(page, 'pension');
  const pension = await add(page, 'pensionYears');
  await fill(page, `${pension}.year`, '2019');
  await fill(page, `${pension}.payer`, '浙江某能源科技有限公司');
  await app.screenshot(page, '09-pension');

  await open(page, 'works');
  const work = await add(page, 'works');
  await fill(page, `${work}.title`, '循环流化床锅炉燃烧优化研究');
  await fill(page, `${work}.journal`, '浙江电力');
  await fill(page, `${work}.issn`, '1007-1881');
  await field(page, `${work}.representative`).click();
  await app.screenshot(page, '10-works');

  await open(page, 'summary');
  const summary = '任现职以来，本人主要从事锅炉燃烧优化工作。𠮷'.repeat(20);
  await fill(page, 'summary.text', summary);
  await expect(page.getByTestId('summary-count')).toContainText(String([...summary].length));
  await app.screenshot(page, '11-summary');

  await open(page, 'discipline');
  const discipline = await add(page, 'disciplineRecords');
  await fill(page, `${discipline}.year`, '2015');
  await app.screenshot(page, '12-discipline');

  await open(page, 'io');
  await app.screenshot(page, '13-io');
  await saved(page);

  await page.reload();
  await open(page, 'profile');
  await expectValues(page, [
    ['profile.name', '陈𠮷燊'],
    ['profile.idNumber', '330802197805160138'],
    ['profile.birthDate', '1978-05-16'],
    ['profile.phone', '13800138000'],
    ['profile.email', 'chen@example.com'],
  ]);
  await expect(selection(page, 'profile.sex')).toContainText('男');
  await open(page, 'unit');
  await expectValues(page, [
    ['unit.name', '浙江某能源科技有限公司'],
    ['unit.creditCode', '91330800MA28F3K64R'],
    ['unit.city', '衢州市'],
  ]);
  await expect(selection(page, 'unit.type')).toContainText('企业');
  await open(page, 'application');
  await expectValues(page, [['application.specialty', '热能动力工程']]);
  await expect(page.getByTestId('committee-energy')).toBeChecked();
  await open(page, 'educations');
  await expectValues(page, [
    [`${edu}.school`, '浙江大学'],
    [`${edu}.startDate`, '1996-09-01'],
    [`${edu}.graduationDate`, '2000-07-01'],
    [`${edu}.degree`, '工学学士'],
  ]);
  await open(page, 'titles');
  await expectValues(page, [
    [`${title}.name`, '工程师'],
    [`${title}.obtainedDate`, '2009-12-01'],
    [`${appointment}.startDate`, '2010-01-01'],
  ]);
  await open(page, 'workPeriods');
  await expectValues(page, [[`${period}.description`, '负责锅炉燃烧优化与节能改造。']]);
  await open(page, 'courses');
  await expectValues(page, [
    [`${course}.year`, '2020'],
    [`${course}.hours`, '64'],
  ]);
  await open(page, 'assessments');
  await expect(selection(page, `${assessment}.result`)).toContainText('合格');
  await open(page, 'pension');
  await expectValues(page, [[`${pension}.year`, '2019']]);
  await open(page, 'works');
  await expectValues(page, [[`${work}.issn`, '1007-1881']]);
  await expect(field(page, `${work}.representative`)).toHaveAttribute('aria-checked', 'true');
  await open(page, 'summary');
  await expectValues(page, [['summary.text', summary]]);
  await open(page, 'discipline');
  await expectValues(page, [[`${discipline}.year`, '2015']]);
});

test('a crash (SIGKILL) mid-session loses nothing that was saved', async ({ app, page }) => {
  await page.goto(app.url);
  await openSampleArchive(page);
  await open(page, 'profile');
  await fill(page, 'profile.phone', '13900001111');
  await open(page, 'summary');
  await fill(page, 'summary.text', '崩溃前的最后一句话。');
  await saved(page);

  await app.crashAndRestart();
  await page.goto(app.url);
  await open(page, 'profile');
  await expectValues(page, [['profile.phone', '13900001111']]);
  await open(page, 'summary');
  await expectValues(page, [['summary.text', '崩溃前的最后一句话。']]);
});

test('the sample applicant fills every screen; screenshots of each, in Chinese and English', async ({ app, page }) => {
  await page.goto(app.url);
  await app.screenshot(page, '00-welcome');
  await openSampleArchive(page);
  for (const [n, screen] of [
    'profile',
    'unit',
    'application',
    'educations',
    'titles',
    'workPeriods',
    'courses',
    'assessments',
    'pension',
    'works',
    'summary',
    'discipline',
    'io',
  ].entries()) {
    await open(page, screen);
    await app.screenshot(page, `sample-${String(n + 1).padStart(2, '0')}-${screen}`);
  }
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('nav-profile')).toContainText('Personal data');
  await open(page, 'works');
  await app.screenshot(page, 'sample-en-works');
  // The choice is kept by the workspace.
  await page.reload();
  await expect(page.getByTestId('nav-profile')).toContainText('Personal data');
});

test('deleting a record can be undone', async ({ app, page }) => {
  await page.goto(app.url);
  await openSampleArchive(page);
  await open(page, 'works');
  const cards = page.getByTestId('record-works');
  const count = await cards.count();
  const firstId = await cards.first().getAttribute('data-record-id');
  await cards.first().getByTestId('delete-record').click();
  await expect(cards).toHaveCount(count - 1);
  await page.getByTestId('undo-delete').click();
  await expect(cards).toHaveCount(count);
  await expect(cards.first()).toHaveAttribute('data-record-id', firstId ?? '');
  await saved(page);
  await page.reload();
  await open(page, 'works');
  await expect(cards).toHaveCount(count);
});

test('a broken import lists every problem and writes nothing', async ({ app, page }) => {
  await page.goto(app.url);
  const broken = JSON.stringify({ format: 'dossier.archive', version: 1, profile: { name: 1 } });
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('profile.name');
  await expect(error).toContainText('unit');
  await app.screenshot(page, '14-import-error');
  await page.getByTestId('import-file').setInputFiles({
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'dossier.archive', version: 9 })),
  });
  await expect(error).toContainText('更新版本');
  // Nothing was written: the workspace is still empty and offers the welcome screen after a reload.
  await page.reload();
  await expect(page.getByTestId('welcome-create')).toBeVisible();
});

test('a second tab on the same workspace pauses the first, so neither overwrites the other', async ({
  app,
  page,
  context,
}) => {
  await page.goto(app.url);
  await openSampleArchive(page);
  await open(page, 'profile');
  await fill(page, 'profile.phone', '13900002222');
  await saved(page);

  const second = await context.newPage();
  await second.goto(app.url);
  await expect(page.getByTestId('take-over')).toBeVisible();
  await expect(second.getByTestId('take-over')).toHaveCount(0);
  await open(second, 'profile');
  await expectValues(second, [['profile.phone', '13900002222']]);
  await app.screenshot(page, '15-paused-tab');

  await page.getByTestId('take-over').click();
  await expect(second.getByTestId('take-over')).toBeVisible();
  await open(page, 'profile');
  await expectValues(page, [['profile.phone', '13900002222']]);
});
