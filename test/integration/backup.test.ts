// Backups (issue 8) on real workspaces in temp folders: backup → restore gives the same archive and the same
// files; a flipped byte is refused; kill -9 in the middle of a backup harms nothing; the daily rotation
// keeps 7; the start-up check finds a corrupted database and offers the good backup.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import { addAttachmentFromFile } from '../../electron/core/attachments/attachmentService.js';
import { commit, listStored, stage, storedPath } from '../../electron/core/attachments/store.js';
import { verifyStore } from '../../electron/core/attachments/verify.js';
import {
  autoBackup,
  autoBackupName,
  createBackup,
  listBackups,
  restoreBackup,
  verifyBackup,
} from '../../electron/core/backup/index.js';
import { benchBackup, formatBenchBackup } from '../../electron/core/backup/bench.js';
import { scheduleAutoBackups } from '../../electron/core/backup/schedule.js';
import { DossierError } from '../../electron/core/errors.js';
import { LATEST_VERSION } from '../../electron/core/migrations.js';
import { checkWorkspace } from '../../electron/core/startupCheck.js';
import {
  closeWorkspace,
  currentApplicantId,
  DATABASE_FILE,
  openWorkspace,
  readSampleJson,
  type Workspace,
} from '../../electron/core/workspace.js';
import { makeJpeg, makePdf, makePng, writeFile } from '../helpers/files.js';
import { tempDir } from '../helpers/workspace.js';
import { workspaceToOpen, type RecoveryQuestion } from '../../electron/core/startupRecovery.js';

const opened: Workspace[] = [];
function open(dir: string): Workspace {
  const w = openWorkspace(dir);
  opened.push(w);
  return w;
}
function close(w: Workspace): void {
  closeWorkspace(w);
  opened.splice(opened.indexOf(w), 1);
}
afterEach(() => {
  while (opened.length) closeWorkspace(opened.pop()!);
});

/** The sample applicant with a few real scans and PDFs. */
async function sampleWorkspace(): Promise<Workspace> {
  const w = open(path.join(tempDir(), 'ws'));
  archive.importArchiveJson(w.db, readSampleJson());
  const files = tempDir();
  await addAttachmentFromFile(w, writeFile(files, '学位证.jpg', await makeJpeg(600, 400, { noise: true })));
  await addAttachmentFromFile(w, writeFile(files, '职称证.png', await makePng(300, 200, 7)));
  await addAttachmentFromFile(w, writeFile(files, '论文.pdf', await makePdf(3)));
  return w;
}

function exportJson(w: Workspace): string {
  return archive.exportArchiveJson(w.db, currentApplicantId(w)!).json;
}

function attachmentRows(w: Workspace): unknown[] {
  return w.db.prepare('SELECT id, sha256, file_name, bytes FROM attachment ORDER BY id').all();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function refusal(run: () => Promise<unknown>): Promise<DossierError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DossierError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

function flipByte(file: string, at: number): void {
  const bytes = readFileSync(file);
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(file, bytes);
}

describe('backup and restore', () => {
  it('restores into a new folder the same archive and the same files', async () => {
    const w = await sampleWorkspace();
    const out = path.join(tempDir(), 'backup.zcbak');
    const phases = new Set<string>();
    const info = await createBackup(w, out, { onProgress: (p) => phases.add(p.phase) });
    expect(phases).toEqual(new Set(['write', 'verify']));
    expect(info).toMatchObject({ files: 3, clean: true, schemaVersion: LATEST_VERSION, missing: [], damaged: [] });
    expect(readdirSync(path.dirname(out))).toEqual(['backup.zcbak']);
    expect(readdirSync(path.join(w.store.dir, 'tmp'))).toEqual([]);

    const target = path.join(tempDir(), 'restored');
    const restored = await restoreBackup(out, target);
    expect(restored.quickCheck).toEqual(['ok']);
    expect(readdirSync(target).sort()).toEqual([DATABASE_FILE, 'store']);
    const r = open(target);
    expect(exportJson(r)).toBe(exportJson(w));
    expect(attachmentRows(r)).toEqual(attachmentRows(w));
    expect(listStored(r.store).hashes).toEqual(listStored(w.store).hashes);
    for (const hash of listStored(r.store).hashes) expect(sha256(storedPath(r.store, hash))).toBe(hash);
    expect((await verifyStore(r)).isOk).toBe(true);
    expect(readdirSync(path.dirname(target))).toEqual(['restored']);
  });

  it('restores into an existing empty folder, never into one holding anything', async () => {
    const w = await sampleWorkspace();
    const out = path.join(tempDir(), 'b.zcbak');
    await createBackup(w, out);
    const empty = tempDir();
    await restoreBackup(out, empty);
    expect(existsSync(path.join(empty, DATABASE_FILE))).toBe(true);

    const busy = tempDir();
    writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    const e = await refusal(() => restoreBackup(out, busy));
    expect(e.code).toBe('wrong_target');
    expect(e.localized.zh).toContain('不是空的');
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    // Over the live workspace itself: refused, untouched.
    expect((await refusal(() => restoreBackup(out, w.dataDir))).code).toBe('wrong_target');
  });

  it('a workspace opened in the target while the restore runs: refused in the same words, both left whole', async () => {
    const w = await sampleWorkspace();
    const out = path.join(tempDir(), 'b.zcbak');
    await createBackup(w, out);
    for (const existed of [false, true]) {
      const parent = tempDir();
      const target = path.join(parent, 'restored');
      if (existed) mkdirSync(target);
      let other: Workspace | undefined;
      const e = await refusal(() =>
        restoreBackup(out, target, {
          // Half-way through: another process (the app, the CLI) starts a workspace in that very folder.
          onProgress: () => {
            other ??= open(target);
          },
        }),
      );
      expect(other).toBeDefined();
      expect(e.code).toBe('wrong_target');
      expect(e.localized.zh).toContain('不是空的');
      // The restore left nothing beside it, and did not write into the other workspace.
      expect(readdirSync(parent)).toEqual(['restored']);
      expect(currentApplicantId(other!)).toBeNull();
    }
  });

  it('refuses a backup with one byte flipped, saying so in Chinese and English', async () => {
    const w = await sampleWorkspace();
    const out = path.join(tempDir(), 'b.zcbak');
    const info = await createBackup(w, out);
    // A byte in the middle of the data (the store files follow the database).
    flipByte(out, Math.floor(info.bytes / 2));
    const e = await refusal(() => verifyBackup(out));
    expect(e.code).toBe('backup_damaged');
    expect(e.localized.zh).toMatch(/备份文件“b\.zcbak”已损坏.*SHA-256.*未做任何改动/);
    expect(e.localized.en).toMatch(/The backup "b\.zcbak" is damaged.*SHA-256.*Nothing was changed/);

    const target = path.join(tempDir(), 'restored');
    expect((await refusal(() => restoreBackup(out, target))).code).toBe('backup_damaged');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });

  it('refuses a flipped byte in the database, in a header, and a truncated or foreign file', async () => {
    const w = await sampleWorkspace();
    const out = path.join(tempDir(), 'b.zcbak');
    await createBackup(w, out);
    const good = readFileSync(out);
    const variants: [string, Buffer][] = [
      ['database byte', Buffer.from(good)],
      ['local header', Buffer.from(good)],
      ['truncated', good.subarray(0, good.length - 100)],
      ['not a zip', Buffer.from('hello')],
    ];
    variants[0]![1][200] = variants[0]![1][200]! ^ 0x80; // inside dossier.sqlite, the first entry
    variants[1]![1][8] = 8; // compression method of the first entry: deflate
    for (const [label, bytes] of variants) {
      writeFileSync(out, bytes);
      const e = await refusal(() => verifyBackup(out));
      expect(e.code, label).toBe(label === 'not a zip' ? 'wrong_backup' : 'backup_damaged');
      expect(e.localized.zh, label).toContain('未做任何改动');
    }
    expect((await refusal(() => verifyBackup(path.join(tempDir(), 'none.zcbak')))).code).toBe('wrong_file');
  });

  it('refuses to restore a backup made by a newer app', async () => {
    const w = await sampleWorkspace();
    w.db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    const out = path.join(tempDir(), 'new.zcbak');
    const info = await createBackup(w, out);
    expect(info.schemaVersion).toBe(LATEST_VERSION + 1);
    const target = path.join(tempDir(), 'r');
    const e = await refusal(() => restoreBackup(out, target));
    expect(e.code).toBe('backup_too_new');
    expect(existsSync(target)).toBe(false);
  });

  it('records a damaged or missing store file, keeps it out of the restore, and says the backup is not clean', async () => {
    const w = await sampleWorkspace();
    const [first, second] = listStored(w.store).hashes;
    flipByte(storedPath(w.store, first!), 10);
    const { rmSync } = await import('node:fs');
    rmSync(storedPath(w.store, second!));
    const out = path.join(tempDir(), 'b.zcbak');
    const info = await createBackup(w, out);
    expect(info).toMatchObject({ clean: false, damaged: [first], missing: [second] });
    expect((await verifyBackup(out)).clean).toBe(false);
    const target = path.join(tempDir(), 'r');
    await restoreBackup(out, target);
    const r = open(target);
    expect(listStored(r.store).hashes).toHaveLength(1);
    const report = await verifyStore(r);
    expect(report.missing.map((m) => m.sha256).sort()).toEqual([first, second].sort());
  });
});

describe('kill -9 during a backup', () => {
  it('leaves the previous backup, the workspace and the final name intact', { timeout: 120_000 }, async () => {
    const w = await sampleWorkspace();
    const out = path.join(tempDir(), 'backups', 'dossier-2024-05-01.zcbak');
    await createBackup(w, out);
    const previous = sha256(out);
    // Enough data that the writer is caught in the middle: 64 files of 4 MB.
    for (let i = 0; i < 64; i++) {
      const staged = await stage(w.store, [randomBytes(4 * 2 ** 20)], { fileName: `f${i}`, maxBytes: 2 ** 30 });
      await commit(w.store, staged);
    }
    const json = exportJson(w);
    const hashes = listStored(w.store).hashes;
    close(w);

    const child = spawn(
      process.execPath,
      ['--import', 'jiti/register', path.resolve('test/helpers/backupChild.ts'), w.dataDir, out],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let killedAt = '';
    for await (const line of createInterface({ input: child.stdout })) {
      const [, phase, done, total] = line.split(' ');
      if (phase === 'write' && Number(done) > Number(total) / 4) {
        killedAt = line;
        child.kill('SIGKILL');
        break;
      }
    }
    expect(await exited).toBe('SIGKILL');
    expect(killedAt).toMatch(/^progress write/);

    // The final name still holds the previous backup, whole; what the child left is named as partial.
    expect(sha256(out)).toBe(previous);
    await verifyBackup(out);
    const left = readdirSync(path.dirname(out)).filter((n) => n !== path.basename(out));
    expect(left.length).toBeGreaterThan(0);
    for (const name of left) expect(name).toMatch(/\.partial-\d+-[0-9a-f]+/);

    // The workspace: the same archive, every file whole; the child's snapshot folder is cleaned at open.
    const again = open(w.dataDir);
    expect(exportJson(again)).toBe(json);
    expect(listStored(again.store).hashes).toEqual(hashes);
    expect((await verifyStore(again)).isOk).toBe(true);
    expect(readdirSync(path.join(again.store.dir, 'tmp'))).toEqual([]);

    // The next automatic backup removes the dead writer's leftovers.
    await autoBackup(again, { dir: path.dirname(out), now: new Date(2024, 4, 2, 9) });
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['dossier-2024-05-01.zcbak', 'dossier-2024-05-02.zcbak']);
  });
});

describe('automatic backups', () => {
  it('makes one a day and keeps the newest 7', async () => {
    const w = await sampleWorkspace();
    const dir = path.join(w.dataDir, 'backups');
    const results = [];
    for (let day = 1; day <= 10; day++) {
      results.push(await autoBackup(w, { now: new Date(2024, 0, day, 10) }));
    }
    expect(results.every((r) => r.created && r.dir === dir)).toBe(true);
    expect(results[9]!.file).toBe(path.join(dir, 'dossier-2024-01-10.zcbak'));
    expect(results[9]!.deleted).toEqual([path.join(dir, 'dossier-2024-01-03.zcbak')]);
    const names = (await listBackups(dir)).map((b) => b.name);
    expect(names).toEqual([4, 5, 6, 7, 8, 9, 10].reverse().map((d) => autoBackupName(new Date(2024, 0, d))));

    // The same day again: nothing new.
    const again = await autoBackup(w, { now: new Date(2024, 0, 10, 18) });
    expect(again).toMatchObject({ created: false, deleted: [] });
    // keep = 3 on the next day.
    const fewer = await autoBackup(w, { now: new Date(2024, 0, 11, 8), keep: 3 });
    expect(fewer.deleted).toHaveLength(5);
    expect((await listBackups(dir)).map((b) => b.date)).toEqual(['2024-01-11', '2024-01-10', '2024-01-09']);
  });

  it('replaces a broken backup of the same day, and deletes nothing while the workspace is damaged', async () => {
    const w = await sampleWorkspace();
    const dir = path.join(tempDir(), 'backups');
    for (let day = 1; day <= 3; day++) await autoBackup(w, { dir, keep: 2, now: new Date(2024, 1, day) });
    expect((await listBackups(dir)).map((b) => b.date)).toEqual(['2024-02-03', '2024-02-02']);
    // A file of today's name that is no backup, then a folder without its manifest: each is replaced.
    const today = path.join(dir, 'dossier-2024-02-03.zcbak');
    rmSync(today, { recursive: true });
    writeFileSync(today, 'broken');
    expect((await autoBackup(w, { dir, keep: 2, now: new Date(2024, 1, 3) })).created).toBe(true);
    await verifyBackup(today);
    rmSync(path.join(today, 'backup-manifest.json'));
    expect((await autoBackup(w, { dir, keep: 2, now: new Date(2024, 1, 3, 12) })).created).toBe(true);
    expect(await verifyBackup(today)).toMatchObject({ kind: 'folder', clean: true });

    // A file the database names is gone: the new backup says so, and no old one is deleted.
    rmSync(storedPath(w.store, listStored(w.store).hashes[0]!));
    const bad = await autoBackup(w, { dir, keep: 2, now: new Date(2024, 1, 4) });
    expect(bad).toMatchObject({ created: true, deleted: [], keptBecause: 'not_clean' });
    expect((await listBackups(dir)).map((b) => b.date)).toEqual(['2024-02-04', '2024-02-03', '2024-02-02']);
  });

  it('backs up after a piece of work however often, and keeps each earlier day’s last one', async () => {
    const w = await sampleWorkspace();
    const dir = path.join(w.dataDir, 'backups');
    const daily = await autoBackup(w, { now: new Date(2024, 3, 1, 8) });
    // Listed by when it was written: as if at 08:00 that day.
    utimesSync(daily.file, new Date(2024, 3, 1, 8), new Date(2024, 3, 1, 8));
    const work = [10, 14, 17].map((h) => new Date(2024, 3, 1, h, 30, 5));
    for (const now of work) expect((await autoBackup(w, { now, afterWork: true })).created).toBe(true);
    // Two in the same second: the second gets its own name.
    const again = await autoBackup(w, { now: work[2], afterWork: true });
    expect(path.basename(again.file)).toBe('dossier-2024-04-01-173005-2.zcbak');
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([
      'dossier-2024-04-01-173005.zcbak',
      'dossier-2024-04-01-173005-2.zcbak',
      'dossier-2024-04-01-143005.zcbak',
      'dossier-2024-04-01-103005.zcbak',
      'dossier-2024-04-01.zcbak',
    ]);
    // The next day: of the day before, only its last one stays.
    const next = await autoBackup(w, { now: new Date(2024, 3, 2, 9) });
    expect(next.deleted.map((f) => path.basename(f)).sort()).toEqual([
      'dossier-2024-04-01-103005.zcbak',
      'dossier-2024-04-01-143005.zcbak',
      'dossier-2024-04-01-173005-2.zcbak',
      'dossier-2024-04-01.zcbak',
    ]);
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([
      'dossier-2024-04-02.zcbak',
      'dossier-2024-04-01-173005.zcbak',
    ]);
    // Backups made by hand are never rotated out; every one listed is a folder sharing the store's files.
    const listed = await listBackups(dir);
    expect(listed.every((b) => b.kind === 'folder')).toBe(true);
    const [sha] = listStored(w.store).hashes;
    const linked = path.join(dir, 'dossier-2024-04-02.zcbak', 'store', sha!.slice(0, 2), sha!);
    expect(statSync(linked).ino).toBe(statSync(storedPath(w.store, sha!)).ino);
  });

  it('puts back a backup that was moved aside for a replacement that never came (a crash)', async () => {
    const w = await sampleWorkspace();
    const dir = path.join(w.dataDir, 'backups');
    const made = await autoBackup(w, { now: new Date(2024, 4, 1) });
    // As replaceWith leaves it when the process dies between its two renames (pid 2^22+1: not running).
    const aside = `${made.file}.partial-4194305-0a1b2c3d4e5f.old`;
    renameSync(made.file, aside);
    mkdirSync(`${made.file}.partial-4194305-0a1b2c3d4e5f`);
    expect((await autoBackup(w, { now: new Date(2024, 4, 1, 18) })).created).toBe(false);
    expect(readdirSync(dir)).toEqual(['dossier-2024-05-01.zcbak']);
    expect(await verifyBackup(made.file)).toMatchObject({ clean: true });
  });
});

describe('scheduled automatic backups', () => {
  it('backs up soon after start, once a day, and stops when told', async () => {
    const w = await sampleWorkspace();
    const made: string[] = [];
    const stop = scheduleAutoBackups(w, { firstAfterMs: 0, everyMs: 20, onBackup: (r) => made.push(r.file) });
    await vi.waitFor(() => expect(made).toHaveLength(1), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200)); // several more ticks: still one (same day)
    stop();
    expect(made).toEqual([path.join(w.dataDir, 'backups', autoBackupName(new Date()))]);
    expect(readdirSync(path.join(w.dataDir, 'backups'))).toHaveLength(1);
  });
});

describe('benchBackup', () => {
  it('backs up and restores a workspace of N MB in child processes, against cp -r', { timeout: 60_000 }, async () => {
    const r = await benchBackup({ megabytes: 8, fileMegabytes: 2, workDir: tempDir() });
    expect(r).toMatchObject({ megabytes: 8, files: 4 });
    expect(r.backupBytes).toBeGreaterThan(8e6);
    for (const n of [r.baselineMs, r.backupMs, r.restoreMs, r.backupPeakRssMb, r.restorePeakRssMb]) {
      expect(n).toBeGreaterThan(0);
    }
    expect(formatBenchBackup(r)).toHaveLength(4);
  });
});

describe('start-up check', () => {
  it('passes a sound workspace, re-hashing a sample of the store', async () => {
    const w = await sampleWorkspace();
    const report = await checkWorkspace(w.dataDir, { sample: 2 });
    expect(report).toMatchObject({ isOk: true, problems: [], backups: [] });
    expect(report.database).toMatchObject({ quickCheck: ['ok'], migrations: 'current', schemaVersion: LATEST_VERSION });
    expect(report.store).toMatchObject({ stored: 3, referenced: 3, sampled: 2, missing: [], damaged: [] });
    const fresh = await checkWorkspace(path.join(tempDir(), 'none'));
    expect(fresh).toMatchObject({ isOk: true, database: { exists: false, migrations: 'none' } });
  });

  it('finds damaged and missing store files', async () => {
    const w = await sampleWorkspace();
    const [a, b] = listStored(w.store).hashes;
    flipByte(storedPath(w.store, a!), 3);
    const { rmSync } = await import('node:fs');
    rmSync(storedPath(w.store, b!));
    const report = await checkWorkspace(w.dataDir, { sample: 100 });
    expect(report.isOk).toBe(false);
    expect(report.store).toMatchObject({ damaged: [a], missing: [b], sampled: 2 });
    expect(report.problems).toHaveLength(2);
  });

  it('finds a corrupted database and lists the good backup first, without touching anything', async () => {
    const dataDir = path.join(tempDir(), 'ws');
    let w = open(dataDir);
    const applicantId = archive.importArchiveJson(w.db, readSampleJson());
    // Enough rows for a database of many pages.
    const doc = JSON.parse(readSampleJson()) as { works: { id: string; title: string }[] };
    for (let i = 0; i < 400; i++) {
      const work = { ...doc.works[0]!, id: `bulk-${i}`, title: `${doc.works[0]!.title} ${'长'.repeat(300)} ${i}` };
      archive.putRecord(w.db, { applicantId, kind: 'works', record: work } as Parameters<typeof archive.putRecord>[1]);
    }
    await addAttachmentFromFile(w, writeFile(tempDir(), 'a.jpg', await makeJpeg(300, 200, { noise: true })));
    const backups = path.join(dataDir, 'backups');
    await autoBackup(w, { now: new Date(2024, 2, 1) });
    await autoBackup(w, { now: new Date(2024, 2, 2) });
    // A newer backup that is damaged: a copy whose database was cut short.
    const damaged = path.join(backups, 'dossier-2024-03-03.zcbak');
    cpSync(path.join(backups, 'dossier-2024-03-02.zcbak'), damaged, { recursive: true });
    const copied = readFileSync(path.join(damaged, DATABASE_FILE));
    writeFileSync(path.join(damaged, DATABASE_FILE), copied.subarray(0, copied.length >> 1));
    close(w);

    // Overwrite pages in the middle of the file with garbage.
    const dbFile = path.join(dataDir, DATABASE_FILE);
    const size = statSync(dbFile).size;
    expect(size).toBeGreaterThan(100 * 4096);
    const bytes = readFileSync(dbFile);
    const page = 4096;
    const from = Math.floor(size / 2 / page) * page;
    randomBytes(4 * page).copy(bytes, from);
    writeFileSync(dbFile, bytes);
    const before = sha256(dbFile);

    const report = await checkWorkspace(dataDir);
    expect(report.isOk).toBe(false);
    expect(report.database.quickCheck).not.toEqual(['ok']);
    expect(report.problems[0]!.zh).toContain('数据库已损坏');
    expect(report.backups.map((b) => [path.basename(b.file), b.status])).toEqual([
      ['dossier-2024-03-02.zcbak', 'good'],
      ['dossier-2024-03-01.zcbak', 'good'],
      ['dossier-2024-03-03.zcbak', 'damaged'],
    ]);
    expect(report.backups[2]!.message?.en).toContain('damaged');
    expect(sha256(dbFile)).toBe(before);

    // At start (CLI and desktop): the user says no → nothing changes, and the restore command is named.
    const asked: RecoveryQuestion[] = [];
    const no = await refusal(() => workspaceToOpen(dataDir, async (q) => (asked.push(q), false)));
    expect(no.code).toBe('workspace_damaged');
    expect(no.localized.zh).toContain('dossier restore');
    expect(path.basename(asked[0]!.backup)).toBe('dossier-2024-03-02.zcbak');
    expect(sha256(dbFile)).toBe(before);
    // Yes → the best backup is restored into a new folder beside it, which is opened instead.
    const target = await workspaceToOpen(dataDir, async () => true);
    expect(target.startsWith(`${dataDir}-restored-`)).toBe(true);
    expect(sha256(dbFile)).toBe(before);
    w = open(target);
    expect((await checkWorkspace(target)).isOk).toBe(true);
    expect(archive.readArchive(w.db, applicantId).works).toHaveLength(doc.works.length + 400);
  });

  it('opens a sound or new workspace without asking', async () => {
    const ask = async () => {
      throw new Error('must not ask');
    };
    const fresh = path.join(tempDir(), 'new');
    expect(await workspaceToOpen(fresh, ask)).toBe(fresh);
    const w = await sampleWorkspace();
    close(w);
    expect(await workspaceToOpen(w.dataDir, ask)).toBe(w.dataDir);
  });
});
