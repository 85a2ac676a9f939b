// Pure ordering helpers of the 附件 screen: the grid's order (an edited version stands where its original
// stood) and the merge selection (an ordered list, in the order the boxes were ticked).
import type { AttachmentView } from '../../../shared/attachments/schema.js';

/**
 * The grid's order: each attachment at its first ancestor's place in `all` (the core's list, oldest
 * first), so a rotated, fitted or cropped version takes its original's position instead of jumping to the
 * end; several versions of one original (e.g. split parts) follow it, oldest first.
 */
export function gridOrder(shown: readonly AttachmentView[], all: readonly AttachmentView[]): AttachmentView[] {
  const index = new Map(all.map((a, i) => [a.id, i]));
  const byId = new Map(all.map((a) => [a.id, a]));
  const rootIndex = (a: AttachmentView): number => {
    let current = a;
    const seen = new Set<string>([a.id]);
    while (current.derivedFrom) {
      const parent = byId.get(current.derivedFrom);
      if (!parent || seen.has(parent.id)) break;
      seen.add(parent.id);
      current = parent;
    }
    return index.get(current.id) ?? Number.MAX_SAFE_INTEGER;
  };
  const keyed = shown.map((a, i) => ({ a, root: rootIndex(a), own: index.get(a.id) ?? Number.MAX_SAFE_INTEGER, i }));
  keyed.sort((x, y) => x.root - y.root || x.own - y.own || x.i - y.i);
  return keyed.map((k) => k.a);
}

/** Ticks (appends, once) or unticks `id` in an ordered selection. */
export function toggleSelected(selection: readonly string[], id: string, on: boolean): string[] {
  if (on) return selection.includes(id) ? [...selection] : [...selection, id];
  return selection.filter((s) => s !== id);
}

/** The selected attachments still shown, in the order they were ticked. */
export function selectedInOrder(selection: readonly string[], shown: readonly AttachmentView[]): AttachmentView[] {
  const byId = new Map(shown.map((a) => [a.id, a]));
  return selection.flatMap((id) => {
    const a = byId.get(id);
    return a ? [a] : [];
  });
}
