// Issue 7, the applicant's side of 退回, in Debian Chromium against the browser mode. The sample applicant
// (吴𠮷喆) exports a package through the API; a second, unit workspace (its own server and data folder)
// imports it, comments on a work's title and on a scan, writes its opinion and returns the package — all
// through its API. The applicant verifies and imports the returned package on 校验导入 and opens the archive:
// the banner (单位退回意见: the unit, the date, the opinion, 2 comments) is above every screen; the link of
// the field comment opens 业绩成果 and focuses the title field, which shows the unit's comment beneath it
// (described to screen readers); the link of the scan's comment opens 附件, where the comment sits beside
// that scan and takes the focus. Screenshots in test-results/unit/.
import { callApi, expect, startWorkspace, test } from './fixtures.js';
import {
  download,
  exportPackage,
  packageHref,
  PASSPHRASE,
  sampleReadyToExport,
  unitImport,
  unitShot as shot,
  waitJob,
} from './packageSteps.js';

test('a returned package shows the unit’s comments in a banner and at the field; the link focuses the field', async ({
  app,
  page,
  context,
}) => {
  test.setTimeout(180_000);
  // ---- The applicant's package (through the API; package.spec.ts does it through the screens) ----
  const applicantId = await sampleReadyToExport(page, app.url, { publicity: true });
  const r1 = await exportPackage(page, applicantId);
  const archive = await callApi<{ archive: { unit: Record<string, unknown> } }>(page, 'archive:get', { applicantId });

  // ---- The unit: imports it, comments, returns it (through its API) ----
  const unit = await startWorkspace();
  let returned: { fileName: string; bytes: Buffer; scanName: string };
  try {
    const unitPage = await context.newPage();
    await unitPage.goto(unit.url);
    await unitPage.waitForFunction(() => Boolean(sessionStorage.getItem('dossier.token')));
    await callApi(unitPage, 'workspace:setMode', { mode: 'unit' });
    await callApi(unitPage, 'unit:set', { profile: archive.archive.unit });
    await callApi(unitPage, 'keys:create', { passphrase: PASSPHRASE });
    const imported = await unitImport(unitPage, r1.fileName, r1.bytes);
    expect(imported.status).toBe('imported');
    const unitApplicant = imported.applicantId!;
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
    const done = await waitJob<{ state: string; package?: { fileName: string } | null; error?: unknown }>(
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
      bytes: await download(unitPage, await packageHref(unitPage, done.package!.fileName)),
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
  // The unit's key is confirmed once, against the fingerprint on its opinion page (issue 13).
  await expect(page.getByTestId('unit-key-confirm')).toContainText('单位审核推荐意见表');
  await expect(page.getByTestId('unit-key-new')).toBeVisible();
  await page.getByRole('button', { name: '指纹一致，确认导入' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-status', 'reviewed', { timeout: 30_000 });
  await page.getByTestId('import-open-archive').click();
  await expect(page.getByRole('heading', { name: '基本信息', level: 1 })).toBeVisible();

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
  await expect(page.getByRole('heading', { name: '业绩成果', level: 1 })).toBeVisible();
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
  await expect(page.getByRole('heading', { name: '附件', level: 1 })).toBeVisible();
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
