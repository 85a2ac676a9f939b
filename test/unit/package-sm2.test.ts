// SM2/SM3 signatures checked against an independent implementation (OpenSSL 3) in both directions, the
// SPKI PEM form, the fingerprint, and canonical JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, isCanonical } from '../../electron/core/package/canonicalJson.js';
import { sm3 } from '../../electron/core/package/sm3.js';
import {
  fingerprint,
  formatFingerprint,
  generateKeyPair,
  publicKeyFromPem,
  publicKeyToPem,
  sign,
  verify,
} from '../../electron/core/package/sm2.js';
import { skipForMissingTool } from '../helpers/tools.js';
import { tempDir } from '../helpers/workspace.js';

const hasSm3 = spawnSync('openssl', ['dgst', '-sm3'], { input: '' }).status === 0;
const opensslVerify = (pub: string, sig: string, file: string) =>
  spawnSync('openssl', ['dgst', '-sm3', '-verify', pub, '-sigopt', 'distid:1234567812345678', '-signature', sig, file]);

describe.skipIf(skipForMissingTool(hasSm3, 'openssl without SM3: the SM2 interoperability test'))(
  'SM2 with SM3 against OpenSSL',
  () => {
    it('OpenSSL verifies our signatures over bytes (many keys, so both DER integer paddings occur)', () => {
      const dir = tempDir();
      const message = Buffer.from('{"format":"dossier.package","name":"张三 𠮷"}\n\u0000\xff', 'utf8');
      writeFileSync(path.join(dir, 'm'), message);
      // A manifest of 20,000 files is a few megabytes: signed and verified in a blink, and still OpenSSL's.
      const big = randomBytes(3_000_000);
      const bigKey = generateKeyPair();
      writeFileSync(path.join(dir, 'big'), big);
      writeFileSync(path.join(dir, 'big.sig'), sign(big, bigKey));
      writeFileSync(path.join(dir, 'big.pem'), publicKeyToPem(bigKey.publicKeyHex));
      expect(
        opensslVerify(path.join(dir, 'big.pem'), path.join(dir, 'big.sig'), path.join(dir, 'big')).stdout.toString(),
      ).toContain('Verified OK');
      for (let i = 0; i < 12; i++) {
        const key = generateKeyPair();
        const sig = sign(message, key);
        writeFileSync(path.join(dir, 'pub.pem'), publicKeyToPem(key.publicKeyHex));
        writeFileSync(path.join(dir, 'sig'), sig);
        const r = opensslVerify(path.join(dir, 'pub.pem'), path.join(dir, 'sig'), path.join(dir, 'm'));
        expect(r.stdout.toString()).toContain('Verified OK');
        expect(verify(message, sig, key.publicKeyHex)).toBe(true);
      }
    });

    it('our code verifies OpenSSL signatures, and its key fingerprint matches OpenSSL DER + SHA-256', () => {
      const dir = tempDir();
      const f = (n: string) => path.join(dir, n);
      execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', f('key.pem')]);
      execFileSync('openssl', ['pkey', '-in', f('key.pem'), '-pubout', '-out', f('pub.pem')]);
      const message = Buffer.from('清单 bytes signed by OpenSSL');
      writeFileSync(f('m'), message);
      execFileSync('openssl', [
        'dgst',
        '-sm3',
        '-sign',
        f('key.pem'),
        '-sigopt',
        'distid:1234567812345678',
        '-out',
        f('sig'),
        f('m'),
      ]);
      const pub = publicKeyFromPem(readFileSync(f('pub.pem'), 'utf8'));
      expect(verify(message, readFileSync(f('sig')), pub)).toBe(true);
      expect(verify(Buffer.from('another message'), readFileSync(f('sig')), pub)).toBe(false);
      const der = execFileSync('openssl', ['pkey', '-pubin', '-in', f('pub.pem'), '-outform', 'DER']);
      expect(fingerprint(pub)).toBe(execFileSync('sha256sum', { input: der }).toString().slice(0, 64));
      // Our PEM of that key is byte for byte what OpenSSL wrote.
      expect(publicKeyToPem(pub)).toBe(readFileSync(f('pub.pem'), 'utf8'));
    });
  },
);

describe('SM3', () => {
  it('gives the standard examples (GB/T 32905 A.1, A.2) and what OpenSSL gives, at every padding length', () => {
    expect(sm3(Buffer.from('abc')).toString('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(sm3(Buffer.from('abcd'.repeat(16))).toString('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
    const data = randomBytes(300_000);
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 300_000]) {
      const m = data.subarray(0, n);
      const openssl = hasSm3
        ? execFileSync('openssl', ['dgst', '-sm3', '-r'], { input: m }).toString().slice(0, 64)
        : null;
      const ours = sm3(m.subarray(0, n >> 1), m.subarray(n >> 1)).toString('hex');
      if (openssl) expect(ours).toBe(openssl);
    }
  });
});

describe('SM2 in our code', () => {
  it('signs deterministically (RFC 6979 nonce), differently per message, and detects any change', () => {
    const key = generateKeyPair();
    const m = Buffer.from('manifest');
    const sig = sign(m, key);
    expect(sign(m, key).equals(sig)).toBe(true);
    expect(sign(Buffer.from('manifest2'), key).subarray(0, 30).equals(sig.subarray(0, 30))).toBe(false);
    const flipped = Buffer.from(sig);
    flipped[sig.length - 1]! ^= 1;
    expect(verify(m, flipped, key.publicKeyHex)).toBe(false);
    expect(verify(m, sig.subarray(0, 10), key.publicKeyHex)).toBe(false);
    expect(verify(m, sig, generateKeyPair().publicKeyHex)).toBe(false);
  });

  it('refuses a PEM that is not an SM2 key, and formats fingerprints in groups', () => {
    const dir = tempDir();
    execFileSync('openssl', [
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      path.join(dir, 'p256.pem'),
    ]);
    const p256 = execFileSync('openssl', ['pkey', '-in', path.join(dir, 'p256.pem'), '-pubout']).toString();
    expect(() => publicKeyFromPem(p256, 'p256.pem')).toThrow(/not an SM2 public key/);
    expect(() => publicKeyFromPem('garbage')).toThrow(/not an SM2 public key/);
    expect(formatFingerprint('ab'.repeat(32))).toMatch(/^(ABAB ){15}ABAB$/);
  });
});

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, writes numbers the ECMAScript way, and refuses what JSON lacks', () => {
    const bytes = canonicalBytes({ b: [1e21, 0.1, -0, 'é'], a: { '\u20ac': 1, '\r': 2, '1': 3 }, c: undefined });
    expect(bytes.toString('utf8')).toBe('{"a":{"\\r":2,"1":3,"€":1},"b":[1e+21,0.1,0,"é"]}');
    expect(() => canonicalBytes({ x: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalBytes([Number.POSITIVE_INFINITY])).toThrow(/Infinity/);
    expect(() => canonicalBytes({ f: () => 1 })).toThrow(/function/);
    expect(isCanonical(Buffer.from('{"a":1}'), { a: 1 })).toBe(true);
    expect(isCanonical(Buffer.from('{"a": 1}'), { a: 1 })).toBe(false);
  });
});
