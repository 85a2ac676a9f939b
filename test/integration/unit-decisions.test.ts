// Issue 19: the unit's decisions rest on the evidence. On real workspaces and real packages: the table tells
// a strong applicant from a weak one with the applicant's own verdict and names why; the line of steps
// follows the work (待审核 → 审核中 → 审核通过 → 公示中 → 公示无异议 → 已加签/已报送); acceptance no longer asks
// for what the unit makes later (M-3); accepting or countersigning against the evidence needs a written
// reason (bad reasons refused, nothing changed), which the add-only audit trail keeps, level 2 carries
// (content/unit/audit.json) and the summary sheet says; a second batch is named a replacement;
// `dossier unit-list` prints the same rows.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AuditDoc, type UnitApplicantRow } from '../../shared/unit/schema.js';
import { listAudit } from '../../electron/core/unit/auditRepo.js';
import { batchesDir } from '../../electron/core/unit/batch.js';
import { AUDIT_PATH } from '../../electron/core/unit/levelTwo.js';
import { markMaterial, neededMaterials, setOpinion, setStatus } from '../../electron/core/unit/reviewService.js';
import { unitApplicantRow, unitApplicants } from '../../electron/core/unit/table.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { readEntries } from '../helpers/packageFixtures.js';
import { pdfText, squash } from '../helpers/pdf.js';
import {
  accept,
  publicisedWithoutObjection,
  refusal,
  refusalOf,
  statusOf,
  unitWith,
  WEAK_MISSING_SCANS,
} from '../helpers/unitFlow.js';
import { startSubmit } from '../../electron/core/unit/submit.js';
import { PASSPHRASE } from '../helpers/exportFixtures.js';
import { tempDir } from '../helpers/workspace.js';

const REASON = '经单位核实，该同志 2018 年参加的继续教育证明遗失，已补办，纸质件随后补交。';

function markAll(u: Workspace, applicantId: string): void {
  for (const material of neededMaterials(u, applicantId))
    markMaterial(u, { applicantId, material, decision: 'accepted' });
  setOpinion(u, { applicantId, opinion: '同意推荐。' });
}

const row = (u: Workspace, id: string): UnitApplicantRow => unitApplicantRow(u, id);

describe('who is ready, at a glance (issue 19, item 1)', () => {
  it('a strong and a weak applicant differ: verdict, the failures named, the proofs missing', async () => {
    const { u, ids } = await unitWith(2, { weak: [2] });
    const [strong, weak] = ids.map((id) => row(u, id));
    expect(strong).toMatchObject({ verdict: 'pass', counts: { fail: 0, toJudge: 0 }, points: [], stage: 'pending' });
    expect(strong!.materials.missing).toEqual([]);
    expect(strong!.materials.complete).toBe(strong!.materials.needed);

    expect(weak!.verdict).toBe('fail');
    expect(weak!.counts.fail).toBeGreaterThan(0);
    // Each failure is named with the rule it comes from; the CE shortfall of 2018 among them.
    expect(weak!.points.filter((p) => p.status === 'fail')).toHaveLength(weak!.counts.fail);
    expect(weak!.points.some((p) => p.status === 'fail' && /2018/.test(p.message.zh))).toBe(true);
    expect(weak!.materials.missing).toHaveLength(WEAK_MISSING_SCANS);
    expect(weak!.materials.missing[0]!.message.zh).toMatch(/缺少/);
    expect(unitApplicants(u).rows.map((r) => r.verdict)).toEqual(['pass', 'fail']);
  }, 90_000);
});

describe('gates that hold (issue 19, item 2)', () => {
  it('acceptance needs no M-3 (the unit makes it after the publicity); the stage follows each step', async () => {
    const { u, ids } = await unitWith(1);
    const [id] = ids as [string];
    expect(neededMaterials(u, id)).not.toContain('M-3');
    expect(row(u, id).stage).toBe('pending');
    markMaterial(u, { applicantId: id, material: neededMaterials(u, id)[0]!, decision: 'accepted' });
    expect(row(u, id).stage).toBe('in_review');
    accept(u, id);
    expect(row(u, id)).toMatchObject({ status: 'accepted', stage: 'accepted' });
    // A strong applicant needs no reason and leaves none in the trail.
    expect(listAudit(u.db, { applicantId: id })).toEqual([]);
    publicisedWithoutObjection(u, ids);
    expect(row(u, id).stage).toBe('no_objection');
    const status = await statusOf(u, { applicantIds: ids });
    expect(status.error).toBeNull();
    expect(row(u, id).stage).toBe('submitted');
  }, 90_000);

  it('accepting a weak applicant asks a reason naming what fails and what is missing; bad reasons change nothing', async () => {
    const { u, ids } = await unitWith(2, { weak: [2] });
    const weak = ids[1]!;
    markAll(u, weak);
    for (const reason of [undefined, '', '          ', '太短了']) {
      const e = refusal(() =>
        setStatus(u, { applicantId: weak, status: 'accepted', ...(reason === undefined ? {} : { reason }) }),
      );
      expect(e.code).toBe('reason_needed');
      expect(e.message.zh).toMatch(/暂不符合：.*2018/);
      // The proofs missing are named (as failures of the verdict, or as missing materials: once either way).
      expect(e.message.zh).toContain(row(u, weak).materials.missing[0]!.message.zh);
      expect(e.message.zh).toContain('未作任何改动');
      expect(e.issues?.[0]?.path).toBe('reason');
      expect(row(u, weak).status).toBe('pending');
    }
    expect(listAudit(u.db)).toEqual([]);

    expect(setStatus(u, { applicantId: weak, status: 'accepted', reason: `  ${REASON}  ` }).status).toBe('accepted');
    const [event] = listAudit(u.db, { applicantId: weak });
    expect(event).toMatchObject({ action: 'accepted-despite', reason: REASON, revision: 1 });
    expect((event!.detail.failing as unknown[]).length).toBe(row(u, weak).counts.fail);
    const named = JSON.stringify(event!.detail);
    for (const m of row(u, weak).materials.missing) expect(named).toContain(m.message.zh);
  }, 90_000);

  it('the audit trail is add-only: the database refuses to change or remove an entry', async () => {
    const { u, ids } = await unitWith(2, { weak: [2] });
    accept(u, ids[1]!, REASON);
    expect(() => u.db.prepare("UPDATE audit_event SET reason = 'x'").run()).toThrow(/add-only/);
    expect(() => u.db.prepare('DELETE FROM audit_event').run()).toThrow(/add-only/);
    expect(listAudit(u.db)[0]!.reason).toBe(REASON);
  }, 90_000);

  it('countersigning a weak applicant needs its own reason; level 2 and the summary sheet carry it; a second batch is a replacement', async () => {
    const { u, ids } = await unitWith(2, { weak: [2] });
    const [strong, weak] = ids as [string, string];
    accept(u, strong);
    accept(u, weak, REASON);
    publicisedWithoutObjection(u, ids);
    expect(row(u, weak).stage).toBe('no_objection');

    // No reason for the weak one: refused before anything is written, naming them and the field.
    const e = await refusalOf(() => startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE }));
    expect(e.code).toBe('submit_refused');
    expect(e.message.zh).toContain('申报人2');
    expect(e.message.zh).toContain('未写出任何文件');
    expect(e.issues?.some((i) => i.path === `applicants.${weak}`)).toBe(true);
    expect(u.db.prepare('SELECT count(*) AS n FROM unit_countersign').get()).toEqual({ n: 0 });
    const short = await refusalOf(() =>
      startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE, reasons: { [weak]: '   短  ' } }),
    );
    expect(short.message.zh).toContain('理由太短');

    const countersignReason = '单位已核实继续教育学时，同意推荐，纸质证明随材料报送。';
    const status = await statusOf(u, { applicantIds: ids, reasons: { [weak]: countersignReason } });
    expect(status.error).toBeNull();
    expect(ids.map((id) => row(u, id).stage)).toEqual(['submitted', 'submitted']);
    expect(listAudit(u.db, { applicantId: weak }).map((a) => a.action)).toEqual([
      'accepted-despite',
      'countersigned-despite',
    ]);

    // Level 2 of the weak applicant carries both decisions; the strong one's carries no audit.json.
    const batchFile = path.join(batchesDir(u.dataDir), status.batch!.fileName);
    const entries = await readEntries(batchFile);
    const levelTwo = async (id: string) => {
      const file = u.db
        .prepare<[string], { file: string }>('SELECT package_file AS file FROM unit_countersign WHERE applicant_id = ?')
        .get(id)!.file;
      const inner = path.join(tempDir(), file);
      writeFileSync(inner, entries.find((x) => x.path === `packages/${file}`)!.bytes);
      return readEntries(inner);
    };
    const weakEntries = await levelTwo(weak);
    const audit = AuditDoc.parse(JSON.parse(weakEntries.find((x) => x.path === AUDIT_PATH)!.bytes.toString('utf8')));
    expect(audit.events.map((x) => [x.action, x.reason])).toEqual([
      ['accepted-despite', REASON],
      ['countersigned-despite', countersignReason],
    ]);
    expect((await levelTwo(strong)).some((x) => x.path === AUDIT_PATH)).toBe(false);

    // The summary sheet and the spreadsheet say the verdict and the reason — never "1 / 14".
    const summary = squash(await pdfText(entries.find((x) => x.path === '汇总表.pdf')!.bytes, { mode: 'raw' }));
    expect(summary).toContain('可以申报');
    expect(summary).toContain(squash(`暂不符合 ${row(u, weak).counts.fail} 项`));
    expect(summary).toContain('单位说明');
    expect(summary).toContain(squash(countersignReason));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entries.find((x) => x.path === '汇总表.xlsx')!.bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cellOf = (r: number, h: string) => sheet.getRow(r).getCell(header.indexOf(h) + 1).value;
    expect(cellOf(2, '资格检查结论')).toBe('可以申报');
    expect(cellOf(3, '单位加签理由')).toBe(countersignReason);
    expect(cellOf(3, '替换此前报送')).toBe('否');

    // Again: countersigned applicants are no longer 可报送; a new batch replaces, and says so.
    const again = await statusOf(u, { applicantIds: [strong] });
    expect(again.error).toBeNull();
    expect(listAudit(u.db, { applicantId: strong }).map((a) => a.action)).toEqual(['batch-replacement']);
    const second = await readEntries(path.join(batchesDir(u.dataDir), again.batch!.fileName));
    const summary2 = squash(await pdfText(second.find((x) => x.path === '汇总表.pdf')!.bytes, { mode: 'raw' }));
    expect(summary2).toContain(squash('本批次的申报包替换此前报送的申报包'));
  }, 90_000);
});

describe('dossier unit-list (issue 19, item 1)', () => {
  it('prints the rows: stage, verdict and why, missing proofs; ID numbers masked in text, whole in JSON', async () => {
    const { u, ids } = await unitWith(2, { weak: [2] });
    const text = await dossier('unit-list', '--data', u.dataDir);
    expect(text.code).toBe(0);
    const idNumber = row(u, ids[0]!).idNumber;
    expect(text.out).not.toContain(idNumber);
    expect(text.out).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(text.out).toContain('申报人1 ·');
    expect(text.out).toContain('可以申报');
    expect(text.out).toMatch(/暂不符合 \d+ 项/);
    expect(text.out).toContain('缺少材料 2 项');
    expect(text.out).toContain('待审核');

    const json = await dossier('unit-list', '--data', u.dataDir, '--json');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { applicants: Record<string, unknown>[] };
    expect(parsed.applicants).toHaveLength(2);
    expect(parsed.applicants[0]).toMatchObject({
      id: ids[0],
      name: '申报人1',
      idNumber,
      revision: 1,
      status: 'pending',
      stage: 'pending',
      verdict: 'pass',
      counts: { fail: 0, toJudge: 0 },
      materials: { complete: true, missing: [] },
      publicity: 'none',
    });
    expect(parsed.applicants[1]).toMatchObject({ verdict: 'fail', materials: { complete: false } });
  }, 90_000);

  it('bad usage and a missing workspace are said, never a stack trace', async () => {
    const extra = await dossier('unit-list', 'what', '--data', tempDir());
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('unit-list 不接受参数');
    const none = await dossier('unit-list', '--data', path.join(tempDir(), 'nothing'), '--json');
    expect(none.code).toBe(1);
    expect(JSON.parse(none.out)).toMatchObject({ ok: false, error: { code: 'wrong_workspace' } });
    // An applicant's workspace is not a unit's.
    const dir = tempDir();
    await dossier('init', '--data', dir);
    const applicant = await dossier('unit-list', '--data', dir);
    expect(applicant.code).toBe(1);
    expect(applicant.err.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'dossier.sqlite')).length).toBeGreaterThan(0);
  }, 90_000);
});
