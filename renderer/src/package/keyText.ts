// The UI strings about a lost or changed signing key (issue 19, item 8), merged into the one dictionary
// (i18n.ts): the applicant's advice on the key card and the export, and the unit's held key change (the
// review page, the import results, the applicants' table). The advice itself is shared with the core and the
// CLI (shared/package/keyAdvice.ts): one wording everywhere.
import type { Localized } from '../../../shared/api/contract.js';
import { KEY_CHANGE_HELD, KEY_KEEP_COPY, KEY_LOST, KEY_NOT_IN_BACKUP } from '../../../shared/package/keyAdvice.js';

export const KEY_TEXT = {
  // The applicant's key card and export
  pkg_keyNotInBackup: KEY_NOT_IN_BACKUP,
  pkg_keyKeepCopy: KEY_KEEP_COPY,
  pkg_keyLost: KEY_LOST,
  pkg_keyLostHeading: { zh: '密钥丢失或忘记密码怎么办？', en: 'Key lost or passphrase forgotten?' },
  pkg_keyReplace: { zh: '忘记密码，换用新密钥…', en: 'Passphrase forgotten: use a new key…' },
  pkg_keyReplaceTitle: { zh: '换用新的签名密钥？', en: 'Use a new signing key?' },
  pkg_keyReplaceText: {
    zh: '只有在忘记密码、这把密钥已无法使用时才这样做。旧密钥文件会另存在数据文件夹的 keys/retired/ 中（日后想起密码，可把它当作密钥备份导入）。新密钥的指纹与已打印表格上的不同：请重新生成评审表（F-1）、重新导出申报包，并告知本单位人事专员，单位当面核实您本人身份后接受新密钥。',
    en: "Only do this when the passphrase is forgotten and this key can no longer be used. The old key file is kept in keys/retired/ in the data folder (should the passphrase come back, import it as a key backup). The new key's fingerprint differs from the one on forms already printed: make the evaluation form (F-1) again, export the package again and tell your unit's HR officer, who confirms your identity in person and accepts the new key.",
  },
  pkg_keyReplaceOk: { zh: '换用新密钥', en: 'Use a new key' },
  pkg_keyReplaceCancel: { zh: '不换', en: 'Keep this key' },
  pkg_keyReplaceHeading: { zh: '设置新密钥', en: 'Set up the new key' },
  pkg_keyReplaceBack: { zh: '不换了，继续用原密钥', en: 'Keep the current key after all' },
  pkg_keyReplaced: {
    zh: '已换用新密钥。请重新导出申报包，并告知本单位人事专员。',
    en: "The new key is in use. Export the package again and tell your unit's HR officer.",
  },
  pkg_keyPrevious: {
    zh: '此工作区此前的申报包由另一把密钥签名（指纹 {fp}…），它不在这里。',
    en: "This workspace's earlier packages were signed by another key (fingerprint {fp}…), which is not here.",
  },
  pkg_keyPreviousBackup: {
    zh: '如有那把密钥的备份，请在下方“已有密钥备份？”中导入，一切照旧。',
    en: 'If you have a backup of that key, import it below under "Have a key backup?" and all goes on as before.',
  },
  pkg_exportNewKey: {
    zh: '此申报包将由新密钥签名（此前的申报包由指纹 {fp}… 的密钥签名）：单位收到后会暂存，待人事专员当面核实您本人身份后才导入。请带上身份证和新生成的评审表（F-1），并告知本单位人事专员。',
    en: "This package will be signed by a new key (earlier ones were signed by the key with fingerprint {fp}…): your unit holds it until its HR officer has confirmed your identity in person. Bring your ID card and the new evaluation form (F-1), and tell your unit's HR officer.",
  },

  // The unit: a held key change (review page, import results, table)
  unit_importStatus_held: KEY_CHANGE_HELD,
  kc_heading: { zh: '申报人签名密钥变更待确认', en: "The applicant's signing key changed: to confirm" },
  kc_lead: {
    zh: '“{name}”交来的第 {n} 版由一把新的签名密钥签名，与此前认可的密钥不同。它已暂存，尚未导入：审核页仍显示第 {current} 版。',
    en: "Revision {n} of {name}'s package is signed by a new signing key, not the one accepted before. It is held, not imported: the review still shows revision {current}.",
  },
  kc_why: {
    zh: '申报人丢失密钥或忘记密码后会换用新密钥；但新密钥也可能是他人冒用。接受前请：',
    en: 'An applicant who lost their key or forgot its passphrase makes a new one; but a new key could also be someone else posing as them. Before accepting:',
  },
  kc_step1: {
    zh: '请申报人本人携带身份证到场，当面核实身份；',
    en: 'have the applicant come in person with their ID card, and confirm who they are;',
  },
  kc_step2: {
    zh: '核对其新打印、亲笔签名的评审表（F-1）上“本人电子签名密钥指纹”与上面的“新密钥指纹”逐组一致；',
    en: 'check that the key fingerprint printed on their new, hand-signed evaluation form (F-1) matches the "new key fingerprint" above, group by group;',
  },
  kc_step3: {
    zh: '写明理由（如何核实的）后接受。接受后暂存的版本重新校验并导入，此后以新密钥为准，理由记入审核记录。',
    en: 'give a reason (how you confirmed it) and accept. The held revision is then verified again and imported, the new key holds from then on, and the reason goes into the audit trail.',
  },
  kc_old: { zh: '原密钥指纹（已认可）', en: 'Old key fingerprint (accepted so far)' },
  kc_new: { zh: '新密钥指纹', en: 'New key fingerprint' },
  kc_revision: { zh: '暂存的版本', en: 'Held revision' },
  kc_received: { zh: '收到时间', en: 'Received' },
  kc_file: { zh: '文件', en: 'File' },
  kc_reason: {
    zh: '接受理由：如何核实了本人身份（如“6 月 3 日本人持身份证到人事处，新 F-1 指纹一致”）',
    en: 'Reason for accepting: how the identity was confirmed (e.g. "came in with ID card on 3 June; new F-1 fingerprint matches")',
  },
  kc_reasonEmpty: {
    zh: '请写明理由（至少 {min} 个字）：如何核实了申报人本人身份',
    en: "Give a reason (at least {min} characters): how the applicant's identity was confirmed",
  },
  kc_reasonShort: {
    zh: '理由太短：已写 {n} 字，至少 {min} 字',
    en: 'The reason is too short: {n} of at least {min} characters',
  },
  kc_accept: { zh: '已核实本人，接受新密钥', en: 'Identity confirmed: accept the new key' },
  kc_accepted: {
    zh: '已接受新密钥：第 {n} 版已导入，此后以新密钥为准。',
    en: 'New key accepted: revision {n} is imported; the new key holds from now on.',
  },
  kc_reject: { zh: '拒绝并删除暂存的申报包…', en: 'Reject and remove the held package…' },
  kc_rejectTitle: { zh: '拒绝新密钥？', en: 'Reject the new key?' },
  kc_rejectText: {
    zh: '暂存的申报包将被删除，此申报人的档案和审核保持不变。如确是本人换了密钥，之后可请其重新提交。',
    en: "The held package is removed; the applicant's archive and review stay as they are. If it really was them, they can hand it in again later.",
  },
  kc_rejectOk: { zh: '拒绝并删除', en: 'Reject and remove' },
  kc_rejectCancel: { zh: '返回', en: 'Back' },
  kc_rejected: { zh: '已拒绝新密钥，暂存的申报包已删除。', en: 'New key rejected; the held package was removed.' },
  kc_stale: { zh: '已过时', en: 'Out of date' },
  kc_staleText: {
    zh: '本单位已有此申报人更新的版本（第 {current} 版），这份暂存的申报包不能再接受，只能拒绝。',
    en: 'This unit already holds a newer revision of this applicant (revision {current}); this held package can no longer be accepted, only rejected.',
  },
  kc_olderHeld: {
    zh: '另有 {n} 份更早的暂存版本，接受或拒绝时一并处理。',
    en: '{n} earlier held {n:revision|revisions} go with it when you accept or reject.',
  },
  kc_loadFailed: { zh: '无法读取暂存的密钥变更：{detail}', en: 'Cannot read the held key changes: {detail}' },
  kc_flag: { zh: '新密钥待确认', en: 'New key to confirm' },
  kc_importHint: {
    zh: '在审核页核实本人身份后接受新密钥',
    en: 'Confirm the person on the review page, then accept the new key',
  },
  kc_openReview: { zh: '去核实：{name}', en: 'Confirm: {name}' },
  kc_summaryHeld: { zh: '，暂存 {n}（申报人新密钥，待核实）', en: ', {n} held (new applicant key, to confirm)' },
} as const satisfies Record<string, Localized>;
