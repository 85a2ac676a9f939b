// The `dossier` command: the same core as the app, without the UI.
import { readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Localized } from '../shared/api/contract.js';
import { exportArchiveJson, importArchiveJson, parseArchiveJson } from './core/archiveService.js';
import { DossierError, isInvalidInput } from './core/errors.js';
import { defaultDataDir } from './core/paths.js';
import { closeWorkspace, currentApplicantId, DATABASE_FILE, openWorkspace, type Workspace } from './core/workspace.js';
import { isFileError, reportFailure, runCheck } from './checkCommand.js';
import type { RecoveryQuestion } from './core/startupRecovery.js';
import { createInterface } from 'node:readline/promises';
import { findElectron, runElectron } from './launch.js';

// Each command loads its own modules when it runs: PDF, image and ZIP libraries take seconds to load,
// which a command that only reads (check, params, materials) should not pay.
const forms = () => import('./formsCommand.js');
const backups = () => import('./backupCommand.js');
const packages = () => import('./packageCommand.js');
const units = () => import('./unitCommand.js');

const HELP = `职称申报材料助手 dossier — 用法 / usage:
  dossier start        [--data DIR]            启动桌面应用；无 Electron 运行时则改用浏览器模式
  dossier serve        [--data DIR] [--port N] 浏览器模式（仅 127.0.0.1，带访问令牌）
  dossier init         [--data DIR]            创建工作区
  dossier import-json  FILE [--data DIR]       导入业绩档案 JSON（仅空工作区；全部或不导入）
  dossier export-json  [--data DIR] [--out FILE] 导出业绩档案 JSON（默认输出到标准输出）
  dossier check        [--data DIR | FILE.json] [--json] [--today YYYY-MM-DD (application date)]
                                               资格检查（2020 规则包）；退出码 0 无不符合项，1 有不符合项，2 输入无效
  dossier params       [--data DIR] [--json] [--set KEY=VALUE …]
                                               规则包参数：查看，或修改（全部有效才保存并记入修改记录；否则 2，不作修改）
  dossier materials    [--data DIR | FILE.json] [--json]
                                               材料清单 M-1…M-12：所需、已附、缺少（档案文件不含附件）；0 已列出，2 输入无效
  dossier forms        [--data DIR] --out DIR [--only F-1,M-2,material:M-4]
                                               生成适用的全部表格（F-1、F-3、F-4、M-2、M-3、材料目录）和各材料合并 PDF；
                                               单位工作区：本单位的 F-4（仅事业单位；未填写完整时为草稿）
  dossier backup       [--data DIR] [--out FILE|DIR] [--auto [--keep N]]
                                               备份整个工作区（数据库、附件、申报包）：默认在 backups 中建备份文件夹
                                               （与工作区共用文件，几乎不占空间）；--out 写成一个完整的文件（可带走）；
                                               --auto 每日轮换，保留最近 7 天
  dossier restore      BACKUP NEW_DIR          校验后恢复（备份文件或备份文件夹）到新的（不存在或空的）文件夹，绝不覆盖
  dossier verify-backup BACKUP [--json]        完整校验备份（文件或文件夹）；0 完好，1 损坏，2 不是备份
  dossier doctor       [--data DIR] [--json] [--sample N]  只读检查工作区并列出可用备份
  dossier keygen       [--data DIR] [--passphrase-file F] [--replace]
                                               创建签名密钥（SM2）；密码取自 DOSSIER_PASSPHRASE 或文件；密钥不在工作区
                                               备份中，请另存 keys/signing-key.json；--replace 忘记密码时换用新密钥
                                               （旧文件留在 keys/retired/），之后重新导出并告知单位人事专员
  dossier export       [--data DIR] --out FILE [--justify 检查项=理由 …] [--passphrase-file F]
                                               检查、生成表格并写出签名申报包（.zcpkg）；1 有不符合项或缺理由
  dossier verify       FILE [--expect-applicant HEX] [--expect-unit HEX] [--json]
                                               逐级验证申报包：签名、签名人、与上一级的链接、每个文件；
                                               --expect-applicant 核对第 1 级签名人（申报人，F-1 上印的指纹），
                                               --expect-unit 核对第 2 级签名人（单位，batch.json 的 unitFingerprint），
                                               --expect-fingerprint 同 --expect-applicant（只核对第 1 级）；
                                               --json 逐级给出签名人指纹及是否相符（未指定预期则为 null）；
                                               0 全部通过，1 未通过（含签名人不符），2 不是申报包或用法错误
  dossier import       FILE [--data DIR] [--expect-applicant HEX]
                                               验证后导入申报包（全部或不导入）；--expect-applicant（或
                                               --expect-fingerprint）核对第 1 级（申报人）的签名人
  dossier unit-profile [--data DIR] [--set FILE.json]
                                               单位信息：查看或保存（空工作区由此成为单位工作区）
  dossier unit-import  FOLDER|FILE.zcpkg … [--data DIR]
                                               单位批量导入申报包（文件夹中的全部 .zcpkg，不含子文件夹），
                                               每个文件一行结果；0 无拒绝，1 有拒绝，2 用法错误；已有申报人
                                               换了签名密钥的新版本“暂存”，并给出接受或拒绝的命令
  dossier unit-accept-key APPLICANT --reason "理由" [--data DIR]
                                               当面核实申报人本人身份后接受其新签名密钥（理由至少 10 个字，
                                               记入审核记录）：暂存的版本重新校验后导入，此后以新密钥为准
  dossier unit-reject-key APPLICANT [--data DIR]  拒绝新密钥：删除暂存的申报包，其他不变
  dossier unit-list    [--data DIR] [--json]  单位的申报人一览：进度、资格检查结论及其依据、缺少的材料、公示
                                               （文本输出中身份证号码部分隐藏）
  dossier unit-submit  APPLICANT… --out DIR|FILE [--reason "理由"] [--passphrase-file F] [--data DIR]
                                               加签并把报送批次写到 --out（不保存在工作区中），随后自动备份；
                                               --reason 用于资格检查不符合或缺材料仍报送的申报人；0 已写出，1 被拒绝，2 用法错误
选项 / options: --data DIR 数据文件夹（默认 ${defaultDataDir()}，或环境变量 DOSSIER_DATA）；--lang en 英文提示
退出码 / exit codes: 0 成功 success, 1 失败 failure, 2 输入无效 invalid input`;

const OPTIONS = {
  data: { type: 'string' },
  port: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  today: { type: 'string' },
  only: { type: 'string' },
  auto: { type: 'boolean' },
  keep: { type: 'string' },
  sample: { type: 'string' },
  'passphrase-file': { type: 'string' },
  justify: { type: 'string', multiple: true },
  'expect-fingerprint': { type: 'string' },
  reason: { type: 'string' },
  replace: { type: 'boolean' },
  'expect-applicant': { type: 'string' },
  'expect-unit': { type: 'string' },
  set: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

let lang: 'zh' | 'en' = 'zh';
const say = (text: Localized) => text[lang];

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const loose = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, strict: false });
    const jsonCommands = ['check', 'doctor', 'verify-backup', 'verify', 'params', 'materials', 'unit-list'];
    if (jsonCommands.includes(String(loose.positionals[0])) && loose.values.json === true) {
      const looseLang = loose.values.lang === 'en' || process.env.DOSSIER_LANG === 'en' ? 'en' : 'zh';
      return reportFailure(
        { json: true, lang: looseLang },
        { code: 'usage', message: { zh: message, en: message } },
        2,
      );
    }
    console.error(`${message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  lang = values.lang === 'en' || process.env.DOSSIER_LANG === 'en' ? 'en' : 'zh';
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  try {
    switch (command) {
      case 'start':
        return await start(dataDir, parsePort(values.port));
      case 'serve':
        return await serve(dataDir, parsePort(values.port));
      case 'init':
        return init(dataDir);
      case 'import-json':
        return importJson(dataDir, rest[0]);
      case 'export-json':
        requireWorkspace(dataDir);
        return withWorkspace(dataDir, (w) => exportJson(w, values.out));
      case 'check':
        return runCheck({
          file: rest[0],
          dataDir: values.data === undefined && rest[0] !== undefined ? null : dataDir,
          json: values.json === true,
          today: values.today,
          lang,
        });
      case 'params':
        return (await import('./paramsCommand.js')).runParams({
          dataDir,
          json: values.json === true,
          set: values.set ?? [],
          extra: rest,
          lang,
        });
      case 'materials':
        return (await import('./materialsCommand.js')).runMaterials({
          file: rest[0],
          dataDir: values.data === undefined && rest[0] !== undefined ? null : dataDir,
          json: values.json === true,
          extra: rest.slice(1),
          lang,
        });
      case 'forms':
        requireWorkspace(dataDir);
        return await (await forms()).runForms({ dataDir, out: values.out, only: values.only, say });
      case 'backup':
        return await (
          await backups()
        ).runBackup({ dataDir, out: values.out, auto: values.auto, keep: values.keep, lang });
      case 'restore':
        return await (await backups()).runRestore({ file: rest[0], target: rest[1], lang });
      case 'verify-backup':
        return await (await backups()).runVerifyBackup({ file: rest[0], json: values.json, lang });
      case 'doctor':
        return await (await backups()).runDoctor({ dataDir, json: values.json, sample: values.sample, lang });
      case 'keygen':
        return await (
          await packages()
        ).runKeygen({ dataDir, passphraseFile: values['passphrase-file'], replace: values.replace, lang });
      case 'export':
        return await (
          await packages()
        ).runExport({
          dataDir,
          out: values.out,
          justify: values.justify,
          passphraseFile: values['passphrase-file'],
          today: values.today,
          lang,
        });
      case 'verify':
        return await (
          await packages()
        ).runVerify({
          file: rest[0],
          expectFingerprint: values['expect-fingerprint'],
          expectApplicant: values['expect-applicant'],
          expectUnit: values['expect-unit'],
          json: values.json,
          lang,
        });
      case 'unit-list':
        return (await import('./unitListCommand.js')).runUnitList({
          dataDir,
          json: values.json === true,
          extra: rest,
          lang,
        });
      case 'unit-import':
        return await (await units()).runUnitImport({ paths: rest, dataDir, lang });
      case 'unit-accept-key':
        return await (
          await units()
        ).runUnitAcceptKey({
          applicant: rest[0],
          extra: rest.slice(1),
          reason: values.reason,
          dataDir,
          lang,
        });
      case 'unit-submit':
        return (await import('./unitSubmitCommand.js')).runUnitSubmit({
          applicants: rest,
          dataDir,
          out: values.out,
          reason: values.reason,
          passphraseFile: values['passphrase-file'],
          lang,
        });
      case 'unit-reject-key':
        return await (await units()).runUnitRejectKey({ applicant: rest[0], extra: rest.slice(1), dataDir, lang });
      case 'unit-profile':
        return await (await units()).runUnitProfile({ dataDir, set: values.set?.at(-1), lang });
      case 'import':
        return await (
          await packages()
        ).runImport({
          file: rest[0],
          dataDir,
          expectFingerprint: values['expect-fingerprint'],
          expectApplicant: values['expect-applicant'],
          expectUnit: values['expect-unit'],
          lang,
        });
      default:
        throw new UsageError(`未知命令 / unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${HELP}`);
      return 2;
    }
    if (e instanceof DossierError) {
      console.error(say(e.localized));
      for (const issue of e.issues ?? []) console.error(`  ${issue.path}: ${say(issue.message)}`);
      return isInvalidInput(e) ? 2 : 1;
    }
    if (isFileError(e)) {
      // A path that cannot be read or written: say which, not a stack trace.
      console.error(say({ zh: `无法访问 ${e.path}（${e.code}）`, en: `Cannot access ${e.path} (${e.code})` }));
      return 1;
    }
    throw e;
  }
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(
      say({ zh: `--port 须为 0–65535 的整数：${value}`, en: `--port must be an integer 0–65535: ${value}` }),
    );
  return port;
}

/** Reading commands never create a workspace where there is none. */
function requireWorkspace(dataDir: string): void {
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new DossierError('no_workspace', {
      zh: `${dataDir} 中没有工作区（可先运行 dossier init，或在应用中新建档案）。`,
      en: `There is no workspace in ${dataDir} (run dossier init, or create an archive in the app).`,
    });
  }
}

function withWorkspace(dataDir: string, run: (w: Workspace) => number): number {
  const workspace = openWorkspace(dataDir);
  try {
    return run(workspace);
  } finally {
    closeWorkspace(workspace);
  }
}

function init(dataDir: string): number {
  const existed = existsSync(path.join(dataDir, DATABASE_FILE));
  withWorkspace(dataDir, () => 0);
  console.log(
    say(
      existed
        ? { zh: `工作区已存在：${dataDir}`, en: `Workspace already exists: ${dataDir}` }
        : { zh: `已创建工作区：${dataDir}`, en: `Created workspace: ${dataDir}` },
    ),
  );
  return 0;
}

/** Reads and checks the file before touching the data folder: a refused import leaves nothing behind. */
function importJson(dataDir: string, file: string | undefined): number {
  if (!file) throw new UsageError(say({ zh: 'import-json 需要一个文件', en: 'import-json needs a FILE to import' }));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = isFileError(e) ? e.code : String(e);
    console.error(say({ zh: `无法读取文件 ${file}（${reason}）`, en: `Cannot read ${file} (${reason})` }));
    return 2;
  }
  parseArchiveJson(text);
  withWorkspace(dataDir, (w) => {
    importArchiveJson(w.db, text);
    return 0;
  });
  console.log(say({ zh: `已导入：${file}`, en: `Imported: ${file}` }));
  return 0;
}

function exportJson(workspace: Workspace, out: string | undefined): number {
  const applicantId = currentApplicantId(workspace);
  if (!applicantId) {
    console.error(say({ zh: '工作区中没有档案。', en: 'The workspace holds no archive.' }));
    return 1;
  }
  const { json } = exportArchiveJson(workspace.db, applicantId);
  if (!out) {
    process.stdout.write(json);
    return 0;
  }
  writeFileAtomic(out, json);
  console.error(say({ zh: `已导出：${out}`, en: `Exported: ${out}` }));
  return 0;
}

/** Temp file, fsync, rename: a crash never leaves half a file under the real name. */
export function writeFileAtomic(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

async function serve(requestedDir: string, port: number | undefined, prefix?: Localized): Promise<number> {
  const { workspaceToOpen } = await import('./core/startupRecovery.js');
  const dataDir = await workspaceToOpen(requestedDir, askOnTerminal);
  const workspace = openWorkspace(dataDir);
  const { startServer } = await import('./serve.js');
  const server = await startServer({ workspace, port });
  // Daily rotating backups while the app runs (issue 8), in <data>/backups.
  const { scheduleAutoBackups } = await import('./core/backup/schedule.js');
  const stopBackups = scheduleAutoBackups(workspace);
  const opening = prefix ?? { zh: '浏览器模式已启动', en: 'Browser mode started' };
  console.log(`${say(opening)}${lang === 'zh' ? '：请在浏览器中打开' : ': open'} ${server.url}`);
  console.log(say({ zh: `数据文件夹：${dataDir}（按 Ctrl+C 退出）`, en: `Data folder: ${dataDir} (Ctrl+C to quit)` }));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopBackups();
  await server.close();
  closeWorkspace(workspace);
  return 0;
}

/** The start-up check found damage: ask on the terminal (no terminal: the answer is no, and the command is shown). */
async function askOnTerminal(q: RecoveryQuestion): Promise<boolean> {
  for (const p of q.problems) console.error(say(p));
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      say({
        zh: `工作区已损坏。从最新完好备份 ${q.backup} 恢复到新文件夹 ${q.target} 并打开？原文件夹不会被修改。[y/N] `,
        en: `The workspace is damaged. Restore the newest good backup ${q.backup} into the new folder ${q.target} and open it? The old folder is left as it is. [y/N] `,
      }),
    );
    return /^(y|yes|是)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

async function start(dataDir: string, port: number | undefined): Promise<number> {
  const electron = findElectron();
  if ('binary' in electron) return runElectron(electron.binary, dataDir);
  return serve(dataDir, port, {
    zh: `无法打开桌面窗口（${electron.missing.zh}），已改用浏览器模式`,
    en: `Cannot open the desktop window (${electron.missing.en}); using the browser mode`,
  });
}
