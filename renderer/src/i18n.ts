// Every UI string in both languages. Chinese is the product's language; English is for reviewers and HR
// officers who prefer it. Enum value names live in shared/archive/labels.ts (the PDF forms reuse them).
import { createContext, useContext } from 'react';
import type { Locale, Localized } from '../../shared/api/contract.js';

export type Lang = keyof Localized;

export const langOf = (locale: Locale): Lang => (locale === 'en' ? 'en' : 'zh');
export const localeOf = (lang: Lang): Locale => (lang === 'en' ? 'en' : 'zh-CN');

const DICT = {
  appName: { zh: '职称申报材料助手', en: 'Title Application Assistant' },
  appTagline: {
    zh: '帮助浙江工程技术人员整理个人业绩档案，准备高级工程师职务任职资格申报材料。',
    en: 'Helps Zhejiang engineers build their personal performance archive for the senior engineer title.',
  },
  appOffline: {
    zh: '完全离线运行：数据只保存在本机，随时检查材料是否齐全、是否符合通知要求。',
    en: 'Works fully offline: your data stays on this computer, checked against the notice as you type.',
  },
  loading: { zh: '正在载入…', en: 'Loading…' },
  loadFailed: { zh: '载入失败', en: 'Could not load' },
  tryAgain: { zh: '重试', en: 'Try again' },

  // Welcome
  welcomeCreate: { zh: '新建空白档案', en: 'New blank archive' },
  welcomeCreateHint: { zh: '从头填写自己的材料', en: 'Start from scratch' },
  welcomeSample: { zh: '载入示例申报人', en: 'Load the sample applicant' },
  welcomeSampleHint: { zh: '先看看填好的档案是什么样子', en: 'See what a complete archive looks like' },
  welcomeImport: { zh: '导入档案 JSON', en: 'Import archive JSON' },
  welcomeImportHint: { zh: '从本应用导出的档案文件继续', en: 'Continue from a file exported by this app' },
  importFailed: { zh: '导入失败：', en: 'Import failed: ' },
  importReadFailed: { zh: '无法读取文件：{detail}', en: 'Cannot read the file: {detail}' },

  // Header
  saveSaved: { zh: '已保存', en: 'Saved' },
  saveSaving: { zh: '保存中…', en: 'Saving…' },
  saveFailed: { zh: '保存失败：{detail}', en: 'Save failed: {detail}' },
  saveRetry: { zh: '重试', en: 'Retry' },
  language: { zh: '界面语言', en: 'Language' },
  navLabel: { zh: '档案各部分', en: 'Archive sections' },
  problemCount: { zh: '{n} 个待处理问题', en: '{n} open problems' },

  // Screens
  nav_profile: { zh: '基本信息', en: 'Personal data' },
  nav_unit: { zh: '单位', en: 'Employer' },
  nav_application: { zh: '申报', en: 'Application' },
  nav_educations: { zh: '学历学位', en: 'Education' },
  nav_titles: { zh: '职称与聘任', en: 'Titles & appointments' },
  nav_workPeriods: { zh: '工作经历', en: 'Work history' },
  nav_courses: { zh: '继续教育', en: 'Continuing education' },
  nav_assessments: { zh: '年度考核', en: 'Annual assessments' },
  nav_pension: { zh: '社保', en: 'Pension insurance' },
  nav_works: { zh: '业绩成果', en: 'Works & achievements' },
  nav_summary: { zh: '工作总结', en: 'Work summary' },
  nav_discipline: { zh: '纪律', en: 'Discipline' },
  nav_io: { zh: '导入导出', en: 'Import & export' },

  intro_profile: {
    zh: '与身份证一致的个人信息。身份证号码会按国家标准校验，并与出生日期、性别核对。',
    en: 'Personal data as on the ID card. The ID number is checked (GB 11643) and compared with birth date and sex.',
  },
  intro_unit: {
    zh: '材料由单位审核后逐级上报（N-9、N-10）。没有主管部门的单位经人事代理机构申报。',
    en: 'Your unit reviews the archive and passes it upwards (N-9, N-10). Units without a competent department go through their personnel agency.',
  },
  intro_application: {
    zh: '按专业对口选择唯一的高级评审委员会（N-1）。外语和计算机能力证书不作要求（N-5）。',
    en: 'Choose the one senior committee matching your specialty (N-1). Foreign-language and computer certificates are not required (N-5).',
  },
  intro_educations: {
    zh: '2001 年以前毕业的需提供《高校毕业生登记表》扫描件；国外及港澳台学历需教育部留学服务中心认证（N-12）。',
    en: 'Graduates before 2001 provide the graduate registration form; foreign and HK/Macao/Taiwan degrees need certification (N-12).',
  },
  intro_titles: {
    zh: '现专业技术职务资格证书与聘任证书（M-4）。任职年限计算至 2020-12-31（N-7）。',
    en: 'Current title certificate and appointment letter (M-4). Time in title is counted up to 2020-12-31 (N-7).',
  },
  intro_workPeriods: {
    zh: '从事工程技术或工程管理工作的经历（M-6）。专业工作年限计算至 2020-12-31（N-7）。',
    en: 'Experience in engineering work or engineering management (M-6), counted up to 2020-12-31 (N-7).',
  },
  intro_courses: {
    zh: '每年不少于 90 学时，其中专业科目不少于 60 学时、公需科目不少于 18 学时（N-6）。',
    en: 'At least 90 hours a year: at least 60 professional and at least 18 public (N-6).',
  },
  intro_assessments: {
    zh: '至少近三年的年度考核材料（M-9）。',
    en: 'Annual assessments for at least the last three years (M-9).',
  },
  intro_pension: {
    zh: '近三年的基本养老保险参保缴费证明（M-5）。',
    en: 'Proof of basic pension insurance for the last three years (M-5).',
  },
  intro_works: {
    zh: '任现职以来的论文、著作、专利、报告等，其中须确定一篇代表作（M-10）。',
    en: 'Papers, books, patents, reports… since your current title; exactly one is the representative work (M-10).',
  },
  intro_summary: {
    zh: '任现职以来的专业技术工作总结（M-8）。',
    en: 'Summary of your professional technical work since taking up the current title (M-8).',
  },
  intro_discipline: {
    zh: '弄虚作假的，退回材料，自评审年度的次年起 3 年内不得申报高一级职称（N-15）。如无此类记录，本页留空即可。',
    en: 'Falsification bars applications for 3 years from the year after the evaluation (N-15). Leave this empty if there is none.',
  },
  intro_io: {
    zh: '把档案导出为 JSON 文件备份或交给单位；也可以删除本机上的整个档案。',
    en: 'Export the archive as a JSON file to back it up or hand it over, or delete the whole archive from this computer.',
  },

  // Lists
  add: { zh: '添加', en: 'Add' },
  addRecord: { zh: '添加{kind}', en: 'Add {kind}' },
  moveUp: { zh: '上移', en: 'Move up' },
  moveDown: { zh: '下移', en: 'Move down' },
  remove: { zh: '删除', en: 'Delete' },
  recordActions: { zh: '第 {n} 条：{action}', en: '{action} item {n}' },
  deleted: { zh: '已删除“{name}”', en: 'Deleted “{name}”' },
  undo: { zh: '撤销', en: 'Undo' },
  untitled: { zh: '未命名', en: 'Untitled' },
  emptyList: { zh: '还没有记录', en: 'Nothing here yet' },

  kind_educations: { zh: '学历', en: 'education' },
  kind_titles: { zh: '职称', en: 'title' },
  kind_appointments: { zh: '聘任', en: 'appointment' },
  kind_workPeriods: { zh: '工作经历', en: 'work period' },
  kind_courses: { zh: '课程', en: 'course' },
  kind_assessments: { zh: '考核', en: 'assessment' },
  kind_pensionYears: { zh: '缴费年度', en: 'pension year' },
  kind_works: { zh: '成果', en: 'work' },
  kind_disciplineRecords: { zh: '记录', en: 'record' },

  empty_educations: {
    zh: '按时间顺序添加每一段学历，最高学历放在最后。',
    en: 'Add each period of education, the highest last.',
  },
  empty_titles: {
    zh: '添加已取得的专业技术职务资格，如工程师。',
    en: 'Add the titles you hold, e.g. 工程师 (engineer).',
  },
  empty_appointments: { zh: '添加单位对你的聘任情况。', en: 'Add your appointments by the unit.' },
  empty_workPeriods: { zh: '添加每一段工作经历。', en: 'Add each period of work.' },
  empty_courses: { zh: '添加每门已登记的继续教育课程及学时。', en: 'Add each registered course with its hours.' },
  empty_assessments: { zh: '添加 2018、2019、2020 年的考核结果。', en: 'Add the results for 2018, 2019 and 2020.' },
  empty_pensionYears: { zh: '添加 2018、2019、2020 年的缴费记录。', en: 'Add the years 2018, 2019 and 2020.' },
  empty_works: { zh: '添加论文、专利、报告等业绩成果。', en: 'Add papers, patents, reports and other achievements.' },
  empty_disciplineRecords: { zh: '没有记录，这是正常情况。', en: 'No records — the usual case.' },

  titlesHeading: { zh: '专业技术职务资格', en: 'Professional titles' },
  appointmentsHeading: { zh: '聘任情况', en: 'Appointments' },

  // Common field words
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  select: { zh: '请选择', en: 'Select' },
  datePlaceholder: { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' },
  dateInvalid: { zh: '请按 YYYY-MM-DD 填写日期，如 2019-09-01', en: 'Enter the date as YYYY-MM-DD, e.g. 2019-09-01' },
  yearPlaceholder: { zh: '如 2019', en: 'e.g. 2019' },
  hoursNotNumber: { zh: '学时必须是数字', en: 'Hours must be a number' },
  hoursRange: { zh: '学时超出范围（不超过 10000）', en: 'Hours out of range (at most 10,000)' },
  untilNow: { zh: '至今可留空', en: 'Leave empty if current' },
  otherProblems: { zh: '本页还有以下问题：', en: 'Also on this page:' },

  // Profile
  f_name: { zh: '姓名', en: 'Name' },
  f_sex: { zh: '性别', en: 'Sex' },
  f_birthDate: { zh: '出生日期', en: 'Date of birth' },
  f_idNumber: { zh: '身份证号码', en: 'Resident ID number' },
  f_phone: { zh: '联系电话', en: 'Phone' },
  f_email: { zh: '电子邮箱', en: 'Email' },
  // Unit
  f_unitName: { zh: '单位名称', en: 'Unit name' },
  f_creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  f_unitType: { zh: '单位性质', en: 'Type of unit' },
  f_competentDepartment: { zh: '主管部门', en: 'Competent department' },
  f_personnelAgency: { zh: '人事代理机构', en: 'Personnel agency' },
  f_personnelAgencyHint: { zh: '无主管部门时填写（N-9）', en: 'When there is no competent department (N-9)' },
  f_city: { zh: '所在地市', en: 'City' },
  publicInstitutionNote: {
    zh: '事业单位实行评聘结合，需提供《事业单位人员职称申报岗位信息表》（N-14、M-12）。',
    en: 'Public institutions combine evaluation and appointment; form F-4 is needed (N-14, M-12).',
  },
  // Application
  f_specialty: { zh: '申报专业', en: 'Specialty' },
  f_specialtyHint: { zh: '如：热能动力工程、高分子材料', en: 'e.g. thermal power engineering, polymer materials' },
  f_committee: { zh: '评审委员会', en: 'Evaluation committee' },
  f_titleApplied: { zh: '申报职称', en: 'Title applied for' },
  f_exceptional: { zh: '破格申报', en: 'Exceptional promotion (破格)' },
  exceptionalNote: {
    zh: '破格申报需填写《破格推荐高级专业技术职务任职资格审批表》，由单位人事部门写明符合哪些破格条件并附证明（M-11）。',
    en: 'Exceptional applicants need form F-3, with the unit stating which exceptional conditions are met, and the proof (M-11).',
  },
  f_covidFrontline: { zh: '新冠肺炎疫情防控一线人员', en: 'COVID-19 frontline staff' },
  covidCaution: {
    zh: '人社厅发〔2020〕23号的倾斜政策（N-4）是否适用于本次四个专业尚未确认，请以主管部门答复为准，并附单位出具的一线人员证明。',
    en: 'Whether the preferential policy of 人社厅发〔2020〕23号 (N-4) applies to these four specialties is unconfirmed. Ask the authority, and attach the unit’s certification.',
  },
  // Educations
  f_level: { zh: '学历', en: 'Level' },
  f_school: { zh: '毕业院校', en: 'School' },
  f_major: { zh: '所学专业', en: 'Major' },
  f_startDate: { zh: '入学日期', en: 'Start date' },
  f_graduationDate: { zh: '毕业日期', en: 'Graduation date' },
  f_degree: { zh: '学位', en: 'Degree' },
  f_degreeHint: { zh: '如：工学学士；未获得学位留空', en: 'As printed, e.g. 工学学士; empty if none' },
  f_diplomaNumber: { zh: '毕业证书编号', en: 'Diploma number' },
  f_degreeCertificateNumber: { zh: '学位证书编号', en: 'Degree certificate number' },
  f_fullTime: { zh: '全日制', en: 'Full-time' },
  f_origin: { zh: '学历来源', en: 'Awarded in' },
  // Titles and appointments
  f_titleLevel: { zh: '级别', en: 'Level' },
  f_titleName: { zh: '资格名称', en: 'Title' },
  f_titleNameHint: { zh: '与证书一致，如：工程师', en: 'As on the certificate, e.g. 工程师' },
  f_obtainedDate: { zh: '取得日期', en: 'Date obtained' },
  f_certificateNumber: { zh: '证书编号', en: 'Certificate number' },
  f_issuingBody: { zh: '发证机关', en: 'Issued by' },
  f_post: { zh: '聘任岗位', en: 'Post' },
  f_grade: { zh: '岗位等级', en: 'Post grade' },
  f_gradeHint: { zh: '如：专业技术十级', en: 'e.g. 专业技术十级' },
  f_appointStart: { zh: '聘任起始日期', en: 'Appointed from' },
  f_appointEnd: { zh: '聘任终止日期', en: 'Appointed until' },
  // Work periods
  f_workUnit: { zh: '工作单位', en: 'Unit' },
  f_workPost: { zh: '岗位 / 职务', en: 'Post' },
  f_periodStart: { zh: '起始日期', en: 'From' },
  f_periodEnd: { zh: '终止日期', en: 'Until' },
  f_description: { zh: '主要工作内容', en: 'Main work' },
  // Courses
  f_year: { zh: '年度', en: 'Year' },
  f_courseName: { zh: '课程名称', en: 'Course' },
  f_category: { zh: '科目类别', en: 'Category' },
  f_mode: { zh: '学习方式', en: 'Mode' },
  f_hours: { zh: '学时', en: 'Hours' },
  f_provider: { zh: '培训机构', en: 'Provider' },
  f_platform: { zh: '登记平台', en: 'Registered on' },
  totalsHeading: { zh: '各年度学时汇总', en: 'Hours per year' },
  totalsYear: { zh: '年度', en: 'Year' },
  totalsTotal: { zh: '合计', en: 'Total' },
  totalsProfessional: { zh: '专业科目（含网络计入）', en: 'Professional (online counted)' },
  totalsPublic: { zh: '公需科目', en: 'Public' },
  totalsMet: { zh: '是否达标', en: 'Meets N-6' },
  totalsPass: { zh: '达标', en: 'Met' },
  totalsFail: { zh: '未达标', en: 'Not met' },
  totalsCovid: { zh: '一线人员视同完成', en: 'Deemed complete (frontline)' },
  totalsNeedTotal: { zh: '合计需 ≥ 90', en: 'total ≥ 90' },
  totalsNeedProfessional: { zh: '专业需 ≥ 60', en: 'professional ≥ 60' },
  totalsNeedPublic: { zh: '公需需 ≥ 18', en: 'public ≥ 18' },
  totalsOnlineCapped: {
    zh: '网络专业学时 {online}，计入 {counted}',
    en: 'online professional {online}, counted {counted}',
  },
  totalsNote: {
    zh: '标准：每年合计 ≥ 90 学时、专业科目 ≥ 60、公需科目（行业公需 + 一般公需）≥ 18（N-6、R-4）。2020 年网络课件按标注学时全额计入；其他年度网络专业科目每年最多计入 36 学时。',
    en: 'Each year: total ≥ 90 hours, professional ≥ 60, public (industry + general) ≥ 18 (N-6, R-4). In 2020 online courseware counts in full; in other years online professional hours count at most 36.',
  },
  // Assessments, pension
  f_result: { zh: '考核结果', en: 'Result' },
  f_payer: { zh: '缴费单位', en: 'Paid by' },
  // Works
  f_workType: { zh: '成果类型', en: 'Type' },
  f_workTitle: { zh: '题目 / 名称', en: 'Title' },
  f_workDate: { zh: '发表 / 取得日期', en: 'Date' },
  f_representative: { zh: '代表作', en: 'Representative work' },
  f_representativeHint: {
    zh: '全部成果中只能有一项代表作（M-10）',
    en: 'Exactly one work is the representative work (M-10)',
  },
  f_collective: { zh: '集体项目', en: 'Collective work' },
  f_collectiveHint: {
    zh: '需提供本人为主要完成人的证明（M-4）',
    en: 'Needs proof that you are a main contributor (M-4)',
  },
  f_rank: { zh: '本人排名', en: 'Your rank' },
  f_rankHint: { zh: '1 表示第一作者 / 发明人', en: '1 = first author / inventor' },
  f_journal: { zh: '期刊名称', en: 'Journal' },
  f_issn: { zh: 'ISSN', en: 'ISSN' },
  f_cn: { zh: 'CN 刊号', en: 'CN number' },
  f_issue: { zh: '年卷期', en: 'Volume / issue' },
  f_publisher: { zh: '出版社', en: 'Publisher' },
  f_isbn: { zh: 'ISBN', en: 'ISBN' },
  f_patentType: { zh: '专利类型', en: 'Patent type' },
  f_patentNumber: { zh: '专利号', en: 'Patent number' },
  f_reportKind: { zh: '报告类别', en: 'Report kind' },
  f_role: { zh: '本人角色', en: 'Your role' },
  f_isLeadWriter: { zh: '本人执笔', en: 'You wrote it (执笔)' },
  f_issuer: { zh: '颁发 / 鉴定 / 下达单位', en: 'Issued by' },
  f_number: { zh: '编号', en: 'Number' },
  f_workLevel: { zh: '级别', en: 'Level' },
  f_awardGrade: { zh: '等次', en: 'Grade' },
  f_awardGradeHint: { zh: '如：二等奖', en: 'e.g. second prize' },
  f_workDescription: { zh: '简要说明', en: 'Short description' },
  paperScanNote: {
    zh: '论文扫描件须包含期刊封面、ISSN/CN 页、目录页和正文（M-10）。',
    en: 'A paper’s scans must show the cover, the ISSN/CN page, the table of contents and the article (M-10).',
  },
  reportNote: {
    zh: '可行性研究报告需提供本人执笔依据（M-10）。',
    en: 'A feasibility report needs proof that you wrote it (M-10).',
  },
  representativeTag: { zh: '代表作', en: 'Representative' },
  // Summary
  summaryLabel: { zh: '专业技术工作总结', en: 'Professional work summary' },
  summaryCount: { zh: '{n} 字', en: '{n} characters' },
  summaryPlaceholder: {
    zh: '写明任现职以来承担的主要工作、解决的技术问题、取得的成果和体会……',
    en: 'Describe the main work since your current title, the technical problems solved and the results…',
  },
  // Discipline
  f_disciplineYear: { zh: '评审年度', en: 'Evaluation year' },
  f_disciplineDescription: { zh: '情况说明', en: 'What was found' },
  // Import / export
  exportHeading: { zh: '导出档案', en: 'Export' },
  exportText: {
    zh: '导出为一个 JSON 文件，可在另一台电脑上用“导入档案 JSON”继续编辑。',
    en: 'Save the archive as one JSON file; “Import archive JSON” continues from it on another computer.',
  },
  exportButton: { zh: '导出 JSON', en: 'Export JSON' },
  exportDone: { zh: '已导出 {file}', en: 'Exported {file}' },
  exportFailed: { zh: '导出失败：{detail}', en: 'Export failed: {detail}' },
  deleteHeading: { zh: '删除档案', en: 'Delete the archive' },
  deleteText: {
    zh: '从本机删除整个档案。删除后无法恢复，请先导出备份。',
    en: 'Remove the whole archive from this computer. This cannot be undone: export a copy first.',
  },
  deleteButton: { zh: '删除整个档案…', en: 'Delete the whole archive…' },
  deleteConfirm1Title: { zh: '删除整个档案？', en: 'Delete the whole archive?' },
  deleteConfirm1Text: {
    zh: '档案中的所有信息都将从本机删除。',
    en: 'Everything in the archive will be removed from this computer.',
  },
  deleteConfirm1Ok: { zh: '继续', en: 'Continue' },
  deleteConfirm2Title: { zh: '再次确认：永久删除', en: 'Confirm again: delete for good' },
  deleteConfirm2Text: {
    zh: '“{name}”的档案删除后无法恢复。确定删除吗？',
    en: 'The archive of “{name}” cannot be recovered. Delete it?',
  },
  deleteConfirm2Ok: { zh: '永久删除', en: 'Delete for good' },
  deleteFailed: { zh: '删除失败：{detail}', en: 'Delete failed: {detail}' },
  cancel: { zh: '取消', en: 'Cancel' },
  actionFailed: { zh: '操作失败：{detail}', en: 'Failed: {detail}' },
} as const satisfies Record<string, Localized>;

export type TextKey = keyof typeof DICT;
export type Vars = Record<string, string | number>;

/** Fill `{name}` placeholders. */
function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(lang: Lang, key: TextKey, vars?: Vars): string {
  return format(DICT[key][lang], vars);
}

export const LangContext = createContext<Lang>('zh');

/** The current language and a translator bound to it. */
export function useT() {
  const lang = useContext(LangContext);
  return {
    lang,
    t: (key: TextKey, vars?: Vars) => translate(lang, key, vars),
    /** Text that arrives in both languages (problems, API errors). */
    pick: (text: Localized) => text[lang],
  };
}
