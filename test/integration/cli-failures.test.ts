// Errors are messages (issue 13): on a damaged database (junk written into a data page, then into an index
// page, of a real dossier.sqlite) and on a full disk (a real tmpfs filled to the last byte), `check`,
// `forms`, `export`, `export-json`, `backup` and `import-json` each answer with a message naming what and
// where, in Chinese without SQLite's or the OS's English words, with the documented exit code (3: the data
// folder cannot be used now — never check's 1), no stack trace, and the database file's bytes unchanged.
import { execFileSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importArchiveJson } from '../../electron/core/archiveService.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace, readSampleJson } from '../../electron/core/workspace.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { dossier } from '../helpers/cli.js';
import { PASSPHRASE } from '../helpers/exportFixtures.js';
import { tempDir } from '../helpers/workspace.js';

const saved = process.env.DOSSIER_PASSPHRASE;
beforeEach(() => void (process.env.DOSSIER_PASSPHRASE = PASSPHRASE));
afterEach(() => {
  if (saved === undefined) delete process.env.DOSSIER_PASSPHRASE;
  else process.env.DOSSIER_PASSPHRASE = saved;
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The sample archive in a closed workspace at `dir`. */
function sampleAt(dir: string): string {
  const w = openWorkspace(dir);
  importArchiveJson(w.db, readSampleJson());
  closeWorkspace(w);
  return dir;
}

/** Overwrites the root page of a table or an index with random bytes. */
function corrupt(file: string, name: string): void {
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as {
    rootpage: number;
  };
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const junk = randomFillSync(Buffer.alloc(size));
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, junk, 0, size, (rootpage - 1) * size);
  } finally {
    closeSync(fd);
  }
}

/** What every failure must be: a message, no stack trace, no English error words in the Chinese text. */
function expectMessage(r: { out: string; err: string }, label: string): void {
  const text = `${r.out}\n${r.err}`;
  expect(text, label).not.toMatch(/\n\s+at |SqliteError|Error:|ENOSPC|no space left|disk is full|malformed/);
}

/** The six commands, each with its --out where it has one. */
function commands(out: string): string[][] {
  return [
    ['check'],
    ['forms', '--out', path.join(out, 'forms')],
    ['export', '--out', path.join(out, 'p.zcpkg')],
    ['export-json', '--out', path.join(out, 'a.json')],
    ['backup', '--out', path.join(out, 'b.zcbak')],
    ['import-json', path.join(out, 'in.json')],
  ];
}

describe('a damaged database', () => {
  for (const [what, name] of [
    ['a data page (record)', 'record'],
    ['an index page (record_list)', 'record_list'],
  ] as const) {
    it(`${what}: every command says so, exit 3, and leaves the file as it was`, async () => {
      const dir = sampleAt(tempDir());
      const file = path.join(dir, DATABASE_FILE);
      corrupt(file, name);
      const before = sha256(file);
      const out = tempDir();
      writeFileSync(path.join(out, 'in.json'), readSampleJson());
      for (const args of commands(out)) {
        const r = await dossier(...args, '--data', dir);
        const label = `${what}: ${args[0]}`;
        expectMessage(r, label);
        if (args[0] === 'backup') {
          // The rescue still runs: the backup is made, and marked as made of a damaged workspace.
          expect(r.code, label).toBe(0);
          expect(r.out, label).toContain('注意：备份时工作区已有问题（数据库检查未通过');
        } else {
          expect(r.code, label).toBe(3);
          expect(r.err, label).toContain(`数据库已损坏（${file}）：dossier ${args[0]} 无法读取，未写入任何内容。`);
          expect(r.err, label).toContain('dossier restore');
        }
        expect(sha256(file), label).toBe(before);
      }
      const json = await dossier('check', '--data', dir, '--json');
      expect(json.code).toBe(3);
      expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
      const en = await dossier('export-json', '--data', dir, '--lang', 'en');
      expect(en.err).toMatch(
        /^The database is damaged \(.*\): dossier export-json could not read it and wrote nothing/,
      );
    }, 120_000);
  }
});

describe('a full disk (a real tmpfs)', () => {
  let mount = '';
  let point = '';
  beforeAll(() => {
    // Not tempDir(): its clean-up after each test would try to remove the mount point itself.
    point = mkdtempSync(path.join(os.tmpdir(), 'dossier-full-'));
    mount = point;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', mount], { stdio: 'pipe' });
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      mount = '';
      throw new Error(
        `This test needs a small tmpfs to fill (mount -t tmpfs, as root, as CI runs) and mount was refused: ${why}`,
      );
    }
  });
  afterAll(() => {
    if (mount) execFileSync('umount', [mount]);
    rmSync(point, { recursive: true, force: true });
  });
  // Each test fills the disk; the next starts with room again.
  afterEach(() => {
    for (const name of mount ? readdirSync(mount) : []) {
      if (name.startsWith('filler-')) rmSync(path.join(mount, name));
    }
  });

  /** Fills the tmpfs until `leave` bytes are free (0: to the last byte, until the OS says ENOSPC). */
  function fill(leave: number): void {
    const filler = openSync(path.join(mount, `filler-${leave}`), 'w');
    try {
      const chunk = Buffer.alloc(64 * 1024);
      for (;;) {
        const { bavail, bsize } = statfsSync(mount);
        const room = bavail * bsize - leave;
        if (room <= 0) return;
        writeSync(filler, chunk, 0, Math.min(chunk.length, room));
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    } finally {
      closeSync(filler);
    }
  }

  /**
   * On the tmpfs: the sample workspace, an empty one (for import-json), an --out folder holding the archive to
   * import, and the two database files with their hashes.
   */
  function onTmpfs(tag: string) {
    const dir = sampleAt(path.join(mount, `ws${tag}`));
    const empty = path.join(mount, `empty${tag}`);
    closeWorkspace(openWorkspace(empty));
    const out = path.join(mount, `out${tag}`);
    mkdirSync(out);
    writeFileSync(path.join(out, 'in.json'), readSampleJson());
    const files = [path.join(dir, DATABASE_FILE), path.join(empty, DATABASE_FILE)];
    return { dir, empty, out, files, before: files.map(sha256) };
  }

  it('with no byte free: each command names the folder and the space, exit 3, the file unchanged', async () => {
    const { dir, empty, out, files } = onTmpfs('');
    expect((await dossier('keygen', '--data', dir)).code).toBe(0);
    const before = files.map(sha256);
    fill(0);
    for (const args of commands(out)) {
      const target = args[0] === 'import-json' ? empty : dir;
      const r = await dossier(...args, '--data', target);
      const label = `full: ${args[0]}`;
      expectMessage(r, label);
      expect(r.code, label).toBe(3);
      expect(r.err, label).toMatch(new RegExp(`^磁盘空间不足：${mount}/\\S+ 所在磁盘已满，需要约 [\\d.]+ [KMG]B。`));
      expect(r.err, label).toContain(`dossier ${args[0]} 未完成`);
      expect(files.map(sha256), label).toEqual(before);
    }
    const en = await dossier('import-json', path.join(out, 'in.json'), '--data', empty, '--lang', 'en');
    expect(en.err).toMatch(/^The disk is full: no space left where .* is; about [\d.]+ [KMG]B is needed\./);
  }, 120_000);

  it('in the app: a save on a full disk answers a disk-full message in Chinese, not SQLite’s English', async () => {
    const w = openWorkspace(path.join(mount, 'app'));
    try {
      const applicantId = importArchiveJson(w.db, readSampleJson());
      fill(0);
      const r = await dispatch(w, 'archive:saveSection', {
        applicantId,
        section: 'materials',
        data: { paperCopies: [] },
      });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('disk_full');
      expect(r.error.message.zh).toMatch(
        new RegExp(`^磁盘空间不足：${mount}/app 所在磁盘已满，需要约 [\\d.]+ [KMG]B。`),
      );
      expect(r.error.message.zh).not.toMatch(/database|disk is full|内部错误/);
    } finally {
      closeWorkspace(w);
    }
  });

  it('with room to open but not to write: the output or the database write fails as a message', async () => {
    const { dir, empty, out, files, before } = onTmpfs('2');
    fill(64 * 1024);
    for (const [args, target, where] of [
      [['forms', '--out', path.join(out, 'forms')], dir, path.join(out, 'forms')],
      [['import-json', path.join(out, 'in.json')], empty, empty],
    ] as const) {
      const r = await dossier(...args, '--data', target);
      const label = `room: ${args[0]}`;
      expectMessage(r, label);
      expect(r.code, label).toBe(3);
      expect(r.err, label).toContain(`磁盘空间不足：${where} 所在磁盘`);
      expect(files.map(sha256), label).toEqual(before);
    }
  }, 120_000);
});
