// `dossier unit-submit APPLICANT… --out FOLDER|FILE [--reason TEXT] [--passphrase-file F] [--data DIR]`
// (issues 7 and 19): the countersignature and the batch for the city on the command line — the same job as
// 报送 (core/unit/submit.ts) — with the batch written where the officer says, never kept in the workspace.
// APPLICANT is an applicant's id (as `unit-list` and `unit-import` print it) or their package id. --reason
// is the written reason for countersigning anyone whose verdict fails or whose proofs are missing (the same
// gate as the screen; one reason for all of them: run the command once per reason). The automatic backup
// taken after the job is named, or why it could not be made. Exit 0 when the batch was written; 1 when the
// submission was refused or failed (who and why printed); 2 for bad usage.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { JobStatus, Localized } from '../shared/api/contract.js';
import { reportFailure } from './checkCommand.js';
import { DossierError, isInvalidInput } from './core/errors.js';
import { waitForJob } from './core/jobs.js';
import { noteTempsIn } from './core/leftovers.js';
import { startSubmit } from './core/unit/submit.js';
import { applicantOfPackage } from './core/unit/unitRepo.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace, type Workspace } from './core/workspace.js';
import { passphrase, progressLines } from './packageCommand.js';

type Lang = keyof Localized;

export interface UnitSubmitOptions {
  applicants: readonly string[];
  dataDir: string;
  out?: string | undefined;
  reason?: string | undefined;
  passphraseFile?: string | undefined;
  lang: Lang;
}

function usage(zh: string, en: string): DossierError {
  return new DossierError('wrong_usage', { zh, en });
}

/** An applicant's id, or their package id. */
function applicantId(w: Workspace, given: string): string {
  const byId = w.db
    .prepare<{ id: string }, { id: string }>('SELECT id FROM applicant WHERE id = @id')
    .get({ id: given });
  const id = byId?.id ?? applicantOfPackage(w.db, given);
  if (!id) {
    throw usage(
      `本单位工作区中没有申报人“${given}”（可用 dossier unit-list 查看编号）。`,
      `No applicant "${given}" in this unit's workspace (dossier unit-list shows the ids).`,
    );
  }
  return id;
}

export async function runUnitSubmit(o: UnitSubmitOptions): Promise<number> {
  const say = (t: Localized) => t[o.lang];
  try {
    if (o.applicants.length === 0) {
      throw usage(
        '用法：dossier unit-submit 申报人… --out 文件夹|文件 [--reason 理由] [--data 目录]',
        'usage: dossier unit-submit APPLICANT… --out FOLDER|FILE [--reason TEXT] [--data DIR]',
      );
    }
    if (!o.out) {
      throw usage(
        '请用 --out 指定报送批次的保存位置（文件夹或文件）：报送批次不保存在工作区中。',
        'Say where the batch goes with --out (a folder or a file): the workspace does not keep batches.',
      );
    }
    if (!existsSync(path.join(o.dataDir, DATABASE_FILE))) {
      throw usage(`${o.dataDir} 中没有工作区。`, `There is no workspace in ${o.dataDir}.`);
    }
  } catch (e) {
    return reportFailure({ json: false, lang: o.lang }, (e as DossierError).toApiError(), 2);
  }
  const w = openWorkspace(o.dataDir);
  try {
    const ids = o.applicants.map((a) => applicantId(w, a));
    const reason = o.reason?.trim() ?? '';
    const reasons = reason ? Object.fromEntries(ids.map((id) => [id, reason])) : undefined;
    const secret = await passphrase({ passphraseFile: o.passphraseFile, lang: o.lang }, false);
    // The batch is staged beside its place (batch.ts): noted, so that a crash's temp files there are swept.
    const resolvedOut = path.resolve(o.out);
    const isFolder = statSync(resolvedOut, { throwIfNoEntry: false })?.isDirectory() ?? false;
    const forget = noteTempsIn(w.dataDir, isFolder ? resolvedOut : path.dirname(resolvedOut));
    let status: JobStatus;
    try {
      const { jobId } = await startSubmit(
        w,
        { applicantIds: ids, passphrase: secret, ...(reasons ? { reasons } : {}) },
        { out: o.out },
      );
      status = await waitForJob(jobId, progressLines(o.lang));
    } finally {
      forget();
    }
    printBackup(status, say);
    if (status.state !== 'done' || !status.batch) {
      const error = status.error ?? { code: 'cancelled', message: { zh: '已取消', en: 'Cancelled' } };
      return reportFailure({ json: false, lang: o.lang }, error, 1);
    }
    const b = status.batch;
    const resolved = path.resolve(o.out);
    const file = existsSync(path.join(resolved, b.fileName)) ? path.join(resolved, b.fileName) : resolved;
    console.log(say({ zh: `已写出报送批次：${file}`, en: `Batch written: ${file}` }));
    console.log(
      say({
        zh: `  ${b.applicants} 人，${b.size} 字节，SHA-256 ${b.sha256}`,
        en: `  ${b.applicants} applicant(s), ${b.size} bytes, SHA-256 ${b.sha256}`,
      }),
    );
    return 0;
  } catch (e) {
    if (!(e instanceof DossierError)) throw e;
    // Who cannot be passed on yet, and why, is a refusal (1), not a misuse of the command (2).
    const misuse = e.code !== 'submit_refused' && isInvalidInput(e);
    return reportFailure({ json: false, lang: o.lang }, e.toApiError(), misuse ? 2 : 1);
  } finally {
    closeWorkspace(w);
  }
}

function printBackup(status: JobStatus, say: (t: Localized) => string): void {
  const backup = status.autoBackup;
  if (backup?.name)
    console.log(say({ zh: `已自动备份工作区：${backup.name}`, en: `Workspace backed up: ${backup.name}` }));
  if (backup?.error) console.error(say(backup.error));
}
