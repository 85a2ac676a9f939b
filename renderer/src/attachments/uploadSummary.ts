// What a batch of uploads amounts to, told truthfully: how many files were added, already there, refused
// or cancelled, how far it is (a file counts as finished only once it has an outcome), and the colour of
// the overall bar by outcome.
export type UploadStatus = 'queued' | 'uploading' | 'added' | 'duplicate' | 'refused' | 'cancelled';

export interface UploadItemLike {
  size: number;
  loaded: number;
  status: UploadStatus;
}

export interface UploadSummary {
  total: number;
  added: number;
  duplicate: number;
  refused: number;
  cancelled: number;
  /** Files with an outcome (added, already there, refused or cancelled). */
  finished: number;
  /** Every file has an outcome. */
  isComplete: boolean;
  /** Bytes dealt with over bytes chosen, 0–100 (a cancelled file counts what it had sent). */
  percent: number;
  /** The overall bar's colour: `active` while running, then `exception` when anything was refused,
   * `normal` when something was cancelled, `success` only when every file was added or already there. */
  status: 'active' | 'exception' | 'normal' | 'success';
}

const hasOutcome = (s: UploadStatus) => s !== 'queued' && s !== 'uploading';

export function summarizeUploads(items: readonly UploadItemLike[], isRunning: boolean): UploadSummary {
  const count = (s: UploadStatus) => items.filter((i) => i.status === s).length;
  const [added, duplicate, refused, cancelled] = [
    count('added'),
    count('duplicate'),
    count('refused'),
    count('cancelled'),
  ];
  const finished = added + duplicate + refused + cancelled;
  const isComplete = !isRunning && items.length > 0 && finished === items.length;
  const total = items.reduce((sum, i) => sum + i.size, 0);
  const dealt = items.reduce(
    (sum, i) => sum + (hasOutcome(i.status) && i.status !== 'cancelled' ? i.size : Math.min(i.loaded, i.size)),
    0,
  );
  let percent = total > 0 ? Math.floor((dealt / total) * 100) : 0;
  // 100 % (and antd's tick) only when every file is done.
  if (!isComplete || cancelled > 0) percent = Math.min(percent, 99);
  if (isComplete && cancelled === 0) percent = 100;
  const status = !isComplete ? 'active' : refused > 0 ? 'exception' : cancelled > 0 ? 'normal' : 'success';
  return { total: items.length, added, duplicate, refused, cancelled, finished, isComplete, percent, status };
}

/** One file's bar: full once the file has an outcome (except a cancelled one), coloured by that outcome. */
export function itemBar(item: UploadItemLike): {
  percent: number;
  status: 'active' | 'exception' | 'normal' | 'success';
} {
  const sent = item.size > 0 ? Math.min(100, Math.floor((item.loaded / item.size) * 100)) : 0;
  switch (item.status) {
    case 'queued':
      return { percent: 0, status: 'normal' };
    case 'uploading':
      return { percent: Math.min(sent, 99), status: 'active' };
    case 'added':
    case 'duplicate':
      return { percent: 100, status: 'success' };
    case 'refused':
      return { percent: 100, status: 'exception' };
    case 'cancelled':
      return { percent: Math.min(sent, 99), status: 'normal' };
  }
}
