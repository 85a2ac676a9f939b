// SM2 signatures with SM3 (GB/T 32918, GB/T 32905), the algorithms Chinese government receivers verify.
// Pure JS — sm-crypto for the curve arithmetic, sm3.ts for the hash — since Electron's BoringSSL has
// neither (pitfalls.md, "Hashing and signing"); the tests check this code against OpenSSL 3 both ways.
// The signature is over the exact message bytes, with the default user id 1234567812345678, DER-encoded;
// the public key travels as an X.509 SubjectPublicKeyInfo (id-ecPublicKey + curve 1.2.156.10197.1.301).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import smCrypto, { type SignPoint } from 'sm-crypto';
import { DossierError } from '../errors.js';
import { sm3 } from './sm3.js';

const { sm2 } = smCrypto;

export const SM2_USER_ID = '1234567812345678';

/** The SM2 group order n. Private keys and nonces are drawn from [1, n-2] (1 + d must be invertible). */
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

/** SEQUENCE { SEQUENCE { id-ecPublicKey, sm2 }, BIT STRING (0 unused bits) } before the 65-byte point. */
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');

export interface Sm2KeyPair {
  /** 64 hex digits. */
  privateKeyHex: string;
  /** Uncompressed point: "04" + X + Y, 130 hex digits. */
  publicKeyHex: string;
}

/**
 * A value r uniform in [0, n-3], as 64 hex digits: sm-crypto turns it into r mod (n-1) + 1 = r + 1, a
 * private key in [1, n-2]. Drawn from Node's CSPRNG because sm-crypto's own generator is RC4 seeded once
 * per process: not what a long-lived signing key should come from.
 */
function randomScalarSeed(): string {
  for (;;) {
    const hex = randomBytes(32).toString('hex');
    if (BigInt(`0x${hex}`) < N - 2n) return hex;
  }
}

export function generateKeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex(randomScalarSeed(), 16);
  return { privateKeyHex: privateKey, publicKeyHex: publicKey };
}

export function publicKeyOf(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex);
}

/** a, b, xG, yG of the SM2 curve (GB/T 32918.5), as they enter Z. */
const CURVE = Buffer.from(
  'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC' +
    '28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93' +
    '32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7' +
    'BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0',
  'hex',
);
/** ENTL: the user id's length in bits, 2 bytes big-endian. */
const ID = Buffer.from(SM2_USER_ID, 'ascii');
const ENTL = Buffer.from([(ID.length * 8) >> 8, (ID.length * 8) & 0xff]);

/**
 * e = SM3(Z ‖ M), Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) (GB/T 32918.2 §5.5, 6.1), computed here
 * with our SM3 so that sm-crypto only ever handles 32 bytes, whatever the size of the manifest.
 */
function digest(message: Uint8Array, publicKeyHex: string): Buffer {
  const z = sm3(ENTL, ID, CURVE, Buffer.from(publicKeyHex.slice(2), 'hex'));
  return sm3(z, message);
}

/**
 * The signing nonce k, deterministic as in RFC 6979 §3.2 (HMAC-DRBG with SHA-256, keyed by the private key
 * and the digest e): the same key and manifest give the same signature, so the same package content gives
 * the same package bytes, and no random generator can leak the key through a biased nonce. Verifiers
 * cannot tell it from a random k. Returned as k - 1, the seed sm-crypto turns into k.
 */
function nonceSeed(privateKeyHex: string, e: Buffer): string {
  const x = Buffer.from(privateKeyHex, 'hex');
  const h1 = int2octets(BigInt(`0x${e.toString('hex')}`) % N);
  const hmac = (key: Buffer, ...parts: Buffer[]) => createHmac('sha256', key).update(Buffer.concat(parts)).digest();
  let v = Buffer.alloc(32, 1);
  let k = Buffer.alloc(32, 0);
  k = hmac(k, v, Buffer.from([0]), x, h1);
  v = hmac(k, v);
  k = hmac(k, v, Buffer.from([1]), x, h1);
  v = hmac(k, v);
  for (;;) {
    v = hmac(k, v);
    const candidate = BigInt(`0x${v.toString('hex')}`);
    if (candidate >= 1n && candidate <= N - 1n) return (candidate - 1n).toString(16).padStart(64, '0');
    k = hmac(k, v, Buffer.from([0]));
    v = hmac(k, v);
  }
}

const int2octets = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');

// sm-crypto does not export its BigInteger (jsbn); a point it makes carries one.
let BigIntegerCtor: (new (value: string, radix: number) => unknown) | undefined;

/** The nonce point (k, x-coordinate of kG), in the form sm-crypto's `pointPool` takes. */
function noncePoint(privateKeyHex: string, e: Buffer): SignPoint {
  BigIntegerCtor ??= (sm2.getPoint().k as { constructor: new (v: string, r: number) => unknown }).constructor;
  const { privateKey: k, publicKey } = sm2.generateKeyPairHex(nonceSeed(privateKeyHex, e), 16);
  return { k: new BigIntegerCtor(k, 16), x1: new BigIntegerCtor(publicKey.slice(2, 66), 16) };
}

const isUncompressedPoint = (hex: string) => /^04[0-9a-f]{128}$/i.test(hex);

/** DER signature (SEQUENCE of r, s) over the message bytes, with the user id 1234567812345678. */
export function sign(message: Uint8Array, key: Sm2KeyPair): Buffer {
  if (!isUncompressedPoint(key.publicKeyHex)) throw new Error('sm2.sign: the public key must be 04 ‖ X ‖ Y');
  const e = digest(message, key.publicKeyHex);
  const pointPool = [noncePoint(key.privateKeyHex, e)];
  return Buffer.from(sm2.doSignature(e, key.privateKeyHex, { der: true, hash: false, pointPool }), 'hex');
}

export function verify(message: Uint8Array, signatureDer: Uint8Array, publicKeyHex: string): boolean {
  if (!isUncompressedPoint(publicKeyHex) || signatureDer.length > 80) return false;
  try {
    const sigHex = Buffer.from(signatureDer).toString('hex');
    return sm2.doVerifySignature(digest(message, publicKeyHex), sigHex, publicKeyHex, { der: true, hash: false });
  } catch {
    return false;
  }
}

export function publicKeyToSpki(publicKeyHex: string): Buffer {
  return Buffer.concat([SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]);
}

export function publicKeyToPem(publicKeyHex: string): string {
  const b64 = publicKeyToSpki(publicKeyHex).toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64.replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END PUBLIC KEY-----\n`;
}

/** The public key in a PEM SPKI (ours or OpenSSL's); refuses anything but an SM2 key on the curve. */
export function publicKeyFromPem(pem: string, where = 'PEM'): string {
  const m = /^-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END PUBLIC KEY-----\r?\n?$/.exec(
    pem.trim() + '\n',
  );
  const der = m ? Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64') : Buffer.alloc(0);
  const point = der.length === SPKI_PREFIX.length + 65 && der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX);
  const hex = der.subarray(SPKI_PREFIX.length).toString('hex');
  if (!point || !hex.startsWith('04') || !sm2.verifyPublicKey(hex)) {
    throw new DossierError('bad_public_key', {
      zh: `“${where}”不是 SM2 公钥（应为 SubjectPublicKeyInfo PEM，曲线 1.2.156.10197.1.301）。`,
      en: `"${where}" is not an SM2 public key (expected a SubjectPublicKeyInfo PEM on curve 1.2.156.10197.1.301).`,
    });
  }
  return hex;
}

/** SHA-256 of the SPKI DER, 64 lower-case hex digits: what F-1 and the pledge print, grouped. */
export function fingerprint(publicKeyHex: string): string {
  return createHash('sha256').update(publicKeyToSpki(publicKeyHex)).digest('hex');
}

/** "AB12 CD34 …": 16 groups of 4, upper case, easy to read aloud and compare on paper. */
export function formatFingerprint(hex: string): string {
  return hex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}
