// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character set
// (no I, O, Z, S, V, which are easily confused with 1, 0, 2, 5, U), the last one a MOD 31 check.
import { toHalfWidth } from './text.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeReason = 'empty' | 'length' | 'characters' | 'check_character';

export type CreditCodeCheck =
  | { ok: true; value: string }
  | { ok: false; value: string; reason: 'check_character'; expected: string }
  | { ok: false; value: string; reason: Exclude<CreditCodeReason, 'check_character'> };

/** Check character over the first 17 characters: 31 − (Σ cᵢ·Wᵢ mod 31), where 31 stands for 0. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Trimmed, full-width characters made ASCII, upper case (the code is printed in capitals). */
export function normalizeCreditCode(raw: string): string {
  return toHalfWidth(raw).trim().toUpperCase();
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const value = normalizeCreditCode(raw);
  if (value === '') return { ok: false, value, reason: 'empty' };
  if (value.length !== 18) return { ok: false, value, reason: 'length' };
  if ([...value].some((ch) => !CHARSET.includes(ch))) return { ok: false, value, reason: 'characters' };
  const expected = creditCodeCheckCharacter(value);
  if (value[17] !== expected) return { ok: false, value, reason: 'check_character', expected };
  return { ok: true, value };
}
