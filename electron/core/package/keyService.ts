// The workspace's signing key (issue 6) behind keys:* and the export: the key store of keyStore.ts in
// `<dataDir>/keys/`. The CLI and the browser mode seal the key with a passphrase; the desktop shell
// (main.ts) registers the OS keychain protector of osProtector.ts with useOsKeychain, and from then on a
// new (or imported) key is sealed by the keychain and signs without a passphrase. A backup is always
// passphrase-sealed, so that it opens on another machine.
//   The key is not in the workspace backups (docs/backup-format.md), so a restored workspace, a new computer
// or a forgotten passphrase leaves the applicant without it (issue 19, item 8): the status names the key that
// signed their last package when it is not the one here, a key that cannot be opened can be replaced (the old
// file kept aside in keys/retired/), and the refusals say the way forward (shared/package/keyAdvice.ts).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyStatus } from '../../../shared/api/contract.js';
import { joinAdvice, KEY_LOST, KEY_NOT_IN_BACKUP } from '../../../shared/package/keyAdvice.js';
import { copyFilePrivate, mkdirPrivate, PRIVATE_FILE } from '../durable.js';
import { DossierError } from '../errors.js';
import { isUnitWorkspace } from '../unit/mode.js';
import type { Workspace } from '../workspace.js';
import { listPackageRows } from './packageRepo.js';
import { SCRYPT_KIND, type KeyProtector } from './keyProtector.js';
import { createKey, exportBackup, importBackup, KEY_FILE, publicInfo, unlockKey, type SigningKey } from './keyStore.js';
import { fingerprint, formatFingerprint, publicKeyFromPem } from './sm2.js';

export const KEYS_DIR = 'keys';

export const keysDir = (dataDir: string): string => path.join(dataDir, KEYS_DIR);

/** The key's public fingerprint, or null when there is none (or its file is not readable as a key). */
export function signerFingerprintSync(dataDir: string): string | null {
  try {
    const file = JSON.parse(readFileSync(path.join(keysDir(dataDir), KEY_FILE), 'utf8')) as {
      publicKeyPem?: unknown;
      fingerprint?: unknown;
    };
    if (typeof file.publicKeyPem !== 'string' || typeof file.fingerprint !== 'string') return null;
    const actual = fingerprint(publicKeyFromPem(file.publicKeyPem, KEY_FILE));
    return actual === file.fingerprint ? actual : null;
  } catch {
    return null;
  }
}

/** As F-1 and the pledge print it: 16 groups of four upper-case hex digits (docs/package-format.md). */
export function printedSignerFingerprint(dataDir: string): string | null {
  const fp = signerFingerprintSync(dataDir);
  return fp === null ? null : formatFingerprint(fp);
}

let osKeychain: KeyProtector | null = null;

/** Called by main.ts at start when safeStorage can encrypt (null: passphrase only, as in the CLI). */
export function useOsKeychain(protector: KeyProtector | null): void {
  osKeychain = protector;
}

export const osKeychainAvailable = (): boolean => osKeychain !== null;

async function protectionKind(dataDir: string): Promise<string | null> {
  try {
    const file = JSON.parse(await readFile(path.join(keysDir(dataDir), KEY_FILE), 'utf8')) as {
      protection?: { kind?: unknown };
    };
    return typeof file.protection?.kind === 'string' ? file.protection.kind : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export async function keyStatus(w: Workspace): Promise<KeyStatus> {
  const kind = await protectionKind(w.dataDir);
  const osKeychainAvailable = osKeychain !== null;
  if (kind === null) {
    return { exists: false, fingerprint: null, protection: null, osKeychainAvailable, ...previousSigner(w, null) };
  }
  const info = await publicInfo(keysDir(w.dataDir));
  const protection = kind === SCRYPT_KIND ? 'passphrase' : 'os';
  return {
    exists: true,
    fingerprint: info.fingerprint,
    protection,
    osKeychainAvailable,
    ...previousSigner(w, info.fingerprint),
  };
}

/**
 * The key that signed this applicant's last package, when it is not the key here: their unit pins it, and
 * holds the next package until its officer has confirmed the person (unit/keyChange.ts). Not for a unit,
 * whose level-1 rows are the applicants' keys.
 */
function previousSigner(w: Workspace, current: string | null): { previousFingerprint?: string } {
  if (isUnitWorkspace(w)) return {};
  const last = listPackageRows(w.db).find((r) => r.direction === 'exported' && r.level === 1);
  return last && last.l1_signer !== current ? { previousFingerprint: last.l1_signer } : {};
}

/**
 * Sealed by the OS keychain when the shell registered it (a passphrase is then not used), else by `passphrase`.
 * `replace`: the key here cannot be used (its passphrase is forgotten); its file is kept aside in
 * keys/retired/ (should the passphrase come back, it imports as a key backup) and a new key is made.
 */
export async function createWorkspaceKey(
  w: Workspace,
  passphrase: string | undefined,
  { replace = false }: { replace?: boolean } = {},
): Promise<KeyStatus> {
  if (!osKeychain && !passphrase) {
    throw new DossierError('passphrase_needed', {
      zh: '此处没有可用的操作系统钥匙串：请为签名密钥设置一个密码。',
      en: 'No operating system keychain is available here: choose a passphrase for the signing key.',
    });
  }
  const dir = keysDir(w.dataDir);
  const old = replace ? await keyStatus(w) : null;
  if (old?.exists && old.fingerprint) {
    const retired = path.join(dir, RETIRED_DIR);
    await mkdirPrivate(retired);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await copyFilePrivate(
      path.join(dir, KEY_FILE),
      path.join(retired, `signing-key-${old.fingerprint.slice(0, 16)}-${stamp}.json`),
    );
  }
  await createKey(dir, osKeychain ?? passphrase!, { replace: old?.exists === true });
  return keyStatus(w);
}

/** Where a replaced key's file is kept (inside keys/, which no backup or package ever carries). */
export const RETIRED_DIR = 'retired';

/**
 * The key file as a backup, always passphrase-sealed so that it can be kept anywhere: a passphrase-sealed key
 * as it is (no new passphrase taken); a keychain-sealed key unlocked and resealed with `passphrase`.
 */
export async function exportKeyBackup(w: Workspace, passphrase?: string): Promise<{ fileName: string; json: string }> {
  const dir = keysDir(w.dataDir);
  const temp = path.join(dir, `backup.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    const kind = await protectionKind(w.dataDir);
    if (kind === null || kind === SCRYPT_KIND) {
      if (passphrase !== undefined) {
        throw new DossierError('backup_passphrase_unused', {
          zh: '此签名密钥已由密码保护，其备份沿用该密码，不另设备份密码。',
          en: 'This signing key is protected by a passphrase; its backup keeps that passphrase and takes no other.',
        });
      }
      await exportBackup(dir, temp);
    } else {
      if (!osKeychain) throw needsOtherUnlock();
      if (!passphrase) {
        throw new DossierError('backup_passphrase_needed', {
          zh: '签名密钥由操作系统钥匙串保护；备份需另设一个密码（至少 8 个字符），在其他电脑上导入时要用到它。',
          en: 'The signing key is protected by the operating system keychain; its backup needs a passphrase of its own (at least 8 characters), asked for when it is imported on another computer.',
        });
      }
      await exportBackup(dir, temp, { from: osKeychain, passphrase });
    }
    const json = await readFile(temp, 'utf8');
    const info = await publicInfo(dir);
    return { fileName: `签名密钥备份-${info.fingerprint.slice(0, 8).toUpperCase()}.json`, json };
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Installs a backup (checked: well formed, and the passphrase opens it); never replaces an existing key.
 * With the OS keychain registered the key is resealed by it; otherwise it stays sealed by its passphrase.
 */
export async function importKeyBackup(w: Workspace, json: string, passphrase: string): Promise<KeyStatus> {
  const dir = keysDir(w.dataDir);
  const temp = path.join(w.dataDir, `key-backup.tmp-${process.pid}-${randomBytes(6).toString('hex')}.json`);
  try {
    await writeFile(temp, json, { mode: PRIVATE_FILE });
    await importBackup(dir, temp, passphrase, osKeychain ? { protectWith: osKeychain } : {});
  } finally {
    await rm(temp, { force: true });
  }
  return keyStatus(w);
}

/** The private key, for one signature; a passphrase-sealed key needs its passphrase, a keychain-sealed one the shell's protector. */
export async function unlockWorkspaceKey(w: Workspace, passphrase: string | undefined): Promise<SigningKey> {
  const status = await keyStatus(w);
  if (!status.exists) {
    throw new DossierError(
      'no_signing_key',
      status.previousFingerprint
        ? joinAdvice(
            {
              zh: `此工作区的申报包此前由指纹为 ${formatFingerprint(status.previousFingerprint).slice(0, 19)}… 的密钥签名，但这里没有该密钥。`,
              en: `This workspace's packages were signed by the key with fingerprint ${formatFingerprint(status.previousFingerprint).slice(0, 19)}…, which is not here.`,
            },
            KEY_NOT_IN_BACKUP,
            { zh: '如有密钥备份，请导入它；', en: 'If you have a key backup, import it.' },
            KEY_LOST,
          )
        : {
            zh: '还没有签名密钥：请先创建签名密钥（或导入其备份），再导出申报包。',
            en: 'There is no signing key yet: create one (or import its backup) before exporting a package.',
          },
    );
  }
  if (status.protection === 'passphrase' && !passphrase) {
    throw new DossierError('passphrase_needed', {
      zh: '请输入签名密钥的密码。',
      en: 'Enter the passphrase of the signing key.',
    });
  }
  if (status.protection === 'passphrase') {
    try {
      return await unlockKey(keysDir(w.dataDir), passphrase!);
    } catch (e) {
      // The passphrase cannot be recovered: say at once what to do if it is really forgotten.
      if (e instanceof DossierError && e.code === 'wrong_passphrase') {
        throw new DossierError(e.code, joinAdvice(e.localized, KEY_LOST));
      }
      throw e;
    }
  }
  if (!osKeychain) throw needsOtherUnlock();
  return unlockKey(keysDir(w.dataDir), osKeychain);
}

function needsOtherUnlock(): DossierError {
  return new DossierError('key_needs_other_unlock', {
    zh: '此签名密钥由操作系统钥匙串保护，请在桌面应用中使用。',
    en: 'This signing key is protected by the operating system keychain; use it in the desktop app.',
  });
}
