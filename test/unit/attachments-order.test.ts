// The 附件 screen's pure logic: the grid's order (an edit stays in its original's place), the merge
// selection (the order of ticking) and the upload summary (renderer/src/attachments/order.ts,
// uploadSummary.ts).
import { describe, expect, it } from 'vitest';
import type { AttachmentView } from '../../shared/attachments/schema.js';
import { gridOrder, selectedInOrder, toggleSelected } from '../../renderer/src/attachments/order.js';
import { itemBar, summarizeUploads, type UploadItemLike } from '../../renderer/src/attachments/uploadSummary.js';

const att = (id: string, derivedFrom: string | null = null, hidden = false): AttachmentView =>
  ({ id, derivedFrom, hasNewerVersion: hidden, deletedAt: null }) as unknown as AttachmentView;
const ids = (list: readonly AttachmentView[]) => list.map((a) => a.id);

describe('gridOrder', () => {
  it('puts an edited version where its original stood, not at the end', () => {
    // The core lists oldest first: a, b, c, then a's rotation, then that rotation's fit.
    const all = [att('a', null, true), att('b'), att('c'), att('a2', 'a', true), att('a3', 'a2')];
    const shown = all.filter((a) => !a.hasNewerVersion);
    expect(ids(gridOrder(shown, all))).toEqual(['a3', 'b', 'c']);
  });

  it('keeps split parts and merges right after their original, oldest first', () => {
    const all = [att('a'), att('b'), att('c'), att('b-1', 'b'), att('b-2', 'b'), att('m', 'a')];
    expect(ids(gridOrder(all, all))).toEqual(['a', 'm', 'b', 'b-1', 'b-2', 'c']);
  });

  it('survives a missing original and a cycle', () => {
    const all = [att('x', 'gone'), att('p', 'q'), att('q', 'p')];
    const order = ids(gridOrder(all, all));
    expect(order[0]).toBe('x');
    expect([...order].sort()).toEqual(['p', 'q', 'x']);
  });
});

describe('merge selection', () => {
  it('keeps the order of ticking, not the grid order', () => {
    let s: string[] = [];
    s = toggleSelected(s, 'c', true);
    s = toggleSelected(s, 'a', true);
    s = toggleSelected(s, 'b', true);
    s = toggleSelected(s, 'a', false);
    s = toggleSelected(s, 'a', true);
    s = toggleSelected(s, 'c', true); // ticking again does not duplicate or move
    expect(s).toEqual(['c', 'b', 'a']);
    const shown = [att('a'), att('b'), att('c')];
    expect(ids(selectedInOrder(s, shown))).toEqual(['c', 'b', 'a']);
  });

  it('drops ids no longer shown (deleted or replaced by an edit)', () => {
    expect(ids(selectedInOrder(['z', 'b', 'gone'], [att('b'), att('z')]))).toEqual(['z', 'b']);
  });
});

const item = (status: UploadItemLike['status'], size = 100, loaded = 0): UploadItemLike => ({ status, size, loaded });

describe('summarizeUploads', () => {
  it('one added, one duplicate, four refused: counts each, red bar, not a success', () => {
    const items = [item('added'), item('duplicate'), ...Array.from({ length: 4 }, () => item('refused'))];
    const s = summarizeUploads(items, false);
    expect(s).toMatchObject({ total: 6, added: 1, duplicate: 1, refused: 4, cancelled: 0, finished: 6 });
    expect(s.isComplete).toBe(true);
    expect(s.status).toBe('exception');
  });

  it('is not complete (nor at 100 %) while a file is still being sent', () => {
    const items = [...Array.from({ length: 6 }, () => item('added')), item('uploading', 100, 100)];
    const s = summarizeUploads(items, true);
    expect(s.isComplete).toBe(false);
    expect(s.finished).toBe(6);
    expect(s.percent).toBeLessThan(100);
    expect(s.status).toBe('active');
    // Every item has an outcome but the batch has not ended yet: still not done.
    expect(summarizeUploads([item('added')], true).isComplete).toBe(false);
  });

  it('success (100 %) only when every file was added or already there', () => {
    expect(summarizeUploads([item('added'), item('duplicate')], false)).toMatchObject({
      isComplete: true,
      percent: 100,
      status: 'success',
    });
  });

  it('a cancelled batch is neither full nor green', () => {
    const s = summarizeUploads([item('added'), item('cancelled', 100, 30), item('cancelled')], false);
    expect(s).toMatchObject({ added: 1, cancelled: 2, isComplete: true, status: 'normal' });
    expect(s.percent).toBe(43);
  });

  it('an empty batch', () => {
    expect(summarizeUploads([], false)).toMatchObject({ total: 0, percent: 0, isComplete: false });
  });
});

describe('itemBar', () => {
  it('colours each file by its outcome', () => {
    expect(itemBar(item('refused'))).toEqual({ percent: 100, status: 'exception' });
    expect(itemBar(item('added', 100, 10))).toEqual({ percent: 100, status: 'success' });
    expect(itemBar(item('uploading', 100, 100))).toEqual({ percent: 99, status: 'active' });
    expect(itemBar(item('queued'))).toEqual({ percent: 0, status: 'normal' });
    expect(itemBar(item('cancelled', 100, 40))).toEqual({ percent: 40, status: 'normal' });
  });
});
