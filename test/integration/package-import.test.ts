// Import of signed packages (issue 6) on real workspaces: verified first, then written in one transaction;
// export → import (key restored from its backup) → export gives the same manifest and bytes; the same
// package again changes nothing; a reviewed package coming back is recorded beside the archive (kept); every
// tampered or broken package, and a failure mid-way, leaves nothing imported. And the browser mode's
// routes: POST /api/package (token, origin, size) and GET /packages/<name>.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, JobStatus } from '../../shared/api/contract.js';
import { createApplicant, exportArchiveJson, readArchive, saveSection } from '../../electron/core/archiveService.js';
import { listAttachments } from '../../electron/core/attachments/attachmentService.js';
import { listStored, realIo, type StoreIo } from '../../electron/core/attachments/store.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { listForms } from '../../electron/core/forms/formsService.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { canonicalBytes } from '../../electron/core/package/canonicalJson.js';
import { startImport, verifyUpload } from '../../electron/core/package/importService.js';
import { sign } from '../../electron/core/package/sm2.js';
import { addLevel } from '../../electron/core/package/writePackage.js';
import { receiveUpload, registerPath } from '../../electron/core/package/uploads.js';
import { getParams, setParams } from '../../electron/core/rulesService.js';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { startServer, type Server } from '../../electron/serve.js';
import { exportOk, filesIn, keyFileText, PASSPHRASE, readyWorkspace, workspaceIn } from '../helpers/exportFixtures.js';
import { rawRequest } from '../helpers/http.js';
import { createdBy, makeKey, readEntries, rebuild, replace, type RawEntry } from '../helpers/packageFixtures.js';
import { flipByte } from '../helpers/zipcraft.js';
import { tempDir } from '../helpers/workspace.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** One exported package for the whole file (an export takes seconds), copied out of its workspace. */
let shared: string;
let fixture: {
  file: string;
  keyBackup: string;
  fingerprint: string;
  archiveJson: string;
  manifestSha256: string;
  sha256: string;
  packageId: string;
  attachments: { id: string; fileName: string; links: unknown[] }[];
};
beforeAll(async () => {
  shared = mkdtempSync(path.join(os.tmpdir(), 'dossier-import-'));
  const { w, applicantId, fingerprint } = await readyWorkspace({ dir: path.join(shared, 'source') });
  // A parameter that is not the default: it travels with the package (M-3 prints the publicity dates).
  setParams(w.db, { params: { publicityStart: '2020-08-20', publicityEnd: '2020-08-26' }, who: 'test' });
  const exported = await exportOk(w, applicantId);
  const file = path.join(shared, exported.fileName);
  copyFileSync(exported.path, file);
  fixture = {
    file,
    keyBackup: keyFileText(w),
    fingerprint,
    archiveJson: exportArchiveJson(w.db, applicantId).json,
    manifestSha256: exported.manifestSha256,
    sha256: exported.sha256,
    packageId: exported.packageId,
    attachments: listAttachments(w, { applicantId }).attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      links: a.links.map((l) => [l.slot, l.recordId, l.page]),
    })),
  };
}, 60_000);
afterAll(() => rmSync(shared, { recursive: true, force: true }));

async function importFile(
  w: Workspace,
  file: string,
  options: { expectFingerprint?: string; trustUnitKey?: string } = {},
): Promise<JobStatus> {
  const { uploadId } = await receiveUpload(w, [readFileSync(file)], { fileName: path.basename(file) });
  const { jobId } = await startImport(w, { uploadId, ...options });
  return waitForJob(jobId);
}

const count = (w: Workspace, table: string) =>
  (w.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Nothing imported: no rows, no stored file, no temp file, nothing left in incoming/ or packages/. */
function expectNothingImported(w: Workspace): void {
  for (const table of ['applicant', 'record', 'attachment', 'attachment_link', 'generated_file', 'package_file'])
    expect([table, count(w, table)]).toEqual([table, 0]);
  expect(listStored(w.store).hashes).toEqual([]);
  expect(filesIn(path.join(w.store.dir, 'tmp'))).toEqual([]);
  expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
  expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([]);
}

/** A fresh workspace with the applicant's key restored from its backup (keys:importBackup). */
async function freshWithKey(): Promise<Workspace> {
  const w = workspaceIn();
  const res = await dispatch(w, 'keys:importBackup', { json: fixture.keyBackup, passphrase: PASSPHRASE });
  expect(res).toMatchObject({ ok: true, value: { exists: true, fingerprint: fixture.fingerprint } });
  return w;
}

describe('package import', () => {
  it('verifies an upload without importing anything', async () => {
    const w = workspaceIn();
    const { uploadId, fileName } = await receiveUpload(w, [readFileSync(fixture.file)], { fileName: 'x/申报包.zcpkg' });
    expect(fileName).toBe('申报包.zcpkg');
    const report = await verifyUpload(w, { uploadId, expectFingerprint: fixture.fingerprint.toUpperCase() });
    expect(report).toMatchObject({ ok: true, file: '申报包.zcpkg', packageId: fixture.packageId, revision: 1 });
    const wrong = await verifyUpload(w, { uploadId, expectFingerprint: 'ab'.repeat(32) });
    expect(wrong.problems.map((p) => p.code)).toEqual(['unexpected_signer']);
    expect(count(w, 'applicant')).toBe(0);
    expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([uploadId]);
    expect(filesIn(path.join(w.dataDir, 'incoming', uploadId))).toEqual(['申报包.zcpkg']);
  });

  it('round trip: export → import (key restored) → export gives the same manifest, revision and bytes', async () => {
    const w = await freshWithKey();
    const status = await importFile(w, fixture.file);
    expect(status.state).toBe('done');
    const outcome = status.imported as ImportOutcome;
    expect(outcome).toMatchObject({ status: 'imported', packageId: fixture.packageId, revision: 1 });
    const applicantId = outcome.applicantId;
    expect(exportArchiveJson(w.db, applicantId).json).toBe(fixture.archiveJson);
    // The same attachments: ids, names, links; the forms as they were made, none out of date.
    expect(
      listAttachments(w, { applicantId }).attachments.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        links: a.links.map((l) => [l.slot, l.recordId, l.page]),
      })),
    ).toEqual(fixture.attachments);
    const { forms, materials } = listForms(w, applicantId);
    for (const entry of [...forms, ...materials].filter((e) => e.file))
      expect([entry.file!.key, entry.stale]).toEqual([entry.file!.key, false]);
    expect(getParams(w.db).publicityStart).toBe('2020-08-20');
    // The package kept as received, recorded; nothing left in incoming/.
    const list = await dispatch(w, 'package:list', {});
    expect(list).toMatchObject({ ok: true, value: { packages: [{ direction: 'imported', sha256: fixture.sha256 }] } });
    expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
    expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([path.basename(fixture.file)]);

    const again = await exportOk(w, applicantId);
    expect(again).toMatchObject({ revision: 1, manifestSha256: fixture.manifestSha256, sha256: fixture.sha256 });
    expect(readFileSync(again.path).equals(readFileSync(fixture.file))).toBe(true);
  }, 60_000);

  it('the very same package again: unchanged, nothing written', async () => {
    const w = workspaceIn();
    const first = await importFile(w, fixture.file);
    const applicantId = (first.imported as ImportOutcome).applicantId;
    const before = {
      updatedAt: w.db.prepare('SELECT updated_at FROM applicant').get(),
      links: w.db.prepare('SELECT id FROM attachment_link ORDER BY id').all(),
      packages: w.db.prepare('SELECT * FROM package_file').all(),
      stored: listStored(w.store).hashes,
    };
    const second = await importFile(w, fixture.file);
    expect(second.imported).toEqual({ applicantId, status: 'unchanged', packageId: fixture.packageId, revision: 1 });
    expect({
      updatedAt: w.db.prepare('SELECT updated_at FROM applicant').get(),
      links: w.db.prepare('SELECT id FROM attachment_link ORDER BY id').all(),
      packages: w.db.prepare('SELECT * FROM package_file').all(),
      stored: listStored(w.store).hashes,
    }).toEqual(before);
    expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
  });

  it('after the archive was deleted, its package imports again (the kept file is reused, not a clash)', async () => {
    const w = workspaceIn();
    const first = await importFile(w, fixture.file);
    const applicantId = (first.imported as ImportOutcome).applicantId;
    expect(await dispatch(w, 'archive:delete', { applicantId })).toMatchObject({ ok: true });
    const again = await importFile(w, fixture.file);
    expect(again).toMatchObject({ state: 'done', imported: { status: 'imported', revision: 1 } });
    expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([path.basename(fixture.file)]);
    expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
  });

  it('a workspace holding another archive refuses it, unchanged', async () => {
    const w = workspaceIn();
    const other = createApplicant(w.db);
    const status = await importFile(w, fixture.file);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'workspace_not_empty' } });
    expect(w.db.prepare('SELECT id FROM applicant').all()).toEqual([{ id: other }]);
    expect(count(w, 'attachment')).toBe(0);
    expect(listStored(w.store).hashes).toEqual([]);
    expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
    expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([]);
  });

  it('a reviewed package coming back is recorded, keeping the edits made since; a re-signed level 1 is refused', async () => {
    const { w, applicantId } = await readyWorkspace();
    const exported = await exportOk(w, applicantId);
    const exportedJson = exportArchiveJson(w.db, applicantId).json;
    // The applicant goes on editing; then the unit's reviewed package (level 2 added) comes back.
    const profile = readArchive(w.db, applicantId).profile;
    saveSection(w.db, { applicantId, section: 'profile', data: { ...profile, phone: '13911112222' } });
    const dir = tempDir();
    const reviewed = path.join(dir, 'reviewed.zcpkg');
    const unit = makeKey();
    const decision = Buffer.from('{"decision":"approve"}');
    await addLevel(exported.path, reviewed, {
      files: [
        {
          path: 'content/review/unit-decision.json',
          source: { kind: 'bytes', bytes: decision },
          mediaType: 'application/json',
          role: 'review-decision',
        },
      ],
      key: unit,
      createdBy,
    });
    const editedJson = exportArchiveJson(w.db, applicantId).json;
    expect(editedJson).not.toBe(exportedJson);
    // The unit's key is confirmed (as against the opinion page) at the first level 2 (issue 13).
    const unconfirmed = await importFile(w, reviewed);
    expect(unconfirmed).toMatchObject({ state: 'failed', error: { code: 'unit_key_unconfirmed' } });
    const status = await importFile(w, reviewed, { trustUnitKey: unit.fingerprint });
    // Its level 1 is the one exported here: the unit's level is recorded, the archive (edited since) kept.
    expect(status.imported).toMatchObject({ applicantId, status: 'reviewed', revision: 1 });
    expect(w.db.prepare('SELECT id FROM applicant').all()).toEqual([{ id: applicantId }]);
    expect(exportArchiveJson(w.db, applicantId).json).toBe(editedJson);
    const rows = w.db
      .prepare<[], { file_name: string; level: number; direction: string }>(
        'SELECT file_name, level, direction FROM package_file ORDER BY level',
      )
      .all();
    expect(rows).toEqual([
      { file_name: exported.fileName, level: 1, direction: 'exported' },
      { file_name: exported.fileName.replace(/\.zcpkg$/, '-L2.zcpkg'), level: 2, direction: 'imported' },
    ]);
    expect(readFileSync(path.join(w.dataDir, 'packages', rows[1]!.file_name)).equals(readFileSync(reviewed))).toBe(
      true,
    );
    // The edit makes the next export revision 2, which names the reviewed package it corrects.
    const second = await exportOk(w, applicantId);
    expect(second.revision).toBe(2);
    const supersedes = w.db
      .prepare<[], { supersedes: string }>('SELECT supersedes FROM package_file WHERE revision = 2')
      .get();
    expect(JSON.parse(supersedes!.supersedes)).toMatchObject({ revision: 1, level: 2 });

    // Level 1 altered (a scan replaced) and re-signed by someone else's key: verifies, but is not ours.
    const mallory = makeKey();
    const forged = await rebuild(exported.path, path.join(dir, 'forged.zcpkg'), (es) =>
      forge(es, mallory, (m, entries) => {
        const target = m.files.find((f) => f.role === 'attachment')!;
        const bytes = Buffer.concat([entry(entries, target.path), Buffer.from('x')]);
        target.sha256 = sha256(bytes);
        target.size = bytes.length;
        return replace(entries, target.path, bytes);
      }),
    );
    const before = exportArchiveJson(w.db, applicantId).json;
    const refused = await importFile(w, forged);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'unexpected_signer' } });
    expect(exportArchiveJson(w.db, applicantId).json).toBe(before);
    // r1, r1-L2 and the r2 exported above: nothing of the forged file was recorded.
    expect(count(w, 'package_file')).toBe(3);
  }, 90_000);

  it('every tampered or broken package is refused with the reason, nothing imported', async () => {
    const dir = tempDir();
    const entries = await readEntries(fixture.file);
    const manifest = JSON.parse(entry(entries, 'META-INF/manifest-L1.json').toString('utf8')) as ManifestLike;
    const scan = manifest.files.find((f) => f.role === 'attachment')!.path;
    const raw = readFileSync(fixture.file);
    const at = (name: string, offset: number) => raw.indexOf(entry(entries, name)) + offset;
    const mallory = makeKey();
    const invalid = 'package_not_valid';
    const cases: [string, string, string, string, { expectFingerprint?: string }?][] = [
      ['attachment byte', write(dir, 'a.zcpkg', flipByte(raw, at(scan, 100))), invalid, 'CRC-32'],
      ['manifest byte', write(dir, 'm.zcpkg', flipByte(raw, at('META-INF/manifest-L1.json', 20))), invalid, 'manifest'],
      ['signature byte', write(dir, 's.zcpkg', flipByte(raw, at('META-INF/manifest-L1.sig', 30))), invalid, 'sig'],
      [
        'attachment replaced (CRC right)',
        await rebuild(fixture.file, path.join(dir, 'r.zcpkg'), (es) => replace(es, scan, Buffer.from('not the scan'))),
        invalid,
        'SHA-256',
      ],
      [
        'file added',
        await rebuild(fixture.file, path.join(dir, 'add.zcpkg'), (es) => [
          ...es,
          { path: 'content/extra.txt', bytes: Buffer.from('x') },
        ]),
        invalid,
        'no manifest lists it',
      ],
      [
        'file removed',
        await rebuild(fixture.file, path.join(dir, 'rm.zcpkg'), (es) => es.filter((e) => e.path !== scan)),
        invalid,
        'is not in the package',
      ],
      [
        're-signed by another key (F-1 fingerprint given)',
        await rebuild(fixture.file, path.join(dir, 'forged.zcpkg'), (es) => forge(es, mallory, (_m, e) => e)),
        invalid,
        're-signed',
        { expectFingerprint: fixture.fingerprint },
      ],
      ['0 bytes', write(dir, 'empty.zcpkg', Buffer.alloc(0)), 'package_empty', '"empty.zcpkg"'],
      ['not a ZIP', write(dir, 'text.zcpkg', Buffer.from('这不是申报包'.repeat(100))), 'not_a_package', '"text.zcpkg"'],
      ['truncated', write(dir, 'cut.zcpkg', raw.subarray(0, raw.length - 100)), 'zip_truncated', 'incomplete'],
    ];
    for (const [name, file, code, says, options] of cases) {
      const w = workspaceIn();
      const status = await importFile(w, file, options);
      expect([name, status.state, status.error?.code]).toEqual([name, 'failed', code]);
      expect(status.error!.message.en).toContain(says);
      expect(status.error!.message.zh.length).toBeGreaterThan(0);
      expectNothingImported(w);
    }
  }, 60_000);

  it('a failure mid-way (a store write fails) leaves nothing imported', async () => {
    let writes = 0;
    const failing: StoreIo = {
      async write(handle: FileHandle, block: Buffer) {
        if (++writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return realIo.write(handle, block);
      },
    };
    const w = workspaceIn(tempDir(), failing);
    const status = await importFile(w, fixture.file);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'disk_full' } });
    expect(writes).toBeGreaterThanOrEqual(3);
    expectNothingImported(w);
    // The same workspace takes the package once the disk has room again.
    expect((await importFile(w, fixture.file)).imported).toMatchObject({ status: 'imported' });
  });

  it('a desktop path (package:openPath) is read where it is, copied in, and never changed', async () => {
    const w = workspaceIn();
    const mine = path.join(tempDir(), '我的申报包.zcpkg');
    copyFileSync(fixture.file, mine);
    const opened = await dispatch(w, 'package:openPath', { path: mine });
    expect(opened).toMatchObject({ ok: true, value: { fileName: '我的申报包.zcpkg' } });
    const { uploadId } = (opened as { value: { uploadId: string } }).value;
    const { jobId } = await startImport(w, { uploadId });
    expect((await waitForJob(jobId)).imported).toMatchObject({ status: 'imported' });
    expect(readFileSync(mine).equals(readFileSync(fixture.file))).toBe(true);
    expect(await dispatch(w, 'package:verify', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'upload_unknown' },
    });
    expect((await registerPath(w, mine)).size).toBe(readFileSync(mine).length);
  });
});

describe('package routes of the browser mode', () => {
  let server: Server;
  let w: Workspace;
  beforeAll(async () => {
    // Opened for the whole block (workspaceIn would close it after the first test).
    w = openWorkspace(mkdtempSync(path.join(shared, 'http-')));
    const staticDir = path.join(shared, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    server = await startServer({ workspace: w, staticDir, maxPackageBytes: 4 * 2 ** 20 });
  });
  afterAll(async () => {
    await server.close();
    closeWorkspace(w);
  });

  const upload = (body: Buffer, headers: Record<string, string> = {}) =>
    rawRequest(server.port, 'POST', `/api/package?name=${encodeURIComponent('申报包.zcpkg')}`, {
      headers: { 'x-dossier-token': server.token, ...headers },
      body,
    });
  const json = (r: { body: Buffer }) => JSON.parse(r.body.toString('utf8'));

  it('refuses an upload without the token, from a foreign origin, or too large; keeps nothing', async () => {
    const bytes = readFileSync(fixture.file);
    expect((await upload(bytes, { 'x-dossier-token': '' })).status).toBe(401);
    expect((await upload(bytes, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload(bytes, { host: 'evil.example' })).status).toBe(403);
    const get = await rawRequest(server.port, 'GET', '/api/package?name=x.zcpkg', {
      headers: { 'x-dossier-token': server.token },
    });
    expect(get.status).toBe(405);
    const big = Buffer.alloc(5 * 2 ** 20, 1);
    const declared = await upload(big, { 'content-length': String(big.length) });
    expect([declared.status, json(declared).error.code]).toEqual([413, 'too_large']);
    const streamed = await upload(big).catch(() => null);
    if (streamed) expect(json(streamed)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
  });

  it('uploads, verifies, imports, and serves the package file for download (token, recorded names only)', async () => {
    const res = await upload(readFileSync(fixture.file));
    expect(res.status).toBe(200);
    const { uploadId, size } = json(res).value;
    expect(size).toBe(readFileSync(fixture.file).length);
    const api = async (method: string, input: unknown) =>
      json(
        await rawRequest(server.port, 'POST', `/api/${method}`, {
          headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
          body: JSON.stringify(input),
        }),
      );
    expect(await api('package:verify', { uploadId })).toMatchObject({ ok: true, value: { ok: true } });
    // Desktop only: a path cannot be named over HTTP.
    expect(await api('package:openPath', { path: fixture.file })).toMatchObject({
      ok: false,
      error: { code: 'desktop_only' },
    });
    const { jobId } = (await api('package:import', { uploadId })).value;
    let status: JobStatus;
    do status = (await api('jobs:status', { jobId })).value;
    while (status.state === 'running');
    expect(status.imported).toMatchObject({ status: 'imported' });

    const name = path.basename(fixture.file);
    const url = `/packages/${encodeURIComponent(name)}`;
    const download = await rawRequest(server.port, 'GET', `${url}?token=${server.token}`);
    expect(download.status).toBe(200);
    expect(download.body.equals(readFileSync(fixture.file))).toBe(true);
    expect(download.headers['content-type']).toBe('application/vnd.dossier.package+zip');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="${fixture.packageId}-r1.zcpkg"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect((await rawRequest(server.port, 'GET', url)).status).toBe(401);
    expect((await rawRequest(server.port, 'GET', `${url}x?token=${server.token}`)).status).toBe(404);
    expect((await rawRequest(server.port, 'GET', `/packages/..%2Fdossier.sqlite?token=${server.token}`)).status).toBe(
      404,
    );
    // Malformed percent-encoding is the caller's mistake (issue 13): 400, not a lookup.
    expect((await rawRequest(server.port, 'GET', `/packages/%E0%A4%A?token=${server.token}`)).status).toBe(400);
  });
});

interface ManifestLike {
  files: { path: string; role: string; sha256: string; size: number }[];
  signer: { fingerprint: string };
}

function entry(entries: RawEntry[], p: string): Buffer {
  return entries.find((e) => e.path === p)!.bytes;
}

function write(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Level 1's manifest edited (and the entries with it), then signed by `key` with its own key file. */
function forge(
  entries: RawEntry[],
  key: ReturnType<typeof makeKey>,
  edit: (m: ManifestLike, entries: RawEntry[]) => RawEntry[],
): RawEntry[] {
  const manifest = JSON.parse(entry(entries, 'META-INF/manifest-L1.json').toString('utf8')) as ManifestLike;
  let out = edit(manifest, entries);
  manifest.signer.fingerprint = key.fingerprint;
  const bytes = canonicalBytes(manifest);
  out = replace(out, 'META-INF/manifest-L1.json', bytes);
  out = replace(out, 'META-INF/manifest-L1.sig', sign(bytes, key));
  return replace(out, 'META-INF/signer-L1.pem', Buffer.from(key.publicKeyPem));
}
