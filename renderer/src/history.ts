// Undo and redo of the editor's screens (issue 15): one stack per screen, so that Ctrl+Z on 工作经历 never
// reverts something done on 附件 out of sight. An entry is a pair of actions (each puts the archive, or the
// store, in the state before / after); the stack itself knows nothing of records or scans.
//
// Rules it keeps:
// - A new entry clears the screen's redo stack (as every editor does).
// - Successive edits of the same fields of the same item (`mergeKey`) within MERGE_MS are one entry: typing
//   a name is one step back, not one per keystroke.
// - At most LIMIT entries per screen: the oldest go first.
// - An entry that is undone out of order (the 撤销 button of a delete's message, after later edits) leaves
//   the stack; later entries stay, each acting on its own item.
import { useSyncExternalStore } from 'react';

export interface HistoryEntry {
  /** What it did, in the UI language, for the buttons' tooltip and the message after an undo. */
  label: string;
  undo: () => void;
  redo: () => void;
  /** Entries with the same key that follow each other quickly merge into one. */
  mergeKey?: string;
}

interface Stacks {
  done: HistoryEntry[];
  undone: HistoryEntry[];
}

export const LIMIT = 100;
export const MERGE_MS = 1500;

export interface History {
  push(scope: string, entry: HistoryEntry): void;
  /** Undoes the last entry of the screen; returns it, or null when there is none. */
  undo(scope: string): HistoryEntry | null;
  redo(scope: string): HistoryEntry | null;
  /** Undoes this very entry, wherever it is in the stack (false: it was undone already). */
  undoEntry(scope: string, entry: HistoryEntry): boolean;
  peek(scope: string): { undo: HistoryEntry | null; redo: HistoryEntry | null };
  subscribe(listener: () => void): () => void;
  /** Bumped on every change, for useSyncExternalStore. */
  version(): number;
}

export function createHistory(now: () => number = Date.now): History {
  const stacks = new Map<string, Stacks>();
  const listeners = new Set<() => void>();
  let version = 0;
  let lastPush = { scope: '', at: 0 };
  const stackOf = (scope: string): Stacks => {
    let s = stacks.get(scope);
    if (!s) stacks.set(scope, (s = { done: [], undone: [] }));
    return s;
  };
  const changed = () => {
    version += 1;
    for (const listener of listeners) listener();
  };

  return {
    push(scope, entry) {
      const s = stackOf(scope);
      const top = s.done[s.done.length - 1];
      const at = now();
      const merges =
        top !== undefined &&
        entry.mergeKey !== undefined &&
        top.mergeKey === entry.mergeKey &&
        s.undone.length === 0 &&
        lastPush.scope === scope &&
        at - lastPush.at <= MERGE_MS;
      if (merges) {
        // Undo goes back to the state before the first edit; redo forward to after the last.
        s.done[s.done.length - 1] = { ...entry, undo: top.undo };
      } else {
        s.done.push(entry);
        if (s.done.length > LIMIT) s.done.shift();
      }
      s.undone = [];
      lastPush = { scope, at };
      changed();
    },
    undo(scope) {
      const s = stackOf(scope);
      const entry = s.done.pop();
      if (!entry) return null;
      entry.undo();
      s.undone.push(entry);
      lastPush = { scope: '', at: 0 };
      changed();
      return entry;
    },
    redo(scope) {
      const s = stackOf(scope);
      const entry = s.undone.pop();
      if (!entry) return null;
      entry.redo();
      s.done.push(entry);
      lastPush = { scope: '', at: 0 };
      changed();
      return entry;
    },
    undoEntry(scope, entry) {
      const s = stackOf(scope);
      const at = s.done.lastIndexOf(entry);
      if (at < 0) return false;
      s.done.splice(at, 1);
      entry.undo();
      // Out of order, a redo could land on a changed state: it is offered only for the top of the stack.
      if (at === s.done.length) s.undone.push(entry);
      lastPush = { scope: '', at: 0 };
      changed();
      return true;
    },
    peek(scope) {
      const s = stacks.get(scope);
      return { undo: s?.done[s.done.length - 1] ?? null, redo: s?.undone[s.undone.length - 1] ?? null };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}

/** The screen's top entries, re-read whenever the history changes. */
export function useHistoryTop(history: History, scope: string) {
  useSyncExternalStore(history.subscribe, history.version);
  return history.peek(scope);
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'tel', 'url', 'number', 'password', 'date']);

/**
 * Whether the browser's own undo applies where the key was pressed: a field that takes typed text keeps its
 * own, finer history (per word, with the caret), and Ctrl+Z there undoes typing, not a whole entry. Read-only
 * inputs (antd's Select) and every other element (a card, a button, a switch) use the screen's history.
 */
export function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  if (target instanceof HTMLInputElement) {
    return TEXT_INPUT_TYPES.has(target.type) && !target.readOnly && !target.disabled;
  }
  return false;
}

export type HistoryKey = 'undo' | 'redo' | null;

/** Ctrl+Z (⌘Z) undoes; Ctrl+Shift+Z and Ctrl+Y redo. */
export function historyKeyOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): HistoryKey {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}
