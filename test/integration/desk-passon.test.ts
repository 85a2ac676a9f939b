// The desk's recommendation and pass-on (issue 17 items 5–7; N-1 附件1, N-8, N-9) on real workspaces: a unit's
// real batch received by a city desk; the intermediate committee's recommendation refused naming the field
// (present ≤ due, votes ≤ present — the notice states no quorum, so none is checked); acceptance along the
// status line; `dossier review-submit` refusing an unknown committee (listing the pack's), a passed applicant
// without a recommendation (named) and an existing --out file (never overwritten); then one batch for the
// province with level 3 (accepted, recommendation inside) that `dossier verify` and stock OpenSSL accept, the
// roster and the list of evaluation objects (no ID numbers; 5 working days from the parameter, N-8).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deskApplicant } from '../../electron/core/desk/deskRepo.js';
import { passOnCommitteeList, passOnPlan } from '../../electron/core/desk/passOn.js';
import { setRecommendation } from '../../electron/core/desk/recommendation.js';
import { DossierError } from '../../electron/core/errors.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { listAudit } from '../../electron/core/unit/auditRepo.js';
import { startSubmit } from '../../electron/core/unit/submit.js';
import { PACK_2020 } from '../../shared/rules/pack2020/index.js';
import type { Recommendation } from '../../shared/desk/recommendation.js';
import { dossier } from '../helpers/cli.js';
import { deskWorkspace } from '../helpers/deskFixtures.js';
import { PASSPHRASE } from '../helpers/exportFixtures.js';
import { accept, call, publicisedWithoutObjection, refused, unitWith } from '../helpers/unitFlow.js';
import { hasStockTools, stockVerify } from '../helpers/stockVerify.js';
import { tempDir } from '../helpers/workspace.js';
import { idNumberOf } from '../helpers/unitFixtures.js';

const REC: Recommendation = {
  committee: '衢州市工程系列中级职务评审委员会',
  meetingDate: '2020-10-20',
  membersDue: 13,
  membersPresent: 11,
  votesFor: 9,
  votesAgainst: 1,
  votesAbstain: 1,
  recommended: true,
  interview: '',
};

function recFile(value: unknown): string {
  const f = path.join(tempDir(), 'rec.json');
  writeFileSync(f, JSON.stringify(value));
  return f;
}

function refusalOf(run: () => unknown): DossierError {
  try {
    run();
  } catch (e) {
    if (e instanceof DossierError) return e;
    throw e;
  }
  throw new Error('not refused');
}

afterEach(() => {
  delete process.env.DOSSIER_PASSPHRASE;
});

describe('recommendation and pass-on by committee', () => {
  it('records, refuses, accepts and passes a committee on in one batch for the province', async () => {
    const { u, ids, unitFingerprint } = await unitWith(3);
    for (const id of ids) accept(u, id);
    publicisedWithoutObjection(u, ids);
    const unitOut = tempDir();
    const submitted = await waitForJob(
      (await startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE }, { today: '2020-10-12', out: unitOut }))
        .jobId,
    );
    expect(submitted.state).toBe('done');
    const { d, fingerprint } = await deskWorkspace();
    const received = await dossier('review-import', unitOut, '--data', d.dataDir);
    expect(received.code).toBe(0);
    const idOf = (n: number) =>
      received.out
        .split('\n')
        .find((l) => l.includes(`申报人${n}，`))!
        .match(/编号 ([0-9a-f-]{36})/)![1]!;
    const [a1, a2, a3] = [idOf(1), idOf(2), idOf(3)];

    // The committees come from the rule pack (附件1), with their counts.
    expect(PACK_2020.committees.map((c) => c.id)).toEqual(['energy', 'materials', 'light_textile', 'petrochemical']);
    expect(passOnCommitteeList(d).committees.find((c) => c.id === 'energy')).toMatchObject({ applicants: 3, ready: 0 });

    // The recommendation's bad input: each refusal names its field; nothing is saved.
    const tooMany = refusalOf(() => setRecommendation(d, a1, { ...REC, membersPresent: 14 }));
    expect(tooMany.code).toBe('wrong_recommendation');
    expect(tooMany.issues?.map((i) => i.path)).toEqual(['recommendation.membersPresent']);
    expect(tooMany.localized.zh).toContain('实到委员人数（14）不能多于应到人数（13）');
    const votes = refusalOf(() => setRecommendation(d, a1, { ...REC, votesFor: 10 }));
    expect(votes.issues?.[0]?.message.zh).toContain('合计 12 票，不能多于实到人数（11）');
    const shape = refusalOf(() => setRecommendation(d, a1, { ...REC, meetingDate: '2020-02-30', membersDue: 0, x: 1 }));
    expect(shape.issues?.map((i) => i.path).sort()).toEqual([
      'recommendation.meetingDate',
      'recommendation.membersDue',
      'recommendation.x',
    ]);
    expect(refusalOf(() => setRecommendation(d, 'nobody', REC)).code).toBe('desk_applicant_unknown');
    const badCli = await dossier(
      'review-recommend',
      '--applicant',
      a1,
      '--set',
      recFile({ ...REC, votesAgainst: -1 }),
      '--data',
      d.dataDir,
    );
    expect(badCli.code).toBe(2);
    expect(badCli.err).toContain('反对票须为 0 至 999 的整数');
    expect(listAudit(d.db, { applicantId: a1 }).some((e) => e.action === 'desk-recommendation')).toBe(false);

    // Recorded: 1 recommended, 2 not; 3 stays to review (held back, named with its status).
    expect(
      (await dossier('review-recommend', '--applicant', a1, '--set', recFile(REC), '--data', d.dataDir)).code,
    ).toBe(0);
    const no = { ...REC, votesFor: 3, votesAgainst: 8, votesAbstain: 0, recommended: false, interview: '答辩未通过' };
    expect((await dossier('review-recommend', '--applicant', a2, '--set', recFile(no), '--data', d.dataDir)).code).toBe(
      0,
    );
    const shown = await dossier('review-recommend', '--applicant', a2, '--data', d.dataDir);
    expect(shown.out).toContain('不推荐（2020-10-20，应到 13 实到 11；赞成 3 反对 8 弃权 0）');
    expect(shown.out).toContain('答辩未通过');
    expect(listAudit(d.db, { applicantId: a1 }).filter((e) => e.action === 'desk-recommendation')).toHaveLength(1);

    // Acceptance: 通过待报送, refused a second time by the status line.
    const ok = await dossier(
      'review-accept',
      '--applicant',
      a1,
      '--opinion',
      '材料齐全，符合条件，同意推荐。',
      '--data',
      d.dataDir,
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('通过待报送');
    expect((await dossier('review-accept', '--applicant', a2, '--data', d.dataDir)).code).toBe(0);
    const again = await dossier('review-accept', '--applicant', a1, '--data', d.dataDir);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('不能改为“通过待报送”');

    // The pass-on's refusals: an unknown committee lists the pack's; nothing written.
    const out = tempDir();
    process.env.DOSSIER_PASSPHRASE = PASSPHRASE;
    const unknown = await dossier('review-submit', '--committee', 'mining', '--out', out, '--data', d.dataDir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('没有评审委员会“mining”');
    expect(unknown.err).toContain('energy（能源）、materials（材料）、light_textile（轻纺）、petrochemical（石化）');
    // An existing file is never overwritten.
    const existing = path.join(tempDir(), 'batch.zip');
    writeFileSync(existing, 'mine');
    const clash = await dossier('review-submit', '--committee', 'energy', '--out', existing, '--data', d.dataDir);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain('已存在');
    expect(readFileSync(existing, 'utf8')).toBe('mine');
    // A passed applicant without a recommendation: refused, named.
    expect((await dossier('review-accept', '--applicant', a3, '--data', d.dataDir)).code).toBe(0);
    const unrecorded = await dossier('review-submit', '--committee', 'energy', '--out', out, '--data', d.dataDir);
    expect(unrecorded.code).toBe(1);
    expect(unrecorded.err).toContain('申报人3：已通过审查但尚未记录中评委推荐意见');
    expect(readdirSync(out)).toEqual([]);
    expect(deskApplicant(d.db, a1)!.status).toBe('passed');
    // Back to review (to_review), so that 3 is held back with its status.
    d.db.prepare("UPDATE desk_applicant SET status = 'to_review' WHERE applicant_id = ?").run(a3);

    const plan = passOnPlan(d, 'energy', '2020-09-28');
    expect(plan.going.map((p) => p.name)).toEqual(['申报人1']);
    expect(plan.held.map((p) => [p.name, p.heldBecause?.zh])).toEqual([
      ['申报人2', '中评委未予推荐'],
      ['申报人3', '状态为“待审查”'],
    ]);
    // N-8: the parameter's 5 working days on the state calendar — 09-28 … 10-10 across National Day.
    expect(plan.publicity).toEqual({ startDate: '2020-09-28', endDate: '2020-10-10', workingDays: 5 });
    // The same through the contract's methods (desk:*), as the screens call them.
    expect(
      await call<{ going: unknown[] }>(d, 'desk:passOnPlan', { committee: 'energy', startDate: '2020-09-28' }),
    ).toEqual(plan);
    const viaApi = await refused(d, 'desk:setRecommendation', {
      applicantId: a3,
      recommendation: { ...REC, votesFor: 99 },
    });
    expect(viaApi.issues?.map((i) => i.path)).toEqual(['recommendation.votesFor']);
    expect(
      (await call<{ committees: { id: string }[] }>(d, 'desk:committees', {})).committees.map((c) => c.id),
    ).toEqual(PACK_2020.committees.map((c) => c.id));

    const r = await dossier(
      'review-submit',
      '--committee',
      'energy',
      '--out',
      out,
      '--start-date',
      '2020-09-28',
      '--data',
      d.dataDir,
    );
    expect(r.err).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(r.out).toContain('暂不报送  申报人2');
    expect(r.out).toContain('2020-09-28 至 2020-10-10（5 个工作日）');
    const [batchName] = readdirSync(out);
    expect(batchName).toMatch(/^报送批次-衢州市经济和信息化局-能源-\d{8}\.zip$/);
    const batch = path.join(out, batchName!);
    const entries = spawnSync('unzip', ['-Z1', batch]).stdout.toString().trim().split('\n');
    expect(entries.slice(0, 4)).toEqual([
      'batch.json',
      '资格审查花名册.pdf',
      '资格审查花名册.xlsx',
      '评审对象名单.pdf',
    ]);
    expect(entries).toHaveLength(5);
    const doc = JSON.parse(spawnSync('unzip', ['-p', batch, 'batch.json']).stdout.toString()) as {
      kind: string;
      committee: { id: string };
      counts: Record<string, number>;
      packages: { level: number; name: string; path: string }[];
    };
    expect(doc.kind).toBe('desk-pass-on');
    expect(doc.committee.id).toBe('energy');
    expect(doc.counts).toEqual({ received: 3, passed: 1, returned: 0, notRecommended: 1, exceptional: 0 });
    expect(doc.packages.map((p) => [p.level, p.name])).toEqual([[3, '申报人1']]);

    // Statuses: 已报送 with the batch; the others untouched; the trail says so.
    expect([a1, a2, a3].map((a) => deskApplicant(d.db, a)!.status)).toEqual(['submitted', 'passed', 'to_review']);
    expect(
      listAudit(d.db, { applicantId: a1 })
        .map((e) => e.action)
        .slice(-3),
    ).toEqual(['desk-level-three', 'desk-status', 'desk-passed-on']);

    // The list of evaluation objects: no ID number; the roster has them.
    const pdfDir = tempDir();
    mkdirSync(pdfDir, { recursive: true });
    spawnSync('unzip', ['-q', batch, '-d', pdfDir]);
    const text = (f: string) => spawnSync('pdftotext', [path.join(pdfDir, f), '-']).stdout.toString();
    const objects = text('评审对象名单.pdf');
    expect(objects).toContain('申报人1');
    expect(objects).not.toContain('申报人2');
    expect(objects).not.toContain(idNumberOf(1));
    expect(text('资格审查花名册.pdf').replace(/\s/g, '')).toContain(idNumberOf(1));

    // Level 3: accepted, the recommendation inside; verify and stock OpenSSL accept all three levels.
    const pkg = path.join(pdfDir, doc.packages[0]!.path);
    const report = await verifyPackage(pkg);
    expect(report.ok).toBe(true);
    expect(report.levels.map((l) => l.signerFingerprint)).toEqual([expect.any(String), unitFingerprint, fingerprint]);
    const review = JSON.parse(spawnSync('unzip', ['-p', pkg, 'content/desk/review.json']).stdout.toString()) as {
      version: number;
      decision: string;
      opinion: string;
      recommendation: Recommendation;
    };
    expect([review.version, review.decision, review.opinion]).toEqual([
      2,
      'accepted',
      '材料齐全，符合条件，同意推荐。',
    ]);
    expect(review.recommendation).toEqual(REC);
    const verified = await dossier('verify', pkg, '--expect-unit', unitFingerprint);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('审查机构');
    if (hasStockTools) {
      const stock = stockVerify(pkg);
      expect(stock.out).toContain('OK: 3 level(s) verified');
      expect(stock.status).toBe(0);
    }
    // Passed on: the recommendation no longer changes.
    expect(refusalOf(() => setRecommendation(d, a1, REC)).code).toBe('desk_status_move');
    const batches = await call<{ batches: { fileName: string; awaitingDownload: boolean }[] }>(
      d,
      'desk:passOnBatches',
      {},
    );
    expect(batches.batches.map((b) => [b.fileName, b.awaitingDownload])).toEqual([[batchName, false]]);
    expect(existsSync(existing)).toBe(true);
  }, 240_000);
});
