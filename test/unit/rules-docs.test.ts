// docs/rules.md lists every rule and every parameter of the pack, so the documentation cannot fall behind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_2020, PARAM_META } from '../../shared/rules/pack2020/index.js';

const doc = readFileSync('docs/rules.md', 'utf8');
/** The table row whose first cell is `name` (prettier pads the cells). */
const row = (name: string) =>
  doc.split('\n').find((l) => new RegExp(`^\\|\\s*\`${name.replace(/\./g, '\\.')}\`\\s*\\|`).test(l));

describe('docs/rules.md', () => {
  it.each(PACK_2020.rules.map((r) => [r.id, r] as const))('lists rule %s with its confidence', (id, rule) => {
    const line = row(id);
    expect(line).toBeDefined();
    expect(line).toContain(rule.confidence);
  });
  it.each(Object.keys(PARAM_META))('lists parameter %s', (key) => {
    expect(row(key)).toBeDefined();
  });
});
