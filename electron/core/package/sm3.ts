// SM3 (GB/T 32905-2016), the hash inside SM2 signatures. Our own because sm-crypto hashes through arrays of
// numbers and hex strings: ~1 s and >100 MB of memory per MB of manifest, which a hostile 16 MiB manifest
// would turn into a stall. Electron's BoringSSL has no SM3 (pitfalls.md), so Node's crypto cannot be used.
// Checked against the standard's examples and against OpenSSL in test/unit/package-sm2.test.ts.

// Words are kept as signed 32-bit integers (`| 0`), which V8 handles without boxing.
const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
/** T_j rotated left by j mod 32, precomputed. */
const TJ = Int32Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

function compress(v: Int32Array, m: Uint8Array, offset: number, w: Int32Array): void {
  for (let j = 0; j < 16; j++) {
    const i = offset + 4 * j;
    w[j] = (m[i]! << 24) | (m[i + 1]! << 16) | (m[i + 2]! << 8) | m[i + 3]!;
  }
  for (let j = 16; j < 68; j++) {
    const x = w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15);
    w[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!;
  }
  let a = v[0]!,
    b = v[1]!,
    c = v[2]!,
    d = v[3]!,
    e = v[4]!,
    f = v[5]!,
    g = v[6]!,
    h = v[7]!;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + TJ[j]!) | 0, 7);
    const ss2 = ss1 ^ a12;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (w[j]! ^ w[j + 4]!)) | 0;
    const tt2 = (gg + h + ss1 + w[j]!) | 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
  }
  v[0]! ^= a;
  v[1]! ^= b;
  v[2]! ^= c;
  v[3]! ^= d;
  v[4]! ^= e;
  v[5]! ^= f;
  v[6]! ^= g;
  v[7]! ^= h;
}

/** SM3 of the concatenation of `parts`, 32 bytes. */
export function sm3(...parts: Uint8Array[]): Buffer {
  const length = parts.reduce((n, p) => n + p.length, 0);
  // Message, 0x80, zeros, 64-bit big-endian bit length: a multiple of 64 bytes.
  const padded = Buffer.alloc(Math.ceil((length + 9) / 64) * 64);
  let at = 0;
  for (const p of parts) {
    padded.set(p, at);
    at += p.length;
  }
  padded[length] = 0x80;
  padded.writeUInt32BE(Math.floor(length / 2 ** 29), padded.length - 8);
  padded.writeUInt32BE((length * 8) >>> 0, padded.length - 4);
  const v = Int32Array.from(IV);
  const w = new Int32Array(68);
  for (let offset = 0; offset < padded.length; offset += 64) compress(v, padded, offset, w);
  const out = Buffer.alloc(32);
  v.forEach((x, i) => out.writeInt32BE(x, 4 * i));
  return out;
}
