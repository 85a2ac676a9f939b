// R-6 Resident ID number (GB 11643-1999) and R-10 names with rare characters. The checks themselves live
// in shared/checks (also used while typing); here they become findings against the notice.
import { SEX_LABELS } from '../../archive/labels.js';
import { ageOn, isAfter, isRealDate } from '../../checks/dates.js';
import { checkIdNumber, upgradeFifteenDigit } from '../../checks/idNumber.js';
import { charsOutsideBmp, charsOutsideGb2312 } from '../../checks/text.js';
import type { Outcome, Rule } from '../types.js';
import { field, sectionEvidence, t } from './helpers.js';
import type { Params2020 } from './params.js';

const ID_REASONS = {
  empty: t('未填写身份证号码', 'no ID number entered'),
  fifteen_digit: t(
    '15 位旧身份证号码已于 2013-01-01 停止使用',
    'first-generation 15-digit numbers lost validity on 2013-01-01',
  ),
  length: t('应为 18 位', 'it must have 18 characters'),
  characters: t('只能是 17 位数字加数字或 X', 'only 17 digits and a digit or X'),
  birth_date: t('其中的出生日期不存在', 'the birth date in it does not exist'),
  check_character: t('校验位不正确', 'the check character is wrong'),
} as const;

export const idRule: Rule<Params2020> = {
  id: 'R-6.id-number',
  clause: ['R-6', 'GB 11643-1999', 'M-4'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('身份证号码有效', 'Resident ID number valid'),
  params: [],
  check({ archive, applicationDate }) {
    const id = checkIdNumber(archive.profile.idNumber);
    const evidence = [sectionEvidence('profile.idNumber')];
    const fix = field('profile.idNumber');
    if (!id.ok) {
      const reason = ID_REASONS[id.reason];
      const upgraded = id.reason === 'fifteen_digit' ? upgradeFifteenDigit(id.value) : null;
      return [
        {
          status: 'fail',
          message: t(
            `身份证号码无效：${reason.zh}${upgraded ? `（换算的 18 位号码为 ${upgraded}，仅供核对旧证件）` : ''}。`,
            `The ID number is not valid: ${reason.en}${upgraded ? ` (its 18-digit form is ${upgraded}, for old documents only)` : ''}.`,
          ),
          evidence,
          fix,
        },
      ];
    }
    if (isAfter(id.birthDate, applicationDate)) {
      return [
        {
          status: 'fail',
          message: t(
            '身份证号码中的出生日期晚于申报日期。',
            'The birth date in the ID number is after the application date.',
          ),
          evidence,
          fix,
        },
      ];
    }
    return [{ status: 'pass', message: t('身份证号码校验通过。', 'The ID number checks out.'), evidence }];
  },
};

export const idConsistencyRule: Rule<Params2020> = {
  id: 'R-6.id-consistency',
  clause: ['R-6'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('出生日期、性别与身份证号码一致', 'Birth date and sex agree with the ID number'),
  params: [],
  check({ archive }) {
    const id = checkIdNumber(archive.profile.idNumber);
    const p = archive.profile;
    if (!id.ok)
      return [{ status: 'n/a', message: t('身份证号码无效，无法核对。', 'No valid ID number to compare with.') }];
    const out: Outcome[] = [];
    if (isRealDate(p.birthDate) && p.birthDate !== id.birthDate) {
      out.push({
        key: 'birthDate',
        status: 'fail',
        message: t(
          `出生日期 ${p.birthDate} 与身份证号码（${id.birthDate}）不一致。`,
          `Birth date ${p.birthDate} differs from the ID number's ${id.birthDate}.`,
        ),
        evidence: [sectionEvidence('profile.birthDate'), sectionEvidence('profile.idNumber')],
        fix: field('profile.birthDate'),
      });
    }
    if (p.sex !== '' && p.sex !== id.sex) {
      out.push({
        key: 'sex',
        status: 'fail',
        message: t(
          `性别与身份证号码（${SEX_LABELS[id.sex].zh}）不一致。`,
          `Sex differs from the ID number's (${SEX_LABELS[id.sex].en}).`,
        ),
        evidence: [sectionEvidence('profile.sex'), sectionEvidence('profile.idNumber')],
        fix: field('profile.sex'),
      });
    }
    return out.length
      ? out
      : [
          {
            status: 'pass',
            message: t('出生日期、性别与身份证号码一致。', 'Birth date and sex agree with the ID number.'),
          },
        ];
  },
};

export const ageRule: Rule<Params2020> = {
  id: 'R-6.age',
  clause: ['R-6', 'N-7'],
  severity: 'warning',
  confidence: 'assumed',
  title: t('截止日年龄在常见范围内', 'Age on the as-of date within the usual range'),
  params: ['ageMin', 'ageMax', 'asOfDate'],
  check({ archive, params }) {
    const id = checkIdNumber(archive.profile.idNumber);
    const birth = isRealDate(archive.profile.birthDate) ? archive.profile.birthDate : id.ok ? id.birthDate : null;
    if (!birth || birth > params.asOfDate) return [{ status: 'n/a', message: t('无出生日期。', 'No birth date.') }];
    const age = ageOn(birth, params.asOfDate);
    const ok = age >= params.ageMin && age <= params.ageMax;
    return [
      {
        status: ok ? 'pass' : 'review',
        message: t(
          `${params.asOfDate} 时 ${age} 岁${ok ? '' : `，不在 ${params.ageMin}–${params.ageMax} 岁之间，请核对出生日期`}。`,
          `Age ${age} on ${params.asOfDate}${ok ? '' : `, outside ${params.ageMin}–${params.ageMax}: check the birth date`}.`,
        ),
        evidence: [sectionEvidence('profile.birthDate')],
        ...(ok ? {} : { fix: field('profile.birthDate') }),
      },
    ];
  },
};

export const nameRule: Rule<Params2020> = {
  id: 'R-10.name-characters',
  clause: ['R-10', 'GB 18030-2022'],
  severity: 'warning',
  confidence: 'inferred',
  title: t('姓名中的生僻字', 'Rare characters in the name'),
  params: [],
  check({ archive }) {
    const name = archive.profile.name.trim();
    const evidence = [sectionEvidence('profile.name')];
    if (name === '')
      return [{ status: 'fail', message: t('未填写姓名。', 'No name entered.'), evidence, fix: field('profile.name') }];
    const beyondBmp = charsOutsideBmp(name);
    const beyondGb = charsOutsideGb2312(name).filter((c) => !beyondBmp.includes(c));
    if (beyondBmp.length === 0 && beyondGb.length === 0) {
      return [{ status: 'pass', message: t('姓名均为常用字。', 'The name uses common characters only.'), evidence }];
    }
    const chars = [...beyondBmp, ...beyondGb].join(' ');
    return [
      {
        status: 'review',
        message: t(
          `姓名中的 ${chars} 不在 GB 2312${beyondBmp.length ? ' 或基本多文种平面' : ''} 内：省系统可能无法录入或显示，请提前与单位或系统确认。`,
          `${chars} in the name ${beyondBmp.length ? 'lie outside the BMP / ' : ''}are not in GB 2312: the provincial system may reject or garble them; check in advance.`,
        ),
        evidence,
      },
    ];
  },
};
