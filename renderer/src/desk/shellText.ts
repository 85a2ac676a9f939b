// The UI strings of the reviewing desk's shell, its start, its data and its receiving (issue 17, phase 2),
// merged into the one dictionary (i18n.ts). The desk's domain words (kinds, field names, problems, statuses)
// are not here: they live once in shared/desk/*.
import type { Localized } from '../../../shared/api/contract.js';

export const DESK_SHELL_TEXT = {
  desk_workspace: { zh: '审查机构', en: 'Reviewing desk' },

  // Welcome
  desk_welcomeTitle: {
    zh: '审查机构：接收并审查各单位的报送',
    en: "Reviewing desk: receive and review the units' submissions",
  },
  desk_welcomeHint: {
    zh: '市经信局、省主管部门或人事代理机构接收单位报送批次，资格审查后按评委会报送。此工作区将专用于审查机构。',
    en: "A city bureau, provincial competent department or personnel agency receives the units' batches, reviews them and passes them on by committee. This workspace then serves the desk for good.",
  },
  desk_startTitle: { zh: '设立审查机构工作区', en: "Make this a reviewing desk's workspace" },
  desk_startText: {
    zh: '此文件夹将专用于审查机构，之后不能再存放个人档案或单位审核。请填写本机构的信息（以后可在“审查机构信息”中修改）。',
    en: "This folder will serve the reviewing desk for good: it cannot hold a personal archive or a unit's review afterwards. Enter the desk's data (you can change it later under 'Desk').",
  },
  desk_startOk: { zh: '设立', en: 'Start the desk' },
  desk_startProblems: {
    zh: '请先填写标出的 {n} 项。',
    en: 'Fill in the {n} marked fields first.',
  },

  // Shell
  desk_navLabel: { zh: '审查机构各部分', en: "The desk's parts" },
  desk_leaveTitle: { zh: '保存对审查机构信息的修改？', en: "Save the changes to the desk's data?" },
  desk_leaveBody: {
    zh: '审查机构信息有未保存的修改。离开前请保存，或放弃这些修改。',
    en: "The desk's data has unsaved changes. Save them before leaving, or discard them.",
  },
  desk_nav_deskProfile: { zh: '审查机构信息', en: 'Desk' },
  desk_nav_deskReceive: { zh: '接收', en: 'Receive' },
  desk_nav_deskApplicants: { zh: '申报人一览', en: 'Applicants' },
  desk_nav_deskReview: { zh: '审查', en: 'Review' },
  desk_nav_deskSubmit: { zh: '报送', en: 'Pass on' },
  desk_nav_deskBackups: { zh: '备份与恢复', en: 'Backups' },
  desk_intro_deskProfile: {
    zh: '本机构的信息决定受理范围（哪个市或哪个主管部门的单位，N-9），并印在审查意见和花名册上。本机构的签名密钥为第 3 级签名，其指纹印在审查意见页上。',
    en: "The desk's data decides its remit (which city's or which competent department's units, N-9) and is printed on its opinion and roster. The desk's signing key signs level 3; its fingerprint is printed on the opinion page.",
  },
  desk_intro_deskReceive: {
    zh: '选择各单位的报送批次（.zip）或单独的申报包（.zcpkg），可一次选择多个文件或整个文件夹（如 U 盘）。每个申报包经第 1、2 级签名校验、单位决定、公示（不少于 5 个工作日，N-8）和受理范围核对后才接收；不符合的逐个拒绝并说明原因，其余照常接收。',
    en: "Choose the units' batch files (.zip) or loose packages (.zcpkg): many files at once, or a whole folder (a USB stick). Each package is taken only after levels 1 and 2 verify and the unit's decision, its publicity (at least 5 working days, N-8) and this desk's remit are checked; each that fails is refused with its reason, the others still go in.",
  },
  desk_intro_deskApplicants: {
    zh: '各单位报送的全部申报人及其审查进度。',
    en: 'Every applicant the units passed on, and where each stands.',
  },
  desk_intro_deskReview: {
    zh: '逐项审查一位申报人（资格审查）。',
    en: 'Review one applicant item by item (qualification review).',
  },
  desk_intro_deskSubmit: {
    zh: '按评委会报送审查通过并经中评委推荐的申报人（附件1，N-1）。',
    en: 'Pass on the accepted, recommended applicants by senior committee (annex 1, N-1).',
  },
  desk_intro_deskBackups: {
    zh: '备份包含整个工作区：本机构信息、收到的全部申报包和审查记录。恢复总是恢复到一个新文件夹。',
    en: "A backup holds the whole workspace: the desk's data, every package received and the review records. Restoring always fills a new folder.",
  },
  desk_profileLoadFailed: { zh: '未能读取审查机构信息', en: "The desk's data could not be read" },

  // 审查机构信息
  desk_profileHeading: { zh: '本机构', en: 'This desk' },
  desk_profileSave: { zh: '保存', en: 'Save' },
  desk_profileSaved: { zh: '已保存。', en: 'Saved.' },
  desk_profileSavedProblems: {
    zh: '已保存；还有 {n} 项未填写，接收前须补齐。',
    en: 'Saved; {n} fields are still missing and needed before receiving.',
  },
  desk_profileRefused: { zh: '未保存：{detail}', en: 'Not saved: {detail}' },
  desk_cityHint: {
    zh: '本机构受理此市的单位（“衢州”与“衢州市”视为同一市）。',
    en: 'The desk takes the units of this city ("衢州" and "衢州市" are one city).',
  },
  desk_departmentHint: {
    zh: '与单位信息中填写的主管部门名称一致。',
    en: "As the units' data name their competent department.",
  },
  desk_keyPrinted: {
    zh: '此指纹印在本机构的审查意见页上：加盖公章即为这把密钥作保，上级据此核对第 3 级签名。',
    en: "This fingerprint is printed on the desk's opinion page, so its seal vouches for the key; the province checks level 3 against it.",
  },
  desk_keyProtectedPassphrase: {
    zh: '密钥受您设置的密码保护，每次退回或报送时需要输入。',
    en: 'The key is protected by your passphrase, asked for at each return and pass-on.',
  },
  desk_keyCreateText: {
    zh: '本机构的签名密钥只需创建一次：退回补正和报送的第 3 级由它签名。其指纹印在审查意见页上。',
    en: "The desk's signing key is made once: it signs level 3 of every return and pass-on. Its fingerprint is printed on the opinion page.",
  },

  // 接收
  desk_receiveDropTitle: {
    zh: '把报送批次（.zip）或申报包（.zcpkg）拖到这里',
    en: 'Drop batch files (.zip) or packages (.zcpkg) here',
  },
  desk_receiveDropHint: { zh: '可一次放入多个文件', en: 'Many files at once' },
  desk_receivePick: { zh: '选择文件…', en: 'Choose files…' },
  desk_receiveFolderText: {
    zh: '或接收一个文件夹（如 U 盘）中的全部批次和申报包：',
    en: 'Or receive every batch and package of a folder (a USB stick):',
  },
  desk_receiveFolder: { zh: '选择文件夹…', en: 'Choose a folder…' },
  desk_receiveNotOurs: {
    zh: '“{name}”不是报送批次或申报包：文件名应以 .zip 或 .zcpkg 结尾',
    en: '"{name}" is not a batch or a package: the file name ends in .zip or .zcpkg',
  },
  desk_receiveNone: {
    zh: '所选文件中没有报送批次（.zip）或申报包（.zcpkg）',
    en: 'None of the chosen files is a batch (.zip) or a package (.zcpkg)',
  },
  desk_receiveTooMany: {
    zh: '一次最多接收 {max} 个文件，所选共 {n} 个：请分批接收',
    en: 'At most {max} files at once; {n} were chosen: receive them in parts',
  },
  desk_receiveUploadLabel: { zh: '交给本机构', en: 'Handing over' },
  desk_receiveUploading: { zh: '正在交付第 {done}/{n} 个文件', en: 'Handing over file {done}/{n}' },
  desk_receiveUploadCancelled: { zh: '已取消，未接收任何内容。', en: 'Cancelled; nothing was received.' },
  desk_receiveJob: { zh: '接收', en: 'Receiving' },
  desk_receiveRunning: { zh: '正在接收（{done}/{n}）', en: 'Receiving ({done}/{n})' },
  desk_receiveDone: { zh: '接收完成', en: 'Received' },
  desk_receiveDoneSome: { zh: '接收完成，部分被拒绝', en: 'Received; some were refused' },
  desk_receiveDoneNone: { zh: '全部被拒绝', en: 'All were refused' },
  desk_receiveDoneNothing: { zh: '没有新内容', en: 'Nothing new' },
  desk_receiveCancelled: { zh: '已取消：已接收的保留', en: 'Cancelled: those received so far stay' },
  desk_receiveJobFailed: { zh: '接收失败：{detail}', en: 'Receiving failed: {detail}' },
  desk_receiveLost: { zh: '接收的进度已无法读取：{detail}', en: 'The receive job can no longer be followed: {detail}' },
  desk_receiveResults: { zh: '接收结果', en: 'What each applicant came to' },
  desk_receiveSummary: {
    zh: '共 {n} 人：接收 {imported}，替换 {replaced}，未变 {unchanged}，拒绝 {refused}。',
    en: 'In all {n}: {imported} received, {replaced} replaced, {unchanged} unchanged, {refused} refused.',
  },
  desk_receivePartial: {
    zh: '接收未全部完成：以下是已处理的部分。',
    en: 'The job did not finish: these are the files it got to.',
  },
  desk_receiveFile: { zh: '文件', en: 'File' },
  desk_receiveApplicant: { zh: '申报人', en: 'Applicant' },
  desk_receiveUnit: { zh: '单位', en: 'Unit' },
  desk_receiveOutcome: { zh: '结果', en: 'Outcome' },
  desk_receiveWhy: { zh: '说明', en: 'Details' },
  desk_receiveStatus_imported: { zh: '接收', en: 'Received' },
  desk_receiveStatus_replaced: { zh: '替换', en: 'Replaced' },
  desk_receiveStatus_unchanged: { zh: '未变', en: 'Unchanged' },
  desk_receiveStatus_refused: { zh: '拒绝', en: 'Refused' },
  desk_receiveRevision: { zh: '第 {n} 版', en: 'revision {n}' },
  desk_receiveToTable: { zh: '查看申报人一览', en: 'Show the applicants' },
  desk_keyPinned: { zh: '此前确认的单位密钥指纹', en: 'The unit key confirmed before' },
  desk_keyNew: { zh: '此批次的单位密钥指纹', en: "This batch's unit key" },
  desk_keyCheck: {
    zh: '请与单位盖章的纸质材料（单位推荐意见页）上印的指纹逐组核对：一致时才确认接收，此后以新密钥为准。',
    en: "Compare the new fingerprint group by group with the one printed on the unit's stamped paper (its opinion page): confirm only if they match; the new key is then the unit's.",
  },
  desk_keyConfirm: { zh: '已核对纸质材料，用新密钥接收', en: 'Checked on paper: receive with the new key' },
  desk_keyConfirmTitle: { zh: '确认单位的新密钥？', en: "Confirm the unit's new key?" },
  desk_keyConfirmText: {
    zh: '新指纹：{fp}。确认后此单位以后的报送都须由这把密钥签名，确认记入审计记录。',
    en: "New fingerprint: {fp}. From now on this unit's batches must be signed by this key; the confirmation goes into the audit trail.",
  },
  desk_keyGone: {
    zh: '此文件已不在本机（应用重启或已超过一天）：请重新选择文件后再确认。',
    en: 'This file is no longer held (the app restarted or a day passed): choose the file again, then confirm.',
  },
  desk_batchesHeading: { zh: '已接收的批次', en: 'Batches received' },
  desk_batchesEmpty: { zh: '尚未接收任何批次。', en: 'No batch received yet.' },
  desk_batchesLoadFailed: {
    zh: '未能读取已接收的批次：{detail}',
    en: 'The batches received could not be read: {detail}',
  },
  desk_batchFile: { zh: '批次文件', en: 'Batch file' },
  desk_batchUnit: { zh: '单位', en: 'Unit' },
  desk_batchPackages: { zh: '申报包数', en: 'Packages' },
  desk_batchReceived: { zh: '接收时间', en: 'Received' },
  desk_batchKey: { zh: '单位密钥指纹', en: 'Unit key' },
} as const satisfies Record<string, Localized>;
