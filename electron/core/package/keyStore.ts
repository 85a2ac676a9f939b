// The applicant's (or reviewer's) SM2 signing key, protected at rest in `<dir>/signing-key.json` (mode
// 0600, written atomically). The public part is readable without a secret (F-1 and the pledge print its
// fingerprint); the private key is sealed by a KeyProtector: here a passphrase (scrypt → AES-256-GCM, for
// the CLI and browser mode); the desktop shell can plug in one built on Electron's safeStorage (no
// electron import here: only main.ts, ipc.ts and preload.cts may). A backup is the same JSON, always
// passphrase-sealed so that it opens on another machine.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { mkdirPrivate, PRIVATE_FILE } from '../durable.js';
import { DossierError } from '../errors.js';
import { canonicalBytes } from './canonicalJson.js';
import { syncDir, writeAll } from './fsUtil.js';
import { passphraseProtector, Protection, type KeyProtector } from './keyProtector.js';
import { fingerprint, generateKeyPair, publicKeyFromPem, publicKeyOf, publicKeyToPem, type Sm2KeyPair } from './sm2.js';

export const KEY_FILE = 'signing-key.json';

const KeyFile = z.strictObject({
  format: z.literal('dossier.signing-key'),
  version: z.literal(1),
  algorithm: z.literal('SM2'),
  publicKeyPem: z.string().max(1000),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  protection: Protection,
});
type KeyFile = z.infer<typeof KeyFile>;

export interface PublicKeyInfo {
  publicKeyPem: string;
  publicKeyHex: string;
  /** SHA-256 of the SPKI DER, lower-case hex (format it with formatFingerprint). */
  fingerprint: string;
}

export type SigningKey = Sm2KeyPair & PublicKeyInfo;

/** A passphrase, or a protector the shell supplies. */
export type Unlock = string | KeyProtector;
const protectorOf = (u: Unlock): KeyProtector => (typeof u === 'string' ? passphraseProtector(u) : u);

/** Everything but the sealed secret is authenticated with it (GCM's additional data): no key swap. */
function aad(file: Omit<KeyFile, 'protection'>): Buffer {
  const { format, version, algorithm, publicKeyPem, fingerprint: fp } = file;
  return canonicalBytes({ format, version, algorithm, publicKeyPem, fingerprint: fp });
}

async function seal(pair: Sm2KeyPair, protector: KeyProtector): Promise<KeyFile> {
  const publicKeyPem = publicKeyToPem(pair.publicKeyHex);
  const head = {
    format: 'dossier.signing-key',
    version: 1,
    algorithm: 'SM2',
    publicKeyPem,
    fingerprint: fingerprint(pair.publicKeyHex),
  } as const;
  const protection = await protector.seal(Buffer.from(pair.privateKeyHex, 'hex'), aad(head));
  return { ...head, protection };
}

/** Creates a key; refuses to replace an existing one unless asked (the old key's signatures stay valid). */
export async function createKey(dir: string, unlock: Unlock, { replace = false } = {}): Promise<PublicKeyInfo> {
  if (!replace) await refuseExisting(dir);
  const file = await seal(generateKeyPair(), protectorOf(unlock));
  await writeKeyFile(path.join(dir, KEY_FILE), file);
  return info(file, path.join(dir, KEY_FILE));
}

export async function publicInfo(dir: string): Promise<PublicKeyInfo> {
  const file = path.join(dir, KEY_FILE);
  return info(await readKeyFile(file), file);
}

export async function unlockKey(dir: string, unlock: Unlock): Promise<SigningKey> {
  const file = path.join(dir, KEY_FILE);
  return openKeyFile(await readKeyFile(file), file, protectorOf(unlock));
}

/** Writes a passphrase-sealed backup; a key sealed otherwise (safeStorage) is unlocked with `from` and resealed. */
export async function exportBackup(
  dir: string,
  outFile: string,
  options: { from?: KeyProtector; passphrase?: string } = {},
): Promise<void> {
  const src = path.join(dir, KEY_FILE);
  const file = await readKeyFile(src);
  if (file.protection.kind === 'scrypt-aes-256-gcm' && !options.passphrase) return writeKeyFile(outFile, file);
  if (!options.from || !options.passphrase)
    throw new Error('exportBackup: a key not sealed by a passphrase needs `from` and `passphrase`');
  const key = await openKeyFile(file, src, options.from);
  await writeKeyFile(outFile, await seal(key, passphraseProtector(options.passphrase)));
}

/** Installs a backup after checking that it is well formed and that `passphrase` opens it. */
export async function importBackup(
  dir: string,
  backupFile: string,
  passphrase: string,
  { replace = false, protectWith }: { replace?: boolean; protectWith?: KeyProtector } = {},
): Promise<PublicKeyInfo> {
  const file = await readKeyFile(backupFile);
  const key = await openKeyFile(file, backupFile, passphraseProtector(passphrase));
  if (!replace) await refuseExisting(dir);
  const stored = protectWith ? await seal(key, protectWith) : file;
  await writeKeyFile(path.join(dir, KEY_FILE), stored);
  return info(stored, backupFile);
}

async function openKeyFile(file: KeyFile, where: string, protector: KeyProtector): Promise<SigningKey> {
  const secret = await protector.open(file.protection, aad(file), where);
  const privateKeyHex = secret.toString('hex');
  secret.fill(0);
  const pub = info(file, where);
  if (privateKeyHex.length !== 64 || publicKeyOf(privateKeyHex) !== pub.publicKeyHex)
    throw badFile(where, 'the private key does not match the public key');
  return { ...pub, privateKeyHex };
}

function info(file: KeyFile, where: string): PublicKeyInfo {
  const publicKeyHex = publicKeyFromPem(file.publicKeyPem, where);
  if (fingerprint(publicKeyHex) !== file.fingerprint)
    throw badFile(where, 'the fingerprint does not match the public key');
  return { publicKeyPem: file.publicKeyPem, publicKeyHex, fingerprint: file.fingerprint };
}

async function readKeyFile(file: string): Promise<KeyFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new DossierError('no_signing_key', {
      zh: `找不到签名密钥文件“${file}”。请先创建签名密钥（dossier keygen），或导入备份。`,
      en: `There is no signing key file "${file}". Create a signing key first (dossier keygen), or import a backup.`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badFile(file, 'it is not JSON');
  }
  const parsed = KeyFile.safeParse(json);
  if (!parsed.success)
    throw badFile(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Temp file (0600) beside the target, fsync, rename, fsync of the folder. */
async function writeKeyFile(target: string, file: KeyFile): Promise<void> {
  await mkdirPrivate(path.dirname(target));
  const temp = `${target}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  const fh = await open(temp, 'wx', PRIVATE_FILE);
  try {
    await writeAll(fh, Buffer.from(`${JSON.stringify(file, null, 2)}\n`), 0);
    await fh.sync();
    await fh.close();
    await rename(temp, target);
    await syncDir(path.dirname(target));
  } catch (e) {
    await fh.close().catch(() => {});
    await rm(temp, { force: true });
    throw e;
  }
}

async function refuseExisting(dir: string): Promise<void> {
  const file = path.join(dir, KEY_FILE);
  if (!(await stat(file).catch(() => null))) return;
  throw new DossierError('key_exists', {
    zh: `签名密钥“${file}”已存在，未覆盖：用旧密钥签过的申报包仍以它为准。如确需更换，请先备份旧密钥。`,
    en: `The signing key "${file}" already exists and was not replaced: packages signed with it still rely on it. Back it up first if you really mean to replace it.`,
  });
}

function badFile(file: string, reason: string): DossierError {
  return new DossierError('bad_key_file', {
    zh: `签名密钥文件“${file}”无效（${reason}）。`,
    en: `The signing key file "${file}" is not valid (${reason}).`,
  });
}
