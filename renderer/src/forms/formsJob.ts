// The generation job of 打印表格 as the renderer follows it: started with `forms:start`, polled with
// `jobs:status` about every 250 ms, stopped with `jobs:cancel`. The job runs in the core; this tracker
// outlives the screen (one per applicant, like the upload batch), so leaving 打印表格 and coming back finds
// it still going, and a reload of the tab picks it up again from sessionStorage.
import { useSyncExternalStore } from 'react';
import type { ApiError, JobStatus } from '../../../shared/api/contract.js';
import { ApiFailure, call } from '../api.js';

export const POLL_MS = 250;
/** Polls that may fail in a row (the service restarting, a slow disk) before the job is given up on. */
const MAX_POLL_FAILURES = 8;

export interface JobView {
  jobId: string;
  /** What was asked for, in order. */
  keys: string[];
  /** The latest status; null until the first poll answers. */
  status: JobStatus | null;
  isCancelling: boolean;
  /** The job could not be followed (its status stopped answering). */
  lostError: ApiError | null;
}

const storageKey = (applicantId: string) => `dossier.formsJob.${applicantId}`;

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiFailure
    ? e.error
    : { code: 'internal', message: { zh: String(e), en: e instanceof Error ? e.message : String(e) } };

export const isRunning = (job: JobView | null): boolean =>
  job !== null && job.lostError === null && (job.status === null || job.status.state === 'running');

export class FormsJobTracker {
  private view: JobView | null = null;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  constructor(private readonly applicantId: string) {
    const stored = sessionStorage.getItem(storageKey(applicantId));
    if (stored) {
      try {
        const { jobId, keys } = JSON.parse(stored) as { jobId: string; keys: string[] };
        this.set({ jobId, keys, status: null, isCancelling: false, lostError: null });
        this.schedule(0);
      } catch {
        sessionStorage.removeItem(storageKey(applicantId));
      }
    }
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): JobView | null => this.view;

  /** Starts a job; throws ApiFailure when the core refuses (the message names what is missing). */
  async start(keys: string[]): Promise<void> {
    if (isRunning(this.view)) return;
    const { jobId } = await call('forms:start', { applicantId: this.applicantId, keys });
    sessionStorage.setItem(storageKey(this.applicantId), JSON.stringify({ jobId, keys }));
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
      if (isDone) sessionStorage.removeItem(storageKey(this.applicantId));
      else this.schedule(POLL_MS);
    } catch (e) {
      if (this.view?.jobId !== view.jobId) return;
      this.failures += 1;
      // An unknown job (the service restarted) will not come back; other failures are tried again.
      const isUnknown = e instanceof ApiFailure && /not_found|unknown/.test(e.error.code);
      if (isUnknown || this.failures >= MAX_POLL_FAILURES) {
        sessionStorage.removeItem(storageKey(this.applicantId));
        this.set({ ...this.view, isCancelling: false, lostError: asApiError(e) });
      } else {
        this.schedule(POLL_MS * 2 ** Math.min(this.failures, 4));
      }
    }
  }
}

const trackers = new Map<string, FormsJobTracker>();

export function trackerOf(applicantId: string): FormsJobTracker {
  let tracker = trackers.get(applicantId);
  if (!tracker) {
    tracker = new FormsJobTracker(applicantId);
    trackers.set(applicantId, tracker);
  }
  return tracker;
}

/** The applicant's generation job, re-rendering on every status. */
export function useFormsJob(applicantId: string): { job: JobView | null; tracker: FormsJobTracker } {
  const tracker = trackerOf(applicantId);
  const job = useSyncExternalStore(tracker.subscribe, tracker.get);
  return { job, tracker };
}
