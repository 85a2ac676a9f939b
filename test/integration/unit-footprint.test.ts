// Issue 19, "a folder that stays small", on real workspaces, real packages and real files: after intake,
// review, the countersignature and the batch, the unit's folder holds each byte at most about twice
// (≤ 2.2× the packages plus the database); the batch is where the officer asked and nowhere in the data
// folder, or waits there only until it was downloaded whole; a countersigned package is kept as the
// applicant's file plus the unit's addition and comes back byte for byte; the automatic backup taken after
// the countersignature exists, shares the workspace's files and restores; a store file changed in place
// after a backup linked it is reported by the backup's verify and never restored.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError, JobStatus } from '../../shared/api/contract.js';
import type { BatchFile } from '../../shared/unit/schema.js';
import { listStored, storedPath } from '../../electron/core/attachments/store.js';
import { autoBackup, listBackups, restoreBackup, verifyBackup } from '../../electron/core/backup/index.js';
import { withBackupAfter } from '../../electron/core/backup/after.js';
import { createFolderBackup } from '../../electron/core/backup/create.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { DossierError } from '../../electron/core/errors.js';
import { startJob, waitForJob } from '../../electron/core/jobs.js';
import { createWorkspaceKey } from '../../electron/core/package/keyService.js';
import { ADDITION_EXTENSION } from '../../electron/core/package/levelAddition.js';
import { openPackageDownload } from '../../electron/core/package/packageFiles.js';
import { findPackageRow } from '../../electron/core/package/packageRepo.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { folderUsage } from '../../electron/core/paths.js';
import { batchesDir } from '../../electron/core/unit/batch.js';
import { startFolderImport } from '../../electron/core/unit/intake.js';
import { publicize, recordObjection } from '../../electron/core/unit/publicity.js';
import { syntheticJpeg } from '../../electron/core/unit/syntheticPackage.js';
import { markMaterial, neededMaterials, setOpinion, setStatus } from '../../electron/core/unit/reviewService.js';
import { startSubmit } from '../../electron/core/unit/submit.js';
import { FOOTPRINT_TARGET } from '../../electron/core/unit/bench.js';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { startServer } from '../../electron/serve.js';
import { PASSPHRASE } from '../helpers/exportFixtures.js';
import { dossier } from '../helpers/cli.js';
import { abortedDownload, rawRequest } from '../helpers/http.js';
import { readEntries } from '../helpers/packageFixtures.js';
import { personArchive, scansFor, unitWorkspace, writePerson, type PersonPackage } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

const REASON = '经单位核实，申报材料真实有效，同意推荐。';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Unit {
  u: Workspace;
  people: PersonPackage[];
  ids: string[];
  /** The package files as received. */
  packageBytes: number;
}

/**
 * A unit's workspace with its key and `n` applicants imported from a folder, each package carrying
 * `megabytes` of scan bytes (real JPEGs carrying random comments, so that nothing dedupes): big enough that the
 * unit's own additions (its opinion page, notice and M-3, a few hundred KB) weigh as they would.
 */
async function unitWith(n: number, megabytes: number): Promise<Unit> {
  const u = unitWorkspace();
  await createWorkspaceKey(u, PASSPHRASE);
  const dir = tempDir();
  const people: PersonPackage[] = [];
  for (let i = 1; i <= n; i++) {
    const archive = personArchive(i);
    const scans = await scansFor(archive, i);
    const big = Math.round((megabytes * 1e6) / scans.length);
    for (const s of scans) s.source = { kind: 'bytes', bytes: await syntheticJpeg(big) };
    people.push(await writePerson(dir, i, { archive, scans }));
  }
  const status = await waitForJob((await startFolderImport(u, dir)).jobId);
  expect(status.unitImport?.map((r) => r.status)).toEqual(people.map(() => 'imported'));
  const ids = people.map((p) => status.unitImport!.find((r) => r.name === p.archive.profile.name)!.applicantId!);
  const packageBytes = people.reduce((sum, p) => sum + statSync(p.file).size, 0);
  return { u, people, ids, packageBytes };
}

/** Every needed material accepted, the opinion written, accepted (with a reason, should the gate ask one). */
function acceptAll(u: Workspace, ids: string[]): void {
  for (const applicantId of ids) {
    for (const material of neededMaterials(u, applicantId))
      markMaterial(u, { applicantId, material, decision: 'accepted' });
    setOpinion(u, { applicantId, opinion: '该同志申报材料真实完整，同意推荐。' });
    expect(setStatus(u, { applicantId, status: 'accepted', reason: REASON }).status).toBe('accepted');
  }
  const { publicity } = publicize(u, { applicantIds: ids, startDate: '2020-09-28' }, '2020-09-25');
  for (const applicantId of ids) {
    recordObjection(u, { publicityId: publicity.id, applicantId, outcome: 'no_objection', note: '' }, '2020-10-12');
  }
}

async function submit(u: Workspace, ids: string[], out?: string): Promise<JobStatus> {
  const reasons = Object.fromEntries(ids.map((id) => [id, REASON]));
  const { jobId } = await startSubmit(
    u,
    { applicantIds: ids, passphrase: PASSPHRASE, reasons },
    { today: '2020-10-12', out },
  );
  return waitForJob(jobId);
}

async function refusalOf(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DossierError) return e.toApiError();
    throw e;
  }
  throw new Error('not refused');
}

/** Whether a file of that name is anywhere under `dir`. */
function holds(dir: string, name: string): boolean {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((e) => e.name === name);
}

function databaseBytes(w: Workspace): number {
  w.db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(path.join(w.dataDir, 'dossier.sqlite')).size;
}

describe('a folder that stays small (issue 19)', () => {
  it('holds each byte at most about twice after intake, countersignature and a batch written where asked', async () => {
    const { u, people, ids, packageBytes } = await unitWith(2, 8);
    // The daily backup, as the app takes it soon after start — before the day's work.
    const daily = await autoBackup(u);
    expect(daily.created).toBe(true);
    acceptAll(u, ids);
    const out = tempDir();
    const status = await submit(u, ids, out);
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    const batch = status.batch!;

    // The batch: where asked, whole, recorded — and nowhere in the data folder.
    const file = path.join(out, batch.fileName);
    expect(readdirSync(out)).toEqual([batch.fileName]);
    expect(sha256(readFileSync(file))).toBe(batch.sha256);
    expect(batch.awaitingDownload).toBe(false);
    expect(holds(u.dataDir, batch.fileName)).toBe(false);
    expect(existsSync(batchesDir(u.dataDir)) ? readdirSync(batchesDir(u.dataDir)) : []).toEqual([]);
    const listed = await dispatch(u, 'unit:batches', {});
    expect(listed).toMatchObject({ ok: true, value: { batches: [{ ...batch, awaitingDownload: false }] } });

    // Each countersigned package: the applicant's file and the unit's addition, nothing kept twice.
    const entries = await readEntries(file);
    for (const [i, person] of people.entries()) {
      const inBatch = entries.find(
        (e) => e.path.startsWith('packages/') && e.path.includes(person.archive.profile.name),
      )!;
      const name = path.basename(inBatch.path);
      const row = findPackageRow(u.db, name)!;
      expect(row).toMatchObject({ level: 2, sha256: sha256(inBatch.bytes), size: inBatch.bytes.length });
      const packages = path.join(u.dataDir, 'packages');
      expect(existsSync(path.join(packages, name))).toBe(false);
      const added = statSync(path.join(packages, `${name}${ADDITION_EXTENSION}`)).size;
      expect(added).toBeLessThan(inBatch.bytes.length / 4);
      // The applicant's level-1 file, as received, byte for byte.
      expect(readFileSync(path.join(packages, path.basename(person.file))).equals(readFileSync(person.file))).toBe(
        true,
      );
      // Rebuilt for a download: the very bytes that were signed, and they verify at both levels.
      const download = (await openPackageDownload(u, name))!;
      const chunks: Buffer[] = [];
      for await (const c of download.stream) chunks.push(c as Buffer);
      expect(sha256(Buffer.concat(chunks))).toBe(row.sha256);
      if (i === 0) {
        const copy = path.join(tempDir(), name);
        writeFileSync(copy, Buffer.concat(chunks));
        const report = await verifyPackage(copy, { expectFingerprints: { 1: person.key.fingerprint } });
        expect(report.ok).toBe(true);
        expect(report.levels).toHaveLength(2);
      }
    }

    // The automatic backup after the countersignature: made, shares the workspace's files, restores.
    expect(status.autoBackup?.error).toBeNull();
    const after = path.join(u.dataDir, 'backups', status.autoBackup!.name!);
    expect((await listBackups(path.join(u.dataDir, 'backups'))).map((b) => b.file)).toContain(after);
    const info = await verifyBackup(after);
    expect(info).toMatchObject({ kind: 'folder', clean: true, packageFiles: 2 * people.length });
    const someScan = listStored(u.store).hashes[0]!;
    expect(statSync(path.join(after, 'store', someScan.slice(0, 2), someScan)).ino).toBe(
      statSync(storedPath(u.store, someScan)).ino,
    );

    // The measure: every file counted once, however many links it has.
    const usage = await folderUsage(u.dataDir);
    const ratio = usage.bytes / (packageBytes + databaseBytes(u));
    expect(ratio, JSON.stringify(usage.byEntry)).toBeLessThanOrEqual(FOOTPRINT_TARGET);
    expect(usage.byEntry['backups']!).toBeLessThan(packageBytes * 0.15);

    const target = path.join(tempDir(), 'restored');
    const restored = await restoreBackup(after, target);
    expect(restored.quickCheck).toEqual(['ok']);
    const r = openWorkspace(target);
    try {
      const name = path.basename(entries.find((e) => e.path.startsWith('packages/'))!.path);
      const again = (await openPackageDownload(r, name))!;
      const chunks: Buffer[] = [];
      for await (const c of again.stream) chunks.push(c as Buffer);
      expect(sha256(Buffer.concat(chunks))).toBe(findPackageRow(u.db, name)!.sha256);
      expect(r.db.prepare('SELECT count(*) AS n FROM unit_batch').get()).toEqual({ n: 1 });
    } finally {
      closeWorkspace(r);
    }
  }, 240_000);

  it('in the app, the batch waits in the workspace until downloaded whole, then only its record stays', async () => {
    const { u, ids } = await unitWith(1, 1);
    acceptAll(u, ids);
    const status = await submit(u, ids);
    expect(status.state).toBe('done');
    const batch = status.batch!;
    expect(batch.awaitingDownload).toBe(true);
    expect(readdirSync(batchesDir(u.dataDir))).toEqual([batch.fileName]);
    const server = await startServer({ workspace: u, staticDir: tempDir() });
    try {
      const url = `/batches/${encodeURIComponent(batch.fileName)}?token=${server.token}`;
      // A download that breaks off: the file stays for another try.
      const cut = await abortedDownload(server.port, url, 64 * 1024);
      expect(cut.whole).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(readdirSync(batchesDir(u.dataDir))).toEqual([batch.fileName]);
      // HEAD sends no file: it stays too.
      expect((await rawRequest(server.port, 'HEAD', url)).status).toBe(200);
      expect(readdirSync(batchesDir(u.dataDir))).toEqual([batch.fileName]);
      // The whole download: the bytes recorded; then the file is gone and the list says so.
      const reply = await rawRequest(server.port, 'GET', url);
      expect(reply.status).toBe(200);
      expect(sha256(reply.body)).toBe(batch.sha256);
      await expect.poll(() => readdirSync(batchesDir(u.dataDir))).toEqual([]);
      const listed = (await dispatch(u, 'unit:batches', {})) as { ok: true; value: { batches: BatchFile[] } };
      expect(listed.value.batches).toEqual([{ ...batch, awaitingDownload: false }]);
      expect((await rawRequest(server.port, 'GET', url)).status).toBe(404);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('refuses a place the batch cannot go before countersigning anyone, and never overwrites a file', async () => {
    const { u, ids } = await unitWith(1, 0.2);
    acceptAll(u, ids);
    const rowsBefore = u.db.prepare('SELECT count(*) AS n FROM package_file').get();
    const missing = await refusalOf(() =>
      startSubmit(
        u,
        { applicantIds: ids, passphrase: PASSPHRASE },
        { today: '2020-10-12', out: path.join(tempDir(), 'no', 'such', 'x.zip') },
      ),
    );
    expect(missing.code).toBe('wrong_target');
    expect(missing.message.zh).toContain('不是已有的文件夹');
    expect(missing.message.zh).toContain('未加签');
    expect(missing.issues?.[0]?.path).toBe('out');
    const existing = path.join(tempDir(), 'mine.zip');
    writeFileSync(existing, 'the officer’s own file');
    const taken = await refusalOf(() =>
      startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE }, { today: '2020-10-12', out: existing }),
    );
    expect(taken.code).toBe('wrong_target');
    expect(taken.message.zh).toContain('不会覆盖');
    expect(readFileSync(existing, 'utf8')).toBe('the officer’s own file');
    // Nothing countersigned, no batch, no backup after work.
    expect(u.db.prepare('SELECT count(*) AS n FROM package_file').get()).toEqual(rowsBefore);
    expect(u.db.prepare('SELECT count(*) AS n FROM unit_batch').get()).toEqual({ n: 0 });
    expect(existsSync(path.join(u.dataDir, 'backups'))).toBe(false);
    // A file name of their choosing in an existing folder is fine.
    const chosen = path.join(tempDir(), '报送批次-给市局.zip');
    const status = await submit(u, ids, chosen);
    expect(status.state).toBe('done');
    expect(status.batch?.fileName).toBe('报送批次-给市局.zip');
    expect(sha256(readFileSync(chosen))).toBe(status.batch?.sha256);
  }, 120_000);

  it('dossier unit-submit writes the batch where --out says, and says what it did; bad usage changes nothing', async () => {
    const { u, people, ids } = await unitWith(1, 0.2);
    acceptAll(u, ids);
    const dataDir = u.dataDir;
    const secret = path.join(tempDir(), 'pass.txt');
    writeFileSync(secret, `${PASSPHRASE}\n`);
    const rows = () => u.db.prepare('SELECT count(*) AS n FROM package_file').get();
    const before = rows();
    // No --out, no applicant, an unknown applicant, a folder that does not exist: exit 2, nothing written.
    const noOut = await dossier('unit-submit', ids[0]!, '--data', dataDir, '--passphrase-file', secret);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('请用 --out 指定报送批次的保存位置');
    expect((await dossier('unit-submit', '--out', tempDir(), '--data', dataDir)).code).toBe(2);
    const unknown = await dossier(
      'unit-submit',
      'nobody',
      '--out',
      tempDir(),
      '--data',
      dataDir,
      '--passphrase-file',
      secret,
      '--lang',
      'en',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No applicant "nobody"');
    const nowhere = path.join(tempDir(), 'missing', 'b.zip');
    const bad = await dossier('unit-submit', ids[0]!, '--out', nowhere, '--data', dataDir, '--passphrase-file', secret);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('不是已有的文件夹');
    expect(rows()).toEqual(before);

    // By package id, into a folder: the batch there, its fingerprint printed, the backup after it named.
    const out = tempDir();
    const ok = await dossier(
      'unit-submit',
      people[0]!.packageId,
      '--out',
      out,
      '--data',
      dataDir,
      '--passphrase-file',
      secret,
      '--reason',
      REASON,
    );
    expect(ok.code, ok.err).toBe(0);
    const [name] = readdirSync(out);
    expect(name).toMatch(/^报送批次-.+\.zip$/);
    expect(ok.out).toContain(`已写出报送批次：${path.join(out, name!)}`);
    expect(ok.out).toContain(`SHA-256 ${sha256(readFileSync(path.join(out, name!)))}`);
    expect(ok.out).toMatch(/已自动备份工作区：dossier-\d{4}-\d{2}-\d{2}-\d{6}\.zcbak/);
    expect(holds(dataDir, name!)).toBe(false);
  }, 120_000);

  it('a store file changed in place after a backup linked it: reported by the verify, never restored', async () => {
    const { u } = await unitWith(1, 0.5);
    const backup = path.join(u.dataDir, 'backups', 'dossier-manual-20250302-101500.zcbak');
    const made = await createFolderBackup(u, backup);
    expect(made).toMatchObject({ kind: 'folder', clean: true });
    expect(await verifyBackup(backup)).toMatchObject({ clean: true });
    // A copy elsewhere (its links become plain files) stays good whatever happens to the workspace.
    const copy = path.join(tempDir(), 'copy.zcbak');
    cpSync(backup, copy, { recursive: true });

    const victim = listStored(u.store).hashes[0]!;
    const file = storedPath(u.store, victim);
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x01;
    writeFileSync(file, bytes); // in place: the backup's link sees it too
    const e = await refusalOf(() => verifyBackup(backup));
    expect(e.code).toBe('backup_damaged');
    expect(e.message.zh).toContain(`store/${victim.slice(0, 2)}/${victim}`);
    expect(e.message.zh).toContain('备份后被改动过');
    expect(e.message.en).toContain('does not match its SHA-256');
    const target = path.join(tempDir(), 'restored');
    const refused = await refusalOf(() => restoreBackup(backup, target));
    expect(refused.code).toBe('backup_damaged');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(path.dirname(target))).toEqual([]);

    // The independent copy restores, with the file as it was.
    const good = await restoreBackup(copy, target);
    expect(good.quickCheck).toEqual(['ok']);
    expect(sha256(readFileSync(path.join(target, 'store', victim.slice(0, 2), victim)))).toBe(victim);
  }, 120_000);

  it('reports an after-work backup that cannot be made, and never fails the work for it', async () => {
    const u = unitWorkspace();
    writeFileSync(path.join(u.dataDir, 'backups'), 'a file where the backups folder should be');
    const done = await waitForJob(
      startJob((job) =>
        withBackupAfter(u, job, async (j) => j.progress(1, 1, { zh: '已写出报送批次', en: 'Batch written' })),
      ),
    );
    expect(done.state).toBe('done');
    expect(done.error).toBeNull();
    expect(done.autoBackup?.name).toBeNull();
    expect(done.autoBackup?.error?.zh).toContain('随后的自动备份未能完成');
    expect(done.autoBackup?.error?.en).toContain('Make a backup by hand');
    // The work's own last line is what the job says in the end.
    expect(done.step.zh).toBe('已写出报送批次');

    // The work failed after doing part of it: the backup is still taken, and the job fails as it would have.
    rmSync(path.join(u.dataDir, 'backups'));
    const failed = await waitForJob(
      startJob((job) =>
        withBackupAfter(u, job, async () => {
          throw new DossierError('source_changed', { zh: '申报包已改动', en: 'a package changed' });
        }),
      ),
    );
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('source_changed');
    expect(failed.autoBackup?.name).toMatch(/^dossier-\d{4}-\d{2}-\d{2}-\d{6}\.zcbak$/);
    expect(await verifyBackup(path.join(u.dataDir, 'backups', failed.autoBackup!.name!))).toMatchObject({
      clean: true,
    });
  });

  it('refuses a backup folder whose entry was swapped for a link elsewhere, or lost, naming it', async () => {
    const { u } = await unitWith(1, 0.2);
    const backup = path.join(tempDir(), 'b.zcbak');
    await createFolderBackup(u, backup);
    const pkg = readdirSync(path.join(backup, 'packages'))[0]!;
    rmSync(path.join(backup, 'packages', pkg));
    const gone = await refusalOf(() => verifyBackup(backup));
    expect(gone.code).toBe('backup_damaged');
    expect(gone.message.zh).toContain(`packages/${pkg}`);
    expect(gone.message.zh).toContain('不见了');
    symlinkSync(path.join(u.dataDir, 'packages', pkg), path.join(backup, 'packages', pkg));
    const linked = await refusalOf(() => verifyBackup(backup));
    expect(linked.message.zh).toContain('不是普通文件');
    // Not a backup at all: an empty folder, or one with a manifest of another kind.
    const empty = tempDir();
    expect((await refusalOf(() => verifyBackup(empty))).code).toBe('wrong_backup');
    writeFileSync(path.join(empty, 'backup-manifest.json'), '{"format":"something else"}');
    expect((await refusalOf(() => restoreBackup(empty, path.join(tempDir(), 'x')))).code).toBe('wrong_backup');
  }, 120_000);
});
