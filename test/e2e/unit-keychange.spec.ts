// Issue 19, item 8 end to end in Debian Chromium against the browser mode: a lost applicant key has a way
// forward. The unit holds an applicant's revision 1; their revision 2, signed by a new key (they lost the
// old one and made another), comes in through 导入申报包 and is held, not refused: the results say
// 暂存（申报人新密钥） with a link to the review, and 申报人一览 flags the applicant. On the review page (Enter on
// the applicant's row) the officer sees both fingerprints, the revision and the date; with the keyboard alone,
// an empty and a short reason are refused at the field, then the new key is accepted with a reason: revision 2
// is imported and the card goes. axe-core finds no WCAG 2.1 AA violation in the results or the card. The
// packages are written here in the export's format (no forms), so the test stays quick. On the applicant's
// side, the key card says the key is in no backup and what to do when it is lost; 换用新密钥 (asked first, by
// keyboard) replaces a key whose passphrase is forgotten.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { idCheckCharacter } from '../../shared/checks/idNumber.js';
import { writeSyntheticPackage } from '../../electron/core/unit/syntheticPackage.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { expectAxeClean } from './axe.js';
import { callApi, expect, test } from './fixtures.js';
import { UNIT_SHOTS } from './packageSteps.js';
import { openSampleArchive } from './sample.js';

test.use({ viewport: { width: 1366, height: 768 } });

const REASON = '本人持身份证到人事处，核对新评审表上的密钥指纹一致。';
const PACKAGE_ID = 'pkg-key-change';

function person(): ArchiveDocument {
  const a = JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')) as ArchiveDocument;
  a.profile.name = '钱换钥';
  const first17 = '33080219780516201';
  a.profile.idNumber = first17 + idCheckCharacter(first17);
  return a;
}

/**
 * The unit's workspace (its data, revision 1 imported) made with the server's API and the URL's token,
 * before any page load: one load fewer than through the page (the import screen has tests of its own).
 */
async function unitWithRevision1(page: Page, url: string, archive: ArchiveDocument, r1: string): Promise<string> {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';
  const headers = { 'x-dossier-token': token };
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await page.request.post(new URL(`/api/${method}`, url).href, { headers, data: input });
    const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
    expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
    return body.value;
  };
  await api('workspace:setMode', { mode: 'unit' });
  await api('unit:set', { profile: archive.unit });
  const upload = await page.request.post(
    new URL(`/api/package?name=${encodeURIComponent(path.basename(r1))}`, url).href,
    {
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      data: readFileSync(r1),
    },
  );
  const { uploadId } = ((await upload.json()) as { value: { uploadId: string } }).value;
  const { jobId } = await api<{ jobId: string }>('unit:import', { uploadIds: [uploadId] });
  for (;;) {
    const job = await api<{ state: string; unitImport?: { status: string; applicantId: string }[] }>('jobs:status', {
      jobId,
    });
    if (job.state === 'running') {
      await page.waitForTimeout(100);
      continue;
    }
    expect(job.unitImport?.[0]?.status).toBe('imported');
    return job.unitImport![0]!.applicantId;
  }
}

test("a revision signed by the applicant's new key is held; the officer compares both keys and accepts it", async ({
  app,
  page,
}) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-keychange-'));
  try {
    const [oldKey, newKey] = [makeKey(), makeKey()];
    const archive = person();
    const r1 = path.join(dir, '申报包-钱换钥-r1.zcpkg');
    await writeSyntheticPackage({ out: r1, archive, scans: [], key: oldKey, packageId: PACKAGE_ID, revision: 1 });
    archive.profile.phone = '13900001111';
    const r2 = path.join(dir, '申报包-钱换钥-r2.zcpkg');
    await writeSyntheticPackage({ out: r2, archive, scans: [], key: newKey, packageId: PACKAGE_ID, revision: 2 });

    // ---- The unit's workspace with revision 1, set up through the API before the page is opened ----
    const applicantId = await unitWithRevision1(page, app.url, archive, r1);
    await page.goto(app.url);
    await expect(page.getByTestId('unit-workspace')).toBeVisible();

    // ---- 导入申报包: revision 2, signed by the new key, is held ----
    await page.getByTestId('nav-unitImport').click();
    await page.getByTestId('unit-import-input').setInputFiles([r2]);
    const results = page.getByTestId('unit-import-results');
    await expect(results).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('unit-import-summary')).toContainText('暂存 1（申报人新密钥，待核实）');
    const heldRow = results.locator(`tr[data-file="${path.basename(r2)}"]`);
    await expect(heldRow).toHaveAttribute('data-status', 'held');
    await expect(heldRow).toContainText('暂存（申报人新密钥）');
    await expect(heldRow).toContainText('由新的签名密钥签名');
    await expect(heldRow.getByTestId('unit-import-held-open')).toHaveText('去核实：钱换钥');
    await expectAxeClean(page, '[data-testid="unit-import-results"]');

    // ---- 申报人一览 flags the applicant; Enter on the focused row opens the review ----
    await page.getByTestId('nav-unitApplicants').click();
    const row = page.getByTestId(`unit-row-${applicantId}`);
    await expect(row.getByTestId('unit-cell-keychange')).toHaveText('新密钥待确认');
    await expect(row).toContainText('第 1 版');
    // The row's name is its open button (a table row is not itself a control).
    await row.getByRole('button', { name: /打开审核/ }).focus();
    await page.keyboard.press('Enter');
    const card = page.getByTestId('uw-key-change');
    // Read once the review's own data is in (the eligibility check runs first).
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(card).toContainText('“钱换钥”交来的第 2 版由一把新的签名密钥签名');
    await expect(card.getByTestId('uw-key-old')).toHaveAttribute('data-value', oldKey.fingerprint);
    await expect(card.getByTestId('uw-key-new')).toHaveAttribute('data-value', newKey.fingerprint);
    const grouped = (hex: string) => hex.toUpperCase().slice(0, 4);
    await expect(card.getByTestId('uw-key-new')).toContainText(grouped(newKey.fingerprint));
    await expect(card.getByTestId('uw-key-revision')).toHaveText('第 2 版');
    await expect(card.getByTestId('uw-key-received')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect(page.getByTestId('uw-revision-now')).toHaveText('第 1 版');
    // The card and the head above it (the rest of the review page has specs of its own).
    await expectAxeClean(page, '[data-testid="uw-key-change"]');
    await expectAxeClean(page, '[data-testid="uw-review-head"]');
    // The card alone (a whole-page picture is slow): test-results/unit/keychange-card-zh.png.
    mkdirSync(UNIT_SHOTS, { recursive: true });
    await card.screenshot({ path: path.join(UNIT_SHOTS, 'keychange-card-zh.png') });

    // ---- The keyboard alone: no reason, a short one, then the reason and 接受 ----
    const reason = page.getByTestId('uw-key-reason');
    const accept = page.getByTestId('uw-key-accept');
    await accept.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('uw-key-reason-help')).toHaveText(
      '请写明理由（至少 10 个字）：如何核实了申报人本人身份',
    );
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.type('本人到场');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('uw-key-reason-help')).toHaveText('理由太短：已写 4 字，至少 10 字');
    await expect(page.getByTestId('uw-revision-now')).toHaveText('第 1 版');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(REASON);
    await expect(page.getByTestId('uw-key-reason-help')).toHaveCount(0);
    await page.keyboard.press('Tab');
    await expect(accept).toBeFocused();
    await page.keyboard.press('Enter');

    // Revision 2 is in; the card and the flag are gone.
    await expect(page.getByTestId('uw-revision-now')).toHaveText('第 2 版');
    await expect(card).toHaveCount(0);
    const { changes } = await callApi<{ changes: unknown[] }>(page, 'unit:keyChanges', {});
    expect(changes).toEqual([]);
    // (The table's flag going with it: unit-keychange.test.ts, keyChangeHeld.)
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the applicant's key card says that no backup holds the key, and a forgotten passphrase gets a new key", async ({
  app,
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(app.url);
  await openSampleArchive(page);
  await expect(page.getByTestId('nav-package')).toBeVisible();
  await callApi(page, 'keys:create', { passphrase: '原来的密码已经忘了' });
  await page.getByTestId('nav-package').click();

  const keyCard = page.getByTestId('key-card');
  await expect(keyCard.getByTestId('key-advice')).toContainText('不包含在工作区备份（.zcbak）里');
  await expect(keyCard.getByTestId('key-advice')).toContainText('导出密钥备份');
  await expect(keyCard.getByTestId('key-lost')).toContainText('告知本单位人事专员');
  await expectAxeClean(page, '[data-testid="key-card"]');
  const oldFingerprint = await keyCard.getByTestId('key-fingerprint').getAttribute('data-value');

  // 换用新密钥, with the keyboard: asked first, then the create form in place of the key.
  await keyCard.getByTestId('key-replace').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('换用新的签名密钥？');
  await expect(dialog).toContainText('keys/retired/');
  await page.getByTestId('key-replace-ok').click();
  await expect(keyCard.getByRole('heading', { name: '设置新密钥' })).toBeVisible();
  await page.locator('#key-passphrase').fill('新的密码要记在本子上');
  await page.locator('#key-confirm').fill('新的密码要记在本子上');
  await page.keyboard.press('Enter');
  await expect(keyCard.getByTestId('key-ready')).toBeVisible();
  await expect(keyCard.getByTestId('key-fingerprint')).not.toHaveAttribute('data-value', oldFingerprint ?? '');
  const status = await callApi<{ fingerprint: string }>(page, 'keys:status', {});
  expect(status.fingerprint).not.toBe(oldFingerprint);
});
