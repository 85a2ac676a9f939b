// The fictional sample applicant shipped in resources/sample (loaded by "载入示例申报人"): it must be a
// complete, valid archive that shows every screen filled, with no error and only the R-10 warnings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProblems } from '../../shared/archive/problems.js';
import {
  ArchiveDocument,
  ArchiveDocumentCurrent,
  RECORD_KINDS,
  RECORD_SCHEMAS,
  SECTION_NAMES,
  SECTION_SCHEMAS,
} from '../../shared/archive/schema.js';
import { checkCreditCode } from '../../shared/checks/creditCode.js';
import { checkIdNumber } from '../../shared/checks/idNumber.js';
import { checkCn, checkIssn } from '../../shared/checks/issn.js';
import { charsOutsideBmp, codePointLength } from '../../shared/checks/text.js';

const TEXT = readFileSync('resources/sample/applicant.json', 'utf8');
const sample = ArchiveDocument.parse(JSON.parse(TEXT));

describe('sample applicant', () => {
  it('parses as an ArchiveDocument and is stored as formatted, in schema key order', () => {
    expect(TEXT).toBe(`${JSON.stringify(sample, null, 2)}\n`);
    expect(Object.keys(JSON.parse(TEXT))).toEqual(Object.keys(ArchiveDocumentCurrent.shape));
    for (const name of SECTION_NAMES)
      expect(Object.keys(sample[name])).toEqual(Object.keys(SECTION_SCHEMAS[name].shape));
    for (const kind of RECORD_KINDS) {
      for (const record of sample[kind]) expect(Object.keys(record)).toEqual(Object.keys(RECORD_SCHEMAS[kind].shape));
    }
  });

  it('has no error on 2020-09-01; its only warnings are about the rare characters of the name (R-10)', () => {
    const problems = findProblems(sample, '2020-09-01');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(new Set(problems.map((p) => p.path))).toEqual(new Set(['profile.name']));
  });

  it('fills every record kind; discipline records may stay empty', () => {
    for (const kind of RECORD_KINDS) {
      if (kind !== 'disciplineRecords') expect(sample[kind].length, kind).toBeGreaterThan(0);
    }
    const ids = RECORD_KINDS.flatMap((kind) => sample[kind].map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('R-10: the name has a character beyond the BMP', () => {
    expect(charsOutsideBmp(sample.profile.name)).not.toEqual([]);
  });

  it('R-6: the ID number is valid and agrees with birth date and sex', () => {
    const id = checkIdNumber(sample.profile.idNumber);
    expect(id).toMatchObject({ ok: true, birthDate: sample.profile.birthDate, sex: sample.profile.sex });
  });

  it('GB 32100: the unit credit code is valid', () => {
    expect(checkCreditCode(sample.unit.creditCode).ok).toBe(true);
  });

  it('N-1: belongs to one committee', () => {
    expect(['energy', 'materials']).toContain(sample.application.committee);
  });

  it('R-1, N-12: a bachelor graduating before 2001, and 工程师 held at least 5 years on 2020-12-31', () => {
    expect(sample.educations.some((e) => e.level === 'bachelor' && e.graduationDate < '2001-01-01')).toBe(true);
    expect(sample.titles.map((t) => t.name)).toEqual(['助理工程师', '工程师']);
    const engineer = sample.titles.find((t) => t.name === '工程师')!;
    expect(engineer.obtainedDate <= '2015-12-31').toBe(true); // anniversary counting, R-1
  });

  it('R-4: continuing education 2018–2020 meets 90 / 60 / 18 hours each year', () => {
    for (const year of [2018, 2019, 2020]) {
      const courses = sample.courses.filter((c) => c.year === year);
      const hours = (pick: (c: (typeof courses)[number]) => boolean) =>
        courses.filter(pick).reduce((sum, c) => sum + (c.hours ?? 0), 0);
      const onlineProf = hours((c) => c.category === 'professional' && c.mode === 'online');
      const professional =
        hours((c) => c.category === 'professional' && c.mode !== 'online') +
        (year === 2020 ? onlineProf : Math.min(onlineProf, 36));
      const publicHours = hours((c) => c.category === 'industry_public' || c.category === 'general_public');
      expect(professional + publicHours, `${year} total`).toBeGreaterThanOrEqual(90);
      expect(professional, `${year} professional`).toBeGreaterThanOrEqual(60);
      expect(publicHours, `${year} public`).toBeGreaterThanOrEqual(18);
    }
  });

  it('M-5, M-9: assessments 2017–2019 (the last three completed, R-8) and pension for 2018–2020', () => {
    expect(sample.assessments.map((a) => a.year)).toEqual([2017, 2018, 2019]);
    expect(sample.pensionYears.map((p) => p.year)).toEqual([2018, 2019, 2020]);
  });

  it('M-10: exactly one representative work, among works of several types, and a paper with valid ISSN and CN', () => {
    expect(sample.works.filter((w) => w.representative)).toHaveLength(1);
    expect(new Set(sample.works.map((w) => w.type)).size).toBeGreaterThanOrEqual(4);
    const papers = sample.works.filter((w) => w.type === 'paper');
    expect(papers.length).toBeGreaterThan(0);
    for (const paper of papers) {
      expect(checkIssn(paper.issn).ok).toBe(true);
      expect(checkCn(paper.cn)).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('M-8: the work summary runs to about 800 Chinese characters', () => {
    const han = [...sample.summary.text].filter((ch) => /\p{Script=Han}/u.test(ch)).length;
    expect(han).toBeGreaterThanOrEqual(700);
    expect(codePointLength(sample.summary.text)).toBeLessThan(1500);
  });
});
