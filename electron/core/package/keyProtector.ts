// How a signing key's secret is sealed at rest. The seam: keyStore.ts asks a KeyProtector to seal and open
// bytes, and records whatever JSON it returns. Here the passphrase protector (scrypt → AES-256-GCM); the
// desktop shell may add one whose `data` is Electron safeStorage's ciphertext (base64) under its own kind.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { DossierError } from '../errors.js';

const scrypt = promisify(scryptCb) as (pw: Buffer, salt: Buffer, len: number, o: ScryptOptions) => Promise<Buffer>;
const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(4096);

export const SCRYPT_KIND = 'scrypt-aes-256-gcm';
/** The most memory a key file may make scrypt take: twice SCRYPT_PARAMS' 128 MiB. */
const MAX_SCRYPT_BYTES = 2 ** 28;

export const ScryptProtection = z
  .strictObject({
    kind: z.literal(SCRYPT_KIND),
    // Bounded, so that a crafted backup cannot make the app allocate gigabytes.
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of 2'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: b64,
    iv: b64,
    ciphertext: b64,
    tag: b64,
  })
  .refine(
    // N and r are each bounded, but together they set the memory scrypt takes (128·N·r): a crafted key file
    // with N = 2^20 and r = 16 would ask for 2 GiB. Twice today's default (256 MiB) is the most a key may cost.
    (k) => 128 * k.N * k.r <= MAX_SCRYPT_BYTES,
    { message: 'N × r asks scrypt for more memory than any key of ours uses', path: ['N'] },
  );

/** Another protector's record: its kind and one opaque string. */
export const OpaqueProtection = z.strictObject({
  kind: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .refine((k) => k !== SCRYPT_KIND),
  data: b64,
});

export const Protection = z.union([ScryptProtection, OpaqueProtection]);
export type Protection = z.infer<typeof Protection>;

export interface KeyProtector {
  /** Seals `secret`; `aad` (the key file's public part) must be bound to it, so that it cannot be swapped. */
  seal(secret: Buffer, aad: Buffer): Promise<Protection>;
  /** Opens what `seal` returned, or throws a DossierError saying why (e.g. 'wrong_passphrase'); `where` names the file. */
  open(protection: Protection, aad: Buffer, where: string): Promise<Buffer>;
}

/**
 * New keys: 2^17 × 8 × 128 bytes = 128 MiB and ~0.9 s per try here, measured on a busy 2-CPU machine where
 * 2^15 took 0.26 s (3.4×): costly for a guesser, fine for one unlock per export (issue 13, item 8). The
 * parameters are stored in the key file, so keys sealed at an older N (2^15 until issue 13) still open with
 * theirs; deriveKey's maxmem follows N and r.
 */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE_LENGTH = 8;

async function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }) {
  // NFC: the same passphrase typed on macOS (decomposed) and Windows must derive the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  // scrypt needs 128·N·r bytes (plus 128·r·p); twice that leaves OpenSSL room: 256 MiB at the new default.
  return scrypt(secret, salt, 32, { N, r, p, maxmem: 256 * N * r + 2 ** 20 });
}

export function passphraseProtector(passphrase: string): KeyProtector {
  return {
    async seal(secret, aad) {
      if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
        throw new DossierError('weak_passphrase', {
          zh: `密码太短：至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符。`,
          en: `The passphrase is too short: it needs at least ${MIN_PASSPHRASE_LENGTH} characters.`,
        });
      }
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const key = await deriveKey(passphrase, salt, SCRYPT_PARAMS);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
      const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
      return {
        kind: SCRYPT_KIND,
        ...SCRYPT_PARAMS,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      };
    },
    async open(protection, aad, where) {
      const parsed = ScryptProtection.safeParse(protection);
      if (!parsed.success && protection.kind === SCRYPT_KIND) {
        throw new DossierError('key_file_invalid', {
          zh: `签名密钥“${path.basename(where)}”的保护参数无效（所需内存过大或格式不符），未尝试解锁。`,
          en: `The signing key "${path.basename(where)}" has invalid protection parameters (too much memory asked, or malformed); it was not unlocked.`,
        });
      }
      if (!parsed.success) {
        throw new DossierError('key_needs_other_unlock', {
          zh: `签名密钥“${where}”不是用密码保护的（${protection.kind}），请在桌面应用中解锁。`,
          en: `The signing key "${where}" is not protected by a passphrase (${protection.kind}); unlock it in the desktop app.`,
        });
      }
      const { salt, iv, ciphertext, tag, ...params } = parsed.data;
      const key = await deriveKey(passphrase, Buffer.from(salt, 'base64'), params);
      try {
        // The tag length is pinned: Node would otherwise accept a forged 4-byte tag.
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: 16 });
        decipher.setAAD(aad);
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
      } catch {
        throw new DossierError('wrong_passphrase', {
          zh: `密码不正确，无法解锁签名密钥（${path.basename(where)}；或该文件已被改动）。`,
          en: `Wrong passphrase: the signing key (${path.basename(where)}) could not be unlocked (or the file was altered).`,
        });
      }
    },
  };
}
