// `dossier unit-import | unit-profile` (issue 7): the unit's intake on the command line, the same core as
// the app (core/unit/). unit-import takes package files and folders (every *.zcpkg in a folder, not
// recursing) in one batch and prints one line per file; exit 0 when none was refused, 1 otherwise, 2 for
// bad usage. unit-profile saves the unit's data (the workspace becomes a unit's when it is still empty).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { JobStatus, Localized } from '../shared/api/contract.js';
import { emptySections } from '../shared/archive/empty.js';
import type { UnitImportResult, UnitProfile } from '../shared/unit/schema.js';
import { reportFailure } from './checkCommand.js';
import { DossierError, isInvalidInput } from './core/errors.js';
import { cancelJob, waitForJob } from './core/jobs.js';
import { packagesInFolder, startFileImport } from './core/unit/intake.js';
import { getMode, setMode } from './core/unit/mode.js';
import { getUnitProfile, setUnitProfile } from './core/unit/profile.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace } from './core/workspace.js';

type Lang = keyof Localized;

export interface UnitImportOptions {
  paths: string[];
  dataDir: string;
  lang: Lang;
}

export interface UnitProfileOptions {
  dataDir: string;
  set?: string | undefined;
  lang: Lang;
}

const usage = (zh: string, en: string) => new DossierError('wrong_usage', { zh, en });

/** Refusals before anything ran are printed with their exit code: 2 for bad input, else 1. */
async function guarded(lang: Lang, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof DossierError)) throw e;
    const invalid = isInvalidInput(e) || e.code === 'folder_without_packages' || e.code === 'folder_missing';
    return reportFailure({ json: false, lang }, e.toApiError(), invalid ? 2 : 1);
  }
}

function requireWorkspace(dataDir: string): void {
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new DossierError('wrong_workspace', {
      zh: `${dataDir} 中没有工作区（可先运行 dossier unit-profile --set 单位信息.json 建立单位工作区）。`,
      en: `There is no workspace in ${dataDir} (run dossier unit-profile --set UNIT.json to make a unit's workspace).`,
    });
  }
}

/** The files named: a folder gives its packages, a file itself; a path that is neither is bad usage. */
async function filesOf(paths: string[]): Promise<string[]> {
  if (paths.length === 0) {
    throw usage(
      '用法：dossier unit-import 文件夹|文件.zcpkg … --data 目录',
      'usage: dossier unit-import FOLDER|FILE.zcpkg... --data DIR',
    );
  }
  const files: string[] = [];
  for (const p of paths) {
    const resolved = path.resolve(p);
    const found = existsSync(resolved) ? statSync(resolved) : null;
    if (found?.isDirectory()) files.push(...(await packagesInFolder(resolved)));
    else if (found?.isFile()) files.push(resolved);
    else throw usage(`找不到文件或文件夹：${p}`, `No such file or folder: ${p}`);
  }
  return [...new Set(files)];
}

const WORDS: Record<UnitImportResult['status'], Localized> = {
  imported: { zh: '导入', en: 'imported' },
  replaced: { zh: '替换', en: 'replaced' },
  unchanged: { zh: '未变', en: 'unchanged' },
  refused: { zh: '拒绝', en: 'refused' },
};

export function formatUnitImportResult(r: UnitImportResult, lang: Lang): string {
  const word = WORDS[r.status][lang];
  if (r.status === 'refused') {
    const reason = r.reason?.[lang] ?? '';
    return lang === 'zh' ? `${word}  ${r.file}：${reason}` : `${word}  ${r.file}: ${reason}`;
  }
  return lang === 'zh'
    ? `${word}  ${r.file}（${r.name ?? ''}，第 ${r.revision ?? '?'} 版）`
    : `${word}  ${r.file} (${r.name ?? ''}, revision ${r.revision ?? '?'})`;
}

export function runUnitImport(o: UnitImportOptions): Promise<number> {
  return guarded(o.lang, async () => {
    const say = (t: Localized) => t[o.lang];
    const files = await filesOf(o.paths);
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    let jobId: string | null = null;
    const stop = () => {
      if (jobId) cancelJob(jobId);
    };
    // Ctrl+C stops the batch: the files done stay done, the one under way is not half imported.
    process.once('SIGINT', stop);
    try {
      ({ jobId } = await startFileImport(w, files));
      let printed = 0;
      const printNew = (s: JobStatus) => {
        const results = s.unitImport ?? [];
        for (; printed < results.length; printed++) console.log(formatUnitImportResult(results[printed]!, o.lang));
      };
      const status = await waitForJob(jobId, printNew);
      printNew(status);
      const results = status.unitImport ?? [];
      if (status.state === 'cancelled') {
        console.error(
          say({
            zh: `已取消：${files.length - results.length} 个文件未导入（已完成的保留）。`,
            en: `Cancelled: ${files.length - results.length} file(s) not imported (those done are kept).`,
          }),
        );
        return 1;
      }
      if (status.state === 'failed') return reportFailure({ json: false, lang: o.lang }, status.error!, 1);
      const refused = results.filter((r) => r.status === 'refused').length;
      console.error(
        say({
          zh: `共 ${results.length} 个文件，拒绝 ${refused} 个。`,
          en: `${results.length} file(s), ${refused} refused.`,
        }),
      );
      return refused === 0 ? 0 : 1;
    } finally {
      process.off('SIGINT', stop);
      closeWorkspace(w);
    }
  });
}

/** The profile file: JSON of the unit's fields; fields left out are empty (setUnitProfile validates it). */
function readProfileFile(file: string): UnitProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw usage(`无法读取文件 ${file}（${reason}）`, `Cannot read ${file} (${reason})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw usage(`${file} 不是有效的 JSON（${detail}）`, `${file} is not valid JSON (${detail})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw usage(`${file} 应为一个 JSON 对象（单位信息的各字段）`, `${file} must be a JSON object (the unit's fields)`);
  }
  return { ...emptySections().unit, ...value } as UnitProfile;
}

export function runUnitProfile(o: UnitProfileOptions): Promise<number> {
  return guarded(o.lang, async () => {
    const say = (t: Localized) => t[o.lang];
    const profile = o.set === undefined ? null : readProfileFile(o.set);
    if (profile === null) requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    try {
      if (profile !== null && getMode(w) !== 'unit') setMode(w, 'unit');
      const problems = profile === null ? printProfile(getUnitProfile(w), say) : setUnitProfile(w, profile).problems;
      if (profile !== null)
        console.log(say({ zh: `已保存单位信息：${o.dataDir}`, en: `Unit's data saved: ${o.dataDir}` }));
      if (problems.length > 0) {
        console.log(say({ zh: `尚有 ${problems.length} 处待补充：`, en: `${problems.length} field(s) to complete:` }));
        for (const p of problems) console.log(`  ${p.path}: ${say(p.message)}`);
      }
      return 0;
    } finally {
      closeWorkspace(w);
    }
  });
}

function printProfile(
  got: ReturnType<typeof getUnitProfile>,
  say: (t: Localized) => string,
): ReturnType<typeof getUnitProfile>['problems'] {
  if (!got.profile) {
    console.log(say({ zh: '尚未保存单位信息。', en: "The unit's data is not saved yet." }));
    return [];
  }
  console.log(JSON.stringify(got.profile, null, 2));
  return got.problems;
}
