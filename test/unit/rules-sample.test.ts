// The sample applicant against the 2020 pack. With every scan attached, nothing fails. As shipped (no
// attachments yet), the only failures are the scans the notice requires that only the applicant can
// provide: the four pages of each paper (M-10), the authorship proof of the feasibility report (M-10),
// main-contributor proofs of the two collective works (M-4), the 2000 graduate's registration form
// (N-12) and the CE hours proofs of the confirmed years 2018 and 2019 (M-7, R-4). The publicity confirmation (M-3) is not one: the unit issues it after its publicity (N-8) and adds
// it at the countersignature. A closed round is said beside the verdict, never as a failure; only an
// application date after the deadline fails N-2.
import { describe, expect, it } from 'vitest';
import { check, sampleArchive, sampleLinks } from '../helpers/rules.js';

const failing = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.status === 'fail').map((f) => f.id);

describe('sample applicant against the 2020 pack', () => {
  it('fails nothing once every scan is attached', () => {
    const a = sampleArchive();
    expect(failing(check(a, { links: sampleLinks(a) }))).toEqual([]);
  });

  it('as shipped, fails only on scans the applicant must still attach', () => {
    expect(failing(check(sampleArchive(), { links: [] }))).toEqual([
      'M-7.ce-proof#2018',
      'M-7.ce-proof#2019',
      'R-7.paper-pages#work-1',
      'R-7.paper-pages#work-2',
      'R-7.report-authorship#work-4',
      'M-4.main-contributor#work-5',
      'M-4.main-contributor#work-6',
      'N-12.graduate-form#edu-1',
    ]);
  });

  it('checked as an exported file (links unknown), fails nothing: the scans are for review', () => {
    expect(failing(check(sampleArchive(), { links: null }))).toEqual([]);
  });

  it('checked today, years after the round closed: the verdict is unchanged and the closed round is said once', () => {
    const a = sampleArchive();
    const report = check(a, { links: sampleLinks(a), today: '2026-12-07' });
    expect(report.verdict).not.toBe('fail');
    expect(report.round).toEqual({ deadline: '2020-10-10', closed: true });
    expect(report.applicationDate).toBe('2020-10-10');
  });

  it('an application date after the deadline fails N-2, everywhere the same', () => {
    expect(failing(check(sampleArchive(), { links: null, applicationDate: '2020-10-11' }))).toEqual(['N-2.deadline']);
  });
});
