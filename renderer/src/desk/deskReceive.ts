// A receive on its way into the desk's workspace (issue 17, item 2): each chosen batch (.zip) or package
// (.zcpkg) handed to the core (uploaded with progress in the browser mode; its path on the desktop,
// api.ts uploadPackage), then ONE desk:import job for all of them, with a result per applicant in its
// status (deskImport). Module state, like the unit's importBatch.ts: leaving 接收 and coming back finds it
// still going; a reload finds the job again (tracker). A changed unit key's refusal holds its file in the
// core: confirmKey receives it again with the new key, without picking it again.
import type { Localized } from '../../../shared/api/contract.js';
import type { DeskImportResult } from '../../../shared/desk/schema.js';
import { call, isCancelled, uploadPackage, type PackageUpload } from '../api.js';
import { moduleStore } from '../jobs/moduleStore.js';
import { asApiError, isRunning, jobTrackerOf } from '../jobs/tracker.js';
import { IDLE_BATCH, MAX_BATCH, type Batch } from '../unit/importBatch.js';

export const DESK_RECEIVE_JOB = 'dossier.deskReceive';
/** What the desk receives, by name: the units' batch files and loose level-2 packages. */
export const RECEIVE_ACCEPT = '.zip,.zcpkg';
export const isReceivable = (name: string) => /\.(zip|zcpkg)$/i.test(name);

const store = moduleStore<Batch<DeskImportResult>>(IDLE_BATCH);
const set = store.set;
let controller: AbortController | null = null;

export const useReceive = store.use;

const tracker = () => jobTrackerOf(DESK_RECEIVE_JOB);
const busy = () => store.get().state.phase === 'uploading' || isRunning(tracker().get());

export const refusedFile = (file: string, reason: Localized): DeskImportResult => ({
  file,
  entry: null,
  status: 'refused',
  applicantId: null,
  name: null,
  unit: null,
  revision: null,
  reason,
  keyChange: null,
  uploadId: null,
});

async function startJob(names: string[], input: { uploadIds: string[]; expectFingerprint?: string }) {
  try {
    await tracker().start(names, () => call('desk:import', input));
    set({ state: { phase: 'idle' } });
  } catch (e) {
    set({ state: { phase: 'failed', error: asApiError(e) } });
  }
}

/** Receives the chosen files (many, or a folder's tree): batches and packages handed over, then one job. */
export async function receiveFiles(
  chosen: readonly File[],
  fromFolder: boolean,
  words: { notOurs: (name: string) => Localized; none: Localized; tooMany: (n: number) => Localized },
): Promise<void> {
  if (busy()) return;
  tracker().dismiss();
  const files = chosen.filter((f) => isReceivable(f.name));
  const others = chosen.filter((f) => !isReceivable(f.name)).map((f) => f.webkitRelativePath || f.name);
  const refused = fromFolder ? [] : others.map((name) => refusedFile(name, words.notOurs(name)));
  set({ refused, skipped: fromFolder ? others : [], cancelled: false });
  if (files.length === 0) {
    set({ state: { phase: 'failed', error: { code: 'no_files', message: words.none } } });
    return;
  }
  if (files.length > MAX_BATCH) {
    set({ state: { phase: 'failed', error: { code: 'too_many', message: words.tooMany(files.length) } } });
    return;
  }
  const abort = new AbortController();
  controller = abort;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let before = 0;
  const uploads: PackageUpload[] = [];
  const failed: DeskImportResult[] = [];
  for (const [i, file] of files.entries()) {
    const name = file.webkitRelativePath || file.name;
    const progress = (loaded: number) =>
      controller === abort &&
      set({ state: { phase: 'uploading', files: files.length, done: i, current: name, loaded, total } });
    progress(before);
    try {
      uploads.push({ ...(await uploadPackage(file, (l) => progress(before + l), abort.signal)), fileName: name });
    } catch (e) {
      if (isCancelled(e) || abort.signal.aborted) {
        controller = null;
        set({ state: { phase: 'idle' }, refused, cancelled: true });
        return;
      }
      failed.push(refusedFile(name, asApiError(e).message));
    }
    before += file.size;
  }
  controller = null;
  set({ refused: [...refused, ...failed], state: { phase: 'idle' } });
  if (uploads.length > 0) {
    await startJob(
      uploads.map((u) => u.fileName),
      { uploadIds: uploads.map((u) => u.uploadId) },
    );
  }
}

/**
 * The officer compared the new fingerprint with the unit's stamped paper: the held file is received again,
 * the new key pinned for the unit (audit desk-unit-key-changed).
 */
export async function confirmKey(result: DeskImportResult): Promise<void> {
  if (busy() || !result.uploadId || !result.keyChange) return;
  tracker().dismiss();
  set({ refused: [], skipped: [], cancelled: false });
  await startJob([result.file], { uploadIds: [result.uploadId], expectFingerprint: result.keyChange.newFingerprint });
}

export function cancelUploads(): void {
  controller?.abort();
}

/** Forgets the finished receive (its results are closed). */
export function dismissReceive(): void {
  if (store.get().state.phase === 'uploading') return;
  tracker().dismiss();
  set({ state: { phase: 'idle' }, refused: [], skipped: [], cancelled: false });
}
