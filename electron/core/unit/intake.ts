// The unit's intake (issue 7): many applicants' packages — uploaded from the browser, picked on the
// desktop, or every .zcpkg of a folder (a USB stick) — imported in ONE job, one file after the other, each
// through the applicant's import pipeline (package/importService.ts: verified first, all or nothing on
// its own). A refused file does not stop the others; a cancel stops between files or inside one (that
// file is then not imported at all), and the files done stay done. The job's result lists what each file
// came to, a refusal with its reason in both languages. A known applicant's newer revision signed by a new
// key is held for the officer (issue 19, item 8: unit/keyChange.ts), said with both keys' fingerprints.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '../../../shared/api/contract.js';
import type { UnitImportResult } from '../../../shared/unit/schema.js';
import { DossierError } from '../errors.js';
import { startJob, throwIfCancelled, type JobContext } from '../jobs.js';
import { heldReason, importPackage } from '../package/importService.js';
import { forgetUpload, registerPath, requireUpload, type Upload } from '../package/uploads.js';
import type { Workspace } from '../workspace.js';
import { requireUnit } from './mode.js';
import { requireUnitProfile } from './profile.js';

export const PACKAGE_EXTENSION = '.zcpkg';

/** The packages of a folder: its *.zcpkg files (any case), not recursing, in code-point order (as `ls`). */
export async function packagesInFolder(folder: string): Promise<string[]> {
  const resolved = path.resolve(folder);
  let entries;
  try {
    entries = await readdir(resolved, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DossierError(code === 'ENOTDIR' ? 'not_a_folder' : 'folder_missing', {
      zh: code === 'ENOTDIR' ? `“${resolved}”不是文件夹。` : `无法打开文件夹“${resolved}”（${code ?? String(e)}）。`,
      en:
        code === 'ENOTDIR'
          ? `"${resolved}" is not a folder.`
          : `Cannot open the folder "${resolved}" (${code ?? String(e)}).`,
    });
  }
  const names = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith(PACKAGE_EXTENSION))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) {
    throw new DossierError('folder_without_packages', {
      zh: `文件夹“${resolved}”中没有申报包（.zcpkg 文件；不查找子文件夹）。`,
      en: `The folder "${resolved}" holds no packages (.zcpkg files; subfolders are not searched).`,
    });
  }
  return names.map((n) => path.join(resolved, n));
}

/** Uploaded or picked packages (upload ids): one job. The uploads are consumed whatever the outcome. */
export async function startUnitImport(
  w: Workspace,
  uploadIds: string[],
  options: UnitImportOptions = {},
): Promise<{ jobId: string }> {
  const uploads: Upload[] = [];
  try {
    requireUnit(w);
    for (const id of new Set(uploadIds)) uploads.push(await requireUpload(w, id));
    // Said once, before the job: every file would be refused for the same reason.
    requireUnitProfile(w);
  } catch (e) {
    await forgetAll(uploads);
    throw e;
  }
  return { jobId: startJob((job) => runBatch(w, uploads, job, options)) };
}

/** Desktop and CLI: every .zcpkg in a folder, each registered as an upload (read where it is). */
export async function startFolderImport(w: Workspace, folder: string): Promise<{ jobId: string }> {
  requireUnit(w);
  requireUnitProfile(w);
  const files = await packagesInFolder(folder);
  return startFileImport(w, files);
}

/** Named package files (the CLI's arguments, a folder's packages): one job. */
export async function startFileImport(
  w: Workspace,
  files: string[],
  options: UnitImportOptions = {},
): Promise<{ jobId: string }> {
  requireUnit(w);
  const ids: string[] = [];
  for (const file of files) ids.push((await registerPath(w, file)).uploadId);
  return startUnitImport(w, ids, options);
}

export interface UnitImportOptions {
  /**
   * Level 1's signer as printed on the applicant's F-1 (`unit-import --expect-fingerprint`): the package is
   * refused unless that key signed it. For one applicant's file; the key is pinned for them from then on.
   */
  expectFingerprint?: string | undefined;
}

async function forgetAll(uploads: Upload[]): Promise<void> {
  for (const u of uploads) await forgetUpload(u);
}

async function runBatch(w: Workspace, uploads: Upload[], job: JobContext, options: UnitImportOptions): Promise<void> {
  const results: UnitImportResult[] = [];
  try {
    for (const [i, upload] of uploads.entries()) {
      throwIfCancelled(job.signal);
      const file = upload.fileName;
      const at = (step: Localized): Localized => ({
        zh: `（${i + 1}/${uploads.length}）${file}：${step.zh}`,
        en: `(${i + 1}/${uploads.length}) ${file}: ${step.en}`,
      });
      job.progress(i, uploads.length, at({ zh: '开始', en: 'starting' }));
      // The pipeline's own steps (verify, extract, store) are shown under the file's name; the count is files.
      const fileJob: JobContext = {
        signal: job.signal,
        progress: (_done, _total, step) => job.progress(i, uploads.length, at(step)),
        produced: (f) => job.produced(f),
        setResult: () => {},
      };
      try {
        const { outcome, name, held } = await importPackage(w, upload, options.expectFingerprint, fileJob);
        results.push(
          held
            ? {
                file,
                status: 'held',
                applicantId: held.applicantId,
                name,
                revision: held.revision,
                reason: heldReason(held),
                keyChange: { oldFingerprint: held.oldSigner, newFingerprint: held.newSigner },
              }
            : {
                file,
                // The one reviewer's level a unit takes is a desk's return on its own countersignature.
                status: outcome.status === 'reviewed' ? 'desk_returned' : outcome.status,
                applicantId: outcome.applicantId,
                name,
                revision: outcome.revision,
                reason: null,
              },
        );
      } catch (e) {
        if (job.signal.aborted || (e instanceof DossierError && e.code === 'cancelled')) throw e;
        results.push({ file, status: 'refused', applicantId: null, name: null, revision: null, reason: reasonOf(e) });
      } finally {
        await forgetUpload(upload);
      }
      job.setResult({ unitImport: [...results] });
    }
    const count = (s: UnitImportResult['status']) => results.filter((r) => r.status === s).length;
    const [taken, refused, held] = [count('imported') + count('replaced'), count('refused'), count('held')];
    job.progress(uploads.length, uploads.length, {
      zh: `完成：导入或替换 ${taken} 个，未变 ${count('unchanged')} 个，${held > 0 ? `暂存（申报人新密钥）${held} 个，` : ''}拒绝 ${refused} 个`,
      en: `Done: ${taken} imported or replaced, ${count('unchanged')} unchanged, ${held > 0 ? `${held} held (new applicant key), ` : ''}${refused} refused`,
    });
  } finally {
    job.setResult({ unitImport: results });
    // Whatever stopped the batch, no upload stays behind.
    await forgetAll(uploads);
  }
}

function reasonOf(e: unknown): Localized {
  if (e instanceof DossierError) return e.localized;
  const detail = e instanceof Error ? e.message : String(e);
  return { zh: `内部错误：${detail}`, en: `Internal error: ${detail}` };
}
