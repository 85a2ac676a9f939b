// A key file's scrypt parameters are bounded together, not only one by one (issue 13, item 8): a crafted
// file must not make the app allocate gigabytes before the passphrase is even checked.
import { describe, expect, it } from 'vitest';
import {
  SCRYPT_KIND,
  SCRYPT_PARAMS,
  ScryptProtection,
  passphraseProtector,
} from '../../electron/core/package/keyProtector.js';

const sealed = { kind: SCRYPT_KIND as typeof SCRYPT_KIND, salt: 'AAAA', iv: 'AAAA', ciphertext: 'AAAA', tag: 'AAAA' };

describe('scrypt parameters in a key file', () => {
  it('accepts today’s and up to twice their memory', () => {
    expect(ScryptProtection.safeParse({ ...sealed, ...SCRYPT_PARAMS }).success).toBe(true);
    expect(ScryptProtection.safeParse({ ...sealed, N: 2 ** 18, r: 8, p: 1 }).success).toBe(true);
    expect(ScryptProtection.safeParse({ ...sealed, N: 2 ** 15, r: 8, p: 1 }).success).toBe(true); // older keys
  });

  it('refuses N and r that are each allowed but together ask for gigabytes', async () => {
    const crafted = { ...sealed, N: 2 ** 20, r: 16, p: 1 };
    expect(ScryptProtection.safeParse(crafted).success).toBe(false);
    await expect(
      passphraseProtector('correct horse').open(crafted, Buffer.from('aad'), '/keys/applicant.key'),
    ).rejects.toMatchObject({ code: 'key_file_invalid' });
  });
});
