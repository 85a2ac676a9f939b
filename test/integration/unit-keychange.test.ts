// A lost applicant key has a way forward (issue 19, item 8), on real workspaces and real package files: at the
// unit, a known applicant's newer revision signed by a new key is held, not refused and not imported; the
// officer accepts the new key with a written reason (audit 'applicant-key-accepted' with both fingerprints,
// the held revision imported through the normal pipeline, the new key pinned: the next revision with it
// imports as usual, the old key is now the change) or rejects it (the held file removed). Bad inputs — no
// reason, only spaces, too short; twice; an unknown applicant; a held file damaged meanwhile; an out-of-date
// held revision — are refused with a clear message and change nothing. On the applicant's side: the key is
// not in the backups, a forgotten passphrase can be answered with a new key, and the status and refusals
// say what follows. The CLI: unit-import says held and prints the commands; unit-accept-key | unit-reject-key.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/contract.js';
import { KEY_LOST, KEY_NOT_IN_BACKUP } from '../../shared/package/keyAdvice.js';
import type { UnitImportResult } from '../../shared/unit/schema.js';
import { readArchive } from '../../electron/core/archiveService.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { createWorkspaceKey, keysDir, keyStatus, unlockWorkspaceKey } from '../../electron/core/package/keyService.js';
import { receiveUpload } from '../../electron/core/package/uploads.js';
import { listAudit } from '../../electron/core/unit/auditRepo.js';
import { startUnitImport } from '../../electron/core/unit/intake.js';
import { acceptApplicantKey, keyChanges, rejectApplicantKey } from '../../electron/core/unit/keyChange.js';
import { heldDir } from '../../electron/core/unit/keyChangeRepo.js';
import { unitApplicantRow } from '../../electron/core/unit/table.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { exportOk, filesIn, PASSPHRASE, readyWorkspace } from '../helpers/exportFixtures.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { personArchive, scansFor, unitWorkspace, writePerson, type PersonPackage } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

const REASON = '2025 年 6 月 3 日本人持身份证到人事处，核对新 F-1 上的密钥指纹一致。';

const count = (w: Workspace, table: string) =>
  (w.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function importOne(w: Workspace, file: string): Promise<UnitImportResult> {
  const { uploadId } = await receiveUpload(w, [readFileSync(file)], { fileName: path.basename(file) });
  const { jobId } = await startUnitImport(w, [uploadId]);
  const status: JobStatus = await waitForJob(jobId);
  expect(status.state).toBe('done');
  return status.unitImport![0]!;
}

/** Person n's revision `revision` with a phone number of its own (so each revision's archive differs). */
async function revisionOf(dir: string, first: PersonPackage, revision: number, key = first.key) {
  const archive = personArchive(10, (a) => (a.profile.phone = `1391111${String(revision).padStart(4, '0')}`));
  return writePerson(dir, 10, {
    archive,
    key,
    packageId: first.packageId,
    revision,
    scans: await scansFor(archive, 100 + revision),
    fileName: `申报包-申报人10-r${revision}-${key.fingerprint.slice(0, 6)}.zcpkg`,
  });
}

/** Everything a refusal must leave as it was. */
function snapshot(w: Workspace, applicantId: string) {
  return {
    archive: readArchive(w.db, applicantId),
    packages: w.db.prepare('SELECT * FROM package_file ORDER BY file_name').all(),
    held: w.db.prepare('SELECT * FROM held_key_change ORDER BY id').all(),
    heldFiles: filesIn(heldDir(w.dataDir)),
    audit: count(w, 'audit_event'),
    review: w.db.prepare('SELECT * FROM unit_review').all(),
  };
}

let dir: string;
let r1: PersonPackage;
const newKey = makeKey();
// The packages are shared by the file (tempDir's folders go after each test).
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-keychange-'));
  r1 = await writePerson(dir, 10);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a revision signed by a new applicant key', () => {
  it('is held, not refused and not imported: both fingerprints said, listed, flagged; the same file again writes nothing', async () => {
    const w = unitWorkspace();
    const first = await importOne(w, r1.file);
    expect(first.status).toBe('imported');
    const applicantId = first.applicantId!;
    expect(unitApplicantRow(w, applicantId).keyChangeHeld).toBe(false);
    const before = readArchive(w.db, applicantId);

    const r2 = await revisionOf(dir, r1, 2, newKey);
    const held = await importOne(w, r2.file);
    expect(held).toMatchObject({
      status: 'held',
      applicantId,
      name: '申报人10',
      revision: 2,
      keyChange: { oldFingerprint: r1.key.fingerprint, newFingerprint: newKey.fingerprint },
    });
    expect(held.reason!.zh).toContain('新的签名密钥');
    expect(held.reason!.zh).toContain('核实申报人本人身份');
    expect(held.reason!.en).toContain('held, not imported');
    // Nothing of it imported: the archive, the package rows, the review are revision 1's.
    expect(readArchive(w.db, applicantId)).toEqual(before);
    expect(count(w, 'package_file')).toBe(1);
    expect(filesIn(path.join(w.dataDir, 'packages'))).toHaveLength(1);
    expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
    expect(unitApplicantRow(w, applicantId)).toMatchObject({ revision: 1, keyChangeHeld: true });

    const { changes } = keyChanges(w, applicantId);
    expect(changes).toEqual([
      expect.objectContaining({
        applicantId,
        name: '申报人10',
        packageId: r1.packageId,
        revision: 2,
        fileName: path.basename(r2.file),
        oldFingerprint: r1.key.fingerprint,
        newFingerprint: newKey.fingerprint,
        currentRevision: 1,
        stale: false,
      }),
    ]);
    expect(filesIn(heldDir(w.dataDir))).toHaveLength(1);
    // Through the contract too, for the whole unit.
    expect(await dispatch(w, 'unit:keyChanges', {})).toMatchObject({ ok: true, value: { changes: [{ revision: 2 }] } });

    const again = await importOne(w, r2.file);
    expect(again).toMatchObject({ status: 'held', applicantId, revision: 2 });
    expect(count(w, 'held_key_change')).toBe(1);
    expect(filesIn(heldDir(w.dataDir))).toHaveLength(1);
  });

  it('a package id never seen, and the same key, are not affected', async () => {
    const w = unitWorkspace();
    const other = await writePerson(tempDir(), 11, { key: newKey });
    expect((await importOne(w, other.file)).status).toBe('imported');
    expect((await importOne(w, r1.file)).status).toBe('imported');
    const r2 = await revisionOf(tempDir(), r1, 2);
    expect((await importOne(w, r2.file)).status).toBe('replaced');
    expect(count(w, 'held_key_change')).toBe(0);
  });

  it('the same revision signed by another key is refused (an export with a new key makes a new revision)', async () => {
    const w = unitWorkspace();
    const applicantId = (await importOne(w, r1.file)).applicantId!;
    const twin = await writePerson(tempDir(), 10, { key: newKey, packageId: r1.packageId, revision: 1 });
    const before = snapshot(w, applicantId);
    const result = await importOne(w, twin.file);
    expect(result.status).toBe('refused');
    expect(result.reason!.zh).toContain('同一版本、却由另一把密钥签名');
    expect(result.reason!.zh).toContain('重新导出');
    expect(snapshot(w, applicantId)).toEqual(before);
  });

  it("package:import in a unit's workspace holds it too, and says so", async () => {
    const w = unitWorkspace();
    await importOne(w, r1.file);
    const r2 = await revisionOf(dir, r1, 2, newKey);
    const { uploadId } = await receiveUpload(w, [readFileSync(r2.file)], { fileName: path.basename(r2.file) });
    const started = await dispatch(w, 'package:import', { uploadId });
    const status = await waitForJob((started as { value: { jobId: string } }).value.jobId);
    expect(status.state).toBe('failed');
    expect(status.error).toMatchObject({ code: 'key_change_held' });
    expect(status.error!.message.zh).toContain('暂存（申报人新密钥）');
    expect(count(w, 'held_key_change')).toBe(1);
  });
});

describe('accepting the new key', () => {
  it('needs a reason, a known applicant and a held revision; then imports it, records the audit event, pins the new key', async () => {
    const w = unitWorkspace();
    const applicantId = (await importOne(w, r1.file)).applicantId!;
    const r2 = await revisionOf(dir, r1, 2, newKey);
    expect((await importOne(w, r2.file)).status).toBe('held');
    const before = snapshot(w, applicantId);

    // Bad inputs: refused, naming the field, nothing changed.
    for (const reason of ['', '    ', '核实过了']) {
      const refused = acceptApplicantKey(w, { applicantId, reason });
      await expect(refused).rejects.toMatchObject({ code: 'wrong_reason', issues: [{ path: 'reason' }] });
    }
    await expect(acceptApplicantKey(w, { applicantId, reason: '  ' })).rejects.toThrow(/written reason/);
    await expect(acceptApplicantKey(w, { applicantId, reason: '核实过了' })).rejects.toMatchObject({
      localized: { zh: expect.stringContaining('已写 4 个字，至少需要 10 个字') },
    });
    const viaContract = await dispatch(w, 'unit:acceptKey', { applicantId, reason: ' \t ' });
    expect(viaContract).toMatchObject({ ok: false, error: { code: 'wrong_reason' } });
    expect((viaContract as { error: { message: { zh: string } } }).error.message.zh).toContain('理由');
    const tooLong = await dispatch(w, 'unit:acceptKey', { applicantId, reason: '长'.repeat(2001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(acceptApplicantKey(w, { applicantId: 'nobody', reason: REASON })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(snapshot(w, applicantId)).toEqual(before);

    const result = await acceptApplicantKey(w, { applicantId, reason: `  ${REASON}  ` });
    expect(result).toMatchObject({
      status: 'replaced',
      applicantId,
      name: '申报人10',
      revision: 2,
      keyChange: { oldFingerprint: r1.key.fingerprint, newFingerprint: newKey.fingerprint },
    });
    expect(readArchive(w.db, applicantId).profile.phone).toBe('13911110002');
    expect(unitApplicantRow(w, applicantId)).toMatchObject({ revision: 2, status: 'pending', keyChangeHeld: false });
    const rows = w.db.prepare('SELECT revision, l1_signer FROM package_file ORDER BY revision').all();
    expect(rows).toEqual([
      { revision: 1, l1_signer: r1.key.fingerprint },
      { revision: 2, l1_signer: newKey.fingerprint },
    ]);
    expect(count(w, 'held_key_change')).toBe(0);
    expect(filesIn(heldDir(w.dataDir))).toEqual([]);
    const audit = listAudit(w.db, { applicantId });
    expect(audit).toEqual([
      expect.objectContaining({
        applicantId,
        revision: 2,
        action: 'applicant-key-accepted',
        reason: REASON,
        detail: expect.objectContaining({
          packageId: r1.packageId,
          oldFingerprint: r1.key.fingerprint,
          newFingerprint: newKey.fingerprint,
        }),
      }),
    ]);

    // Twice: nothing held any more.
    const after = snapshot(w, applicantId);
    await expect(acceptApplicantKey(w, { applicantId, reason: REASON })).rejects.toMatchObject({
      code: 'no_key_change',
    });
    expect(snapshot(w, applicantId)).toEqual(after);

    // From then on the new key is pinned: its next revision imports as usual; the old key is now the change.
    const r3 = await revisionOf(dir, r1, 3, newKey);
    expect(await importOne(w, r3.file)).toMatchObject({ status: 'replaced', revision: 3 });
    const r4old = await revisionOf(dir, r1, 4, r1.key);
    expect(await importOne(w, r4old.file)).toMatchObject({
      status: 'held',
      revision: 4,
      keyChange: { oldFingerprint: newKey.fingerprint, newFingerprint: r1.key.fingerprint },
    });
    expect(readArchive(w.db, applicantId).profile.phone).toBe('13911110003');
    // An old-key file of a revision already superseded stays refused as outdated.
    expect((await importOne(w, r1.file)).status).toBe('refused');
  });

  it('a held file damaged or gone meanwhile is verified again: refused, nothing changed, still there to reject', async () => {
    const w = unitWorkspace();
    const applicantId = (await importOne(w, r1.file)).applicantId!;
    const r2 = await revisionOf(dir, r1, 2, newKey);
    expect((await importOne(w, r2.file)).status).toBe('held');
    const [stored] = filesIn(heldDir(w.dataDir));
    const file = path.join(heldDir(w.dataDir), stored!);
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    writeFileSync(file, flipped);
    const before = snapshot(w, applicantId);
    const damaged = acceptApplicantKey(w, { applicantId, reason: REASON });
    await expect(damaged).rejects.toMatchObject({
      code: 'held_file_damaged',
      localized: { zh: expect.stringContaining('已损坏或被改动'), en: expect.stringContaining('nothing was changed') },
    });
    expect(snapshot(w, applicantId)).toEqual(before);
    rmSync(file);
    await expect(acceptApplicantKey(w, { applicantId, reason: REASON })).rejects.toMatchObject({
      code: 'held_file_damaged',
    });
    expect(count(w, 'audit_event')).toBe(0);
    expect(await rejectApplicantKey(w, { applicantId })).toEqual({ removed: 1 });
    expect(count(w, 'held_key_change')).toBe(0);
  });

  it('a held revision that a newer one overtook is out of date: listed as such, only rejected', async () => {
    const w = unitWorkspace();
    const applicantId = (await importOne(w, r1.file)).applicantId!;
    const r2new = await revisionOf(dir, r1, 2, newKey);
    expect((await importOne(w, r2new.file)).status).toBe('held');
    // The applicant found the old key after all and exported revision 3 with it.
    const r3old = await revisionOf(dir, r1, 3, r1.key);
    expect((await importOne(w, r3old.file)).status).toBe('replaced');
    expect(keyChanges(w, applicantId).changes).toEqual([
      expect.objectContaining({ revision: 2, currentRevision: 3, stale: true }),
    ]);
    const before = snapshot(w, applicantId);
    await expect(acceptApplicantKey(w, { applicantId, reason: REASON })).rejects.toMatchObject({
      code: 'key_change_stale',
      localized: { zh: expect.stringContaining('已过时') },
    });
    expect(snapshot(w, applicantId)).toEqual(before);
    expect(await dispatch(w, 'unit:rejectKey', { applicantId })).toEqual({ ok: true, value: { removed: 1 } });
    expect(unitApplicantRow(w, applicantId).keyChangeHeld).toBe(false);
  });
});

describe('rejecting the new key', () => {
  it('removes the held file and nothing else; again, or for an unknown applicant, is refused', async () => {
    const w = unitWorkspace();
    const applicantId = (await importOne(w, r1.file)).applicantId!;
    const r2 = await revisionOf(dir, r1, 2, newKey);
    expect((await importOne(w, r2.file)).status).toBe('held');
    const { held: _held, heldFiles: _files, ...rest } = snapshot(w, applicantId);
    expect(await rejectApplicantKey(w, { applicantId })).toEqual({ removed: 1 });
    expect(filesIn(heldDir(w.dataDir))).toEqual([]);
    const { held, heldFiles, ...after } = snapshot(w, applicantId);
    expect({ held, heldFiles }).toEqual({ held: [], heldFiles: [] });
    expect(after).toEqual(rest);
    await expect(rejectApplicantKey(w, { applicantId })).rejects.toMatchObject({ code: 'no_key_change' });
    expect(await dispatch(w, 'unit:rejectKey', { applicantId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Handed in again later, it is held again.
    expect((await importOne(w, r2.file)).status).toBe('held');
  });
});

describe('dossier unit-import | unit-accept-key | unit-reject-key', () => {
  it('says held with both fingerprints and the commands; refuses bad input with exit 2; accepts with a reason', async () => {
    const data = path.join(tempDir(), 'unit');
    unitWorkspace({ dir: data });
    expect((await dossier('unit-import', r1.file, '--data', data)).code).toBe(0);
    const r2 = await revisionOf(dir, r1, 2, newKey);
    const imported = await dossier('unit-import', r2.file, '--data', data);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`暂存（申报人新密钥）  ${path.basename(r2.file)}（申报人10，第 2 版）：`);
    const groups = (hex: string) => hex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
    expect(imported.out).toContain(`原密钥指纹：${groups(r1.key.fingerprint)}`);
    expect(imported.out).toContain(`新密钥指纹：${groups(newKey.fingerprint)}`);
    const command = /dossier unit-accept-key (\S+) --reason/.exec(imported.out);
    expect(command).not.toBeNull();
    const applicantId = command![1]!;
    expect(imported.out).toContain(`dossier unit-reject-key ${applicantId}`);
    expect(imported.err).toContain('暂存 1 个');

    const noReason = await dossier('unit-accept-key', applicantId, '--data', data);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('须写明理由');
    const spaces = await dossier('unit-accept-key', applicantId, '--reason', '   ', '--data', data);
    expect(spaces.code).toBe(2);
    const short = await dossier('unit-accept-key', applicantId, '--reason', '本人到场', '--data', data, '--lang', 'en');
    expect(short.code).toBe(2);
    expect(short.err).toContain('too short');
    expect((await dossier('unit-accept-key', '--reason', REASON, '--data', data)).code).toBe(2);
    expect((await dossier('unit-accept-key', applicantId, REASON, '--data', data)).code).toBe(2);
    const unknown = await dossier('unit-accept-key', 'nobody', '--reason', REASON, '--data', data);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('找不到申报人档案');

    // By package id works as well as by applicant id.
    const ok = await dossier('unit-accept-key', r1.packageId, '--reason', REASON, '--data', data);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('已接受新密钥：申报人10，第 2 版已导入');
    expect(ok.out).toContain(`新密钥指纹：${groups(newKey.fingerprint)}（此后以它为准）`);
    const twice = await dossier('unit-accept-key', applicantId, '--reason', REASON, '--data', data);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('没有待确认的新密钥');
    expect((await dossier('unit-reject-key', applicantId, '--data', data)).code).toBe(1);

    const r3old = await revisionOf(dir, r1, 3, r1.key);
    expect((await dossier('unit-import', r3old.file, '--data', data)).out).toContain('暂存（申报人新密钥）');
    const rejected = await dossier('unit-reject-key', applicantId, '--data', data);
    expect(rejected).toMatchObject({ code: 0 });
    expect(rejected.out).toContain('已拒绝“申报人10”的新密钥');
    expect((await dossier('help')).out).toContain('unit-accept-key APPLICANT --reason');
  });
});

describe("the applicant's side", () => {
  it('a forgotten passphrase: a new key (the old file kept aside), the export says the unit holds it, the unit accepts it', async () => {
    const { w, applicantId, fingerprint: oldFingerprint } = await readyWorkspace();
    const first = await exportOk(w, applicantId);
    expect(await keyStatus(w)).not.toHaveProperty('previousFingerprint');

    // The passphrase is forgotten: the refusal says what to do.
    const wrong = unlockWorkspaceKey(w, 'not the passphrase at all');
    await expect(wrong).rejects.toMatchObject({
      code: 'wrong_passphrase',
      localized: { zh: expect.stringContaining(KEY_LOST.zh) },
    });

    const replaced = await createWorkspaceKey(w, PASSPHRASE, { replace: true });
    expect(replaced.fingerprint).not.toBe(oldFingerprint);
    expect(replaced.previousFingerprint).toBe(oldFingerprint);
    const retired = filesIn(path.join(keysDir(w.dataDir), 'retired'));
    expect(retired).toEqual([expect.stringMatching(new RegExp(`^signing-key-${oldFingerprint.slice(0, 16)}-`))]);
    expect(
      (
        JSON.parse(readFileSync(path.join(keysDir(w.dataDir), 'retired', retired[0]!), 'utf8')) as {
          fingerprint: string;
        }
      ).fingerprint,
    ).toBe(oldFingerprint);
    const second = await exportOk(w, applicantId);
    expect(second.revision).toBe(first.revision + 1);
    // Once the new key signed the newest package, it is no longer "another key".
    expect(await keyStatus(w)).not.toHaveProperty('previousFingerprint');

    const unit = unitWorkspace();
    expect((await importOne(unit, first.path)).status).toBe('imported');
    const held = await importOne(unit, second.path);
    expect(held).toMatchObject({
      status: 'held',
      revision: second.revision,
      keyChange: { oldFingerprint, newFingerprint: replaced.fingerprint },
    });
    const accepted = await acceptApplicantKey(unit, { applicantId: held.applicantId!, reason: REASON });
    expect(accepted).toMatchObject({ status: 'replaced', revision: second.revision });
  }, 120_000);

  it('a workspace without its key (a restored backup, a new computer): the status and the export name the key and the way on', async () => {
    const { w, applicantId, fingerprint } = await readyWorkspace();
    // A package signed earlier, as a restored workspace holds its rows; the key file is not in any backup.
    w.db
      .prepare(
        `INSERT INTO package_file (file_name, package_id, revision, level, sha256, size, manifest_sha256,
           l1_manifest_sha256, l1_signer, supersedes, direction, applicant_id, created_at)
         VALUES ('申报包-r1.zcpkg', 'pkg-x', 1, 1, @h, 1, @h, @h, @fp, NULL, 'exported', @applicantId, '2025-01-01')`,
      )
      .run({ h: 'a'.repeat(64), fp: fingerprint, applicantId });
    rmSync(keysDir(w.dataDir), { recursive: true });
    expect(existsSync(keysDir(w.dataDir))).toBe(false);
    const status = await keyStatus(w);
    expect(status).toMatchObject({ exists: false, previousFingerprint: fingerprint });
    await expect(unlockWorkspaceKey(w, PASSPHRASE)).rejects.toMatchObject({
      code: 'no_signing_key',
      localized: {
        zh: expect.stringContaining(KEY_NOT_IN_BACKUP.zh),
        en: expect.stringContaining("tell your unit's HR officer"),
      },
    });
    // A unit's workspace has no "previous" key of its own.
    expect(await keyStatus(unitWorkspace())).not.toHaveProperty('previousFingerprint');
  });

  it('dossier keygen says where the key is and that no backup holds it; --replace makes a new one', async () => {
    const { w } = await readyWorkspace({ withKey: false });
    const secret = path.join(tempDir(), 'pass.txt');
    writeFileSync(secret, `${PASSPHRASE}\n`);
    const made = await dossier('keygen', '--data', w.dataDir, '--passphrase-file', secret);
    expect(made.code).toBe(0);
    expect(made.out).toContain('不包含在工作区备份（.zcbak）里');
    expect(made.out).toContain(path.join(w.dataDir, 'keys', 'signing-key.json'));
    expect((await dossier('keygen', '--data', w.dataDir, '--passphrase-file', secret)).code).toBe(1);
    const again = await dossier('keygen', '--data', w.dataDir, '--passphrase-file', secret, '--replace');
    expect(again.code).toBe(0);
    expect(filesIn(path.join(w.dataDir, 'keys', 'retired'))).toHaveLength(1);
  });
});
