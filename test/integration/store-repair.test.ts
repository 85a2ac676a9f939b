// Issue 13, item 1 — the workspace always opens when its database is sound: a damaged and a missing store
// file never block the start (CLI and browser mode), they are named (store:health for the banner and the
// cards, `doctor --json`, `doctor --full` every time, refusals of the material PDF naming each file), and
// adding the same file again heals them. Real files, real SQLite, a real HTTP server.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import { addAttachmentFromFile, listAttachments } from '../../electron/core/attachments/attachmentService.js';
import { storeHealth } from '../../electron/core/attachments/health.js';
import { spotCheck, verifyStore } from '../../electron/core/attachments/verify.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { DossierError } from '../../electron/core/errors.js';
import { mergeMaterial } from '../../electron/core/forms/materialPdf.js';
import { checkWorkspace } from '../../electron/core/startupCheck.js';
import { workspaceToOpen } from '../../electron/core/startupRecovery.js';
import { closeWorkspace, openWorkspace, readSampleJson, type Workspace } from '../../electron/core/workspace.js';
import { startServer } from '../../electron/serve.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { Manifest, manifestPath } from '../../electron/core/package/manifest.js';
import { listPackageRows } from '../../electron/core/package/packageRepo.js';
import { openPackage, type OpenedPackage } from '../../electron/core/package/zipRead.js';
import { packagesDir } from '../../electron/core/paths.js';
import { startFolderImport } from '../../electron/core/unit/intake.js';
import type { StoreHealth } from '../../shared/attachments/schema.js';
import { dossier } from '../helpers/cli.js';
import { readyWorkspace, runExport } from '../helpers/exportFixtures.js';
import { makeJpeg, makePdf, makePng, writeFile } from '../helpers/files.js';
import { rawRequest } from '../helpers/http.js';
import { call, unitWith } from '../helpers/unitFlow.js';
import { tempDir } from '../helpers/workspace.js';

async function readManifestFiles(pkg: OpenedPackage) {
  const { bytes } = await pkg.readBytes(pkg.entry(manifestPath(1))!, 1 << 22);
  return Manifest.parse(JSON.parse(bytes.toString('utf8'))).files;
}

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) closeWorkspace(opened.pop()!);
});

interface Damaged {
  dataDir: string;
  /** The scans as the user has them (to add again). */
  scans: { damaged: string; missing: string; sound: string };
  sha: { damaged: string; missing: string };
  ids: { damaged: string; missing: string };
}

/** The sample applicant with three scans, then one store file damaged (a flipped byte) and one deleted. */
async function damagedWorkspace(): Promise<Damaged> {
  const dataDir = path.join(tempDir(), 'ws');
  const w = openWorkspace(dataDir);
  archive.importArchiveJson(w.db, readSampleJson());
  const files = tempDir();
  const scans = {
    damaged: writeFile(files, '学位证.jpg', await makeJpeg(600, 400, { noise: true })),
    missing: writeFile(files, '论文.pdf', await makePdf(2)),
    sound: writeFile(files, '职称证.png', await makePng(300, 200, 7)),
  };
  const damaged = (await addAttachmentFromFile(w, scans.damaged)).attachment;
  const missing = (await addAttachmentFromFile(w, scans.missing)).attachment;
  await addAttachmentFromFile(w, scans.sound);
  closeWorkspace(w);
  const store = { dir: path.join(dataDir, 'store') } as Workspace['store'];
  const file = storedPath(store, damaged.sha256);
  const bytes = readFileSync(file);
  bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0x01, bytes.length >> 1);
  writeFileSync(file, bytes);
  rmSync(storedPath(store, missing.sha256));
  return {
    dataDir,
    scans,
    sha: { damaged: damaged.sha256, missing: missing.sha256 },
    ids: { damaged: damaged.id, missing: missing.id },
  };
}

function open(dir: string): Workspace {
  const w = openWorkspace(dir);
  opened.push(w);
  return w;
}

const never = async () => {
  throw new Error('the start-up check must not ask: a scan never blocks');
};

describe('a damaged and a missing scan', () => {
  it('never block the start, and are named by doctor (--json, --full, every time)', async () => {
    const d = await damagedWorkspace();
    // The start (CLI serve and desktop): opens the folder itself, asking nothing, re-hashing nothing.
    expect(await workspaceToOpen(d.dataDir, never)).toBe(d.dataDir);

    // doctor --json names each file by the attachments holding it; exit 1 (problems), never a refusal to open.
    const json = await dossier('doctor', '--data', d.dataDir, '--json', '--sample', '0');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as Awaited<ReturnType<typeof checkWorkspace>>;
    expect(report.opens).toBe(true);
    expect(report.blocking).toEqual([]);
    expect(report.store.files).toEqual([
      { sha256: d.sha.missing, state: 'missing', attachments: [expect.objectContaining({ fileName: '论文.pdf' })] },
    ]);
    // The full check is deterministic: the damaged file is found on every run, never by chance.
    for (let run = 0; run < 3; run++) {
      const full = await dossier('doctor', '--data', d.dataDir, '--json', '--full');
      expect(full.code).toBe(1);
      const r = JSON.parse(full.out) as typeof report;
      expect(r.store).toMatchObject({ full: true, sampled: 2, damaged: [d.sha.damaged], missing: [d.sha.missing] });
      expect(r.store.files.map((f) => [f.state, f.attachments.map((a) => a.fileName)])).toEqual([
        ['missing', ['论文.pdf']],
        ['damaged', ['学位证.jpg']],
      ]);
      expect(r.problems.map((p) => p.zh).join('\n')).toMatch(/论文\.pdf[\s\S]*学位证\.jpg/);
    }
    const text = await dossier('doctor', '--data', d.dataDir, '--full');
    expect(text.out).toContain('缺失：论文.pdf');
    expect(text.out).toContain('损坏：学位证.jpg');
    expect(text.out).not.toContain('dossier restore');
  });

  it('are named at their cards (store:health) and by the material PDF, and adding them again heals', async () => {
    const d = await damagedWorkspace();
    const w = open(d.dataDir);
    // Missing: seen at once. Damaged: known once a check has re-hashed it (the spot check after opening).
    expect(await storeHealth(w)).toMatchObject({ missing: [{ sha256: d.sha.missing }], damaged: [] });
    await spotCheck(w);
    const health = await storeHealth(w);
    expect(health.damaged).toEqual([
      { sha256: d.sha.damaged, attachments: [expect.objectContaining({ id: d.ids.damaged, fileName: '学位证.jpg' })] },
    ]);

    // The merged material PDF names both files at once, not just the first it meets.
    const refusal = await mergeMaterial(
      w,
      [
        { attachmentId: d.ids.damaged, bookmark: 'a' },
        { attachmentId: d.ids.missing, bookmark: 'b' },
      ] as Parameters<typeof mergeMaterial>[1],
      { title: 'M-4' },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(DossierError);
    expect((refusal as DossierError).localized.zh).toContain('“学位证.jpg”（已损坏）');
    expect((refusal as DossierError).localized.zh).toContain('“论文.pdf”（缺失）');
    expect((refusal as DossierError).localized.en).toContain('"论文.pdf" (missing)');

    // Repair in place: the same files added again rewrite the store's bytes (content-addressed).
    const again = await addAttachmentFromFile(w, d.scans.damaged);
    expect(again).toMatchObject({ isDuplicate: true, attachment: { id: d.ids.damaged } });
    await addAttachmentFromFile(w, d.scans.missing);
    expect(await storeHealth(w)).toEqual({ missing: [], damaged: [] });
    expect((await verifyStore(w)).isOk).toBe(true);
    const healed = await dossier('doctor', '--data', d.dataDir, '--full', '--json');
    expect(healed.code).toBe(0);
  });

  it('the export refuses naming every unreadable scan, before any form is made', async () => {
    const { w, applicantId } = await readyWorkspace();
    const scans = listAttachments(w, { applicantId }).attachments.filter((a) => a.deletedAt === null);
    expect(scans.length).toBeGreaterThanOrEqual(2);
    const [first, second] = scans as [(typeof scans)[0], (typeof scans)[0]];
    const bytes = readFileSync(storedPath(w.store, first.sha256));
    bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0x01, bytes.length >> 1);
    writeFileSync(storedPath(w.store, first.sha256), bytes);
    await spotCheck(w, 1000);
    rmSync(storedPath(w.store, second.sha256));
    const status = await runExport(w, applicantId);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'store_missing' } });
    expect(status.error?.message.zh).toContain('未写出申报包');
    expect(status.error?.message.zh).toContain(`“${first.fileName}”（已损坏）`);
    expect(status.error?.message.zh).toContain(`“${second.fileName}”（缺失）`);
    expect(status.files).toEqual([]);
  });

  it('the browser mode opens on them (as `dossier serve` does), names them over HTTP, and an upload heals', async () => {
    const d = await damagedWorkspace();
    // serve's own steps (cli.ts): the start-up check, open, the server. (The e2e spec runs the real process.)
    const w = open(await workspaceToOpen(d.dataDir, never));
    const server = await startServer({ workspace: w, staticDir: path.join(tempDir(), 'renderer') });
    try {
      const call = async <T>(method: string, input: unknown = {}) => {
        const reply = await rawRequest(server.port, 'POST', `/api/${method}`, {
          headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
          body: JSON.stringify(input),
        });
        return (JSON.parse(reply.body.toString()) as { value: T }).value;
      };
      const status = await call<{ applicantId: string | null }>('workspace:status');
      expect(status.applicantId).not.toBeNull();
      // The full check as the 备份与检查 screen runs it: a job whose result names both files.
      const { jobId } = await call<{ jobId: string }>('store:verifyStart');
      let job: { state: string; storeVerify?: { missing: unknown[]; damaged: unknown[] } };
      do job = await call('jobs:status', { jobId });
      while (job.state === 'running');
      expect(job).toMatchObject({ state: 'done', storeVerify: { missing: [{ sha256: d.sha.missing }] } });
      expect(job.storeVerify?.damaged).toEqual([expect.objectContaining({ sha256: d.sha.damaged })]);
      const health = await call<StoreHealth>('store:health');
      expect(health.missing.map((m) => m.attachments[0]?.fileName)).toEqual(['论文.pdf']);
      expect(health.damaged.map((m) => m.attachments[0]?.fileName)).toEqual(['学位证.jpg']);

      for (const file of [d.scans.damaged, d.scans.missing]) {
        const name = encodeURIComponent(path.basename(file));
        const reply = await rawRequest(server.port, 'POST', `/api/upload?name=${name}`, {
          headers: { 'x-dossier-token': server.token, 'content-type': 'application/octet-stream' },
          body: readFileSync(file),
        });
        expect(reply.status).toBe(200);
      }
      expect(await call<StoreHealth>('store:health')).toEqual({ missing: [], damaged: [] });
    } finally {
      await server.close();
    }
  });
});

/** Flips one byte in the middle of a file (a damaged sector, as the start-up spot check finds it). */
function flipByte(file: string): void {
  const bytes = readFileSync(file);
  bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0x01, bytes.length >> 1);
  writeFileSync(file, bytes);
}

describe('repaired from the packages kept here (store:repair)', () => {
  it("a unit's damaged and missing scans come back from the applicant's package, byte for byte", async () => {
    const { u, ids } = await unitWith(1);
    const scans = listAttachments(u, { applicantId: ids[0]! }).attachments;
    expect(scans.length).toBeGreaterThanOrEqual(2);
    const [damaged, missing] = scans as [(typeof scans)[0], (typeof scans)[0]];
    const good = readFileSync(storedPath(u.store, damaged.sha256));
    flipByte(storedPath(u.store, damaged.sha256));
    rmSync(storedPath(u.store, missing.sha256));
    await spotCheck(u, 1000);
    expect((await storeHealth(u)).damaged).toHaveLength(1);

    const result = await call<{ repaired: string[]; remaining: string[]; message: { zh: string } }>(
      u,
      'store:repair',
      {},
    );
    expect(result.repaired.sort()).toEqual([damaged.fileName, missing.fileName].sort());
    expect(result.remaining).toEqual([]);
    expect(result.message.zh).toContain('已从本机保存的申报包修复 2 个附件文件');
    expect(readFileSync(storedPath(u.store, damaged.sha256)).equals(good)).toBe(true);
    expect(await storeHealth(u)).toEqual({ missing: [], damaged: [] });
    expect((await verifyStore(u)).isOk).toBe(true);
    // Nothing of the repair is left in the store's temp folder.
    expect(readdirSync(path.join(u.store.dir, 'tmp'))).toEqual([]);
    closeWorkspace(u);
  });

  it('a damaged copy in the kept package is not trusted: the scan stays named, its file untouched', async () => {
    const { u, ids, people } = await unitWith(1);
    const [scan] = listAttachments(u, { applicantId: ids[0]! }).attachments;
    rmSync(storedPath(u.store, scan!.sha256));
    // The same bytes, damaged, inside the package file the unit keeps.
    const kept = listPackageRows(u.db).find((r) => r.package_id === people[0]!.packageId)!;
    const file = path.join(packagesDir(u.dataDir), kept.file_name);
    const pkg = await openPackage(file);
    const entryPath = (await readManifestFiles(pkg)).find((f) => f.sha256 === scan!.sha256)!.path;
    const entry = pkg.entry(entryPath)!;
    await pkg.close();
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(entry.dataStart + 10) ^ 0xff, entry.dataStart + 10);
    writeFileSync(file, bytes);

    const result = await call<{ repaired: string[]; remaining: string[]; message: { zh: string; en: string } }>(
      u,
      'store:repair',
      {},
    );
    expect(result).toMatchObject({ repaired: [], remaining: [scan!.fileName] });
    expect(result.message.zh).toContain(`本机保存的申报包中没有以下文件：${scan!.fileName}`);
    expect(result.message.en).toMatch(/^No package kept here holds/);
    expect(existsSync(storedPath(u.store, scan!.sha256))).toBe(false);
    expect(readdirSync(path.join(u.store.dir, 'tmp'))).toEqual([]);
    closeWorkspace(u);
  });

  it('importing the same package again (unchanged) puts back its scans', async () => {
    const { u, ids, people } = await unitWith(1);
    const [scan] = listAttachments(u, { applicantId: ids[0]! }).attachments;
    flipByte(storedPath(u.store, scan!.sha256));
    await spotCheck(u, 1000);
    expect((await storeHealth(u)).damaged).toHaveLength(1);
    const dir = tempDir();
    copyFileSync(people[0]!.file, path.join(dir, path.basename(people[0]!.file)));
    const status = await waitForJob((await startFolderImport(u, dir)).jobId);
    expect(status.unitImport?.map((r) => r.status)).toEqual(['unchanged']);
    expect(await storeHealth(u)).toEqual({ missing: [], damaged: [] });
    expect((await verifyStore(u)).isOk).toBe(true);
    closeWorkspace(u);
  });

  it("an applicant's own exported package repairs their scans; nothing to repair says so", async () => {
    const { w, applicantId } = await readyWorkspace();
    opened.push(w);
    expect((await runExport(w, applicantId)).state).toBe('done');
    expect(await call<{ message: { zh: string } }>(w, 'store:repair', {})).toMatchObject({
      repaired: [],
      remaining: [],
      message: { zh: '没有需要修复的附件文件。' },
    });
    const [scan] = listAttachments(w, { applicantId }).attachments.filter((a) => a.deletedAt === null);
    rmSync(storedPath(w.store, scan!.sha256));
    const result = await call<{ repaired: string[] }>(w, 'store:repair', {});
    expect(result.repaired).toContain(scan!.fileName);
    expect(await storeHealth(w)).toEqual({ missing: [], damaged: [] });
  });
});
