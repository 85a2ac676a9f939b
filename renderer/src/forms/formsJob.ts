// The generation job of 打印表格: `forms:start` followed by the generic job tracker (../jobs/tracker.ts),
// one per applicant, so that leaving 打印表格 and coming back finds it still going, and a reload of the tab
// picks it up again.
import { call } from '../api.js';
import { jobTrackerOf, useJob, type JobTracker, type JobView } from '../jobs/tracker.js';

export { isRunning, POLL_MS, type JobView } from '../jobs/tracker.js';

const storageKey = (applicantId: string) => `dossier.formsJob.${applicantId}`;

/** The applicant's generation job: start(keys) asks forms:start; cancel and dismiss as any job. */
export class FormsJobTracker {
  constructor(
    private readonly applicantId: string,
    private readonly tracker: JobTracker = jobTrackerOf(storageKey(applicantId)),
  ) {}

  /** Starts a job; throws ApiFailure when the core refuses (the message names what is missing). */
  start(keys: string[]): Promise<void> {
    return this.tracker.start(keys, () => call('forms:start', { applicantId: this.applicantId, keys }));
  }

  cancel(): Promise<void> {
    return this.tracker.cancel();
  }

  dismiss(): void {
    this.tracker.dismiss();
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
  const { job } = useJob(storageKey(applicantId));
  return { job, tracker: trackerOf(applicantId) };
}
