// Continuing-education totals per year (N-6, rules R-4), at the exact boundaries.
import { describe, expect, it } from 'vitest';
import { courseTotals } from '../../shared/archive/continuingEducation.js';
import { emptyRecord } from '../../shared/archive/empty.js';
import type { Course } from '../../shared/archive/schema.js';

let n = 0;
const course = (year: number, category: Course['category'], mode: Course['mode'], hours: number): Course => ({
  ...emptyRecord('courses', `c${n++}`),
  year,
  category,
  mode,
  hours,
});
const year = (courses: Course[], y: number, covid = false) => courseTotals(courses, covid).find((t) => t.year === y)!;

describe('courseTotals (R-4)', () => {
  it('90 hours exactly, 60 professional and 18 public exactly: met', () => {
    const t = year(
      [
        course(2019, 'professional', 'offline', 60),
        course(2019, 'general_public', 'online', 18),
        course(2019, 'industry_public', 'offline', 12),
      ],
      2019,
    );
    expect(t).toMatchObject({ total: 90, professional: 60, public: 30, short: [] });
  });

  it('89 hours: short of the total only', () => {
    const t = year([course(2019, 'professional', 'offline', 71), course(2019, 'general_public', 'offline', 18)], 2019);
    expect(t.short).toEqual(['total']);
  });

  it('outside 2020, online professional hours count at most 36 (inferred)', () => {
    const t = year([course(2019, 'professional', 'online', 80), course(2019, 'general_public', 'offline', 30)], 2019);
    expect(t).toMatchObject({ onlineProfessional: 80, onlineProfessionalCounted: 36, professional: 36, total: 66 });
    expect(t.short).toEqual(['total', 'professional']);
  });

  it('in 2020, online courseware counts at its labelled hours, uncapped (N-6)', () => {
    const t = year([course(2020, 'professional', 'online', 80), course(2020, 'general_public', 'offline', 18)], 2020);
    expect(t).toMatchObject({ onlineProfessionalCounted: 80, total: 98, short: [] });
  });

  it('COVID-19 frontline staff: 2020 deemed complete (R-3), other years not', () => {
    expect(year([], 2020, true).deemedComplete).toBe(true);
    expect(year([], 2019, true).deemedComplete).toBe(false);
  });

  it('always lists 2018–2020, and any other year entered; ignores hours that are not positive', () => {
    const totals = courseTotals(
      [course(2016, 'professional', 'offline', 10), course(2018, 'professional', 'offline', -5)],
      false,
    );
    expect(totals.map((t) => t.year)).toEqual([2016, 2018, 2019, 2020]);
    expect(totals[1]!.professional).toBe(0);
  });
});
