// The archive being edited: loaded once, then the local state is the source of truth. Every edit updates
// the state at once (so nothing the user types is ever replaced by a server answer) and is handed to the
// save queue, whose requests read the latest value from `docRef` when they are finally sent.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PutRecordInput, SaveSectionInput } from '../../shared/api/contract.js';
import { emptyRecord } from '../../shared/archive/empty.js';
import type { ArchiveDocument, RecordKind, RecordOf, SectionName, Sections } from '../../shared/archive/schema.js';
import { ApiFailure, call } from './api.js';
import { createSaveQueue, type SaveState } from './saveQueue.js';

export type LoadState =
  { kind: 'loading' } | { kind: 'failed'; error: ApiFailure['error'] } | { kind: 'ready'; archive: ArchiveDocument };

/** A record removed by the user, kept so that 撤销 (undo) can put it back where it was. */
export type Removed<K extends RecordKind = RecordKind> = { kind: K; record: RecordOf<K>; index: number };

/** The list of `kind` in `doc`. The schema guarantees the pairing; TypeScript cannot see it through the generic. */
export function listOf<K extends RecordKind>(doc: ArchiveDocument, kind: K): RecordOf<K>[] {
  return doc[kind] as RecordOf<K>[];
}
function withList<K extends RecordKind>(doc: ArchiveDocument, kind: K, list: RecordOf<K>[]): ArchiveDocument {
  return { ...doc, [kind]: list };
}

const sectionKey = (name: SectionName) => `section:${name}`;
const recordKey = (kind: RecordKind, id: string) => `record:${kind}:${id}`;

export function useArchive(applicantId: string) {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'saved', at: null });
  const docRef = useRef<ArchiveDocument | null>(null);
  const queue = useMemo(() => createSaveQueue(setSave), []);

  const fetchArchive = useCallback(async () => {
    setLoad({ kind: 'loading' });
    try {
      const view = await call('archive:get', { applicantId });
      docRef.current = view.archive;
      const loadedAt = new Date(view.updatedAt);
      queue.markLoaded(Number.isNaN(loadedAt.getTime()) ? null : loadedAt);
      setLoad({ kind: 'ready', archive: view.archive });
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setLoad({
        kind: 'failed',
        error: e instanceof ApiFailure ? e.error : { code: 'internal', message: { zh: detail, en: detail } },
      });
    }
  }, [applicantId, queue]);

  useEffect(() => {
    void fetchArchive();
  }, [fetchArchive]);

  // Closing the window or switching away must not lose the last second of typing.
  useEffect(() => {
    const onPageHide = () => queue.flushForUnload();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') queue.flushForUnload();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      queue.flushForUnload();
      queue.dispose();
    };
  }, [queue]);

  const commit = useCallback((next: ArchiveDocument) => {
    docRef.current = next;
    setLoad({ kind: 'ready', archive: next });
  }, []);

  const setSection = useCallback(
    <K extends SectionName>(name: K, patch: Partial<Sections[K]>) => {
      const doc = docRef.current;
      if (!doc) return;
      commit({ ...doc, [name]: { ...doc[name], ...patch } });
      queue.schedule(sectionKey(name), (keepalive) => {
        const data = docRef.current?.[name] ?? doc[name];
        const input = { applicantId, section: name, data } as SaveSectionInput;
        return call('archive:saveSection', input, { keepalive });
      });
    },
    [applicantId, commit, queue],
  );

  /** The put request for one record: sends the latest local version, or the last one known if it was removed since. */
  const putSender = useCallback(
    <K extends RecordKind>(kind: K, known: RecordOf<K>) =>
      (keepalive: boolean) => {
        const current = docRef.current ? listOf(docRef.current, kind).find((r) => r.id === known.id) : undefined;
        const input = { applicantId, kind, record: current ?? known } as PutRecordInput;
        return call('records:put', input, { keepalive });
      },
    [applicantId],
  );

  const setRecord = useCallback(
    <K extends RecordKind>(kind: K, id: string, patch: Partial<RecordOf<K>>) => {
      const doc = docRef.current;
      if (!doc) return;
      const list = listOf(doc, kind);
      const current = list.find((r) => r.id === id);
      if (!current) return;
      const updated: RecordOf<K> = { ...current, ...patch };
      commit(
        withList(
          doc,
          kind,
          list.map((r) => (r.id === id ? updated : r)),
        ),
      );
      queue.schedule(recordKey(kind, id), putSender(kind, updated));
    },
    [commit, putSender, queue],
  );

  /** Append a blank record and save it at once; returns its id so the UI can focus it. */
  const addRecord = useCallback(
    (kind: RecordKind): string | null => {
      const doc = docRef.current;
      if (!doc) return null;
      const record = emptyRecord(kind, crypto.randomUUID());
      commit(withList(doc, kind, [...listOf(doc, kind), record]));
      queue.runNow(putSender(kind, record), recordKey(kind, record.id));
      return record.id;
    },
    [commit, putSender, queue],
  );

  const deleteRecord = useCallback(
    <K extends RecordKind>(kind: K, id: string): Removed<K> | null => {
      const doc = docRef.current;
      if (!doc) return null;
      const list = listOf(doc, kind);
      const index = list.findIndex((r) => r.id === id);
      const record = list[index];
      if (!record) return null;
      commit(
        withList(
          doc,
          kind,
          list.filter((r) => r.id !== id),
        ),
      );
      queue.runNow((keepalive) => call('records:delete', { applicantId, kind, id }, { keepalive }));
      return { kind, record, index };
    },
    [applicantId, commit, queue],
  );

  const restoreRecord = useCallback(
    <K extends RecordKind>({ kind, record, index }: Removed<K>) => {
      const doc = docRef.current;
      if (!doc) return;
      const list = listOf(doc, kind);
      if (list.some((r) => r.id === record.id)) return;
      const at = Math.min(index, list.length);
      commit(withList(doc, kind, [...list.slice(0, at), record, ...list.slice(at)]));
      const id = record.id;
      queue.runNow((keepalive) => call('records:restore', { applicantId, kind, id }, { keepalive }));
      // The list may have changed since the delete; say where the record belongs now.
      queue.runNow((keepalive) => call('records:move', { applicantId, kind, id, toIndex: at }, { keepalive }));
    },
    [applicantId, commit, queue],
  );

  const moveRecord = useCallback(
    (kind: RecordKind, id: string, toIndex: number) => {
      const doc = docRef.current;
      if (!doc) return;
      const list = listOf(doc, kind);
      const from = list.findIndex((r) => r.id === id);
      const record = list[from];
      if (!record || toIndex < 0 || toIndex >= list.length || toIndex === from) return;
      const rest = list.filter((r) => r.id !== id);
      commit(withList(doc, kind, [...rest.slice(0, toIndex), record, ...rest.slice(toIndex)]));
      queue.runNow((keepalive) => call('records:move', { applicantId, kind, id, toIndex }, { keepalive }));
    },
    [applicantId, commit, queue],
  );

  /** What depends on a record (linked scans, paper copies), asked before deleting it (issue 15). */
  const recordDependents = useCallback(
    (kind: RecordKind, id: string) => call('records:dependents', { applicantId, kind, id }),
    [applicantId],
  );

  /** The archive as it is this instant (the state of the last render may be one edit behind). */
  const current = useCallback(() => docRef.current, []);

  return {
    load,
    save,
    reload: fetchArchive,
    current,
    setSection,
    setRecord,
    addRecord,
    deleteRecord,
    restoreRecord,
    moveRecord,
    recordDependents,
    retry: queue.retry,
    drain: queue.drain,
  };
}

export type ArchiveApi = ReturnType<typeof useArchive>;
