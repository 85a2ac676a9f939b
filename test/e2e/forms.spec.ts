// Issue 5 end to end, in Debian Chromium against the browser mode: the sample applicant (吴𠮷喆) opens 打印表格,
// makes everything with 生成全部 (progress, then every row made), previews F-1 drawn by pdf.js, saves it as
// the very PDF, is told to print three copies; a generation is cancelled and the screen agrees with the
// core afterwards; and a public institution's 岗位信息表 (F-4) names figures that do not add up beside the
// field, is fixed, saved, and F-4 is made.
import type { Locator, Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { callApi, expect, SCREENSHOT_DIR, test } from './fixtures.js';
import { catchPrints } from './print.js';
import { openSampleArchive } from './sample.js';

const row = (page: Page, key: string): Locator => page.getByTestId(`forms-row-${key}`);
const field = (page: Page, path: string): Locator => page.locator(`#f-${path.replaceAll('.', '-')}`);

/**
 * A screenshot of the whole screen: the editor scrolls inside its content pane (the page itself does not),
 * so the pane is let out to its full height for the picture (the sticky save bar with it) and then put
 * back. A dialog is shot as the user sees it, in the window.
 */
async function shot(
  page: Page,
  app: { screenshot(page: Page, name: string): Promise<void> },
  name: string,
  { isDialog = false } = {},
): Promise<void> {
  if (isDialog) {
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
    return;
  }
  const style = await page.addStyleTag({
    content:
      '.app-layout{height:auto!important;min-height:100vh}.app-content{overflow:visible!important}' +
      '.params-actions{position:static!important}',
  });
  await app.screenshot(page, name);
  await style.evaluate((el) => el.parentNode?.removeChild(el));
}

async function openSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await openSampleArchive(page);
  await expect(page.getByTestId('nav-forms')).toBeVisible();
}

async function openForms(page: Page): Promise<void> {
  await page.getByTestId('nav-forms').click();
  await expect(page.getByRole('heading', { name: '打印表格', level: 1 })).toBeVisible();
  await expect(page.getByTestId('forms-generate-all')).toBeVisible();
}

/** A scan-like PDF of `pages` pages (text and ruled "lines"), so that merging it takes a moment. */
async function makePdf(pages: number, label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${label} page ${i + 1}`, { x: 60, y: 770, size: 22, font });
    for (let line = 0; line < 40; line++) {
      page.drawText(`line ${line} of a scanned certificate, ${label}, page ${i + 1}`, {
        x: 60,
        y: 730 - line * 17,
        size: 10,
        font,
      });
    }
  }
  return Buffer.from(await doc.save());
}

/** Adds a file as the page does (POST /api/upload with the token) and links it to a material slot. */
async function attach(page: Page, name: string, bytes: Buffer, slot: string, recordId: string | null): Promise<void> {
  const token = await page.evaluate(() => sessionStorage.getItem('dossier.token') ?? '');
  const response = await page.request.post(new URL(`/api/upload?name=${encodeURIComponent(name)}`, page.url()).href, {
    headers: { 'x-dossier-token': token, 'content-type': 'application/octet-stream' },
    data: bytes,
  });
  const result = (await response.json()) as { ok: boolean; value: { attachment: { id: string } } };
  expect(result.ok).toBe(true);
  await callApi(page, 'attachments:link', { attachmentId: result.value.attachment.id, slot, recordId });
}

/** Scans for three materials (M-4, M-5, M-9), so that 生成全部 has material PDFs to merge too. */
async function attachScans(page: Page, pages: number): Promise<void> {
  await attach(page, '身份证.pdf', await makePdf(2, 'ID card'), 'M-4/id-card', null);
  await attach(page, '2019 社保.pdf', await makePdf(pages, 'pension 2019'), 'M-5/pension/2019', 'pension-2019');
  await attach(page, '2020 社保.pdf', await makePdf(pages, 'pension 2020'), 'M-5/pension/2020', 'pension-2020');
  await attach(page, '2019 考核.pdf', await makePdf(pages, 'assessment 2019'), 'M-9/assessment/2019', 'assess-2019');
}

/** Dark pixels of the first canvas inside `scope`: a drawn form page has thousands, a blank one none. */
async function darkPixels(scope: Locator): Promise<number> {
  return scope
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128 && (data[i + 3] ?? 0) > 0) n++;
      return n;
    });
}

test('生成全部 makes every form and material PDF with progress; F-1 is previewed, saved and printed in 3 copies', async ({
  app,
  page,
}) => {
  // 60 scan pages merged, every form made and previewed: ~55 s beside another worker; a cap, not a speed target.
  test.setTimeout(120_000);
  await openSample(page, app.url);
  // An enterprise: no 岗位信息表 in the navigation.
  await expect(page.getByTestId('nav-postInfo')).toHaveCount(0);
  await attachScans(page, 60);
  // A publicity period of 4 working days (the National Day holiday inside): M-3 warns, and is made all the same.
  await callApi(page, 'rules:setParams', { params: { publicityStart: '2020-09-28', publicityEnd: '2020-10-09' } });
  await openForms(page);
  await expect(page.getByTestId('forms-warn-M-3')).toContainText('公示期仅 4 个工作日，少于 5 个工作日（N-8）');
  await expect(row(page, 'M-3')).toHaveAttribute('data-state', 'missing');

  // The fingerprint as the footers print it, and why it is there.
  await expect(page.getByTestId('forms-fingerprint-value')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(page.getByTestId('forms-fingerprint')).toContainText('纸质表格');
  await expect(row(page, 'F-1')).toHaveAttribute('data-state', 'missing');
  await expect(row(page, 'F-1')).toContainText('一式 3 份');
  await expect(row(page, 'F-3')).toHaveAttribute('data-state', 'na');
  await expect(row(page, 'F-3')).toContainText('仅破格申报需要');
  await expect(row(page, 'F-4')).toHaveAttribute('data-state', 'na');
  await expect(row(page, 'material:M-5')).toContainText('2 个附件');
  await expect(row(page, 'material:M-6')).toHaveAttribute('data-state', 'empty');
  await expect(page.getByTestId('forms-fix-material:M-6')).toHaveText('去添加（材料清单）');
  // The forms themselves are not materials to merge (unless a signed scan is linked to them).
  await expect(row(page, 'material:M-1')).toHaveCount(0);
  await shot(page, app, 'forms-01-list');

  await page.getByTestId('forms-generate-all').click();
  const job = page.getByTestId('forms-job');
  await expect(job).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('forms-job-step')).toContainText(/生成|准备|开始/);
  await expect(page.getByTestId('forms-generate-all')).toBeDisabled();
  await shot(page, app, 'forms-02-progress');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(job).toContainText('已生成');
  for (const key of ['F-1', 'M-2', 'M-3', 'index', 'material:M-4', 'material:M-5', 'material:M-9']) {
    await expect(row(page, key), key).toHaveAttribute('data-state', 'generated');
  }
  await expect(row(page, 'F-3')).toHaveAttribute('data-state', 'na');
  await expect(page.getByTestId('forms-details-F-1')).toContainText(/生成于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} · \d+ 页 · /);
  // Every character of 吴𠮷喆 has a font: no 〓 warning.
  await expect(page.getByTestId('forms-missing-F-1')).toHaveCount(0);
  await shot(page, app, 'forms-03-generated');

  // 预览: the first page drawn by pdf.js, not blank; the arrows turn pages; Esc closes.
  await page.getByTestId('forms-preview-F-1').click();
  const preview = page.getByTestId('form-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('.pdf-canvas')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect(await darkPixels(preview)).toBeGreaterThan(2_000);
  await expect(page.getByTestId('form-page-indicator')).toContainText('第 1 /');
  const pages = Number(/\/ (\d+)/.exec((await page.getByTestId('form-page-indicator').textContent()) ?? '')?.[1]);
  if (pages > 1) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('form-page-indicator')).toContainText('第 2 /');
    await expect(preview.locator('.pdf-canvas')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('form-page-indicator')).toContainText('第 1 /');
    await expect(preview.locator('.pdf-canvas')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  }
  // 整页 (or 0): the whole page in view, its canvas no taller than the stage; 0 again: back to 100 %.
  const stage = preview.locator('.preview-stage');
  const canvas = preview.locator('.pdf-canvas canvas').first();
  await page.getByTestId('form-whole-page').click();
  await expect(page.getByTestId('form-whole-page')).toHaveAttribute('aria-pressed', 'true');
  await expect(preview.locator('.pdf-canvas')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect
    .poll(async () => ((await canvas.boundingBox())?.height ?? 9e9) <= ((await stage.boundingBox())?.height ?? 0))
    .toBe(true);
  await shot(page, app, 'forms-04-preview', { isDialog: true });
  await page.keyboard.press('0');
  await expect(page.getByTestId('form-whole-page')).toHaveAttribute('aria-pressed', 'false');
  await expect(preview.getByText('100%')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // 保存 PDF: a link to the stored file, named as generated, whose bytes are a PDF.
  const save = page.getByTestId('forms-save-F-1');
  await expect(save).toHaveAttribute('download', /^F-1 专业技术资格评审表\.pdf$/);
  const href = await save.getAttribute('href');
  expect(href).toMatch(/^\/files\/[0-9a-f]{64}\?token=/);
  const response = await page.request.get(new URL(href ?? '', page.url()).href);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
  const download = page.waitForEvent('download');
  await save.click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  // 打印: F-1 asks for three copies first (N-9), then prints the file from a hidden frame.
  await page.getByTestId('forms-print-F-1').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('请打印 3 份');
  await expect(confirm).toContainText('N-9');
  await shot(page, app, 'forms-05-print-copies', { isDialog: true });
  // What is checked is that the frame asks for the generated file (print.ts: not the PDF viewer itself).
  const { printed, stop } = await catchPrints(page);
  await confirm.getByRole('button', { name: '打开打印对话框' }).click();
  await expect(page.getByTestId('print-frame')).toHaveAttribute('src', /\/files\/[0-9a-f]{64}\?token=/);
  await expect.poll(() => printed.length).toBe(1);
  expect(printed[0]).toContain(new URL(href ?? '', page.url()).pathname);
  await expect(confirm).toHaveCount(0);
  await stop();

  // After an edit of the archive the files are out of date.
  await page.getByTestId('nav-profile').click();
  await field(page, 'profile.phone').fill('13800571235');
  await openForms(page);
  await expect(row(page, 'F-1')).toHaveAttribute('data-state', 'stale');
  await expect(page.getByTestId('forms-stale-F-1')).toContainText('请重新生成');
  await expect(row(page, 'material:M-5')).toHaveAttribute('data-state', 'generated');
});

test('a cancelled generation keeps what it finished, and the screen agrees with the core afterwards', async ({
  app,
  page,
}) => {
  await openSample(page, app.url);
  await attachScans(page, 200);
  await openForms(page);
  await page.getByTestId('forms-generate-all').click();
  const cancel = page.getByTestId('forms-job-cancel');
  const job = page.getByTestId('forms-job');
  // Cancelled once the first file is made (the merges of 200-page scans come later); the job may still be
  // quicker than the click: either way the screen must end consistent.
  await expect(job).toHaveAttribute('data-state', 'running');
  await expect(row(page, 'F-1')).toHaveAttribute('data-state', 'generated', { timeout: 30_000 });
  await cancel.click({ timeout: 2_000 }).catch(() => undefined);
  await expect(job).toHaveAttribute('data-state', /^(cancelled|done)$/, { timeout: 60_000 });
  const state = await job.getAttribute('data-state');
  await shot(page, app, 'forms-06-cancelled');
  if (state === 'cancelled') await expect(job).toContainText('已取消');
  await expect(page.getByTestId('forms-generate-all')).toBeEnabled();
  await expect(page.locator('[data-testid^="forms-row-"][data-state="queued"]')).toHaveCount(0);

  // What the rows say is what the core has: read the list again by leaving and coming back.
  const states = async () =>
    page
      .locator('[data-testid^="forms-row-"]')
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-testid')}=${r.getAttribute('data-state')}`));
  const before = await states();
  const listed = await callApi<{ forms: { id: string; file: unknown }[]; materials: { key: string; file: unknown }[] }>(
    page,
    'forms:list',
    { applicantId: (await callApi<{ applicantId: string }>(page, 'workspace:status', {})).applicantId },
  );
  const made = [...listed.forms.map((f) => [f.id, f.file]), ...listed.materials.map((m) => [m.key, m.file])]
    .filter(([, file]) => file !== null)
    .map(([key]) => key as string);
  for (const key of made) expect(before).toContain(`forms-row-${key}=generated`);
  if (state === 'cancelled') {
    // The line names what was kept (nothing had been made before this run), F-1 among it.
    await expect(job).toContainText(made.length > 0 ? '已保留' : '没有生成新文件');
    if (made.length > 0) await expect(job).toContainText('F-1 专业技术资格评审表');
  }
  await page.getByTestId('nav-materials').click();
  await openForms(page);
  await expect.poll(states).toEqual(before);
});

test('a public institution enters its F-4 figures: sums that do not add up are named at the field, fixed, saved, and F-4 is made', async ({
  app,
  page,
}) => {
  // Typing the figures, generating and rendering F-4: ~55 s beside another worker; a cap, not a speed target.
  test.setTimeout(120_000);
  await openSample(page, app.url);
  await page.getByTestId('nav-unit').click();
  await field(page, 'unit.type').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '事业单位' })
    .first()
    .click();
  await expect(page.getByTestId('nav-postInfo')).toBeVisible();

  // On 打印表格, F-4 now applies but waits for the figures, with a link to where they are entered.
  await openForms(page);
  await expect(row(page, 'F-4')).toHaveAttribute('data-state', 'blocked');
  await expect(page.getByTestId('forms-why-F-4')).toContainText('岗位信息表');
  await expect(page.getByTestId('forms-generate-F-4')).toBeDisabled();
  await shot(page, app, 'forms-06b-f4-blocked');
  await page.getByTestId('forms-fix-F-4').click();
  await expect(page.getByRole('heading', { name: '岗位信息表', level: 1 })).toBeVisible();
  await expect(page.getByTestId('post-not-public')).toHaveCount(0);

  await field(page, 'postInfo.establishment').fill('60');
  await field(page, 'postInfo.totalPosts').fill('40');
  const grades = {
    senior: ['10', '5', '3'],
    deputySenior: ['25', '10', '9'],
    intermediate: ['45', '20', '20'],
    junior: ['20', '10', '12'],
  };
  for (const [grade, [ratio, approved, appointed]] of Object.entries(grades)) {
    await field(page, `postInfo.grades.${grade}.ratio`).fill(ratio ?? '');
    await field(page, `postInfo.grades.${grade}.approved`).fill(approved ?? '');
    await field(page, `postInfo.grades.${grade}.appointed`).fill(appointed ?? '');
  }
  // 5 + 10 + 20 + 10 = 45 approved posts, more than the 40 professional posts: said beside 专业技术岗位总数.
  await expect(page.getByTestId('f-postInfo-totalPosts-help')).toContainText(
    '各级核准人数之和（45）超过专业技术岗位总数（40）',
  );
  await expect(page.getByTestId('post-total-approved')).toHaveText('45');
  await expect(page.getByTestId('post-vacancy-senior')).toHaveText('2');
  await expect(page.getByTestId('post-vacancy-junior')).toContainText('超出 2');
  // More appointed than approved is a negative vacancy: said at the appointed count of that grade.
  await expect(page.getByTestId('f-postInfo-grades-junior-appointed-help')).toContainText(
    '实聘 12 人，超过核准的 10 人',
  );
  // Text that is not a number is named at its cell and cannot be saved.
  await field(page, 'postInfo.offered.senior').fill('1个');
  await expect(page.getByTestId('f-postInfo-offered-senior-help')).toContainText('请填写整数');
  await expect(page.getByTestId('post-unsaved')).toBeVisible();
  await shot(page, app, 'forms-07-postinfo-problems');

  // Leaving with unsaved changes asks first.
  await page.getByTestId('nav-forms').click();
  await expect(page.getByText('保存对岗位信息的修改？')).toBeVisible();
  await page.getByRole('button', { name: '留在本页' }).click();

  await field(page, 'postInfo.totalPosts').fill('45');
  await expect(page.getByTestId('f-postInfo-totalPosts-help')).toHaveCount(0);
  await field(page, 'postInfo.grades.junior.appointed').fill('8');
  await expect(page.getByTestId('f-postInfo-grades-junior-appointed-help')).toHaveCount(0);
  await field(page, 'postInfo.offered.senior').fill('1');
  // Posts put up for competition come from the vacancies of their grade (N-14): 1 副高级 post is vacant.
  await field(page, 'postInfo.offered.deputySenior').fill('2');
  await expect(page.getByTestId('f-postInfo-offered-deputySenior-help')).toContainText('超过该级空缺（1 个）');
  await field(page, 'postInfo.offered.deputySenior').fill('1');
  await field(page, 'postInfo.offered.middle').fill('2');
  await field(page, 'postInfo.alreadyQualified').fill('0');
  await field(page, 'postInfo.recommendedCount').fill('1');
  await expect(page.getByTestId('post-sentence')).toContainText('共推出 1 个正高级专业技术岗位');
  await page.getByTestId('post-add-own').click();
  await expect(field(page, 'postInfo.recommended.0.name')).toHaveValue('吴𠮷喆');
  await expect(field(page, 'postInfo.recommended.0.currentQualification')).toHaveValue('工程师');
  // 聘任专业技术职级 is the level of the appointment (工程师: 中级); the sample keeps no post grade.
  await expect(field(page, 'postInfo.recommended.0.appointedGrade')).toHaveValue('中级');
  await expect(field(page, 'postInfo.recommended.0.postLevel')).toHaveValue('');
  await expect(field(page, 'postInfo.recommended.0.postLevel')).toHaveAttribute('placeholder', '如：专业技术十级');
  await expect(field(page, 'postInfo.recommended.0.titleApplied')).toHaveValue('高级工程师');
  await expect(page.getByTestId('post-problems')).toHaveCount(0);
  await page.getByTestId('post-save').click();
  await expect(page.getByTestId('post-saved')).toBeVisible();
  await expect(page.getByTestId('post-unsaved')).toHaveCount(0);
  await shot(page, app, 'forms-08-postinfo-saved');
  const saved = await callApi<{ postInfo: { totalPosts: number; recommended: { name: string }[] }; saved: boolean }>(
    page,
    'postInfo:get',
    {},
  );
  expect(saved.saved).toBe(true);
  expect(saved.postInfo.totalPosts).toBe(45);
  expect(saved.postInfo.recommended.map((p) => p.name)).toEqual(['吴𠮷喆']);

  // F-4 can now be made.
  await openForms(page);
  await expect(row(page, 'F-4')).toHaveAttribute('data-state', 'missing');
  await page.getByTestId('forms-generate-F-4').click();
  await expect(row(page, 'F-4')).toHaveAttribute('data-state', 'generated', { timeout: 30_000 });
  await page.getByTestId('forms-preview-F-4').click();
  await expect(page.getByTestId('form-preview').locator('.pdf-canvas')).toHaveAttribute('data-state', 'done', {
    timeout: 20_000,
  });
  expect(await darkPixels(page.getByTestId('form-preview'))).toBeGreaterThan(2_000);
  await shot(page, app, 'forms-09-f4-preview', { isDialog: true });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('form-preview')).toHaveCount(0);

  // The same screens in English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Forms', level: 1 })).toBeVisible();
  await expect(row(page, 'F-1')).toContainText('3 copies');
  await shot(page, app, 'forms-11-en');
  await page.getByTestId('nav-postInfo').click();
  await expect(page.getByRole('heading', { name: 'Post information (F-4)', level: 1 })).toBeVisible();
  await expect(field(page, 'postInfo.totalPosts')).toHaveValue('45');
  await shot(page, app, 'forms-12-en-postinfo');
});

test('an exceptional application gets its reason field and F-3; the administrative post is on 基本信息', async ({
  app,
  page,
}) => {
  await openSample(page, app.url);
  await field(page, 'profile.administrativePost').fill('副总工程师');
  await page.getByTestId('nav-application').click();
  await expect(field(page, 'application.exceptionalReason')).toHaveCount(0);
  await field(page, 'application.exceptional').click();
  const reason = field(page, 'application.exceptionalReason');
  await expect(reason).toBeVisible();
  await expect(page.getByText('M-11').first()).toBeVisible();
  await reason.fill('作为主要完成人获得省科技进步奖二等奖𠮷');
  // Counted in characters as a reader counts them: 𠮷 is one.
  await expect(page.getByTestId('exceptional-reason-count')).toHaveText('19 字');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await shot(page, app, 'forms-10-exceptional');

  await openForms(page);
  await expect(row(page, 'F-3')).toHaveAttribute('data-state', 'missing');
  await page.getByTestId('forms-generate-F-3').click();
  await expect(row(page, 'F-3')).toHaveAttribute('data-state', 'generated', { timeout: 30_000 });
});
