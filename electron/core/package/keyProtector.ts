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

export const ScryptProtection = z.strictObject({
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
});

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

/** 2^15 × 8 × 128 bytes = 32 MiB and ~0.1 s per try here: costly for a guesser, fine for one unlock. */
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 };
export const MIN_PASSPHRASE_LENGTH = 8;

async function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }) {
  // NFC: the same passphrase typed on macOS (decomposed) and Windows must derive the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
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
      const key = await deriveKey(passphrase, salt, DEFAULT);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
      const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
      return {
        kind: SCRYPT_KIND,
        ...DEFAULT,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      };
    },
    async open(protection, aad, where) {
      const parsed = ScryptProtection.safeParse(protection);
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
