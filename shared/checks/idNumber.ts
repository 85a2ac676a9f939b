// Resident identity card number, GB 11643-1999 (rules R-6): 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character.
import { isRealDate } from './dates.js';
import { toHalfWidth } from './text.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export type IdNumberReason = 'empty' | 'fifteen_digit' | 'length' | 'characters' | 'birth_date' | 'check_character';

export type IdNumberCheck =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; value: string; reason: 'check_character'; expected: string }
  | { ok: false; value: string; reason: Exclude<IdNumberReason, 'check_character'> };

/** The check character for the first 17 digits (R-6: S = Σ aᵢ·Wᵢ, check = "10X98765432"[S mod 11]). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** Trimmed, full-width digits made ASCII, and the check character 'x' stored as 'X'. */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).trim().replace(/x$/, 'X');
}

/**
 * Validates an applicant's ID number. Whether the birth date lies in the future, and whether it and the
 * sex agree with what was entered, depend on context and are checked by findProblems.
 */
export function checkIdNumber(raw: string): IdNumberCheck {
  const value = normalizeIdNumber(raw);
  if (value === '') return { ok: false, value, reason: 'empty' };
  // First-generation numbers lost validity on 2013-01-01: never accepted as the applicant's ID.
  if (/^\d{15}$/.test(value)) return { ok: false, value, reason: 'fifteen_digit' };
  if (value.length !== 18) return { ok: false, value, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, value, reason: 'characters' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, value, reason: 'birth_date' };
  const expected = idCheckCharacter(value);
  if (value[17] !== expected) return { ok: false, value, reason: 'check_character', expected };
  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

/**
 * The 18-digit form of a first-generation 15-digit number (insert the century 19, append the check
 * character), or null when the input is not 15 digits. For reading old documents only.
 */
export function upgradeFifteenDigit(old: string): string | null {
  const value = toHalfWidth(old).trim();
  if (!/^\d{15}$/.test(value)) return null;
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

/** 110101********123X: the birth date and sequence hidden, enough left to tell two people apart (tables, lists). */
export const maskIdNumber = (id: string): string =>
  id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id;
