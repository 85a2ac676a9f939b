// The archive on a real SQLite file: sections, records, soft delete and undo, order, and the JSON
// document's round trip and refusals (issue 2: "export → import → export is byte-identical").
import { describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import { DossierError } from '../../electron/core/errors.js';
import { readSampleJson } from '../../electron/core/workspace.js';
import { emptyRecord, emptySections } from '../../shared/archive/empty.js';
import { tempWorkspace } from '../helpers/workspace.js';

function refusal(run: () => unknown): DossierError {
  try {
    run();
  } catch (e) {
    if (e instanceof DossierError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

function countRows(w: ReturnType<typeof tempWorkspace>): number {
  const q = (table: string) => (w.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return q('applicant') + q('section') + q('record');
}

describe('archive sections and records', () => {
  it('saves any Unicode, beyond the BMP and emoji included, and reads it back', () => {
    const w = tempWorkspace();
    const id = archive.createApplicant(w.db);
    const profile = { ...emptySections().profile, name: '吴𠮷喆😀', idNumber: '11010519491231002X' };
    archive.saveSection(w.db, { applicantId: id, section: 'profile', data: profile });
    expect(archive.readArchive(w.db, id).profile).toEqual(profile);
  });

  it('keeps a 100,000-character summary whole', () => {
    const w = tempWorkspace();
    const id = archive.createApplicant(w.db);
    const text = '燊'.repeat(50_000) + '𠮷'.repeat(50_000);
    archive.saveSection(w.db, { applicantId: id, section: 'summary', data: { text } });
    expect(archive.readArchive(w.db, id).summary.text).toBe(text);
  });

  it('appends records in order, updates in place, moves, deletes softly and restores', () => {
    const w = tempWorkspace();
    const id = archive.createApplicant(w.db);
    for (const n of [1, 2, 3]) {
      archive.putRecord(w.db, {
        applicantId: id,
        kind: 'courses',
        record: { ...emptyRecord('courses', `c${n}`), hours: n },
      });
    }
    archive.putRecord(w.db, {
      applicantId: id,
      kind: 'courses',
      record: { ...emptyRecord('courses', 'c2'), hours: 20 },
    });
    const ids = () => archive.readArchive(w.db, id).courses.map((c) => c.id);
    expect(ids()).toEqual(['c1', 'c2', 'c3']);
    expect(archive.readArchive(w.db, id).courses[1]?.hours).toBe(20);

    archive.moveRecord(w.db, { applicantId: id, kind: 'courses', id: 'c3', toIndex: 0 });
    expect(ids()).toEqual(['c3', 'c1', 'c2']);

    archive.setRecordDeleted(w.db, { applicantId: id, kind: 'courses', id: 'c1' }, true);
    expect(ids()).toEqual(['c3', 'c2']);
    // A late autosave of a deleted record keeps it deleted but remembers the text for the undo.
    archive.putRecord(w.db, {
      applicantId: id,
      kind: 'courses',
      record: { ...emptyRecord('courses', 'c1'), hours: 11 },
    });
    expect(ids()).toEqual(['c3', 'c2']);
    archive.setRecordDeleted(w.db, { applicantId: id, kind: 'courses', id: 'c1' }, false);
    expect(ids()).toEqual(['c3', 'c1', 'c2']);
    expect(archive.readArchive(w.db, id).courses[1]?.hours).toBe(11);
  });

  it('refuses a record id used by another kind, and unknown applicants', () => {
    const w = tempWorkspace();
    const id = archive.createApplicant(w.db);
    archive.putRecord(w.db, { applicantId: id, kind: 'works', record: emptyRecord('works', 'x1') });
    expect(
      refusal(() => archive.putRecord(w.db, { applicantId: id, kind: 'titles', record: emptyRecord('titles', 'x1') }))
        .code,
    ).toBe('wrong_kind');
    expect(refusal(() => archive.readArchive(w.db, 'nobody')).code).toBe('not_found');
  });
});

describe('archive JSON document', () => {
  it('export → import → export is byte-identical (the shipped sample)', () => {
    const first = tempWorkspace();
    const a = archive.importArchiveJson(first.db, readSampleJson());
    const exported = archive.exportArchiveJson(first.db, a).json;
    const second = tempWorkspace();
    const b = archive.importArchiveJson(second.db, exported);
    expect(archive.exportArchiveJson(second.db, b).json).toBe(exported);
    // The sample file itself is in the canonical form, so it round-trips too.
    expect(exported).toBe(readSampleJson());
  });

  it('names the file after the applicant', () => {
    const w = tempWorkspace();
    const id = archive.importArchiveJson(w.db, readSampleJson());
    const name = archive.readArchive(w.db, id).profile.name;
    expect(archive.exportArchiveJson(w.db, id).fileName).toBe(`业绩档案-${name}.json`);
  });

  const sample = () => JSON.parse(readSampleJson()) as Record<string, unknown> & { profile: Record<string, unknown> };
  const cases: [string, () => string, string, string[]][] = [
    ['not JSON', () => '{"format": "dossier.archive",', 'not_json', []],
    ['a version from the future', () => JSON.stringify({ ...sample(), version: 99 }), 'version_too_new', []],
    ['another format', () => JSON.stringify({ ...sample(), format: 'x' }), 'wrong_format', []],
    ['a JSON array', () => '[]', 'wrong_format', []],
    [
      'an unknown field',
      () => JSON.stringify({ ...sample(), profile: { ...sample().profile, nickname: 'x' } }),
      'invalid_archive',
      ['profile'],
    ],
    [
      'a missing field',
      () => {
        const doc = sample();
        delete doc.profile.name;
        return JSON.stringify(doc);
      },
      'invalid_archive',
      ['profile.name'],
    ],
    [
      'non-numeric hours and a duplicate id',
      () => {
        const doc = sample() as unknown as { courses: { id: string; hours: unknown }[] };
        doc.courses[0]!.hours = 'ten';
        doc.courses[1]!.id = doc.courses[2]!.id;
        return JSON.stringify(doc);
      },
      'invalid_archive',
      ['courses.0.hours', 'courses.2.id'],
    ],
  ];
  it.each(cases)('refuses %s, lists every problem and writes nothing', (_name, make, code, paths) => {
    const w = tempWorkspace();
    const error = refusal(() => archive.importArchiveJson(w.db, make()));
    expect(error.code).toBe(code);
    expect(error.localized.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(error.issues?.map((i) => i.path) ?? []).toEqual(expect.arrayContaining(paths));
    for (const issue of error.issues ?? []) expect(issue.message.zh).not.toBe('');
    expect(countRows(w)).toBe(0);
  });

  it('refuses to import into a workspace that already holds an archive, changing nothing', () => {
    const w = tempWorkspace();
    const id = archive.createApplicant(w.db);
    const before = archive.exportArchiveJson(w.db, id).json;
    expect(refusal(() => archive.importArchiveJson(w.db, readSampleJson())).code).toBe('workspace_not_empty');
    expect(archive.exportArchiveJson(w.db, id).json).toBe(before);
  });
});

describe('import problem wording', () => {
  it('says plainly what is missing or of the wrong type, in both languages', () => {
    const doc = JSON.parse(readSampleJson());
    delete doc.profile.name;
    doc.courses[0].hours = 'ten';
    const error = refusal(() => archive.parseArchiveJson(JSON.stringify(doc)));
    const byPath = Object.fromEntries((error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath['profile.name']).toEqual({ zh: '缺少此项（应为文本）', en: 'missing (expected text)' });
    expect(byPath['courses.0.hours']).toEqual({ zh: '应为数字，实际为文本', en: 'expected a number, got text' });
  });
});
