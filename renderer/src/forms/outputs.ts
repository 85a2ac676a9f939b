// What the 打印表格 screen shows, computed from `forms:list` and the generation job: one row per form and per
// material PDF, its state, the keys 生成全部 makes, which row an error belongs to and where it is fixed.
// Pure (no React), so that the rules of the screen can be read and tested in one place.
import type {
  ApiError,
  FormEntry,
  GeneratedFile,
  JobStatus,
  Localized,
  MaterialPdfEntry,
} from '../../../shared/api/contract.js';
import { whyBlocks } from '../../../shared/forms/catalog.js';
import type { Fix } from '../../../shared/rules/types.js';

export interface OutputRow {
  key: string;
  kind: 'form' | 'material';
  /** F-1 … or M-4 … (the material of a merged PDF). */
  label: string;
  title: Localized;
  copies: number;
  applies: boolean;
  /**
   * Why it does not apply, what must be entered before it can be made, or — for a form that is made all
   * the same (M-3, catalog.ts whyBlocks) — a warning about what it prints.
   */
  why: Localized | null;
  /** Attachments merged into a material PDF (null for forms). */
  attachments: number | null;
  file: GeneratedFile | null;
  stale: boolean;
  /** What changed since the file was made, when stale. */
  staleWhy: Localized | null;
}

export type RowState =
  | 'na' // does not apply to this applicant
  | 'blocked' // applies, but something must be entered first
  | 'empty' // a material with nothing attached
  | 'queued' // in the running job, not made yet
  | 'generated'
  | 'stale'
  | 'missing'; // never made

export function formRow(entry: FormEntry): OutputRow {
  return {
    key: entry.id,
    kind: 'form',
    label: entry.id,
    title: entry.title,
    copies: entry.copies,
    applies: entry.applies,
    why: entry.why,
    attachments: null,
    file: entry.file,
    stale: entry.stale,
    staleWhy: entry.staleWhy,
  };
}

export function materialRow(entry: MaterialPdfEntry): OutputRow {
  return {
    key: entry.key,
    kind: 'material',
    label: entry.material,
    title: entry.title,
    copies: 1,
    applies: entry.attachments > 0,
    why: null,
    attachments: entry.attachments,
    file: entry.file,
    stale: entry.stale,
    staleWhy: entry.staleWhy,
  };
}

/**
 * The materials listed for merging: the scans of M-4 … M-7, M-9 and M-10 always (an empty one says where
 * scans are added); the others (the forms M-1 … M-3 and M-8 printed by this screen, M-11 and M-12's
 * proofs) only when scans are linked to them, e.g. a signed and scanned form.
 */
export const isMaterialListed = (row: OutputRow): boolean =>
  (row.attachments ?? 0) > 0 || /^M-(?:[4-79]|10)$/.test(row.label);

/** The warning of a row that is made all the same (M-3's too short publicity period); null for none. */
export const warningOf = (row: OutputRow): Localized | null =>
  row.applies && row.kind === 'form' && !whyBlocks(row.key) ? row.why : null;

/** Whether 生成 can make the row now: it applies and nothing must be entered first (a warning does not stop it). */
export const canGenerate = (row: OutputRow): boolean => row.applies && (row.why === null || warningOf(row) !== null);

/** 生成全部: every form that applies (and can be made now) and every material with attachments. */
export const generateAllKeys = (rows: readonly OutputRow[]): string[] => rows.filter(canGenerate).map((r) => r.key);

/**
 * The row as it stands, the job taken into account: a file the running job has just made replaces the
 * listed one at once (the list itself is read again when the job ends).
 */
export function rowView(
  row: OutputRow,
  job: JobStatus | null,
  jobKeys: readonly string[],
): { state: RowState; file: GeneratedFile | null } {
  const made = job?.files.find((f) => f.key === row.key) ?? null;
  if (made) return { state: 'generated', file: made };
  if (job?.state === 'running' && jobKeys.includes(row.key)) return { state: 'queued', file: row.file };
  if (!row.applies) return { state: row.kind === 'material' ? 'empty' : 'na', file: row.file };
  if (row.why !== null && warningOf(row) === null) return { state: 'blocked', file: row.file };
  if (!row.file) return { state: 'missing', file: null };
  return { state: row.stale ? 'stale' : 'generated', file: row.file };
}

/** Error codes that name the form they stop (the core's refusals; see electron/core/forms). */
const CODE_ROWS: readonly [RegExp, string][] = [
  [/post_?info/i, 'F-4'],
  [/exceptional/i, 'F-3'],
  [/publicity/i, 'M-3'],
  [/summary/i, 'M-8'],
];

/**
 * Which row an error of `forms:start` or of the job belongs to: an issue whose path names an output key
 * (`F-4`, `material:M-4`, `F-4.postInfo…`), a code that names a form, or the only key asked for. Null when
 * it is about the whole run; it is then shown above the list.
 */
export function rowOfError(error: ApiError, keys: readonly string[], fallback: string | null = null): string | null {
  const named = (path: string) => keys.find((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}:`));
  for (const issue of error.issues ?? []) {
    const key = named(issue.path);
    if (key) return key;
  }
  for (const [pattern, key] of CODE_ROWS) {
    if (pattern.test(error.code) && keys.includes(key)) return key;
  }
  return keys.length === 1 ? (keys[0] ?? null) : fallback;
}

/**
 * The output a failed job stopped at: the first asked for that it did not make, in the order the core
 * makes them (the material index last, as it counts the others' pages).
 */
export function stoppedAt(keys: readonly string[], made: readonly GeneratedFile[]): string | null {
  const order = [...keys.filter((k) => k !== 'index'), ...keys.filter((k) => k === 'index')];
  return order.find((k) => !made.some((f) => f.key === k)) ?? null;
}

/** An archive path the core named in an issue, when it is one the editor can open (profile.name…). */
const ARCHIVE_PATH =
  /^(profile|unit|application|summary|educations|titles|appointments|workPeriods|courses|assessments|pensionYears|works|disciplineRecords|params)\./;

/** Where what a row needs is entered: the screen and, where there is one, the field. */
export function fixOf(row: OutputRow, error: ApiError | null): Fix | null {
  const path = error?.issues?.map((i) => i.path.replace(/^[^.]*\./, '')).find((p) => ARCHIVE_PATH.test(p));
  if (path) return { kind: 'field', target: path };
  if (row.kind === 'material') return { kind: 'screen', target: row.applies ? 'attachments' : 'materials' };
  switch (row.key) {
    case 'F-4':
      return { kind: 'screen', target: 'postInfo' };
    case 'F-3':
      return { kind: 'field', target: row.applies ? 'application.exceptionalReason' : 'application.exceptional' };
    case 'M-3':
      return { kind: 'field', target: 'params.publicityStart' };
    case 'M-8':
      return { kind: 'field', target: 'summary.text' };
    default:
      return null;
  }
}

/** The archive fingerprint as every footer prints it: the first 16 hex digits, upper case, in fours. */
export const shortFingerprint = (sha256: string): string =>
  (
    sha256
      .slice(0, 16)
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join('-');

/**
 * A character printed as 〓, named so that it can be found even when it looks blank or like another:
 * itself and its code point, e.g. 「𪚥（U+2A6A5）」 (`format` puts the two together in the UI language).
 */
export function characterCode(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
