// A reviewing desk's return reaching the unit (issue 17 item 4, N-9), in Debian Chromium against the browser
// mode. The unit's workspace (set up through the API: one applicant imported, accepted, publicised five working
// days with no objection, countersigned into a batch) hands its batch to a city desk, which receives it and
// returns the applicant with two points and a correction deadline (the desk's command line: its screens are
// built beside this). On the unit's screens: 导入申报包 takes the desk's file; 申报人一览 marks the row
// 审查机构退回 with the deadline; 审核 shows the desk, its key fingerprint, the deadline and each point at its
// material or field, the review open again; the officer writes a comment and returns the applicant in turn.
// axe finds no WCAG 2.1 AA violation; screenshots (zh, en) go to test-results/unit/desk-return-*.png.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectAxeClean } from './axe.js';
import { callApi, expect, test } from './fixtures.js';
import {
  download,
  scanlessPackage,
  UNIT_PASSPHRASE,
  unitImport,
  unitShot,
  uploadPackage,
  waitJob,
} from './packageSteps.js';
import { person, sample } from './unitPeople.js';

test.use({ viewport: { width: 1366, height: 768 } });

const DESK = {
  kind: 'city_bureau',
  name: '衢州市经济和信息化局',
  city: '衢州市',
  department: '',
  responsible: '王建国',
};
const DESK_PASSPHRASE = '市经信局审查专用密码 2026';
const POINTS = ['学历证书扫描件不清晰，请重新扫描', '论文检索证明缺少目录页'];
// A Monday: five working days (N-8) end on 2026-11-06, past today.
const PUBLICITY_START = '2026-11-02';

/** `dossier <args>` as the desk's officer runs it (its own data folder, its key's passphrase in the env). */
function desk(...args: string[]): string {
  const r = spawnSync(process.execPath, ['bin/dossier.js', ...args], {
    env: { ...process.env, DOSSIER_PASSPHRASE: DESK_PASSPHRASE },
  });
  const out = r.stdout.toString() + r.stderr.toString();
  expect(r.status, out).toBe(0);
  return out;
}

test("a desk's return is imported by the unit, shown with every point, and passed on to the applicant", async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const files = mkdtempSync(path.join(os.tmpdir(), 'dossier-desk-return-'));
  try {
    // ── The unit, through the API: one applicant accepted, publicised, countersigned into a batch ──────────────
    await page.goto(app.url);
    await callApi(page, 'workspace:setMode', { mode: 'unit' });
    await callApi(page, 'unit:set', { profile: sample().unit });
    await callApi(page, 'keys:create', { passphrase: UNIT_PASSPHRASE });
    const archive = person(1);
    const pkg = await scanlessPackage(files, archive, 'pkg-desk-return');
    const { applicantId } = await unitImport(page, pkg.name, pkg.bytes);
    const id = applicantId!;
    const reason = '单位已核实原件，扫描件随纸质材料一并报送。';
    const { materials } = await callApi<{ materials: { material: string }[] }>(page, 'unit:review', {
      applicantId: id,
    });
    expect(materials.length).toBeGreaterThan(0);
    for (const m of materials) {
      await callApi(page, 'unit:markMaterial', { applicantId: id, material: m.material, decision: 'accepted' });
    }
    await callApi(page, 'unit:setOpinion', { applicantId: id, opinion: '经审核，申报材料真实完整，同意推荐。' });
    await callApi(page, 'unit:setStatus', { applicantId: id, status: 'accepted', reason });
    const { publicity } = await callApi<{ publicity: { id: string } }>(page, 'unit:publicize', {
      applicantIds: [id],
      startDate: PUBLICITY_START,
    });
    await callApi(page, 'unit:recordObjection', {
      publicityId: publicity.id,
      applicantId: id,
      outcome: 'no_objection',
      note: '',
    });
    const { jobId } = await callApi<{ jobId: string }>(page, 'unit:submit', {
      applicantIds: [id],
      passphrase: UNIT_PASSPHRASE,
      reasons: { [id]: reason },
    });
    const submitted = await waitJob<{ state: string; batch?: { fileName: string } | null; error?: unknown }>(
      page,
      jobId,
      120_000,
    );
    expect(submitted.state, JSON.stringify(submitted.error)).toBe('done');
    const token = await page.evaluate(() => sessionStorage.getItem('dossier.token') ?? '');
    const batchName = submitted.batch!.fileName;
    const batch = path.join(files, batchName);
    writeFileSync(batch, await download(page, `/batches/${encodeURIComponent(batchName)}?token=${token}`));

    // ── The city desk (its command line): receive the batch, return the applicant with two points ──────────────
    const deskDir = path.join(files, 'desk');
    const deskJson = path.join(files, 'desk.json');
    writeFileSync(deskJson, JSON.stringify(DESK));
    desk('review-profile', '--set', deskJson, '--data', deskDir);
    desk('keygen', '--data', deskDir);
    const received = desk('review-import', batch, '--data', deskDir);
    const deskId = /编号 ([0-9a-f-]{36})/.exec(received)![1]!;
    const returned = path.join(files, '退回-审查机构.zcpkg');
    desk(
      'review-return',
      '--applicant',
      deskId,
      '--reason',
      POINTS.join('\n'),
      '--deadline',
      '2099-01-31',
      '--out',
      returned,
      '--data',
      deskDir,
    );

    // ── The unit's screens: import the desk's file, the table's mark, the review page ───────────────────────
    await page.reload();
    await page.getByTestId('nav-unitImport').click();
    const uploadId = await uploadPackage(page, path.basename(returned), readFileSync(returned));
    const imported = await callApi<{ jobId: string }>(page, 'unit:import', { uploadIds: [uploadId] });
    const importStatus = await waitJob<{ state: string; unitImport?: { status: string; reason: unknown }[] }>(
      page,
      imported.jobId,
    );
    expect(importStatus.unitImport?.[0]?.status, JSON.stringify(importStatus.unitImport)).not.toBe('refused');

    await page.getByTestId('nav-unitApplicants').click();
    const tableRow = page.getByTestId(`unit-row-${id}`);
    await expect(tableRow.getByTestId('unit-cell-desk-return')).toHaveText('审查机构退回 · 截止 2099-01-31');
    // The row's name is its open button (a table row is not itself a control).
    await tableRow.getByRole('button', { name: /打开审核/ }).focus();
    await page.keyboard.press('Enter');

    const card = page.getByTestId('uw-desk-return');
    // Read once the review's own data is in (the eligibility check runs first).
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(`审查机构退回补正：${DESK.name}`, {
      timeout: 20_000,
    });
    await expect(card.getByTestId('uw-desk-deadline')).toHaveText('2099-01-31');
    await expect(card.getByRole('list', { name: '审查机构的意见' }).getByRole('listitem')).toHaveText(
      POINTS.map((p) => `整体：${p}`),
    );
    const fingerprint = readdirSync(path.join(deskDir, 'keys')).includes('signing-key.json')
      ? (JSON.parse(readFileSync(path.join(deskDir, 'keys', 'signing-key.json'), 'utf8')) as { fingerprint: string })
          .fingerprint
      : '';
    await expect(card.getByTestId('uw-desk-fingerprint')).toHaveAttribute('data-value', fingerprint);
    await expect(page.getByTestId('uw-status')).toHaveAttribute('data-status', 'pending');
    await expectAxeClean(page);
    await unitShot(page, 'desk-return-zh');

    // The unit passes the points on: a comment on M-1, then its own return to the applicant.
    await callApi(page, 'unit:addComment', {
      applicantId: id,
      material: 'M-1',
      target: { kind: 'material' },
      text: `审查机构意见：${POINTS[0]}`,
    });
    const back = await callApi<{ jobId: string }>(page, 'unit:return', {
      applicantId: id,
      passphrase: UNIT_PASSPHRASE,
    });
    expect((await waitJob<{ state: string }>(page, back.jobId)).state).toBe('done');
    await page.reload();
    await expect(page.getByTestId('uw-status')).toHaveAttribute('data-status', 'returned');
    await expect(page.getByTestId('uw-desk-return')).toBeVisible();

    await page.getByTestId('lang-switch').getByText('English').click();
    await expect(page.getByTestId('uw-desk-return').getByRole('heading', { level: 2 })).toHaveText(
      `Returned for correction by the reviewing desk: ${DESK.name}`,
    );
    await expectAxeClean(page);
    await unitShot(page, 'desk-return-en');
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
});
