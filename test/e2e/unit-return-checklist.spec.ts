// Issue 19, item 3 end to end in Debian Chromium against the browser mode: a return that can be checked off.
// The unit's workspace imports an applicant's revision 1 (written here in the export's format, so the test
// stays quick), comments on two fields and on the ID card scan and returns it (退回, the real signed level 2);
// revision 2, which names the returned package, replaces the scan and corrects one field. On 审核 the new
// revision shows the replaced scan side by side — the old one served from revision 1's package file — and the
// return's three comments as a checklist with the change beside each (the uncorrected field: 未修改). The
// officer ticks them with the keyboard; the ticks survive a re-read; axe finds no WCAG 2.1 AA violation in
// the panel. Screenshots (zh, en) go to test-results/unit/.
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { idCheckCharacter } from '../../shared/checks/idNumber.js';
import { computeMaterials } from '../../shared/materials/requirements.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/index.js';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import type { Manifest } from '../../electron/core/package/manifest.js';
import { writeSyntheticPackage, type SyntheticScan } from '../../electron/core/unit/syntheticPackage.js';
import { makeJpeg } from '../helpers/files.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { expectAxeClean } from './axe.js';
import { callApi, expect, test } from './fixtures.js';
import { UNIT_PASSPHRASE, UNIT_SHOTS, unitImport, unitShot, waitJob, withFullHeight } from './packageSteps.js';

test.use({ viewport: { width: 1366, height: 768 } });

const ID_CARD = 'M-4/id-card';
const NEW_PHONE = '13900571234';

function applicant(edit: (a: ArchiveDocument) => void = () => {}): ArchiveDocument {
  const a = JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')) as ArchiveDocument;
  a.profile.name = '退回核对人';
  const first17 = '33080219780516211';
  a.profile.idNumber = first17 + idCheckCharacter(first17);
  edit(a);
  return a;
}

/** A JPEG for every item the materials view asks for; the ID card larger, so that its thumbnail shows it. */
async function scansOf(archive: ArchiveDocument, idCardSeed: number): Promise<SyntheticScan[]> {
  const items = computeMaterials(archive, [], DEFAULT_PARAMS_2020).flatMap((m) =>
    m.items.filter((i) => i.status === 'missing'),
  );
  const scans: SyntheticScan[] = [];
  for (const [i, item] of items.entries()) {
    const isIdCard = item.slot === ID_CARD;
    scans.push({
      source: {
        kind: 'bytes',
        bytes: isIdCard
          ? await makeJpeg(480, 300, { seed: idCardSeed, noise: true })
          : await makeJpeg(40, 30, { seed: i + 1 }),
      },
      fileName: isIdCard ? `身份证-${idCardSeed}.jpg` : `扫描-${i + 1}.jpg`,
      mediaType: 'image/jpeg',
      slot: item.slot,
      recordId: item.recordId,
    });
  }
  return scans;
}

async function writeRevision(
  dir: string,
  archive: ArchiveDocument,
  revision: number,
  key: SigningKey,
  idCardSeed: number,
  supersedes?: Manifest['supersedes'],
): Promise<{ name: string; bytes: Buffer }> {
  const name = `申报包-${archive.profile.name}-r${revision}.zcpkg`;
  const out = path.join(dir, name);
  await writeSyntheticPackage({
    out,
    archive,
    scans: await scansOf(archive, idCardSeed),
    key,
    packageId: 'pkg-return-check',
    revision,
    ...(supersedes ? { supersedes } : {}),
  });
  return { name, bytes: readFileSync(out) };
}

/** The sha256 of the scan filed under the ID card slot, as the unit holds it. */
async function idCardScan(page: Page, applicantId: string): Promise<{ sha256: string; fileName: string }> {
  const { attachments } = await callApi<{
    attachments: { sha256: string; fileName: string; links: { slot: string | null }[] }[];
  }>(page, 'attachments:list', { applicantId });
  const scan = attachments.find((a) => a.links.some((l) => l.slot === ID_CARD));
  if (!scan) throw new Error('no ID card scan');
  return { sha256: scan.sha256, fileName: scan.fileName };
}

test('a corrected revision shows the replaced scan side by side and the return as a checklist', async ({
  app,
  page,
}) => {
  // Two revisions imported, two reviews, a dozen screenshots: over a minute on a loaded two-CPU machine.
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-return-check-'));
  try {
    const key = makeKey();
    const r1Archive = applicant();
    const r1 = await writeRevision(dir, r1Archive, 1, key, 11);

    // ---- The unit: its data, its key, revision 1; three comments, then 退回 ----
    await page.goto(app.url);
    await callApi(page, 'workspace:setMode', { mode: 'unit' });
    await callApi(page, 'unit:set', { profile: r1Archive.unit });
    await callApi(page, 'keys:create', { passphrase: UNIT_PASSPHRASE });
    const { applicantId } = await unitImport(page, r1.name, r1.bytes);
    if (!applicantId) throw new Error('not imported');
    const oldScan = await idCardScan(page, applicantId);
    const comment = (material: string, target: unknown, text: string) =>
      callApi(page, 'unit:addComment', { applicantId, material, target, text });
    await comment('M-4', { kind: 'field', path: 'profile.phone' }, '联系电话有误，请核对');
    await comment('M-10', { kind: 'field', path: 'works.work-1.title' }, '题目与期刊目录页不一致，请更正');
    await comment('M-4', { kind: 'attachment', ...oldScan }, '身份证扫描件不清晰，请重新扫描');
    const { jobId } = await callApi<{ jobId: string }>(page, 'unit:return', {
      applicantId,
      passphrase: UNIT_PASSPHRASE,
    });
    const returned = await waitJob<{ state: string; package?: { manifestSha256: string } }>(page, jobId);
    expect(returned.state).toBe('done');

    // ---- Revision 2: the phone corrected, the ID card rescanned, the title left as it was ----
    const r2 = await writeRevision(
      dir,
      applicant((a) => (a.profile.phone = NEW_PHONE)),
      2,
      key,
      22,
      { packageId: 'pkg-return-check', revision: 1, level: 2, manifestSha256: returned.package!.manifestSha256 },
    );
    expect((await unitImport(page, r2.name, r2.bytes)).status).toBe('replaced');
    const newScan = await idCardScan(page, applicantId);
    expect(newScan.sha256).not.toBe(oldScan.sha256);

    // ---- 审核: revision 2 ----
    await page.reload();
    await page.getByTestId('nav-unitReview').click();
    await page.getByTestId('uw-switch').click();
    await page.getByRole('option', { name: /退回核对人/ }).click();
    // The whole review (twelve materials with their scans) is drawn at once: on a busy machine that takes a while.
    await expect(page.getByTestId('uw-revision-now')).toHaveText('第 2 版', { timeout: 60_000 });
    await expect(page.getByTestId('uw-supersedes')).toContainText('第 2 版注明了');

    // The checklist: three comments, each with the applicant's change beside it.
    const checklist = page.getByTestId('uw-checklist');
    await expect(checklist.getByRole('heading', { name: '退回意见核对' })).toBeVisible();
    const items = checklist.getByTestId('uw-check-item');
    await expect(items).toHaveCount(3);
    const phone = items.filter({ hasText: '联系电话有误' });
    const title = items.filter({ hasText: '题目与期刊目录页不一致' });
    const scan = items.filter({ hasText: '身份证扫描件不清晰' });
    await expect(phone.getByTestId('uw-check-field')).toContainText(`${r1Archive.profile.phone} → ${NEW_PHONE}`);
    await expect(title.getByTestId('uw-check-unchanged')).toHaveText('未修改');
    await expect(scan.getByTestId('uw-scan-pair')).toHaveAttribute('data-kind', 'replaced');
    await expect(checklist.getByTestId('uw-checklist-summary')).toHaveText('已改正 0 条，仍未改正 0 条，未核对 3 条。');

    // The scan changes: the old ID card (from revision 1's package file) beside the new one, both drawn.
    const change = page.getByTestId('uw-scan-changes').getByTestId('uw-scan-change');
    await expect(change).toHaveCount(1);
    await expect(change).toHaveAttribute('data-kind', 'replaced');
    await expect(change).toContainText('M-4 身份证');
    const sides = change.getByTestId('uw-scan-side');
    await expect(sides.nth(0)).toHaveAttribute('data-sha256', oldScan.sha256);
    await expect(sides.nth(1)).toHaveAttribute('data-sha256', newScan.sha256);
    await expect(sides.nth(0)).toContainText('原扫描件（第 1 版）');
    await expect(sides.nth(1)).toContainText('新扫描件（第 2 版）');
    for (const side of [sides.nth(0), sides.nth(1)]) {
      const img = side.locator('img');
      await expect(img).toBeVisible();
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    }

    // The new panel meets WCAG 2.1 AA (the rest of the review page is not this test's subject).
    await expectAxeClean(page, '[data-testid="uw-revisions"]');

    // The old scan opens in the read-only preview, large; Esc closes it.
    await sides.nth(0).getByTestId('uw-scan-preview').click();
    await expect(page.getByTestId('uw-preview')).toBeVisible();
    const large = page.getByTestId('uw-preview-stage').locator('img');
    await expect.poll(() => large.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(480);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('uw-preview')).toHaveCount(0);

    // ---- Ticks with the keyboard: the group's radios, arrow keys to choose ----
    const radio = (item: typeof phone, label: string) =>
      item.getByTestId('uw-check-tick').getByRole('radio', { name: label });
    await radio(phone, '未核对').focus();
    await page.keyboard.press('ArrowRight');
    await expect(phone).toHaveAttribute('data-state', 'addressed');
    await expect(radio(phone, '已改正')).toBeFocused();
    await radio(title, '未核对').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(title).toHaveAttribute('data-state', 'open');
    await radio(scan, '未核对').focus();
    await page.keyboard.press('ArrowRight');
    await expect(scan).toHaveAttribute('data-state', 'addressed');
    await expect(checklist.getByTestId('uw-checklist-summary')).toHaveText('已改正 2 条，仍未改正 1 条，未核对 0 条。');
    // Saved: read again, the same.
    const reread = page.waitForResponse((r) => r.url().includes('/api/unit:review'));
    await page.getByTestId('uw-recheck').click();
    await reread;
    await expect(title).toHaveAttribute('data-state', 'open');
    await expect(phone).toHaveAttribute('data-state', 'addressed');
    const saved = await callApi<{ returnChecklist: { items: { state: string | null }[] } }>(page, 'unit:review', {
      applicantId,
    });
    expect(saved.returnChecklist.items.map((i) => i.state)).toEqual(['addressed', 'open', 'addressed']);
    await expectAxeClean(page, '[data-testid="uw-revisions"]');
    // "Go to M-10" puts the focus on that material's mark.
    await title.getByTestId('uw-check-goto').click();
    await expect(page.getByTestId('uw-mark-M-10').getByRole('radio').first()).toBeFocused();

    await unitShot(page, 'return-check-01-ticked-zh');

    // English: the same panel in the other language.
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect(page.getByTestId('uw-checklist').getByRole('heading', { name: 'Checking the return' })).toBeVisible();
    await expect(page.getByTestId('uw-checklist-summary')).toHaveText('2 addressed, 1 still open, 0 not checked.');
    await expect(page.getByTestId('uw-scan-changes')).toContainText('Old scan (revision 1)');
    // The panel alone: a whole-page picture of the long review costs seconds and shows nothing more here.
    await withFullHeight(page, () =>
      page.getByTestId('uw-revisions').screenshot({ path: path.join(UNIT_SHOTS, 'return-check-02-ticked-en.png') }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
