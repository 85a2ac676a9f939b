// The desktop app's KeyProtector (issue 6): the signing key's secret sealed by the OS keychain through
// Electron's safeStorage (DPAPI, Keychain, libsecret/kwallet). No electron import here: main.ts passes
// `safeStorage` in and registers the result with keyService.useOsKeychain. safeStorage takes no additional
// data, so the key file's public part is bound by its SHA-256 inside the sealed text.
import { createHash, timingSafeEqual } from 'node:crypto';
import { DossierError } from '../errors.js';
import { OpaqueProtection, type KeyProtector } from './keyProtector.js';

export const OS_KEYCHAIN_KIND = 'os-keychain';

/** What main.ts hands over: Electron's safeStorage, or a double of it in the tests. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const PREFIX = 'dossier-key-v1';
const aadHash = (aad: Buffer) => createHash('sha256').update(aad).digest('hex');

export function osKeychainProtector(safe: SafeStorageLike): KeyProtector {
  const unavailable = () =>
    new DossierError('os_keychain_unavailable', {
      zh: '操作系统钥匙串当前不可用，无法使用由它保护的签名密钥。',
      en: 'The operating system keychain is not available, so the signing key it protects cannot be used.',
    });
  return {
    async seal(secret, aad) {
      if (!safe.isEncryptionAvailable()) throw unavailable();
      const sealed = safe.encryptString(`${PREFIX}:${aadHash(aad)}:${secret.toString('hex')}`);
      return { kind: OS_KEYCHAIN_KIND, data: sealed.toString('base64') };
    },
    async open(protection, aad, where) {
      const parsed = OpaqueProtection.safeParse(protection);
      if (!parsed.success || parsed.data.kind !== OS_KEYCHAIN_KIND) {
        throw new DossierError('key_needs_other_unlock', {
          zh: `签名密钥“${where}”不是由操作系统钥匙串保护的（${protection.kind}）。`,
          en: `The signing key "${where}" is not protected by the operating system keychain (${protection.kind}).`,
        });
      }
      if (!safe.isEncryptionAvailable()) throw unavailable();
      let text: string;
      try {
        text = safe.decryptString(Buffer.from(parsed.data.data, 'base64'));
      } catch {
        throw new DossierError('os_keychain_refused', {
          zh: `本机当前用户的操作系统钥匙串无法解开签名密钥“${where}”：它可能是在另一台电脑或另一个用户账户下创建的。请导入该密钥的备份（需其备份密码）。`,
          en: `The operating system keychain of this user cannot unlock the signing key "${where}": it was probably created on another computer or user account. Import the key's backup (with its backup passphrase) instead.`,
        });
      }
      const [prefix, hash, hex] = text.split(':');
      const expected = Buffer.from(aadHash(aad), 'hex');
      const actual = Buffer.from(hash ?? '', 'hex');
      if (
        prefix !== PREFIX ||
        actual.length !== expected.length ||
        !timingSafeEqual(actual, expected) ||
        !/^[0-9a-f]{64}$/.test(hex ?? '')
      ) {
        throw new DossierError('bad_key_file', {
          zh: `签名密钥文件“${where}”无效（钥匙串中的内容与其公钥不符，或文件已被改动）。`,
          en: `The signing key file "${where}" is not valid (the keychain's content does not match its public key, or the file was altered).`,
        });
      }
      return Buffer.from(hex!, 'hex');
    },
  };
}
