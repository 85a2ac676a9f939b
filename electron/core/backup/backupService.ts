// The backup methods of the contract (issue 8): list, create and restore as jobs, verify one, and the
// start-up check on demand. Restoring never touches the current folder: it fills a new one beside it. A
// backup made here is a folder in <dataDir>/backups/ whose files are shared with the workspace (issue 19):
// it costs the database copy; a separate copy on another disk is `dossier backup --out`, or copying the folder.
import path from 'node:path';
import type { BackupCheck, BackupEntry, Localized } from '../../../shared/api/contract.js';
import { DossierError } from '../errors.js';
import { startJob } from '../jobs.js';
import { checkWorkspace, type BackupStatus } from '../startupCheck.js';
import type { Workspace } from '../workspace.js';
import { DEFAULT_KEEP, defaultBackupsDir, listBackups, manualBackupName } from './auto.js';
import { createFolderBackup } from './create.js';
import type { BackupInfo, BackupProgress } from './format.js';
import { restoreBackup } from './restore.js';
import { verifyBackup } from './verify.js';

export async function backupList(w: Workspace) {
  const dir = defaultBackupsDir(w.dataDir);
  const backups: BackupEntry[] = (await listBackups(dir)).map(({ name, bytes, date, modifiedAt }) => ({
    name,
    bytes,
    date,
    modifiedAt,
  }));
  return { dir, keep: DEFAULT_KEEP, backups };
}

const PHASES: Record<BackupProgress['phase'], Localized> = {
  write: { zh: '正在写入备份', en: 'Writing the backup' },
  verify: { zh: '正在读回校验', en: 'Reading it back to verify' },
  restore: { zh: '正在恢复', en: 'Restoring' },
};

const MB = 1024 * 1024;
const progressOf = (p: BackupProgress) => ({
  done: Math.floor(p.doneBytes / MB),
  total: Math.max(1, Math.ceil(p.totalBytes / MB)),
  step: {
    zh: `${PHASES[p.phase].zh}（${(p.doneBytes / MB).toFixed(0)}/${(p.totalBytes / MB).toFixed(0)} MB）`,
    en: `${PHASES[p.phase].en} (${(p.doneBytes / MB).toFixed(0)} of ${(p.totalBytes / MB).toFixed(0)} MB)`,
  },
});

export function startBackup(w: Workspace): { jobId: string } {
  const dir = defaultBackupsDir(w.dataDir);
  const jobId = startJob(async (job) => {
    const file = path.join(dir, manualBackupName(new Date()));
    const info = await createFolderBackup(w, file, {
      signal: job.signal,
      onProgress: (p) => {
        const { done, total, step } = progressOf(p);
        job.progress(done, total, step);
      },
    });
    const name = path.basename(file);
    job.setResult({
      backup: { name, bytes: info.bytes, date: null, modifiedAt: info.createdAt },
      // It was read back and verified as it was made: its row says so, not 未校验 (issue 15).
      backupCheck: checkOf(name, info),
    });
  });
  return { jobId };
}

/** The file of a backup in this workspace's backups folder; a bare name only (the contract's regex). */
function backupFile(w: Workspace, name: string): string {
  return path.join(defaultBackupsDir(w.dataDir), path.basename(name));
}

/** What a verified backup says of itself: `good`, or intact but made of a workspace with problems. */
function checkOf(name: string, info: BackupInfo): BackupCheck {
  return {
    name,
    status: info.clean ? 'good' : 'not_clean',
    message: info.clean
      ? null
      : {
          zh: '备份完好，但备份时工作区已有问题（缺失或损坏的文件）',
          en: 'The backup is intact but was made of a workspace with problems (missing or damaged files)',
        },
    createdAt: info.createdAt,
    files: info.files,
  };
}

export async function backupVerify(w: Workspace, name: string): Promise<BackupCheck> {
  try {
    return checkOf(name, await verifyBackup(backupFile(w, name)));
  } catch (e) {
    if (!(e instanceof DossierError)) throw e;
    const status = e.code.endsWith('_too_new') ? ('too_new' as const) : ('damaged' as const);
    return { name, status, message: e.localized, createdAt: null, files: null };
  }
}

/** A fresh folder beside the data folder, named after the backup and the time (never an existing one). */
function restoreTarget(w: Workspace, name: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${w.dataDir}-restored-${name.replace(/\.zcbak$/, '')}-${stamp}`;
}

export function startRestore(w: Workspace, name: string): { jobId: string } {
  const file = backupFile(w, name);
  const target = restoreTarget(w, name, new Date());
  const jobId = startJob(async (job) => {
    await restoreBackup(file, target, {
      signal: job.signal,
      onProgress: (p) => {
        const { done, total, step } = progressOf(p);
        job.progress(done, total, step);
      },
    });
    job.setResult({ restoredTo: target });
  });
  return { jobId };
}

const statusOf = (b: BackupStatus) => ({
  name: path.basename(b.file),
  status: b.status,
  message: b.message,
  createdAt: b.createdAt,
  files: b.info?.files ?? null,
});

export async function doctor(w: Workspace) {
  const report = await checkWorkspace(w.dataDir, { listBackups: true });
  return { isOk: report.isOk, problems: report.problems, backups: report.backups.map(statusOf) };
}
