// `dossier post-info` and `dossier forms` naming what it skips (issue 15): the unit's F-4 figures read as
// JSON and set from a file with the screen's checks (shared/forms/postInfo.ts) — a good file saved, a bad
// one refused with each field named, exit 2 and nothing changed; `dossier forms` says which form it left
// out and why (F-4 of a public institution before its figures, F-3 without 破格), then makes F-4 once set.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArchiveJson, readArchive, saveSection } from '../../electron/core/archiveService.js';
import { closeWorkspace, openWorkspace, readSampleJson } from '../../electron/core/workspace.js';
import type { PostInfoJson } from '../../electron/postInfoCommand.js';
import { dossier } from '../helpers/cli.js';
import { postFigures } from '../helpers/postInfo.js';
import { tempDir } from '../helpers/workspace.js';

/** A public institution's applicant: F-4 applies (N-14, M-12). */
function publicInstitution(): { data: string; idNumber: string } {
  const data = path.join(tempDir(), 'ws');
  const w = openWorkspace(data);
  try {
    const applicantId = importArchiveJson(w.db, readSampleJson());
    const archive = readArchive(w.db, applicantId);
    saveSection(w.db, { applicantId, section: 'unit', data: { ...archive.unit, type: 'public_institution' } });
    return { data, idNumber: archive.profile.idNumber };
  } finally {
    closeWorkspace(w);
  }
}

const json = (name: string, value: unknown) => {
  const file = path.join(tempDir(), name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

/** Figures that pass every check, naming the applicant (fields left out of the file stay empty). */
const good = (idNumber: string) => ({
  ...postFigures(),
  offered: { senior: 0, deputySenior: 1, middle: 0 },
  alreadyQualified: 0,
  recommendedCount: 1,
  recommended: [
    {
      name: '吴𠮷喆',
      idNumber,
      currentQualification: '工程师',
      appointedGrade: '中级',
      appointedDate: '2010-04-01',
      postLevel: '专业技术九级',
      titleApplied: '高级工程师',
    },
  ],
});

const read = async (data: string): Promise<PostInfoJson> => {
  const result = await dossier('post-info', '--data', data);
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as PostInfoJson;
};

describe('dossier post-info', () => {
  it('prints the figures as JSON, sets a good file, refuses a bad one naming each field (exit 2, unchanged)', async () => {
    const { data, idNumber } = publicInstitution();
    const empty = await read(data);
    expect(empty.saved).toBe(false);
    expect(empty.postInfo.establishment).toBeNull();

    const set = await dossier('post-info', '--data', data, '--set', json('good.json', good(idNumber)));
    expect(set.err).toBe('');
    expect(set.code).toBe(0);
    const saved = await read(data);
    expect(saved).toMatchObject({ saved: true, problems: [], postInfo: { establishment: 120, totalPosts: 96 } });

    // The approved counts above the posts, a negative count, an invalid ID number: all named at once.
    const bad = good(idNumber);
    bad.totalPosts = 50;
    bad.recommended[0]!.idNumber = '330802197805160139';
    const refused = await dossier('post-info', '--data', data, '--set', json('bad.json', bad));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/totalPosts/);
    expect(refused.err).toMatch(/recommended\.0\.idNumber|recommended/);
    const shape = await dossier('post-info', '--data', data, '--set', json('shape.json', { establishment: -1 }));
    expect(shape.code).toBe(2);
    expect(shape.err).toMatch(/establishment/);
    const notJson = path.join(tempDir(), 'broken.json');
    writeFileSync(notJson, '{');
    expect((await dossier('post-info', '--data', data, '--set', notJson)).code).toBe(2);
    // Nothing changed by the refusals.
    expect(await read(data)).toEqual(saved);
  });
});

describe('dossier forms names what it skips', () => {
  it('says F-4 waits for the unit’s figures and F-3 does not apply, then makes F-4 once they are set', async () => {
    const { data, idNumber } = publicInstitution();
    const out = path.join(tempDir(), 'forms');
    const all = await dossier('forms', '--data', data, '--out', out);
    expect(all.code).toBe(0);
    expect(all.err).toMatch(/未生成 F-4 事业单位人员职称申报岗位信息表：请先填写“岗位信息表”/);
    expect(all.err).toMatch(/未生成 F-3 /);
    expect(readdirSync(out).some((f) => f.startsWith('F-4'))).toBe(false);

    expect((await dossier('post-info', '--data', data, '--set', json('good.json', good(idNumber)))).code).toBe(0);
    const again = await dossier('forms', '--data', data, '--out', out, '--lang', 'en');
    expect(again.code).toBe(0);
    expect(again.err).not.toMatch(/Not made: F-4/);
    expect(again.err).toMatch(/Not made: F-3/);
    expect(readdirSync(out).some((f) => f.startsWith('F-4'))).toBe(true);
  });
});
