// The forms feature through the contract and the CLI (issue 5): what applies, jobs with progress and
// cancel, files kept in the store and replaced when regenerated, out-of-date detection, F-4's figures.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/contract.js';
import { emptyPostInfo, type PostInfo } from '../../shared/forms/postInfo.js';
import { importArchiveJson, exportArchiveJson, saveSection, readArchive } from '../../electron/core/archiveService.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { readSampleJson, closeWorkspace, openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { tempDir, tempWorkspace } from '../helpers/workspace.js';

async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const result = await dispatch(w, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message.en}`);
  return result.value as T;
}

async function runJob(w: Workspace, applicantId: string, keys: string[]): Promise<JobStatus> {
  const { jobId } = await call<{ jobId: string }>(w, 'forms:start', { applicantId, keys });
  for (;;) {
    const status = await call<JobStatus>(w, 'jobs:status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function sampleWorkspace(): { w: Workspace; applicantId: string } {
  const w = tempWorkspace();
  return { w, applicantId: importArchiveJson(w.db, readSampleJson()) };
}

const filledPostInfo = (): PostInfo => ({
  ...emptyPostInfo(),
  establishment: 120,
  totalPosts: 100,
  grades: {
    senior: { ratio: 10, approved: 10, appointed: 8 },
    deputySenior: { ratio: 30, approved: 30, appointed: 27 },
    intermediate: { ratio: 40, approved: 40, appointed: 40 },
    junior: { ratio: 20, approved: 20, appointed: 15 },
  },
  offered: { senior: 1, deputySenior: 3, middle: 2 },
  alreadyQualified: 2,
  recommendedCount: 1,
});

describe('forms service', () => {
  it('lists what applies, makes it in a job, keeps the files in the store, and marks them stale after an edit', async () => {
    const { w, applicantId } = sampleWorkspace();
    type List = {
      fingerprint: string;
      forms: { id: string; applies: boolean; file: { sha256: string } | null; stale: boolean }[];
    };
    const before = await call<List>(w, 'forms:list', { applicantId });
    // The fingerprint is the SHA-256 of the export JSON: what `sha256sum content/archive.json` prints.
    const json = exportArchiveJson(w.db, applicantId).json;
    expect(before.fingerprint).toBe(createHash('sha256').update(json).digest('hex'));
    const applies = Object.fromEntries(before.forms.map((f) => [f.id, f.applies]));
    const archive = readArchive(w.db, applicantId);
    expect(applies['F-3']).toBe(archive.application.exceptional);
    expect(applies['F-4']).toBe(archive.unit.type === 'public_institution');

    const status = await runJob(w, applicantId, ['F-1', 'M-2', 'index']);
    expect(status.state).toBe('done');
    expect(status.files.map((f) => f.key)).toEqual(['F-1', 'M-2', 'index']);
    for (const f of status.files) {
      const bytes = readFileSync(storedPath(w.store, f.sha256));
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(f.archiveSha256).toBe(before.fingerprint);
    }
    const f1 = status.files[0]!;
    let list = await call<List>(w, 'forms:list', { applicantId });
    expect(list.forms.find((f) => f.id === 'F-1')).toMatchObject({ file: { sha256: f1.sha256 }, stale: false });

    // Same archive → same bytes (the hash goes into the package).
    const again = await runJob(w, applicantId, ['F-1']);
    expect(again.files[0]!.sha256).toBe(f1.sha256);

    saveSection(w.db, { applicantId, section: 'profile', data: { ...archive.profile, phone: '13900000000' } });
    list = await call<List>(w, 'forms:list', { applicantId });
    expect(list.forms.find((f) => f.id === 'F-1')!.stale).toBe(true);
    const regenerated = await runJob(w, applicantId, ['F-1']);
    expect(regenerated.files[0]!.sha256).not.toBe(f1.sha256);
    // The replaced file is gone from the store; the store check counts the new one as referenced.
    expect(existsSync(storedPath(w.store, f1.sha256))).toBe(false);
    const verify = await call<{ isOk: boolean; unreferenced: string[] }>(w, 'store:verify', {});
    expect(verify).toMatchObject({ isOk: true, unreferenced: [] });
  });

  it('F-4 waits for the unit’s figures: refused in the job with the reason, the other outputs kept', async () => {
    const { w, applicantId } = sampleWorkspace();
    const archive = readArchive(w.db, applicantId);
    saveSection(w.db, { applicantId, section: 'unit', data: { ...archive.unit, type: 'public_institution' } });
    const missing = await runJob(w, applicantId, ['M-2', 'F-4']);
    expect(missing.state).toBe('failed');
    expect(missing.error?.code).toBe('post_info_missing');
    expect(missing.files.map((f) => f.key)).toEqual(['M-2']);

    const bad = { ...filledPostInfo(), totalPosts: 50 };
    const saved = await call<{ problems: { path: string }[] }>(w, 'postInfo:set', { postInfo: bad });
    expect(saved.problems.map((p) => p.path)).toContain('totalPosts');
    type List = { forms: { id: string; why: { zh: string } | null }[] };
    const list = await call<List>(w, 'forms:list', { applicantId });
    expect(list.forms.find((f) => f.id === 'F-4')!.why?.zh).toMatch(/岗位信息表/);

    await call(w, 'postInfo:set', { postInfo: filledPostInfo() });
    const ok = await runJob(w, applicantId, ['F-4']);
    expect(ok.state).toBe('done');
    const got = await call<{ postInfo: PostInfo; saved: boolean }>(w, 'postInfo:get', {});
    expect(got).toMatchObject({ saved: true, postInfo: { totalPosts: 100 } });
  });

  it('refuses bad input with the field named: a negative count, an unknown output key, a form that does not apply', async () => {
    const { w, applicantId } = sampleWorkspace();
    const negative = await dispatch(w, 'postInfo:set', { postInfo: { ...filledPostInfo(), establishment: -1 } });
    expect(negative.ok).toBe(false);
    if (!negative.ok) expect(negative.error.issues?.map((i) => i.path)).toContain('postInfo.establishment');
    const unknown = await dispatch(w, 'forms:start', { applicantId, keys: ['F-9'] });
    expect(unknown.ok).toBe(false);
    const archive = readArchive(w.db, applicantId);
    saveSection(w.db, { applicantId, section: 'application', data: { ...archive.application, exceptional: false } });
    const f3 = await runJob(w, applicantId, ['F-3']);
    expect(f3).toMatchObject({ state: 'failed', error: { code: 'form_not_applicable' } });
  });

  it('cancels between outputs and keeps only what was finished', async () => {
    const { w, applicantId } = sampleWorkspace();
    const { jobId } = await call<{ jobId: string }>(w, 'forms:start', { applicantId, keys: ['F-1', 'M-2', 'M-3'] });
    await call(w, 'jobs:cancel', { jobId });
    let status = await call<JobStatus>(w, 'jobs:status', { jobId });
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      status = await call<JobStatus>(w, 'jobs:status', { jobId });
    }
    expect(status.state).toBe('cancelled');
    type List = { forms: { id: string; file: unknown }[] };
    const list = await call<List>(w, 'forms:list', { applicantId });
    const made = list.forms.filter((f) => f.file !== null).map((f) => f.id);
    expect(made).toEqual(status.files.map((f) => f.key));
  });
});

describe('dossier forms', () => {
  it('writes every form that applies into the folder, whole', async () => {
    const data = tempDir();
    const w = openWorkspace(data);
    importArchiveJson(w.db, readSampleJson());
    closeWorkspace(w);
    const out = path.join(tempDir(), 'forms');
    const result = await dossier('forms', '--data', data, '--out', out);
    expect(result.err).toMatch(/F-1 专业技术资格评审表\.pdf/);
    expect(result.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('F-1 专业技术资格评审表.pdf');
    expect(files).toContain('00 申报材料目录.pdf');
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('exits 2 on an unknown output and 1 without a workspace', async () => {
    const data = tempDir();
    const w = openWorkspace(data);
    importArchiveJson(w.db, readSampleJson());
    closeWorkspace(w);
    const bad = await dossier('forms', '--data', data, '--out', tempDir(), '--only', 'F-9');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/F-9/);
    const none = await dossier('forms', '--data', path.join(tempDir(), 'nothing'), '--out', tempDir());
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/没有工作区/);
  });
});
