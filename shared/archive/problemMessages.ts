// What findProblems says, in both UI languages. Each text completes a subject that names the field
// (problemLabels.ts): zh "身份证号码" + "校验位错误，应为 X", en "Resident ID number" + ": " + "wrong check
// character, expected X". Kept apart from the checks so that wording can be reviewed in one place.
import type { Localized } from '../api/contract.js';

const m = (zh: string, en: string): Localized => ({ zh, en });
const list = (chars: readonly string[]): Localized => ({ zh: chars.join('、'), en: chars.join(' ') });

export const MSG = {
  // dates and years
  notRealDate: (v: string) => m(`不是有效日期：${v}`, `not a real date (${v})`),
  afterToday: (today: string) => m(`晚于今天（${today}）`, `later than today (${today})`),
  beforeBirth: (birth: string) => m(`早于出生日期（${birth}）`, `before the date of birth (${birth})`),
  endBeforeStart: (start: string) => m(`早于开始时间（${start}）`, `before the start date (${start})`),
  graduationNotAfterStart: (start: string) =>
    m(`不晚于入学时间（${start}）`, `not after the enrolment date (${start})`),
  yearMissing: (why: Localized) => m(`未填写，${why.zh}`, `missing; ${why.en}`),
  yearAfterThisYear: (year: number) => m(`晚于今年：${year} 年`, `${year} is later than this year`),
  yearDuplicate: (year: number) =>
    m(`重复：${year} 年录入了不止一条，每年只应有一条`, `${year} is entered more than once; one record per year`),
  overlaps: (other: Localized) =>
    m(
      `与${other.zh}的时间重叠，请核对`,
      `overlaps ${other.en.charAt(0).toLowerCase()}${other.en.slice(1)} — please check`,
    ),

  // name
  emoji: (chars: string[]) =>
    m(
      `含有表情符号：${list(chars).zh}，请按身份证填写`,
      `contains emoji (${list(chars).en}); enter it as on the ID card`,
    ),
  outsideBmp: (chars: string[]) =>
    m(
      `含有扩展区生僻字：${list(chars).zh}。省级系统及多数软件可能无法录入或显示，请与单位人事核对录入方式（R-10）`,
      `contains rare characters outside the Basic Multilingual Plane (${list(chars).en}); the provincial system ` +
        'and much software may reject or garble them — agree with your HR office how to enter them (R-10)',
    ),
  outsideGb2312: (chars: string[]) =>
    m(
      `含有 GB 2312 以外的字符：${list(chars).zh}。部分系统可能无法录入，请核对显示是否正确（R-10）`,
      `contains characters outside GB 2312 (${list(chars).en}); some systems may reject them — check they display correctly (R-10)`,
    ),

  // resident ID number
  idFifteenDigit: (upgraded: string | null) =>
    m(
      `为 15 位一代身份证号码，已于 2013-01-01 停止使用，请填写 18 位号码（按规则换算为 ${upgraded}，请以身份证为准）`,
      'a first-generation 15-digit number, invalid since 2013-01-01; enter the 18-digit number ' +
        `(converted by rule: ${upgraded}; the ID card decides)`,
    ),
  idLength: (n: number) => m(`应为 18 位，现为 ${n} 位`, `must have 18 characters, has ${n}`),
  idCharacters: () => m('只能由数字组成，末位可为 X', 'only digits, with X allowed as the last character'),
  idBirthDateNotReal: (digits: string) =>
    m(`中的出生日期 ${digits} 不存在`, `the birth date in it (${digits}) does not exist`),
  idBirthDateAfterToday: (date: string) =>
    m(`中的出生日期 ${date} 晚于今天`, `the birth date in it (${date}) is later than today`),
  wrongCheckCharacter: (expected: string) =>
    m(`校验位错误，应为 ${expected}`, `wrong check character, expected ${expected}`),
  differsFromId: (value: Localized) =>
    m(`与身份证号码不一致（身份证号码为 ${value.zh}）`, `differs from the ID number (${value.en})`),
  ageOutOfRange: (age: number, asOf: string) =>
    m(
      `对应的年龄（截至 ${asOf}）为 ${age} 岁，不在 20–65 岁之间，请核对（R-6）`,
      `gives an age of ${age} on ${asOf}, outside 20–65 — please check (R-6)`,
    ),

  // contact
  phoneImplausible: () =>
    m(
      '格式不像手机号或带区号的固定电话，请核对',
      'does not look like a mobile or landline number with area code — please check',
    ),
  emailInvalid: () =>
    m('格式不正确（应如 name@example.com，@ 须为半角）', 'not a valid address (like name@example.com)'),

  // unit
  creditCodeLength: (n: number) => m(`应为 18 位，现为 ${n} 位`, `must have 18 characters, has ${n}`),
  creditCodeCharacters: () =>
    m(
      '含有不允许的字符（只用数字和大写字母，不用 I、O、Z、S、V）',
      'contains characters outside the code set (digits and capitals without I, O, Z, S, V)',
    ),
  agencyMissing: () =>
    m(
      '未填写：单位无主管部门时，须通过人事代理机构逐级报送（N-9）',
      'missing; a unit without a competent department submits through its personnel agency (N-9)',
    ),
  committeeMissing: () =>
    m('尚未选择：请按专业对口选择一个高评委（N-1）', 'not chosen; choose the one that matches your specialty (N-1)'),

  // records
  degreeFromAbroad: (origin: 'foreign' | 'hk_macao_taiwan') =>
    m(
      `为${origin === 'foreign' ? '国外' : '港澳台'}学历学位：须提供教育部留学服务中心出具的` +
        `《${origin === 'foreign' ? '国外' : '港澳台'}学历学位认证书》扫描件（N-12）`,
      'a degree from abroad or Hong Kong/Macao/Taiwan needs the certification issued by the ' +
        'Chinese Service Center for Scholarly Exchange (N-12)',
    ),
  seriesUnknown: () =>
    m(
      '请选择职称系列：只有工程系列的中级职称（工程师）从取得之日起计算任职年限（R-1）',
      'choose the series: only an intermediate title of the engineering series starts the years (R-1)',
    ),
  whyCourseYear: () => m('无法计入当年继续教育学时（N-6）', 'the hours cannot count toward a year (N-6)'),
  whyAssessmentYear: () => m('须提供近三年年度考核（M-9）', 'the last three years of assessments are required (M-9)'),
  whyPensionYear: () =>
    m('须提供近三年养老保险缴费证明（M-5）', 'pension proof for the last three years is required (M-5)'),
  whyDisciplineYear: () =>
    m('无法判断限制申报的年份（N-15）', 'the years barred from applying cannot be determined (N-15)'),
  hoursMissing: () => m('未填写（N-6）', 'missing (N-6)'),
  hoursNotPositive: (hours: number) => m(`应大于 0，现为 ${hours}`, `must be more than 0, is ${hours}`),
  categoryMissing: () =>
    m(
      '未选择科目类别，这些学时暂不计入各年度汇总（N-6）',
      'no category chosen, so these hours are not counted in the yearly totals (N-6)',
    ),

  // works (M-10, R-7)
  noRepresentative: () =>
    m('尚未标记代表作：须且只能标记一项（M-10）', 'no representative work marked; mark exactly one (M-10)'),
  severalRepresentative: (n: number) =>
    m(
      `重复：代表作只能有一项，现有 ${n} 项（M-10）`,
      `only one representative work is allowed, ${n} are marked (M-10)`,
    ),
  notLeadWriter: () =>
    m(
      '未确认：报告须提供本人执笔的依据（M-10）',
      'not confirmed; a report needs proof that the applicant wrote it (M-10)',
    ),
  issnFormat: () => m('格式应为 NNNN-NNNC（R-7）', 'must look like NNNN-NNNC (R-7)'),
  cnFormat: () => m('格式应为 CN XX-XXXX/YY（R-7）', 'must look like CN XX-XXXX/YY (R-7)'),
  cnNewspaper: (serial: string) =>
    m(
      `中的序号 ${serial} 属报纸；报纸文章通常不被认可为论文（R-7）`,
      `serial ${serial} is a newspaper's; newspaper articles are commonly not recognised as papers (R-7)`,
    ),
  cnNotPrint: (serial: string) =>
    m(
      `中的序号 ${serial} 不属印刷期刊（网络或电子出版物），可能不被认可（R-7）`,
      `serial ${serial} is not a print periodical's (web or electronic); it may not be recognised (R-7)`,
    ),
  cnUnknownRegion: (region: string) =>
    m(
      `中的地区代码 ${region} 不是省级行政区代码，请核对（R-7）`,
      `region code ${region} is not a province code — please check (R-7)`,
    ),
  noJournalNumber: () =>
    m(
      '与 CN 刊号均未填写：无刊号的出版物通常不被认可，扫描件须含刊号页（M-10, R-7）',
      'and CN number both missing; publications without them are commonly not recognised, ' +
        'and the scan must show them (M-10, R-7)',
    ),

  // summary (M-8)
  summaryShort: (n: number) =>
    m(`仅 ${n} 字，内容偏少，请充实（M-8）`, `only ${n} characters — too short to summarise the work (M-8)`),
} as const;
