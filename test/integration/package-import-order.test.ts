// Issue 13, item 5 (the import's part): a file named by path is read where it lies before anything is copied
// (a 1 GiB file of junk is refused without a byte written), and a refused import leaves nothing behind in
// the data folder — not even an empty incoming/ folder.
import { existsSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../shared/api/contract.js';
import { DossierError } from '../../electron/core/errors.js';
import { waitForJob, type JobContext } from '../../electron/core/jobs.js';
import { importPackage, startImport } from '../../electron/core/package/importService.js';
import { receiveUpload, registerPath, requireUpload } from '../../electron/core/package/uploads.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { workspaceIn } from '../helpers/exportFixtures.js';
import { readEntries, signedPackages } from '../helpers/packageFixtures.js';
import { flipByte } from '../helpers/zipcraft.js';
import { tempDir } from '../helpers/workspace.js';

/** A job that records the steps it was told (the import says "Copying the package" when it copies). */
function recordingJob(): { job: JobContext; steps: string[] } {
  const steps: string[] = [];
  const job: JobContext = {
    signal: new AbortController().signal,
    progress: (_done: number, _total: number, step: Localized) => void steps.push(step.en),
    produced: () => {},
    setResult: () => {},
  };
  return { job, steps };
}

async function importByPath(w: Workspace, file: string) {
  const { uploadId } = await registerPath(w, file);
  const { job, steps } = recordingJob();
  const error = await importPackage(w, await requireUpload(w, uploadId), undefined, job).then(
    () => null,
    (e: unknown) => e,
  );
  return { error, steps };
}

const incoming = (w: Workspace) => path.join(w.dataDir, 'incoming');

describe('import: the end records first, nothing left behind', () => {
  it('a 1 GiB file of junk is refused before anything is copied, and leaves no folder', async () => {
    const file = path.join(tempDir(), 'junk.zcpkg');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 2 ** 30); // sparse: 1 GiB of zeros, no end record anywhere
    closeSync(fd);
    const w = workspaceIn();
    const started = Date.now();
    const { error, steps } = await importByPath(w, file);
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe('not_a_package');
    expect(steps).not.toContain('Copying the package');
    // Reading the last bytes takes milliseconds; copying 1 GiB would take seconds.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(existsSync(incoming(w))).toBe(false);
  });

  it('a package with bytes after its end is refused before the copy', async () => {
    const dir = tempDir();
    const { l1 } = await signedPackages(dir);
    const trailing = path.join(dir, 'trailing.zcpkg');
    writeFileSync(trailing, Buffer.concat([readFileSync(l1), Buffer.from('hidden')]));
    const w = workspaceIn();
    const refused = await importByPath(w, trailing);
    expect((refused.error as DossierError).code).toBe('zip_not_canonical');
    expect(refused.steps).not.toContain('Copying the package');
    expect(existsSync(incoming(w))).toBe(false);
  });

  it('a package refused after the copy (a damaged scan) leaves neither its copy nor an empty incoming/', async () => {
    const dir = tempDir();
    const { l1 } = await signedPackages(dir);
    const raw = readFileSync(l1);
    const scan = (await readEntries(l1)).find((e) => e.path === 'content/attachments/scan-1.jpg')!.bytes;
    const damaged = path.join(dir, 'damaged.zcpkg');
    writeFileSync(damaged, flipByte(raw, raw.indexOf(scan) + 500));
    const w = workspaceIn();
    const { error, steps } = await importByPath(w, damaged);
    expect((error as DossierError).code).toBe('package_not_valid');
    expect(steps).toContain('Copying the package');
    expect(existsSync(incoming(w))).toBe(false);
    // The same through the browser mode's upload (incoming/<id>/): consumed, and incoming/ gone with it.
    const { uploadId } = await receiveUpload(w, [readFileSync(damaged)], { fileName: 'damaged.zcpkg' });
    expect(existsSync(incoming(w))).toBe(true);
    const { jobId } = await startImport(w, { uploadId });
    expect(await waitForJob(jobId)).toMatchObject({ state: 'failed', error: { code: 'package_not_valid' } });
    expect(existsSync(incoming(w))).toBe(false);
  });
});
