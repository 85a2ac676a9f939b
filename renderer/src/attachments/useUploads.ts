// Adding files: one at a time (file by file, so a refusal names its file and a cancel keeps every file
// already added), with progress per file and overall. Issue 3: "Progress is shown and the batch can be
// cancelled, keeping what was fully added."
// The batch belongs to the editor, not to a screen: it goes on (and its progress stays in the header)
// while the user works on another screen, as a desktop user expects. It is a small store outside React's
// state so that a progress event redraws only what shows progress, never the screen being worked on.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Localized } from '../../../shared/api/contract.js';
import type { AddResult } from '../../../shared/attachments/schema.js';
import { ApiFailure, isCancelled, uploadFile } from '../api.js';
import { summarizeUploads, type UploadStatus, type UploadSummary } from './uploadSummary.js';

export type { UploadStatus } from './uploadSummary.js';

export interface UploadItem {
  id: number;
  name: string;
  size: number;
  loaded: number;
  status: UploadStatus;
  error: Localized | null;
}

export interface UploadState {
  items: readonly UploadItem[];
  isRunning: boolean;
  /** Counts the batches that have ended: a screen showing attachments reloads when it changes. */
  settled: number;
}

export interface UploadBatch {
  items: readonly UploadItem[];
  isRunning: boolean;
  /** Bytes dealt with over bytes chosen, 0–100; 100 only when every file was added or already there. */
  percent: number;
  /** Files with an outcome (added, already there, refused, cancelled) so far. */
  done: number;
  summary: UploadSummary;
}

let nextId = 1;

/** The editor's one batch; `dispose` (the editor going away) cancels it. */
export class UploadStore {
  private state: UploadState = { items: [], isRunning: false, settled: 0 };
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | null = null;

  constructor(private readonly applicantId: string) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): UploadState => this.state;

  private set(change: Partial<UploadState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  private patch(id: number, change: Partial<UploadItem>): void {
    this.set({ items: this.state.items.map((item) => (item.id === id ? { ...item, ...change } : item)) });
  }

  /**
   * Adds the files one by one; `onAdded` runs after each added file (e.g. to link it to the slot it was
   * added for). Resolves when the batch ends (finished or cancelled); [] when a batch is already running.
   */
  readonly start = async (
    files: readonly File[],
    onAdded?: (result: AddResult) => Promise<void> | void,
  ): Promise<AddResult[]> => {
    if (files.length === 0 || this.controller) return [];
    const abort = new AbortController();
    this.controller = abort;
    const batch = files.map((file) => ({
      file,
      item: { id: nextId++, name: file.name, size: file.size, loaded: 0, status: 'queued', error: null } as UploadItem,
    }));
    this.set({ items: batch.map((b) => b.item), isRunning: true });
    const added: AddResult[] = [];
    for (const { file, item } of batch) {
      if (abort.signal.aborted) {
        this.patch(item.id, { status: 'cancelled' });
        continue;
      }
      this.patch(item.id, { status: 'uploading' });
      try {
        const result = await uploadFile(file, {
          applicantId: this.applicantId,
          signal: abort.signal,
          onProgress: (loaded) => this.patch(item.id, { loaded }),
        });
        added.push(result);
        this.patch(item.id, { status: result.isDuplicate ? 'duplicate' : 'added', loaded: file.size });
        await onAdded?.(result);
      } catch (e) {
        if (isCancelled(e)) this.patch(item.id, { status: 'cancelled' });
        else {
          const error =
            e instanceof ApiFailure
              ? e.error.message
              : { zh: `${file.name}：${String(e)}`, en: `${file.name}: ${String(e)}` };
          this.patch(item.id, { status: 'refused', error });
        }
      }
    }
    this.controller = null;
    this.set({ isRunning: false, settled: this.state.settled + 1 });
    return added;
  };

  readonly cancel = (): void => this.controller?.abort();

  /** Forgets a finished batch's list. */
  readonly clear = (): void => {
    if (!this.controller) this.set({ items: [] });
  };

  dispose(): void {
    this.controller?.abort();
  }
}

export const UploadsContext = createContext<UploadStore | null>(null);

/** The editor's batch store, from any screen. */
export function useUploads(): UploadStore {
  const store = useContext(UploadsContext);
  if (!store) throw new Error('useUploads outside the editor');
  return store;
}

/** A part of the batch's state; the component redraws only when that part changes. */
export function useUploadState<T>(select: (state: UploadState) => T): T {
  const store = useUploads();
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()));
}

/** The whole batch with its overall progress (for the progress panel and the header). */
export function useUploadBatch(): UploadBatch {
  const { items, isRunning } = useUploadState((s) => s);
  const summary = summarizeUploads(items, isRunning);
  return { items, isRunning, percent: summary.percent, done: summary.finished, summary };
}
