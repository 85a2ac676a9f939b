// The autosave engine: debounces edits per key (a section, a record), sends requests one at a time in the
// order the user caused them, and keeps failed requests for a retry. No React here, so its rules are
// easy to follow:
// - An edit is sent ~400 ms after the last keystroke on that key, and at the latest ~1 s after the first
//   unsent one (steady typing still saves every second); a send reads the *latest* value when it runs
//   (the caller's `send` closure does), so coalescing never loses a keystroke.
// - Structural operations (add, delete, move, restore) go out at once, after every pending edit: a record
//   is always put before it is moved or deleted.
// - One request at a time keeps the server's order equal to the user's order.
// - A failed request is set aside (the others go on), retried with back-off and on demand; a newer edit of
//   the same key replaces it.
// - On page hide everything pending is sent at once with `keepalive`, so closing the window loses nothing.
import type { ApiError } from '../../shared/api/contract.js';
import { ApiFailure } from './api.js';

export type SaveState = { kind: 'saved'; at: Date | null } | { kind: 'saving' } | { kind: 'error'; error: ApiError };

export type Send = (keepalive: boolean) => Promise<unknown>;
type Job = { key: string | null; send: Send };

export const SAVE_DELAY_MS = 400;
export const SAVE_MAX_WAIT_MS = 1_000;
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export type SaveQueue = ReturnType<typeof createSaveQueue>;

export function createSaveQueue(onState: (state: SaveState) => void, delayMs = SAVE_DELAY_MS) {
  const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; send: Send; since: number }>();
  const queue: Job[] = [];
  let failed: Job[] = [];
  let inFlight = 0;
  let lastSavedAt: Date | null = null;
  let lastError: ApiError | null = null;
  let retryDelay = RETRY_MIN_MS;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pumping = false;
  let idleWaiters: (() => void)[] = [];
  let state: SaveState = { kind: 'saved', at: null };

  const isBusy = () => inFlight > 0 || queue.length > 0 || timers.size > 0;

  function report() {
    if (failed.length > 0 && lastError) state = { kind: 'error', error: lastError };
    else if (isBusy()) state = { kind: 'saving' };
    else state = { kind: 'saved', at: lastSavedAt };
    onState(state);
    if (!isBusy()) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  /** Put a job in the queue, replacing a not-yet-started job of the same key (it would send the same latest value). */
  function enqueue(job: Job) {
    const same = job.key === null ? -1 : queue.findIndex((queued) => queued.key === job.key);
    if (same >= 0) queue[same] = job;
    else queue.push(job);
  }

  function releaseTimers() {
    for (const [key, { timer, send }] of timers) {
      clearTimeout(timer);
      enqueue({ key, send });
    }
    timers.clear();
  }

  function toApiError(e: unknown): ApiError {
    if (e instanceof ApiFailure) return e.error;
    const detail = e instanceof Error ? e.message : String(e);
    return { code: 'internal', message: { zh: detail, en: detail } };
  }

  function setAside(job: Job, e: unknown) {
    lastError = toApiError(e);
    // A newer job of the same key may have been queued meanwhile; the old one is then obsolete.
    const superseded = job.key !== null && (timers.has(job.key) || queue.some((queued) => queued.key === job.key));
    if (!superseded) failed.push(job);
    if (retryTimer === null) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        retry();
      }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    }
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        inFlight += 1;
        report();
        try {
          await job.send(false);
          lastSavedAt = new Date();
          retryDelay = RETRY_MIN_MS;
        } catch (e) {
          setAside(job, e);
        } finally {
          inFlight -= 1;
        }
      }
    } finally {
      pumping = false;
      report();
    }
  }

  /** Supersede a failed job of this key: the new value replaces the one that could not be saved. */
  function dropFailed(key: string) {
    failed = failed.filter((job) => job.key !== key);
  }

  function schedule(key: string, send: Send) {
    dropFailed(key);
    const pending = timers.get(key);
    if (pending) clearTimeout(pending.timer);
    const since = pending?.since ?? Date.now();
    const wait = Math.max(0, Math.min(delayMs, since + SAVE_MAX_WAIT_MS - Date.now()));
    const timer = setTimeout(() => {
      timers.delete(key);
      enqueue({ key, send });
      void pump();
    }, wait);
    timers.set(key, { timer, send, since });
    report();
  }

  function runNow(send: Send, key: string | null = null) {
    if (key !== null) dropFailed(key);
    releaseTimers();
    enqueue({ key, send });
    void pump();
  }

  function retry() {
    if (retryTimer !== null) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    // Failed jobs were caused before anything still queued, so they go first.
    queue.unshift(...failed);
    failed = [];
    void pump();
  }

  /** Send every pending edit now and resolve when nothing is pending or in flight (failures stay set aside). */
  function drain(): Promise<void> {
    releaseTimers();
    void pump();
    if (!isBusy()) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  /** The page is going away: fire everything now, with keepalive, without waiting for each other. */
  function flushForUnload() {
    releaseTimers();
    const jobs = [...failed, ...queue.splice(0)];
    failed = [];
    for (const job of jobs) {
      inFlight += 1;
      job
        .send(true)
        .then(() => {
          lastSavedAt = new Date();
        })
        .catch((e: unknown) => setAside(job, e))
        .finally(() => {
          inFlight -= 1;
          report();
        });
    }
    report();
  }

  function dispose() {
    for (const { timer } of timers.values()) clearTimeout(timer);
    timers.clear();
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function markLoaded(at: Date | null) {
    lastSavedAt = at;
    report();
  }

  return { schedule, runNow, retry, drain, flushForUnload, dispose, markLoaded, getState: () => state };
}
