// Export of the signed package (issue 6) on real workspaces: the check's blockers block, warnings need a
// written justification (recorded in the manifest), the forms are brought up to date and carry the key's
// fingerprint, the content is what docs/package-format.md says, the same content gives the same bytes and
// revision, a change gives the next revision, and a cancel leaves nothing behind.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/contract.js';
import { exportArchiveJson, saveSection, readArchive } from '../../electron/core/archiveService.js';
import { renameAttachment, listAttachments } from '../../electron/core/attachments/attachmentService.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { DossierError } from '../../electron/core/errors.js';
import { cancelJob, waitForJob } from '../../electron/core/jobs.js';
import { generateOne, listForms } from '../../electron/core/forms/formsService.js';
import { AttachmentsDoc, FormsDoc } from '../../electron/core/package/content.js';
import { precheck, startExport } from '../../electron/core/package/exportService.js';
import { formatFingerprint } from '../../electron/core/package/sm2.js';
import { unlockWorkspaceKey } from '../../electron/core/package/keyService.js';
import { packagePoolStats, runInPackageWorker } from '../../electron/core/package/packagePool.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { importArchiveJson } from '../../electron/core/archiveService.js';
import { readSampleJson } from '../../electron/core/workspace.js';
import { Manifest } from '../../electron/core/package/manifest.js';
import {
  exportOk,
  filesIn,
  justifyAll,
  PASSPHRASE,
  readyWorkspace,
  runExport,
  TODAY,
  workspaceIn,
} from '../helpers/exportFixtures.js';
import { readEntries } from '../helpers/packageFixtures.js';
import { pdfText, squash } from '../helpers/pdf.js';
import { tempDir } from '../helpers/workspace.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function refusal(run: () => Promise<unknown>): Promise<DossierError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DossierError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function entriesOf(file: string) {
  const entries = await readEntries(file);
  const get = (p: string) => {
    const e = entries.find((x) => x.path === p);
    if (!e) throw new Error(`no entry ${p}`);
    return e.bytes;
  };
  const manifest = Manifest.parse(JSON.parse(get('META-INF/manifest-L1.json').toString('utf8')));
  return { entries, get, manifest };
}

describe('keys:* over the key store in <data>/keys/', () => {
  it('creates once, exports the sealed backup, restores it elsewhere only with its passphrase', async () => {
    const w = workspaceIn();
    expect(await dispatch(w, 'keys:status', {})).toEqual({
      ok: true,
      value: { exists: false, fingerprint: null, protection: null, osKeychainAvailable: false },
    });
    expect(await dispatch(w, 'keys:exportBackup', {})).toMatchObject({ ok: false, error: { code: 'no_signing_key' } });
    const created = await dispatch(w, 'keys:create', { passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { exists: true, protection: 'passphrase' } });
    const fingerprint = (created as { value: { fingerprint: string } }).value.fingerprint;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await dispatch(w, 'keys:create', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'key_exists' },
    });
    const backup = await dispatch(w, 'keys:exportBackup', {});
    expect(backup).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.json$/) } });
    const json = (backup as { value: { json: string } }).value.json;
    expect(json).not.toContain((await unlockWorkspaceKey(w, PASSPHRASE)).privateKeyHex);

    const other = workspaceIn();
    // F-1 made before there is a key: it prints no key fingerprint.
    const applicantId = importArchiveJson(other.db, readSampleJson());
    await generateOne(other, applicantId, 'F-1');
    expect(await dispatch(other, 'keys:importBackup', { json, passphrase: 'wrong passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect(
      await dispatch(other, 'keys:importBackup', { json: '{"not":"a key"}', passphrase: PASSPHRASE }),
    ).toMatchObject({ ok: false, error: { code: 'bad_key_file' } });
    expect(filesIn(path.join(other.dataDir, 'keys'))).toEqual([]);
    expect(await dispatch(other, 'keys:importBackup', { json, passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: { exists: true, fingerprint, protection: 'passphrase', osKeychainAvailable: false },
    });
    // F-1 and the pledge print it from now on: F-1's input changed, so it is out of date.
    const f1 = listForms(other, applicantId).forms.find((f) => f.id === 'F-1')!;
    expect([f1.file !== null, f1.stale]).toEqual([true, true]);
  });
});

describe('package export: the check first', () => {
  it('refuses while a blocker fails, naming every one; writes nothing', async () => {
    const w = workspaceIn();
    const applicantId = importArchiveJson(w.db, readSampleJson());
    await (await import('../../electron/core/package/keyService.js')).createWorkspaceKey(w, PASSPHRASE);
    const { blockers } = precheck(w, applicantId, TODAY);
    expect(blockers.length).toBeGreaterThan(3);
    // Every failure blocks, whatever its severity: the verdict 暂不符合 and the export agree (issue 12).
    expect(blockers.every((b) => b.status === 'fail')).toBe(true);
    expect(blockers.map((b) => b.id)).toContain('M-7.ce-proof#2018');
    const e = await refusal(() =>
      startExport(w, { applicantId, passphrase: PASSPHRASE, justifications: justifyAll(w, applicantId), today: TODAY }),
    );
    expect(e.code).toBe('export_blocked');
    expect(e.issues!.map((i) => i.path)).toEqual(blockers.map((b) => b.id));
    expect(e.localized.zh).toContain(blockers[0]!.id);
    expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([]);
    // Through the contract: the dialog's two lists.
    const res = await dispatch(w, 'package:precheck', { applicantId });
    expect(res).toMatchObject({ ok: true });
    if (res.ok) expect((res.value as { blockers: unknown[] }).blockers.length).toBeGreaterThan(0);
  });

  it('warnings (not notes) need a written justification; an unknown or short one is refused', async () => {
    const { w, applicantId } = await readyWorkspace();
    const { blockers, warnings, report } = precheck(w, applicantId, TODAY);
    expect(blockers).toEqual([]);
    // points to judge need a reason; info notes (the publicity dates before the unit's review) never do.
    expect(warnings.map((f) => f.id)).toContain('M-7.ce-proof#2020');
    const infos = report.findings.filter((f) => f.status === 'review' && f.severity === 'info').map((f) => f.id);
    expect(infos.length).toBeGreaterThan(0);
    expect(warnings.some((f) => infos.includes(f.id))).toBe(false);

    const all = justifyAll(w, applicantId);
    const e = await refusal(() =>
      startExport(w, { applicantId, passphrase: PASSPHRASE, justifications: all.slice(1), today: TODAY }),
    );
    expect(e.code).toBe('justification_needed');
    expect(e.issues!.map((i) => i.path)).toEqual([all[0]!.findingId]);
    const blank = all.map((j, i) => (i === 0 ? { ...j, text: '   ' } : j));
    expect(
      (
        await refusal(() =>
          startExport(w, { applicantId, passphrase: PASSPHRASE, justifications: blank, today: TODAY }),
        )
      ).code,
    ).toBe('justification_needed');
    const short = await dispatch(w, 'package:export', {
      applicantId,
      passphrase: PASSPHRASE,
      justifications: [{ findingId: all[0]!.findingId, text: '太短' }],
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([]);
  });

  it('needs a key and its passphrase; a wrong passphrase fails the job with nothing written', async () => {
    const noKey = await readyWorkspace({ withKey: false });
    const justifications = justifyAll(noKey.w, noKey.applicantId);
    const input = { applicantId: noKey.applicantId, passphrase: PASSPHRASE, justifications, today: TODAY };
    expect((await refusal(() => startExport(noKey.w, input))).code).toBe('no_signing_key');

    const { w, applicantId } = await readyWorkspace();
    const withKey = { ...input, applicantId };
    expect((await refusal(() => startExport(w, { ...withKey, passphrase: undefined }))).code).toBe('passphrase_needed');
    const { jobId } = await startExport(w, { ...withKey, passphrase: 'not the passphrase' });
    const status = await waitForJob(jobId);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'wrong_passphrase' } });
    expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([]);
  });
});

describe('package export: the package', () => {
  it('writes level 1 with the content of docs/package-format.md, signed, the overrides in the manifest', async () => {
    const { w, applicantId, fingerprint } = await readyWorkspace();
    const before = packagePoolStats.inWorker;
    const status = await runExport(w, applicantId);
    expect(status.state).toBe('done');
    // The write, the checksum: in the worker thread.
    expect(packagePoolStats.inWorker).toBeGreaterThanOrEqual(before + 2);
    const file = status.package!;
    expect(file).toMatchObject({ revision: 1, level: 1, direction: 'exported' });
    expect(file.fileName).toBe(`申报包-${readArchive(w.db, applicantId).profile.name}-r1.zcpkg`);
    const full = path.join(w.dataDir, 'packages', file.fileName);
    const bytes = readFileSync(full);
    expect(sha256(bytes)).toBe(file.sha256);
    expect(bytes.length).toBe(file.size);
    expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([file.fileName]);

    const report = await verifyPackage(full, { expectFingerprints: { 1: fingerprint } });
    expect(report).toMatchObject({ ok: true, packageId: file.packageId, revision: 1 });
    const { get, manifest } = await entriesOf(full);
    expect(sha256(get('META-INF/manifest-L1.json'))).toBe(file.manifestSha256);
    expect(manifest.signer.fingerprint).toBe(fingerprint);
    expect(manifest.createdBy.app).toBe('dossier');
    const justified = justifyAll(w, applicantId);
    expect(manifest.rules!.overrides).toEqual(
      justified
        .map((j) => ({ findingId: j.findingId, justification: j.text }))
        .sort((a, b) => (a.findingId < b.findingId ? -1 : 1)),
    );
    const { report: check } = precheck(w, applicantId, TODAY);
    expect(manifest.rules).toMatchObject({ packId: check.packId, packHash: check.packHash, counts: check.counts });

    // The archive: the export JSON byte for byte; its SHA-256 is the fingerprint of every form's footer.
    const archive = get('content/archive.json');
    expect(archive.toString('utf8')).toBe(exportArchiveJson(w.db, applicantId).json);
    const archiveSha = sha256(archive);
    const forms = FormsDoc.parse(JSON.parse(get('content/forms.json').toString('utf8')));
    expect(forms.files.map((f) => f.key)).toEqual(expect.arrayContaining(['F-1', 'M-2', 'M-3', 'index']));
    expect(forms.files.every((f) => f.archiveSha256 === archiveSha)).toBe(true);
    const f1 = forms.files.find((f) => f.key === 'F-1')!;
    expect(f1.path).toBe('content/forms/F-1 专业技术资格评审表.pdf');
    const f1Text = await pdfText(get(f1.path), { mode: 'raw' });
    const shortFp = archiveSha.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
    expect(f1Text).toContain(shortFp);
    // The key's fingerprint, grouped as on paper, on F-1 and the pledge.
    const grouped = formatFingerprint(fingerprint);
    expect(grouped).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(squash(f1Text)).toContain(squash(grouped));
    expect(f1Text.replace(/\s+/g, ' ')).toContain(grouped);
    const pledge = forms.files.find((f) => f.key === 'M-2')!;
    expect(squash(await pdfText(get(pledge.path), { mode: 'raw' }))).toContain(squash(grouped));

    // Attachments: the current ones, by hash, with their links.
    const listed = AttachmentsDoc.parse(JSON.parse(get('content/attachments.json').toString('utf8')));
    const { attachments } = listAttachments(w, { applicantId });
    expect(listed.attachments.map((a) => a.id)).toEqual(attachments.map((a) => a.id));
    for (const a of listed.attachments) {
      expect(sha256(get(a.path))).toBe(a.sha256);
      expect(a.path).toBe(`content/attachments/${a.sha256}.jpg`);
      expect(a.links.length).toBeGreaterThan(0);
    }
    const roles = new Map(manifest.files.map((f) => [f.path, [f.role, f.mediaType]]));
    expect(roles.get('content/archive.json')).toEqual(['archive', 'application/json']);
    expect(roles.get('content/attachments.json')).toEqual(['attachment-index', 'application/json']);
    expect(roles.get('content/forms.json')).toEqual(['form-index', 'application/json']);
    expect(roles.get('content/eligibility.json')).toEqual(['eligibility', 'application/json']);
    expect(roles.get(f1.path)).toEqual(['form', 'application/pdf']);
    expect(roles.get(listed.attachments[0]!.path)).toEqual(['attachment', 'image/jpeg']);
    expect([...roles.values()].some(([role]) => role === 'material')).toBe(true);
    const eligibility = JSON.parse(get('content/eligibility.json').toString('utf8'));
    expect(eligibility).toMatchObject({ format: 'dossier.eligibility', packId: check.packId });
    expect(eligibility.report).not.toHaveProperty('today');

    // Recorded: the row (package:list) and the applicant's package id.
    const list = await dispatch(w, 'package:list', {});
    expect(list).toMatchObject({ ok: true, value: { packages: [file] } });
    expect(w.db.prepare('SELECT package_id FROM applicant').get()).toEqual({ package_id: file.packageId });
  }, 60_000);

  it('unchanged content: the same revision and the same bytes; a change: the next revision, superseding', async () => {
    const { w, applicantId } = await readyWorkspace();
    const first = await exportOk(w, applicantId);
    const firstBytes = readFileSync(first.path);
    const again = await exportOk(w, applicantId);
    expect(again).toMatchObject({ fileName: first.fileName, revision: 1, sha256: first.sha256 });
    expect(readFileSync(again.path).equals(firstBytes)).toBe(true);

    // A renamed scan: the archive is the same, attachments.json is not.
    const { attachments } = listAttachments(w, { applicantId });
    renameAttachment(w, { attachmentId: attachments[0]!.id, fileName: '论文封面.jpg' });
    const second = await exportOk(w, applicantId);
    expect(second).toMatchObject({ revision: 2, packageId: first.packageId });
    expect(second.fileName).toMatch(/-r2\.zcpkg$/);
    const { manifest } = await entriesOf(second.path);
    expect(manifest.supersedes).toEqual({
      packageId: first.packageId,
      revision: 1,
      level: 1,
      manifestSha256: first.manifestSha256,
    });
    // r1 is kept as it was.
    expect(readFileSync(first.path).equals(firstBytes)).toBe(true);
    // And exporting r2's content again stays r2 (its supersedes included).
    expect(await exportOk(w, applicantId)).toMatchObject({ revision: 2, sha256: second.sha256 });

    // An edit of the archive: the forms are regenerated (the footer's fingerprint changes), r3.
    const profile = readArchive(w.db, applicantId).profile;
    saveSection(w.db, { applicantId, section: 'profile', data: { ...profile, phone: '13900000000' } });
    const third = await exportOk(w, applicantId);
    expect(third.revision).toBe(3);
    const { get } = await entriesOf(third.path);
    const forms = FormsDoc.parse(JSON.parse(get('content/forms.json').toString('utf8')));
    // The forms print the archive's fingerprint: all made again. (Merged scans have no footer.)
    const printed = forms.files.filter((f) => !f.key.startsWith('material:')).map((f) => f.archiveSha256);
    expect(new Set(printed)).toEqual(new Set([sha256(get('content/archive.json'))]));
  }, 90_000);

  it('a cancelled export leaves no file behind', async () => {
    const { w, applicantId } = await readyWorkspace();
    const { jobId } = await startExport(w, {
      applicantId,
      passphrase: PASSPHRASE,
      justifications: justifyAll(w, applicantId),
      today: TODAY,
    });
    cancelJob(jobId);
    const status: JobStatus = await waitForJob(jobId);
    expect(status.state).toBe('cancelled');
    expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([]);
    expect(w.db.prepare('SELECT count(*) AS n FROM package_file').get()).toEqual({ n: 0 });
  });

  it('a write cancelled mid-way in the worker leaves no file behind', async () => {
    const { w } = await readyWorkspace();
    const dir = tempDir();
    const big = path.join(dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(96 * 2 ** 20, 7));
    const out = path.join(dir, 'out.zcpkg');
    const controller = new AbortController();
    const key = await unlockWorkspaceKey(w, PASSPHRASE);
    const writing = runInPackageWorker(
      {
        kind: 'write',
        out,
        files: [{ path: 'content/big.bin', source: { kind: 'file', path: big }, mediaType: 'image/jpeg', role: 'x' }],
        level1: { packageId: 'pkg-cancel', revision: 1, createdBy: { app: 'dossier', version: 't' } },
        key,
      },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(writing).rejects.toMatchObject({ code: 'cancelled' });
    expect(filesIn(dir)).toEqual(['big.bin']);
  });
});
