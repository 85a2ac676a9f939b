// The editor's undo / redo (issue 15): the edit operations wrapped so that each edit of a field and each
// move is recorded on the current screen's stack (history.ts), the screen's history bound for the parts
// that record their own steps (a delete names what it deleted), and the keys: Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y.
//
// Where the key is pressed decides what it undoes: in a text field the browser's own undo (typing, word by
// word, with the caret), anywhere else — a card, a button, a switch, after a delete — the screen's stack.
// The buttons in the header do the screen's stack wherever the focus is.
import { App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ArchiveDocument, RecordKind, RecordOf, SectionName, Sections } from '../../shared/archive/schema.js';
import type { EditOps } from './editorContext.js';
import { createHistory, historyKeyOf, isTextEditing, useHistoryTop, type HistoryEntry } from './history.js';
import { useT } from './i18n.js';
import { listOf } from './useArchive.js';

/** The current screen's history, as the editor's parts use it. */
export interface ScreenHistory {
  push(entry: HistoryEntry): void;
  undo(): void;
  redo(): void;
  /** The 撤销 of a delete's message: undoes that delete even when later edits followed it. */
  undoEntry(entry: HistoryEntry): void;
  top: { undo: HistoryEntry | null; redo: HistoryEntry | null };
}

function pick<T extends object>(from: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, (from as Record<string, unknown>)[k]])) as Partial<T>;
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Puts the keyboard on a record's card again after it came back (undo of a delete, redo of a move). */
export function focusRecord(id: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(id)}"]`)?.focus());
}

export function useEditHistory(
  ops: EditOps,
  current: () => ArchiveDocument | null,
  scope: string,
): { ops: EditOps; history: ScreenHistory } {
  const { t } = useT();
  const { message } = App.useApp();
  const [history] = useState(() => createHistory());
  const top = useHistoryTop(history, scope);

  const screenHistory = useMemo<ScreenHistory>(() => {
    const announce = (key: 'hist_undone' | 'hist_redone', entry: HistoryEntry | null) => {
      if (entry) void message.info({ content: t(key, { what: entry.label }), key: 'history', duration: 3 });
    };
    return {
      push: (entry) => history.push(scope, entry),
      undo: () => announce('hist_undone', history.undo(scope)),
      redo: () => announce('hist_redone', history.redo(scope)),
      undoEntry: (entry) => {
        if (history.undoEntry(scope, entry)) announce('hist_undone', entry);
      },
      top,
    };
  }, [history, scope, top, message, t]);

  const recorded = useMemo<EditOps>(() => {
    const setSection = <K extends SectionName>(name: K, patch: Partial<Sections[K]>) => {
      const doc = current();
      if (!doc) return;
      const keys = Object.keys(patch);
      const before = pick(doc[name], keys) as Partial<Sections[K]>;
      ops.setSection(name, patch);
      if (same(before, patch)) return;
      history.push(scope, {
        label: t('hist_edit'),
        mergeKey: `section:${name}:${keys.sort().join(',')}`,
        undo: () => ops.setSection(name, before),
        redo: () => ops.setSection(name, patch),
      });
    };
    const setRecord = <K extends RecordKind>(kind: K, id: string, patch: Partial<RecordOf<K>>) => {
      const doc = current();
      const record = doc ? listOf(doc, kind).find((r) => r.id === id) : undefined;
      if (!record) return;
      const keys = Object.keys(patch);
      const before = pick(record, keys) as Partial<RecordOf<K>>;
      ops.setRecord(kind, id, patch);
      if (same(before, patch)) return;
      history.push(scope, {
        label: t('hist_edit'),
        mergeKey: `record:${kind}:${id}:${keys.sort().join(',')}`,
        undo: () => ops.setRecord(kind, id, before),
        redo: () => ops.setRecord(kind, id, patch),
      });
    };
    const moveRecord = (kind: RecordKind, id: string, toIndex: number) => {
      const doc = current();
      const from = doc ? listOf(doc, kind).findIndex((r) => r.id === id) : -1;
      ops.moveRecord(kind, id, toIndex);
      if (from < 0 || from === toIndex) return;
      history.push(scope, {
        label: t('hist_move'),
        undo: () => {
          ops.moveRecord(kind, id, from);
          focusRecord(id);
        },
        redo: () => {
          ops.moveRecord(kind, id, toIndex);
          focusRecord(id);
        },
      });
    };
    return { ...ops, setSection, setRecord, moveRecord };
  }, [ops, current, history, scope, t]);

  // The keys, on the window: a screen needs no focus of its own for them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = historyKeyOf(e);
      if (!key || e.defaultPrevented || isTextEditing(e.target)) return;
      // A dialog (a delete's question, a rename) is a step of its own: the keys do not reach behind it.
      if (e.target instanceof Element && e.target.closest('.ant-modal-wrap')) return;
      e.preventDefault();
      if (key === 'undo') screenHistory.undo();
      else screenHistory.redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [screenHistory]);

  return { ops: recorded, history: screenHistory };
}
