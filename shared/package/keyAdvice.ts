// What an applicant must know about their signing key (issue 19, item 8), said the same way on the key card,
// at the export, in the refusals and by the CLI: where the key lives and that the workspace backups do not
// hold it (docs/backup-format.md leaves signing-key.json out on purpose: a backup must not carry the secret
// that vouches for the applicant), and the way forward when it is lost — a new key, a new export, and the
// unit's officer, who confirms the person and accepts the new key (electron/core/unit/keyChange.ts).
import type { Localized } from '../api/contract.js';

/** The key's file inside the data folder (keyService.ts KEYS_DIR + keyStore.ts KEY_FILE). */
export const KEY_FILE_IN_DATA = 'keys/signing-key.json';

/** Where the key is, and that a workspace backup does not bring it back. */
export const KEY_NOT_IN_BACKUP: Localized = {
  zh: `签名密钥保存在本机数据文件夹的 ${KEY_FILE_IN_DATA} 中，不包含在工作区备份（.zcbak）里：恢复备份不会带回密钥。`,
  en: `The signing key is kept in ${KEY_FILE_IN_DATA} in this computer's data folder and is not in the workspace backups (.zcbak): restoring a backup does not bring it back.`,
};

/** How to keep a copy, in the app (the key card's button). */
export const KEY_KEEP_COPY: Localized = {
  zh: '请用“导出密钥备份”另存一份到 U 盘等处（备份仍受密码保护），并牢记密码。',
  en: 'Save a key backup ("Save a key backup") on a USB stick or elsewhere (it stays protected by the passphrase), and remember the passphrase.',
};

/** How to keep a copy, on the command line: the key file itself is passphrase-sealed. */
export const keyKeepCopyCli = (keyFile: string): Localized => ({
  zh: `请把 ${keyFile} 复制一份到 U 盘等处（文件仍受密码保护），并牢记密码。`,
  en: `Copy ${keyFile} to a USB stick or elsewhere (the file stays protected by the passphrase), and remember the passphrase.`,
});

/** The way forward when the key (or its passphrase) is lost. */
export const KEY_LOST: Localized = {
  zh: '如果密钥丢失或忘记了密码：创建新的签名密钥，重新导出申报包（新的评审表 F-1 上印有新指纹），并告知本单位人事专员。单位当面核实您本人身份后接受新密钥，此后以新密钥为准。',
  en: "If the key is lost or its passphrase forgotten: create a new signing key, export the package again (the new evaluation form F-1 prints the new fingerprint) and tell your unit's HR officer. The unit confirms your identity in person and accepts the new key, which holds from then on.",
};

/** Both sentences, as one paragraph. */
export const joinAdvice = (...parts: Localized[]): Localized => ({
  zh: parts.map((p) => p.zh).join(''),
  en: parts.map((p) => p.en).join(' '),
});

/** What a unit's intake says of a known applicant's revision signed by a new key (UnitImportResult 'held'). */
export const KEY_CHANGE_HELD: Localized = { zh: '暂存（申报人新密钥）', en: 'held: new applicant key' };
