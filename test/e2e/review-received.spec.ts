// Issue 7, the applicant's side of 退回, in Debian Chromium against the browser mode. The sample applicant
// (吴𠮷喆) exports a package through the API; a second, unit workspace (its own server and data folder)
// imports it, comments on a work's title and on a scan, writes its opinion and returns the package — all
// through its API. The applicant verifies and imports the returned package on 校验导入 and opens the archive:
// the banner (单位退回意见: the unit, the date, the opinion, 2 comments) is above every screen; the link of
// the field comment opens 业绩成果 and focuses the title field, which shows the unit's comment beneath it
// (described to screen readers); the link of the scan's comment opens 附件, where the comment sits beside
// that scan and takes the focus. Screenshots in test-results/unit/.
import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { callApi, expect, test } from './fixtures.js';

const PASSPHRASE = '正确的马 电池 订书钉';
const SHOTS = path.join('test-results', 'unit');

/** The editor scrolls inside its content pane: let it out to full height for a whole-screen picture. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const style = await page.addStyleTag({
    content: '.app-layout{height:auto!important;min-height:100vh}.app-content{overflow:visible!important}',
  });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await style.evaluate((el) => el.parentNode?.removeChild(el));
}

async function onePagePdf(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(label, { x: 60, y: 770, size: 18, font });
  return Buffer.from(await doc.save());
}

const tokenOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('dossier.token') ?? '');

/** Adds a scan as the page does (POST /api/upload with the token) and links it to a material slot. */
async function attach(page: Page, slot: string, recordId: string | null): Promise<void> {
  const name = `${slot.replaceAll('/', '-')}${recordId ? `-${recordId}` : ''}.pdf`;
  const response = await page.request.post(new URL(`/api/upload?name=${encodeURIComponent(name)}`, page.url()).href, {
    headers: { 'x-dossier-token': await tokenOf(page), 'content-type': 'application/octet-stream' },
    data: await onePagePdf(name),
  });
  const result = (await response.json()) as { ok: boolean; value: { attachment: { id: string } } };
  expect(result.ok).toBe(true);
  await callApi(page, 'attachments:link', { attachmentId: result.value.attachment.id, slot, recordId });
}

/** The scans the sample lacks (its blockers), so that it can be exported. */
async function attachMissingScans(page: Page): Promise<void> {
  await attach(page, 'M-3/publicity', null);
  for (const work of ['work-1', 'work-2']) {
    for (const tag of ['cover', 'issn', 'toc', 'article']) await attach(page, `M-10/paper/${tag}`, work);
  }
  await attach(page, 'M-10/authorship', 'work-4');
  await attach(page, 'M-4/main-contributor', 'work-5');
  await attach(page, 'M-4/main-contributor', 'work-6');
  await attach(page, 'M-4/graduate-form', 'edu-1');
}

interface JobState {
  state: string;
  package?: { fileName: string } | null;
  unitImport?: { status: string; applicantId: string | null }[] | null;
  error?: unknown;
}

async function waitJob(page: Page, jobId: string): Promise<JobState> {
  let status: JobState = { state: 'running' };
  for (let i = 0; i < 600 && status.state === 'running'; i++) {
    await page.waitForTimeout(100);
    status = await callApi<JobState>(page, 'jobs:status', { jobId });
  }
  return status;
}

async function download(page: Page, fileName: string): Promise<Buffer> {
  const url = new URL(`/packages/${encodeURIComponent(fileName)}?token=${await tokenOf(page)}`, page.url()).href;
  const response = await page.request.get(url);
  expect(response.ok()).toBe(true);
  return response.body();
}

/** A second workspace (the unit's), served as the fixture serves the first; stopped by the returned function. */
async function startUnitServer(): Promise<{ url: string; stop: () => void }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-unit-'));
  const child = spawn(process.execPath, ['bin/dossier.js', 'serve', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test('a returned package shows the unit’s comments in a banner and at the field; the link focuses the field', async ({
  app,
  page,
  context,
}) => {
  test.setTimeout(180_000);
  // ---- The applicant's package (through the API; package.spec.ts does it through the screens) ----
  await page.goto(app.url);
  await page.getByTestId('welcome-sample').click();
  await expect(page.getByTestId('nav-package')).toBeVisible();
  const { applicantId } = await callApi<{ applicantId: string }>(page, 'workspace:status', {});
  await attachMissingScans(page);
  await callApi(page, 'keys:create', { passphrase: PASSPHRASE });
  const { warnings } = await callApi<{ warnings: { id: string }[] }>(page, 'package:precheck', { applicantId });
  const exported = await waitJob(
    page,
    (
      await callApi<{ jobId: string }>(page, 'package:export', {
        applicantId,
        passphrase: PASSPHRASE,
        justifications: warnings.map((w) => ({
          findingId: w.id,
          text: '单位已核实此项情况，原件随纸质材料一并报送。',
        })),
      })
    ).jobId,
  );
  expect(exported.state).toBe('done');
  const r1 = await download(page, exported.package!.fileName);
  const archive = await callApi<{ archive: { unit: Record<string, unknown> } }>(page, 'archive:get', { applicantId });

  // ---- The unit: imports it, comments, returns it (through its API) ----
  const unit = await startUnitServer();
  let returned: { fileName: string; bytes: Buffer; scanName: string };
  try {
    const unitPage = await context.newPage();
    await unitPage.goto(unit.url);
    await unitPage.waitForFunction(() => Boolean(sessionStorage.getItem('dossier.token')));
    await callApi(unitPage, 'workspace:setMode', { mode: 'unit' });
    await callApi(unitPage, 'unit:set', { profile: archive.archive.unit });
    await callApi(unitPage, 'keys:create', { passphrase: PASSPHRASE });
    const upload = await unitPage.request.post(
      new URL(`/api/package?name=${encodeURIComponent(exported.package!.fileName)}`, unitPage.url()).href,
      { headers: { 'x-dossier-token': await tokenOf(unitPage), 'content-type': 'application/octet-stream' }, data: r1 },
    );
    const { value } = (await upload.json()) as { value: { uploadId: string } };
    const imported = await waitJob(
      unitPage,
      (await callApi<{ jobId: string }>(unitPage, 'unit:import', { uploadIds: [value.uploadId] })).jobId,
    );
    expect(imported.unitImport?.[0]?.status).toBe('imported');
    const unitApplicant = imported.unitImport![0]!.applicantId!;
    const { attachments } = await callApi<{ attachments: { sha256: string; fileName: string; links: unknown[] }[] }>(
      unitPage,
      'attachments:list',
      { applicantId: unitApplicant },
    );
    const scan = attachments.find((a) => a.fileName.startsWith('M-10-paper-toc-work-1'))!;
    await callApi(unitPage, 'unit:addComment', {
      applicantId: unitApplicant,
      material: 'M-10',
      target: { kind: 'field', path: 'works.work-1.title' },
      text: '论文题目与期刊目录页不一致，请按目录页更正。',
    });
    await callApi(unitPage, 'unit:addComment', {
      applicantId: unitApplicant,
      material: 'M-10',
      target: { kind: 'attachment', sha256: scan.sha256, fileName: scan.fileName },
      text: '目录页扫描件不清晰，请重新扫描。',
    });
    await callApi(unitPage, 'unit:setOpinion', { applicantId: unitApplicant, opinion: '请按批注修改后重新提交。' });
    const done = await waitJob(
      unitPage,
      (
        await callApi<{ jobId: string }>(unitPage, 'unit:return', {
          applicantId: unitApplicant,
          passphrase: PASSPHRASE,
        })
      ).jobId,
    );
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    returned = {
      fileName: done.package!.fileName,
      bytes: await download(unitPage, done.package!.fileName),
      scanName: scan.fileName,
    };
    await unitPage.close();
  } finally {
    unit.stop();
  }

  // ---- The applicant imports the returned package on 校验导入 ----
  await page.getByTestId('nav-verifyPackage').click();
  await page
    .getByTestId('package-input')
    .setInputFiles({ name: returned.fileName, mimeType: 'application/octet-stream', buffer: returned.bytes });
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('verify-level-2')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('package-import-start').click();
  await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-status', 'reviewed', { timeout: 30_000 });
  await page.getByTestId('import-open-archive').click();
  await expect(page.getByRole('heading', { name: '基本信息', level: 2 })).toBeVisible();

  // The banner: who, when, the opinion, two comments, each with its link.
  const banner = page.getByTestId('review-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-decision', 'returned');
  await expect(banner).toContainText('单位退回意见');
  await expect(page.getByTestId('review-banner-meta')).toContainText(String(archive.archive.unit.name));
  await expect(page.getByTestId('review-banner-meta')).toContainText(/\d{4}-\d{2}-\d{2} · 2 条批注/);
  await expect(page.getByTestId('review-banner-opinion')).toContainText('请按批注修改后重新提交。');
  const comments = page.getByTestId('review-comment');
  await expect(comments).toHaveCount(2);
  await expect(comments.nth(0)).toContainText('论文题目与期刊目录页不一致');
  await expect(comments.nth(0).getByTestId('review-comment-link')).toContainText('业绩成果');
  await expect(comments.nth(1)).toContainText(returned.scanName);
  await shot(page, 'review-01-banner');

  // The field's link: 业绩成果 opens and the title field has the focus, the comment beneath it.
  await comments.nth(0).getByTestId('review-comment-link').click();
  await expect(page.getByRole('heading', { name: '业绩成果', level: 2 })).toBeVisible();
  const title = page.locator('#f-works-work-1-title');
  await expect(title).toBeFocused();
  const atField = page.locator('#f-works-work-1-title-unit');
  await expect(atField).toContainText('单位批注：论文题目与期刊目录页不一致，请按目录页更正。');
  await expect(title).toHaveAttribute('aria-describedby', /f-works-work-1-title-unit/);
  // Only that field carries it.
  await expect(page.getByTestId('unit-comment')).toHaveCount(1);
  await shot(page, 'review-02-at-field');

  // The scan's link: 附件 opens, the comment beside that scan takes the focus.
  await comments.nth(1).getByTestId('review-comment-link').click();
  await expect(page.getByRole('heading', { name: '附件', level: 2 })).toBeVisible();
  const besideScan = page.getByTestId('attachment-unit-comment');
  await expect(besideScan).toHaveCount(1);
  await expect(besideScan).toContainText('目录页扫描件不清晰，请重新扫描。');
  await expect(besideScan).toBeFocused();
  // Right after its card in the grid.
  const previous = besideScan.locator('xpath=preceding-sibling::*[1]');
  await expect(previous).toHaveAttribute('data-testid', 'attachment');
  await expect(previous).toContainText(returned.scanName);
  await shot(page, 'review-03-beside-attachment');

  // The banner folds away and stays folded; in English it reads in English.
  await page.getByTestId('review-banner-toggle').click();
  await expect(comments).toHaveCount(0);
  await page.getByTestId('nav-profile').click();
  await expect(comments).toHaveCount(0);
  await page.getByTestId('review-banner-toggle').click();
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(banner).toContainText('Returned by the unit for correction');
  await expect(page.getByTestId('review-banner-meta')).toContainText('2 comments');
  await shot(page, 'review-04-en');
});
