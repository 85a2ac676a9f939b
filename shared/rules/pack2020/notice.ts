// The rest of the notice (R-8): committee by specialty (N-1), submission channel (N-9), public
// institutions and form F-4 (N-14, M-12), the discipline bar (N-15), the deadline (N-2), no foreign
// language or computer certificate (N-5), the work summary (M-8), and the upload limits (R-9).
import { COMMITTEE_INFO, COMMITTEE_LIST } from '../../archive/committees.js';
import { matchSpecialty } from '../../archive/specialties.js';
import { codePointLength } from '../../checks/text.js';
import type { Rule } from '../types.js';
import { asOfYear, field, proofOutcome, recordEvidence, screen, sectionEvidence, t } from './helpers.js';
import type { Params2020 } from './params.js';

const committeeNames = t(
  COMMITTEE_LIST.map((c) => `${c.no}. ${c.shortName.zh}（${c.scope.zh}）`).join('；'),
  COMMITTEE_LIST.map((c) => `${c.no}. ${c.shortName.en} (${c.scope.en})`).join('; '),
);

export const committeeRule: Rule<Params2020> = {
  id: 'N-1.committee',
  clause: ['N-1'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('按专业对口选定唯一的评审委员会', 'One committee, chosen by specialty'),
  // R-8: the specialty is matched against 附件1's four scopes (shared/archive/specialties.ts).
  params: [],
  check({ archive }) {
    const { committee, specialty } = archive.application;
    const evidence = [sectionEvidence('application.committee')];
    if (committee === '') {
      return [
        {
          status: 'fail',
          message: t(
            `尚未选择评审委员会。本次评审的四个高评委：${committeeNames.zh}。`,
            `No committee chosen. The four committees: ${committeeNames.en}.`,
          ),
          evidence,
          fix: field('application.committee'),
        },
      ];
    }
    if (specialty.trim() === '') {
      return [
        {
          status: 'fail',
          message: t('尚未填写申报专业。', 'No specialty entered.'),
          evidence,
          fix: field('application.specialty'),
        },
      ];
    }
    const chosen = COMMITTEE_INFO[committee];
    const fix = field('application.specialty');
    const match = matchSpecialty(specialty);
    if (match.kind === 'in' && match.committees.includes(committee)) {
      return [
        {
          status: 'pass',
          message: t(
            `专业“${specialty.trim()}”在${chosen.fullName}的评审范围内（${chosen.scope.zh}）。`,
            `The specialty "${specialty.trim()}" is within the scope of the ${chosen.shortName.en} committee (${chosen.scope.en}).`,
          ),
          evidence,
        },
      ];
    }
    if (match.kind === 'in') {
      const right = match.committees.map((id) => COMMITTEE_INFO[id]);
      return [
        {
          status: 'fail',
          message: t(
            `专业“${specialty.trim()}”属于${right.map((c) => `${c.shortName.zh}评委（${c.scope.zh}）`).join('或')}，不在所选${chosen.shortName.zh}评委的范围内：请改选对口的评审委员会（N-1）。`,
            `The specialty "${specialty.trim()}" belongs to the ${right.map((c) => c.shortName.en).join(' or ')} committee, not the chosen ${chosen.shortName.en} one: choose the committee of your specialty (N-1).`,
          ),
          evidence,
          fix: field('application.committee'),
        },
      ];
    }
    if (match.kind === 'outside') {
      return [
        {
          status: 'fail',
          message: t(
            `专业“${specialty.trim()}”不在本次四个高评委的评审范围内：${committeeNames.zh}。`,
            `The specialty "${specialty.trim()}" is outside all four committees of this evaluation: ${committeeNames.en}.`,
          ),
          evidence,
          fix,
        },
      ];
    }
    return [
      {
        status: 'review',
        message: t(
          `无法从“${specialty.trim()}”判断所属评审范围：请确认它属于${chosen.fullName}的范围（${chosen.scope.zh}），或从专业列表中选择。`,
          `Cannot tell the scope of "${specialty.trim()}": confirm it belongs to the ${chosen.shortName.en} committee (${chosen.scope.en}), or choose from the list of specialties.`,
        ),
        evidence,
        fix,
      },
    ];
  },
};

export const channelRule: Rule<Params2020> = {
  id: 'N-9.channel',
  clause: ['N-9'],
  severity: 'warning',
  confidence: 'confirmed',
  title: t('逐级报送：主管部门或人事代理机构', 'Submission channel: competent department or personnel agency'),
  params: [],
  check({ archive }) {
    const u = archive.unit;
    if (u.competentDepartment.trim() || u.personnelAgency.trim()) {
      return [
        {
          status: 'pass',
          message: t(
            `经 ${u.competentDepartment.trim() || u.personnelAgency.trim()} 报送。`,
            `Submitted through ${u.competentDepartment.trim() || u.personnelAgency.trim()}.`,
          ),
        },
      ];
    }
    return [
      {
        status: 'fail',
        message: t(
          '未填写主管部门；无主管部门的单位须经人事代理机构报送。',
          'No competent department: units without one submit through their personnel agency.',
        ),
        fix: field('unit.competentDepartment'),
      },
    ];
  },
};

export const publicInstitutionRule: Rule<Params2020> = {
  id: 'N-14.public-institution',
  clause: ['N-14', 'M-12', 'F-4'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('事业单位：岗位信息表（F-4）与岗位空缺', 'Public institutions: post information form F-4 and a vacancy'),
  params: ['covidPostRatioNotBinding'],
  check(input) {
    const { archive, params } = input;
    if (archive.unit.type !== 'public_institution') {
      return [{ status: 'n/a', message: t('不是事业单位。', 'Not a public institution.') }];
    }
    const covid = archive.application.covidFrontline && params.covidPostRatioNotBinding;
    const form = proofOutcome(input, {
      slot: 'M-12/f4',
      key: 'f4',
      what: t(
        '《事业单位人员职称申报岗位信息表》（F-4，含单位、主管部门、人社部门意见和盖章）',
        'form F-4 with the opinions and seals of the unit, its competent department and HR',
      ),
    });
    const vacancy = {
      key: 'vacancy',
      status: 'review' as const,
      message: covid
        ? t(
            '疫情一线：不受岗位结构比例限制（R-3，适用性未确认）。',
            'COVID-19 frontline: the post ratio is not binding (R-3, applicability unconfirmed).',
          )
        : t(
            '评聘结合：须在核准的岗位结构比例内有副高级岗位空缺并经竞聘推荐（只限在编人员）。F-4 的岗位数据本应用尚未记录，请核对。',
            "Evaluation and appointment combined: a vacant associate-senior post within the approved ratio and a competition are needed (staff on the establishment only). The app does not record F-4's post data yet: check it.",
          ),
      fix: screen('unit'),
    };
    return [form, vacancy];
  },
};

export const disciplineRule: Rule<Params2020> = {
  id: 'N-15.discipline',
  clause: ['N-15'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('弄虚作假记录：之后三年不得申报', 'Falsification bars the next three years'),
  params: ['disciplineBarYears', 'asOfDate'],
  check({ archive, params }) {
    const year = asOfYear(params);
    if (archive.disciplineRecords.length === 0)
      return [{ status: 'pass', message: t('无违纪记录。', 'No discipline record.') }];
    return archive.disciplineRecords.map((d) => {
      const evidence = [recordEvidence(archive, 'disciplineRecords', d.id)];
      if (d.year === null) {
        return {
          key: d.id,
          status: 'review' as const,
          message: t('违纪记录未填写年度，无法判断。', 'The record has no year: cannot judge.'),
          evidence,
          fix: field(`disciplineRecords.${d.id}.year`),
        };
      }
      const last = d.year + params.disciplineBarYears;
      const barred = year >= d.year + 1 && year <= last;
      return {
        key: d.id,
        status: barred ? ('fail' as const) : ('pass' as const),
        message: barred
          ? t(
              `${d.year} 年评审中的弄虚作假记录：${d.year + 1}–${last} 年不得申报（本次为 ${year} 年）。`,
              `Falsification found in ${d.year}: barred ${d.year + 1}–${last} (this is ${year}).`,
            )
          : t(
              `${d.year} 年的记录不影响 ${year} 年申报（限制期 ${d.year + 1}–${last}）。`,
              `The ${d.year} record does not bar ${year} (barred ${d.year + 1}–${last}).`,
            ),
        evidence,
      };
    });
  },
};

// The deadline is said once, beside the verdict, when the round has closed (Report.round). The finding
// here judges only the application date the applicant gives: handed in after the deadline, it is late.
export const deadlineRule: Rule<Params2020> = {
  id: 'N-2.deadline',
  clause: ['N-2', 'R-8'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('申报日期不晚于材料报送截止日', 'Application date on or before the deadline'),
  params: ['deadline', 'applicationDate'],
  check({ params, applicationDate }) {
    const fix = field('params.applicationDate');
    if (applicationDate > params.deadline) {
      return [
        {
          status: 'fail',
          message: t(
            `申报日期 ${applicationDate} 晚于 ${params.deadline} 的报送截止日：逾期不再受理（N-2）。`,
            `The application date ${applicationDate} is after the ${params.deadline} deadline: late materials are not accepted (N-2).`,
          ),
          fix,
        },
      ];
    }
    return [
      {
        status: 'pass',
        message: t(
          `按申报日期 ${applicationDate} 判断（截止日 ${params.deadline}）。`,
          `Judged as of the application date ${applicationDate} (deadline ${params.deadline}).`,
        ),
      },
    ];
  },
};

export const noLanguageRule: Rule<Params2020> = {
  id: 'N-5.no-language-computer',
  clause: ['N-5'],
  severity: 'info',
  confidence: 'confirmed',
  title: t('不要求外语和计算机应用能力证书', 'No foreign-language or computer certificate required'),
  params: [],
  check: () => [
    {
      status: 'pass',
      message: t('本次评审不要求外语和计算机证书，无需准备。', 'Not required for this evaluation: nothing to prepare.'),
    },
  ],
};

export const summaryRule: Rule<Params2020> = {
  id: 'M-8.summary',
  clause: ['M-8'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('任现职以来的专业技术工作总结', 'Work summary since the current title'),
  params: ['summaryMinChars'],
  check({ archive, params }) {
    const n = codePointLength(archive.summary.text.trim());
    const evidence = [sectionEvidence('summary.text')];
    const fix = field('summary.text');
    if (n === 0) return [{ status: 'fail', message: t('尚未撰写工作总结。', 'No work summary yet.'), evidence, fix }];
    if (n < params.summaryMinChars) {
      return [
        {
          status: 'fail',
          confidence: 'assumed',
          message: t(
            `工作总结仅 ${n} 字，少于 ${params.summaryMinChars} 字。`,
            `The summary has ${n} characters, fewer than ${params.summaryMinChars}.`,
          ),
          evidence,
          fix,
        },
      ];
    }
    return [{ status: 'pass', message: t(`工作总结 ${n} 字。`, `Summary of ${n} characters.`), evidence }];
  },
};

export const uploadRule: Rule<Params2020> = {
  id: 'R-9.upload-profile',
  clause: ['R-9'],
  severity: 'info',
  confidence: 'assumed',
  title: t('省系统的上传限制', 'Upload limits of the provincial system'),
  params: [],
  check: () => [
    {
      status: 'review',
      message: t(
        '省系统的文件格式和大小限制未公开：本应用按可修改的上传配置（PDF/JPG、单个约 5 MB、证件照约 200 KB）检查和压缩附件，请以系统实际提示为准。',
        "The provincial system's limits are not published: attachments are checked and fitted against an editable upload profile (PDF/JPG, about 5 MB a file, photo about 200 KB); the system's own messages prevail.",
      ),
      fix: { kind: 'screen', target: 'attachments' },
    },
  ],
};
