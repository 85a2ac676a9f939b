// A job of the core as the renderer follows it (forms, package export and import, backups): started by a
// method that answers `{ jobId }`, polled with `jobs:status` about every 250 ms, stopped with `jobs:cancel`.
// The job runs in the core; a tracker outlives the screen that started it (one per kind of work, kept in a
// module-level map), so leaving the screen and coming back finds it still going, and a reload of the tab
// picks it up again from sessionStorage.
import { useSyncExternalStore } from 'react';
import type { ApiError, JobStatus } from '../../../shared/api/contract.js';
import { ApiFailure, call } from '../api.js';

export const POLL_MS = 250;
/** Polls that may fail in a row (the service restarting, a slow disk) before the job is given up on. */
const MAX_POLL_FAILURES = 8;

export interface JobView {
  jobId: string;
  /** What was asked for, in order (the forms' keys; a backup's name; whatever the starter chose). */
  keys: string[];
  /** The latest status; null until the first poll answers. */
  status: JobStatus | null;
  isCancelling: boolean;
  /** The job could not be followed (its status stopped answering). */
  lostError: ApiError | null;
}

/** Starts the job in the core; resolves to its id or throws ApiFailure with the core's reason. */
export type JobStarter = () => Promise<{ jobId: string }>;

export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiFailure
    ? e.error
    : { code: 'internal', message: { zh: String(e), en: e instanceof Error ? e.message : String(e) } };

export const isRunning = (job: JobView | null): boolean =>
  job !== null && job.lostError === null && (job.status === null || job.status.state === 'running');

export class JobTracker {
  private view: JobView | null = null;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  /** `storageKey`: where the running job's id is kept for the tab (sessionStorage). */
  constructor(private readonly storageKey: string) {
    const stored = sessionStorage.getItem(storageKey);
    if (stored) {
      try {
        const { jobId, keys } = JSON.parse(stored) as { jobId: string; keys: string[] };
        this.set({ jobId, keys, status: null, isCancelling: false, lostError: null });
        this.schedule(0);
      } catch {
        sessionStorage.removeItem(storageKey);
      }
    }
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): JobView | null => this.view;

  /** Starts a job (unless one is running); throws ApiFailure when the core refuses it. */
  async start(keys: string[], begin: JobStarter): Promise<void> {
    if (isRunning(this.view)) return;
    const { jobId } = await begin();
    sessionStorage.setItem(this.storageKey, JSON.stringify({ jobId, keys }));
    this.failures = 0;
    this.set({ jobId, keys, status: null, isCancelling: false, lostError: null });
    this.schedule(0);
  }

  /** Asks the core to stop; the next poll reports what was kept. */
  async cancel(): Promise<void> {
    const view = this.view;
    if (!view || !isRunning(view)) return;
    this.set({ ...view, isCancelling: true });
    try {
      await call('jobs:cancel', { jobId: view.jobId });
    } catch (e) {
      // A job that ended meanwhile cannot be cancelled: its final status says what happened.
      if (this.view?.jobId === view.jobId) this.set({ ...this.view, isCancelling: false });
      if (!(e instanceof ApiFailure)) throw e;
    }
    this.schedule(0);
  }

  /** Forgets a finished job (its result line is closed). */
  dismiss(): void {
    if (isRunning(this.view)) return;
    this.set(null);
  }

  private set(view: JobView | null): void {
    this.view = view;
    for (const listener of this.listeners) listener();
  }

  private schedule(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, ms);
  }

  private async poll(): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      const status = await call('jobs:status', { jobId: view.jobId });
      if (this.view?.jobId !== view.jobId) return;
      this.failures = 0;
      const isDone = status.state !== 'running';
      this.set({ ...this.view, status, isCancelling: isDone ? false : this.view.isCancelling });
      if (isDone) sessionStorage.removeItem(this.storageKey);
      else this.schedule(POLL_MS);
    } catch (e) {
      if (this.view?.jobId !== view.jobId) return;
      this.failures += 1;
      // An unknown job (the service restarted) will not come back; other failures are tried again.
      const isUnknown = e instanceof ApiFailure && /not_found|unknown/.test(e.error.code);
      if (isUnknown || this.failures >= MAX_POLL_FAILURES) {
        sessionStorage.removeItem(this.storageKey);
        this.set({ ...this.view, isCancelling: false, lostError: asApiError(e) });
      } else {
        this.schedule(POLL_MS * 2 ** Math.min(this.failures, 4));
      }
    }
  }
}

const trackers = new Map<string, JobTracker>();

/** The tracker kept under a storage key (`dossier.formsJob.<applicant>`, `dossier.packageExport`, …). */
export function jobTrackerOf(storageKey: string): JobTracker {
  let tracker = trackers.get(storageKey);
  if (!tracker) {
    tracker = new JobTracker(storageKey);
    trackers.set(storageKey, tracker);
  }
  return tracker;
}

/** A tracker's job, re-rendering on every status. */
export function useJob(storageKey: string): { job: JobView | null; tracker: JobTracker } {
  const tracker = jobTrackerOf(storageKey);
  const job = useSyncExternalStore(tracker.subscribe, tracker.get);
  return { job, tracker };
}
