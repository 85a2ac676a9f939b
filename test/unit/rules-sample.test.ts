// The sample applicant against the 2020 pack. With every scan attached, nothing fails. As shipped (no
// attachments yet), the only failures are the scans the notice requires that only the applicant can
// provide (issue 19: every required scan of the materials view): the CE hours proofs of the confirmed years
// 2018 and 2019 (M-7, R-4), the four pages of each paper and the feasibility report's authorship (M-10,
// R-7), the main-contributor proofs of the two collective works (M-4), the pension proofs of the confirmed
// years 2018 and 2019 (M-5) and the assessments 2017–2019 (M-9), the 2000 graduate's registration form
// (N-12), the ID card, photo, diplomas, degree certificates, CHSI record, title certificate, appointment
// and award certificate (M-4), and a proof of each other work (M-10). The 2020 pension and CE proofs are
// only assumed (a person judges). The publicity confirmation (M-3) is not one: the unit issues it after its
// publicity (N-8) and adds it at the countersignature. A closed round is said beside the verdict, never as a
// failure; only an application date after the deadline fails N-2.
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
      'M-5.pension#2018',
      'M-5.pension#2019',
      'M-9.assessments#2017',
      'M-9.assessments#2018',
      'M-9.assessments#2019',
      'N-12.graduate-form#edu-1',
      'M-4.scans#id-card',
      'M-4.scans#photo',
      'M-4.scans#diploma:edu-1',
      'M-4.scans#degree:edu-1',
      'M-4.scans#diploma:edu-2',
      'M-4.scans#degree:edu-2',
      'M-4.scans#chsi-record:edu-2',
      'M-4.scans#title-cert:title-2',
      'M-4.scans#appointment:appt-2',
      'M-4.scans#honour:work-6',
      'M-10.work-proof#work:work-3',
      'M-10.work-proof#work:work-4',
      'M-10.work-proof#work:work-5',
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
