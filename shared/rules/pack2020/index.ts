// The rule pack of notice 浙经信人事〔2020〕84号 (the 2020 evaluation). A 2021 notice is a new pack beside
// this one, not an edit of it; a change to a predicate's logic here must bump `version`, since the content
// hash covers the rules' definitions and default parameters but not their code.
import { COMMITTEE_LIST } from '../../archive/committees.js';
import { loadPack, type RulePack } from '../engine.js';
import { t } from './helpers.js';
import { ceHoursRule, ceProofRule } from './ce.js';
import { covidRule, exceptionalRule } from './exceptional.js';
import { ageRule, idConsistencyRule, idRule, nameRule } from './identity.js';
import { assessmentRule, foreignDegreeRule, graduateFormRule, pensionRule } from './materials.js';
import {
  channelRule,
  committeeRule,
  deadlineRule,
  disciplineRule,
  noLanguageRule,
  publicInstitutionRule,
  summaryRule,
  uploadRule,
} from './notice.js';
import { DEFAULT_PARAMS_2020, Params2020 } from './params.js';
import { publicityProofRule, publicityRule } from './publicity.js';
import { m10ScansRule, m4ScansRule, readableScansRule } from './scans.js';
import { lateDegreeRule, routeRule, seniorityRule, totalYearsRule } from './seniority.js';
import {
  afterTitleRule,
  authorshipRule,
  journalRule,
  mainContributorRule,
  paperPagesRule,
  representativeRule,
} from './works.js';

export const PACK_2020: RulePack<Params2020> = loadPack<Params2020>({
  id: 'zj-senior-engineer-2020',
  // 2.1.0 (issue 19): every required scan of the materials view is judged (M-4.scans, M-10.work-proof; the
  // title certificate and CHSI record rules folded into M-4.scans, pension and assessment scans no longer
  // mere reminders), a paper copy with a written reason stands in for a scan, and R-9.readable-scans.
  version: '2.1.0',
  title: t(
    '浙经信人事〔2020〕84号 高级工程师评审（2020 年度）',
    'Zhejiang senior engineer evaluation 2020 (浙经信人事〔2020〕84号)',
  ),
  paramsSchema: Params2020,
  defaults: DEFAULT_PARAMS_2020,
  asOf: (p) => p.asOfDate,
  applicationDate: (p) => p.applicationDate,
  deadline: (p) => p.deadline,
  rules: [
    committeeRule,
    routeRule,
    seniorityRule,
    lateDegreeRule,
    totalYearsRule,
    exceptionalRule,
    covidRule,
    ceHoursRule,
    ceProofRule,
    publicityRule,
    publicityProofRule,
    idRule,
    idConsistencyRule,
    ageRule,
    representativeRule,
    journalRule,
    paperPagesRule,
    afterTitleRule,
    authorshipRule,
    mainContributorRule,
    pensionRule,
    assessmentRule,
    graduateFormRule,
    foreignDegreeRule,
    m4ScansRule,
    m10ScansRule,
    publicInstitutionRule,
    channelRule,
    disciplineRule,
    deadlineRule,
    noLanguageRule,
    summaryRule,
    uploadRule,
    readableScansRule,
    nameRule,
  ],
  // 附件1's four committees (N-1); committees.ts holds their words, quoted from the notice.
  committees: COMMITTEE_LIST,
  openQuestions: [
    t(
      '浙江这四个专业的高工条件表（尤其是大专途径和任职后取得的学历）未找到。',
      "Zhejiang's table for these specialties (above all the junior-college route and late degrees) was not found.",
    ),
    t(
      '浙江的破格条件清单未找到：只核对材料是否齐全。',
      "Zhejiang's list of exceptional conditions was not found: only completeness is checked.",
    ),
    t(
      '论文和业绩成果的数量要求未知：不设数量规则。',
      'Required counts of papers and achievements are unknown: no count rule.',
    ),
    t(
      '核查继续教育的年度与各途径的上限为假设值。',
      'The continuing-education years checked and per-route caps are assumptions.',
    ),
    t(
      '人社厅发〔2020〕23号的疫情一线政策是否适用于这四个专业未知。',
      'Whether the COVID-19 frontline policy applies to these four specialties is unknown.',
    ),
    t(
      '“满 N 年”和“5 个工作日”的计算口径为假设值。',
      'The conventions for counting "N years" and "5 working days" are assumptions.',
    ),
  ],
});

export {
  DEFAULT_PARAMS_2020,
  Params2020,
  Params2020Shape,
  PARAM_META,
  parseParams2020,
  type ParamKey,
} from './params.js';
