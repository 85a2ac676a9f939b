// Issue 13, item 7: a signature vouches for who sent the bytes, not for what they are. Import checks every
// attachment exactly as adding a scan does (attachments/sniff.ts) and refuses the whole package otherwise,
// naming the file: validly signed packages, rebuilt from a real export with one file swapped and re-signed.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/contract.js';
import { listStored } from '../../electron/core/attachments/store.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { canonicalBytes } from '../../electron/core/package/canonicalJson.js';
import { startImport } from '../../electron/core/package/importService.js';
import { sign } from '../../electron/core/package/sm2.js';
import { receiveUpload } from '../../electron/core/package/uploads.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { exportOk, filesIn, readyWorkspace, workspaceIn } from '../helpers/exportFixtures.js';
import { makeBombPng, makeJpeg, makePdf, makePng } from '../helpers/files.js';
import { makeKey, rebuild, type RawEntry } from '../helpers/packageFixtures.js';
import { tempDir } from '../helpers/workspace.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let shared: string;
let exported: string;
beforeAll(async () => {
  shared = mkdtempSync(path.join(os.tmpdir(), 'dossier-content-check-'));
  const { w, applicantId } = await readyWorkspace({ dir: path.join(shared, 'source') });
  const pkg = await exportOk(w, applicantId);
  exported = path.join(shared, pkg.fileName);
  copyFileSync(pkg.path, exported);
}, 60_000);
afterAll(() => rmSync(shared, { recursive: true, force: true }));

interface FileItem {
  path: string;
  size: number;
  sha256: string;
  mediaType: string;
}
interface AttachmentItem {
  path: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  width: number | null;
  height: number | null;
}

const text = (entries: RawEntry[], p: string) => entries.find((e) => e.path === p)!.bytes.toString('utf8');

/**
 * The package with its first attachment's bytes swapped (named `fileName`, described by `describe`), every
 * hash and the manifest updated as a writer would, then signed again: it verifies.
 */
async function swapped(
  bytes: Buffer,
  fileName: string,
  describe: (a: AttachmentItem) => void = () => {},
): Promise<string> {
  const key = makeKey();
  const out = path.join(tempDir(), fileName.replace(/\W/g, '_') + '.zcpkg');
  return rebuild(exported, out, (entries) => {
    const manifest = JSON.parse(text(entries, 'META-INF/manifest-L1.json')) as {
      files: FileItem[];
      signer: { fingerprint: string };
    };
    const index = JSON.parse(text(entries, 'content/attachments.json')) as { attachments: AttachmentItem[] };
    const a = index.attachments[0]!;
    const oldPath = a.path;
    const newPath = `content/attachments/${sha256(bytes)}.jpg`;
    Object.assign(a, { path: newPath, sha256: sha256(bytes), fileName });
    describe(a);
    const indexBytes = Buffer.from(`${JSON.stringify(index, null, 2)}\n`);
    const item = manifest.files.find((f) => f.path === oldPath)!;
    Object.assign(item, { path: newPath, sha256: sha256(bytes), size: bytes.length, mediaType: a.mediaType });
    const indexItem = manifest.files.find((f) => f.path === 'content/attachments.json')!;
    Object.assign(indexItem, { sha256: sha256(indexBytes), size: indexBytes.length });
    manifest.files.sort((x, y) => Buffer.compare(Buffer.from(x.path), Buffer.from(y.path)));
    manifest.signer.fingerprint = key.fingerprint;
    const manifestBytes = canonicalBytes(manifest);
    const content = entries
      .filter((e) => e.path.startsWith('content/') && e.path !== oldPath)
      .map((e) => (e.path === 'content/attachments.json' ? { path: e.path, bytes: indexBytes } : e))
      .concat({ path: newPath, bytes })
      .sort((x, y) => Buffer.compare(Buffer.from(x.path), Buffer.from(y.path)));
    return [
      entries[0]!,
      ...content,
      { path: 'META-INF/manifest-L1.json', bytes: manifestBytes },
      { path: 'META-INF/manifest-L1.sig', bytes: sign(manifestBytes, key) },
      { path: 'META-INF/signer-L1.pem', bytes: Buffer.from(key.publicKeyPem) },
    ];
  });
}

async function importFile(w: Workspace, file: string): Promise<JobStatus> {
  const { uploadId } = await receiveUpload(w, [readFileSync(file)], { fileName: path.basename(file) });
  const { jobId } = await startImport(w, { uploadId });
  return waitForJob(jobId);
}

const count = (w: Workspace, table: string) =>
  (w.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function expectNothingImported(w: Workspace): void {
  for (const table of ['applicant', 'record', 'attachment', 'generated_file', 'package_file'])
    expect([table, count(w, table)]).toEqual([table, 0]);
  expect(listStored(w.store).hashes).toEqual([]);
  expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
  expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual([]);
}

describe('import checks every file as adding a scan does', () => {
  it('a real JPEG swapped in imports, its size in pixels taken from its content, not from what the package says', async () => {
    const jpeg = await makeJpeg(800, 600, { seed: 99 });
    const file = await swapped(jpeg, '毕业证.jpg', (a) => Object.assign(a, { width: 3000, height: 2000 }));
    const w = workspaceIn();
    const status = await importFile(w, file);
    expect([status.state, status.error?.message.en]).toEqual(['done', undefined]);
    const row = w.db
      .prepare<[string], { width: number; height: number }>('SELECT width, height FROM attachment WHERE sha256 = ?')
      .get(sha256(jpeg));
    expect(row).toEqual({ width: 800, height: 600 });
  }, 60_000);

  it('an ELF executable as graduate-form.jpg (image/jpeg), validly signed: refused, naming it; nothing written', async () => {
    const file = await swapped(readFileSync('/bin/true'), 'graduate-form.jpg');
    const w = workspaceIn();
    const status = await importFile(w, file);
    expect([status.state, status.error?.code]).toEqual(['failed', 'package_file_refused']);
    expect(status.error!.message.zh).toContain('“graduate-form.jpg”');
    expect(status.error!.message.zh).toContain('可执行程序');
    expect(status.error!.message.en).toContain('executable');
    expect(status.error!.message.en).toContain('Nothing of the package was imported');
    expectNothingImported(w);
  }, 60_000);

  it('a truncated JPEG, a pixel bomb, a PNG said to be a JPEG, a PDF with pages miscounted: each refused', async () => {
    const jpeg = await makeJpeg(800, 600, { seed: 7 });
    const pdf = (a: AttachmentItem) => Object.assign(a, { mediaType: 'application/pdf', pages: 1 });
    const cases: [string, Buffer, (a: AttachmentItem) => void, RegExp][] = [
      ['truncated.jpg', jpeg.subarray(0, jpeg.length - 200), () => {}, /damaged or incomplete/],
      ['bomb.png', makeBombPng(), (a) => Object.assign(a, { mediaType: 'image/png' }), /megapixels/],
      ['png.jpg', await makePng(300, 200), () => {}, /media type as image\/jpeg, but its content says image\/png/],
      ['three.pdf', await makePdf(3), pdf, /pages as 1, but its content says 3/],
    ];
    for (const [name, bytes, describe, says] of cases) {
      const file = await swapped(bytes, name, describe);
      const w = workspaceIn();
      const status = await importFile(w, file);
      expect([name, status.state, status.error?.code]).toEqual([name, 'failed', 'package_file_refused']);
      expect(status.error!.message.en).toMatch(says);
      expect(status.error!.message.zh).toContain(`“${name}”`);
      expectNothingImported(w);
    }
  }, 90_000);
});
