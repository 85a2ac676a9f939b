// Automatic backups while the app runs (desktop or browser mode): a first try a minute after start, then
// every hour — autoBackup makes at most one a day, so a session that runs past midnight gets the next
// day's. Never two at once; stopped (and a running one cancelled) when the workspace closes.
import { logFailure } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { autoBackup, type AutoBackupOptions, type AutoBackupResult } from './auto.js';

export interface ScheduleOptions extends Omit<AutoBackupOptions, 'signal' | 'now'> {
  firstAfterMs?: number;
  everyMs?: number;
  /** Told of each backup made (not of the days one already existed). */
  onBackup?: (result: AutoBackupResult) => void;
  onError?: (error: unknown) => void;
}

export function scheduleAutoBackups(w: Workspace, options: ScheduleOptions = {}): () => void {
  const { firstAfterMs = 60_000, everyMs = 3_600_000, onBackup, onError, ...auto } = options;
  const controller = new AbortController();
  let running = false;
  const run = async () => {
    if (running || controller.signal.aborted) return;
    running = true;
    try {
      const result = await autoBackup(w, { ...auto, signal: controller.signal });
      if (result.created) onBackup?.(result);
    } catch (e) {
      if (!controller.signal.aborted) (onError ?? ((err) => logFailure('automatic backup', err)))(e);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, firstAfterMs);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
    controller.abort();
  };
}
