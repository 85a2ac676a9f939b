// Issue 13, item 5 — nothing left behind: a `dossier unit-import` and a `dossier backup --out F` killed with
// SIGKILL half-way (a real child process) leave their temp files; the next start (workspaceToOpen, which
// `start`/`serve` and the desktop run first) and `dossier doctor` remove them — and never a live process's.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import { addAttachmentFromFile } from '../../electron/core/attachments/attachmentService.js';
import { sweepLeftovers } from '../../electron/core/leftovers.js';
import { workspaceToOpen } from '../../electron/core/startupRecovery.js';
import { closeWorkspace, openWorkspace, readSampleJson } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { makeJpeg, writeFile } from '../helpers/files.js';
import { sampleArchive, scansFor, unitWorkspace, writePerson } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

/**
 * Runs `dossier ARGS` in a child process and kills it with SIGKILL as soon as `started()` holds (polled
 * every 5 ms); fails when the command finished first (then the test proves nothing).
 */
async function killWhen(args: string[], started: () => boolean): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'jiti/register', path.resolve('test/helpers/cliChild.ts'), ...args],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  while (!done && !started()) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  const end = await exited;
  expect(end, stderr).toEqual({ code: null, signal: 'SIGKILL' });
}

const incoming = (dataDir: string) => path.join(dataDir, 'incoming');
const importWork = (dataDir: string) =>
  existsSync(incoming(dataDir)) ? readdirSync(incoming(dataDir)).filter((n) => n.startsWith('import-')) : [];

const never = async () => {
  throw new Error('must not ask');
};

describe('nothing left behind', () => {
  it('a unit-import killed half-way: the next start removes its incoming/import-<pid>-* folder', async () => {
    const dataDir = path.join(tempDir(), 'unit');
    closeWorkspace(unitWorkspace({ dir: dataDir }));
    // A package of a few MB (large noisy scans), so that copying, verifying and extracting take a moment.
    const doc = sampleArchive();
    const scans = await scansFor(doc, 1);
    for (const [i, scan] of scans.slice(0, 6).entries()) {
      scan.source = { kind: 'bytes', bytes: await makeJpeg(2400, 1800, { seed: i + 7, noise: true }) };
    }
    const person = await writePerson(tempDir(), 1, { archive: doc, scans });
    await killWhen(['unit-import', person.file, '--data', dataDir], () => importWork(dataDir).length > 0);
    expect(importWork(dataDir)).toHaveLength(1);

    // A live process's work is never touched: a folder named by this very process stays.
    const mine = path.join(incoming(dataDir), `import-${process.pid}-abcdef`);
    mkdirSync(mine);
    expect(await workspaceToOpen(dataDir, never)).toBe(dataDir);
    expect(importWork(dataDir)).toEqual([path.basename(mine)]);
    // And the import itself works afterwards.
    const again = await dossier('unit-import', person.file, '--data', dataDir);
    expect(again.code, again.err).toBe(0);
  }, 120_000);

  it('a backup --out F killed half-way: the next start and doctor remove F.partial-*', async () => {
    const dataDir = path.join(tempDir(), 'ws');
    const w = openWorkspace(dataDir);
    archive.importArchiveJson(w.db, readSampleJson());
    const files = tempDir();
    for (let i = 0; i < 4; i++) {
      await addAttachmentFromFile(
        w,
        writeFile(files, `scan-${i}.jpg`, await makeJpeg(2400, 1800, { seed: i, noise: true })),
      );
    }
    closeWorkspace(w);
    const outDir = tempDir();
    const out = path.join(outDir, 'elsewhere.zcbak');
    const partials = () => readdirSync(outDir).filter((n) => n.startsWith('elsewhere.zcbak.partial-'));
    await killWhen(['backup', '--out', out, '--data', dataDir], () => partials().length > 0);
    expect(partials().length).toBeGreaterThan(0);
    // Something the user keeps beside it, with a look-alike name but no pid scheme, is not touched.
    writeFileSync(path.join(outDir, 'elsewhere.zcbak.notes.txt'), 'mine');

    const doctor = await dossier('doctor', '--data', dataDir, '--json', '--sample', '0');
    expect(doctor.code, doctor.err).toBe(0);
    const removed = (JSON.parse(doctor.out) as { leftoversRemoved: string[] }).leftoversRemoved;
    expect(removed.some((f) => f.startsWith(`${out}.partial-`))).toBe(true);
    expect(readdirSync(outDir)).toEqual(['elsewhere.zcbak.notes.txt']);
    // The note that named F is gone too; nothing else of the dead process is in the data folder.
    expect(readdirSync(path.join(dataDir, 'backups')).filter((n) => n.startsWith('out-'))).toEqual([]);
    expect(readdirSync(path.join(dataDir, 'store', 'tmp'))).toEqual([]);
    expect(await sweepLeftovers(dataDir)).toEqual([]);
  }, 120_000);

  it('the start removes the same for a backup killed before doctor ran, and a finished backup leaves no note', async () => {
    const dataDir = path.join(tempDir(), 'ws');
    const w = openWorkspace(dataDir);
    archive.importArchiveJson(w.db, readSampleJson());
    await addAttachmentFromFile(w, writeFile(tempDir(), 'a.jpg', await makeJpeg(600, 400, { noise: true })));
    closeWorkspace(w);
    const out = path.join(tempDir(), 'whole.zcbak');
    const made = await dossier('backup', '--out', out, '--data', dataDir);
    expect(made.code, made.err).toBe(0);
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    // A dead writer's partial and its note, as a SIGKILL leaves them (pid 2^22+1 is above Linux's pid_max).
    const dead = 4194305;
    const partial = `${out}.partial-${dead}-0a1b2c`;
    writeFileSync(partial, 'half');
    mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    writeFileSync(
      path.join(dataDir, 'backups', `out-${dead}-0a1b2c.json`),
      JSON.stringify({ dir: path.dirname(out), target: 'whole.zcbak' }),
    );
    mkdirSync(path.join(dataDir, 'incoming', `import-${dead}-0a1b2c`), { recursive: true });
    writeFileSync(path.join(dataDir, 'packages-not-ours.partial'), 'x');
    expect(await workspaceToOpen(dataDir, never)).toBe(dataDir);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    expect(readdirSync(path.join(dataDir, 'incoming'))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'packages-not-ours.partial'))).toBe(true);
  });

  it("outputs written outside the data folder: a dead writer's temp files there go at the next start, nothing else", async () => {
    const dataDir = path.join(tempDir(), 'ws');
    const w = openWorkspace(dataDir);
    archive.importArchiveJson(w.db, readSampleJson());
    closeWorkspace(w);
    const out = tempDir();
    const dead = 4194305;
    const left = [
      `档案.json.${dead}.tmp`, // export-json --out / forms --out (durable.ts)
      `申报包.zcpkg.tmp-${dead}-0a1b2c`, // a ZIP written in place
      `batch-${dead}-0a1b2c.partial`, // unit-submit --out's staging file
      `batch-${dead}-0a1b2c.partial.tmp-${dead}-00ff`,
    ];
    const kept = [
      '档案.json', // the user's own files
      '说明.txt',
      `档案.json.${process.pid}.tmp`, // a live writer's (this process)
      `档案.json.4194306.tmp`, // another dead process, which noted no write here
      `batch-${dead}x.partial`,
    ];
    for (const name of [...left, ...kept]) writeFileSync(path.join(out, name), 'x');
    mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    writeFileSync(path.join(dataDir, 'backups', `out-${dead}-0a1b2c.json`), JSON.stringify({ dir: out, temps: true }));
    expect(await workspaceToOpen(dataDir, never)).toBe(dataDir);
    expect(readdirSync(out).sort()).toEqual([...kept].sort());
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
  });

  it("export-json --out: a finished write leaves no note, and removes a dead writer's temp of the same file", async () => {
    const dataDir = path.join(tempDir(), 'ws');
    const w = openWorkspace(dataDir);
    archive.importArchiveJson(w.db, readSampleJson());
    closeWorkspace(w);
    const out = path.join(tempDir(), '档案.json');
    writeFileSync(`${out}.4194305.tmp`, 'half');
    const made = await dossier('export-json', '--out', out, '--data', dataDir);
    expect(made.code, made.err).toBe(0);
    expect(readdirSync(path.dirname(out))).toEqual(['档案.json']);
    expect(readdirSync(path.join(dataDir, 'backups')).filter((n) => n.startsWith('out-'))).toEqual([]);
  });

  it("a restore that died half-way: its staging folder beside the target goes at the restored folder's start and at the next restore", async () => {
    const dataDir = path.join(tempDir(), 'ws');
    const w = openWorkspace(dataDir);
    archive.importArchiveJson(w.db, readSampleJson());
    closeWorkspace(w);
    const backup = path.join(tempDir(), 'b.zcbak');
    expect((await dossier('backup', '--out', backup, '--data', dataDir)).code).toBe(0);
    const target = path.join(tempDir(), 'restored');
    const staging = `${target}.restoring-4194305-0a1b2c`;
    const live = `${target}.restoring-${process.pid}-0a1b2c`;
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'dossier.sqlite'), 'half');
    mkdirSync(live);
    const restored = await dossier('restore', backup, target);
    expect(restored.code, restored.err).toBe(0);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(live)).toBe(true);
    // Left again (a second crash), it goes at the restored folder's first start.
    mkdirSync(staging);
    expect(await workspaceToOpen(target, never)).toBe(target);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
