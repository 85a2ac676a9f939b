// The editor's screens in navigation order, and which parts of the archive each one edits (its
// problems are counted on its navigation badge).
import type { RecordKind } from '../../../shared/archive/schema.js';
export const SCREENS = [
  { key: 'profile', prefixes: ['profile'] },
  { key: 'unit', prefixes: ['unit'] },
  { key: 'application', prefixes: ['application'] },
  { key: 'educations', prefixes: ['educations'] },
  { key: 'titles', prefixes: ['titles', 'appointments'] },
  { key: 'workPeriods', prefixes: ['workPeriods'] },
  { key: 'courses', prefixes: ['courses'] },
  { key: 'assessments', prefixes: ['assessments'] },
  { key: 'pension', prefixes: ['pensionYears'] },
  { key: 'works', prefixes: ['works'] },
  { key: 'summary', prefixes: ['summary'] },
  { key: 'discipline', prefixes: ['disciplineRecords'] },
  // Issue 3: scans and the materials view (M-1 … M-12); they edit no archive part.
  { key: 'attachments', prefixes: [] },
  { key: 'materials', prefixes: [] },
  // Issue 5: the printed forms and merged material PDFs, and the unit's F-4 figures (kept per workspace,
  // not in the archive).
  { key: 'forms', prefixes: [] },
  { key: 'postInfo', prefixes: [] },
  // Issue 4: the eligibility check and the rule pack's assumptions; no archive part of their own.
  { key: 'eligibility', prefixes: [] },
  { key: 'params', prefixes: [] },
  // Issue 6: the signing key and the signed package (export), and checking / importing a package.
  { key: 'package', prefixes: [] },
  { key: 'verifyPackage', prefixes: [] },
  { key: 'io', prefixes: [] },
  // Issue 8: backups of the whole workspace and the workspace check.
  { key: 'backups', prefixes: [] },
  // Issue 15: 回收站, every deleted record and scan, for restore at any time.
  { key: 'trash', prefixes: [] },
] as const satisfies readonly { key: string; prefixes: readonly string[] }[];

export type ScreenKey = (typeof SCREENS)[number]['key'];

export const isScreenKey = (value: string): value is ScreenKey => SCREENS.some((s) => s.key === value);

/**
 * Whether the navigation lists a screen for this archive: 岗位信息表 (F-4) only for a public institution
 * (M-12, N-14). Anyone else reaches it from the F-4 row of 打印表格, where it says why it is not needed.
 */
export function isScreenListed(key: ScreenKey, unitType: string): boolean {
  return key !== 'postInfo' || unitType === 'public_institution';
}

/** The screen that edits a part of the archive (a section or a record kind): the one whose prefixes name it,
 *  else the screen of that name (材料清单 for the paper copies); null for none. */
export function screenOfPart(part: string): ScreenKey | null {
  const found = SCREENS.find((s) => (s.prefixes as readonly string[]).includes(part));
  if (found) return found.key;
  return isScreenKey(part) ? part : null;
}

/** The screen that lists records of this kind. */
export function screenOfKind(kind: RecordKind): ScreenKey {
  const key = screenOfPart(kind);
  if (!key) throw new Error(`no screen lists ${kind}`);
  return key;
}
