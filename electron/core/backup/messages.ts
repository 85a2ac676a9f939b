// What a user reads when a backup cannot be used or a restore cannot go ahead: what is wrong, and that
// nothing was changed.
import path from 'node:path';
import type { Localized } from '../../../shared/api/contract.js';
import { DossierError } from '../errors.js';

const name = (file: string) => path.basename(file);

/** The backup's bytes are not what was written: a flipped bit, a truncated copy, an edited file. */
export function backupDamaged(file: string, detail: Localized): DossierError {
  return new DossierError('backup_damaged', {
    zh: `备份文件“${name(file)}”已损坏，不能使用：${detail.zh}未做任何改动。请改用其他备份。`,
    en: `The backup "${name(file)}" is damaged and cannot be used: ${detail.en} Nothing was changed. Use another backup.`,
  });
}

/** A file that is not a backup written by this app (another ZIP, a package, anything else). */
export function notABackup(file: string, detail: Localized): DossierError {
  return new DossierError('wrong_backup', {
    zh: `“${name(file)}”不是本软件的备份文件：${detail.zh}未做任何改动。`,
    en: `"${name(file)}" is not a backup made by this app: ${detail.en} Nothing was changed.`,
  });
}

export function backupTooNew(file: string, what: Localized): DossierError {
  return new DossierError('backup_too_new', {
    zh: `备份文件“${name(file)}”由更新版本的本软件写出（${what.zh}），本版本无法恢复。请升级软件后再恢复。未做任何改动。`,
    en: `The backup "${name(file)}" was made by a newer release of this app (${what.en}) and cannot be restored by this one. Upgrade the app, then restore. Nothing was changed.`,
  });
}

export function targetNotEmpty(dir: string): DossierError {
  return new DossierError('wrong_target', {
    zh: `恢复的目标文件夹“${dir}”不是空的。备份只恢复到新的（不存在或空的）文件夹，以免覆盖任何数据。`,
    en: `The folder "${dir}" to restore into is not empty. A backup is restored only into a new (missing or empty) folder, so that nothing is overwritten.`,
  });
}

export function backupMissing(file: string): DossierError {
  return new DossierError('wrong_file', {
    zh: `找不到备份文件“${file}”。`,
    en: `The backup file "${file}" does not exist.`,
  });
}

/** The package reader's refusals name the file as "not an acceptable package": keep only the reason. */
export function readerReason(e: DossierError): Localized {
  return {
    zh: e.localized.zh.replace(/^“[^”]*”不是可接受的申报包：/, ''),
    en: e.localized.en.replace(/^"[^"]*" is not an acceptable package: /, ''),
  };
}
