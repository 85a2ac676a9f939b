// What changed between two revisions of an applicant's archive, as the officer re-reads a corrected package
// after 退回 (issue 7): per section field, and per record — added, removed, or a changed field — at the same
// problem-style paths the editor and the comments use. Pure; before/after are short display strings.
import { RECORD_KINDS, SECTION_NAMES, type AnyRecord, type ArchiveDocument } from '../../../shared/archive/schema.js';
import { nameRecord } from '../../../shared/materials/recordNames.js';
import type { ArchiveChange } from '../../../shared/unit/schema.js';

/** Long texts (a work summary) are cut: the officer opens the field to read it whole. */
export const DISPLAY_MAX = 80;

/** A value as one short line: text cut at DISPLAY_MAX characters, ✓/✗ for yes/no, '' for nothing. */
export function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > DISPLAY_MAX ? `${chars.slice(0, DISPLAY_MAX - 1).join('')}…` : line;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges(prefix: string, before: object, after: object): ArchiveChange[] {
  const out: ArchiveChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    if (key === 'id') continue;
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (same(a, b)) continue;
    out.push({ path: `${prefix}.${key}`, kind: 'changed', before: display(a), after: display(b) });
  }
  return out;
}

/** The changes from `before` to `after`, in the archive's order (sections, then each record kind). */
export function diffArchives(before: ArchiveDocument, after: ArchiveDocument): ArchiveChange[] {
  const out: ArchiveChange[] = [];
  for (const section of SECTION_NAMES) out.push(...fieldChanges(section, before[section], after[section]));
  for (const kind of RECORD_KINDS) {
    const old = new Map((before[kind] as AnyRecord[]).map((r) => [r.id, r]));
    const now = new Map((after[kind] as AnyRecord[]).map((r) => [r.id, r]));
    for (const [id, record] of now) {
      const was = old.get(id);
      if (!was) {
        out.push({ path: `${kind}.${id}`, kind: 'added', before: null, after: display(nameRecord(after, id)?.zh) });
      } else {
        out.push(...fieldChanges(`${kind}.${id}`, was, record));
      }
    }
    for (const id of old.keys()) {
      if (!now.has(id)) {
        out.push({ path: `${kind}.${id}`, kind: 'removed', before: display(nameRecord(before, id)?.zh), after: null });
      }
    }
  }
  return out;
}
