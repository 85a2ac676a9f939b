// A return that can be checked off (issue 19, item 3), on real workspaces and real package files: the unit
// returns revision 1 with two field comments and a comment on a scan; the applicant imports the returned
// package, replaces that scan (a new file in its slot, the old one deleted), corrects one of the two fields
// and exports revision 2; the unit imports it. The review's diff then lists the field change and the replaced
// scan with both SHA-256s, the old scan is served from revision 1's package file (the store no longer holds
// it), and the three comments form a checklist with the change beside each (the uncorrected field: none).
// Ticks are saved per revision and comment, change while the review is pending, and are refused — nothing
// changed — for a comment outside the return, an unknown comment, a revision that corrects no return, a
// review no longer pending, and a state outside the contract (N-10, N-13).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus, OutputOf } from '../../shared/api/contract.js';
import { readArchive, saveSection } from '../../electron/core/archiveService.js';
import {
  addAttachmentFromStream,
  linkAttachment,
  listAttachments,
  setAttachmentDeleted,
} from '../../electron/core/attachments/attachmentService.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { waitForJob } from '../../electron/core/jobs.js';
import type { PackageAttachment } from '../../electron/core/package/content.js';
import { createWorkspaceKey } from '../../electron/core/package/keyService.js';
import { receiveUpload } from '../../electron/core/package/uploads.js';
import { changesAt, diffAttachments } from '../../electron/core/unit/archiveDiff.js';
import { openPreviewFile } from '../../electron/core/unit/heldFiles.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { exportOk, PASSPHRASE, readyWorkspace, workspaceIn } from '../helpers/exportFixtures.js';
import { makeJpeg } from '../helpers/files.js';
import { call, refused } from '../helpers/unitFlow.js';

type Review = OutputOf<'unit:review'>;

async function importInto(w: Workspace, file: string, method: 'unit:import' | 'package:import'): Promise<JobStatus> {
  const { uploadId } = await receiveUpload(w, [readFileSync(file)], { fileName: path.basename(file) });
  // The applicant confirms the unit key the report shows (as on the opinion page) at their first level 2.
  const report =
    method === 'package:import' ? await call<OutputOf<'package:verify'>>(w, 'package:verify', { uploadId }) : null;
  const trustUnitKey = report?.levels[1]?.signerFingerprint ?? undefined;
  const input =
    method === 'unit:import' ? { uploadIds: [uploadId] } : { uploadId, ...(trustUnitKey && { trustUnitKey }) };
  return waitForJob((await call<{ jobId: string }>(w, method, input)).jobId);
}

const checks = (u: Workspace) =>
  u.db
    .prepare<[], { revision: number; comment_id: string; state: string }>(
      'SELECT revision, comment_id, state FROM return_check ORDER BY comment_id',
    )
    .all();

const streamBytes = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};

describe('退回 checked off on the corrected revision', () => {
  it('diffs fields and scans, lists the return as a checklist and keeps the ticks; bad ticks change nothing', async () => {
    // ---- The applicant's revision 1, imported by the unit ----
    const { w, applicantId } = await readyWorkspace();
    const original = readArchive(w.db, applicantId);
    const r1 = await exportOk(w, applicantId);
    const u = workspaceIn();
    await call(u, 'workspace:setMode', { mode: 'unit' });
    await call(u, 'unit:set', { profile: original.unit });
    await createWorkspaceKey(u, PASSPHRASE);
    const first = await importInto(u, r1.path, 'unit:import');
    const id = first.unitImport?.[0]?.applicantId;
    expect(first.unitImport?.[0]?.status, JSON.stringify(first.unitImport)).toBe('imported');
    if (!id) throw new Error('no applicant');

    // ---- Two field comments and one on a scan filed under a slot; then 退回 ----
    const scan = listAttachments(u, { applicantId: id }).attachments.find((a) => a.links.some((l) => l.slot))!;
    const link = scan.links.find((l) => l.slot)!;
    const comment = async (material: string, target: unknown, text: string) =>
      (await call<OutputOf<'unit:addComment'>>(u, 'unit:addComment', { applicantId: id, material, target, text }))
        .comment;
    const onPhone = await comment('M-4', { kind: 'field', path: 'profile.phone' }, '联系电话有误，请核对');
    const onTitle = await comment('M-10', { kind: 'field', path: 'works.work-1.title' }, '题目与期刊目录页不一致');
    const onScan = await comment(
      link.slot!.split('/')[0]!,
      { kind: 'attachment', sha256: scan.sha256, fileName: scan.fileName },
      '扫描件模糊，请重新扫描',
    );
    const returnNow = async () =>
      waitForJob((await call<{ jobId: string }>(u, 'unit:return', { applicantId: id, passphrase: PASSPHRASE })).jobId);
    const returned = await returnNow();
    expect(returned.state, JSON.stringify(returned.error)).toBe('done');

    // Revision 1 corrects no return: nothing to tick yet.
    const early = await refused(u, 'unit:checkReturnComment', {
      applicantId: id,
      commentId: onPhone.id,
      state: 'open',
    });
    expect(early.code).toBe('no_return');
    expect(early.message.zh).toContain('未做任何改动');
    expect(checks(u)).toEqual([]);
    expect((await call<Review>(u, 'unit:review', { applicantId: id })).returnChecklist).toBeNull();

    // ---- The applicant: the returned package in, the scan replaced, the phone corrected, revision 2 ----
    const back = await importInto(w, path.join(u.dataDir, 'packages', returned.package!.fileName), 'package:import');
    expect(back.state, JSON.stringify(back.error)).toBe('done');
    const old = listAttachments(w, { applicantId }).attachments.find((a) => a.sha256 === scan.sha256)!;
    const oldLink = old.links.find((l) => l.slot === link.slot)!;
    const fresh = await makeJpeg(1240, 1754, { seed: 7001 });
    const { attachment: replacement } = await addAttachmentFromStream(w, [fresh], {
      fileName: '重新扫描.jpg',
      applicantId,
    });
    linkAttachment(w, { attachmentId: replacement.id, slot: oldLink.slot, recordId: oldLink.recordId });
    setAttachmentDeleted(w, { attachmentId: old.id }, true);
    saveSection(w.db, { applicantId, section: 'profile', data: { ...original.profile, phone: '13900571234' } });
    const r2 = await exportOk(w, applicantId);
    expect(r2.revision).toBe(2);

    // ---- The unit imports revision 2 ----
    const second = await importInto(u, r2.path, 'unit:import');
    expect(second.unitImport?.[0]).toMatchObject({ status: 'replaced', applicantId: id, revision: 2 });
    let review = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(review.changes).toEqual([
      { path: 'profile.phone', kind: 'changed', before: original.profile.phone, after: '13900571234' },
    ]);
    // The scan replaced in its slot, both hashes named; nothing else among the scans changed.
    expect(review.attachmentChanges).toEqual([
      {
        slot: oldLink.slot,
        recordId: oldLink.recordId,
        kind: 'replaced',
        before: expect.objectContaining({ sha256: scan.sha256, fileName: scan.fileName }) as unknown,
        after: expect.objectContaining({
          sha256: replacement.sha256,
          fileName: '重新扫描.jpg',
          width: 1240,
          height: 1754,
        }) as unknown,
      },
    ]);

    // The old scan is no longer in the store but is served from revision 1's package file, bytes intact.
    expect(existsSync(storedPath(u.store, scan.sha256))).toBe(false);
    const held = await openPreviewFile(u, scan.sha256);
    expect(held?.mediaType).toBe(scan.mediaType);
    const heldBytes = await streamBytes(held!.stream);
    expect(heldBytes.length).toBe(scan.bytes);
    expect(heldBytes.equals(readFileSync(storedPath(w.store, scan.sha256)))).toBe(true);
    const thumb = await openPreviewFile(u, scan.sha256, { thumbnail: true });
    expect(thumb?.mediaType).toBe('image/jpeg');
    expect((await streamBytes(thumb!.stream)).subarray(0, 2).toString('hex')).toBe('ffd8');
    // A hash no revision holds is still not served.
    expect(await openPreviewFile(u, 'ab'.repeat(32))).toBeNull();

    // ---- The checklist: the three comments of the return, each with the change at its target ----
    const list = review.returnChecklist!;
    expect(list.revision).toBe(1);
    expect(list.fileName).toBe(returned.package!.fileName);
    expect(list.items.map((i) => [i.comment.id, i.state])).toEqual([
      [onPhone.id, null],
      [onTitle.id, null],
      [onScan.id, null],
    ]);
    const [phone, title, scanned] = list.items;
    expect(phone!.fieldChanges.map((c) => c.after)).toEqual(['13900571234']);
    expect(phone!.attachmentChanges).toEqual([]);
    // Not corrected: nothing beside it (the UI says 未修改).
    expect(title!.fieldChanges).toEqual([]);
    expect(title!.attachmentChanges).toEqual([]);
    expect(scanned!.attachmentChanges.map((c) => [c.kind, c.before?.sha256, c.after?.sha256])).toEqual([
      ['replaced', scan.sha256, replacement.sha256],
    ]);
    // The old comments stay history: revision 2 starts without comments of its own.
    expect(review.comments).toEqual([]);

    // ---- Ticks: set, changed, kept across reads, taken back ----
    const tick = (commentId: string, state: string | null) =>
      call<OutputOf<'unit:checkReturnComment'>>(u, 'unit:checkReturnComment', { applicantId: id, commentId, state });
    const ticked = await tick(onPhone.id, 'addressed');
    expect(ticked).toMatchObject({ commentId: onPhone.id, state: 'addressed' });
    expect(ticked.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await tick(onTitle.id, 'open');
    await tick(onScan.id, 'open');
    await tick(onScan.id, 'addressed');
    review = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(review.returnChecklist!.items.map((i) => i.state)).toEqual(['addressed', 'open', 'addressed']);
    expect(await tick(onScan.id, null)).toEqual({ commentId: onScan.id, state: null, checkedAt: null });
    review = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(review.returnChecklist!.items.map((i) => i.state)).toEqual(['addressed', 'open', null]);
    const kept = checks(u);
    expect(kept).toHaveLength(2);
    expect(kept.every((c) => c.revision === 2)).toBe(true);

    // ---- Bad ticks: each refused, naming what is wrong; the ticks stay as they were ----
    const own = await comment('M-4', { kind: 'material' }, '请补充联系电话的说明');
    const notInReturn = await refused(u, 'unit:checkReturnComment', {
      applicantId: id,
      commentId: own.id,
      state: 'addressed',
    });
    expect(notInReturn.code).toBe('comment_not_in_return');
    expect(notInReturn.message.zh).toContain('不是第 1 版退回意见中的一条');
    expect(notInReturn.message.zh).toContain('第 2 版的批注');
    expect(notInReturn.issues?.[0]?.path).toBe('commentId');
    const unknown = await refused(u, 'unit:checkReturnComment', {
      applicantId: id,
      commentId: 'no-such-comment',
      state: 'open',
    });
    expect(unknown.code).toBe('comment_not_in_return');
    expect(unknown.message.zh).toContain('此申报人没有这条批注');
    const badState = await refused(u, 'unit:checkReturnComment', {
      applicantId: id,
      commentId: onPhone.id,
      state: 'done',
    });
    expect(badState.issues?.some((i) => i.path === 'state')).toBe(true);
    expect(checks(u)).toEqual(kept);

    // Once revision 2 is returned in turn, its review is no longer pending: the checklist is closed.
    const again = await returnNow();
    expect(again.state, JSON.stringify(again.error)).toBe('done');
    const closed = await refused(u, 'unit:checkReturnComment', {
      applicantId: id,
      commentId: onTitle.id,
      state: 'addressed',
    });
    expect(closed.code).toBe('review_not_pending');
    expect(closed.message.zh).toContain('未做任何改动');
    expect(checks(u)).toEqual(kept);
    // The ticks stay readable on the closed review.
    review = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(review.returnChecklist!.items.map((i) => i.state)).toEqual(['addressed', 'open', null]);

    // An applicant's own workspace has no unit review to tick.
    expect(
      (await refused(w, 'unit:checkReturnComment', { applicantId, commentId: onPhone.id, state: null })).code,
    ).toBe('not_unit_workspace');
  }, 180_000);
});

describe('diffAttachments and changesAt', () => {
  const sha = (n: number) => n.toString(16).padStart(64, '0');
  const file = (n: number, links: PackageAttachment['links'], createdAt = `2020-08-01T00:00:0${n}.000Z`) =>
    ({
      id: `att-${n}`,
      fileName: `扫描-${n}.jpg`,
      mediaType: 'image/jpeg',
      pages: 1,
      width: 100,
      height: 100,
      createdAt,
      path: `content/attachments/${sha(n)}.jpg`,
      sha256: sha(n),
      links,
    }) satisfies PackageAttachment;
  const at = (slot: string | null, recordId: string | null = null) => [{ slot, recordId, page: null }];

  it('pairs the files that left a slot with those that came, per slot and record, in the notice order', () => {
    const before = [
      file(1, at('M-4/diploma', 'edu-1')),
      file(2, at('M-10/paper/toc', 'work-1')),
      file(3, at('M-4/id-card')),
      file(4, at('M-5/pension/2019')),
      file(9, at('M-4/photo')),
    ];
    const after = [
      file(1, at('M-4/diploma', 'edu-1')), // unchanged
      file(5, at('M-10/paper/toc', 'work-1')), // replaced 2
      file(6, at('M-4/id-card')), // replaced 3
      file(7, at('M-4/id-card')), // and one more: added
      file(8, at('M-7/ce/2019')), // added in a new slot
      // 4 removed; 9 kept under another name
      { ...file(9, at('M-4/photo')), fileName: '证件照.jpg' },
    ];
    const changes = diffAttachments(before, after);
    expect(
      changes.map((c) => [c.slot, c.kind, c.before?.sha256.slice(-1) ?? null, c.after?.sha256.slice(-1) ?? null]),
    ).toEqual([
      ['M-4/id-card', 'replaced', '3', '6'],
      ['M-4/id-card', 'added', null, '7'],
      ['M-5/pension/2019', 'removed', '4', null],
      ['M-7/ce/2019', 'added', null, '8'],
      ['M-10/paper/toc', 'replaced', '2', '5'],
    ]);
    expect(changes[0]!.after).toEqual({
      sha256: sha(6),
      fileName: '扫描-6.jpg',
      mediaType: 'image/jpeg',
      pages: 1,
      width: 100,
      height: 100,
    });
    expect(diffAttachments(before, before)).toEqual([]);
  });

  it('finds the change at a comment: its field or record, its scan wherever it went, its material', () => {
    const fieldChanges = [
      { path: 'profile.phone', kind: 'changed' as const, before: '1', after: '2' },
      { path: 'works.work-2', kind: 'removed' as const, before: '论文', after: null },
    ];
    const scans = diffAttachments(
      [file(1, [...at('M-4/id-card'), ...at('M-4/photo')]), file(2, at('M-10/paper/toc', 'work-1'))],
      [file(3, [...at('M-4/id-card'), ...at('M-4/photo')]), file(2, at('M-10/paper/cover', 'work-1'))],
    );
    const on = (target: unknown, material = 'M-4') =>
      changesAt({ material, target } as Parameters<typeof changesAt>[0], fieldChanges, scans);
    expect(on({ kind: 'field', path: 'profile.phone' }).fieldChanges).toHaveLength(1);
    expect(on({ kind: 'field', path: 'profile.email' })).toEqual({ fieldChanges: [], attachmentChanges: [] });
    // A comment on a field of a record that was removed: the record's removal.
    expect(on({ kind: 'field', path: 'works.work-2.title' }).fieldChanges.map((c) => c.kind)).toEqual(['removed']);
    // A scan proving two slots, replaced in both: one change beside the comment.
    const replaced = on({ kind: 'attachment', sha256: sha(1), fileName: 'a.jpg' }).attachmentChanges;
    expect(replaced.map((c) => [c.kind, c.after?.sha256])).toEqual([['replaced', sha(3)]]);
    // A scan moved to another page tag: removed here, added there.
    expect(on({ kind: 'attachment', sha256: sha(2), fileName: 'b.jpg' }).attachmentChanges.map((c) => c.kind)).toEqual([
      'added',
      'removed',
    ]);
    // A comment on a material as a whole: the scans of its slots.
    expect(on({ kind: 'material' }, 'M-10').attachmentChanges).toHaveLength(2);
    expect(on({ kind: 'material' }, 'M-5').attachmentChanges).toEqual([]);
  });
});
