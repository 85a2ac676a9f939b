// R-8 yearly materials and degree documents: pension proof (M-5), annual assessments (M-9), graduates
// before 2001 and foreign degrees (N-12). The other scans of M-4 (ID card, photo, diplomas, degree
// certificates, the CHSI record, the title certificate, the appointment, honours) are scans.ts's.
import { ASSESSMENT_RESULT_LABELS, DEGREE_ORIGIN_LABELS } from '../../archive/labels.js';
import { isRealDate } from '../../checks/dates.js';
import type { Outcome, Rule } from '../types.js';
import { field, pensionYearConfidence, proofOutcome, recordEvidence, screen, t } from './helpers.js';
import type { Params2020 } from './params.js';

const sorted = (years: readonly number[]) => [...years].sort((a, b) => a - b);

export const pensionRule: Rule<Params2020> = {
  id: 'M-5.pension',
  clause: ['M-5', 'R-8', 'N-11'],
  severity: 'blocker',
  // Per year: 2018 and 2019 lie wholly in the 36 months before the deadline (confirmed); 2017 and
  // 2020 only in part (assumed) — see pensionYearConfidence.
  confidence: 'confirmed',
  title: t('近三年养老保险缴费记录及证明', 'Pension insurance for the last three years, with proof'),
  params: ['pensionYears', 'deadline'],
  check(input) {
    const { archive, params } = input;
    return sorted(params.pensionYears).map((year): Outcome => {
      const record = archive.pensionYears.find((r) => r.year === year);
      if (!record) {
        return {
          key: String(year),
          status: 'fail',
          confidence: pensionYearConfidence(year, params),
          message: t(`缺少 ${year} 年的养老保险缴费记录。`, `No pension record for ${year}.`),
          fix: screen('pension'),
        };
      }
      // The scan of a confirmed year is required like every other (issue 19): missing → fail; 2020 assumed.
      const proof = proofOutcome(input, {
        slot: `M-5/pension/${year}`,
        recordId: record.id,
        key: String(year),
        what: t(`${year} 年养老保险缴费证明`, `the ${year} pension payment proof`),
        evidence: [recordEvidence(archive, 'pensionYears', record.id)],
      });
      return proof.status === 'fail' ? { ...proof, confidence: pensionYearConfidence(year, params) } : proof;
    });
  },
};

export const assessmentRule: Rule<Params2020> = {
  id: 'M-9.assessments',
  clause: ['M-9', 'R-8'],
  severity: 'blocker',
  confidence: 'inferred',
  title: t('近三年年度考核合格及以上', 'Annual assessments of the last three years, qualified or better'),
  params: ['assessmentYears'],
  check(input) {
    const { archive, params } = input;
    return sorted(params.assessmentYears).flatMap((year): Outcome[] => {
      const record = archive.assessments.find((r) => r.year === year);
      const key = String(year);
      if (!record) {
        return [
          {
            key,
            status: 'fail',
            message: t(`缺少 ${year} 年度考核记录。`, `No annual assessment for ${year}.`),
            fix: screen('assessments'),
          },
        ];
      }
      const evidence = [recordEvidence(archive, 'assessments', record.id)];
      if (record.result === '') {
        return [
          {
            key,
            status: 'fail',
            message: t(`${year} 年度考核未填写结果。`, `The ${year} assessment has no result.`),
            evidence,
            fix: field(`assessments.${record.id}.result`),
          },
        ];
      }
      if (record.result === 'unqualified' || record.result === 'basically_qualified') {
        const label = ASSESSMENT_RESULT_LABELS[record.result];
        return [
          {
            key,
            status: 'review',
            message: t(
              `${year} 年度考核为“${label.zh}”：通常须合格及以上，请人工判断。`,
              `The ${year} assessment is "${label.en}": usually qualified or better is needed; a person must judge.`,
            ),
            evidence,
            fix: field(`assessments.${record.id}.result`),
          },
        ];
      }
      return [
        proofOutcome(input, {
          slot: `M-9/assessment/${year}`,
          recordId: record.id,
          key,
          what: t(`${year} 年度考核材料`, `the ${year} assessment record`),
          evidence,
        }),
      ];
    });
  },
};

export const graduateFormRule: Rule<Params2020> = {
  id: 'N-12.graduate-form',
  clause: ['N-12', 'M-4'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('2001 年前毕业：《高校毕业生登记表》', 'Graduated before 2001: graduate registration form'),
  params: ['graduateFormBefore'],
  check(input) {
    // As the materials view asks (requirements.ts needsM4): a degree from abroad is certified instead (N-12).
    const early = input.archive.educations.filter(
      (e) =>
        isRealDate(e.graduationDate) &&
        e.graduationDate < input.params.graduateFormBefore &&
        e.level !== 'secondary' &&
        e.origin === 'domestic',
    );
    if (early.length === 0)
      return [
        {
          status: 'n/a',
          message: t(
            `无 ${input.params.graduateFormBefore} 前毕业的学历。`,
            `No degree before ${input.params.graduateFormBefore}.`,
          ),
        },
      ];
    return early.map((e) =>
      proofOutcome(input, {
        slot: 'M-4/graduate-form',
        recordId: e.id,
        key: e.id,
        what: t('《高校毕业生登记表》扫描件', 'the scan of the graduate registration form'),
        evidence: [recordEvidence(input.archive, 'educations', e.id, 'graduationDate')],
      }),
    );
  },
};

export const foreignDegreeRule: Rule<Params2020> = {
  id: 'N-12.foreign-degree',
  clause: ['N-12', 'M-4'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('国外及港澳台学历学位认证', 'Certification of a foreign or HK/Macao/Taiwan degree'),
  params: [],
  check(input) {
    const foreign = input.archive.educations.filter((e) => e.origin !== 'domestic');
    if (foreign.length === 0) return [{ status: 'n/a', message: t('没有境外学历。', 'No degree from abroad.') }];
    return foreign.map((e) =>
      proofOutcome(input, {
        slot: 'M-4/degree-certification',
        recordId: e.id,
        key: e.id,
        what: t(
          `教育部留学服务中心出具的${DEGREE_ORIGIN_LABELS[e.origin].zh}学历学位认证书`,
          `the ${DEGREE_ORIGIN_LABELS[e.origin].en} degree certification by the CSCSE`,
        ),
        evidence: [recordEvidence(input.archive, 'educations', e.id, 'origin')],
      }),
    );
  },
};
