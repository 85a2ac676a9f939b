// The backup commands (electron/backupCommand.ts) on real workspaces: what they print, in both languages,
// and their exit codes (0 success, 1 failure, 2 invalid input).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import { addAttachmentFromFile } from '../../electron/core/attachments/attachmentService.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace, readSampleJson } from '../../electron/core/workspace.js';
import { runBackup, runDoctor, runRestore, runVerifyBackup } from '../../electron/backupCommand.js';
import { makeJpeg, writeFile } from '../helpers/files.js';
import { tempDir } from '../helpers/workspace.js';

async function capture(run: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    const code = await run();
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

async function workspaceDir(): Promise<string> {
  const dir = path.join(tempDir(), 'ws');
  const w = openWorkspace(dir);
  archive.importArchiveJson(w.db, readSampleJson());
  await addAttachmentFromFile(w, writeFile(tempDir(), 'a.jpg', await makeJpeg(300, 200)));
  closeWorkspace(w);
  return dir;
}

describe('dossier backup / verify-backup / restore / doctor', () => {
  it('backs up, verifies and restores, saying where', async () => {
    const dataDir = await workspaceDir();
    const out = path.join(tempDir(), 'mine.zcbak');
    const backup = await capture(() => runBackup({ dataDir, out, lang: 'zh' }));
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toContain(`已备份并校验：${out}`);
    expect(backup.out).toContain('1 个附件文件');

    const verify = await capture(() => runVerifyBackup({ file: out, lang: 'en' }));
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('The backup is intact');
    const json = await capture(() => runVerifyBackup({ file: out, json: true, lang: 'en' }));
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, value: { files: 1, clean: true } });

    const target = path.join(tempDir(), 'restored');
    const restore = await capture(() => runRestore({ file: out, target, lang: 'en' }));
    expect(restore.code).toBe(0);
    expect(restore.out).toContain(`restored into a new workspace: ${target}`);
    expect(readdirSync(target)).toContain(DATABASE_FILE);
    // Never over a workspace: exit 2, said in the chosen language.
    const again = await capture(() => runRestore({ file: out, target, lang: 'zh' }));
    expect(again.code).toBe(2);
    expect(again.err).toContain('不是空的');
  });

  it('writes into the backups folder by default, and rotates with --auto', async () => {
    const dataDir = await workspaceDir();
    expect((await capture(() => runBackup({ dataDir, lang: 'en' }))).code).toBe(0);
    const auto = await capture(() => runBackup({ dataDir, auto: true, keep: '3', lang: 'en' }));
    expect(auto.code).toBe(0);
    const names = readdirSync(path.join(dataDir, 'backups'));
    expect(names.filter((n) => n.startsWith('dossier-manual-'))).toHaveLength(1);
    expect(names.filter((n) => /^dossier-\d{4}-\d{2}-\d{2}\.zcbak$/.test(n))).toHaveLength(1);
    const second = await capture(() => runBackup({ dataDir, auto: true, lang: 'en' }));
    expect(second.out).toContain("Today's backup already exists");
    expect((await capture(() => runBackup({ dataDir, auto: true, keep: '0', lang: 'en' }))).code).toBe(2);
  });

  it('refuses a damaged backup with exit 1 and a foreign file with exit 2', async () => {
    const dataDir = await workspaceDir();
    const out = path.join(tempDir(), 'b.zcbak');
    await capture(() => runBackup({ dataDir, out, lang: 'zh' }));
    const bytes = readFileSync(out);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(out, bytes);
    const damaged = await capture(() => runVerifyBackup({ file: out, lang: 'zh' }));
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/备份文件“b\.zcbak”已损坏/);
    const asJson = await capture(() => runVerifyBackup({ file: out, json: true, lang: 'en' }));
    expect(JSON.parse(asJson.out)).toMatchObject({ ok: false, error: { code: 'backup_damaged' } });

    const foreign = path.join(tempDir(), 'x.zcbak');
    writeFileSync(foreign, 'not a backup');
    const notOurs = await capture(() => runVerifyBackup({ file: foreign, lang: 'en' }));
    expect(notOurs.code).toBe(2);
    expect(notOurs.err).toContain('"x.zcbak" is not a backup made by this app: it is not a ZIP file.');
    expect((await capture(() => runVerifyBackup({ file: path.join(tempDir(), 'none.zcbak'), lang: 'en' }))).code).toBe(
      2,
    );
    expect((await capture(() => runRestore({ file: out, target: undefined, lang: 'en' }))).code).toBe(2);
  });

  it('doctor: 0 for a sound workspace, 1 with the backup to restore when damaged', async () => {
    const dataDir = await workspaceDir();
    await capture(() => runBackup({ dataDir, auto: true, lang: 'zh' }));
    // A whole backup file too (as one taken to another disk would be), in the folder doctor looks in.
    await capture(() => runBackup({ dataDir, out: path.join(dataDir, 'backups'), lang: 'zh' }));
    const ok = await capture(() => runDoctor({ dataDir, lang: 'zh' }));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('结论：工作区完好。');
    expect(ok.out).toMatch(/✓ dossier-\d{4}-\d{2}-\d{2}\.zcbak/);
    expect(ok.out).toMatch(/✓ dossier-manual-\d{8}-\d{6}\.zcbak/);

    // A store file overwritten in place: the backup folder shares it, so only the whole file can restore it.
    const [stored] = readdirSync(path.join(dataDir, 'store')).filter((d) => d !== 'tmp');
    const folder = path.join(dataDir, 'store', stored!);
    const [file] = readdirSync(folder);
    writeFileSync(path.join(folder, file!), 'changed');
    const bad = await capture(() => runDoctor({ dataDir, lang: 'en' }));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('damaged (content does not match their SHA-256)');
    expect(bad.out).toMatch(/✗ dossier-\d{4}-\d{2}-\d{2}\.zcbak/);
    expect(bad.out).toContain('changed after the backup was made: a backup folder shares its files with the workspace');
    expect(bad.out).toMatch(/dossier restore ".*dossier-manual-\d{8}-\d{6}\.zcbak" NEW_FOLDER/);
    const json = await capture(() => runDoctor({ dataDir, json: true, lang: 'en' }));
    expect(JSON.parse(json.out)).toMatchObject({ isOk: false, backups: [{ status: 'good' }, { status: 'damaged' }] });
    expect((await capture(() => runDoctor({ dataDir: tempDir(), lang: 'en' }))).code).toBe(2);
  });
});
