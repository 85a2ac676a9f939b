// R-2 Exceptional promotion (破格, M-11, F-3) and R-3 COVID-19 frontline (N-4, 人社厅发〔2020〕23号).
// The app checks completeness, never merit: Zhejiang's list of exceptional conditions was not found, and
// whether the frontline policy applies to these four specialties is unknown.
import type { Rule } from '../types.js';
import { field, proofState, slot, t } from './helpers.js';
import type { Params2020 } from './params.js';

/** What an exceptional application must prepare; the archive does not hold these details yet. */
const EXCEPTIONAL_CHECKLIST = t(
  '须准备：破格类型（学历破格、资历破格或两者）；两名同专业或相近专业正高级工程师推荐（姓名、单位、职称、证书编号、专业）；按类型列明的业绩（奖项：级别、等次、排名、年度；专利：类型、号码、发明人排名、授权日；项目：级别、角色；标准：级别、排名；荣誉；论文或专著）；单位人事部门写明符合哪几条破格条件的意见；每条条件的证明材料；《破格推荐高级专业技术职务任职资格审批表》（F-3）。',
  'To prepare: the type (education, seniority, or both); two recommenders who are professor-level senior engineers of the same or a related specialty (name, unit, title, certificate number, specialty); the achievements by type (award: level, grade, rank, year; patent: type, number, inventor rank, grant date; project: level, role; standard: level, rank; honour; paper or monograph); the unit HR opinion stating which exceptional conditions are met; proof for each condition; form F-3.',
);

export const exceptionalRule: Rule<Params2020> = {
  id: 'R-2.exceptional',
  clause: ['R-2', 'M-11', 'F-3', '人社部发〔2019〕16号'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('破格申报材料是否齐全（不判断业绩是否突出）', 'Exceptional promotion: completeness, never merit'),
  params: [],
  check(input) {
    const { archive } = input;
    if (!archive.application.exceptional) {
      return [{ status: 'n/a', message: t('未申请破格。', 'Not an exceptional application.') }];
    }
    const f3 = proofState(input, 'M-11/f3');
    const proof = proofState(input, 'M-11/proof');
    const evidence = [{ path: 'application.exceptional', label: t('破格申报', 'Exceptional promotion') }];
    if (f3 === 'missing' || proof === 'missing') {
      const missing = [
        f3 === 'missing' ? t('F-3 审批表', 'form F-3') : null,
        proof === 'missing' ? t('破格条件证明材料', 'proof of the conditions') : null,
      ].filter((x) => x !== null);
      return [
        {
          status: 'fail',
          message: t(
            `破格材料不全，缺少：${missing.map((m) => m.zh).join('、')}。${EXCEPTIONAL_CHECKLIST.zh}`,
            `Exceptional materials incomplete, missing: ${missing.map((m) => m.en).join(', ')}. ${EXCEPTIONAL_CHECKLIST.en}`,
          ),
          evidence,
          fix: slot(f3 === 'missing' ? 'M-11/f3' : 'M-11/proof'),
        },
      ];
    }
    // Complete as far as the app can see: a person still judges (R-2: always review when complete).
    return [
      {
        status: 'review',
        message: t(
          `破格申报由评审委员会按破格条件判断，本应用只核对材料。${EXCEPTIONAL_CHECKLIST.zh}`,
          `An exceptional application is judged by the committee; the app only checks the materials. ${EXCEPTIONAL_CHECKLIST.en}`,
        ),
        evidence,
        fix: field('application.exceptional'),
      },
    ];
  },
};

export const covidRule: Rule<Params2020> = {
  id: 'R-3.covid-frontline',
  clause: ['R-3', 'N-4', '人社厅发〔2020〕23号'],
  severity: 'warning',
  confidence: 'confirmed',
  title: t('疫情防控一线人员的倾斜政策', 'COVID-19 frontline preferential policy'),
  params: ['covidSeniorityMinusOne', 'covidCeDeemed', 'covidPostRatioNotBinding', 'covidAntiEpidemicWork'],
  check({ archive, params }) {
    if (!archive.application.covidFrontline) {
      return [{ status: 'n/a', message: t('未勾选疫情防控一线。', 'Not marked as COVID-19 frontline staff.') }];
    }
    const effects = [
      params.covidSeniorityMinusOne ? t('任职年限可提前一年', 'seniority one year less') : null,
      params.covidCeDeemed ? t('2020 年继续教育视同完成', '2020 continuing education deemed complete') : null,
      params.covidPostRatioNotBinding ? t('不受岗位结构比例限制', 'post ratio not binding') : null,
      params.covidAntiEpidemicWork
        ? t('抗疫成果可作代表作', 'an anti-epidemic result may be the representative work')
        : null,
    ].filter((x) => x !== null);
    return [
      {
        status: 'review',
        message: t(
          `已应用：${effects.map((e) => e.zh).join('、') || '无'}。注意：该政策是否适用于本次四个专业未确认；须由单位出具一线人员证明并上传；有突出贡献且获省部级表彰者可直接申报，由评审判断。`,
          `Applied: ${effects.map((e) => e.en).join(', ') || 'none'}. Caution: whether the policy applies to these four specialties is unconfirmed; the unit must certify frontline service (attach it); outstanding contributors with a provincial/ministerial commendation may apply directly, judged by the committee.`,
        ),
        evidence: [{ path: 'application.covidFrontline', label: t('疫情防控一线', 'COVID-19 frontline') }],
        fix: field('application.covidFrontline'),
      },
    ];
  },
};
