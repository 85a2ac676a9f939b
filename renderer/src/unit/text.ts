// The UI strings of the unit's workspace (issue 7), merged into the one dictionary (i18n.ts).
import type { Localized } from '../../../shared/api/contract.js';
import type { UNIT_WORK_TEXT } from './workText.js';

export const UNIT_TEXT = {
  unit_workspace: { zh: '单位审核', en: "Unit's review" },

  // Welcome
  unit_welcomeTitle: {
    zh: '单位人事专员：审核本单位的申报材料',
    en: "Unit HR officer: review your unit's applications",
  },
  unit_welcomeHint: {
    zh: '导入申报人的申报包，审核、公示、加签后报送。此工作区将专用于单位审核，之后不能再改为个人档案。',
    en: "Import the applicants' packages, review, publicise, countersign and pass them on. This workspace then serves the unit for good; it cannot hold a personal archive.",
  },

  // Shell
  unit_navLabel: { zh: '单位审核各部分', en: "The unit's review" },
  unit_nav_unitProfile: { zh: '单位信息', en: 'Unit' },
  unit_nav_unitImport: { zh: '导入申报包', en: 'Import packages' },
  unit_nav_unitApplicants: { zh: '申报人一览', en: 'Applicants' },
  unit_nav_unitReview: { zh: '审核', en: 'Review' },
  unit_nav_unitPublicity: { zh: '公示', en: 'Publicity' },
  unit_nav_unitPostInfo: { zh: '岗位信息表', en: 'Post information (F-4)' },
  unit_nav_unitSubmit: { zh: '报送', en: 'Submit' },
  unit_nav_unitBackups: { zh: '备份与恢复', en: 'Backups' },
  unit_intro_unitProfile: {
    zh: '单位对申报材料的真实性负责，审核后逐级报送（N-9、N-10、N-13）。这里的单位信息印在单位意见页和报送汇总表上。',
    en: "The unit answers for the truth of the materials it reviews and passes upwards (N-9, N-10, N-13). These details are printed on the unit's opinion page and the summary sheet.",
  },
  unit_intro_unitImport: {
    zh: '选择申报人交来的申报包（.zcpkg），可一次选择多个文件或整个文件夹（如 U 盘）。每个包先校验签名和文件摘要，通过后才导入；同一申报人的新修订版替换旧版，旧版保留在历史中。',
    en: 'Choose the packages (.zcpkg) the applicants handed in: many files at once, or a whole folder (a USB stick). Each is verified first — signatures and file digests — and imported only when it holds; a newer revision of the same applicant replaces the older one, which stays in the history.',
  },
  unit_intro_unitApplicants: {
    zh: '本单位全部申报人：办理进度、资格检查结论（与申报人所见相同；指向结论可看依据）、材料是否齐全、公示情况，以及与他人重复的扫描件或论文。点击一行或姓名进入审核；用键盘时 Tab 到姓名按回车，上下方向键换人。',
    en: "Every applicant of the unit: where they stand, the verdict (the applicant's own words; hover for why), whether the proofs are complete, publicity, and scans or papers also claimed by someone else. Click a row or a name to review it; with the keyboard, Tab to a name and press Enter, the arrow keys move between applicants.",
  },
  unit_intro_unitReview: {
    zh: '逐项审核一位申报人的材料（N-10）。',
    en: "Review one applicant's materials item by item (N-10).",
  },
  unit_intro_unitPublicity: {
    zh: '推荐人选在单位内公示不少于 5 个工作日（N-8、M-3）。',
    en: 'The recommended applicants are publicised within the unit for at least 5 working days (N-8, M-3).',
  },
  unit_intro_unitPostInfo: {
    zh: '事业单位填写《事业单位人员职称申报岗位信息表》（附件4，N-14、M-12）。',
    en: 'Public institutions fill in form F-4 (annex 4, N-14, M-12).',
  },
  unit_intro_unitSubmit: {
    zh: '为审核通过并公示无异议的申报人加签，生成报送市级的批次（N-9）。',
    en: 'Countersign the accepted, publicised applicants and make the batch for the city (N-9).',
  },
  unit_intro_unitBackups: {
    zh: '备份包含整个工作区：单位信息、全部申报人的申报包与审核记录。恢复总是恢复到一个新文件夹。',
    en: "A backup holds the whole workspace: the unit's data, every applicant's package and the review records. Restoring always fills a new folder.",
  },

  // 单位信息
  unit_profileLoadFailed: { zh: '无法读取单位信息', en: "Could not read the unit's data" },
  unit_profileHeading: { zh: '单位基本情况', en: "The unit's data" },
  unit_creditCodeHint: { zh: '18 位，按国家标准 GB 32100 校验', en: '18 characters, checked against GB 32100' },
  unit_typeHint: {
    zh: '事业单位需另填岗位信息表（F-4）',
    en: 'Public institutions also fill in the post information (F-4)',
  },
  unit_profileSave: { zh: '保存单位信息', en: "Save the unit's data" },
  unit_profileSaved: { zh: '已保存', en: 'Saved' },
  unit_profileSavedProblems: {
    zh: '已保存，但仍有 {n} 个问题，请在相应字段处修改',
    en: 'Saved, with {n} {n:problem|problems} still shown at {n:its field|their fields}',
  },
  unit_profileRefused: { zh: '未保存：{detail}', en: 'Not saved: {detail}' },
  unit_leaveTitle: { zh: '保存对单位信息的修改？', en: "Save the changes to the unit's data?" },
  unit_leaveBody: {
    zh: '“单位信息”中有未保存的修改，离开本页前请选择保存或放弃。',
    en: "The unit's data has unsaved changes: save or discard them before leaving.",
  },
  unit_keyPrinted: {
    zh: '此指纹印在单位推荐意见页上：加盖单位公章即为这把密钥作保。',
    en: "This fingerprint is printed on the unit's opinion page, so the unit's seal vouches for this key.",
  },
  unit_keyProtectedPassphrase: {
    zh: '密钥受您设置的密码保护，每次退回或加签时需要输入。',
    en: 'The key is protected by your passphrase, asked for at each return and countersignature.',
  },
  unit_keyCreateText: {
    zh: '单位的签名密钥只需创建一次：审核通过的申报包由它加签（第 2 级）后报送，退回的审核意见也由它签名。其指纹印在单位推荐意见页上，加盖单位公章即为这把密钥作保。',
    en: "The unit's signing key is made once: it countersigns (level 2) every accepted package passed on, and signs the comments of a returned one. Its fingerprint is printed on the unit's opinion page, so the unit's seal vouches for the key.",
  },

  // 导入申报包
  unit_importDropTitle: { zh: '把申报包拖到这里', en: 'Drop the packages here' },
  unit_importDropHint: {
    zh: '可一次选择多个 .zcpkg 文件',
    en: 'Several .zcpkg files at once are fine',
  },
  unit_importPick: { zh: '选择申报包…', en: 'Choose packages…' },
  unit_importFolderText: {
    zh: '或者导入一个文件夹（如 U 盘）中的全部申报包：',
    en: 'Or import every package in a folder (a USB stick):',
  },
  unit_importFolder: { zh: '选择文件夹…', en: 'Choose a folder…' },
  unit_importUploadLabel: { zh: '读取申报包', en: 'Reading the packages' },
  unit_importUploading: { zh: '正在读取第 {done}/{n} 份申报包', en: 'Reading package {done} of {n}' },
  unit_importUploadBytes: { zh: '{name}：已读取 {done} / {total}', en: '{name}: {done} of {total} read' },
  unit_importUploadCancelled: {
    zh: '已取消：这一批申报包均未导入。',
    en: 'Cancelled: none of this batch was imported.',
  },
  unit_importJob: { zh: '导入申报包', en: 'Importing the packages' },
  unit_importRunning: { zh: '正在校验并导入：{done}/{n}', en: 'Verifying and importing: {done} of {n}' },
  unit_importDone: { zh: '导入完成', en: 'Import finished' },
  unit_importDoneSome: {
    zh: '部分文件未导入：请查看下方各文件的原因',
    en: "Some files were not imported: see each file's reason below",
  },
  unit_importDoneNone: {
    zh: '未导入任何申报包：所选文件均被拒绝，原因见下方',
    en: 'Nothing was imported: every file was refused; see why below',
  },
  unit_importDoneNothing: {
    zh: '无需导入：所选申报包均已导入过，内容未变',
    en: 'Nothing to import: every package chosen is already here, unchanged',
  },
  unit_importCancelled: { zh: '导入已取消', en: 'Import cancelled' },
  unit_importJobFailed: { zh: '导入失败：{detail}', en: 'The import failed: {detail}' },
  unit_importLost: {
    zh: '无法获知导入进度：{detail}。请到“申报人一览”查看已导入的申报人。',
    en: 'The import can no longer be followed: {detail}. See Applicants for who was imported.',
  },
  unit_importToTable: { zh: '查看申报人一览', en: 'See the applicants' },
  unit_importResultsHeading: { zh: '导入结果', en: 'What each file came to' },
  unit_importSummary: {
    zh: '共 {n} 个文件：新导入 {imported}，替换旧版 {replaced}，未变 {unchanged}，拒绝 {refused}',
    en: '{n} {n:file|files}: {imported} imported, {replaced} replaced an older revision, {unchanged} unchanged, {refused} refused',
  },
  unit_importPartial: {
    zh: '导入未全部完成：以下是已处理的文件，其余文件未导入，可重新选择后再导入。',
    en: 'The import did not finish: these are the files it got to; the others were not imported and can be chosen again.',
  },
  unit_importSkipped: {
    zh: '文件夹中另有 {n} 个文件不是申报包，已跳过：{names}',
    en: 'The folder also holds {n} {n:file|files} that {n:is|are} not a package, skipped: {names}',
  },
  unit_importSkippedMore: { zh: ' 等（另 {n} 个）', en: ' and {n} more' },
  unit_importFile: { zh: '文件', en: 'File' },
  unit_importOutcome: { zh: '结果', en: 'Outcome' },
  unit_importWhat: { zh: '申报人 / 原因', en: 'Applicant / reason' },
  unit_importNoReason: { zh: '未说明原因', en: 'No reason given' },
  unit_importApplicant: { zh: '{name}（第 {n} 版）', en: '{name} (revision {n})' },
  unit_importStatus_imported: { zh: '已导入', en: 'Imported' },
  unit_importStatus_replaced: { zh: '已替换', en: 'Replaced' },
  unit_importStatus_unchanged: { zh: '未变', en: 'Unchanged' },
  unit_importStatus_refused: { zh: '已拒绝', en: 'Refused' },
  unit_importSummaryDesk: {
    zh: '，审查机构退回 {n}（审核已重新打开）',
    en: ', {n} returned by the desk (review reopened)',
  },
  unit_importStatus_desk_returned: { zh: '审查机构退回', en: 'Returned by the desk' },
  unit_openReviewOf: { zh: '审核 {name}', en: 'Review {name}' },

  // 申报人一览
  unit_tableFailed: { zh: '无法读取申报人：{detail}', en: 'Could not read the applicants: {detail}' },
  unit_tableEmptyTitle: { zh: '还没有申报人', en: 'No applicants yet' },
  unit_tableEmptyText: {
    zh: '导入本单位申报人交来的申报包后，他们会列在这里。',
    en: "Import the packages your unit's applicants handed in: they are listed here.",
  },
  unit_filtersLabel: { zh: '查找与筛选申报人', en: 'Search and filter the applicants' },
  unit_searchLabel: { zh: '按姓名、身份证号或专业查找', en: 'Search by name, ID number or specialty' },
  unit_searchPlaceholder: { zh: '姓名、身份证号、专业', en: 'Name, ID number, specialty' },
  unit_filterStatus: { zh: '进度', en: 'Stage' },
  unit_filterVerdict: { zh: '资格检查结论', en: 'Verdict' },
  unit_filterCommittee: { zh: '评委会', en: 'Committee' },
  unit_filterPublicity: { zh: '公示', en: 'Publicity' },
  unit_filterDuplicates: { zh: '只看有重复材料的（{n}）', en: 'Only with shared materials ({n})' },
  unit_filterClear: { zh: '清除筛选', en: 'Clear filters' },
  unit_reload: { zh: '刷新', en: 'Refresh' },
  unit_count: { zh: '共 {n} 位申报人', en: '{n} {n:applicant|applicants}' },
  unit_countFiltered: { zh: '显示 {shown} 位，共 {n} 位', en: '{shown} of {n} applicants shown' },
  unit_noMatch: { zh: '没有符合条件的申报人', en: 'No applicant matches' },
  /** After the name on its button: what the button does, for the reader (the row's cells say the rest). */
  unit_openReview: { zh: '，打开审核', en: ': open the review' },
  unit_colName: { zh: '姓名', en: 'Name' },
  unit_colCommittee: { zh: '评委会', en: 'Committee' },
  unit_colSpecialty: { zh: '专业', en: 'Specialty' },
  unit_colStatus: { zh: '进度', en: 'Stage' },
  unit_colEligibility: { zh: '资格检查', en: 'Eligibility' },
  unit_colMaterials: { zh: '材料', en: 'Materials' },
  unit_colMaterialsHint: {
    zh: '申报人应上传的证明材料是否齐全；缺少时写明缺几项，指向各项可看明细。',
    en: 'Whether the proofs the applicant must scan are all there; when not, how many are missing (hover for which).',
  },
  unit_materialsComplete: { zh: '齐全', en: 'Complete' },
  unit_materialsMissing: { zh: '缺 {n} 项', en: '{n} missing' },
  unit_whyTitle: { zh: '依据（点击打开审核）', en: 'Why (click to open the review)' },
  unit_colPublicity: { zh: '公示', en: 'Publicity' },
  unit_colDuplicates: { zh: '重复材料', en: 'Shared' },
  unit_colRevision: { zh: '版本', en: 'Revision' },
  unit_noName: { zh: '（未填姓名）', en: '(no name)' },
  unit_noCommittee: { zh: '未选择', en: 'Not chosen' },
  unit_exceptional: { zh: '破格', en: 'Exceptional' },
  unit_publicity_none: { zh: '未公示', en: 'Not yet' },
  unit_publicity_planned: { zh: '待公示', en: 'Planned' },
  unit_publicity_running: { zh: '公示中', en: 'Running' },
  unit_publicity_ended: { zh: '公示期满', en: 'Ended' },
  unit_publicity_no_objection: { zh: '无异议', en: 'No objection' },
  unit_publicity_objection: { zh: '有异议', en: 'Objection' },
  unit_dupScan: { zh: '与 {name} 使用了同一扫描件', en: 'the same scan as {name}' },
  unit_dupPaper: {
    zh: '与 {name} 申报了同一篇论文（ISSN 与题名相同）',
    en: 'the same paper as {name} (ISSN and title)',
  },
  unit_revisionN: { zh: '第 {n} 版', en: 'Rev. {n}' },
  unit_level2: { zh: '已加签', en: 'Signed' },

  // 岗位信息表 in the unit's workspace: the list filled from the accepted applicants, F-4 printed here
  unit_postDraw: { zh: '从审核通过的申报人填入', en: 'Fill in from the accepted applicants' },
  unit_postNoPeople: {
    zh: '还没有推荐人员。可以“从审核通过的申报人填入”，或点击“添加一人”逐人填写。',
    en: 'Nobody yet. Use "Fill in from the accepted applicants", or "Add a person" to enter people one by one.',
  },
  unit_postFillNone: {
    zh: '目前没有审核通过的申报人：名单没有改变。',
    en: 'No applicant has been accepted yet: the list is unchanged.',
  },
  unit_postFillNothing: {
    zh: '名单中已有全部 {n} 位审核通过的申报人，没有需要填入的内容。',
    en: 'The list already has all {n} accepted {n:applicant|applicants}: nothing to fill in.',
  },
  unit_postFilled: {
    zh: '已填入：{what}。尚未保存：请核对后点击“保存岗位信息”。',
    en: 'Filled in: {what}. Not saved yet: check, then "Save the post information".',
  },
  unit_postFilledAdded: { zh: '新增 {n} 人', en: '{n} {n:person|people} added' },
  unit_postFilledCompleted: {
    zh: '补全 {n} 人的空白项（已填写的内容保持不变）',
    en: 'the blanks of {n} {n:person|people} filled (what was entered is kept)',
  },
  unit_postFillOthers: {
    zh: '名单中另有 {n} 人不是审核通过的申报人（{names}）：如不再推荐，请删除。',
    en: '{n} {n:person|people} on the list {n:is|are} not among the accepted applicants ({names}): remove them if no longer recommended.',
  },
  unit_postProblemsNote: {
    zh: '有 {n} 处需要更正（见字段旁的提示）：可以保存；更正前打印的 F-4 标为“草稿”。',
    en: '{n} {n:entry needs|entries need} correcting (see beside the fields): you can save; until corrected, F-4 prints as a draft.',
  },
  unit_postNotPublicText: {
    zh: '《事业单位人员职称申报岗位信息表》只适用于事业单位的在编人员（M-12、N-14）。单位信息中的单位性质为“{type}”，因此本单位不需要也不能打印 F-4，导航中也不显示本页。如单位性质有误，请先修改。',
    en: 'Form F-4 is only for staff on the establishment of public institutions (M-12, N-14). The unit\'s data gives its type as "{type}", so it needs no F-4 and cannot print one, and this screen is not in the navigation. If the type is wrong, change it first.',
  },
  unit_f4Heading: { zh: '打印 F-4', en: 'Print F-4' },
  unit_f4Text: {
    zh: '按已保存的岗位信息生成《事业单位人员职称申报岗位信息表》，可随时预览、打印或下载，交主管部门（或人力社保部门）签署意见并盖章。',
    en: 'Makes form F-4 from the saved post information, to preview, print or download at any time and take to the competent (or HR) department for its opinion and seal.',
  },
  unit_f4Draft: { zh: '将打印为“草稿”', en: 'Prints as a draft (草稿)' },
  unit_f4DraftText: {
    zh: '{reason}。每页标有“草稿”，仅供核对，请勿盖章报送；填写完整、更正后再打印正式表格。',
    en: '{reason}. Every page is marked 草稿 (draft): for checking only, not for the seal. Complete and correct it, then print the final sheet.',
  },
  unit_f4Complete: {
    zh: '岗位信息填写完整：打印的 F-4 不带“草稿”标记，可交主管部门签署意见并盖章。',
    en: 'The post information is complete: F-4 prints without the draft mark, ready for the competent department’s opinion and seal.',
  },
  unit_f4Unsaved: {
    zh: '有未保存的修改：预览、打印前会先保存。',
    en: 'There are unsaved changes: they are saved before the preview or print.',
  },
  unit_f4NotSaved: {
    zh: '修改未能保存（见标红的字段），未生成 F-4。',
    en: 'The changes could not be saved (see the fields in red); F-4 was not made.',
  },
  unit_f4Preview: { zh: '预览 F-4', en: 'Preview F-4' },
  unit_f4Print: { zh: '打印 F-4', en: 'Print F-4' },
  unit_f4Made: { zh: '已生成：{name}（{pages}）', en: 'Made: {name} ({pages})' },
  unit_startConfirmTitle: { zh: '将此工作区用于单位审核？', en: "Use this workspace for the unit's review?" },
  unit_startConfirmText: {
    zh: '此工作区将专用于审核本单位申报人的申报包，之后不能再在其中填写个人档案。申报人自己的档案请另用一个工作区。',
    en: "This workspace will serve only to review your unit's applicants' packages; no personal archive can be kept in it afterwards. An applicant's own archive needs another workspace.",
  },
  unit_startConfirmOk: { zh: '用于单位审核', en: "Use for the unit's review" },
} as const satisfies Record<string, Localized>;

// One dictionary in the end (i18n.ts): a key defined both here and by the review/publicity screens would
// silently lose one of its texts.
type Clash = Extract<keyof typeof UNIT_TEXT, keyof typeof UNIT_WORK_TEXT>;
export const UNIT_TEXT_CLASHES: [Clash] extends [never] ? null : Clash = null;
