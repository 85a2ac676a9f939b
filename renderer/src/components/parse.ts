// Typed text to stored values: what the hours and date fields accept. Pure, so it is unit-tested.

import { toHalfWidth } from '../../../shared/checks/text.js';

/** Parses typed hours: null for empty, a number, or undefined when the text is not a number. */
export function parseHours(raw: string): number | null | undefined {
  const s = toHalfWidth(raw).trim();
  if (s === '') return null;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

/** Parses a typed whole number: null for empty, the number, or undefined when it is not a whole number. */
export function parseInteger(raw: string): number | null | undefined {
  const s = toHalfWidth(raw).trim();
  if (s === '') return null;
  return /^-?\d{1,9}$/.test(s) ? Number(s) : undefined;
}

/** A complete date typed in a usual way, as 'YYYY-MM-DD'; '' for empty; null when not (yet) a date. */
export function normalizeDate(raw: string): string | null {
  const s = toHalfWidth(raw).trim();
  if (s === '') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const loose = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (loose) return `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`;
  return null;
}

/**
 * While typing digits at the end, put the dashes in: 20190 → 2019-0, 2019091 → 2019-09-1. Only while the
 * dashes are where this function puts them: once the user types their own (1985-9-12), it stays out of the
 * way, and normalizeDate reads the loose form.
 */
export function withDashes(raw: string): string {
  if (!/^[\d-]*$/.test(raw)) return raw;
  const ownDashes = [...raw].some((ch, i) => ch === '-' && i !== 4 && i !== 7);
  if (ownDashes || raw.endsWith('-')) return raw;
  const d = raw.replace(/-/g, '').slice(0, 8);
  return d.slice(0, 4) + (d.length > 4 ? `-${d.slice(4, 6)}` : '') + (d.length > 6 ? `-${d.slice(6, 8)}` : '');
}
