// The unit's review of one applicant and 退回 (issue 7), on real workspaces and real package files: an
// applicant exports; a unit imports, marks materials and comments (a field that does not exist, an attachment
// that is not the applicant's, an applicant's workspace: refused); accepting needs every needed material
// accepted; 退回 is refused with nothing said, and a failed one leaves no file; the return package verifies
// with level 2 signed by the unit's key and carries review.json with the comments; the applicant imports it
// and review:received shows them; they fix the field and export revision 2, whose supersedes names the
// returned package; the unit imports it: supersedesKnown, exactly the fixed field changed, pending again,
// the old comments kept as history (N-9, N-10, N-13).
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, JobStatus, OutputOf } from '../../shared/api/contract.js';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { ReviewDoc } from '../../shared/unit/schema.js';
import { readArchive, saveSection } from '../../electron/core/archiveService.js';
import { listAttachments } from '../../electron/core/attachments/attachmentService.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { createWorkspaceKey } from '../../electron/core/package/keyService.js';
import { openPackageDownload } from '../../electron/core/package/packageFiles.js';
import { receiveUpload } from '../../electron/core/package/uploads.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { openPackage } from '../../electron/core/package/zipRead.js';
import { diffArchives, display } from '../../electron/core/unit/archiveDiff.js';
import { REVIEW_PATH } from '../../electron/core/unit/levelTwo.js';
import { neededMaterials } from '../../electron/core/unit/reviewService.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { exportOk, PASSPHRASE, readyWorkspace, workspaceIn } from '../helpers/exportFixtures.js';

type Review = OutputOf<'unit:review'>;

/** A method through the dispatcher (contract checks both ways); throws with the error's code otherwise. */
async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const result = await dispatch(w, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message.en}`);
  return result.value as T;
}

async function refused(w: Workspace, method: string, input: unknown): Promise<ApiError> {
  const result = await dispatch(w, method, input);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
}

const job = (_w: Workspace, started: { jobId: string }): Promise<JobStatus> => waitForJob(started.jobId);

/** Imports a package file as the officer's browser would (upload, then unit:import). */
async function unitImport(u: Workspace, file: string): Promise<JobStatus> {
  const { uploadId } = await receiveUpload(u, [readFileSync(file)], { fileName: path.basename(file) });
  return job(u, await call(u, 'unit:import', { uploadIds: [uploadId] }));
}

/**
 * The applicant's own import (package:import) of a package that came back, its unit key confirmed as the
 * screen has them do it (the level 2 signer the report shows, compared with the opinion page).
 */
async function applicantImport(w: Workspace, file: string): Promise<JobStatus> {
  const { uploadId } = await receiveUpload(w, [readFileSync(file)], { fileName: path.basename(file) });
  const report = await call<OutputOf<'package:verify'>>(w, 'package:verify', { uploadId });
  const trustUnitKey = report.levels[1]?.signerFingerprint ?? undefined;
  return job(w, await call(w, 'package:import', { uploadId, ...(trustUnitKey && { trustUnitKey }) }));
}

let shared: string;
/** The applicant's folder after exporting revision 1, and a copy of it as it was then (`snapshot`). */
let fixture: { dir: string; snapshot: string; applicantId: string; r1: string; archive: ArchiveDocument };
beforeAll(async () => {
  shared = mkdtempSync(path.join(os.tmpdir(), 'dossier-unit-review-'));
  const dir = path.join(shared, 'applicant');
  const { w, applicantId } = await readyWorkspace({ dir });
  const exported = await exportOk(w, applicantId);
  const r1 = path.join(shared, exported.fileName);
  copyFileSync(exported.path, r1);
  const snapshot = path.join(shared, 'applicant-snapshot');
  // The database is at rest (WAL and all are copied): the copy opens as the folder would after a restart.
  cpSync(dir, snapshot, { recursive: true });
  fixture = { dir, snapshot, applicantId, r1, archive: readArchive(w.db, applicantId) };
}, 120_000);
afterAll(() => rmSync(shared, { recursive: true, force: true }));

/** A unit's workspace with its data (the sample's unit), its key, and revision 1 imported. */
async function unitWithR1(): Promise<{ u: Workspace; id: string }> {
  const u = workspaceIn();
  await call(u, 'workspace:setMode', { mode: 'unit' });
  await call(u, 'unit:set', { profile: fixture.archive.unit });
  await createWorkspaceKey(u, PASSPHRASE);
  const status = await unitImport(u, fixture.r1);
  const result = status.unitImport?.[0];
  if (status.state !== 'done' || result?.status !== 'imported') {
    throw new Error(`unit import: ${status.state} ${JSON.stringify(status.unitImport ?? status.error)}`);
  }
  return { u, id: result.applicantId! };
}

const packagesOf = (w: Workspace) => readdirSync(path.join(w.dataDir, 'packages')).sort();

describe('marks and comments', () => {
  it('are tied to a field, an attachment or a material of this applicant; anything else is refused', async () => {
    const { u, id } = await unitWithR1();
    const first = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(first.comments).toEqual([]);
    expect(first.materials.map((m) => m.decision)).toEqual(Array(12).fill(null));
    expect(first.row.status).toBe('pending');
    expect(first.revisions.map((r) => [r.revision, r.level, r.direction, r.supersedesKnown])).toEqual([
      [1, 1, 'imported', null],
    ]);
    expect(first.changes).toEqual([]);
    // The findings name the fields they concern, each one a field a comment can be tied to.
    for (const f of first.findings) {
      expect(['fail', 'review']).toContain(f.status);
      for (const p of f.paths) expect(p).toMatch(/^[a-zA-Z]+\.[^.]+(\.[^.]+)?$/);
    }
    // No publicity planned yet: said in the unit's terms (公示), not as the applicant's 假设与参数.
    const publicity = first.findings.find((f) => f.ruleId === 'R-5.publicity');
    expect(publicity?.message.zh).toContain('在“公示”中');
    expect(publicity?.message.zh).not.toContain('假设与参数');
    // The reasons the applicant wrote for overridden warnings at export reach the unit, each at its finding.
    const reasons = first.findings.filter((f) => f.justification !== null);
    expect(reasons.length).toBeGreaterThan(0);
    for (const f of reasons) expect(f.justification).toBe(`已核实：${f.id} 的情况以单位证明为准。`);

    const comment = (target: unknown, material = 'M-10') =>
      dispatch(u, 'unit:addComment', { applicantId: id, material, target, text: '请补充' });
    for (const p of ['profile.nickname', 'works.no-such-work.title', 'works.work-1.id', 'works.work-1', 'nope']) {
      const r = await comment({ kind: 'field', path: p });
      expect(r.ok ? null : r.error.code, p).toBe('unknown_field');
      if (!r.ok) expect(r.error.message.zh).toContain(p);
    }
    const unknown = await comment({ kind: 'attachment', sha256: 'ab'.repeat(32), fileName: '别人的扫描.jpg' });
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown_attachment');
    if (!unknown.ok) expect(unknown.error.message.zh).toContain('别人的扫描.jpg');
    const onMaterial = await comment({ kind: 'material' });
    expect(onMaterial.ok).toBe(true);
    const blank = await dispatch(u, 'unit:addComment', {
      applicantId: id,
      material: 'M-10',
      target: { kind: 'material' },
      text: '   ',
    });
    expect(blank.ok ? null : blank.error.code).toBe('invalid_input');

    const scan = listAttachments(u, { applicantId: id }).attachments[0]!;
    const onField = await call<{ comment: { id: string } }>(u, 'unit:addComment', {
      applicantId: id,
      material: 'M-10',
      target: { kind: 'field', path: 'works.work-1.title' },
      text: '论文题目与期刊目录页不一致',
    });
    // The applicant's file name is kept, whatever name the officer's request carried.
    const onScan = await call<OutputOf<'unit:addComment'>>(u, 'unit:addComment', {
      applicantId: id,
      material: 'M-4',
      target: { kind: 'attachment', sha256: scan.sha256, fileName: 'x.jpg' },
      text: '扫描件不清晰',
    });
    expect(onScan.comment.target).toEqual({ kind: 'attachment', sha256: scan.sha256, fileName: scan.fileName });

    const review = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(review.comments.map((c) => c.target.kind)).toEqual(['material', 'field', 'attachment']);
    expect((await refused(u, 'unit:deleteComment', { applicantId: id, commentId: 'no-such' })).code).toBe(
      'comment_not_found',
    );
    await call(u, 'unit:deleteComment', { applicantId: id, commentId: onField.comment.id });
    const after = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(after.comments.map((c) => c.id)).not.toContain(onField.comment.id);
    expect(after.comments).toHaveLength(2);

    // An applicant's workspace has nobody to review.
    const applicant = workspaceIn(fixture.dir);
    const notUnit = await refused(applicant, 'unit:addComment', {
      applicantId: fixture.applicantId,
      material: 'M-10',
      target: { kind: 'material' },
      text: '请补充',
    });
    expect(notUnit.code).toBe('not_unit_workspace');
    expect((await refused(applicant, 'unit:review', { applicantId: fixture.applicantId })).code).toBe(
      'not_unit_workspace',
    );
  });

  it('accepting needs every needed material accepted and none returned; reopening makes it pending', async () => {
    const { u, id } = await unitWithR1();
    const needed = neededMaterials(u, id);
    expect(needed.length).toBeGreaterThan(3);
    const notYet = await refused(u, 'unit:setStatus', { applicantId: id, status: 'accepted' });
    expect(notYet.code).toBe('materials_not_accepted');
    expect(notYet.issues?.map((i) => i.path)).toEqual(needed.map((m) => `materials.${m}`));
    for (const m of needed) await call(u, 'unit:markMaterial', { applicantId: id, material: m, decision: 'accepted' });
    // One returned mark, even on a material the archive does not need, stands in the way.
    const spare = ['M-11', 'M-12'].find((m) => !needed.includes(m as never))!;
    await call(u, 'unit:markMaterial', { applicantId: id, material: spare, decision: 'returned' });
    const oneReturned = await refused(u, 'unit:setStatus', { applicantId: id, status: 'accepted' });
    expect(oneReturned.issues?.map((i) => i.path)).toEqual([`materials.${spare}`]);
    const cleared = await call<OutputOf<'unit:markMaterial'>>(u, 'unit:markMaterial', {
      applicantId: id,
      material: spare,
      decision: null,
    });
    expect(cleared.materials.find((m) => m.material === spare)?.decision).toBeNull();
    expect(await call(u, 'unit:setStatus', { applicantId: id, status: 'accepted' })).toEqual({ status: 'accepted' });
    expect((await call<Review>(u, 'unit:review', { applicantId: id })).row.status).toBe('accepted');
    // Decided: marks and comments wait for a reopen; the opinion can still be worded.
    const locked = await refused(u, 'unit:markMaterial', { applicantId: id, material: 'M-1', decision: 'returned' });
    expect(locked.code).toBe('review_not_pending');
    await call(u, 'unit:setOpinion', { applicantId: id, opinion: '经审核，材料真实、完整，同意推荐。' });
    expect(await call(u, 'unit:setStatus', { applicantId: id, status: 'pending' })).toEqual({ status: 'pending' });
    await call(u, 'unit:markMaterial', { applicantId: id, material: 'M-1', decision: 'returned' });
    const review = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(review.opinion).toBe('经审核，材料真实、完整，同意推荐。');
    expect(review.materials.find((m) => m.material === 'M-1')?.decision).toBe('returned');
    // "returned" is not a status one sets: it is what unit:return does.
    expect((await refused(u, 'unit:setStatus', { applicantId: id, status: 'returned' })).code).toBe('invalid_input');
  });
});

describe('退回', () => {
  it('is refused with nothing to say, and a return that fails leaves no file and no change', async () => {
    const { u, id } = await unitWithR1();
    const before = packagesOf(u);
    const nothing = await refused(u, 'unit:return', { applicantId: id, passphrase: PASSPHRASE });
    expect(nothing.code).toBe('nothing_to_return');
    await call(u, 'unit:addComment', {
      applicantId: id,
      material: 'M-10',
      target: { kind: 'field', path: 'works.work-1.title' },
      text: '题目有误',
    });
    expect((await refused(u, 'unit:return', { applicantId: id })).code).toBe('passphrase_needed');

    // The level-1 file held here changed on disk: adding level 2 verifies it first and refuses.
    const held = path.join(u.dataDir, 'packages', before[0]!);
    const good = readFileSync(held);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)]! ^= 0xff;
    writeFileSync(held, bad);
    const failed = await job(u, await call(u, 'unit:return', { applicantId: id, passphrase: PASSPHRASE }));
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('package_not_valid');
    expect(packagesOf(u)).toEqual(before);
    expect((await call<Review>(u, 'unit:review', { applicantId: id })).row.status).toBe('pending');

    // Cancelled: nothing either.
    writeFileSync(held, good);
    const started = await call<{ jobId: string }>(u, 'unit:return', { applicantId: id, passphrase: PASSPHRASE });
    await call(u, 'jobs:cancel', { jobId: started.jobId });
    expect((await job(u, started)).state).toBe('cancelled');
    expect(packagesOf(u)).toEqual(before);
    expect((await call<Review>(u, 'unit:review', { applicantId: id })).row.status).toBe('pending');
  });

  it('goes to the applicant, who sees the comments, corrects and sends revision 2, which names it', async () => {
    const { u, id } = await unitWithR1();
    await call(u, 'unit:setOpinion', { applicantId: id, opinion: '请按批注修改后重新提交。' });
    const added = await call<OutputOf<'unit:addComment'>>(u, 'unit:addComment', {
      applicantId: id,
      material: 'M-4',
      target: { kind: 'field', path: 'profile.phone' },
      text: '联系电话有误，请核对',
    });
    await call(u, 'unit:markMaterial', { applicantId: id, material: 'M-4', decision: 'returned' });
    const unitKey = await call<{ fingerprint: string }>(u, 'keys:status', {});

    const returned = await job(u, await call(u, 'unit:return', { applicantId: id, passphrase: PASSPHRASE }));
    expect(returned.state, JSON.stringify(returned.error)).toBe('done');
    const pkg = returned.package!;
    expect([pkg.level, pkg.revision, pkg.direction]).toEqual([2, 1, 'exported']);
    expect(pkg.fileName).toMatch(/-r1-L2-退回\.zcpkg$/);
    const file = path.join(u.dataDir, 'packages', pkg.fileName);
    expect(await openPackageDownload(u, pkg.fileName)).not.toBeNull();
    expect(packagesOf(u).filter((n) => n.endsWith('.partial'))).toEqual([]);

    // Verifies at both levels; level 2 is the unit's key; review.json says "returned" with the comment.
    const report = await verifyPackage(file);
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    expect(report.levels.map((l) => l.level)).toEqual([1, 2]);
    expect(report.levels[1]!.signerFingerprint).toBe(unitKey.fingerprint);
    expect(report.levels[1]!.files.map((f) => [f.path, f.role])).toEqual([[REVIEW_PATH, 'review-decision']]);
    const opened = await openPackage(file);
    const doc = ReviewDoc.parse(
      JSON.parse((await opened.readBytes(opened.entry(REVIEW_PATH)!, 1 << 20)).bytes.toString('utf8')),
    );
    await opened.close();
    expect(doc.decision).toBe('returned');
    expect(doc.unit).toEqual({ name: fixture.archive.unit.name, creditCode: fixture.archive.unit.creditCode });
    expect(doc.unitFingerprint).toBe(unitKey.fingerprint);
    expect(doc.opinion).toBe('请按批注修改后重新提交。');
    expect(doc.comments).toEqual([added.comment]);
    expect(doc.materials.find((m) => m.material === 'M-4')?.decision).toBe('returned');

    let review = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(review.row.status).toBe('returned');
    expect(review.row.level).toBe(2);
    expect((await refused(u, 'unit:return', { applicantId: id, passphrase: PASSPHRASE })).code).toBe(
      'review_not_pending',
    );
    expect((await refused(u, 'unit:deleteComment', { applicantId: id, commentId: added.comment.id })).code).toBe(
      'review_not_pending',
    );

    // ---- the applicant's side ----
    const w = workspaceIn(fixture.dir);
    expect(await call(w, 'review:received', { applicantId: fixture.applicantId })).toEqual({ received: null });
    // The applicant fixes the field before the returned package is even imported: the import must keep it.
    saveSection(w.db, {
      applicantId: fixture.applicantId,
      section: 'profile',
      data: { ...fixture.archive.profile, phone: '13900571234' },
    });
    const edited = readArchive(w.db, fixture.applicantId);
    const back = await applicantImport(w, file);
    expect(back.state, JSON.stringify(back.error)).toBe('done');
    expect(back.imported).toMatchObject({ applicantId: fixture.applicantId, status: 'reviewed', revision: 1 });
    // The same level 1 came back with the unit's level: recorded, the archive (and its new edit) untouched.
    expect(readArchive(w.db, fixture.applicantId)).toEqual(edited);
    const received = await call<OutputOf<'review:received'>>(w, 'review:received', {
      applicantId: fixture.applicantId,
    });
    expect(received.received?.revision).toBe(1);
    expect(received.received?.review).toEqual(doc);

    // The field is fixed; revision 2 names the returned package, and the review is no longer open.
    expect(readArchive(w.db, fixture.applicantId).profile.phone).toBe('13900571234');
    const r2 = await exportOk(w, fixture.applicantId);
    expect(r2.revision).toBe(2);
    expect(await call(w, 'review:received', { applicantId: fixture.applicantId })).toEqual({ received: null });

    // ---- the unit again ----
    const imported = await unitImport(u, r2.path);
    expect(imported.unitImport?.[0]).toMatchObject({ status: 'replaced', applicantId: id, revision: 2 });
    review = await call<Review>(u, 'unit:review', { applicantId: id });
    expect(review.row.status).toBe('pending');
    expect(review.row.revision).toBe(2);
    expect(review.revisions.map((r) => [r.revision, r.level, r.direction, r.supersedesKnown])).toEqual([
      [2, 1, 'imported', true],
      [1, 2, 'exported', null],
      [1, 1, 'imported', null],
    ]);
    expect(review.changes).toEqual([
      { path: 'profile.phone', kind: 'changed', before: '13800571234', after: '13900571234' },
    ]);
    // A fresh start on revision 2; revision 1's comment is history, kept and not deletable.
    expect(review.comments).toEqual([]);
    expect(review.materials.every((m) => m.decision === null)).toBe(true);
    // The return's opinion is not carried onto the new revision (it would be printed on an acceptance).
    expect(review.opinion).toBe('');
    const history = u.db
      .prepare<[], { revision: number; text: string }>('SELECT revision, text FROM review_comment')
      .all();
    expect(history).toEqual([{ revision: 1, text: '联系电话有误，请核对' }]);
    expect((await refused(u, 'unit:deleteComment', { applicantId: id, commentId: added.comment.id })).code).toBe(
      'comment_is_history',
    );
  }, 120_000);

  it('a received review whose file was changed after the import is refused, naming the file', async () => {
    const { u, id } = await unitWithR1();
    await call(u, 'unit:addComment', {
      applicantId: id,
      material: 'M-10',
      target: { kind: 'field', path: 'works.work-2.journal' },
      text: '期刊名称请与封面一致',
    });
    const returned = await job(u, await call(u, 'unit:return', { applicantId: id, passphrase: PASSPHRASE }));
    expect(returned.state).toBe('done');
    const copy = path.join(shared, 'applicant-copy');
    cpSync(fixture.snapshot, copy, { recursive: true });
    const w = workspaceIn(copy);
    const back = await applicantImport(w, path.join(u.dataDir, 'packages', returned.package!.fileName));
    expect(back.state, JSON.stringify(back.error)).toBe('done');
    const got = await call<OutputOf<'review:received'>>(w, 'review:received', { applicantId: fixture.applicantId });
    expect(got.received?.review.comments.map((c) => c.target)).toEqual([
      { kind: 'field', path: 'works.work-2.journal' },
    ]);

    // One byte of review.json, as kept in the applicant's packages folder, changed.
    const kept = path.join(w.dataDir, 'packages', got.received!.fileName);
    const pkg = await openPackage(kept);
    const at = pkg.entry(REVIEW_PATH)!.dataStart + 20;
    await pkg.close();
    const bytes = readFileSync(kept);
    bytes[at]! ^= 0x01;
    writeFileSync(kept, bytes);
    const error = await refused(w, 'review:received', { applicantId: fixture.applicantId });
    expect(error.code).toBe('package_file_damaged');
    expect(error.message.zh).toContain(got.received!.fileName);
  }, 60_000);
});

describe('archiveDiff', () => {
  const base = () => structuredClone(fixture.archive);
  it('lists each changed field, each added and removed record, and nothing else', () => {
    expect(diffArchives(base(), base())).toEqual([]);
    const after = base();
    after.profile.email = 'wu@example.org';
    after.application.exceptional = !after.application.exceptional;
    after.works[0]!.title = '新题目';
    const removed = after.works.splice(1, 1)[0]!;
    after.courses.push({ ...after.courses[0]!, id: 'course-new', name: '新课程' });
    const changes = diffArchives(base(), after);
    expect(changes.map((c) => [c.path, c.kind])).toEqual([
      ['profile.email', 'changed'],
      ['application.exceptional', 'changed'],
      ['courses.course-new', 'added'],
      ['works.work-1.title', 'changed'],
      [`works.${removed.id}`, 'removed'],
    ]);
    expect(changes[1]!.before).toBe(fixture.archive.application.exceptional ? '✓' : '✗');
    expect(changes[2]!.after).toBe('新课程');
    expect(changes[4]!.before).toContain(removed.title);
  });

  it('cuts long texts to one short line', () => {
    expect(display('a\n\nb')).toBe('a b');
    const long = display('长'.repeat(500));
    expect([...long]).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
    expect(display(null)).toBe('');
    expect(display(2019)).toBe('2019');
  });
});
