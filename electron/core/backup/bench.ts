// Speed of backup and restore (issue 8, `npm run bench`): a workspace with `megabytes` of attachments (files
// of ~5 MB, incompressible like scans) is backed up and restored, each in a fresh child process (its time
// and peak RSS its own). Baseline: `cp -r` of the same store folder + `sync`, measured in the same run.
// Both steps do more than the baseline: a backup reads every byte twice (write, then verify) and hashes it
// twice; a restore verifies the whole file first, then extracts it checking every entry again.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApplicant } from '../archiveService.js';
import { commit, stage } from '../attachments/store.js';
import { closeWorkspace, openWorkspace } from '../workspace.js';

export interface BenchBackupOptions {
  /** Attachment bytes in the workspace, in MB (10^6). */
  megabytes?: number;
  fileMegabytes?: number;
  /** Where the workspaces go (a temp folder inside it, removed at the end). */
  workDir?: string;
}

export interface BenchBackupResult {
  megabytes: number;
  files: number;
  /** `cp -r` of the store + `sync`. */
  baselineMs: number;
  backupMs: number;
  restoreMs: number;
  /** Times the baseline: below 1 is faster than cp. */
  backupRatio: number;
  restoreRatio: number;
  backupPeakRssMb: number;
  restorePeakRssMb: number;
  backupBytes: number;
}

function sync(): void {
  if (process.platform !== 'win32') execFileSync('sync');
}

function child(mode: 'backup' | 'restore', from: string, to: string): { ms: number; maxRssMb: number } {
  const isSource = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(isSource ? './benchChild.ts' : './benchChild.js', import.meta.url));
  const run = spawnSync(
    process.execPath,
    [...(isSource ? ['--import', 'jiti/register'] : []), script, mode, from, to],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (run.status !== 0) throw new Error(`benchBackup: the ${mode} child failed (${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssMb: number };
}

export async function benchBackup(options: BenchBackupOptions = {}): Promise<BenchBackupResult> {
  const megabytes = options.megabytes ?? 1024;
  const fileBytes = Math.round((options.fileMegabytes ?? 5) * 1e6);
  const dir = mkdtempSync(path.join(options.workDir ?? os.tmpdir(), 'dossier-bench-backup-'));
  try {
    const dataDir = path.join(dir, 'ws');
    const w = openWorkspace(dataDir);
    createApplicant(w.db);
    let files = 0;
    for (let left = megabytes * 1e6; left > 0; left -= fileBytes) {
      const staged = await stage(w.store, [randomBytes(Math.min(fileBytes, left))], {
        fileName: `scan-${files}`,
        maxBytes: Number.MAX_SAFE_INTEGER,
      });
      await commit(w.store, staged);
      files += 1;
    }
    closeWorkspace(w);

    sync();
    const t = performance.now();
    execFileSync('cp', ['-r', w.store.dir, path.join(dir, 'baseline')]);
    sync();
    const baselineMs = performance.now() - t;
    rmSync(path.join(dir, 'baseline'), { recursive: true, force: true });

    const file = path.join(dir, 'backup.zcbak');
    sync();
    const backup = child('backup', dataDir, file);
    const backupBytes = statSync(file).size;
    sync();
    const restore = child('restore', file, path.join(dir, 'restored'));
    return {
      megabytes,
      files,
      baselineMs,
      backupMs: backup.ms,
      restoreMs: restore.ms,
      backupRatio: backup.ms / baselineMs,
      restoreRatio: restore.ms / baselineMs,
      backupPeakRssMb: backup.maxRssMb,
      restorePeakRssMb: restore.maxRssMb,
      backupBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines `npm run bench` prints, in its format. */
export function formatBenchBackup(r: BenchBackupResult): string[] {
  const rate = (ms: number) => `${(r.megabytes / (ms / 1000)).toFixed(0).padStart(5)} MB/s`;
  const row = (label: string, ms: number, ratio: number, rss: number) =>
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(9)} ms   ${rate(ms)}   ${ratio.toFixed(2)}× baseline   peak RSS ${rss.toFixed(0)} MB`;
  return [
    `backup: a workspace with ${r.files} files, ${(r.megabytes / 1000).toFixed(2)} GB of attachments`,
    `${'baseline: cp -r of the store + sync'.padEnd(44)} ${r.baselineMs.toFixed(0).padStart(9)} ms   ${rate(r.baselineMs)}`,
    row('backup (db backup, write, fsync, verify)', r.backupMs, r.backupRatio, r.backupPeakRssMb),
    row('restore (verify, extract, fsync, rename)', r.restoreMs, r.restoreRatio, r.restorePeakRssMb),
  ];
}
