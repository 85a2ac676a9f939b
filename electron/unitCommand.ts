// `dossier unit-import | unit-profile` (issue 7): the unit's intake on the command line, the same core as
// the app (core/unit/). unit-import takes package files and folders (every *.zcpkg in a folder, not
// recursing) in one batch and prints one line per file; exit 0 when none was refused, 1 otherwise, 2 for
// bad usage. unit-profile saves the unit's data (the workspace becomes a unit's when it is still empty).
// unit-accept-key | unit-reject-key (issue 19, item 8): a known applicant's revision signed by a new key is
// held by unit-import, which prints both fingerprints and these commands; the officer confirms the person in
// person and accepts the new key with a written reason (audit trail), or rejects the held file.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../shared/api/contract.js';
import { emptySections } from '../shared/archive/empty.js';
import { KEY_CHANGE_HELD } from '../shared/package/keyAdvice.js';
import { MIN_REASON_CHARS, type UnitImportResult, type UnitProfile } from '../shared/unit/schema.js';
import { guardedCommand, reportFailure } from './checkCommand.js';
import { DossierError } from './core/errors.js';
import { followResults } from './jobResults.js';
import { packagesInFolder, startFileImport } from './core/unit/intake.js';
import { acceptApplicantKey, applicantByIdOrPackage, keyChanges, rejectApplicantKey } from './core/unit/keyChange.js';
import { formatFingerprint } from './core/package/sm2.js';
import { fingerprintOption } from './packageCommand.js';
import { getMode, setMode } from './core/unit/mode.js';
import { getUnitProfile, setUnitProfile } from './core/unit/profile.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace } from './core/workspace.js';
import { readJsonObjectFile } from './jsonFileArg.js';

type Lang = keyof Localized;

export interface UnitImportOptions {
  paths: string[];
  dataDir: string;
  lang: Lang;
  /** --expect-fingerprint: level 1's signer as printed on the applicant's F-1; one file only. */
  expectFingerprint?: string | undefined;
}

export interface UnitKeyOptions {
  /** The applicant's id (as unit-import prints it) or their package id. */
  applicant?: string | undefined;
  /** Words after the applicant: a reason typed without --reason, most likely. */
  extra?: string[];
  reason?: string | undefined;
  dataDir: string;
  lang: Lang;
}

export interface UnitProfileOptions {
  dataDir: string;
  set?: string | undefined;
  lang: Lang;
}

const usage = (zh: string, en: string) => new DossierError('wrong_usage', { zh, en });

/** Refusals before anything ran are printed with their exit code: 2 for bad input, else the error's own. */
const guarded = (lang: Lang, run: () => Promise<number>) =>
  guardedCommand(lang, ['folder_without_packages', 'folder_missing'], run);

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
  held: KEY_CHANGE_HELD,
  desk_returned: { zh: '审查机构退回', en: 'returned by the desk' },
  refused: { zh: '拒绝', en: 'refused' },
};

/** Both keys' fingerprints as F-1 prints them; `pinned`: the new one is the applicant's key from now on. */
function fingerprintLines(r: UnitImportResult, lang: Lang, indent: string, pinned: boolean): string[] {
  if (!r.keyChange) return [];
  const [old, now] = [formatFingerprint(r.keyChange.oldFingerprint), formatFingerprint(r.keyChange.newFingerprint)];
  const words: Localized[] = [
    { zh: `原密钥指纹：${old}`, en: `Old key fingerprint: ${old}` },
    {
      zh: `新密钥指纹：${now}${pinned ? '（此后以它为准）' : ''}`,
      en: `New key fingerprint: ${now}${pinned ? ' (pinned from now on)' : ''}`,
    },
  ];
  return words.map((w) => `${indent}${w[lang]}`);
}

/** A held revision's lines: both fingerprints, then the commands that accept or reject the new key. */
function heldLines(r: UnitImportResult, lang: Lang, dataDir: string): string[] {
  const say = (t: Localized) => `      ${t[lang]}`;
  const data = JSON.stringify(dataDir);
  const lines = fingerprintLines(r, lang, '      ', false);
  lines.push(
    say({
      zh: `核实本人身份后接受：dossier unit-accept-key ${r.applicantId} --reason "如何核实了本人身份（至少 ${MIN_REASON_CHARS} 个字）" --data ${data}`,
      en: `Once the person is confirmed, accept: dossier unit-accept-key ${r.applicantId} --reason "how the identity was confirmed (${MIN_REASON_CHARS}+ characters)" --data ${data} --lang en`,
    }),
    say({
      zh: `或拒绝：dossier unit-reject-key ${r.applicantId} --data ${data}`,
      en: `Or reject: dossier unit-reject-key ${r.applicantId} --data ${data} --lang en`,
    }),
  );
  return lines;
}

export function formatUnitImportResult(r: UnitImportResult, lang: Lang, dataDir?: string): string {
  const word = WORDS[r.status][lang];
  if (r.status === 'held') {
    const head =
      lang === 'zh'
        ? `${word}  ${r.file}（${r.name ?? ''}，第 ${r.revision ?? '?'} 版）：${r.reason?.zh ?? ''}`
        : `${word}  ${r.file} (${r.name ?? ''}, revision ${r.revision ?? '?'}): ${r.reason?.en ?? ''}`;
    return [head, ...(dataDir ? heldLines(r, lang, dataDir) : [])].join('\n');
  }
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
    const expectFingerprint = fingerprintOption(o.expectFingerprint, '--expect-fingerprint');
    // One F-1's fingerprint vouches for one applicant's package: with many files it would refuse the others.
    if (expectFingerprint !== undefined && files.length !== 1) {
      throw usage(
        `--expect-fingerprint 核对的是一位申报人的签名密钥（其 F-1 上印的指纹），只能用于一个申报包文件，而这里有 ${files.length} 个。请逐个导入。`,
        `--expect-fingerprint pins one applicant's key (the fingerprint on their F-1) and takes one package file; ${files.length} were given. Import them one by one.`,
      );
    }
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    try {
      const { status, results } = await followResults(
        () => startFileImport(w, files, { expectFingerprint }),
        (s) => s.unitImport,
        (r) => console.log(formatUnitImportResult(r, o.lang, o.dataDir)),
      );
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
      const held = results.filter((r) => r.status === 'held').length;
      const desk = results.filter((r) => r.status === 'desk_returned').length;
      console.error(
        say({
          zh: `共 ${results.length} 个文件，${held > 0 ? `暂存 ${held} 个（申报人新密钥，待核实本人身份），` : ''}${desk > 0 ? `审查机构退回 ${desk} 个（审核已重新打开），` : ''}拒绝 ${refused} 个。`,
          en: `${results.length} file(s), ${held > 0 ? `${held} held (new applicant key, to confirm in person), ` : ''}${desk > 0 ? `${desk} returned by the desk (review reopened), ` : ''}${refused} refused.`,
        }),
      );
      return refused === 0 ? 0 : 1;
    } finally {
      closeWorkspace(w);
    }
  });
}

/** The profile file: JSON of the unit's fields; fields left out are empty (setUnitProfile validates it). */
function readProfileFile(file: string): UnitProfile {
  const value = readJsonObjectFile(file, { zh: '单位信息的各字段', en: "the unit's fields" });
  return { ...emptySections().unit, ...value } as UnitProfile;
}

export function runUnitProfile(o: UnitProfileOptions): Promise<number> {
  return guarded(o.lang, async () => {
    const say = (t: Localized) => t[o.lang];
    const profile = o.set === undefined ? null : readProfileFile(o.set);
    if (profile === null) requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir, { readOnly: profile === null });
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

/** The applicant named on the command line: their id as unit-import prints it, or their package id. */
function applicantArg(w: ReturnType<typeof openWorkspace>, o: UnitKeyOptions, command: string): string {
  if (!o.applicant || (o.extra?.length ?? 0) > 0) {
    throw usage(
      `用法：dossier ${command} 申报人编号（unit-import 输出的，或申报包编号）${command === 'unit-accept-key' ? ' --reason "理由"' : ''} --data 目录`,
      `usage: dossier ${command} APPLICANT (the id unit-import prints, or the package id)${command === 'unit-accept-key' ? ' --reason "…"' : ''} --data DIR`,
    );
  }
  return applicantByIdOrPackage(w, o.applicant);
}

/** The key commands' frame: the workspace opened, the applicant named, the workspace closed whatever happens. */
function keyCommand(
  o: UnitKeyOptions,
  command: string,
  run: (w: ReturnType<typeof openWorkspace>, applicantId: string, say: (t: Localized) => string) => Promise<void>,
): Promise<number> {
  return guarded(o.lang, async () => {
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    try {
      await run(w, applicantArg(w, o, command), (t) => t[o.lang]);
      return 0;
    } finally {
      closeWorkspace(w);
    }
  });
}

/** `dossier unit-accept-key APPLICANT --reason "…"`: the held revision imported, the new key pinned. */
export function runUnitAcceptKey(o: UnitKeyOptions): Promise<number> {
  return keyCommand(o, 'unit-accept-key', async (w, applicantId, say) => {
    const result = await acceptApplicantKey(w, { applicantId, reason: o.reason ?? '' });
    console.log(
      say({
        zh: `已接受新密钥：${result.name ?? ''}，第 ${result.revision ?? '?'} 版已导入（${result.file}）。`,
        en: `New key accepted: ${result.name ?? ''}, revision ${result.revision ?? '?'} imported (${result.file}).`,
      }),
    );
    for (const line of fingerprintLines(result, o.lang, '  ', true)) console.log(line);
    console.log(say({ zh: '理由已记入审核记录。', en: 'The reason is kept in the audit trail.' }));
  });
}

/** `dossier unit-reject-key APPLICANT`: the held files removed, nothing else changed. */
export function runUnitRejectKey(o: UnitKeyOptions): Promise<number> {
  return keyCommand(o, 'unit-reject-key', async (w, applicantId, say) => {
    const name = keyChanges(w, applicantId).changes[0]?.name ?? '';
    const { removed } = await rejectApplicantKey(w, { applicantId });
    console.log(
      say({
        zh: `已拒绝“${name}”的新密钥：删除暂存的申报包 ${removed} 个，其他未作改动。`,
        en: `${name}'s new key rejected: ${removed} held package(s) removed; nothing else changed.`,
      }),
    );
  });
}
