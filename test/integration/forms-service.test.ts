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
import { allOutputKeys } from '../../electron/core/forms/formsService.js';
import { dossier } from '../helpers/cli.js';
import { pdfText, squash, writePagePngs } from '../helpers/pdf.js';
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

describe('forms list: warnings and what a form waits for', () => {
  type Entry = { id: string; applies: boolean; why: { zh: string } | null };
  type List = { forms: Entry[] };
  const form = (list: List, id: string) => list.forms.find((f) => f.id === id)!;

  it('M-3 warns of a publicity period shorter than N-8 asks, and is still made with everything else', async () => {
    const { w, applicantId } = sampleWorkspace();
    expect(form(await call<List>(w, 'forms:list', { applicantId }), 'M-3').why).toBe(null);
    // 2020-09-28 … 2020-10-09: 9-28, 9-29, 9-30, the National Day holiday, then 10-9 — 4 working days.
    await call(w, 'rules:setParams', { params: { publicityStart: '2020-09-28', publicityEnd: '2020-10-09' } });
    const list = await call<List>(w, 'forms:list', { applicantId });
    expect(form(list, 'M-3')).toMatchObject({
      applies: true,
      why: { zh: '公示期仅 4 个工作日，少于 5 个工作日（N-8）' },
    });
    expect(allOutputKeys(w, applicantId)).toContain('M-3');
    const made = await runJob(w, applicantId, ['M-3']);
    expect(made.state).toBe('done');
    // Long enough: no warning.
    await call(w, 'rules:setParams', { params: { publicityEnd: '2020-10-10' } });
    expect(form(await call<List>(w, 'forms:list', { applicantId }), 'M-3').why).toBe(null);
  });

  it('M-8 prints the work summary; without one it waits, says where to write it, and is refused', async () => {
    const { w, applicantId } = sampleWorkspace();
    expect(form(await call<List>(w, 'forms:list', { applicantId }), 'M-8')).toMatchObject({ applies: true, why: null });
    expect(allOutputKeys(w, applicantId)).toContain('M-8');
    const archive = readArchive(w.db, applicantId);
    saveSection(w.db, { applicantId, section: 'summary', data: { ...archive.summary, text: ' \n ' } });
    const list = await call<List>(w, 'forms:list', { applicantId });
    expect(form(list, 'M-8')).toMatchObject({ applies: true, why: { zh: '请先在“工作总结”中填写专业技术工作总结' } });
    expect(allOutputKeys(w, applicantId)).not.toContain('M-8');
    const refused = await runJob(w, applicantId, ['M-8']);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'summary_missing' } });
    expect(refused.error?.issues?.map((i) => i.path)).toEqual(['M-8.summary.text']);
  });

  it('F-4 is not ready while its figures are all empty, even when saved', async () => {
    const { w, applicantId } = sampleWorkspace();
    const archive = readArchive(w.db, applicantId);
    saveSection(w.db, { applicantId, section: 'unit', data: { ...archive.unit, type: 'public_institution' } });
    await call(w, 'postInfo:set', {
      postInfo: { ...emptyPostInfo(), offered: { senior: 0, deputySenior: 1, middle: 0 } },
    });
    const list = await call<List>(w, 'forms:list', { applicantId });
    expect(form(list, 'F-4').why?.zh).toBe('请先填写“岗位信息表”');
    const refused = await runJob(w, applicantId, ['F-4']);
    expect(refused.error?.code).toBe('post_info_missing');
  });

  it('F-4 waits for a list that names the applicant (the ID number of the archive)', async () => {
    const { w, applicantId } = sampleWorkspace();
    const archive = readArchive(w.db, applicantId);
    saveSection(w.db, { applicantId, section: 'unit', data: { ...archive.unit, type: 'public_institution' } });
    const other = {
      name: '陈珺燊',
      idNumber: '33080219850301018X',
      currentQualification: '工程师',
      appointedGrade: '中级',
      appointedDate: '2012-09-01',
      postLevel: '专业技术十级',
      titleApplied: '高级工程师',
    };
    const saved = await call<{ problems: unknown[] }>(w, 'postInfo:set', {
      postInfo: { ...filledPostInfo(), recommended: [other] },
    });
    // Saved (a draft), with the problem named at the list: the applicant is not on it.
    expect(saved.problems).toEqual([expect.objectContaining({ path: 'recommended' })]);
    const list = await call<List>(w, 'forms:list', { applicantId });
    expect(form(list, 'F-4').why?.zh).toContain('不在推荐名单中');
  });

  it('the material index says what is still missing beside a printed form, and where M-6 comes from', async () => {
    const { w, applicantId } = sampleWorkspace();
    const status = await runJob(w, applicantId, ['F-1', 'M-2', 'M-3', 'M-8', 'index']);
    expect(status.state).toBe('done');
    const index = status.files.find((f) => f.key === 'index')!;
    const bytes = readFileSync(storedPath(w.store, index.sha256));
    await writePagePngs(bytes, path.join('test-results', 'forms'), 'index-service');
    const text = squash(await pdfText(bytes, { mode: 'raw' }));
    // Each file by what it is, not by its file name (issue 15).
    expect(text).toContain('《申报材料公示确认表》');
    expect(text).not.toContain('.pdf');
    expect(text).toContain('由单位提供（公示期满后出具并盖章，加签时加入申报包）');
    expect(text).toContain('取自档案（系统自动提取）');
    expect(text).toContain('《专业技术工作总结》');
    expect(text).toContain('《专业技术职务任职资格评审材料真实性保证书》');
    // One file each: no 小计 under them.
    expect(text).not.toContain('小计');
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
