// Private by default (issue 13, item 3; docs/privacy.md): under the usual umask 022 every file the app
// writes is 0600 and every folder it makes 0700 — the database and its journal files, the store, packages,
// backups, batches, incoming/, keys, and the CLI's --out files — after real flows, each checked with stat.
// A workspace an older release left readable (0644 / 0755) is tightened when it opens.
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttachmentFromStream } from '../../electron/core/attachments/attachmentService.js';
import { receiveUpload } from '../../electron/core/package/uploads.js';
import { importArchiveJson } from '../../electron/core/archiveService.js';
import { closeWorkspace, openWorkspace, readSampleJson } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { exportOk, justifyAll, PASSPHRASE, readyWorkspace, TODAY } from '../helpers/exportFixtures.js';
import { makeJpeg } from '../helpers/files.js';
import { accept, publicisedWithoutObjection, unitWith } from '../helpers/unitFlow.js';
import { tempDir } from '../helpers/workspace.js';

const POSIX = process.platform !== 'win32';
let umask: number;
beforeAll(() => {
  // The umask most systems give a user: left to it, files would be 0644 and folders 0755.
  umask = process.umask(0o022);
});
afterAll(() => void process.umask(umask));

/** Every file and folder under `root` (root itself included) whose mode is not 0600 / 0700, with its mode. */
function notPrivate(root: string): string[] {
  const wrong: string[] = [];
  const visit = (p: string) => {
    const s = lstatSync(p);
    const mode = s.mode & 0o777;
    if (s.isDirectory()) {
      if (mode !== 0o700) wrong.push(`${path.relative(root, p) || '.'}/ ${mode.toString(8)}`);
      for (const name of readdirSync(p)) visit(path.join(p, name));
    } else if (mode !== 0o600) wrong.push(`${path.relative(root, p)} ${mode.toString(8)}`);
  };
  visit(root);
  return wrong;
}

/** What the test checks was really written: a list of the entries, so an empty folder cannot pass for one. */
function entries(root: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    for (const name of readdirSync(p)) {
      const full = path.join(p, name);
      out.push(path.relative(root, full));
      if (lstatSync(full).isDirectory()) visit(full);
    }
  };
  visit(root);
  return out;
}

/** A folder of the user's (not ours to tighten), as the umask would make it. */
function usersFolder(): string {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  return dir;
}

describe.runIf(POSIX)('private by default (umask 022)', () => {
  it('an applicant workspace — archive, scans, key, export, backups — and the CLI --out files', async () => {
    const home = usersFolder();
    // The default location's missing parents are created too (~/.local/share/dossier on a new account).
    const dataDir = path.join(home, '.local', 'share', 'dossier');
    const { w, applicantId } = await readyWorkspace({ dir: dataDir });
    await addAttachmentFromStream(w, [await makeJpeg(640, 480, { seed: 99 })], { fileName: '证书.jpg', applicantId });
    await exportOk(w, applicantId);
    const justify = justifyAll(w, applicantId).flatMap((j) => ['--justify', `${j.findingId}=${j.text}`]);

    const out = usersFolder();
    const secret = path.join(out, 'pass.txt');
    writeFileSync(secret, `${PASSPHRASE}\n`);
    const cli = async (...args: string[]) => {
      const r = await dossier(...args, '--data', dataDir);
      expect(r.code, `${args[0]}: ${r.err}`).toBe(0);
    };
    await cli('export-json', '--out', path.join(out, 'archive.json'));
    await cli('forms', '--out', path.join(out, 'forms', 'printed'));
    await cli('backup');
    await cli('backup', '--out', path.join(out, 'backup.zcbak'));
    await cli(
      'export',
      '--out',
      path.join(out, 'package.zcpkg'),
      '--today',
      TODAY,
      '--passphrase-file',
      secret,
      ...justify,
    );

    const restored = path.join(out, 'restored', 'workspace');
    const back = await dossier('restore', path.join(out, 'backup.zcbak'), restored);
    expect(back.code, back.err).toBe(0);

    const written = entries(dataDir);
    for (const expected of ['dossier.sqlite', 'dossier.sqlite-wal', 'dossier.sqlite-shm', 'store', 'keys', 'packages'])
      expect(written).toContain(expected);
    expect(written.some((e) => e.startsWith(`backups${path.sep}`))).toBe(true);
    expect(notPrivate(path.join(home, '.local'))).toEqual([]);
    // In the user's own folder: the files written there, and the folders made for them.
    expect(notPrivate(path.join(out, 'forms'))).toEqual([]);
    expect(entries(restored)).toContain('dossier.sqlite');
    expect(notPrivate(path.join(out, 'restored'))).toEqual([]);
    expect(entries(path.join(out, 'forms', 'printed')).length).toBeGreaterThan(0);
    for (const file of ['archive.json', 'backup.zcbak', 'package.zcpkg'])
      expect(notPrivate(path.join(out, file))).toEqual([]);
    expect(lstatSync(out).mode & 0o777).toBe(0o755); // an existing folder of the user's is left alone
  }, 240_000);

  it("a unit's workspace: packages taken in (folder and upload), countersigned, the batch written with --out", async () => {
    const { u, people, ids } = await unitWith(1);
    accept(u, ids[0]!);
    publicisedWithoutObjection(u, ids);
    const upload = await receiveUpload(u, [Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'latin1')], {
      fileName: 'another.zcpkg',
    });
    expect(upload.size).toBe(22);
    const out = usersFolder();
    const secret = path.join(out, 'pass.txt');
    writeFileSync(secret, `${PASSPHRASE}\n`);
    const r = await dossier(
      'unit-submit',
      people[0]!.packageId,
      '--out',
      path.join(out, 'batch.zip'),
      '--data',
      u.dataDir,
      '--passphrase-file',
      secret,
      '--reason',
      '已核实全部材料，单位同意推荐报送。',
    );
    expect(r.code, r.err).toBe(0);
    const written = entries(u.dataDir);
    expect(written).toContain('incoming');
    expect(written).toContain('packages');
    expect(notPrivate(u.dataDir)).toEqual([]);
    expect(notPrivate(path.join(out, 'batch.zip'))).toEqual([]);
  }, 240_000);

  it('tightens a workspace an older release left readable (0644 files, 0755 folders, a -wal left over)', async () => {
    const dataDir = path.join(usersFolder(), 'old');
    const w = openWorkspace(dataDir);
    const applicantId = importArchiveJson(w.db, readSampleJson());
    await addAttachmentFromStream(w, [await makeJpeg(320, 240, { seed: 7 })], { fileName: 'scan.jpg', applicantId });
    mkdirSync(path.join(dataDir, 'packages', 'sub'), { recursive: true });
    writeFileSync(path.join(dataDir, 'packages', 'sub', 'old.zcpkg'), 'x', { mode: 0o644 });
    closeWorkspace(w);
    // As an older release left it: everything readable by others.
    const loosen = (p: string) => {
      const s = lstatSync(p);
      chmodSync(p, s.isDirectory() ? 0o755 : 0o644);
      if (s.isDirectory()) for (const name of readdirSync(p)) loosen(path.join(p, name));
    };
    loosen(dataDir);
    writeFileSync(path.join(dataDir, 'dossier.sqlite-wal'), '', { mode: 0o644 });
    expect(notPrivate(dataDir).length).toBeGreaterThan(3);
    closeWorkspace(openWorkspace(dataDir));
    expect(notPrivate(dataDir)).toEqual([]);

    // The desktop app's folder is Electron's user-data folder, which Chromium already makes 0700: what it
    // holds is tightened all the same.
    loosen(dataDir);
    chmodSync(dataDir, 0o700);
    expect(notPrivate(dataDir).length).toBeGreaterThan(3);
    closeWorkspace(openWorkspace(dataDir));
    expect(notPrivate(dataDir)).toEqual([]);
  });
});
