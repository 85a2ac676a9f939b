// The unit's own F-4 (issue 19, item 5; notice F-4, N-14, M-12) on real workspaces and real PDFs read back
// with poppler: a public institution prints it at any time — marked 草稿 on every page while figures are
// blank or do not add up, without the mark once complete — from `dossier forms --only F-4` and unit:f4;
// an enterprise (or a unit whose type is not chosen) is told why it has none, exit 1, nothing written.
// The stored sheet is served like any generated form, counted by the store's check and the backups, and
// replaced (its old bytes removed) when the figures change. Pages go to test-results/unit/ as PNGs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError, GeneratedFile, Localized } from '../../shared/api/contract.js';
import { applicantAsRecommended } from '../../shared/forms/applicant.js';
import { emptyPostInfo, type PostInfo } from '../../shared/forms/postInfo.js';
import type { UnitProfile } from '../../shared/unit/schema.js';
import { openStoredFile } from '../../electron/core/attachments/files.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { verifyStore } from '../../electron/core/attachments/verify.js';
import { referencedHashes } from '../../electron/core/backup/snapshot.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { setPostInfo, sha256Hex } from '../../electron/core/forms/context.js';
import { jsonBytes } from '../../electron/core/package/content.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { workspaceIn } from '../helpers/exportFixtures.js';
import { dossier } from '../helpers/cli.js';
import { pdfText, renderCheck, squash, writePagePngs } from '../helpers/pdf.js';
import { postFigures } from '../helpers/postInfo.js';
import { personArchive, UNIT, unitWorkspace } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

const PNG_DIR = path.join(import.meta.dirname, '../../test-results/unit');

const INSTITUTION: UnitProfile = {
  ...UNIT,
  name: '衢州市特种设备检测研究院',
  type: 'public_institution',
  competentDepartment: '衢州市市场监督管理局',
};

/** Figures an official accepts, every cell filled: the sheet to be sealed. */
function complete(): PostInfo {
  return {
    ...emptyPostInfo(),
    ...postFigures(),
    offered: { senior: 0, deputySenior: 2, middle: 3 },
    alreadyQualified: 1,
    recommendedCount: 1,
    recommended: [{ ...applicantAsRecommended(personArchive(1)), postLevel: '专业技术十级' }],
  };
}

function institution(profile: UnitProfile | null = INSTITUTION): { w: Workspace; data: string } {
  const data = tempDir();
  return { w: unitWorkspace({ dir: data, profile }), data };
}

async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const r = await dispatch(w, method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function refusal(w: Workspace, method: string, input: unknown): Promise<ApiError> {
  const r = await dispatch(w, method, input);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error;
}

const read = (dir: string, name: string) => new Uint8Array(readFileSync(path.join(dir, name)));

describe('dossier forms --only F-4 in a unit’s workspace', () => {
  it('a public institution without figures gets a draft: marked 草稿 on every page, said on stdout', async () => {
    const { data } = institution();
    const out = path.join(tempDir(), 'f4');
    const r = await dossier('forms', '--only', 'F-4', '--data', data, '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['F-4 事业单位人员职称申报岗位信息表（草稿）.pdf']);
    expect(r.out).toContain('草稿：');
    expect(r.out).toContain('尚未填写：编制数、专业技术岗位总数');
    expect(r.out).toContain('请勿盖章报送');
    const bytes = read(out, 'F-4 事业单位人员职称申报岗位信息表（草稿）.pdf');
    const text = await pdfText(bytes);
    expect(text).toContain('草稿');
    expect(text).toContain('岗位信息尚未填写完整或有待更正，仅供核对，请勿盖章报送');
    expect(squash(text)).toContain('衢州市特种设备检测研究院');
    // The footer ties the paper to the figures as level 2 carries them (content/unit/post-info.json).
    const fp = sha256Hex(jsonBytes(emptyPostInfo())).slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
    expect(text).toContain(`岗位信息指纹 ${fp}`);
    await writePagePngs(bytes, PNG_DIR, 'unit-f4-draft', { dpi: 60 });
    const render = await renderCheck(bytes);
    expect(render.problems).toEqual([]);
    for (const page of [...render.poppler, ...render.mupdf]) expect(page.blankWords).toEqual([]);
  }, 60_000);

  it('the sheet is complete: no mark, the final file name, deterministic bytes; --lang en says so', async () => {
    const { w, data } = institution();
    setPostInfo(w.db, complete());
    const out = tempDir();
    const r = await dossier('forms', '--only', 'F-4', '--data', data, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已完成：');
    expect(r.out).not.toContain('草稿');
    expect(readdirSync(out)).toEqual(['F-4 事业单位人员职称申报岗位信息表.pdf']);
    const bytes = read(out, 'F-4 事业单位人员职称申报岗位信息表.pdf');
    const text = await pdfText(bytes);
    expect(text).not.toContain('草稿');
    expect(squash(text)).toContain(squash('申报人1'));
    expect(squash(text)).toContain('专业技术十级');
    await writePagePngs(bytes, PNG_DIR, 'unit-f4-complete', { dpi: 60 });
    // The same figures, the same bytes (the default outputs of a unit: F-4 alone).
    const again = tempDir();
    const en = await dossier('forms', '--data', data, '--out', again, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain('Complete:');
    expect(read(again, 'F-4 事业单位人员职称申报岗位信息表.pdf')).toEqual(bytes);
  }, 60_000);

  it('figures that do not add up keep it a draft, naming the figure', async () => {
    const { w, data } = institution();
    setPostInfo(w.db, { ...complete(), totalPosts: 60 });
    const out = tempDir();
    const r = await dossier('forms', '--only', 'F-4', '--data', data, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 处需要更正：各级核准人数之和（96）超过专业技术岗位总数（60）');
    expect(r.out).not.toContain('尚未填写');
    expect(await pdfText(read(out, 'F-4 事业单位人员职称申报岗位信息表（草稿）.pdf'))).toContain('草稿');
    // A blank in a person's row is a blank of the sheet too.
    const person = { ...complete().recommended[0]!, postLevel: '' };
    setPostInfo(w.db, { ...complete(), recommended: [person] });
    const r2 = await dossier('forms', '--only', 'F-4', '--data', data, '--out', tempDir());
    expect(r2.out).toContain('尚未填写：第 1 人的在聘岗位等级');
  });

  it('a long list runs over pages: every page carries the mark', async () => {
    const { w, data } = institution();
    const one = complete().recommended[0]!;
    const people = Array.from({ length: 45 }, (_, i) => ({ ...one, name: `推荐人员${i + 1}`, postLevel: '' }));
    setPostInfo(w.db, { ...complete(), recommendedCount: 45, recommended: people });
    const out = tempDir();
    expect((await dossier('forms', '--data', data, '--out', out)).code).toBe(0);
    const bytes = read(out, 'F-4 事业单位人员职称申报岗位信息表（草稿）.pdf');
    const pages = (await pdfText(bytes)).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain('草稿');
    await writePagePngs(bytes, PNG_DIR, 'unit-f4-draft-long', { dpi: 60 });
  }, 60_000);

  it('an enterprise is told F-4 is for public institutions: exit 1, nothing written, not even the folder', async () => {
    const { data } = institution(UNIT); // the sample's unit: an enterprise
    const out = path.join(tempDir(), 'never');
    const r = await dossier('forms', '--only', 'F-4', '--data', data, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('只由事业单位为其推荐的在编人员填报（N-14、M-12）');
    expect(r.err).toContain('本单位的单位性质为“企业”');
    expect(r.err).toContain('未生成任何文件');
    expect(existsSync(out)).toBe(false);
    // Without --only it is the same answer: a unit has no other form of its own.
    const all = await dossier('forms', '--data', data, '--out', out, '--lang', 'en');
    expect(all.code).toBe(1);
    expect(all.err).toContain('public institutions (事业单位)');
    expect(existsSync(out)).toBe(false);
  });

  it('a type not chosen, no saved profile, another output asked for: refused, nothing written', async () => {
    const unset = institution({ ...INSTITUTION, type: '' });
    const out = path.join(tempDir(), 'never');
    const r = await dossier('forms', '--only', 'F-4', '--data', unset.data, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('本单位尚未选择单位性质');
    const none = institution(null);
    const r2 = await dossier('forms', '--only', 'F-4', '--data', none.data, '--out', out);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('请先填写并保存单位信息');
    const { data } = institution();
    const r3 = await dossier('forms', '--only', 'F-4,F-1', '--data', data, '--out', out);
    expect(r3.code).toBe(2);
    expect(r3.err).toContain('单位工作区只生成本单位的 F-4');
    expect(r3.err).toContain('F-1');
    expect(existsSync(out)).toBe(false);
  });
});

describe('unit:f4', () => {
  it('stores the sheet where previews find it; the store check and backups count it; a new one replaces it', async () => {
    const { w } = institution();
    const first = await call<{ file: GeneratedFile; draft: Localized | null }>(w, 'unit:f4', {});
    expect(first.draft?.zh).toContain('尚未填写');
    expect(first.file).toMatchObject({ key: 'unit:F-4', fileName: 'F-4 事业单位人员职称申报岗位信息表（草稿）.pdf' });
    const served = await openStoredFile(w, first.file.sha256);
    expect(served).toMatchObject({ mediaType: 'application/pdf', fileName: first.file.fileName });
    served?.stream.destroy();
    expect((await verifyStore(w)).unreferenced).toEqual([]);
    expect(referencedHashes(w.db).has(first.file.sha256)).toBe(true);

    await call(w, 'postInfo:set', { postInfo: complete() });
    const second = await call<{ file: GeneratedFile; draft: Localized | null }>(w, 'unit:f4', {});
    expect(second.draft).toBeNull();
    expect(second.file.fileName).toBe('F-4 事业单位人员职称申报岗位信息表.pdf');
    expect(existsSync(storedPath(w.store, first.file.sha256))).toBe(false);
    expect(existsSync(storedPath(w.store, second.file.sha256))).toBe(true);
    expect(await openStoredFile(w, first.file.sha256)).toBeNull();
    const report = await verifyStore(w);
    expect(report.isOk).toBe(true);
    expect(report.unreferenced).toEqual([]);
  });

  it('refuses an enterprise and an applicant’s workspace, storing nothing', async () => {
    const { w } = institution(UNIT);
    const e = await refusal(w, 'unit:f4', {});
    expect(e.code).toBe('form_not_applicable');
    expect(e.message.en).toContain('public institutions');
    expect(readdirSync(w.store.dir).filter((f) => /^[0-9a-f]{2}$/.test(f))).toEqual([]);
    const applicant = workspaceIn();
    expect((await refusal(applicant, 'unit:f4', {})).code).toBe('not_unit_workspace');
    expect((await refusal(w, 'unit:f4', { extra: 1 })).code).toBe('invalid_input');
  });
});
