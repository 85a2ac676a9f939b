// The editor's undo / redo stacks (issue 15, renderer/src/history.ts): per screen, merged typing, a new step
// clears redo, the delete message's 撤销 out of order, the bound, and which keys mean what.
import { describe, expect, it } from 'vitest';
import { createHistory, historyKeyOf, LIMIT, MERGE_MS, type HistoryEntry } from '../../renderer/src/history.js';

/** A value with a log of every state it took, and an entry that sets it from `from` to `to`. */
function counter() {
  const state = { value: 0 };
  const set = (from: number, to: number, mergeKey?: string): HistoryEntry => {
    state.value = to;
    return { label: `${from}→${to}`, mergeKey, undo: () => (state.value = from), redo: () => (state.value = to) };
  };
  return { state, set };
}

describe('createHistory', () => {
  it('undoes and redoes in order, and a new step clears redo', () => {
    const h = createHistory();
    const { state, set } = counter();
    h.push('works', set(0, 1));
    h.push('works', set(1, 2));
    expect(h.undo('works')?.label).toBe('1→2');
    expect(state.value).toBe(1);
    expect(h.undo('works')?.label).toBe('0→1');
    expect(state.value).toBe(0);
    expect(h.undo('works')).toBeNull();
    expect(h.redo('works')?.label).toBe('0→1');
    expect(state.value).toBe(1);
    h.push('works', set(1, 5));
    expect(h.redo('works')).toBeNull();
    expect(h.peek('works')).toEqual({ undo: expect.objectContaining({ label: '1→5' }), redo: null });
  });

  it('keeps one stack per screen: Ctrl+Z on one never reverts another', () => {
    const h = createHistory();
    const a = counter();
    const b = counter();
    h.push('works', a.set(0, 1));
    h.push('attachments', b.set(0, 7));
    expect(h.undo('works')?.label).toBe('0→1');
    expect(b.state.value).toBe(7);
    expect(h.undo('works')).toBeNull();
    expect(h.peek('attachments').undo?.label).toBe('0→7');
  });

  it('merges quick steps with the same key into one (typing a name), not slow or different ones', () => {
    let now = 1000;
    const h = createHistory(() => now);
    const { state, set } = counter();
    h.push('profile', set(0, 1, 'name'));
    now += 200;
    h.push('profile', set(1, 2, 'name'));
    now += 200;
    h.push('profile', set(2, 3, 'name'));
    expect(h.peek('profile').undo?.label).toBe('2→3');
    h.undo('profile');
    expect(state.value).toBe(0);
    expect(h.undo('profile')).toBeNull();
    h.redo('profile');
    expect(state.value).toBe(3);

    now += MERGE_MS + 1;
    h.push('profile', set(3, 4, 'name'));
    now += 10;
    h.push('profile', set(4, 5, 'phone'));
    h.undo('profile');
    h.undo('profile');
    expect(state.value).toBe(3);
  });

  it('does not merge into a step that was undone and redone', () => {
    let now = 0;
    const h = createHistory(() => now);
    const { state, set } = counter();
    h.push('p', set(0, 1, 'k'));
    h.undo('p');
    h.redo('p');
    now += 10;
    h.push('p', set(1, 2, 'k'));
    h.undo('p');
    expect(state.value).toBe(1);
  });

  it("undoes one entry out of order (a delete message's 撤销) and keeps the later ones", () => {
    const h = createHistory();
    const deleted = { value: true };
    const del: HistoryEntry = {
      label: 'delete',
      undo: () => (deleted.value = false),
      redo: () => (deleted.value = true),
    };
    const { state, set } = counter();
    h.push('works', del);
    h.push('works', set(0, 1));
    expect(h.undoEntry('works', del)).toBe(true);
    expect(deleted.value).toBe(false);
    expect(state.value).toBe(1);
    // Out of order it is not offered for redo; the later edit is still the step to undo.
    expect(h.peek('works')).toEqual({ undo: expect.objectContaining({ label: '0→1' }), redo: null });
    expect(h.undoEntry('works', del)).toBe(false);
    expect(deleted.value).toBe(false);
  });

  it('keeps at most LIMIT steps, dropping the oldest', () => {
    const h = createHistory();
    const { set } = counter();
    for (let i = 0; i < LIMIT + 5; i += 1) h.push('s', set(i, i + 1));
    let n = 0;
    let last: HistoryEntry | null = null;
    for (let e = h.undo('s'); e; e = h.undo('s')) {
      n += 1;
      last = e;
    }
    expect(n).toBe(LIMIT);
    expect(last?.label).toBe('5→6');
  });

  it('tells subscribers of every change', () => {
    const h = createHistory();
    let calls = 0;
    const off = h.subscribe(() => (calls += 1));
    const { set } = counter();
    h.push('s', set(0, 1));
    h.undo('s');
    h.redo('s');
    h.undo('nothing-here');
    off();
    h.push('s', set(1, 2));
    expect(calls).toBe(3);
    expect(h.version()).toBe(4);
  });
});

describe('historyKeyOf', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
    historyKeyOf({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it('reads Ctrl+Z as undo, Ctrl+Shift+Z and Ctrl+Y as redo, ⌘ as Ctrl', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z', { metaKey: true })).toBe('undo');
  });
  it('ignores the keys without Ctrl, with Alt, and Ctrl+Shift+Y', () => {
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('y', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(key('x', { ctrlKey: true })).toBeNull();
  });
});
