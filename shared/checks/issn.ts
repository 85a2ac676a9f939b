// Journal numbers printed on a paper's ISSN/CN page (M-10, rules R-7): the international ISSN and the
// Chinese domestic CN number (国内统一连续出版物号). Used by findProblems and by the rule pack.
import { toHalfWidth } from './text.js';

export type IssnCheck =
  | { ok: true; value: string }
  | { ok: false; value: string; reason: 'empty' | 'format' }
  | { ok: false; value: string; reason: 'check_character'; expected: string };

/** Check character over the first seven digits: weights 8..2, c = (11 − Σ mod 11) mod 11, 10 → X (R-7). */
export function issnCheckCharacter(first7: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (8 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** Accepts 'ISSN 1144-875x', '1144875X', full-width digits; the value is normalised to NNNN-NNNC. */
export function checkIssn(raw: string): IssnCheck {
  const trimmed = toHalfWidth(raw).trim().toUpperCase();
  if (trimmed === '') return { ok: false, value: trimmed, reason: 'empty' };
  const m = /^(?:ISSN[\s:：]*)?(\d{4})[-‐–\s]?(\d{3})([\dX])$/.exec(trimmed);
  if (!m) return { ok: false, value: trimmed, reason: 'format' };
  const value = `${m[1]}-${m[2]}${m[3]}`;
  const expected = issnCheckCharacter(m[1]! + m[2]!);
  if (m[3] !== expected) return { ok: false, value, reason: 'check_character', expected };
  return { ok: true, value };
}

/** Province-level region codes (GB/T 2260) that open a CN number. */
const CN_REGIONS = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
]);

/**
 * Doubts about a well-formed CN number (R-7): 'newspaper' serial 0001–0999, 'not_print' serial ≥ 6000
 * (web and electronic publications), 'unknown_region' not a province code. Papers there are commonly
 * not recognised, so these warn rather than fail.
 */
export type CnWarning = 'newspaper' | 'not_print' | 'unknown_region';

export type CnCheck =
  | { ok: true; value: string; region: string; serial: number; classification: string; warnings: CnWarning[] }
  | { ok: false; value: string; reason: 'empty' | 'format' };

/**
 * Accepts 'CN 33-1080/TM', 'CN33-1080/TM', '33-1080/TM'; the value is normalised to 'CN 33-1080/TM'.
 * Newspapers are often printed without the classification ('CN 11-0065'), periodicals never.
 */
export function checkCn(raw: string): CnCheck {
  const trimmed = toHalfWidth(raw).trim().toUpperCase();
  if (trimmed === '') return { ok: false, value: trimmed, reason: 'empty' };
  // The classification is a 中图法 class: one letter, sometimes more letters or a digit (TM, G4, O6).
  const m = /^(?:CN[\s:：]*)?(\d{2})\s*[-‐–]\s*(\d{4})(?:\s*\/\s*([A-Z][A-Z0-9]{0,2}))?$/.exec(trimmed);
  if (!m) return { ok: false, value: trimmed, reason: 'format' };
  const [region, serialText, classification = ''] = [m[1]!, m[2]!, m[3]];
  const serial = Number(serialText);
  if (serial >= 1000 && classification === '') return { ok: false, value: trimmed, reason: 'format' };
  const warnings: CnWarning[] = [];
  if (!CN_REGIONS.has(region)) warnings.push('unknown_region');
  if (serial < 1000) warnings.push('newspaper');
  else if (serial >= 6000) warnings.push('not_print');
  const value = `CN ${region}-${serialText}${classification ? `/${classification}` : ''}`;
  return { ok: true, value, region, serial, classification, warnings };
}
