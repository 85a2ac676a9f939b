// R-4 Continuing education (N-6, M-7): per checked year ≥ total, ≥ professional, ≥ public hours, online
// professional hours capped outside the uncapped year; COVID-19 frontline staff have 2020 deemed complete
// (R-3). The totals come from shared/archive/continuingEducation.ts, as the 继续教育 screen shows them.
import type { ArchiveDocument } from '../../archive/schema.js';
import { courseTotals, type YearTotals } from '../../archive/continuingEducation.js';
import type { Outcome, Rule } from '../types.js';
import { ceYearConfidence, proofOutcome, recordEvidence, screen, t } from './helpers.js';
import type { Params2020 } from './params.js';

/** Each year's hours as R-4 counts them with the pack's parameters (the desk's table shows them too). */
export function ceTotals(archive: ArchiveDocument, params: Params2020): YearTotals[] {
  const covid = archive.application.covidFrontline && params.covidCeDeemed;
  return courseTotals(archive.courses, covid, {
    years: params.ceYears,
    onlineCap: params.ceOnlineCap,
    uncappedYear: params.ceUncappedYear,
    min: { total: params.ceMinTotal, professional: params.ceMinProfessional, public: params.ceMinPublic },
  });
}

const SHORT_LABELS = {
  total: t('总学时', 'total'),
  professional: t('专业科目', 'professional'),
  public: t('公需科目', 'public'),
} as const;

export const ceHoursRule: Rule<Params2020> = {
  id: 'R-4.ce-hours',
  clause: ['R-4', 'N-6', 'M-7', '人社部令第25号'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('继续教育：每年学时达标', 'Continuing education: hours each year'),
  params: [
    'ceYears',
    'deadline',
    'ceMinTotal',
    'ceMinProfessional',
    'ceMinPublic',
    'ceOnlineCap',
    'ceUncappedYear',
    'covidCeDeemed',
  ],
  check({ archive, params }) {
    const totals = ceTotals(archive, params);
    return [...params.ceYears]
      .sort((a, b) => a - b)
      .map((year): Outcome => {
        const y = totals.find((x) => x.year === year)!;
        const evidence = archive.courses
          .filter((c) => c.year === year)
          .map((c) => recordEvidence(archive, 'courses', c.id));
        const capped = y.onlineProfessional > y.onlineProfessionalCounted;
        const figures = t(
          `${year} 年：专业 ${y.professional} 学时、公需 ${y.public} 学时、合计 ${y.total} 学时${capped ? `（网络专业课程 ${y.onlineProfessional} 学时按上限计 ${y.onlineProfessionalCounted}）` : ''}；须合计 ≥${params.ceMinTotal}、专业 ≥${params.ceMinProfessional}、公需 ≥${params.ceMinPublic}`,
          `${year}: professional ${y.professional} h, public ${y.public} h, total ${y.total} h${capped ? ` (online professional ${y.onlineProfessional} h counted at the cap, ${y.onlineProfessionalCounted})` : ''}; needed total ≥${params.ceMinTotal}, professional ≥${params.ceMinProfessional}, public ≥${params.ceMinPublic}`,
        );
        const base = { key: String(year), evidence, fix: screen('courses') };
        if (y.deemedComplete) {
          // R-3 says so, confirmed; whether it reaches these four specialties is the caution (rules.md R-4).
          return {
            ...base,
            status: 'pass',
            message: t(
              `${figures.zh}。疫情防控一线：该年视同完成（R-3；是否适用于本专业尚未确认，请留意）。`,
              `${figures.en}. COVID-19 frontline: deemed complete (R-3; whether it applies to these specialties is unconfirmed).`,
            ),
          };
        }
        if (y.short.length === 0) return { ...base, status: 'pass', message: t(`${figures.zh}。`, `${figures.en}.`) };
        const short = y.short.map((s) => SHORT_LABELS[s]);
        return {
          ...base,
          status: 'fail',
          // R-4: 2018 and 2019 are confirmed (a shortfall fails); 2020 is assumed (a person judges).
          confidence: ceYearConfidence(year, params),
          message: t(
            `${figures.zh}。不足：${short.map((s) => s.zh).join('、')}。`,
            `${figures.en}. Short: ${short.map((s) => s.en).join(', ')}.`,
          ),
        };
      });
  },
};

// M-7 lists the hours proof as a material; per year the confidence is R-4's: a confirmed year's proof is
// required (missing → fail), the 2020 proof only by assumption (missing → review).
export const ceProofRule: Rule<Params2020> = {
  id: 'M-7.ce-proof',
  clause: ['M-7', 'N-6', 'R-4'],
  severity: 'warning',
  confidence: 'confirmed',
  title: t('继续教育学时证明（按年度）', 'Continuing-education hours proof, per year'),
  params: ['ceYears', 'deadline'],
  check(input) {
    return [...input.params.ceYears]
      .sort((a, b) => a - b)
      .map((year) => {
        const outcome = proofOutcome(input, {
          slot: `M-7/ce/${year}`,
          key: String(year),
          what: t(`${year} 年继续教育学时证明`, `the ${year} continuing-education hours proof`),
        });
        return outcome.status === 'fail' ? { ...outcome, confidence: ceYearConfidence(year, input.params) } : outcome;
      });
  },
};
