// Adding files: one at a time (file by file, so a refusal names its file and a cancel keeps every file
// already added), with progress per file and overall. Issue 3: "Progress is shown and the batch can be
// cancelled, keeping what was fully added."
import { useCallback, useRef, useState } from 'react';
import type { Localized } from '../../../shared/api/contract.js';
import type { AddResult } from '../../../shared/attachments/schema.js';
import { ApiFailure, isCancelled, uploadFile } from '../api.js';

export type UploadStatus = 'queued' | 'uploading' | 'added' | 'duplicate' | 'refused' | 'cancelled';

export interface UploadItem {
  id: number;
  name: string;
  size: number;
  loaded: number;
  status: UploadStatus;
  error: Localized | null;
}

export interface UploadBatch {
  items: UploadItem[];
  isRunning: boolean;
  /** Bytes sent over bytes chosen, 0–100. */
  percent: number;
}

let nextId = 1;

/** `onAdded` runs after each added file (e.g. to link it to the slot it was added for). */
export function useUploads(applicantId: string, onAdded?: (result: AddResult) => Promise<void> | void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [isRunning, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const patch = (id: number, change: Partial<UploadItem>) =>
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));

  const start = useCallback(
    async (files: readonly File[]): Promise<AddResult[]> => {
      if (files.length === 0 || controller.current) return [];
      const abort = new AbortController();
      controller.current = abort;
      const batch = files.map((file) => ({
        file,
        item: {
          id: nextId++,
          name: file.name,
          size: file.size,
          loaded: 0,
          status: 'queued',
          error: null,
        } as UploadItem,
      }));
      setItems(batch.map((b) => b.item));
      setRunning(true);
      const added: AddResult[] = [];
      for (const { file, item } of batch) {
        if (abort.signal.aborted) {
          patch(item.id, { status: 'cancelled' });
          continue;
        }
        patch(item.id, { status: 'uploading' });
        try {
          const result = await uploadFile(file, {
            applicantId,
            signal: abort.signal,
            onProgress: (loaded) => patch(item.id, { loaded }),
          });
          added.push(result);
          patch(item.id, { status: result.isDuplicate ? 'duplicate' : 'added', loaded: file.size });
          await onAdded?.(result);
        } catch (e) {
          if (isCancelled(e)) patch(item.id, { status: 'cancelled' });
          else {
            const error =
              e instanceof ApiFailure
                ? e.error.message
                : { zh: `${file.name}：${String(e)}`, en: `${file.name}: ${String(e)}` };
            patch(item.id, { status: 'refused', error });
          }
        }
      }
      controller.current = null;
      setRunning(false);
      return added;
    },
    [applicantId, onAdded],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clear = useCallback(() => setItems([]), []);

  const total = items.reduce((sum, i) => sum + i.size, 0);
  const loaded = items.reduce(
    (sum, i) => sum + (i.status === 'added' || i.status === 'duplicate' ? i.size : i.loaded),
    0,
  );
  const batch: UploadBatch = { items, isRunning, percent: total > 0 ? Math.round((loaded / total) * 100) : 0 };
  return { batch, start, cancel, clear };
}
