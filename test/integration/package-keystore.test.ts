// The signing key at rest: passphrase-sealed, 0600, atomic; wrong passphrase refused; backups round-trip;
// a tampered file refused; and the protector seam works for another kind (as safeStorage will).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../electron/core/errors.js';
import { SCRYPT_PARAMS, type KeyProtector } from '../../electron/core/package/keyProtector.js';
import {
  createKey,
  exportBackup,
  importBackup,
  KEY_FILE,
  publicInfo,
  unlockKey,
} from '../../electron/core/package/keyStore.js';
import { sign, verify } from '../../electron/core/package/sm2.js';
import { tempDir } from '../helpers/workspace.js';

const PASS = '正确的口令 correct horse';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DossierError);
    return (e as DossierError).code;
  }
  throw new Error('expected a refusal');
}

/** A stand-in for a safeStorage protector: XOR with a fixed pad, kind 'test-pad'. */
const padProtector: KeyProtector = {
  async seal(secret) {
    return { kind: 'test-pad', data: Buffer.from(secret.map((b) => b ^ 0x5a)).toString('base64') };
  },
  async open(protection) {
    if (!('data' in protection)) throw new Error('not mine');
    return Buffer.from(Buffer.from(protection.data, 'base64').map((b) => b ^ 0x5a));
  },
};

/**
 * A key file as the releases before issue 13 wrote it (scrypt N = 2^15), made by that code with OLD_PASS:
 * its stored parameters must still open it after the default went up.
 */
const OLD_PASS = 'old passphrase 2^15';
const OLD_KEY_FILE = {
  format: 'dossier.signing-key',
  version: 1,
  algorithm: 'SM2',
  publicKeyPem:
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAExzyslXJJ/q3CeqY81FsnZhIwqkqb\ngdtGQExuro3K8NFXr6PkjWMDAf7ndEndKv7Sw6Ev6lfTiaX8e5nwhLFeeg==\n-----END PUBLIC KEY-----\n',
  fingerprint: '1178c76c3f6fa52b3bfcdb0a5096f446968c289f3e47097f93d1d5ca17614552',
  protection: {
    kind: 'scrypt-aes-256-gcm',
    N: 32768,
    r: 8,
    p: 1,
    salt: '3F9vDxeMQ5JAYYYGlCH9JA==',
    iv: 'DdcNavRV3ybkk5Jp',
    ciphertext: 'obij30GE3qMDliWJyG55IHtdPh8UyV0vlBVBcT5JX2I=',
    tag: '0uaGieKFsg8iMkbW1MImfg==',
  },
};

describe('key store', () => {
  it('creates a key (0600, no temp left), shows its public part without a passphrase, unlocks it to sign', async () => {
    const dir = path.join(tempDir(), 'keys');
    const info = await createKey(dir, PASS);
    expect(readdirSync(dir)).toEqual([KEY_FILE]);
    if (process.platform !== 'win32') expect(statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(await publicInfo(dir)).toEqual(info);
    const text = readFileSync(path.join(dir, KEY_FILE), 'utf8');
    const key = await unlockKey(dir, PASS);
    expect(text).not.toContain(key.privateKeyHex);
    expect(key.fingerprint).toBe(info.fingerprint);
    const m = Buffer.from('x');
    expect(verify(m, sign(m, key), info.publicKeyHex)).toBe(true);
    expect(await codeOf(createKey(dir, PASS))).toBe('key_exists');
  });

  it('seals new keys with scrypt N >= 2^17 (stored in the file) and still opens a key sealed at the old N', async () => {
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    const dir = tempDir();
    await createKey(dir, PASS);
    const protection = JSON.parse(readFileSync(path.join(dir, KEY_FILE), 'utf8')).protection;
    expect(protection).toMatchObject({ kind: 'scrypt-aes-256-gcm', N: SCRYPT_PARAMS.N, r: 8, p: 1 });
    const started = performance.now();
    await unlockKey(dir, PASS);
    // One derivation at the new N, said in the log: the cost every export's unlock pays.
    console.log(`scrypt N=2^${Math.log2(SCRYPT_PARAMS.N)}: unlock took ${Math.round(performance.now() - started)} ms`);

    const old = tempDir();
    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, KEY_FILE), `${JSON.stringify(OLD_KEY_FILE, null, 2)}\n`);
    expect(OLD_KEY_FILE.protection.N).toBe(2 ** 15);
    const key = await unlockKey(old, OLD_PASS);
    expect(key.fingerprint).toBe(OLD_KEY_FILE.fingerprint);
    const m = Buffer.from('signed with an older key');
    expect(verify(m, sign(m, key), (await publicInfo(old)).publicKeyHex)).toBe(true);
    expect(await codeOf(unlockKey(old, PASS))).toBe('wrong_passphrase');
  });

  it('refuses a wrong passphrase, a short one, a missing key and a tampered file', async () => {
    const dir = tempDir();
    expect(await codeOf(unlockKey(dir, PASS))).toBe('no_signing_key');
    expect(await codeOf(createKey(dir, 'short'))).toBe('weak_passphrase');
    await createKey(dir, PASS);
    const wrong = await unlockKey(dir, 'not the passphrase').catch((e: DossierError) => e);
    expect(wrong).toBeInstanceOf(DossierError);
    expect((wrong as DossierError).code).toBe('wrong_passphrase');
    expect((wrong as DossierError).localized.zh).toContain('密码不正确');
    // Another key's public part swapped in: the fingerprint check or the GCM tag (bound to it) refuses.
    const other = tempDir();
    await createKey(other, PASS);
    const file = JSON.parse(readFileSync(path.join(dir, KEY_FILE), 'utf8'));
    const otherFile = JSON.parse(readFileSync(path.join(other, KEY_FILE), 'utf8'));
    writeFileSync(
      path.join(dir, KEY_FILE),
      JSON.stringify({ ...file, publicKeyPem: otherFile.publicKeyPem, fingerprint: otherFile.fingerprint }),
    );
    expect(await codeOf(unlockKey(dir, PASS))).toBe('wrong_passphrase');
    writeFileSync(
      path.join(dir, KEY_FILE),
      JSON.stringify({ ...file, protection: { ...file.protection, N: 2 ** 30 } }),
    );
    expect(await codeOf(unlockKey(dir, PASS))).toBe('bad_key_file');
  });

  it('exports and imports a backup (the same encrypted JSON), checking the passphrase on import', async () => {
    const dir = tempDir();
    const info = await createKey(dir, PASS);
    const backup = path.join(tempDir(), 'backup.json');
    await exportBackup(dir, backup);
    expect(readFileSync(backup, 'utf8')).toBe(readFileSync(path.join(dir, KEY_FILE), 'utf8'));
    const restored = tempDir();
    expect(await codeOf(importBackup(restored, backup, 'wrong passphrase'))).toBe('wrong_passphrase');
    expect(readdirSync(restored)).toEqual([]);
    expect((await importBackup(restored, backup, PASS)).fingerprint).toBe(info.fingerprint);
    expect((await unlockKey(restored, PASS)).privateKeyHex).toBe((await unlockKey(dir, PASS)).privateKeyHex);
    writeFileSync(backup, '{"format":"dossier.signing-key"}');
    expect(await codeOf(importBackup(tempDir(), backup, PASS))).toBe('bad_key_file');
  });

  it('takes another protector (the safeStorage seam), and reseals with a passphrase for a backup', async () => {
    const dir = tempDir();
    const info = await createKey(dir, padProtector);
    expect(JSON.parse(readFileSync(path.join(dir, KEY_FILE), 'utf8')).protection.kind).toBe('test-pad');
    expect((await unlockKey(dir, padProtector)).fingerprint).toBe(info.fingerprint);
    expect(await codeOf(unlockKey(dir, PASS))).toBe('key_needs_other_unlock');
    const backup = path.join(tempDir(), 'backup.json');
    await exportBackup(dir, backup, { from: padProtector, passphrase: PASS });
    const restored = tempDir();
    await importBackup(restored, backup, PASS, { protectWith: padProtector });
    expect((await unlockKey(restored, padProtector)).fingerprint).toBe(info.fingerprint);
  });
});
