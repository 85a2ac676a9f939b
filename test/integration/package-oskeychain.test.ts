// The desktop app's OS keychain for the signing key (issue 6), with a double of Electron's safeStorage: a key
// created while the keychain is registered is sealed by it, signs without a passphrase, backs up only with a
// passphrase of its own (the backup opens anywhere), and another user's keychain refuses it clearly.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatcher.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { startExport } from '../../electron/core/package/exportService.js';
import { keysDir, unlockWorkspaceKey, useOsKeychain } from '../../electron/core/package/keyService.js';
import {
  OS_KEYCHAIN_KIND,
  osKeychainProtector,
  type SafeStorageLike,
} from '../../electron/core/package/osProtector.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { justifyAll, PASSPHRASE, readyWorkspace, TODAY, workspaceIn } from '../helpers/exportFixtures.js';

/** XOR with a per-user byte behind a prefix: enough to tell one user's keychain from another's. */
function fakeSafeStorage(user = 0x5a, available = true): SafeStorageLike {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ user));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.concat([Buffer.from(`v10${String.fromCharCode(user)}`), xor(Buffer.from(s, 'utf8'))]),
    decryptString(b) {
      if (b.subarray(0, 4).toString('latin1') !== `v10${String.fromCharCode(user)}`) {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
      return xor(b.subarray(4)).toString('utf8');
    },
  };
}

const keyFile = (dataDir: string) =>
  JSON.parse(readFileSync(path.join(keysDir(dataDir), 'signing-key.json'), 'utf8')) as {
    protection: { kind: string; data?: string };
  };

afterEach(() => useOsKeychain(null));

describe('a signing key sealed by the OS keychain', () => {
  it('is created without a passphrase, signs without one, and backs up with a passphrase of its own', async () => {
    useOsKeychain(osKeychainProtector(fakeSafeStorage()));
    const { w, applicantId } = await readyWorkspace({ withKey: false });
    expect(await dispatch(w, 'keys:status', {})).toEqual({
      ok: true,
      value: { exists: false, fingerprint: null, protection: null, osKeychainAvailable: true },
    });
    const created = await dispatch(w, 'keys:create', {});
    expect(created).toMatchObject({ ok: true, value: { exists: true, protection: 'os', osKeychainAvailable: true } });
    const fingerprint = (created as { value: { fingerprint: string } }).value.fingerprint;
    expect(keyFile(w.dataDir).protection.kind).toBe(OS_KEYCHAIN_KIND);
    expect(JSON.stringify(keyFile(w.dataDir))).not.toContain((await unlockWorkspaceKey(w, undefined)).privateKeyHex);

    // The export signs with it, no passphrase asked.
    const { jobId } = await startExport(w, {
      applicantId,
      justifications: justifyAll(w, applicantId),
      today: TODAY,
    });
    const job = await waitForJob(jobId);
    expect(job.state, job.error?.message.en).toBe('done');
    const report = await verifyPackage(path.join(w.dataDir, 'packages', job.package!.fileName), {
      expectFingerprints: { 1: fingerprint },
    });
    expect(report).toMatchObject({ ok: true });

    // The backup needs a passphrase, and is sealed by it (not by the keychain).
    expect(await dispatch(w, 'keys:exportBackup', {})).toMatchObject({
      ok: false,
      error: { code: 'backup_passphrase_needed', message: { zh: expect.stringMatching(/密码/) } },
    });
    const backup = await dispatch(w, 'keys:exportBackup', { passphrase: PASSPHRASE });
    expect(backup).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.json$/) } });
    const json = (backup as { value: { json: string } }).value.json;
    expect(JSON.parse(json)).toMatchObject({ fingerprint, protection: { kind: 'scrypt-aes-256-gcm' } });

    // Another computer, passphrase only (the CLI, the browser mode): the backup opens with its passphrase.
    useOsKeychain(null);
    const plain = workspaceIn();
    expect(await dispatch(plain, 'keys:importBackup', { json, passphrase: 'wrong passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect(await dispatch(plain, 'keys:importBackup', { json, passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: { exists: true, fingerprint, protection: 'passphrase', osKeychainAvailable: false },
    });

    // Another desktop: imported and resealed by that machine's keychain.
    useOsKeychain(osKeychainProtector(fakeSafeStorage(0x33)));
    const desktop = workspaceIn();
    expect(await dispatch(desktop, 'keys:importBackup', { json, passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: { exists: true, fingerprint, protection: 'os', osKeychainAvailable: true },
    });
    expect(keyFile(desktop.dataDir).protection.kind).toBe(OS_KEYCHAIN_KIND);
    expect((await unlockWorkspaceKey(desktop, undefined)).fingerprint).toBe(fingerprint);
  });

  it('is refused clearly by another user’s keychain, and where no keychain is registered', async () => {
    useOsKeychain(osKeychainProtector(fakeSafeStorage()));
    const w = workspaceIn();
    await dispatch(w, 'keys:create', {});

    useOsKeychain(osKeychainProtector(fakeSafeStorage(0x21)));
    await expect(unlockWorkspaceKey(w, undefined)).rejects.toMatchObject({
      code: 'os_keychain_refused',
      localized: { zh: expect.stringMatching(/另一台电脑或另一个用户/), en: expect.stringMatching(/another computer/) },
    });
    expect(await dispatch(w, 'keys:exportBackup', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'os_keychain_refused' },
    });

    useOsKeychain(osKeychainProtector(fakeSafeStorage(0x5a, false)));
    await expect(unlockWorkspaceKey(w, undefined)).rejects.toMatchObject({ code: 'os_keychain_unavailable' });

    useOsKeychain(null);
    await expect(unlockWorkspaceKey(w, PASSPHRASE)).rejects.toMatchObject({ code: 'key_needs_other_unlock' });
    expect(await dispatch(w, 'keys:status', {})).toMatchObject({
      ok: true,
      value: { protection: 'os', osKeychainAvailable: false },
    });
  });

  it('binds the key file’s public part: a swapped sealed secret is refused', async () => {
    useOsKeychain(osKeychainProtector(fakeSafeStorage()));
    const a = workspaceIn();
    const b = workspaceIn();
    await dispatch(a, 'keys:create', {});
    await dispatch(b, 'keys:create', {});
    const file = path.join(keysDir(a.dataDir), 'signing-key.json');
    const swapped = { ...JSON.parse(readFileSync(file, 'utf8')), protection: keyFile(b.dataDir).protection };
    writeFileSync(file, JSON.stringify(swapped));
    await expect(unlockWorkspaceKey(a, undefined)).rejects.toMatchObject({ code: 'bad_key_file' });
  });

  it('without a keychain, keys:create needs a passphrase and a passphrase-sealed backup takes none', async () => {
    const w = workspaceIn();
    expect(await dispatch(w, 'keys:create', {})).toMatchObject({
      ok: false,
      error: { code: 'passphrase_needed', message: { en: expect.stringMatching(/choose a passphrase/) } },
    });
    expect(await dispatch(w, 'keys:create', { passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { protection: 'passphrase', osKeychainAvailable: false },
    });
    expect(await dispatch(w, 'keys:exportBackup', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'backup_passphrase_unused' },
    });
    expect(await dispatch(w, 'keys:exportBackup', {})).toMatchObject({ ok: true });
  });
});
