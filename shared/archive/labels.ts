// Display names of the archive's enum values, in both UI languages. The renderer's selects and the
// generated PDF forms (F-1, F-3, F-4) both read them, so a value is named the same everywhere.
import type { Localized } from '../api/contract.js';
import {
  ASSESSMENT_RESULTS,
  CE_PLATFORMS,
  COURSE_CATEGORIES,
  COURSE_MODES,
  DEGREE_ORIGINS,
  EDUCATION_LEVELS,
  LEVELS,
  PATENT_TYPES,
  REPORT_KINDS,
  SEX,
  TITLE_LEVELS,
  UNIT_TYPES,
  WORK_TYPES,
} from './schema.js';

/** One label per value of an enum; `satisfies` makes a missing or extra value a type error. */
type Labels<T extends readonly string[]> = { readonly [K in T[number]]: Localized };

export const SEX_LABELS = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
} as const satisfies Labels<typeof SEX>;

export const UNIT_TYPE_LABELS = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  public_institution: { zh: '事业单位', en: 'Public institution' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Labels<typeof UNIT_TYPES>;

export const EDUCATION_LEVEL_LABELS = {
  doctorate: { zh: '博士研究生', en: 'Doctorate' },
  master: { zh: '硕士研究生', en: "Master's" },
  second_bachelor: { zh: '第二学士学位', en: "Second bachelor's" },
  bachelor: { zh: '大学本科', en: "Bachelor's" },
  junior_college: { zh: '大学专科', en: 'Junior college' },
  secondary: { zh: '中专及以下', en: 'Secondary or below' },
} as const satisfies Labels<typeof EDUCATION_LEVELS>;

export const DEGREE_ORIGIN_LABELS = {
  domestic: { zh: '国内', en: 'Mainland China' },
  foreign: { zh: '国外', en: 'Foreign' },
  hk_macao_taiwan: { zh: '港澳台', en: 'Hong Kong, Macao, Taiwan' },
} as const satisfies Labels<typeof DEGREE_ORIGINS>;

export const TITLE_LEVEL_LABELS = {
  entry: { zh: '员级', en: 'Technician' },
  assistant: { zh: '助理级（初级）', en: 'Assistant (junior)' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  deputy_senior: { zh: '副高级', en: 'Deputy senior' },
  senior: { zh: '正高级', en: 'Senior' },
} as const satisfies Labels<typeof TITLE_LEVELS>;

export const COURSE_CATEGORY_LABELS = {
  professional: { zh: '专业科目', en: 'Professional subject' },
  industry_public: { zh: '行业公需科目', en: 'Industry public subject' },
  general_public: { zh: '一般公需科目', en: 'General public subject' },
} as const satisfies Labels<typeof COURSE_CATEGORIES>;

export const COURSE_MODE_LABELS = {
  online: { zh: '网络学习', en: 'Online' },
  offline: { zh: '面授', en: 'In person' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Labels<typeof COURSE_MODES>;

export const CE_PLATFORM_LABELS = {
  city: { zh: '市级登记平台', en: 'City platform' },
  provincial: { zh: '省继续教育登记系统', en: 'Provincial registration system' },
} as const satisfies Labels<typeof CE_PLATFORMS>;

export const ASSESSMENT_RESULT_LABELS = {
  excellent: { zh: '优秀', en: 'Excellent' },
  qualified: { zh: '合格', en: 'Qualified' },
  basically_qualified: { zh: '基本合格', en: 'Basically qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
} as const satisfies Labels<typeof ASSESSMENT_RESULTS>;

export const WORK_TYPE_LABELS = {
  paper: { zh: '论文', en: 'Paper' },
  book: { zh: '著作', en: 'Book' },
  patent: { zh: '专利', en: 'Patent' },
  report: { zh: '可行性研究 / 设计报告', en: 'Feasibility or design report' },
  appraisal: { zh: '成果鉴定', en: 'Achievement appraisal' },
  standard: { zh: '标准', en: 'Standard' },
  project: { zh: '项目', en: 'Project' },
  award: { zh: '奖项', en: 'Award' },
} as const satisfies Labels<typeof WORK_TYPES>;

export const PATENT_TYPE_LABELS = {
  invention: { zh: '发明专利', en: 'Invention' },
  utility_model: { zh: '实用新型', en: 'Utility model' },
  design: { zh: '外观设计', en: 'Design' },
} as const satisfies Labels<typeof PATENT_TYPES>;

export const REPORT_KIND_LABELS = {
  feasibility: { zh: '可行性研究报告', en: 'Feasibility study' },
  design: { zh: '设计报告', en: 'Design report' },
} as const satisfies Labels<typeof REPORT_KINDS>;

export const LEVEL_LABELS = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省部级', en: 'Provincial / ministerial' },
  city: { zh: '市级', en: 'City' },
  industry: { zh: '行业级', en: 'Industry' },
  enterprise: { zh: '企业级', en: 'Enterprise' },
} as const satisfies Labels<typeof LEVELS>;

/** The label of `value` in `labels`, or '' for the not-yet-chosen value ''. */
export function labelOf<T extends string>(
  labels: { readonly [K in T]: Localized },
  value: T | '',
  lang: keyof Localized,
): string {
  return value === '' ? '' : labels[value][lang];
}
