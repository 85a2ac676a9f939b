// One writer per data folder (issue 13): the running app holds an OS lock on its folder (a second app and
// the writing commands are refused, naming it; the lock goes with the process, kill -9 included); the
// reading commands open the database read-only and leave its bytes as they were; every transaction takes
// the write lock at BEGIN, so archive:create racing `dossier import-json` never makes two archives.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { importArchiveJson } from '../../electron/core/archiveService.js';
import { listApplicantIds } from '../../electron/core/archiveRepo.js';
import { openDatabase } from '../../electron/core/db.js';
import { MIGRATIONS } from '../../electron/core/migrations.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace, readSampleJson } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A child process running the sources through jiti (test/helpers/…): the real code, in a process of its own. */
function child(script: string, args: string[] = []): ChildProcess & { lines: () => Promise<string> } {
  const c = spawn(process.execPath, ['--import', 'jiti/register', path.resolve('test/helpers', script), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(c);
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: c.stdout! }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queue.push(line);
  });
  const lines = () => {
    const line = queue.shift();
    return line !== undefined ? Promise.resolve(line) : new Promise<string>((resolve) => waiting.push(resolve));
  };
  return Object.assign(c, { lines });
}

function exited(c: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  c.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => c.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** A workspace holding the sample archive, closed again. */
function sampleFolder(): string {
  const dir = tempDir();
  const w = openWorkspace(dir);
  importArchiveJson(w.db, readSampleJson());
  closeWorkspace(w);
  return dir;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** `dossier serve` in a child; resolves once it prints its address. */
async function serving(dir: string): Promise<ChildProcess> {
  const server = child('cliChild.ts', ['serve', '--data', dir]);
  for (;;) {
    const line = await server.lines();
    if (line.includes('http://127.0.0.1:')) return server;
  }
}

describe('one app per data folder', () => {
  it('a second `dossier serve` refuses in one line naming the first, exit 3; the lock goes with a kill -9', async () => {
    const dir = sampleFolder();
    const first = await serving(dir);

    const second = child('cliChild.ts', ['serve', '--data', dir]);
    const { code, stderr } = await exited(second);
    expect(code).toBe(3);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`数据文件夹 ${dir} 正由 dossier serve（进程 ${first.pid}，`);
    expect(lines[0]).toContain('同一文件夹只能由一个应用打开');
    expect(stderr).not.toMatch(/\n\s+at |SqliteError/);

    // Killed, it cannot say goodbye: the OS releases its lock, and the folder is free at once.
    const gone = exited(first);
    first.kill('SIGKILL');
    await gone;
    const after = await dossier('init', '--data', dir);
    expect(after.code).toBe(0);
  }, 60_000);

  it('refuses the writing commands while the app runs and says so; the reading ones run beside it', async () => {
    const dir = sampleFolder();
    const json = path.join(tempDir(), 'archive.json');
    writeFileSync(json, readSampleJson());
    const server = await serving(dir);

    for (const args of [
      ['import-json', json],
      ['params', '--set', 'applicationDate=2020-10-01'],
      ['backup'],
      ['unit-profile', '--set', json],
    ]) {
      const r = await dossier(...args, '--data', dir);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.err).toContain(`正由 dossier serve（进程 ${server.pid}，`);
      expect(r.err).toContain(`应用运行时不能用命令行修改此文件夹，未作任何改动`);
      expect(r.err).toContain(`dossier ${args[0]}`);
    }
    const en = await dossier('import-json', json, '--data', dir, '--lang', 'en');
    expect(en.err).toMatch(
      /^The data folder .* is in use by dossier serve \(process \d+, since .*\); the command line does not change it while the app runs/,
    );

    expect((await dossier('check', '--data', dir)).code).toBe(1); // the sample fails the rules: it ran
    expect((await dossier('export-json', '--data', dir)).code).toBe(0);
    expect((await dossier('materials', '--data', dir)).code).toBe(0);
    expect((await dossier('params', '--data', dir)).code).toBe(0);
  }, 60_000);
});

describe('the reading commands never write', () => {
  it('check, materials, export-json, forms --out, params, doctor leave the database file as it was', async () => {
    const dir = sampleFolder();
    const file = path.join(dir, DATABASE_FILE);
    const before = sha256(file);
    const out = tempDir();
    expect((await dossier('check', '--data', dir)).code).toBe(1);
    expect((await dossier('check', '--data', dir, '--json')).code).toBe(1);
    expect((await dossier('materials', '--data', dir)).code).toBe(0);
    expect((await dossier('export-json', '--data', dir, '--out', path.join(out, 'a.json'))).code).toBe(0);
    expect((await dossier('params', '--data', dir)).code).toBe(0);
    expect((await dossier('doctor', '--data', dir)).code).toBe(0);
    const forms = await dossier('forms', '--data', dir, '--out', path.join(out, 'forms'), '--only', 'F-1,index');
    expect(forms.code, forms.err).toBe(0);
    expect(existsSync(path.join(out, 'forms'))).toBe(true);
    expect(sha256(file)).toBe(before);
    // Nothing beside it either: the write-ahead log (a reader may leave it, empty) holds nothing, and no
    // form was kept in the workspace.
    if (existsSync(`${file}-wal`)) expect(statSync(`${file}-wal`).size).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM generated_file').get()).toEqual({ n: 0 });
    db.close();
  }, 120_000);

  it('a database that needs an upgrade is said to, not upgraded', async () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    openDatabase(file, MIGRATIONS.slice(0, -1)).close();
    const before = sha256(file);
    for (const command of ['check', 'export-json', 'materials']) {
      const r = await dossier(command, '--data', dir);
      expect(r.code, command).toBe(3);
      expect(r.err).toMatch(/需要升级到 \d+；只读的命令不做升级，未作任何改动/);
    }
    expect(sha256(file)).toBe(before);
  });
});

describe('every write transaction is BEGIN IMMEDIATE', () => {
  it('takes the write lock at BEGIN, before its first write', () => {
    const dir = tempDir();
    const w = openWorkspace(dir);
    const other = new Database(path.join(dir, DATABASE_FILE), { timeout: 0 });
    try {
      let refused: unknown = null;
      w.db.transaction(() => {
        listApplicantIds(w.db); // a read only, so far
        try {
          other.exec('BEGIN IMMEDIATE');
        } catch (e) {
          refused = e;
        }
      })();
      expect((refused as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
    } finally {
      other.close();
      closeWorkspace(w);
    }
  });

  it('archive:create racing `dossier import-json` (two processes) 50 times: never two archives', async () => {
    const json = path.join(tempDir(), 'archive.json');
    writeFileSync(json, readSampleJson());
    const importer = child('raceChild.ts');
    const creator = child('raceChild.ts');
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 50; i++) {
      const dir = tempDir();
      closeWorkspace(openWorkspace(dir)); // migrated: the two race on the archive, not on the schema
      // Written in one turn: both warm processes read their line at the same moment.
      importer.stdin!.write(`import\t${dir}\t${json}\n`);
      creator.stdin!.write(`create\t${dir}\n`);
      const [imported, created] = await Promise.all([importer.lines(), creator.lines()]);
      const key = `${imported} / ${created}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      const w = openWorkspace(dir);
      const count = listApplicantIds(w.db).length;
      closeWorkspace(w);
      expect(count, `try ${i}: ${key}`).toBe(1);
    }
    // Each try: exactly one of the two won; the other was told the workspace is not empty.
    const seen = JSON.stringify([...outcomes]);
    for (const key of outcomes.keys()) {
      expect(['done 0 / done workspace_not_empty', 'done 1 / done ok'], seen).toContain(key);
    }
  }, 240_000);
});
