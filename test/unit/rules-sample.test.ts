// The sample applicant against the 2020 pack. With every scan attached, nothing fails. As shipped (no
// attachments yet), the only failures are the scans the notice requires that only the applicant can
// provide: the four pages of each paper (M-10), the authorship proof of the feasibility report (M-10),
// main-contributor proofs of the two collective works (M-4) and the 2000 graduate's registration form
// (N-12). The publicity confirmation (M-3) is not one: the unit issues it after its publicity (N-8) and adds
// it at the countersignature. After the 2020-10-10 deadline, N-2 fails too (by design).
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

  it('after the deadline, N-2 fails', () => {
    expect(failing(check(sampleArchive(), { links: null, today: '2025-01-01' }))).toEqual(['N-2.deadline']);
  });
});
