// The workspace's signing key (issue 6) behind keys:* and the export: the key store of keyStore.ts in
// `<dataDir>/keys/`. Every mode seals the key with a passphrase for now; the KeyProtector seam
// (keyProtector.ts) is where the desktop shell can plug in Electron's safeStorage.
// TODO(issue 6): a safeStorage protector registered by main.ts (it needs the Electron runtime, absent here),
// so that the desktop app can export without asking for the passphrase each time.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyStatus } from '../../../shared/api/contract.js';
import { DossierError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { SCRYPT_KIND } from './keyProtector.js';
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
  if (kind === null) return { exists: false, fingerprint: null, protection: null };
  const info = await publicInfo(keysDir(w.dataDir));
  return { exists: true, fingerprint: info.fingerprint, protection: kind === SCRYPT_KIND ? 'passphrase' : 'os' };
}

export async function createWorkspaceKey(w: Workspace, passphrase: string): Promise<KeyStatus> {
  await createKey(keysDir(w.dataDir), passphrase);
  return keyStatus(w);
}

/** The key file as a backup: still sealed by its passphrase, so it can be kept anywhere. */
export async function exportKeyBackup(w: Workspace): Promise<{ fileName: string; json: string }> {
  const dir = keysDir(w.dataDir);
  const temp = path.join(dir, `backup.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    const kind = await protectionKind(w.dataDir);
    if (kind !== null && kind !== SCRYPT_KIND) throw needsOtherUnlock();
    await exportBackup(dir, temp);
    const json = await readFile(temp, 'utf8');
    const info = await publicInfo(dir);
    return { fileName: `签名密钥备份-${info.fingerprint.slice(0, 8).toUpperCase()}.json`, json };
  } finally {
    await rm(temp, { force: true });
  }
}

/** Installs a backup (checked: well formed, and the passphrase opens it); never replaces an existing key. */
export async function importKeyBackup(w: Workspace, json: string, passphrase: string): Promise<KeyStatus> {
  const dir = keysDir(w.dataDir);
  const temp = path.join(w.dataDir, `key-backup.tmp-${process.pid}-${randomBytes(6).toString('hex')}.json`);
  try {
    await writeFile(temp, json, { mode: 0o600 });
    await importBackup(dir, temp, passphrase);
  } finally {
    await rm(temp, { force: true });
  }
  return keyStatus(w);
}

/** The private key, for one signature; a passphrase-sealed key needs its passphrase. */
export async function unlockWorkspaceKey(w: Workspace, passphrase: string | undefined): Promise<SigningKey> {
  const status = await keyStatus(w);
  if (!status.exists) {
    throw new DossierError('no_signing_key', {
      zh: '还没有签名密钥：请先创建签名密钥（或导入其备份），再导出材料包。',
      en: 'There is no signing key yet: create one (or import its backup) before exporting a package.',
    });
  }
  if (status.protection === 'passphrase' && !passphrase) {
    throw new DossierError('passphrase_needed', {
      zh: '请输入签名密钥的口令。',
      en: 'Enter the passphrase of the signing key.',
    });
  }
  if (status.protection !== 'passphrase') throw needsOtherUnlock();
  return unlockKey(keysDir(w.dataDir), passphrase!);
}

function needsOtherUnlock(): DossierError {
  return new DossierError('key_needs_other_unlock', {
    zh: '此签名密钥由操作系统钥匙串保护，请在桌面应用中使用。',
    en: 'This signing key is protected by the operating system keychain; use it in the desktop app.',
  });
}
