// `dossier check` on a workspace and on an exported file: human-readable (Chinese by default, English
// with --lang en), --json with every finding, exit codes 0 / 1 / 2; parameters stored in the workspace
// apply; attachments linked in the workspace count.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setParams } from '../../electron/core/rulesService.js';
import { closeWorkspace, openWorkspace } from '../../electron/core/workspace.js';
import type { Report } from '../../shared/rules/types.js';
import { dossier } from '../helpers/cli.js';
import { sampleFile, sampleWorkspace, type Doc } from '../helpers/sampleFiles.js';
import { tempDir } from '../helpers/workspace.js';

describe('dossier check', () => {
  it('on a workspace: Chinese by default, every group, exit 1 for the sample’s missing scans', async () => {
    const data = sampleWorkspace();
    const result = await dossier('check', '--data', data, '--today', '2020-09-01');
    expect(result.code).toBe(1);
    // The first line is the verdict, naming each failure (issue 12): every required scan still missing
    // (issue 19: the sample as shipped has none attached).
    expect(result.out.split('\n')[0]).toMatch(/^结论: 暂不符合 26 项 — M-7\.ce-proof#2018、/);
    expect(result.out.split('\n')[0]).toContain('M-4.scans#id-card');
    expect(result.out).toContain('本轮申报已于 2020-10-10 截止');
    expect(result.out).toContain('不符合 (26)');
    expect(result.out).toContain('缺少身份证，请上传扫描件');
    expect(result.out).toContain('需人工判断');
    expect(result.out).toContain('缺少论文扫描页');
    expect(result.out).toMatch(/合计：不符合 26/);
    // M-3 is issued by the unit after its publicity (N-8): a review note, not a failure.
    const reviews = result.out.slice(result.out.indexOf('需人工判断 ('));
    expect(reviews).toContain('? M-3.publicity-form');
    expect(reviews).toContain('由单位在公示期满后出具并盖章');
  });

  it('speaks English with --lang en', async () => {
    const result = await dossier('check', '--data', sampleWorkspace(), '--today', '2020-09-01', '--lang', 'en');
    expect(result.out.split('\n')[0]).toMatch(/^Verdict: 26 requirements not met/);
    expect(result.out).toContain('Fails (26)');
    expect(result.out).toContain('Paper pages missing');
  });

  it('--json gives every finding with id, status, clause, confidence, message and evidence', async () => {
    const result = await dossier('check', '--json', '--data', sampleWorkspace(), '--today', '2020-09-01');
    const report = JSON.parse(result.out) as Report;
    expect(report.packId).toBe('zj-senior-engineer-2020');
    expect(report.packHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.asOf).toBe('2020-12-31');
    const seniority = report.findings.find((f) => f.id === 'R-1.seniority')!;
    expect(seniority).toMatchObject({
      status: 'pass',
      clause: expect.arrayContaining(['R-1', 'N-7']),
      confidence: 'confirmed',
    });
    expect(seniority.message.zh).toContain('2009-12-30');
    expect(seniority.evidence.map((e) => e.path)).toContain('titles.title-2.obtainedDate');
    expect(report.counts.fail).toBe(26);
    // One object: the verdict, the counts, the application date (--today) and the round (issue 12).
    expect(report).toMatchObject({
      verdict: 'fail',
      applicationDate: '2020-09-01',
      round: { deadline: '2020-10-10', closed: true },
    });
  });

  it('on an exported file: links unknown, so nothing fails before the deadline (exit 0)', async () => {
    const result = await dossier('check', sampleFile(), '--today', '2020-09-01');
    expect(result.code).toBe(0);
    expect(result.out).toContain('未含附件');
  });

  it('on a file with a real failure: exit 1 with the fix', async () => {
    const file = sampleFile((doc) => (doc.titles[1].obtainedDate = '2016-01-01'));
    const result = await dossier('check', file, '--today', '2020-09-01');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/✗ R-1\.seniority/);
    expect(result.out).toContain('titles.title-2.obtainedDate');
  });

  it('after the deadline, N-2 fails', async () => {
    const result = await dossier('check', '--json', sampleFile(), '--today', '2020-10-11');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as Report;
    expect(report.findings.filter((f) => f.status === 'fail').map((f) => f.id)).toEqual(['N-2.deadline']);
  });

  it('applies the workspace’s parameters', async () => {
    const data = sampleWorkspace();
    const w = openWorkspace(data);
    try {
      setParams(w.db, { params: { yearsMaster: 12 }, who: 'test' });
    } finally {
      closeWorkspace(w);
    }
    const report = JSON.parse(
      (await dossier('check', '--json', '--data', data, '--today', '2020-09-01')).out,
    ) as Report;
    expect(report.findings.find((f) => f.id === 'R-1.seniority')!.status).toBe('fail');
  });

  it('exit 2 on invalid input: broken JSON, schema errors, no workspace, empty workspace, bad --today', async () => {
    const dir = tempDir();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ nope');
    expect((await dossier('check', broken)).code).toBe(2);
    const bad = sampleFile((doc) => (doc.courses[0].hours = 'ten'));
    const badResult = await dossier('check', bad);
    expect(badResult.code).toBe(2);
    expect(badResult.err).toMatch(/courses\.0\.hours/);
    expect((await dossier('check', path.join(dir, 'missing.json'))).code).toBe(2);
    expect((await dossier('check', '--data', path.join(dir, 'nowhere'))).code).toBe(2);
    await dossier('init', '--data', path.join(dir, 'empty'));
    expect((await dossier('check', '--data', path.join(dir, 'empty'))).code).toBe(2);
    expect((await dossier('check', sampleFile(), '--today', '2020-02-30')).code).toBe(2);
  });
});

describe('dossier check --json on invalid input', () => {
  /** Runs the check and parses stdout, which must be JSON whatever happened. */
  async function checkJson(...argv: string[]): Promise<{ code: number; body: Doc; err: string }> {
    const result = await dossier('check', '--json', ...argv);
    return { code: result.code, body: JSON.parse(result.out), err: result.err };
  }

  function expectFailure(body: Doc, code: string): void {
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message.zh).toBe('string');
    expect(typeof body.error.message.en).toBe('string');
  }

  it('a missing file, a file that is not JSON, a wrong format: exit 2 with { ok: false, error }', async () => {
    const dir = tempDir();
    const missing = await checkJson(path.join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expectFailure(missing.body, 'cannot_read');
    expect(missing.err).toBe('');

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ nope');
    const notJson = await checkJson(broken);
    expect(notJson.code).toBe(2);
    expectFailure(notJson.body, 'not_json');

    const other = path.join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ format: 'something-else' }));
    const wrong = await checkJson(other);
    expect(wrong.code).toBe(2);
    expectFailure(wrong.body, 'wrong_format');
  });

  it('schema errors: every issue as path and message', async () => {
    const bad = sampleFile((doc) => (doc.courses[0].hours = 'ten'));
    const { code, body } = await checkJson(bad);
    expect(code).toBe(2);
    expect(body.ok).toBe(false);
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'courses.0.hours',
          message: expect.objectContaining({ zh: expect.any(String) }),
        }),
      ]),
    );
  });

  it('no workspace, an empty workspace, a bad --today, a bad option: exit 2, JSON only', async () => {
    const dir = tempDir();
    const nowhere = await checkJson('--data', path.join(dir, 'nowhere'));
    expect(nowhere.code).toBe(2);
    expectFailure(nowhere.body, 'no_workspace');

    await dossier('init', '--data', path.join(dir, 'empty'));
    const empty = await checkJson('--data', path.join(dir, 'empty'), '--lang', 'en');
    expect(empty.code).toBe(2);
    expectFailure(empty.body, 'no_archive');
    expect(empty.body.error.message.en).toBe('The workspace holds no archive.');

    const badDay = await checkJson(sampleFile(), '--today', '2020-02-30');
    expect(badDay.code).toBe(2);
    expectFailure(badDay.body, 'bad_today');
    expect(badDay.err).toBe('');

    const badOption = await checkJson(sampleFile(), '--bogus');
    expect(badOption.code).toBe(2);
    expectFailure(badOption.body, 'usage');
  });

  it('without --json the messages stay text on stderr', async () => {
    const result = await dossier('check', sampleFile(), '--today', '2020-02-30', '--lang', 'en');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe('--today (the application date) must be a date YYYY-MM-DD: 2020-02-30');
  });
});
