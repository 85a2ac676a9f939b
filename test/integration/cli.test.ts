// The `dossier` command on the same core: init, import-json, export-json, exit codes and messages.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleJson } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

describe('dossier CLI', () => {
  it('init creates a workspace, and says so once', async () => {
    const data = path.join(tempDir(), 'ws');
    expect(await dossier('init', '--data', data)).toMatchObject({
      code: 0,
      out: expect.stringContaining('已创建工作区'),
    });
    expect(existsSync(path.join(data, 'dossier.sqlite'))).toBe(true);
    expect((await dossier('init', '--data', data)).out).toContain('工作区已存在');
  });

  it('import-json then export-json gives back the same bytes, to stdout or atomically to a file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'in.json');
    writeFileSync(file, readSampleJson());
    expect((await dossier('import-json', file, '--data', path.join(dir, 'ws'))).code).toBe(0);
    const stdout = await dossier('export-json', '--data', path.join(dir, 'ws'));
    expect(stdout.out).toBe(readSampleJson());
    const out = path.join(dir, 'out.json');
    expect((await dossier('export-json', '--data', path.join(dir, 'ws'), '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readSampleJson());
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a broken import with exit code 2, every problem as path: message, nothing written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    const doc = JSON.parse(readSampleJson());
    doc.profile.nickname = 'x';
    doc.courses[0].hours = 'ten';
    writeFileSync(file, JSON.stringify(doc));
    const result = await dossier('import-json', file, '--data', path.join(dir, 'ws'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('未导入任何内容');
    expect(result.err).toMatch(/courses\.0\.hours: /);
    expect(result.err).toMatch(/profile: /);
    expect((await dossier('export-json', '--data', path.join(dir, 'ws'))).code).toBe(1);
  });

  it('speaks English with --lang en, and names a missing file', async () => {
    const dir = tempDir();
    const result = await dossier('import-json', path.join(dir, 'nope.json'), '--data', dir, '--lang', 'en');
    expect(result.code).toBe(2);
    expect(result.err).toContain('Cannot read');
  });

  it('answers usage errors with the help and exit code 2', async () => {
    expect((await dossier('frobnicate')).code).toBe(2);
    expect((await dossier('serve', '--port', 'abc')).code).toBe(2);
    expect((await dossier('--help')).out).toContain('dossier serve');
  });
});

describe('dossier CLI on bad paths', () => {
  it('export-json never creates a workspace where there is none', async () => {
    const data = path.join(tempDir(), 'nowhere');
    const result = await dossier('export-json', '--data', data);
    expect(result.code).toBe(1);
    expect(result.err).toContain('没有工作区');
    expect(existsSync(data)).toBe(false);
  });

  it('a refused import leaves no workspace behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{"format":"dossier.archive","version":1}');
    expect((await dossier('import-json', file, '--data', path.join(dir, 'ws'))).code).toBe(2);
    expect(existsSync(path.join(dir, 'ws'))).toBe(false);
  });

  it('an unwritable output path is a message, not a stack trace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'in.json');
    writeFileSync(file, readSampleJson());
    await dossier('import-json', file, '--data', path.join(dir, 'ws'));
    const result = await dossier(
      'export-json',
      '--data',
      path.join(dir, 'ws'),
      '--out',
      path.join(dir, 'no', 'dir', 'x.json'),
    );
    expect(result.code).toBe(1);
    expect(result.err).toBe(`${path.join(dir, 'no', 'dir')}：文件夹不存在。dossier export-json 未完成。`);
  });

  it('--data pointing at a file is a message', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    const result = await dossier('init', '--data', file);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`${file}：已存在，但不是文件夹。dossier init 未完成。`);
  });
});
