// Which unit key an applicant's workspace trusts for level 2 (issue 13, item 7). A level 2 signed by any key
// verifies on its own — a forged 退回 or countersignature included — so the applicant confirms the unit's key
// once, against the fingerprint printed on the unit's opinion page (单位审核推荐意见表), and a level 2 by
// another key is refused from then on unless they confirm that one too, seeing both fingerprints. Kept in
// the workspace's setting table: one unit per applicant, no table of its own.
// The rule itself (checkPinnedKey) is shared with the reviewing desk (issue 17), which pins one key per unit.
import type { Localized } from '../../../shared/api/contract.js';
import { getSetting, setSetting } from '../archiveRepo.js';
import type { Db } from '../db.js';
import { DossierError } from '../errors.js';
import { formatFingerprint } from './sm2.js';

const KEY = 'trustedUnitKey';

export const trustedUnitKey = (db: Db): string | null => getSetting(db, KEY) ?? null;

export const setTrustedUnitKey = (db: Db, fingerprint: string): void => setSetting(db, KEY, fingerprint);

const HOW: Localized = {
  zh: '请与单位审核推荐意见表上印的单位密钥指纹逐组核对，一致后在“校验导入”中确认导入（命令行：dossier import 文件 --expect-unit 指纹）。',
  en: "Compare it group by group with the unit key fingerprint printed on the unit's opinion page, then confirm the import on Verify & import (command line: dossier import FILE --expect-unit HEX).",
};

/**
 * Whether level 2's signer may be taken: the trusted key, or the one the user confirmed for this import
 * (`confirmed`, compared with the paper). Returns the key to trust from now on, or null when nothing changes.
 */
export function checkUnitKey(db: Db, signer: string, confirmed: string | undefined): string | null {
  return checkPinnedKey({ trusted: trustedUnitKey(db), signer, confirmed, firstUse: 'ask', how: HOW });
}

/**
 * The one rule for a unit key pinned by its receiver — the applicant (one unit, `firstUse: 'ask'`) or the
 * reviewing desk (issue 17: one pin per unit, taken from the unit's first batch, `firstUse: 'pin'`): the
 * trusted key passes; another is refused naming both fingerprints unless the user confirmed that very one.
 * Returns the key to trust from now on, or null when nothing changes.
 */
export function checkPinnedKey(input: {
  trusted: string | null;
  signer: string;
  confirmed: string | undefined;
  firstUse: 'ask' | 'pin';
  how: Localized;
}): string | null {
  const { trusted, signer, confirmed, how } = input;
  if (confirmed !== undefined && confirmed !== signer) {
    throw new DossierError('unit_key_unexpected', {
      zh: `第 2 级（单位）的签名密钥指纹是 ${formatFingerprint(signer)}，不是所确认的 ${formatFingerprint(confirmed)}：此级可能不是单位所签。未导入任何内容。`,
      en: `The level 2 (unit) signer's fingerprint is ${formatFingerprint(signer)}, not the confirmed ${formatFingerprint(confirmed)}: the unit may not have signed this level. Nothing was imported.`,
    });
  }
  if (trusted === signer) return null;
  if (confirmed === signer) return signer;
  if (trusted === null) {
    if (input.firstUse === 'pin') return signer;
    throw new DossierError('unit_key_unconfirmed', {
      zh: `此申报包带有单位的第 2 级签名，其密钥指纹为 ${formatFingerprint(signer)}；本工作区尚未确认过单位的密钥，未导入任何内容。${how.zh}`,
      en: `This package carries the unit's level 2, signed by the key with fingerprint ${formatFingerprint(signer)}; this workspace has not confirmed the unit's key yet, and nothing was imported. ${how.en}`,
    });
  }
  throw new DossierError('unit_key_changed', {
    zh: `第 2 级（单位）的签名密钥指纹是 ${formatFingerprint(signer)}，而此前确认的单位密钥是 ${formatFingerprint(trusted)}：此级可能不是单位所签（例如被他人改动后重新签名），未导入任何内容。请向单位核实；如单位确已更换密钥，${how.zh}`,
    en: `The level 2 (unit) signer's fingerprint is ${formatFingerprint(signer)}, but the unit key confirmed before is ${formatFingerprint(trusted)}: the unit may not have signed this level (it may have been altered and re-signed); nothing was imported. Ask the unit; if it really changed its key: ${how.en}`,
  });
}
