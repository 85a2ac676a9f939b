// The pure SHA-256 behind the rule pack's content hash agrees with Node's, and the hash is stable.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, stableStringify } from '../../shared/rules/hash.js';
import { loadPack } from '../../shared/rules/engine.js';
import { PACK_2020 } from '../../shared/rules/pack2020/index.js';

describe('sha256Hex and the pack hash', () => {
  it.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), '职称𠮷'.repeat(40)])(
    'matches node:crypto for %#',
    (text) => {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    },
  );

  it('serialises with sorted keys, so key order does not change the hash', () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('hashes the pack stably, and a changed default changes it', () => {
    expect(PACK_2020.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loadPack(PACK_2020).hash).toBe(PACK_2020.hash);
    const changed = loadPack({ ...PACK_2020, defaults: { ...PACK_2020.defaults, ceOnlineCap: 40 } });
    expect(changed.hash).not.toBe(PACK_2020.hash);
  });

  it('refuses a pack with a duplicate rule id or an unknown parameter', () => {
    expect(() => loadPack({ ...PACK_2020, rules: [...PACK_2020.rules, PACK_2020.rules[0]!] })).toThrow(/twice/);
    const bad = { ...PACK_2020.rules[0]!, id: 'X-1.bad', params: ['nope' as never] };
    expect(() => loadPack({ ...PACK_2020, rules: [bad] })).toThrow(/unknown parameter/);
  });
});
