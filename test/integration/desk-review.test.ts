// The desk's review of one applicant (issue 17 item 4; N-9), on a real desk workspace that received a unit's
// real level-2 packages: opening starts the review (审查中, audit); the 资格审查 checklist is prefilled from the
// findings and keeps the reviewer's choice; comments tie to fields, files or materials; 退回补正 writes level 3
// with every point at once and the deadline (a bad deadline refused naming the field, nothing to say refused);
// 不予推荐 and the reversal of 逾期视为放弃 need a reason; every move is in the audit trail.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/api/contract.js';
import { DeskReviewDoc } from '../../shared/desk/schema.js';
import { deskApplicant, putDeskApplicant } from '../../electron/core/desk/deskRepo.js';
import { DESK_REVIEW_PATH } from '../../electron/core/desk/levelThree.js';
import { waitForJob } from '../../electron/core/jobs.js';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import { readPackageContent } from '../../electron/core/unit/packageContent.js';
import { rowsOfPackage } from '../../electron/core/package/packageRepo.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { deskWorkspace, receive, unitLevelTwo } from '../helpers/deskFixtures.js';
import { PASSPHRASE } from '../helpers/exportFixtures.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { personArchive, UNIT, writePerson, type PersonPackage } from '../helpers/unitFixtures.js';
import { call, refused } from '../helpers/unitFlow.js';
import { tempDir } from '../helpers/workspace.js';
import { localToday } from '../../electron/core/clock.js';

type Review = OutputOf<'desk:review'>;

let people: PersonPackage[];
let unitKey: SigningKey;
let peopleDir: string;
afterAll(() => rmSync(peopleDir, { recursive: true, force: true }));

beforeAll(async () => {
  peopleDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-desk-review-'));
  unitKey = makeKey();
  people = [];
  for (let i = 1; i <= 2; i++) people.push(await writePerson(peopleDir, i, { archive: personArchive(i) }));
}, 120_000);

/** A desk that received both applicants (待审查); returns the desk and the applicants' ids. */
async function received(): Promise<{ d: Workspace; ids: string[] }> {
  const { d } = await deskWorkspace();
  const dir = tempDir();
  const files = [];
  for (const p of people) files.push((await unitLevelTwo(p, unitKey, UNIT, dir)).file);
  const results = await receive(d, files);
  return { d, ids: results.map((r) => r.applicantId!) };
}

const review = (d: Workspace, applicantId: string) => call<Review>(d, 'desk:review', { applicantId });
const dayAfter = (days: number) => {
  const t = new Date();
  t.setDate(t.getDate() + days);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
};

describe('the desk’s review of one applicant', () => {
  it('opens read-only with the unit’s review and publicity, starts the review, and lists the trail', async () => {
    const { d, ids } = await received();
    const r = await review(d, ids[0]!);
    expect(r.applicant.name).toBe(people[0]!.archive.profile.name);
    expect(r.applicant.unitName).toBe(UNIT.name);
    // Opening a waiting applicant starts the review: 待审查 → 审查中, with its audit event.
    expect(r.applicant.status).toBe('in_review');
    expect(r.audit.map((e) => e.action)).toEqual(['desk-received', 'desk-status']);
    expect(r.audit[1]!.detail).toMatchObject({ from: 'to_review', to: 'in_review' });
    // Level 2 as received: the unit's review (N-10) and its publicity of 5 working days (N-8).
    expect(r.unitReview?.opinion).toBe('同意推荐。');
    expect(r.publicity).toMatchObject({ startDate: '2020-09-28', endDate: '2020-10-10', outcome: 'no_objection' });
    expect(r.postInfo).toBeNull();
    expect(r.revisions).toHaveLength(1);
    // Opening again moves nothing more.
    expect((await review(d, ids[0]!)).audit).toHaveLength(2);
  }, 60_000);

  it('prefills the checklist from the findings and saves the reviewer’s choice and note', async () => {
    const { d, ids } = await received();
    const id = ids[0]!;
    const r = await review(d, id);
    // One row per clause the pack's rules cite first: R-1 (任职年限), R-4 (继续教育, N-6), R-5 (公示, N-8)…
    const ids_ = r.checklist.map((c) => c.conditionId);
    expect(ids_).toEqual(expect.arrayContaining(['R-1', 'R-4', 'R-5', 'N-1', 'N-14']));
    expect(new Set(ids_).size).toBe(ids_.length);
    for (const row of r.checklist) expect(row.result).toBeNull();
    // The suggestion follows the findings: a failing rule suggests 不符合, one to judge 待补正.
    const failing = new Set(r.findings.filter((f) => f.status === 'fail').map((f) => f.ruleId));
    for (const row of r.checklist) {
      if (row.ruleIds.some((rule) => failing.has(rule))) expect(row.suggested).toBe('fails');
    }
    const r4 = r.checklist.find((c) => c.conditionId === 'R-4')!;
    const saved = await call<OutputOf<'desk:setCheck'>>(d, 'desk:setCheck', {
      applicantId: id,
      conditionId: 'R-4',
      result: 'to_correct',
      note: ' 2019 年继续教育学时证明不清晰 ',
    });
    expect(saved.row).toMatchObject({
      conditionId: 'R-4',
      result: 'to_correct',
      note: '2019 年继续教育学时证明不清晰',
    });
    expect(saved.row.suggested).toBe(r4.suggested);
    const again = (await review(d, id)).checklist.find((c) => c.conditionId === 'R-4')!;
    expect(again.result).toBe('to_correct');
    // A condition that is not the pack's is refused naming the field; a bad result by the contract.
    const unknown = await refused(d, 'desk:setCheck', {
      applicantId: id,
      conditionId: 'R-99',
      result: 'meets',
      note: '',
    });
    expect(unknown.issues?.[0]?.path).toBe('conditionId');
    expect(unknown.message.zh).toContain('R-99');
    const bad = await refused(d, 'desk:setCheck', { applicantId: id, conditionId: 'R-1', result: 'maybe', note: '' });
    expect(bad.code).toBe('invalid_input');
    expect(bad.issues?.[0]?.path).toBe('result');
    // null clears the choice back to the suggestion.
    await call(d, 'desk:setCheck', { applicantId: id, conditionId: 'R-4', result: null, note: '' });
    expect((await review(d, id)).checklist.find((c) => c.conditionId === 'R-4')!.result).toBeNull();
  }, 60_000);

  it('keeps comments at a field or a material, refuses an unknown field, deletes while in review', async () => {
    const { d, ids } = await received();
    const id = ids[0]!;
    await review(d, id);
    const { comment } = await call<OutputOf<'desk:addComment'>>(d, 'desk:addComment', {
      applicantId: id,
      material: 'M-4',
      target: { kind: 'field', path: 'profile.name' },
      text: '姓名与身份证不一致',
    });
    await call(d, 'desk:addComment', {
      applicantId: id,
      material: 'M-8',
      target: { kind: 'material' },
      text: '工作总结缺少签字',
    });
    const gone = await refused(d, 'desk:addComment', {
      applicantId: id,
      material: 'M-4',
      target: { kind: 'field', path: 'profile.nothing' },
      text: 'x',
    });
    expect(gone.issues?.[0]?.path).toBe('target.path');
    let r = await review(d, id);
    expect(r.comments.map((c) => c.text)).toEqual(['姓名与身份证不一致', '工作总结缺少签字']);
    expect(r.returnPoints).toEqual([
      { target: 'profile.name', text: '姓名与身份证不一致' },
      { target: 'M-8', text: '工作总结缺少签字' },
    ]);
    await call(d, 'desk:deleteComment', { applicantId: id, commentId: comment.id });
    r = await review(d, id);
    expect(r.comments).toHaveLength(1);
  }, 60_000);

  it('returns every point at once with the deadline as level 3; refuses nothing to say and a bad deadline', async () => {
    const { d, ids } = await received();
    const id = ids[0]!;
    await review(d, id);
    // Nothing to say yet: refused at once, before any job.
    const nothing = await refused(d, 'desk:return', {
      applicantId: id,
      deadline: dayAfter(10),
      passphrase: PASSPHRASE,
    });
    expect(nothing.code).toBe('nothing_to_return');
    await call(d, 'desk:addComment', {
      applicantId: id,
      material: 'M-8',
      target: { kind: 'material' },
      text: '工作总结缺少签字',
    });
    await call(d, 'desk:setCheck', { applicantId: id, conditionId: 'R-4', result: 'fails', note: '学时不足' });
    await call(d, 'desk:setCheck', { applicantId: id, conditionId: 'R-1', result: 'meets', note: '' });
    for (const deadline of ['2020-02-30', localToday(), 'soon']) {
      const bad = await refused(d, 'desk:return', { applicantId: id, deadline, passphrase: PASSPHRASE });
      expect(bad.issues?.[0]?.path).toBe('deadline');
      expect(bad.message.zh).toContain('补正截止日期');
    }
    const deadline = dayAfter(10);
    const { jobId } = await call<{ jobId: string }>(d, 'desk:return', {
      applicantId: id,
      deadline,
      opinion: '请按意见补正。',
      passphrase: PASSPHRASE,
    });
    const job = await waitForJob(jobId);
    expect(job.state).toBe('done');
    expect(job.package?.level).toBe(3);
    // Level 3 holds every point: the comment, then the condition judged 不符合 with its note (not the 符合 one).
    const row = rowsOfPackage(d.db, people[0]!.packageId).find((p) => p.level === 3)!;
    expect(row.file_name).toBe(job.package!.fileName);
    const read = await readPackageContent(d, row, 3, DESK_REVIEW_PATH, 2 ** 20);
    const doc = DeskReviewDoc.parse(JSON.parse(read!.bytes.toString('utf8')));
    expect(doc.decision).toBe('returned');
    expect(doc.correctionDeadline).toBe(deadline);
    expect(doc.opinion).toBe('请按意见补正。');
    expect(doc.comments).toEqual([
      { target: 'M-8', text: '工作总结缺少签字' },
      { target: 'R-4', text: expect.stringMatching(/^【不符合】.*：学时不足$/) },
    ]);
    const r = await review(d, id);
    expect([r.applicant.status, r.applicant.deadline]).toEqual(['returned', deadline]);
    expect(r.audit.map((e) => e.action)).toEqual(['desk-received', 'desk-status', 'desk-level-three', 'desk-status']);
    // Returned, the review is closed: no new comment, no checklist change.
    const closed = await refused(d, 'desk:setCheck', {
      applicantId: id,
      conditionId: 'R-1',
      result: 'fails',
      note: '',
    });
    expect(closed.code).toBe('desk_not_in_review');
  }, 90_000);

  it('needs a reason for 不予推荐 and for restoring a lapsed applicant; records each move', async () => {
    const { d, ids } = await received();
    const [a, b] = [ids[0]!, ids[1]!];
    await review(d, a);
    const noReason = await refused(d, 'desk:setStatus', { applicantId: a, to: 'not_recommended', reason: '  ' });
    expect(noReason.issues?.[0]?.path).toBe('reason');
    expect(noReason.message.zh).toContain('不予推荐');
    const moved = await call<OutputOf<'desk:setStatus'>>(d, 'desk:setStatus', {
      applicantId: a,
      to: 'not_recommended',
      reason: '任职年限不足（R-1）',
    });
    expect(moved.status).toBe('not_recommended');
    // A return goes through level 3, not through setStatus.
    await review(d, b);
    const notHere = await refused(d, 'desk:setStatus', { applicantId: b, to: 'returned', reason: 'x' });
    expect(notHere.issues?.[0]?.path).toBe('to');
    // 逾期视为放弃 (past the deadline) comes back to 退回补正 only with a reason, and a new deadline if given.
    const row = deskApplicant(d.db, b)!;
    putDeskApplicant(d.db, { ...row, status: 'lapsed', deadline: '2020-11-01' });
    const bare = await refused(d, 'desk:setStatus', { applicantId: b, to: 'returned' });
    expect(bare.issues?.[0]?.path).toBe('reason');
    expect(bare.message.zh).toContain('逾期视为放弃');
    const past = await refused(d, 'desk:setStatus', {
      applicantId: b,
      to: 'returned',
      reason: '单位已说明延误原因',
      deadline: '2020-11-02',
    });
    expect(past.issues?.[0]?.path).toBe('deadline');
    const restored = await call<OutputOf<'desk:setStatus'>>(d, 'desk:setStatus', {
      applicantId: b,
      to: 'returned',
      reason: '单位已说明延误原因',
      deadline: dayAfter(5),
    });
    expect(restored).toEqual({ status: 'returned', deadline: dayAfter(5) });
    const trail = (await review(d, b)).audit.filter((e) => e.action === 'desk-status');
    expect(trail.at(-1)).toMatchObject({ reason: '单位已说明延误原因', detail: { from: 'lapsed', to: 'returned' } });
    const trailA = (await review(d, a)).audit.at(-1)!;
    expect(trailA).toMatchObject({
      reason: '任职年限不足（R-1）',
      detail: { from: 'in_review', to: 'not_recommended' },
    });
  }, 90_000);
});
