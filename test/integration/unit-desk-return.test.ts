// A reviewing desk's return reaching the unit (issue 17 item 4, N-9): the unit's real batch is received by a
// city desk, one applicant is returned with level 3 (every point, a deadline); the unit imports that file —
// the review of that revision opens again with the desk's points and deadline shown, the audit trail says so,
// the same file again changes nothing, and the unit can return the applicant in turn. A desk's acceptance
// and a level 3 on a level 2 this unit did not write are refused, nothing imported.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLevelThree } from '../../electron/core/desk/levelThree.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { listAudit } from '../../electron/core/unit/auditRepo.js';
import { startFileImport } from '../../electron/core/unit/intake.js';
import { startReturn } from '../../electron/core/unit/returnPackage.js';
import { addComment, reviewOf } from '../../electron/core/unit/reviewService.js';
import { startSubmit } from '../../electron/core/unit/submit.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { deskWorkspace, receive } from '../helpers/deskFixtures.js';
import { PASSPHRASE } from '../helpers/exportFixtures.js';
import { accept, publicisedWithoutObjection, unitWith } from '../helpers/unitFlow.js';
import { tempDir } from '../helpers/workspace.js';

async function unitImport(u: Workspace, file: string) {
  const status = await waitForJob((await startFileImport(u, [file])).jobId);
  expect(status.state).toBe('done');
  return status.unitImport![0]!;
}

/** A unit with two accepted, publicised, countersigned applicants whose batch a city desk received. */
async function receivedByDesk() {
  const unit = await unitWith(2);
  for (const id of unit.ids) accept(unit.u, id);
  publicisedWithoutObjection(unit.u, unit.ids);
  const out = tempDir();
  const submitted = await waitForJob(
    (await startSubmit(unit.u, { applicantIds: unit.ids, passphrase: PASSPHRASE }, { today: '2020-10-12', out })).jobId,
  );
  expect(submitted.state).toBe('done');
  const desk = await deskWorkspace();
  const results = await receive(
    desk.d,
    readdirSync(out).map((f) => path.join(out, f)),
  );
  expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
  const name = unit.people[0]!.archive.profile.name;
  const deskId = results.find((r) => r.name === name)!.applicantId!;
  return { ...unit, desk, deskId, unitId: unit.ids[0]! };
}

const levelThree = (d: Workspace, applicantId: string, decision: 'accepted' | 'returned') => {
  const out = path.join(tempDir(), `${decision}.zcpkg`);
  return writeLevelThree(d, {
    applicantId,
    decision,
    opinion: decision === 'returned' ? '' : '经审查，符合申报条件。',
    comments:
      decision === 'returned'
        ? [
            { target: '', text: '学历证书扫描件不清晰' },
            { target: 'M-5', text: '论文检索证明缺少目录页' },
          ]
        : [],
    deadline: decision === 'returned' ? '2099-01-31' : null,
    passphrase: PASSPHRASE,
    out,
  }).then(() => out);
};

describe("a reviewing desk's return at the unit", () => {
  it('opens the review again with every point and the deadline; the unit returns the applicant in turn', async () => {
    const { u, desk, deskId, unitId } = await receivedByDesk();
    expect((await reviewOf(u, unitId)).row.status).toBe('accepted');
    const file = await levelThree(desk.d, deskId, 'returned');

    const result = await unitImport(u, file);
    expect(result.reason).toBeNull();
    expect(result.status).toBe('desk_returned');
    expect(result.applicantId).toBe(unitId);
    const review = await reviewOf(u, unitId);
    expect(review.row.status).toBe('pending');
    expect(review.row.deskReturn).toEqual({ deadline: '2099-01-31' });
    expect(review.deskReturn).toMatchObject({
      desk: '衢州市经济和信息化局',
      deskFingerprint: desk.fingerprint,
      deadline: '2099-01-31',
      comments: [
        { target: '', text: '学历证书扫描件不清晰' },
        { target: 'M-5', text: '论文检索证明缺少目录页' },
      ],
    });
    const events = listAudit(u.db, { applicantId: unitId }).filter((e) => e.action === 'desk-returned');
    expect(events).toHaveLength(1);
    expect(events[0]!.reason).toBe('学历证书扫描件不清晰\n论文检索证明缺少目录页');
    expect(events[0]!.detail).toMatchObject({ deadline: '2099-01-31', points: 2 });

    // The same file again: nothing changes, no second audit event.
    expect((await unitImport(u, file)).status).toBe('unchanged');
    expect(listAudit(u.db, { applicantId: unitId }).filter((e) => e.action === 'desk-returned')).toHaveLength(1);

    // The unit passes the points on to the applicant: its own return (level 2, decision returned).
    addComment(u, {
      applicantId: unitId,
      material: 'M-1',
      target: { kind: 'material' },
      text: '审查机构意见：学历证书扫描件不清晰，请重新扫描。',
    });
    const returned = await waitForJob((await startReturn(u, { applicantId: unitId, passphrase: PASSPHRASE })).jobId);
    expect(returned.state).toBe('done');
    const after = await reviewOf(u, unitId);
    expect(after.row.status).toBe('returned');
    // Still the desk's return of this revision: its points stay in view until the corrected revision arrives.
    expect(after.deskReturn?.deadline).toBe('2099-01-31');
  });

  it("refuses a desk's acceptance and a level 3 on another unit's level 2, importing nothing", async () => {
    const { u, desk, deskId, unitId } = await receivedByDesk();
    const accepted = await levelThree(desk.d, deskId, 'accepted');
    const refusedAccept = await unitImport(u, accepted);
    expect(refusedAccept.status).toBe('refused');
    expect(refusedAccept.reason?.zh).toContain('不是退回补正');
    expect((await reviewOf(u, unitId)).row.status).toBe('accepted');

    // Another unit's workspace holding the same people (their own level-1 packages) never wrote that level 2.
    const other = await receivedByDesk();
    const foreign = await levelThree(desk.d, deskId, 'returned');
    const refusedForeign = await unitImport(other.u, foreign);
    expect(refusedForeign.status).toBe('refused');
    expect(refusedForeign.reason?.zh).toMatch(/不是本单位为此申报人写出的加签包|本工作区没有这个申报人/);
    expect((await reviewOf(other.u, other.unitId)).deskReturn).toBeNull();
  });
});
