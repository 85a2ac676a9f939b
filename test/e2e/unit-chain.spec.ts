// Issue 7's whole chain end to end, through the screens, in Debian Chromium against the browser mode, with
// two workspaces each in its own data folder behind its own server: the applicant's (the sample, 吴𠮷喆, of
// 浙江衢江清能热电有限公司) and the unit's.
// 1. The applicant creates a key and exports a signed package (revision 1), downloaded by the browser.
// 2. The unit's workspace is made from the welcome screen, its data saved (the same unit), its key created;
//    导入申报包 takes the downloaded file; the applicant is opened from 申报人一览; M-10 is marked 退回 with a
//    comment on a paper's title; 退回修改 writes the returned package (level 2, N-10), downloaded.
// 3. The applicant imports it on 校验导入, sees the comment in the banner and at the title field, corrects
//    the title and exports revision 2.
// 4. The unit imports revision 2 (已替换; it names the returned package; the changed title is shown), marks
//    every needed material 通过, accepts, publicises (N-8: a past period, so "no objection" can be recorded),
//    records no objection, and 报送 writes the batch for the city (N-9), listed and downloaded — after which
//    the workspace keeps its record, not the file, and names the automatic backup taken after it.
// 5. From the batch ZIP, the level-2 package: `dossier verify` passes both levels with the applicant's key at
//    level 1; the documented stock-tools script (unzip, sha256sum, jq, openssl dgst -sm3 -verify) verifies
//    both signatures, with the applicant's and the unit's fingerprints as the screens showed them.
// Screenshots of the key steps: test-results/unit/chain-*.png.
import type { Download, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { expect, startWorkspace, test } from './fixtures.js';
import { attachMissingScans, PASSPHRASE, REASON, UNIT_PASSPHRASE, unitShot } from './packageSteps.js';
import { openSampleArchive } from './sample.js';

const COMMENT = '题目与期刊目录页不一致，请按刊出的题目更正。';
const RETURN_OPINION = '论文题目需更正，其余材料真实完整。';
const OPINION = '经审核，申报材料真实完整，公示无异议，同意推荐。';
const NEW_TITLE = '循环流化床锅炉SNCR脱硝系统喷氨优化的试验研究';
const SAMPLE = JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')) as ArchiveDocument;
const UNIT = SAMPLE.unit;
const OLD_TITLE = SAMPLE.works.find((w) => w.id === 'work-1')?.title ?? '';
// A Monday: its five working days (N-8) end on 2026-11-06, inside the calendar (2020–2026) and past today.
const PUBLICITY_START = '2026-11-02';
const PUBLICITY_END = '2026-11-06';

/** A whole-screen picture, full height, as test-results/unit/chain-<name>.png. */
const shot = (page: Page, name: string) => unitShot(page, `chain-${name}`);

/** Clicks a download link as the officer does and keeps the file the browser received. */
async function downloadBy(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 2).toString('latin1'), file).toBe('PK');
  return file;
}

/** 申报包 → 导出: each warning's written reason, the passphrase, the job; the file downloaded. */
async function exportOnScreen(page: Page, revision: number, dir: string): Promise<string> {
  await page.getByTestId('nav-package').click();
  await expect(page.getByRole('heading', { name: '申报包', level: 1 })).toBeVisible();
  await expect(page.getByTestId('precheck-blockers')).toHaveCount(0);
  const reasons = page.getByTestId('precheck-warnings').locator('textarea');
  await expect(page.getByTestId('export-waiting')).toBeVisible();
  for (let i = 0, n = await reasons.count(); i < n; i++) await reasons.nth(i).fill(REASON);
  await page.getByTestId('export-passphrase').fill(PASSPHRASE);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('export-result')).toContainText(`第 ${revision} 版`);
  return downloadBy(page, () => page.getByTestId('export-result-download').click(), dir);
}

/** The key card (申报包 for the applicant, 单位信息 for the unit): a passphrase twice, then its fingerprint. */
async function createKey(page: Page, passphrase: string): Promise<string> {
  await page.locator('#key-passphrase').fill(passphrase);
  await page.locator('#key-confirm').fill(passphrase);
  await page.getByTestId('key-create').click();
  const fingerprint = page.getByTestId('key-fingerprint');
  await expect(fingerprint).toContainText(/^[0-9A-F]{4}( [0-9A-F]{4}){15}/);
  const hex = (await fingerprint.getAttribute('data-value')) ?? '';
  expect(hex).toMatch(/^[0-9a-f]{64}$/);
  return hex;
}

/** The verify-package.sh block of docs/package-format.md, run exactly as printed there. */
function stockToolsVerify(pkg: string, dir: string): { status: number | null; out: string } {
  const doc = readFileSync('docs/package-format.md', 'utf8');
  const block = /<!-- verify-package\.sh: begin -->\s*```sh\n([\s\S]*?)```\s*<!-- verify-package\.sh: end -->/.exec(
    doc,
  );
  expect(block, 'the verify-package.sh block of docs/package-format.md').not.toBeNull();
  const script = path.join(dir, 'verify-package.sh');
  writeFileSync(script, block![1]!);
  const r = spawnSync('sh', [script, pkg]);
  return { status: r.status, out: r.stdout.toString() + r.stderr.toString() };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('the whole chain: export, import, return with a comment, fix, re-export, accept, publicise, submit, verify', async ({
  app,
  page,
  context,
}) => {
  // A cap, not a speed target: the chain takes 1–2 min alone, and 3 on a loaded machine with another worker.
  test.setTimeout(420_000);
  const files = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-chain-'));
  const unit = await startWorkspace();
  try {
    // ================= 1. The applicant: a key, a signed package, downloaded =================
    await page.goto(app.url);
    await openSampleArchive(page);
    await expect(page.getByTestId('nav-package')).toBeVisible();
    await attachMissingScans(page, { publicity: true });
    await page.getByTestId('nav-package').click();
    const applicantKey = await createKey(page, PASSPHRASE);
    const r1 = await exportOnScreen(page, 1, files);
    expect(path.basename(r1)).toMatch(/^申报包-吴𠮷喆-r1\.zcpkg$/);
    await shot(page, '01-applicant-exported');

    // ================= 2. The unit: its workspace, data and key; the package in; 退回 =================
    const u = await context.newPage();
    await u.goto(unit.url);
    await u.getByTestId('welcome-unit').click();
    await u.getByTestId('welcome-unit-confirm').click();
    await expect(u.getByTestId('unit-workspace')).toBeVisible();
    await expect(u.getByRole('heading', { name: '单位信息', level: 1 })).toBeVisible();
    await u.locator('#f-unit-name').fill(UNIT.name);
    await u.locator('#f-unit-creditCode').fill(UNIT.creditCode);
    await u.locator('#f-unit-type').click();
    await u.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '企业' }).first().click();
    await u.locator('#f-unit-personnelAgency').fill(UNIT.personnelAgency);
    await u.locator('#f-unit-city').fill(UNIT.city);
    await u.getByTestId('unit-profile-save').click();
    await expect(u.getByTestId('unit-profile-saved')).toHaveText('已保存');
    await expect(u.getByTestId('unit-header-name')).toHaveText(UNIT.name);
    const unitKey = await createKey(u, UNIT_PASSPHRASE);
    expect(unitKey).not.toBe(applicantKey);
    await shot(u, '02-unit-profile-key');

    await u.getByTestId('nav-unitImport').click();
    await expect(u.getByRole('heading', { name: '导入申报包', level: 1 })).toBeVisible();
    await u.getByTestId('unit-import-input').setInputFiles(r1);
    const results = u.getByTestId('unit-import-results');
    await expect(results).toBeVisible({ timeout: 60_000 });
    await expect(u.getByTestId('unit-import-summary')).toContainText('新导入 1，替换旧版 0，未变 0，拒绝 0');
    await expect(results.locator(`tr[data-file="${path.basename(r1)}"]`)).toHaveAttribute('data-status', 'imported');
    await shot(u, '03-unit-imported');

    await u.getByTestId('unit-import-to-table').click();
    await expect(u.getByRole('heading', { name: '申报人一览', level: 1 })).toBeVisible();
    const row = u.getByTestId('unit-table').locator('.ant-table-row').filter({ hasText: '吴𠮷喆' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('待审核');
    await expect(row).toContainText('第 1 版');
    await shot(u, '04-unit-table');
    await row.click();
    const heading = u.getByRole('heading', { name: '审核：吴𠮷喆', level: 1 });
    await expect(heading).toBeVisible();
    await expect(u.getByTestId('uw-revision-now')).toHaveText('第 1 版');

    // M-10 returned, with a comment on the first paper's title.
    const m10 = u.getByTestId('uw-material-M-10');
    await u.getByTestId('uw-mark-M-10').getByText('退回').click();
    await expect(m10).toHaveAttribute('data-decision', 'returned');
    await u.getByTestId('uw-comment-open-M-10').click();
    await u.locator('#uw-comment-target-M-10').click();
    await u.keyboard.type('喷氨优化试验研究》 · 题目');
    await u.keyboard.press('Enter');
    await u.getByTestId('uw-comment-text-M-10').fill(COMMENT);
    await u.getByTestId('uw-comment-add-M-10').click();
    await expect(m10.getByTestId('uw-comment')).toHaveAttribute('data-target', 'field:works.work-1.title');
    await u.getByTestId('uw-opinion').fill(RETURN_OPINION);
    await expect(u.getByTestId('uw-opinion-status').getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

    await u.getByTestId('uw-return-passphrase').fill(UNIT_PASSPHRASE);
    await u.getByTestId('uw-return').click();
    await expect(u.getByTestId('uw-return-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(u.getByTestId('uw-status')).toHaveAttribute('data-status', 'returned');
    const returned = await downloadBy(u, () => u.getByTestId('export-result-download').click(), files);
    expect(path.basename(returned)).toMatch(/^申报包-吴𠮷喆-r1-L2-退回\.zcpkg$/);
    await shot(u, '05-unit-returned');

    // ================= 3. The applicant: the returned package in, the comment seen, the title fixed ====
    await page.getByTestId('nav-verifyPackage').click();
    await page.getByTestId('package-input').setInputFiles(returned);
    await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
    await expect(page.getByTestId('verify-signer-1')).toHaveAttribute('data-value', applicantKey);
    await expect(page.getByTestId('verify-level-2')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('verify-signer-2')).toHaveAttribute('data-value', unitKey);
    await page.getByTestId('package-import-start').click();
    // The unit's key, confirmed once against its opinion page (issue 13).
    await page.getByRole('button', { name: '指纹一致，确认导入' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-status', 'reviewed', { timeout: 30_000 });
    await page.getByTestId('import-open-archive').click();
    const banner = page.getByTestId('review-banner');
    await expect(banner).toHaveAttribute('data-decision', 'returned');
    await expect(page.getByTestId('review-banner-meta')).toContainText(UNIT.name);
    await expect(page.getByTestId('review-comment')).toHaveCount(1);
    await expect(page.getByTestId('review-comment')).toContainText(COMMENT);
    await shot(page, '06-applicant-banner');

    await page.getByTestId('review-comment-link').click();
    await expect(page.getByRole('heading', { name: '业绩成果', level: 1 })).toBeVisible();
    const title = page.locator('#f-works-work-1-title');
    await expect(title).toBeFocused();
    await expect(page.locator('#f-works-work-1-title-unit')).toContainText(`单位批注：${COMMENT}`);
    await shot(page, '07-applicant-at-field');
    await title.fill(NEW_TITLE);
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

    const r2 = await exportOnScreen(page, 2, files);
    expect(path.basename(r2)).toMatch(/^申报包-吴𠮷喆-r2\.zcpkg$/);
    await shot(page, '08-applicant-revision-2');

    // ================= 4. The unit: revision 2 replaces; accepted, publicised, submitted =================
    await u.getByTestId('nav-unitImport').click();
    await u.getByTestId('unit-import-input').setInputFiles(r2);
    await expect(u.getByTestId('unit-import-summary')).toContainText('新导入 0，替换旧版 1', { timeout: 60_000 });
    const replacedRow = results.locator(`tr[data-file="${path.basename(r2)}"]`);
    await expect(replacedRow).toHaveAttribute('data-status', 'replaced');
    await expect(replacedRow).toContainText('已替换');
    await replacedRow.getByRole('button', { name: /吴𠮷喆/ }).click();
    // The review of a corrected revision reads the previous one's package for the scan diff: allow it time.
    await expect(heading).toBeVisible({ timeout: 60_000 });
    await expect(u.getByTestId('uw-revision-now')).toHaveText('第 2 版');
    await expect(u.getByTestId('uw-status')).toHaveAttribute('data-status', 'pending');
    // It names the returned package it corrects, and what changed is shown, before → after.
    await expect(u.getByTestId('uw-supersedes')).toContainText('第 2 版注明了');
    await expect(u.getByTestId('uw-changes')).toContainText(NEW_TITLE);
    await expect(u.getByTestId('uw-changes')).toContainText(OLD_TITLE);
    await shot(u, '09-unit-revision-2');

    const open = u.getByTestId('uw-material-nav').locator('a[data-state="none"], a[data-state="returned"]');
    for (let n = await open.count(); n > 0; n = await open.count()) {
      const id = ((await open.first().textContent()) ?? '').trim();
      await u.getByTestId(`uw-mark-${id}`).getByText('通过').click();
      await expect(u.getByTestId(`uw-material-${id}`)).toHaveAttribute('data-decision', 'accepted');
    }
    // The opinion written for the return is not carried onto revision 2 (it would be printed on the acceptance).
    await expect(u.getByTestId('uw-opinion')).toHaveValue('');
    await u.getByTestId('uw-opinion').fill(OPINION);
    await expect(u.getByTestId('uw-opinion-status').getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    await u.getByTestId('uw-accept').click();
    await expect(u.getByTestId('uw-status')).toHaveAttribute('data-status', 'accepted');
    await shot(u, '10-unit-accepted');

    // 公示: a period already over, so that "no objection" can be recorded after its end.
    await u.getByTestId('nav-unitPublicity').click();
    await expect(u.getByRole('heading', { name: '公示', level: 1 })).toBeVisible();
    await expect(u.getByTestId('uw-pub-choice').getByRole('checkbox', { name: '吴𠮷喆' })).toBeChecked();
    await u.locator('#uw-pub-start').click();
    await u.locator('#uw-pub-start').fill(PUBLICITY_START);
    await u.keyboard.press('Enter');
    await expect(u.getByTestId('uw-pub-plan')).toHaveAttribute('data-state', 'ok');
    await expect(u.getByTestId('uw-pub-plan')).toContainText(`公示期 ${PUBLICITY_START} 至 ${PUBLICITY_END}`);
    await u.getByTestId('uw-pub-create').click();
    const card = u.getByTestId('uw-pub-card');
    await expect(card).toHaveCount(1);
    const member = card.getByTestId('uw-member');
    await member.getByTestId('uw-member-outcome').getByText('无异议').click();
    await member.getByTestId('uw-member-record').click();
    await expect(member).toHaveAttribute('data-outcome', 'no_objection');
    await expect(card).toContainText('公示结束，结果已记录');
    await shot(u, '11-unit-publicity');

    // 报送: the applicant ready; the batch written, listed and downloaded.
    await u.getByTestId('nav-unitSubmit').click();
    await expect(u.getByRole('heading', { name: '报送', level: 1 })).toBeVisible();
    await expect(u.getByTestId('uw-ready-row').filter({ hasText: '吴𠮷喆' })).toContainText('第 2 版');
    await u.getByTestId('uw-submit-passphrase').fill(UNIT_PASSPHRASE);
    await u.getByTestId('uw-submit').click();
    await expect(u.getByTestId('uw-submit-job')).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
    const batchName = (await u.getByTestId('uw-batch-result-name').textContent()) ?? '';
    expect(batchName).toMatch(new RegExp(`^报送批次-${UNIT.name}-\\d{8}(-\\d+)?\\.zip$`));
    await expect(u.locator(`[data-testid="uw-batch"][data-name="${batchName}"]`)).toBeVisible();
    const batch = await downloadBy(
      u,
      () => u.getByTestId('uw-batch-result').getByTestId('uw-batch-download').click(),
      files,
    );
    expect(path.basename(batch)).toBe(batchName);
    // Downloaded whole, it is not kept in the workspace (issue 19): the list says so, the record stays.
    await expect(u.getByTestId('uw-batch-result').getByTestId('uw-batch-delivered')).toBeVisible({ timeout: 15_000 });
    await expect(u.locator(`[data-testid="uw-batch"][data-name="${batchName}"]`)).toHaveAttribute(
      'data-awaiting',
      'false',
    );
    expect(readdirSync(path.join(unit.dataDir, 'batches'))).toEqual([]);
    // The automatic backup after the countersignature is named on the screen.
    await expect(u.getByTestId('uw-auto-backup')).toContainText(
      /已自动备份工作区：dossier-\d{4}-\d{2}-\d{2}-\d{6}\.zcbak/,
    );
    await shot(u, '12-unit-submitted');

    // ================= 5. The level-2 package from the batch: dossier verify, then stock tools =======
    const unpacked = path.join(files, 'batch');
    mkdirSync(unpacked);
    const unzip = spawnSync('unzip', ['-q', batch, '-d', unpacked]);
    expect(unzip.status, unzip.stderr.toString()).toBe(0);
    // What docs/batch-format.md lists, in its order, and nothing else.
    const entries = spawnSync('unzip', ['-Z1', batch]).stdout.toString().trim().split('\n');
    expect(entries).toEqual([
      'batch.json',
      '汇总表.pdf',
      '汇总表.xlsx',
      expect.stringMatching(/^packages\/.+-L2\.zcpkg$/),
    ]);
    const batchDoc = JSON.parse(readFileSync(path.join(unpacked, 'batch.json'), 'utf8')) as {
      unitFingerprint: string;
      packages: { path: string; sha256: string; revision: number; level: number; name: string }[];
    };
    expect(batchDoc.unitFingerprint).toBe(unitKey);
    expect(batchDoc.packages).toHaveLength(1);
    const listed = batchDoc.packages[0]!;
    expect(listed).toMatchObject({ revision: 2, level: 2, name: '吴𠮷喆' });
    expect(readdirSync(path.join(unpacked, 'packages'))).toEqual([path.basename(listed.path)]);
    const l2 = path.join(unpacked, listed.path);
    expect(sha256(readFileSync(l2))).toBe(listed.sha256);

    const cli = spawnSync(process.execPath, ['bin/dossier.js', 'verify', l2, '--expect-fingerprint', applicantKey]);
    const cliOut = cli.stdout.toString() + cli.stderr.toString();
    expect(cli.status, cliOut).toBe(0);
    expect(cliOut).toContain('第 2 版，2 级签名');
    expect(cliOut).toContain('第 1 级');
    expect(cliOut).toContain('第 2 级');
    expect(cliOut).toContain('（与预期相符）');
    expect(cliOut).toContain('与第 1 级的链接');
    expect(cliOut).not.toContain('✗');
    expect(cliOut).toContain('结论：申报包完好，各级签名有效。');

    // The check can fail: level 1 is the applicant's, not the unit's key.
    const wrong = spawnSync(process.execPath, ['bin/dossier.js', 'verify', l2, '--expect-fingerprint', unitKey]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout.toString()).toContain('（与预期不符！预期 ');

    const stock = stockToolsVerify(l2, files);
    expect(stock.status, stock.out).toBe(0);
    expect(stock.out.match(/Verified OK/g)).toHaveLength(2);
    expect(stock.out).toContain(`level 1 signed by key ${applicantKey}`);
    expect(stock.out).toContain(`level 2 signed by key ${unitKey}`);
    expect(stock.out).toContain('OK: 2 level(s) verified');
    // Level 2 says what the unit decided (accepted, for the city) and the publicity behind it (N-8).
    const inL2 = (entry: string) => {
      const r = spawnSync('unzip', ['-p', l2, entry]);
      expect(r.status, entry).toBe(0);
      return JSON.parse(r.stdout.toString()) as unknown;
    };
    expect(inL2('content/unit/review.json')).toMatchObject({
      decision: 'accepted',
      unitFingerprint: unitKey,
      opinion: OPINION,
    });
    expect(inL2('content/unit/publicity.json')).toMatchObject({
      startDate: PUBLICITY_START,
      endDate: PUBLICITY_END,
      outcome: 'no_objection',
    });
  } finally {
    unit.stop();
    rmSync(files, { recursive: true, force: true });
  }
});
