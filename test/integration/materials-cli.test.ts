// `dossier materials` on real temp workspaces: the materials view as JSON (the exact shape of issue 12) and
// as text (Chinese by default, English with --lang en); the yearly proofs follow the workspace's parameters
// as `dossier params --set` changes them, and a scan filed under a year that left the window is shown as
// 'attention'; an exported file has no attachments (attachmentsKnown false); invalid input is exit 2 and
// never creates a workspace.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatcher.js';
import { closeWorkspace, openWorkspace } from '../../electron/core/workspace.js';
import type { MaterialsJson } from '../../electron/materialsCommand.js';
import { MATERIAL_IDS, MATERIAL_LABELS } from '../../shared/materials/requirements.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/params.js';
import { dossier } from '../helpers/cli.js';
import { makePdf, writeFile } from '../helpers/files.js';
import { sampleFile, sampleWorkspace, type Doc } from '../helpers/sampleFiles.js';
import { tempDir } from '../helpers/workspace.js';

/**
 * Adds a PDF to the workspace and links it to a slot (and record) through the dispatcher, as the app does.
 * Equal bytes are one attachment (dedup): scans meant to differ differ in their number of pages.
 */
async function attach(data: string, fileName: string, slot: string, recordId: string | null, pages = 2): Promise<Doc> {
  const w = openWorkspace(data);
  try {
    const file = writeFile(tempDir(), fileName, await makePdf(pages));
    const added = (await dispatch(w, 'attachments:addPaths', { paths: [file] })) as Doc;
    expect(added.ok).toBe(true);
    const attachment = added.value.results[0].value.attachment;
    const linked = await dispatch(w, 'attachments:link', { attachmentId: attachment.id, slot, recordId });
    expect(linked.ok).toBe(true);
    return attachment;
  } finally {
    closeWorkspace(w);
  }
}

async function materialsJson(...argv: string[]): Promise<MaterialsJson> {
  const result = await dossier('materials', '--json', ...argv);
  expect(result.code, result.err).toBe(0);
  expect(result.err).toBe('');
  return JSON.parse(result.out) as MaterialsJson;
}

const m9 = (body: MaterialsJson) => body.materials.find((m) => m.id === 'M-9')!;

describe('dossier materials --json', () => {
  it('the shape of issue 12: twelve materials in order, items with slot, year, record, status and files', async () => {
    const body = await materialsJson('--data', sampleWorkspace());
    expect(Object.keys(body)).toEqual(['materials', 'complete', 'total', 'missing', 'attachmentsKnown']);
    expect(body.materials.map((m) => m.id)).toEqual([...MATERIAL_IDS]);
    expect(body.total).toBe(12);
    expect(body.attachmentsKnown).toBe(true);
    for (const m of body.materials) {
      expect(Object.keys(m)).toEqual(['id', 'label', 'status', 'items']);
      expect(m.label).toEqual(MATERIAL_LABELS[m.id as keyof typeof MATERIAL_LABELS]);
      for (const item of m.items) {
        expect(Object.keys(item)).toEqual([
          'label',
          'year',
          'recordId',
          'slot',
          'status',
          'message',
          'paperReason',
          'files',
        ]);
        expect(item.label).toEqual({ zh: expect.any(String), en: expect.any(String) });
        expect(item.slot.startsWith(`${m.id}/`)).toBe(true);
        expect(item.files).toEqual([]);
        // A missing item says what is missing; the others carry no message (no attention here).
        if (item.status === 'missing') expect(item.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
        else expect(item.message).toBeNull();
      }
    }
    expect(body.materials.find((m) => m.id === 'M-3')).toMatchObject({
      status: 'unit-provides',
      items: [{ slot: 'M-3/publicity', status: 'unit-provides', year: null, recordId: null }],
    });
    expect(m9(body).items.map((i) => [i.year, i.slot, i.recordId, i.status])).toEqual([
      [2017, 'M-9/assessment/2017', 'assess-2017', 'missing'],
      [2018, 'M-9/assessment/2018', 'assess-2018', 'missing'],
      [2019, 'M-9/assessment/2019', 'assess-2019', 'missing'],
    ]);
    expect(m9(body).status).toBe('incomplete');
    const items = body.materials.flatMap((m) => m.items);
    expect(body.missing).toBe(items.filter((i) => i.status === 'missing').length);
    expect(body.complete).toBe(body.materials.filter((m) => m.status !== 'incomplete').length);
    expect(body.missing).toBeGreaterThan(0);
  });

  it('an attached scan: status attached, the file resolved (id, name, hash, pages), the material complete', async () => {
    const data = sampleWorkspace();
    const before = await materialsJson('--data', data);
    const scans = [];
    for (const year of [2017, 2018, 2019]) {
      scans.push(await attach(data, `考核${year}.pdf`, `M-9/assessment/${year}`, `assess-${year}`, year - 2016));
    }
    const body = await materialsJson('--data', data);
    expect(m9(body).status).toBe('complete');
    expect(m9(body).items.map((i) => [i.year, i.status, i.message, i.files])).toEqual(
      scans.map((a, n) => [
        2017 + n,
        'attached',
        null,
        [{ id: a.id, fileName: `考核${2017 + n}.pdf`, sha256: a.sha256, pages: n + 1 }],
      ]),
    );
    expect(body.complete).toBe(before.complete + 1);
    expect(body.missing).toBe(before.missing - 3);
  });
});

describe('dossier materials: text', () => {
  it('Chinese by default: the years asked for, each material with its state and marks, the tally', async () => {
    const data = sampleWorkspace();
    await attach(data, '考核2017.pdf', 'M-9/assessment/2017', 'assess-2017');
    const body = await materialsJson('--data', data);
    const result = await dossier('materials', '--data', data);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(`材料清单：工作区 ${data}`);
    expect(lines[1]).toContain('继续教育 2018、2019、2020；养老保险 2018、2019、2020；年度考核 2017、2018、2019');
    expect(lines).toContain('M-3 申报材料公示确认表 — 由单位提供');
    expect(lines).toContain('M-1 《专业技术资格评审表》 — 将生成');
    expect(lines).toContain('M-9 近三年年度考核材料 — 缺 2 项');
    expect(lines).toContain('  ✓ 2017 年年度考核材料 — 考核2017.pdf');
    expect(lines).toContain('  ✗ 2018 年年度考核材料');
    expect(lines).toContain('M-11 破格申报材料（F-3 及证明） — 无需提供');
    for (const id of MATERIAL_IDS) expect(lines.filter((l) => l.startsWith(`${id} `))).toHaveLength(1);
    expect(lines.at(-1)).toBe(`齐全 ${body.complete} / 12，缺 ${body.missing} 项`);
  });

  it('English with --lang en', async () => {
    const result = await dossier('materials', '--data', sampleWorkspace(), '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.out).toContain('annual assessment 2017, 2018, 2019');
    expect(result.out).toContain('M-3 Publicity confirmation — provided by the unit');
    expect(result.out).toContain('M-9 Annual assessments, last three years — 3 missing');
    expect(result.out).toMatch(/\nComplete \d+ \/ 12, \d+ item\(s\) missing$/);
  });
});

describe('dossier materials follows dossier params', () => {
  it('the assessment years set with params are the years M-9 asks for', async () => {
    const data = sampleWorkspace();
    const set = await dossier('params', '--data', data, '--set', 'assessmentYears=2016,2017,2018');
    expect(set.code).toBe(0);
    const body = await materialsJson('--data', data);
    expect(m9(body).items.map((i) => [i.year, i.recordId, i.status])).toEqual([
      [2016, null, 'missing'],
      [2017, 'assess-2017', 'missing'],
      [2018, 'assess-2018', 'missing'],
    ]);
    const text = await dossier('materials', '--data', data);
    expect(text.out).toContain('年度考核 2016、2017、2018');
  });

  it('a scan filed under 2019 is shown as attention once 2019 leaves the window', async () => {
    const data = sampleWorkspace();
    const scan = await attach(data, '考核2019.pdf', 'M-9/assessment/2019', 'assess-2019');
    expect(m9(await materialsJson('--data', data)).items.find((i) => i.year === 2019)!.status).toBe('attached');

    expect((await dossier('params', '--data', data, '--set', 'assessmentYears=2016,2017,2018')).code).toBe(0);
    const body = await materialsJson('--data', data);
    expect(m9(body).items.map((i) => [i.year, i.status])).toEqual([
      [2016, 'missing'],
      [2017, 'missing'],
      [2018, 'missing'],
      [2019, 'attention'],
    ]);
    const attention = m9(body).items.find((i) => i.year === 2019)!;
    expect(attention).toMatchObject({
      slot: 'M-9/assessment/2019',
      recordId: 'assess-2019',
      files: [{ id: scan.id, fileName: '考核2019.pdf', sha256: scan.sha256, pages: 2 }],
    });
    expect(attention.message!.zh).toContain('2019 年不在');
    expect(attention.message!.en).toContain('2019 is not among the years');
    // Shown, never counted: the material is still incomplete by its three missing years.
    expect(m9(body).status).toBe('incomplete');

    const text = (await dossier('materials', '--data', data)).out.split('\n');
    const at = text.findIndex((l) => l.startsWith('  ! ') && l.endsWith(' — 考核2019.pdf'));
    expect(at).toBeGreaterThan(0);
    expect(text[at]).toContain(attention.label.zh);
    expect(text[at + 1]).toMatch(/^ {6}2019 年不在/);
    expect(text.at(-1)).toMatch(/，需注意 1 项$/);
  });
});

describe('dossier materials FILE.json', () => {
  it('no attachments are known: attachmentsKnown false, the scans missing, the default years', async () => {
    const body = await materialsJson(sampleFile());
    expect(body.attachmentsKnown).toBe(false);
    expect(body.materials.map((m) => m.id)).toEqual([...MATERIAL_IDS]);
    expect(m9(body).items.map((i) => i.year)).toEqual(DEFAULT_PARAMS_2020.assessmentYears);
    expect(body.materials.find((m) => m.id === 'M-3')!.status).toBe('unit-provides');
    expect(body.materials.flatMap((m) => m.items).every((i) => i.files.length === 0)).toBe(true);

    const text = await dossier('materials', sampleFile());
    expect(text.code).toBe(0);
    expect(text.out).toContain('（未含附件）');
    expect(text.out).toContain('档案文件不含附件');
    expect(text.out).toContain('默认参数');
  });

  it('with --data, the workspace’s parameters apply (its attachments do not)', async () => {
    const data = sampleWorkspace();
    await attach(data, '考核2017.pdf', 'M-9/assessment/2017', 'assess-2017');
    await dossier('params', '--data', data, '--set', 'assessmentYears=2016,2017,2018');
    const body = await materialsJson(sampleFile(), '--data', data);
    expect(body.attachmentsKnown).toBe(false);
    expect(m9(body).items.map((i) => [i.year, i.status])).toEqual([
      [2016, 'missing'],
      [2017, 'missing'],
      [2018, 'missing'],
    ]);
  });
});

describe('dossier materials on invalid input: exit 2', () => {
  it('no workspace: a clear message, and the folder is not created (text and --json)', async () => {
    const nowhere = path.join(tempDir(), 'nowhere');
    const text = await dossier('materials', '--data', nowhere);
    expect(text.code).toBe(2);
    expect(text.out).toBe('');
    expect(text.err).toContain(nowhere);
    const json = await dossier('materials', '--data', nowhere, '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'no_workspace' } });
    const withFile = await dossier('materials', sampleFile(), '--data', nowhere);
    expect(withFile.code).toBe(2);
    expect(existsSync(nowhere)).toBe(false);
  });

  it('an empty workspace: no archive', async () => {
    const dir = path.join(tempDir(), 'empty');
    await dossier('init', '--data', dir);
    const result = await dossier('materials', '--data', dir, '--json', '--lang', 'en');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out)).toMatchObject({
      ok: false,
      error: { code: 'no_archive', message: { en: 'The workspace holds no archive.' } },
    });
  });

  it('a malformed archive file: every problem named, as text on stderr or as issues in JSON', async () => {
    const bad = sampleFile((doc) => {
      doc.courses[0].hours = 'ten';
      doc.assessments[0].year = 'last year';
    });
    const text = await dossier('materials', bad, '--lang', 'en');
    expect(text.code).toBe(2);
    expect(text.out).toBe('');
    expect(text.err).toContain('2 problem(s)');
    expect(text.err).not.toContain('imported');
    expect(text.err).toMatch(/courses\.0\.hours/);
    expect(text.err).toMatch(/assessments\.0\.year/);

    const json = await dossier('materials', bad, '--json');
    expect(json.code).toBe(2);
    const body = JSON.parse(json.out);
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_archive' } });
    expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['courses.0.hours', 'assessments.0.year']),
    );
  });

  it('not JSON, a missing file, a second file, a bad option', async () => {
    const dir = tempDir();
    const broken = writeFile(dir, 'broken.json', '{ nope');
    const notJson = await dossier('materials', broken, '--json');
    expect(notJson.code).toBe(2);
    expect(JSON.parse(notJson.out)).toMatchObject({ ok: false, error: { code: 'not_json' } });
    const missing = await dossier('materials', path.join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('missing.json');
    const two = await dossier('materials', sampleFile(), sampleFile(), '--json');
    expect(two.code).toBe(2);
    expect(JSON.parse(two.out)).toMatchObject({ ok: false, error: { code: 'wrong_usage' } });
    const option = await dossier('materials', sampleFile(), '--json', '--bogus');
    expect(option.code).toBe(2);
    expect(JSON.parse(option.out)).toMatchObject({ ok: false, error: { code: 'usage' } });
  });
});
