// The bytes that are signed: JSON Canonicalization Scheme (RFC 8785) — keys sorted by UTF-16 code units,
// no whitespace, ECMAScript number formatting — as UTF-8. A receiver re-serialising the parsed manifest
// with any JCS implementation gets the same bytes, so the signed bytes are well defined.
import canonicalize from 'canonicalize';

/** Canonical UTF-8 bytes of a JSON value; refuses what JSON cannot carry (NaN, ±Infinity, undefined…). */
export function canonicalBytes(value: unknown): Buffer {
  assertJson(value, '$');
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalJson: the value has no JSON form');
  return Buffer.from(text, 'utf8');
}

/** True when `bytes` are exactly the canonical form of the JSON they hold. */
export function isCanonical(bytes: Uint8Array, parsed: unknown): boolean {
  return Buffer.from(bytes).equals(canonicalBytes(parsed));
}

function assertJson(value: unknown, at: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`canonicalJson: ${at} is ${value}; JSON has no such number`);
  }
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new Error(`canonicalJson: ${at} is a ${typeof value}; JSON has no such value`);
  }
  if (Array.isArray(value)) value.forEach((v, i) => assertJson(v, `${at}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) assertJson(v, `${at}.${k}`);
  }
}
