// `dossier backup | restore | verify-backup | doctor` (issue 8): backups of the whole workspace on the command
// line, the same core as the app (core/backup/, core/startupCheck.ts). Messages in Chinese or English; exit
// codes 0 success (doctor: the workspace is sound), 1 failure (a damaged backup, a damaged workspace),
// 2 invalid input (no workspace, a file that is not a backup, a target folder that is not empty). With
// --json (verify-backup, doctor) every outcome is JSON on stdout, a failure as `{ ok: false, error }`.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../shared/api/contract.js';
import { autoBackup, DEFAULT_KEEP, defaultBackupsDir, manualBackupName } from './core/backup/auto.js';
import { createBackup, createFolderBackup } from './core/backup/create.js';
import type { BackupInfo, BackupProgress } from './core/backup/format.js';
import { restoreBackup } from './core/backup/restore.js';
import { verifyBackup } from './core/backup/verify.js';
import { DossierError, exitCodeOf } from './core/errors.js';
import { noteOutsideWrite, sweepLeftovers } from './core/leftovers.js';
import { bestBackup, checkWorkspace, DEFAULT_SAMPLE, type StartupReport } from './core/startupCheck.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace } from './core/workspace.js';
import { reportFailure } from './checkCommand.js';

type Lang = keyof Localized;

export interface BackupCommandOptions {
  dataDir: string;
  /** A file, or a folder to write into; default `<dataDir>/backups/`. */
  out?: string | undefined;
  /** The daily rotating backup instead (at most one a day, the newest --keep kept). */
  auto?: boolean | undefined;
  keep?: string | undefined;
  lang: Lang;
}

export interface RestoreCommandOptions {
  file: string | undefined;
  /** The new workspace folder: must not exist, or be empty. */
  target: string | undefined;
  lang: Lang;
}

export interface VerifyCommandOptions {
  file: string | undefined;
  json?: boolean | undefined;
  lang: Lang;
}

export interface DoctorCommandOptions {
  dataDir: string;
  json?: boolean | undefined;
  sample?: string | undefined;
  /** Every store file re-hashed, not a sample (issue 13). */
  full?: boolean | undefined;
  lang: Lang;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

function usage(zh: string, en: string): DossierError {
  return new DossierError('wrong_usage', { zh, en });
}

/** Runs a command; a refusal is printed (or answered as JSON) with its exit code instead of thrown. */
async function guarded(o: { json?: boolean | undefined; lang: Lang }, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof DossierError)) throw e;
    return reportFailure({ json: o.json === true, lang: o.lang }, e.toApiError(), exitCodeOf(e));
  }
}

function requireWorkspace(dataDir: string): void {
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new DossierError('wrong_workspace', {
      zh: `${dataDir} 中没有工作区。`,
      en: `There is no workspace in ${dataDir}.`,
    });
  }
}

/** Ctrl+C cancels: the backup or restore stops and leaves nothing partial. */
function interruptible(): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  return { signal: controller.signal, done: () => process.off('SIGINT', stop) };
}

/** A progress line on a terminal (rewritten in place), nothing when the output is a file or a pipe. */
function progressPrinter(lang: Lang): ((p: BackupProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const label = {
    write: { zh: '写入', en: 'Writing' },
    verify: { zh: '校验', en: 'Verifying' },
    restore: { zh: '恢复', en: 'Restoring' },
  };
  let last = '';
  return ({ phase, doneBytes, totalBytes }) => {
    const pct = totalBytes ? Math.floor((100 * doneBytes) / totalBytes) : 100;
    const line = `${label[phase][lang]} ${pct}%`;
    if (line === last) return;
    last = line;
    process.stderr.write(`\r${line}   `);
    if (pct === 100) process.stderr.write('\n');
  };
}

function describeInfo(info: BackupInfo, lang: Lang): string {
  const say = (t: Localized) => t[lang];
  const lines = [
    say({
      zh: `  ${info.files} 个附件文件（${mb(info.fileBytes)}），${info.packageFiles} 个申报包文件（${mb(info.packageBytes)}），数据库 ${mb(info.databaseBytes)}，版本 ${info.schemaVersion}；${info.kind === 'folder' ? '备份文件夹（附件与申报包与工作区共用同一份文件）' : '备份文件'} ${mb(info.bytes)}`,
      en: `  ${info.files} attachment file(s) (${mb(info.fileBytes)}), ${info.packageFiles} package file(s) (${mb(info.packageBytes)}), database ${mb(info.databaseBytes)}, version ${info.schemaVersion}; ${info.kind === 'folder' ? 'backup folder (attachments and packages shared with the workspace)' : 'backup file'} ${mb(info.bytes)}`,
    }),
    say({
      zh: `  创建于 ${info.createdAt}（软件 ${info.appVersion}）`,
      en: `  Made ${info.createdAt} (app ${info.appVersion})`,
    }),
  ];
  if (!info.clean) {
    lines.push(
      say({
        // SQLite's own words are English: the Chinese line says what they mean (the English one quotes them).
        zh: `  注意：备份时工作区已有问题（数据库检查${info.quickCheck.length === 1 && info.quickCheck[0] === 'ok' ? '通过' : '未通过'}；缺失 ${info.missing.length} 个、损坏 ${info.damaged.length} 个附件文件）。`,
        en: `  Note: the workspace had problems when this was made (database check: ${info.quickCheck.slice(0, 2).join('; ')}; ${info.missing.length} attachment file(s) missing, ${info.damaged.length} damaged).`,
      }),
    );
  }
  return lines.join('\n');
}

/** The file a manual backup goes to: `--out FILE`, or a time-stamped name in `--out DIR` / the backups folder. */
function manualTarget(dataDir: string, out: string | undefined): string {
  const name = manualBackupName(new Date());
  if (out === undefined) return path.join(defaultBackupsDir(dataDir), name);
  const resolved = path.resolve(out);
  return existsSync(resolved) && statSync(resolved).isDirectory() ? path.join(resolved, name) : resolved;
}

export function runBackup(o: BackupCommandOptions): Promise<number> {
  return guarded(o, async () => {
    const say = (t: Localized) => t[o.lang];
    const keep = o.keep === undefined ? DEFAULT_KEEP : Number(o.keep);
    if (!Number.isInteger(keep) || keep < 1) {
      throw usage(`--keep 须为正整数：${o.keep}`, `--keep must be a positive integer: ${o.keep}`);
    }
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    const { signal, done } = interruptible();
    try {
      const onProgress = progressPrinter(o.lang);
      if (o.auto) {
        const dir = o.out === undefined ? undefined : path.resolve(o.out);
        const forget = dir === undefined ? async () => {} : await noteOutsideWrite(o.dataDir, dir);
        const result = await autoBackup(w, { dir, keep, signal, onProgress }).finally(forget);
        if (!result.created) {
          console.log(
            say({ zh: `今天的备份已存在：${result.file}`, en: `Today's backup already exists: ${result.file}` }),
          );
          return 0;
        }
        console.log(say({ zh: `已备份并校验：${result.file}`, en: `Backed up and verified: ${result.file}` }));
        console.log(describeInfo(result.info!, o.lang));
        for (const file of result.deleted)
          console.log(say({ zh: `  已删除旧备份：${file}`, en: `  Deleted old backup: ${file}` }));
        if (result.keptBecause === 'not_clean') {
          console.log(
            say({
              zh: '  工作区有问题，旧备份一个都没有删除。请运行 dossier doctor。',
              en: '  The workspace has problems, so no old backup was deleted. Run dossier doctor.',
            }),
          );
        }
        return 0;
      }
      const target = manualTarget(o.dataDir, o.out);
      // In the backups folder, a folder sharing the workspace's files; elsewhere (--out), one whole file.
      const make = o.out === undefined ? createFolderBackup : createBackup;
      const forget = await noteOutsideWrite(o.dataDir, path.dirname(target), path.basename(target));
      const info = await make(w, target, { signal, onProgress }).finally(forget);
      console.log(say({ zh: `已备份并校验：${info.file}`, en: `Backed up and verified: ${info.file}` }));
      console.log(describeInfo(info, o.lang));
      return 0;
    } finally {
      done();
      closeWorkspace(w);
    }
  });
}

export function runRestore(o: RestoreCommandOptions): Promise<number> {
  return guarded(o, async () => {
    const say = (t: Localized) => t[o.lang];
    if (!o.file || !o.target) {
      throw usage('用法：dossier restore 备份文件 新文件夹', 'usage: dossier restore BACKUP_FILE NEW_FOLDER');
    }
    const { signal, done } = interruptible();
    try {
      const result = await restoreBackup(path.resolve(o.file), o.target, {
        signal,
        onProgress: progressPrinter(o.lang),
      });
      console.log(
        say({
          zh: `已校验并恢复到新的工作区：${result.dataDir}`,
          en: `Verified and restored into a new workspace: ${result.dataDir}`,
        }),
      );
      console.log(describeInfo(result.info, o.lang));
      console.log(
        say({
          zh: `使用它：dossier start --data "${result.dataDir}"`,
          en: `To use it: dossier start --data "${result.dataDir}"`,
        }),
      );
      return 0;
    } finally {
      done();
    }
  });
}

export function runVerifyBackup(o: VerifyCommandOptions): Promise<number> {
  return guarded(o, async () => {
    const say = (t: Localized) => t[o.lang];
    if (!o.file) throw usage('用法：dossier verify-backup 备份文件', 'usage: dossier verify-backup BACKUP_FILE');
    const { signal, done } = interruptible();
    try {
      const info = await verifyBackup(path.resolve(o.file), {
        signal,
        onProgress: o.json ? undefined : progressPrinter(o.lang),
      });
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ ok: true, value: info }, null, 2)}\n`);
        return 0;
      }
      console.log(say({ zh: `备份完好：${info.file}`, en: `The backup is intact: ${info.file}` }));
      console.log(describeInfo(info, o.lang));
      return 0;
    } finally {
      done();
    }
  });
}

export function runDoctor(o: DoctorCommandOptions): Promise<number> {
  return guarded(o, async () => {
    const sample = o.sample === undefined ? DEFAULT_SAMPLE : Number(o.sample);
    if (!Number.isInteger(sample) || sample < 0) {
      throw usage(`--sample 须为非负整数：${o.sample}`, `--sample must be a non-negative integer: ${o.sample}`);
    }
    requireWorkspace(o.dataDir);
    // What dead processes left (issue 13): removed before the check, and said.
    const leftoversRemoved = await sweepLeftovers(o.dataDir);
    const printer = progressPrinter(o.lang);
    const { signal, done } = interruptible();
    try {
      const report = await checkWorkspace(o.dataDir, {
        sample,
        full: o.full === true,
        listBackups: true,
        signal,
        onProgress: printer && ((doneBytes, totalBytes) => printer({ phase: 'verify', doneBytes, totalBytes })),
      });
      if (o.json) process.stdout.write(`${JSON.stringify({ ...report, leftoversRemoved }, null, 2)}\n`);
      else console.log(formatDoctor(report, leftoversRemoved, o.lang));
      return report.isOk ? 0 : 1;
    } finally {
      done();
    }
  });
}

export function formatDoctor(r: StartupReport, leftoversRemoved: string[], lang: Lang): string {
  const say = (t: Localized) => t[lang];
  const db = r.database;
  const sound = db.quickCheck.length === 1 && db.quickCheck[0] === 'ok';
  const migration = {
    none: { zh: '无', en: 'none' },
    current: { zh: '当前', en: 'current' },
    pending: { zh: '较旧，打开时升级', en: 'older, upgraded when opened' },
    newer: { zh: '较新，本版本无法打开', en: 'newer, this release cannot open it' },
    unknown: { zh: '无法读取', en: 'unreadable' },
  }[db.migrations];
  const lines = [
    say({ zh: `工作区：${r.dataDir}`, en: `Workspace: ${r.dataDir}` }),
    say({
      zh: `数据库：${sound ? '完好' : '已损坏'}（quick_check：${db.quickCheck.slice(0, 3).join('; ')}），版本 ${db.schemaVersion ?? '?'}（${migration.zh}）`,
      en: `Database: ${sound ? 'sound' : 'damaged'} (quick_check: ${db.quickCheck.slice(0, 3).join('; ')}), version ${db.schemaVersion ?? '?'} (${migration.en})`,
    }),
    say({
      zh: `附件存储：${r.store.stored} 个文件，数据库引用 ${r.store.referenced} 个，缺失 ${r.store.missing.length} 个；${r.store.full ? '全部检查' : '抽查'} ${r.store.sampled} 个（${mb(r.store.sampledBytes)}），损坏 ${r.store.damaged.length} 个`,
      en: `Attachment store: ${r.store.stored} file(s), ${r.store.referenced} referenced, ${r.store.missing.length} missing; ${r.store.sampled} re-hashed${r.store.full ? ' (all)' : ''} (${mb(r.store.sampledBytes)}), ${r.store.damaged.length} damaged`,
    }),
  ];
  for (const f of r.store.files) {
    const names = f.attachments.map((a) => a.fileName).join(lang === 'zh' ? '、' : ', ') || f.sha256;
    lines.push(
      say({
        zh: `  ${f.state === 'missing' ? '缺失' : '损坏'}：${names}（${f.sha256.slice(0, 12)}）`,
        en: `  ${f.state === 'missing' ? 'missing' : 'damaged'}: ${names} (${f.sha256.slice(0, 12)})`,
      }),
    );
  }
  if (leftoversRemoved.length) {
    lines.push(
      say({
        zh: `已清除已结束进程留下的 ${leftoversRemoved.length} 个临时文件。`,
        en: `Removed ${leftoversRemoved.length} temporary file(s) left by processes that ended.`,
      }),
    );
  }
  if (r.isOk) lines.push(say({ zh: '结论：工作区完好。', en: 'Result: the workspace is sound.' }));
  else {
    lines.push(say({ zh: '结论：发现问题——', en: 'Result: problems found —' }));
    for (const p of r.problems) lines.push(`  - ${say(p)}`);
  }
  lines.push('', say({ zh: `备份（${r.backupsDir}）：`, en: `Backups (${r.backupsDir}):` }));
  if (r.backups.length === 0) lines.push(say({ zh: '  （没有备份）', en: '  (none)' }));
  const status = {
    good: { zh: '完好', en: 'good' },
    not_clean: { zh: '完整，但备份时工作区已有问题', en: 'intact, but made of a workspace with problems' },
    damaged: { zh: '已损坏', en: 'damaged' },
    too_new: { zh: '来自更新版本', en: 'from a newer release' },
  };
  for (const b of r.backups) {
    const mark = b.status === 'good' ? '✓' : b.status === 'damaged' ? '✗' : '?';
    lines.push(
      `  ${mark} ${path.basename(b.file)}  ${mb(b.bytes)}  ${say(status[b.status])}${b.createdAt ? `  ${b.createdAt}` : ''}`,
    );
    if (b.message) lines.push(`      ${say(b.message)}`);
  }
  const best = bestBackup(r);
  if (!r.isOk && best) {
    lines.push(
      '',
      say({
        zh: `可恢复最新的完好备份到一个新文件夹（不会覆盖任何数据）：dossier restore "${best.file}" 新文件夹`,
        en: `The newest good backup can be restored into a new folder (nothing is overwritten): dossier restore "${best.file}" NEW_FOLDER`,
      }),
    );
  }
  return lines.join('\n');
}
