// A CLI command that runs one job over many items (unit-import, review-import): each item's result is printed
// as it arrives, and Ctrl+C cancels the job — the items done stay done, the one under way is not half taken in.
import type { JobStatus } from '../shared/api/contract.js';
import { cancelJob, waitForJob } from './core/jobs.js';

export async function followResults<R>(
  start: () => Promise<{ jobId: string }>,
  resultsOf: (status: JobStatus) => readonly R[] | null | undefined,
  print: (result: R) => void,
): Promise<{ status: JobStatus; results: readonly R[] }> {
  let jobId: string | null = null;
  const stop = () => {
    if (jobId) cancelJob(jobId);
  };
  process.once('SIGINT', stop);
  try {
    ({ jobId } = await start());
    let printed = 0;
    const printNew = (s: JobStatus) => {
      const results = resultsOf(s) ?? [];
      for (; printed < results.length; printed++) print(results[printed]!);
    };
    const status = await waitForJob(jobId, printNew);
    printNew(status);
    return { status, results: resultsOf(status) ?? [] };
  } finally {
    process.off('SIGINT', stop);
  }
}
