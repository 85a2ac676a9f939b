// The desk end to end on the command line (issue 17, phase 1): a unit's real batch (unit workspace:
// accepted, publicised across National Day, countersigned, written with --out) is received by a city desk
// (`dossier review-import`), one applicant is returned to the unit with level 3 (`dossier review-return`),
// and `dossier verify` and stock OpenSSL (the script in docs/package-format.md) accept all three levels.
// The desk's data (`dossier review-profile`) and the return's bad input are refused naming the field.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deskApplicant } from '../../electron/core/desk/deskRepo.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { listAudit } from '../../electron/core/unit/auditRepo.js';
import { startSubmit } from '../../electron/core/unit/submit.js';
import { dossier } from '../helpers/cli.js';
import { CITY_DESK, deskWorkspace } from '../helpers/deskFixtures.js';
import { PASSPHRASE } from '../helpers/exportFixtures.js';
import { accept, publicisedWithoutObjection, unitWith } from '../helpers/unitFlow.js';
import { hasStockTools, stockVerify } from '../helpers/stockVerify.js';
import { tempDir } from '../helpers/workspace.js';

afterEach(() => {
  delete process.env.DOSSIER_PASSPHRASE;
});

describe('the reviewing desk on the command line', () => {
  it('review-profile saves the desk’s data on an empty folder and refuses a bad kind naming the field', async () => {
    const dir = tempDir();
    const good = path.join(tempDir(), 'desk.json');
    writeFileSync(good, JSON.stringify({ ...CITY_DESK, responsible: '' }));
    const saved = await dossier('review-profile', '--set', good, '--data', dir);
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('已保存审查机构信息');
    expect(saved.out).toContain('负责人未填写');
    const shown = await dossier('review-profile', '--data', dir, '--lang', 'en');
    expect(shown.out).toContain('衢州市经济和信息化局');
    expect(shown.out).toContain('Person responsible: missing');
    const bad = path.join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...CITY_DESK, kind: 'province' }));
    const refused = await dossier('review-profile', '--set', bad, '--data', dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('审查机构信息格式不正确，未保存');
    expect(refused.err).toContain('desk.kind');
    expect((await dossier('review-profile', '--data', dir)).out).toContain('"kind": "city_bureau"');
  });

  it('receives a real unit batch, returns one applicant with level 3 that verify and stock OpenSSL accept', async () => {
    const { u, ids, unitFingerprint } = await unitWith(2);
    for (const id of ids) accept(u, id);
    publicisedWithoutObjection(u, ids);
    const out = tempDir();
    const submitted = await waitForJob(
      (await startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE }, { today: '2020-10-12', out })).jobId,
    );
    expect(submitted.state).toBe('done');

    const { d, fingerprint } = await deskWorkspace();
    const received = await dossier('review-import', out, '--data', d.dataDir);
    expect(received.err).toContain('拒绝 0 项');
    expect(received.code).toBe(0);
    const lines = received.out.split('\n').filter((l) => l.startsWith('接收'));
    expect(lines).toHaveLength(2);
    const applicantId = /编号 ([0-9a-f-]{36})/.exec(lines[0]!)![1]!;

    const returned = path.join(tempDir(), '退回.zcpkg');
    process.env.DOSSIER_PASSPHRASE = PASSPHRASE;
    // Bad input first: nothing written, the field named.
    const past = await dossier(
      'review-return',
      '--applicant',
      applicantId,
      '--reason',
      '学历证书扫描件不清晰',
      '--deadline',
      '2020-01-01',
      '--out',
      returned,
      '--data',
      d.dataDir,
    );
    expect(past.code).toBe(2);
    expect(past.err).toContain('补正截止日期 2020-01-01 须晚于今天');
    const noReason = await dossier(
      'review-return',
      '--applicant',
      applicantId,
      '--deadline',
      '2099-01-31',
      '--out',
      returned,
      '--data',
      d.dataDir,
    );
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('退回须写明理由');
    expect(existsSync(returned)).toBe(false);
    expect(deskApplicant(d.db, applicantId)!.status).toBe('to_review');

    const r = await dossier(
      'review-return',
      '--applicant',
      applicantId,
      '--reason',
      '学历证书扫描件不清晰\n论文检索证明缺少目录页',
      '--deadline',
      '2099-01-31',
      '--out',
      returned,
      '--data',
      d.dataDir,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('退回补正');
    const row = deskApplicant(d.db, applicantId)!;
    expect([row.status, row.deadline]).toEqual(['returned', '2099-01-31']);
    expect(listAudit(d.db, { applicantId }).map((e) => e.action)).toEqual([
      'desk-received',
      'desk-level-three',
      'desk-status',
    ]);

    const report = await verifyPackage(returned);
    expect(report.ok).toBe(true);
    expect(report.levels.map((l) => l.signerFingerprint)).toEqual([expect.any(String), unitFingerprint, fingerprint]);
    const review = JSON.parse(spawnSync('unzip', ['-p', returned, 'content/desk/review.json']).stdout.toString()) as {
      decision: string;
      correctionDeadline: string;
      comments: { text: string }[];
      deskFingerprint: string;
    };
    expect(review.decision).toBe('returned');
    expect(review.correctionDeadline).toBe('2099-01-31');
    expect(review.comments.map((c) => c.text)).toEqual(['学历证书扫描件不清晰', '论文检索证明缺少目录页']);
    expect(review.deskFingerprint).toBe(fingerprint);

    const verified = await dossier('verify', returned, '--expect-unit', unitFingerprint);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('审查机构');

    if (hasStockTools) {
      const stock = stockVerify(returned);
      expect(stock.out).toContain('OK: 3 level(s) verified');
      expect(stock.out).toContain(`level 3 signed by key ${fingerprint}`);
      expect(stock.status).toBe(0);
    }
    // A second return of an applicant already returned is refused by the status line.
    const again = await dossier(
      'review-return',
      '--applicant',
      applicantId,
      '--reason',
      '再次退回',
      '--deadline',
      '2099-02-28',
      '--out',
      path.join(tempDir(), 'again.zcpkg'),
      '--data',
      d.dataDir,
    );
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('不能改为“退回补正”');
  }, 180_000);
});
