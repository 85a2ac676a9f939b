// Continuing-education hours per year as N-6 and rules R-4 count them, for the totals table:
//   online_prof_counted = y == 2020 ? online_prof : min(online_prof, 36)
//   professional = offline_prof + online_prof_counted;  public = industry_public + general_public
//   met iff professional + public >= 90 and professional >= 60 and public >= 18
//   covid frontline and y == 2020 → deemed complete
// Courses without a year or category, and hours that are not positive, are not counted (the problem list
// points at them).
import type { Course } from './schema.js';

/** R-4 assumes the years 2018–2020 are checked: from the 2018 rule's first year to the as-of year. */
export const CHECKED_YEARS = [2018, 2019, 2020] as const;
export const ONLINE_PROFESSIONAL_CAP = 36;
export const UNCAPPED_YEAR = 2020;
export const MIN = { total: 90, professional: 60, public: 18 } as const;

export interface YearTotals {
  year: number;
  onlineProfessional: number;
  onlineProfessionalCounted: number;
  professional: number;
  public: number;
  total: number;
  /** Which minimums are not reached; empty when the year is met. */
  short: ('total' | 'professional' | 'public')[];
  deemedComplete: boolean;
}

/** The figures R-4 counts with; the rule pack passes its own (editable parameters), the UI the defaults. */
export interface CeRules {
  years: readonly number[];
  onlineCap: number;
  /** The year whose online courseware counts uncapped (N-6: 2020); null for none. */
  uncappedYear: number | null;
  min: { total: number; professional: number; public: number };
}
export const DEFAULT_CE_RULES: CeRules = {
  years: CHECKED_YEARS,
  onlineCap: ONLINE_PROFESSIONAL_CAP,
  uncappedYear: UNCAPPED_YEAR,
  min: MIN,
};

export function courseTotals(
  courses: readonly Course[],
  covidFrontline: boolean,
  rules: CeRules = DEFAULT_CE_RULES,
): YearTotals[] {
  const years = new Set<number>(rules.years);
  for (const c of courses) if (c.year !== null) years.add(c.year);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      let offlineProfessional = 0;
      let onlineProfessional = 0;
      let publicHours = 0;
      for (const c of courses) {
        if (c.year !== year || c.hours === null || c.hours <= 0) continue;
        if (c.category === 'professional') {
          if (c.mode === 'online') onlineProfessional += c.hours;
          else offlineProfessional += c.hours;
        } else if (c.category === 'industry_public' || c.category === 'general_public') {
          publicHours += c.hours;
        }
      }
      const onlineProfessionalCounted =
        year === rules.uncappedYear ? onlineProfessional : Math.min(onlineProfessional, rules.onlineCap);
      const professional = offlineProfessional + onlineProfessionalCounted;
      const total = professional + publicHours;
      const short: YearTotals['short'] = [];
      if (total < rules.min.total) short.push('total');
      if (professional < rules.min.professional) short.push('professional');
      if (publicHours < rules.min.public) short.push('public');
      return {
        year,
        onlineProfessional,
        onlineProfessionalCounted,
        professional,
        public: publicHours,
        total,
        short,
        deemedComplete: covidFrontline && year === rules.uncappedYear,
      };
    });
}
