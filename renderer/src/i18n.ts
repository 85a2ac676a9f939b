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
  problemCount: { zh: '{n} 个待处理问题', en: '{n} open {n:problem|problems}' },

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
  nav_eligibility: { zh: '资格检查', en: 'Eligibility check' },
  nav_params: { zh: '假设与参数', en: 'Assumptions' },

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
    zh: '把档案导出为 JSON 文件备份或交给单位；也可以删除本机上的整个档案。导入 JSON 需在空的工作区进行：删除当前档案后，欢迎页提供“导入档案 JSON”。',
    en: 'Export the archive as a JSON file to back it up or hand it over, or delete the whole archive from this computer. Importing a JSON file needs an empty workspace: after deleting this archive, the welcome screen offers "Import archive JSON".',
  },

  // Attachments and the materials view (issue 3, docs/attachments.md)
  nav_attachments: { zh: '附件', en: 'Attachments' },
  nav_materials: { zh: '材料清单', en: 'Materials' },
  intro_attachments: {
    zh: '添加扫描件（JPEG、PNG、PDF），并说明每份附件证明什么：档案中的哪条记录、哪项材料（M-4 … M-12）。编辑（旋转、删页、调整页序、拆分、合并、适配）都会生成新版本，原件保留。',
    en: 'Add scans (JPEG, PNG, PDF) and say what each proves: which record of the archive and which material (M-4 … M-12). Every edit (rotate, delete or reorder pages, split, merge, fit) makes a new version; the original is kept.',
  },
  intro_materials: {
    zh: '通知附件 2 的十二项材料（M-1 … M-12）：按档案内容列出需要的材料、已上传的和尚缺的。点“添加”即可为缺少的一项选择文件并自动关联。',
    en: 'The twelve materials of the notice (M-1 … M-12): what your archive needs, what is attached and what is missing. "Add" picks a file for a missing item and links it.',
  },
  att_dropTitle: { zh: '把扫描件拖到这里', en: 'Drop scans here' },
  att_dropHint: {
    zh: '可一次添加多个文件：JPEG、PNG、PDF（TIFF 自动转换）；按文件内容识别，不看扩展名。',
    en: 'Many files at once: JPEG, PNG, PDF (TIFF is converted); recognised by content, not by name.',
  },
  att_pick: { zh: '选择文件…', en: 'Choose files…' },
  att_uploadsLabel: { zh: '添加进度', en: 'Adding files' },
  att_upRunning: { zh: '正在添加：已完成 {done} / {n}', en: 'Adding: {done} of {n} done' },
  att_upFinished: { zh: '{n} 个文件已处理完', en: '{n} {n:file|files} dealt with' },
  att_upCountAdded: { zh: '已添加 {n}', en: '{n} added' },
  att_upCountDuplicate: { zh: '已存在 {n}', en: '{n} already there' },
  att_upCountRefused: { zh: '未添加 {n}', en: '{n} refused' },
  att_upCountCancelled: { zh: '已取消 {n}', en: '{n} cancelled' },
  att_upOverall: { zh: '总进度', en: 'Overall progress' },
  att_upCancel: { zh: '取消其余文件', en: 'Cancel the rest' },
  att_upClose: { zh: '关闭', en: 'Close' },
  att_upQueued: { zh: '等待中', en: 'Waiting' },
  att_upUploading: { zh: '添加中', en: 'Adding' },
  att_upAdded: { zh: '已添加', en: 'Added' },
  att_upDuplicate: { zh: '已存在', en: 'Already there' },
  att_upRefused: { zh: '未添加', en: 'Refused' },
  att_upCancelled: { zh: '已取消', en: 'Cancelled' },
  att_empty: {
    zh: '还没有附件。添加毕业证书、职称证书、论文等的扫描件。',
    en: 'No attachments yet. Add scans of diplomas, certificates, papers…',
  },
  att_gridLabel: { zh: '附件', en: 'Attachments' },
  att_open: { zh: '查看大图：{name}', en: 'Open {name}' },
  att_pages: { zh: '{n} 页', en: '{n} {n:page|pages}' },
  att_select: { zh: '选择 {name}（用于合并）', en: 'Select {name} (to merge)' },
  att_selected: {
    zh: '已选 {n} 个文件：可按所选顺序合并为一个 PDF',
    en: '{n} selected: merge them into one PDF in this order',
  },
  att_merge: { zh: '合并为 PDF', en: 'Merge into a PDF' },
  att_selectHint: {
    zh: '勾选附件可按勾选顺序合并为一个 PDF',
    en: 'Tick attachments to merge them into one PDF, in the order ticked',
  },
  att_mergeOrder: { zh: '合并顺序第 {n} 个', en: 'Merge position {n}' },
  att_mergeDone: { zh: '已合并为“{name}”', en: 'Merged into "{name}"' },
  att_preview: { zh: '查看', en: 'View' },
  att_rotate: { zh: '顺时针旋转 90°', en: 'Rotate 90° clockwise' },
  att_rotateAll: { zh: '全部页面顺时针旋转 90°', en: 'Rotate all pages 90° clockwise' },
  att_rotatePage: { zh: '本页顺时针旋转 90°', en: 'Rotate this page 90° clockwise' },
  att_link: { zh: '关联到档案与材料', en: 'Link to a record and material' },
  att_more: { zh: '更多操作：{name}', en: 'More actions: {name}' },
  att_rename: { zh: '重命名', en: 'Rename' },
  att_newName: { zh: '新文件名', en: 'New file name' },
  att_fit: { zh: '适配上传要求', en: 'Fit to the upload profile' },
  att_crop: { zh: '裁剪证件照', en: 'Crop the ID photo' },
  att_split: { zh: '按页拆分', en: 'Split into pages' },
  att_splitDone: { zh: '已拆分为 {n} 个文件', en: 'Split into {n} {n:file|files}' },
  att_linksLabel: { zh: '证明的内容', en: 'What it proves' },
  att_unlink: { zh: '取消关联：{link}', en: 'Unlink: {link}' },
  att_linkTitle: { zh: '关联“{name}”', en: 'Link "{name}"' },
  att_linkOk: { zh: '关联', en: 'Link' },
  att_linkSlot: { zh: '材料项', en: 'Material' },
  att_linkRecord: { zh: '档案记录', en: 'Record' },
  att_linkNoRecord: { zh: '不指定记录', en: 'No particular record' },
  att_linkPage: { zh: '页码（可选）', en: 'Page (optional)' },
  att_linkPageHint: { zh: '共 {n} 页；留空表示整份文件', en: '{n} {n:page|pages}; empty for the whole file' },
  att_linkTags: { zh: '论文扫描件须包含的四页（M-10）', en: 'The four pages a paper scan must show (M-10)' },
  att_linkTagPage: { zh: '{tag}所在页', en: 'Page of the {tag}' },
  att_linked: { zh: '已关联', en: 'Linked' },
  att_zoomIn: { zh: '放大', en: 'Zoom in' },
  att_zoomOut: { zh: '缩小', en: 'Zoom out' },
  att_prevPage: { zh: '上一页', en: 'Previous page' },
  att_nextPage: { zh: '下一页', en: 'Next page' },
  att_pageOf: { zh: '第 {page} / {n} 页', en: 'Page {page} of {n}' },
  att_movePageEarlier: { zh: '前移本页', en: 'Move page earlier' },
  att_movePageLater: { zh: '后移本页', en: 'Move page later' },
  att_movePageEarlierTip: {
    zh: '把本页与前一页对调（生成新版本）',
    en: 'Swap this page with the one before (makes a new version)',
  },
  att_movePageLaterTip: {
    zh: '把本页与后一页对调（生成新版本）',
    en: 'Swap this page with the one after (makes a new version)',
  },
  att_previewKeys: {
    zh: '← → 或 PageUp / PageDown 翻页，+ / − 缩放，Esc 关闭',
    en: '← → or PageUp / PageDown to turn pages, + / − to zoom, Esc to close',
  },
  att_deletePage: { zh: '删除本页', en: 'Delete this page' },
  att_previewStage: { zh: '预览，可滚动', en: 'Preview, scrollable' },
  att_fitTitle: { zh: '适配结果', en: 'Fitted' },
  att_fitBefore: { zh: '适配前', en: 'Before' },
  att_fitAfter: { zh: '适配后', en: 'After' },
  att_fitNothing: { zh: '文件已符合上传要求，无需改动。', en: 'The file already fits the profile.' },
  att_fitPreview: { zh: '适配后的预览：请确认文字仍清晰可读', en: 'Fitted preview: check the text is still legible' },
  att_fitKeep: { zh: '保留', en: 'Keep' },
  att_fitUndo: { zh: '撤销，保留原件', en: 'Undo, keep the original' },
  att_profileHeading: { zh: '上传要求（R-9）', en: 'Upload profile (R-9)' },
  att_profileNote: {
    zh: '省系统的确切限制未公布，以下为常见要求的推测值（R-9），请按实际要求修改。',
    en: "The provincial system's exact limits are unknown; these are assumptions from similar systems (R-9). Change them to the real ones.",
  },
  att_pFormats: { zh: '接受的格式', en: 'Accepted formats' },
  att_pMaxFile: { zh: '单个文件上限', en: 'Per file' },
  att_pMaxMaterial: { zh: '每项材料合并后上限', en: 'Per merged material' },
  att_pPhotoMax: { zh: '证件照最大', en: 'ID photo at most' },
  att_pPhotoMin: { zh: '证件照最小', en: 'ID photo at least' },
  att_pPhotoWidth: { zh: '证件照宽', en: 'ID photo width' },
  att_pPhotoHeight: { zh: '证件照高', en: 'ID photo height' },
  att_pMinLongSide: { zh: '缩小时长边不低于', en: 'Never shrink the long side below' },
  att_pIntakeBytes: { zh: '本应用接收的单个文件上限', en: 'Largest file this app takes' },
  att_pIntakePages: { zh: '本应用接收的 PDF 页数上限', en: 'Most PDF pages this app takes' },
  att_profileSave: { zh: '保存上传要求', en: 'Save the profile' },
  att_profileReset: { zh: '恢复默认值', en: 'Restore defaults' },
  att_profileIsDefault: { zh: '默认值', en: 'Defaults' },
  att_profileSaved: { zh: '上传要求已保存', en: 'Profile saved' },
  att_verifyHeading: { zh: '存储校验', en: 'Store integrity' },
  att_verify: { zh: '校验全部文件', en: 'Check every file' },
  att_verifyOk: {
    zh: '已校验 {n} 个文件（{size}），全部完好。',
    en: 'Checked {n} {n:file|files} ({size}): {n:intact|all intact}.',
  },
  att_verifyBad: {
    zh: '发现问题：缺失 {missing} 个，损坏 {damaged} 个。',
    en: 'Problems: {missing} missing, {damaged} damaged.',
  },
  att_verifyMissing: { zh: '缺失：{names}', en: 'Missing: {names}' },
  att_verifyDamaged: { zh: '损坏（请重新添加原件）：{names}', en: 'Damaged (add the original again): {names}' },
  att_verifyUnreferenced: {
    zh: '另有 {n} 个未被引用的文件（无害）。',
    en: '{n} unreferenced {n:file|files} (harmless).',
  },
  att_footnote: {
    zh: '附件保存在本机数据文件夹的 store/ 中，按内容的 SHA-256 命名：同一文件只保存一次。',
    en: 'Files are kept in store/ of the data folder, named by the SHA-256 of their content: the same file is stored once.',
  },
  mat_sumComplete: { zh: '无缺项的材料', en: 'Materials with nothing missing' },
  mat_sumMissing: { zh: '尚缺的项目', en: 'Items missing' },
  mat_sumFiles: { zh: '附件', en: 'Attachments' },
  mat_complete: { zh: '齐全', en: 'Complete' },
  mat_incomplete: { zh: '有缺项', en: 'Incomplete' },
  mat_stateNotNeeded: { zh: '无需提供', en: 'Not needed' },
  mat_stateGenerated: { zh: '将由表格功能生成', en: 'Generated by the forms feature' },
  mat_attached: { zh: '已上传', en: 'Attached' },
  mat_missing: { zh: '缺少', en: 'Missing' },
  mat_notNeeded: { zh: '可选', en: 'Optional' },
  mat_generated: { zh: '将生成', en: 'To be generated' },
  mat_files: { zh: '文件：{names}', en: 'Files: {names}' },
  mat_add: { zh: '添加', en: 'Add' },
  mat_addFor: { zh: '为“{item}”添加文件', en: 'Add a file for "{item}"' },
  mat_nothing: { zh: '本项无需提供材料', en: 'Nothing needed' },
  mat_size: {
    zh: '已关联 {n} 个文件，共 {size}（合并后上限 {limit}）',
    en: '{n} {n:file|files} linked, {size} (merged limit {limit})',
  },
  mat_sizeOver: {
    zh: '已关联 {n} 个文件，共 {size}，超过合并后上限 {limit}：请“适配”或拆分',
    en: '{n} {n:file|files} linked, {size}: over the merged limit of {limit}; fit or split {n:it|them}',
  },

  // Lists
  add: { zh: '添加', en: 'Add' },
  addRecord: { zh: '添加{kind}', en: 'Add {kind}' },
  moveUp: { zh: '上移', en: 'Move up' },
  moveDown: { zh: '下移', en: 'Move down' },
  remove: { zh: '删除', en: 'Delete' },
  recordActions: { zh: '第 {n} 条：{action}', en: '{action} item {n}' },
  deleted: { zh: '已删除“{name}”', en: 'Deleted "{name}"' },
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
  pausedTitle: { zh: '档案已在另一个标签页中打开', en: 'The archive is open in another tab' },
  pausedText: {
    zh: '为避免两处编辑互相覆盖，此页已暂停。您在此页保存过的内容都已保留。',
    en: 'To keep two tabs from overwriting each other, this one is paused. Everything it saved is kept.',
  },
  pausedTakeOver: { zh: '在此页继续编辑', en: 'Continue editing here' },
  notChosen: { zh: '（不选）', en: '(none)' },
  integerNotNumber: { zh: '请填写整数', en: 'Enter a whole number' },
  integerRange: { zh: '应在 {min}–{max} 之间', en: 'Must be between {min} and {max}' },
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
  committeeName: { zh: '{name}', en: '{name} committee' },
  f_titleApplied: { zh: '申报职称', en: 'Title applied for' },
  f_exceptional: { zh: '破格申报', en: 'Exceptional promotion' },
  exceptionalNote: {
    zh: '破格申报需填写《破格推荐高级专业技术职务任职资格审批表》，由单位人事部门写明符合哪些破格条件并附证明（M-11）。',
    en: 'Exceptional applicants need form F-3, with the unit stating which exceptional conditions are met, and the proof (M-11).',
  },
  f_covidFrontline: { zh: '新冠肺炎疫情防控一线人员', en: 'COVID-19 frontline staff' },
  covidCaution: {
    zh: '人社厅发〔2020〕23号的倾斜政策（N-4）是否适用于本次四个专业尚未确认，请以主管部门答复为准，并附单位出具的一线人员证明。',
    en: "Whether the preferential policy of 人社厅发〔2020〕23号 (N-4) applies to these four specialties is unconfirmed. Ask the authority, and attach the unit's certification.",
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
  totalsMet: { zh: '是否达标', en: 'Meets the minimum (N-6)' },
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
  f_isLeadWriter: { zh: '本人执笔', en: 'You are the lead writer' },
  f_issuer: { zh: '颁发 / 鉴定 / 下达单位', en: 'Issued by' },
  f_number: { zh: '编号', en: 'Number' },
  f_workLevel: { zh: '级别', en: 'Level' },
  f_awardGrade: { zh: '等次', en: 'Grade' },
  f_awardGradeHint: { zh: '如：二等奖', en: 'e.g. second prize' },
  f_workDescription: { zh: '简要说明', en: 'Short description' },
  paperScanNote: {
    zh: '论文扫描件须包含期刊封面、ISSN/CN 页、目录页和正文（M-10）。',
    en: "A paper's scans must show the cover, the ISSN/CN page, the table of contents and the article (M-10).",
  },
  reportNote: {
    zh: '可行性研究报告需提供本人执笔依据（M-10）。',
    en: 'A feasibility report needs proof that you wrote it (M-10).',
  },
  representativeTag: { zh: '代表作', en: 'Representative' },
  // Summary
  summaryLabel: { zh: '专业技术工作总结', en: 'Professional work summary' },
  summaryCount: { zh: '{n} 字', en: '{n} {n:character|characters}' },
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
    en: 'Save the archive as one JSON file; "Import archive JSON" continues from it on another computer.',
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
    en: 'The archive of "{name}" cannot be recovered. Delete it?',
  },
  deleteConfirm2Ok: { zh: '永久删除', en: 'Delete for good' },
  deleteFailed: { zh: '删除失败：{detail}', en: 'Delete failed: {detail}' },
  cancel: { zh: '取消', en: 'Cancel' },
  actionFailed: { zh: '操作失败：{detail}', en: 'Failed: {detail}' },

  // Eligibility check and parameters (issue 4)
  intro_eligibility: {
    zh: '按 2020 年规则包逐条检查档案和附件：不符合、需人工判断、符合、不适用。每条注明依据条款（N-x、M-x、R-x）、可信程度和修改位置。本应用不代替评审，假设值只提示人工判断。',
    en: 'Every rule of the 2020 pack against your archive and attachments: fails, needs review, passes, not applicable — each with its clause (N-x, M-x, R-x), confidence and where to fix it. The app does not replace the committee: assumptions only ask for a human judgement.',
  },
  intro_params: {
    zh: '规则包中未经确认的假设和可调整的参数（出处见 rules.md）。单位或主管部门有明确口径时可在此修改，检查结果随之更新，每次修改都会记录。',
    en: "The pack's unconfirmed assumptions and adjustable parameters (sources in rules.md). Change them when your unit or the authority says otherwise; the findings follow and every change is recorded.",
  },
  status_fail: { zh: '不符合', en: 'Fails' },
  status_review: { zh: '需判断', en: 'Review' },
  status_pass: { zh: '符合', en: 'Passes' },
  status_na: { zh: '不适用', en: 'N/A' },
  group_fail: { zh: '不符合', en: 'Fails' },
  group_review: { zh: '需人工判断', en: 'Needs a human judgement' },
  group_pass: { zh: '符合', en: 'Passes' },
  group_na: { zh: '不适用', en: 'Not applicable' },
  confidence_confirmed: { zh: '已确认', en: 'Confirmed' },
  confidence_inferred: { zh: '推断', en: 'Inferred' },
  confidence_assumed: { zh: '假设', en: 'Assumed' },
  confidenceHint: {
    zh: '已确认：有文件明确规定；推断：由文件或惯例推出；假设：本应用的默认值，需人工确认',
    en: 'Confirmed: a source states it; inferred: follows from sources or convention; assumed: our default, to be confirmed',
  },
  findingEvidence: { zh: '依据：', en: 'Evidence: ' },
  findingFix: { zh: '去修改（{screen}）', en: 'Fix it ({screen})' },
  screenFindingsTitle: {
    zh: '资格检查：本页有 {n} 项待处理',
    en: 'Eligibility: {n} {n:finding|findings} on this screen',
  },
  packLabel: { zh: '规则包', en: 'Rule pack' },
  packVersion: { zh: '版本', en: 'Version' },
  asOfLabel: { zh: '年限计算至', en: 'Years counted to' },
  summaryCounts: { zh: '结果', en: 'Result' },
  countsText: {
    zh: '不符合 {fail} · 需判断 {review} · 符合 {pass} · 不适用 {na}',
    en: '{fail} fail · {review} review · {pass} pass · {na} n/a',
  },
  linksUnknown: {
    zh: '未能读取附件信息：与扫描件有关的检查显示为“需判断”。',
    en: 'Attachments could not be read: checks about scans show as "review".',
  },
  openQuestions: { zh: '尚未确认的问题', en: 'Open questions' },
  openQuestionTag: { zh: '待确认', en: 'Open question' },
  paramSource: { zh: '出处：{source}；默认值：{value}', en: 'Source: {source}; default: {value}' },
  paramChanged: { zh: '（已修改）', en: ' (changed)' },
  paramsSave: { zh: '保存参数', en: 'Save parameters' },
  paramsReset: { zh: '恢复默认值', en: 'Restore defaults' },
  paramsSaved: { zh: '已保存，检查结果已更新。', en: 'Saved; the findings are updated.' },
  paramsUnsaved: { zh: '有未保存的修改', en: 'Unsaved changes' },
  paramsDiscard: { zh: '撤销修改', en: 'Discard changes' },
  paramsInvalid: {
    zh: '有 {n} 项参数需要更正（见标红的字段）。',
    en: '{n} {n:parameter needs|parameters need} correcting (marked in red).',
  },
  paramsResetTitle: { zh: '恢复默认值？', en: 'Restore the defaults?' },
  paramsResetList: {
    zh: '以下参数将恢复为默认值并立即保存：{list}。',
    en: 'These go back to their defaults and are saved: {list}.',
  },
  paramsResetNothing: { zh: '假设参数已全部是默认值。', en: 'The assumptions are all at their defaults.' },
  paramsResetKeeps: {
    zh: '单位公示开始、结束日期是您的申报数据，保持不变。',
    en: "The unit's publicity dates are your application data and stay as they are.",
  },
  paramsLeaveTitle: { zh: '保存对参数的修改？', en: 'Save the changes to the parameters?' },
  paramsLeaveBody: {
    zh: '“假设与参数”中有未保存的修改，离开本页前请选择保存或放弃。',
    en: 'The Assumptions screen has unsaved changes: save or discard them before leaving.',
  },
  paramsLeaveSave: { zh: '保存并离开', en: 'Save and leave' },
  paramsLeaveDiscard: { zh: '放弃修改并离开', en: 'Discard and leave' },
  paramsLeaveStay: { zh: '留在本页', en: 'Stay here' },
  paramLog: { zh: '修改记录', en: 'Change log' },
  paramLogEmpty: { zh: '尚无修改', en: 'No changes yet' },
  logWhen: { zh: '时间', en: 'When' },
  logWho: { zh: '修改人', en: 'Who' },
  logWhat: { zh: '参数', en: 'Parameter' },
  logOld: { zh: '原值', en: 'Old' },
  logNew: { zh: '新值', en: 'New' },

  // Punctuation that joins other texts: Chinese takes full-width marks, English takes ASCII ones and spaces.
  listSep: { zh: '、', en: ', ' },
  clauseSep: { zh: '；', en: '; ' },
  commaSep: { zh: '，', en: ', ' },
  labelValue: { zh: '{label}：{value}', en: '{label}: {value}' },
  labelOnly: { zh: '{label}：', en: '{label}: ' },
  withCount: { zh: '{text}（{n}）', en: '{text} ({n})' },
} as const satisfies Record<string, Localized>;

export type TextKey = keyof typeof DICT;
export type Vars = Record<string, string | number>;

/**
 * Fill `{name}` placeholders. `{name:one|other}` picks a word by the number `name` holds: `{n} {n:page|pages}`
 * reads "1 page" and "2 pages" (English only needs the two forms; Chinese has none).
 */
function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(
    /\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!(name in vars)) return whole;
      if (one === undefined || other === undefined) return String(vars[name]);
      return Number(vars[name]) === 1 ? one : other;
    },
  );
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
