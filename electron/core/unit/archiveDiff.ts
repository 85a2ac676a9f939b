// What changed between two revisions of an applicant's archive, as the officer re-reads a corrected package
// after 退回 (issue 7): per section field, and per record — added, removed, or a changed field — at the same
// problem-style paths the editor and the comments use; and per material slot, the scans added, removed or
// replaced (issue 19: a replaced scan is often the very reason for the return). Pure; before/after are short
// display strings for fields, the files' facts for scans.
import { RECORD_KINDS, SECTION_NAMES, type AnyRecord, type ArchiveDocument } from '../../../shared/archive/schema.js';
import { materialOf } from '../../../shared/attachments/slots.js';
import { nameRecord } from '../../../shared/materials/recordNames.js';
import type {
  ArchiveChange,
  AttachmentChange,
  CommentTarget,
  ReviewComment,
  RevisionFile,
} from '../../../shared/unit/schema.js';
import type { PackageAttachment } from '../package/content.js';

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

/** One slot of one record: where a scan proves something (the link's slot and record; a page is not a slot). */
const slotKey = (slot: string | null, recordId: string | null) => JSON.stringify([slot, recordId]);

/** The files of each slot, in the order they were added (the materials view's order). */
function bySlot(attachments: readonly PackageAttachment[]): Map<string, PackageAttachment[]> {
  const out = new Map<string, PackageAttachment[]>();
  const ordered = [...attachments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const a of ordered) {
    const keys = a.links.length === 0 ? [slotKey(null, null)] : a.links.map((l) => slotKey(l.slot, l.recordId));
    for (const key of new Set(keys)) {
      const list = out.get(key) ?? [];
      if (!list.some((x) => x.sha256 === a.sha256)) list.push(a);
      out.set(key, list);
    }
  }
  return out;
}

const fileOf = (a: PackageAttachment): RevisionFile => ({
  sha256: a.sha256,
  fileName: a.fileName,
  mediaType: a.mediaType,
  pages: a.pages,
  width: a.width,
  height: a.height,
});

/** M-4 before M-10 (numerically), then the slot, then the record: the notice's order of materials. */
function slotOrder(a: AttachmentChange, b: AttachmentChange): number {
  const n = (c: AttachmentChange) => (c.slot ? Number(materialOf(c.slot).slice(2)) : Number.MAX_SAFE_INTEGER);
  return (
    n(a) - n(b) || (a.slot ?? '').localeCompare(b.slot ?? '') || (a.recordId ?? '').localeCompare(b.recordId ?? '')
  );
}

/**
 * The scans that differ per slot from `before` to `after` (each revision's content/attachments.json). Within a
 * slot, files are the same when their bytes are (SHA-256; a new name alone is no change); the files that left
 * a slot and those that came are paired in the order they were added as replaced, the rest are removed or added.
 */
export function diffAttachments(
  before: readonly PackageAttachment[],
  after: readonly PackageAttachment[],
): AttachmentChange[] {
  const old = bySlot(before);
  const now = bySlot(after);
  const out: AttachmentChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const [slot, recordId] = JSON.parse(key) as [string | null, string | null];
    const was = old.get(key) ?? [];
    const is = now.get(key) ?? [];
    const gone = was.filter((a) => !is.some((b) => b.sha256 === a.sha256));
    const came = is.filter((b) => !was.some((a) => a.sha256 === b.sha256));
    for (let i = 0; i < Math.max(gone.length, came.length); i++) {
      const a = gone[i];
      const b = came[i];
      const kind = a && b ? 'replaced' : a ? 'removed' : 'added';
      out.push({ slot, recordId, kind, before: a ? fileOf(a) : null, after: b ? fileOf(b) : null });
    }
  }
  return out.sort(slotOrder);
}

/** Whether a field change concerns the field `path`: the field itself, or its whole record added or removed. */
const isAtField = (change: ArchiveChange, path: string) =>
  change.path === path || path.startsWith(`${change.path}.`) || change.path.startsWith(`${path}.`);

const touchesFile = (change: AttachmentChange, sha256: string) =>
  change.before?.sha256 === sha256 || change.after?.sha256 === sha256;

/**
 * What the applicant changed where a comment points: the field's changes for a field; the commented scan's
 * changes (replaced, removed, or moved to another slot) for a scan; the scans of the material's slots for a
 * comment on a material as a whole. Empty: nothing changed there (未修改).
 */
export function changesAt(
  comment: Pick<ReviewComment, 'material' | 'target'>,
  changes: readonly ArchiveChange[],
  attachmentChanges: readonly AttachmentChange[],
): { fieldChanges: ArchiveChange[]; attachmentChanges: AttachmentChange[] } {
  const target: CommentTarget = comment.target;
  if (target.kind === 'field') {
    return { fieldChanges: changes.filter((c) => isAtField(c, target.path)), attachmentChanges: [] };
  }
  if (target.kind === 'attachment') {
    // One file may prove several slots: its change is shown once.
    const seen = new Set<string>();
    const mine = attachmentChanges.filter((c) => {
      if (!touchesFile(c, target.sha256)) return false;
      const key = `${c.kind}:${c.before?.sha256 ?? ''}:${c.after?.sha256 ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { fieldChanges: [], attachmentChanges: mine };
  }
  return {
    fieldChanges: [],
    attachmentChanges: attachmentChanges.filter((c) => c.slot !== null && materialOf(c.slot) === comment.material),
  };
}
