// The desk's receive job (issue 17): units' batch files (docs/batch-format.md) and loose level-2 packages —
// one, many, or every batch and package of a folder (a USB stick) — in ONE job with a result per applicant.
// Each package goes through the one import pipeline (package/importService.ts: levels 1 and 2 verified,
// extracted, every file checked, all or nothing on its own) with the desk's rules (receiveRules.ts). A
// refused package does not stop the others of its batch; a batch that is no batch is one refusal; a cancel
// stops between packages (or inside one, which is then not received at all), and those done stay done.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '../../../shared/api/contract.js';
import type { DeskImportResult } from '../../../shared/desk/schema.js';
import { DossierError } from '../errors.js';
import { startJob, throwIfCancelled, type JobContext } from '../jobs.js';
import { importPackage } from '../package/importService.js';
import { forgetUpload, registerPath, requireUpload, type Upload } from '../package/uploads.js';
import { PACKAGE_EXTENSION } from '../unit/intake.js';
import type { Workspace } from '../workspace.js';
import { recordBatch } from './deskRepo.js';
import { packageUpload, readBatch } from './batchFile.js';
import { requireDeskProfile } from './profile.js';
import { deskRules, UnitKeyChanged, unitKeyOf, type FromBatch, type ReceiveContext } from './receiveRules.js';

export const BATCH_EXTENSION = '.zip';

export interface ReceiveOptions {
  /** A unit key confirmed against the unit's paper (--expect-fingerprint): a first pin, or a changed key. */
  confirmedUnitKey?: string | undefined;
}

const normalizeFingerprint = (fp: string) => fp.replace(/\s+/g, '').toLowerCase();

/** A folder gives its batches (*.zip) and packages (*.zcpkg), not recursing, in code-point order. */
async function filesOf(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const resolved = path.resolve(p);
    const found = await stat(resolved).catch(() => null);
    if (!found) {
      throw new DossierError('file_missing', {
        zh: `找不到“${resolved}”。未接收任何内容。`,
        en: `"${resolved}" does not exist. Nothing was received.`,
      });
    }
    if (!found.isDirectory()) {
      out.push(resolved);
      continue;
    }
    const names = (await readdir(resolved, { withFileTypes: true }))
      .filter((e) => e.isFile() && [BATCH_EXTENSION, PACKAGE_EXTENSION].some((x) => e.name.toLowerCase().endsWith(x)))
      .map((e) => e.name)
      .sort();
    if (names.length === 0) {
      throw new DossierError('folder_without_packages', {
        zh: `文件夹“${resolved}”中没有报送批次（.zip）或申报包（.zcpkg）（不查找子文件夹）。`,
        en: `The folder "${resolved}" holds no batches (.zip) or packages (.zcpkg) (subfolders are not searched).`,
      });
    }
    out.push(...names.map((n) => path.join(resolved, n)));
  }
  return out;
}

/** Named batch and package files and folders: one job (refused before it when the desk's data is missing). */
export async function startReceive(
  w: Workspace,
  paths: string[],
  options: ReceiveOptions = {},
): Promise<{ jobId: string }> {
  requireDeskProfile(w);
  const files = await filesOf(paths);
  const ids: string[] = [];
  for (const file of files) ids.push((await registerPath(w, file)).uploadId);
  return startReceiveUploads(w, ids, options);
}

/**
 * Files handed to the core (browser mode: uploaded into incoming/; the desktop: a path the user picked), by
 * upload id: one job. Each upload is forgotten when the job ends, except a file refused for a changed unit
 * key: it is held (its result names its upload id) so that the officer, having checked the unit's paper,
 * receives it again with the new key (desk:import with expectFingerprint) without picking it again.
 */
export async function startReceiveUploads(
  w: Workspace,
  uploadIds: string[],
  options: ReceiveOptions = {},
): Promise<{ jobId: string }> {
  const uploads: Upload[] = [];
  try {
    for (const id of new Set(uploadIds)) uploads.push(await requireUpload(w, id));
    // Said once, before the job: every file would be refused for the same reason.
    requireDeskProfile(w);
  } catch (e) {
    for (const u of uploads) await forgetUpload(u);
    throw e;
  }
  return { jobId: startJob((job) => runReceive(w, uploads, job, options)) };
}

async function runReceive(w: Workspace, uploads: Upload[], job: JobContext, options: ReceiveOptions): Promise<void> {
  const results: DeskImportResult[] = [];
  const push = (r: DeskImportResult) => {
    results.push(r);
    job.setResult({ deskImport: [...results] });
  };
  try {
    const desk = requireDeskProfile(w);
    const confirmedUnitKey = options.confirmedUnitKey ? normalizeFingerprint(options.confirmedUnitKey) : undefined;
    for (const [i, upload] of uploads.entries()) {
      throwIfCancelled(job.signal);
      const fileName = upload.fileName;
      const held = { uploadId: upload.uploadId };
      const at = (step: Localized): Localized => ({
        zh: `（${i + 1}/${uploads.length}）${fileName}：${step.zh}`,
        en: `(${i + 1}/${uploads.length}) ${fileName}: ${step.en}`,
      });
      const fileJob: JobContext = {
        signal: job.signal,
        progress: (_d, _t, step) => job.progress(i, uploads.length, at(step)),
        produced: (f) => job.produced(f),
        setResult: () => {},
      };
      job.progress(i, uploads.length, at({ zh: '开始', en: 'starting' }));
      if (fileName.toLowerCase().endsWith(PACKAGE_EXTENSION)) {
        push(
          await receiveOne(
            w,
            { desk, batch: null, confirmedUnitKey },
            fileName,
            { entry: null, name: null, ...held },
            async () => ({ upload, owned: false }),
            fileJob,
          ),
        );
        continue;
      }
      let batch;
      try {
        batch = await readBatch(upload.file, job.signal);
      } catch (e) {
        if (isCancel(job, e)) throw e;
        push(refused(fileName, null, e));
        continue;
      }
      const from: FromBatch = {
        fileName,
        sha256: batch.sha256,
        unit: batch.doc.unit,
        unitFingerprint: batch.doc.unitFingerprint,
      };
      const ctx: ReceiveContext = { desk, batch: from, confirmedUnitKey };
      for (const item of batch.items) {
        throwIfCancelled(job.signal);
        const listed = { entry: item.listed.path, name: item.listed.name, ...held };
        const open = async () => ({ upload: await packageUpload(w, batch, item), owned: true });
        push(await receiveOne(w, ctx, fileName, listed, open, fileJob));
      }
      w.db.transaction(() =>
        recordBatch(w.db, {
          sha256: batch.sha256,
          fileName,
          unitKey: unitKeyOf(batch.doc.unit),
          fingerprint: batch.doc.unitFingerprint,
          packages: batch.items.length,
          at: new Date().toISOString(),
        }),
      )();
    }
    const count = (s: DeskImportResult['status']) => results.filter((r) => r.status === s).length;
    job.progress(uploads.length, uploads.length, {
      zh: `完成：接收 ${count('imported')} 个，替换 ${count('replaced')} 个，未变 ${count('unchanged')} 个，拒绝 ${count('refused')} 个`,
      en: `Done: ${count('imported')} received, ${count('replaced')} replaced, ${count('unchanged')} unchanged, ${count('refused')} refused`,
    });
  } finally {
    job.setResult({ deskImport: results });
    const kept = new Set(results.filter((r) => r.keyChange).map((r) => r.uploadId));
    for (const u of uploads) if (!kept.has(u.uploadId)) await forgetUpload(u);
  }
}

async function receiveOne(
  w: Workspace,
  ctx: ReceiveContext,
  file: string,
  /**
   * The batch entry and the name batch.json gives (said on a refusal too), or nulls for a loose package;
   * the upload of the file as given (a changed unit key's refusal holds it for the confirm).
   */
  listed: { entry: string | null; name: string | null; uploadId: string },
  /** The package to import; owned: a batch's entry streamed into incoming/ here, removed after. */
  open: () => Promise<{ upload: Upload; owned: boolean }>,
  job: JobContext,
): Promise<DeskImportResult> {
  let opened: { upload: Upload; owned: boolean } | null = null;
  try {
    opened = await open();
    const upload = opened.upload;
    const result = await importPackage(w, upload, undefined, job, { reviewer: deskRules(w, ctx) });
    const outcome = result.outcome!;
    return {
      file,
      entry: listed.entry,
      status: outcome.status === 'replaced' ? 'replaced' : outcome.status === 'unchanged' ? 'unchanged' : 'imported',
      applicantId: outcome.applicantId,
      name: result.name,
      unit: ctx.batch?.unit.name ?? null,
      revision: outcome.revision,
      reason: null,
      keyChange: null,
      uploadId: listed.uploadId,
    };
  } catch (e) {
    if (isCancel(job, e)) throw e;
    return {
      ...refused(file, listed.entry, e, ctx.batch?.unit.name ?? null),
      name: listed.name,
      uploadId: listed.uploadId,
    };
  } finally {
    if (opened?.owned) await forgetUpload(opened.upload);
  }
}

const isCancel = (job: JobContext, e: unknown) =>
  job.signal.aborted || (e instanceof DossierError && e.code === 'cancelled');

function refused(file: string, entry: string | null, e: unknown, unit: string | null = null): DeskImportResult {
  const reason: Localized =
    e instanceof DossierError
      ? e.localized
      : {
          zh: `内部错误：${e instanceof Error ? e.message : String(e)}`,
          en: `Internal error: ${e instanceof Error ? e.message : String(e)}`,
        };
  return {
    file,
    entry,
    status: 'refused',
    applicantId: null,
    name: null,
    unit,
    revision: null,
    reason,
    keyChange: e instanceof UnitKeyChanged ? { pinnedFingerprint: e.pinned, newFingerprint: e.signer } : null,
    uploadId: null,
  };
}
