// A batch of applicants' packages on its way into the unit's workspace: each chosen file handed to the
// core (uploaded with progress in the browser mode; its path in the desktop, api.ts uploadPackage), then
// one unit:import job for all of them, which verifies and imports each (its result per file in the job's
// status). The batch is module state, like the job tracker: leaving 导入申报包 and coming back finds it
// still going; a reload of the tab finds the job again (tracker) but not an upload cut off by it.
import type { ApiError } from '../../../shared/api/contract.js';
import type { UnitImportResult } from '../../../shared/unit/schema.js';
import { call, isCancelled, uploadPackage, type PackageUpload } from '../api.js';
import { moduleStore } from '../jobs/moduleStore.js';
import { asApiError, isRunning, jobTrackerOf } from '../jobs/tracker.js';

export const UNIT_IMPORT_JOB = 'dossier.unitImport';
/** unit:import takes at most this many uploads (shared/api/contract.ts). */
export const MAX_BATCH = 2000;

export const isPackageName = (name: string) => /\.zcpkg$/i.test(name);

/** What a finished batch came to, as its colour and headline say it (Alert types). */
export type ImportOutcome = 'success' | 'warning' | 'error' | 'info';

/**
 * The outcome of a batch's results: every file taken in, success; some refused (or held for the
 * officer), warning; every file refused, error; nothing taken and nothing refused (all already here,
 * unchanged), info. Never a green "done" over a list of refusals.
 */
export function importOutcome(results: readonly { status: UnitImportResult['status'] }[]): ImportOutcome {
  const refused = results.filter((r) => r.status === 'refused').length;
  if (results.length === 0) return 'info';
  if (refused === results.length) return 'error';
  if (refused > 0 || results.some((r) => r.status === 'held')) return 'warning';
  return results.some((r) => r.status === 'imported' || r.status === 'replaced') ? 'success' : 'info';
}

export type BatchState =
  | { phase: 'idle' }
  | {
      phase: 'uploading';
      files: number;
      /** Files handed over so far (uploaded or refused). */
      done: number;
      current: string;
      loaded: number;
      total: number;
    }
  /** The batch could not start (nothing to import, too many files, the core refused the job). */
  | { phase: 'failed'; error: ApiError };

/** A many-files import on its way (the unit's packages; the desk's batches, desk/deskReceive.ts). */
export interface Batch<Result = UnitImportResult> {
  state: BatchState;
  /** Files refused before the job (not a package by name, an upload that failed), as results. */
  refused: readonly Result[];
  /** Files of a chosen folder that are not packages, skipped (named, so nothing vanishes silently). */
  skipped: readonly string[];
  /** The upload phase was cancelled: nothing of this batch was imported. */
  cancelled: boolean;
}

export const IDLE_BATCH = { state: { phase: 'idle' }, refused: [], skipped: [], cancelled: false } as const;
const store = moduleStore<Batch>(IDLE_BATCH);
const set = store.set;
let controller: AbortController | null = null;

export const useImportBatch = store.use;

export const isUploading = () => store.get().state.phase === 'uploading';

const refusal = (file: string, reason: ApiError['message']): UnitImportResult => ({
  file,
  status: 'refused',
  applicantId: null,
  name: null,
  revision: null,
  reason,
});

const tracker = () => jobTrackerOf(UNIT_IMPORT_JOB);

/** Starts the import job for packages already handed to the core. */
async function startJob(uploads: readonly PackageUpload[]): Promise<void> {
  if (uploads.length === 0) return;
  try {
    await tracker().start(
      uploads.map((u) => u.fileName),
      () => call('unit:import', { uploadIds: uploads.map((u) => u.uploadId) }),
    );
    set({ state: { phase: 'idle' } });
  } catch (e) {
    set({ state: { phase: 'failed', error: asApiError(e) } });
  }
}

/**
 * Imports the chosen files (many files, or a folder's whole tree): the .zcpkg ones are handed over one by
 * one, then imported in one job. Other files are named as skipped; a failed upload is a refused result.
 */
export async function importFiles(chosen: readonly File[], fromFolder: boolean): Promise<void> {
  if (isUploading() || isRunning(tracker().get())) return;
  tracker().dismiss();
  const files = chosen.filter((f) => isPackageName(f.name));
  const others = chosen.filter((f) => !isPackageName(f.name)).map((f) => f.webkitRelativePath || f.name);
  // A folder holds whatever else is on the stick (skipped); a file picked by hand that is not a package is
  // refused by name, so that the user sees why it did not come in.
  const refused = fromFolder
    ? []
    : others.map((name) =>
        refusal(name, {
          zh: `“${name}”不是申报包：申报包的文件名以 .zcpkg 结尾`,
          en: `"${name}" is not a package: package files end in .zcpkg`,
        }),
      );
  set({ refused, skipped: fromFolder ? others : [], cancelled: false });
  if (files.length === 0) {
    set({
      state: {
        phase: 'failed',
        error: {
          code: 'no_packages',
          message: fromFolder
            ? { zh: '所选文件夹中没有申报包（.zcpkg 文件）', en: 'The folder holds no package (.zcpkg file)' }
            : { zh: '所选文件中没有申报包（.zcpkg 文件）', en: 'None of the chosen files is a package (.zcpkg)' },
        },
      },
    });
    return;
  }
  if (files.length > MAX_BATCH) {
    set({
      state: {
        phase: 'failed',
        error: {
          code: 'too_many',
          message: {
            zh: `一次最多导入 ${MAX_BATCH} 份申报包，所选共 ${files.length} 份：请分批导入`,
            en: `At most ${MAX_BATCH} packages at once; ${files.length} were chosen: import them in parts`,
          },
        },
      },
    });
    return;
  }

  const abort = new AbortController();
  controller = abort;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let before = 0;
  const uploads: PackageUpload[] = [];
  const failed: UnitImportResult[] = [];
  for (const [i, file] of files.entries()) {
    const name = file.webkitRelativePath || file.name;
    set({ state: { phase: 'uploading', files: files.length, done: i, current: name, loaded: before, total } });
    try {
      const upload = await uploadPackage(
        file,
        (loaded) => {
          if (controller === abort) {
            set({
              state: {
                phase: 'uploading',
                files: files.length,
                done: i,
                current: name,
                loaded: before + loaded,
                total,
              },
            });
          }
        },
        abort.signal,
      );
      uploads.push({ ...upload, fileName: name });
    } catch (e) {
      if (isCancelled(e) || abort.signal.aborted) {
        controller = null;
        set({ state: { phase: 'idle' }, refused, cancelled: true });
        return;
      }
      failed.push(refusal(name, asApiError(e).message));
    }
    before += file.size;
  }
  controller = null;
  set({ refused: [...refused, ...failed] });
  if (uploads.length === 0) {
    set({ state: { phase: 'idle' } });
    return;
  }
  await startJob(uploads);
}

/** A package the desktop app was asked to open (double-click), already handed to the core. */
export async function importOpened(upload: PackageUpload): Promise<void> {
  if (isUploading() || isRunning(tracker().get())) return;
  tracker().dismiss();
  set({ refused: [], skipped: [], cancelled: false });
  await startJob([upload]);
}

export function cancelUploads(): void {
  controller?.abort();
}

/** Forgets the finished batch (its results are closed). */
export function dismissBatch(): void {
  if (isUploading()) return;
  tracker().dismiss();
  set({ state: { phase: 'idle' }, refused: [], skipped: [], cancelled: false });
}
