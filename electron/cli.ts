// The `dossier` command: the same core as the app, without the UI.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Localized } from '../shared/api/contract.js';
import { exportArchiveJson, importArchiveJson, parseArchiveJson } from './core/archiveService.js';
import { DossierError, explainFailure, exitCodeOf, isFileError } from './core/errors.js';
import { mkdirPrivateSync, writeFileAtomic } from './core/durable.js';
import { writeNoted } from './core/leftovers.js';
import { lockDataFolder, type FolderLock } from './core/folderLock.js';
import { refuseDamagedFile } from './core/db.js';
import { defaultDataDir, folderUsage } from './core/paths.js';
import { closeWorkspace, currentApplicantId, DATABASE_FILE, openWorkspace, type Workspace } from './core/workspace.js';
import { reportFailure, runCheck } from './checkCommand.js';
import type { RecoveryQuestion } from './core/startupRecovery.js';
import { createInterface } from 'node:readline/promises';
import { findElectron, runElectron } from './launch.js';

// Each command loads its own modules when it runs: PDF, image and ZIP libraries take seconds to load,
// which a command that only reads (check, params, materials) should not pay.
const forms = () => import('./formsCommand.js');
const backups = () => import('./backupCommand.js');
const packages = () => import('./packageCommand.js');
const units = () => import('./unitCommand.js');
const desks = () => import('./deskCommand.js');

/** The commands with --json: whatever happens, their stdout is one JSON value. */
const JSON_COMMANDS = ['check', 'doctor', 'verify-backup', 'verify', 'params', 'materials', 'unit-list'];

/**
 * The commands that change the data folder (the others only read it, opening the database read-only). They
 * hold the folder's lock while they run (core/folderLock.ts), so they are refused while the app runs there.
 */
function isWriting(command: string, values: { set?: string[] | undefined }): boolean {
  if (
    command === 'params' ||
    command === 'unit-profile' ||
    command === 'post-info' ||
    command === 'review-profile' ||
    command === 'review-recommend'
  )
    return (values.set?.length ?? 0) > 0;
  return [
    'init',
    'import-json',
    'backup',
    'keygen',
    'export',
    'import',
    'unit-import',
    'unit-accept-key',
    'unit-reject-key',
    'unit-submit',
    'review-import',
    'review-return',
    'review-accept',
    'review-submit',
  ].includes(command);
}

const HELP = `职称申报材料助手 dossier — 用法 / usage:
  dossier start        [--data DIR]            启动桌面应用；无 Electron 运行时则改用浏览器模式
  dossier serve        [--data DIR] [--port N] 浏览器模式（仅 127.0.0.1，带访问令牌）
  dossier init         [--data DIR] [--sample] 创建工作区；--sample 载入示例申报人（档案及全部扫描件，均已关联；
                                               仅空工作区，否则退出码 1，不作修改）
  dossier import-json  FILE [--data DIR]       导入业绩档案 JSON（仅空工作区；全部或不导入）
  dossier export-json  [--data DIR] [--out FILE] 导出业绩档案 JSON（默认输出到标准输出）
  dossier check        [--data DIR | FILE.json] [--json] [--today YYYY-MM-DD (application date)]
                                               资格检查（2020 规则包）；退出码 0 无不符合项，1 有不符合项，2 输入无效，
                                               3 无法检查（数据库损坏等）
  dossier params       [--data DIR] [--json] [--set KEY=VALUE …]
                                               规则包参数：查看，或修改（全部有效才保存并记入修改记录；否则 2，不作修改）
  dossier materials    [--data DIR | FILE.json] [--json]
                                               材料清单 M-1…M-12：所需、已附、缺少（档案文件不含附件）；0 已列出，2 输入无效
  dossier forms        [--data DIR] --out DIR [--only F-1,M-2,material:M-4]
                                               生成适用的全部表格（F-1、F-3、F-4、M-2、M-3、材料目录）和各材料合并 PDF；
                                               单位工作区：本单位的 F-4（仅事业单位；未填写完整时为草稿）；
                                               未生成的表格逐一列出原因
  dossier post-info    [--data DIR] [--set FILE.json]
                                               F-4 岗位信息（单位的数字）：查看（JSON），或保存（与“岗位信息表”相同的检查；
                                               有问题则逐项列出，退出码 2，不作修改）
  dossier backup       [--data DIR] [--out FILE|DIR] [--auto [--keep N]]
                                               备份整个工作区（数据库、附件、申报包）：默认在 backups 中建备份文件夹
                                               （与工作区共用文件，几乎不占空间）；--out 写成一个完整的文件（可带走）；
                                               --auto 每日轮换，保留最近 7 天
  dossier restore      BACKUP NEW_DIR          校验后恢复（备份文件或备份文件夹）到新的（不存在或空的）文件夹，绝不覆盖
  dossier verify-backup BACKUP [--json]        完整校验备份（文件或文件夹）；0 完好，1 损坏，2 不是备份
  dossier doctor       [--data DIR] [--json] [--sample N | --full]
                                               检查工作区（数据库；附件文件抽查，--full 逐一全部检查）并列出可用备份，
                                               清除已结束进程留下的临时文件；0 完好，1 有问题（逐一列出缺失或损坏的文件）
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
  dossier import       FILE [--data DIR] [--expect-applicant HEX] [--expect-unit HEX]
                                               验证后导入申报包（全部或不导入）；--expect-applicant（或
                                               --expect-fingerprint）核对第 1 级（申报人）的签名人；
                                               --expect-unit 确认第 2 级（单位）的密钥（单位审核推荐意见表上
                                               印的指纹），首次导入单位签名的申报包时必须给出
  dossier unit-profile [--data DIR] [--set FILE.json]
                                               单位信息：查看或保存（空工作区由此成为单位工作区）
  dossier unit-import  FOLDER|FILE.zcpkg … [--data DIR] [--expect-fingerprint HEX]
                                               单位批量导入申报包（文件夹中的全部 .zcpkg，不含子文件夹），
                                               每个文件一行结果；0 无拒绝，1 有拒绝，2 用法错误；已有申报人
                                               换了签名密钥的新版本“暂存”，并给出接受或拒绝的命令；
                                               --expect-fingerprint 核对（单个文件的）第 1 级签名人（F-1 上的指纹）
  dossier unit-accept-key APPLICANT --reason "理由" [--data DIR]
                                               当面核实申报人本人身份后接受其新签名密钥（理由至少 10 个字，
                                               记入审核记录）：暂存的版本重新校验后导入，此后以新密钥为准
  dossier unit-reject-key APPLICANT [--data DIR]  拒绝新密钥：删除暂存的申报包，其他不变
  dossier unit-list    [--data DIR] [--json]  单位的申报人一览：进度、资格检查结论及其依据、缺少的材料、公示
                                               （文本输出中身份证号码部分隐藏）
  dossier unit-submit  APPLICANT… --out DIR|FILE [--reason "理由"] [--passphrase-file F] [--data DIR]
                                               加签并把报送批次写到 --out（不保存在工作区中），随后自动备份；
                                               --reason 用于资格检查不符合或缺材料仍报送的申报人；0 已写出，1 被拒绝，2 用法错误
  dossier review-profile [--data DIR] [--set FILE.json]
                                               审查机构（市经信局、省主管部门、人事代理）信息：查看或保存
                                               （空工作区由此成为审查机构工作区；签名密钥用 dossier keygen）
  dossier review-import FOLDER|BATCH.zip|FILE.zcpkg … [--data DIR] [--expect-fingerprint HEX]
                                               接收单位的报送批次和单位加签的申报包，每位申报人一行结果；
                                               单位密钥首次接收时记下，更换后须以 --expect-fingerprint 确认新指纹；
                                               0 无拒绝，1 有拒绝，2 用法错误
  dossier review-return --applicant ID --reason "理由（每行一处）" --deadline YYYY-MM-DD --out FILE
                       [--passphrase-file F] [--data DIR]
                                               退回单位补正：写出带审查机构签名的第 3 级（decision returned）
  dossier review-recommend --applicant ID [--set REC.json] [--data DIR]
                                               中评委推荐意见：查看，或记录（逐项核对，不正确则不保存，2）
  dossier review-accept --applicant ID [--opinion "审查意见"] [--data DIR]
                                               审查通过：改为“通过待报送”（当前状态不允许时拒绝）
  dossier review-submit --committee ID --out DIR|FILE [--start-date YYYY-MM-DD] [--passphrase-file F] [--data DIR]
                                               按评审委员会报送：经中评委推荐的“通过待报送”申报人加签第 3 级，
                                               写出一个报送批次（资格审查花名册、评审对象名单），状态改为“已报送”
选项 / options: --data DIR 数据文件夹（默认 ${defaultDataDir()}，或环境变量 DOSSIER_DATA）；--lang en 英文提示
退出码 / exit codes: 0 成功 success, 1 失败 failure, 2 输入无效 invalid input,
  3 数据文件夹现在不能使用 the data folder cannot be used now（数据库损坏 damaged database、磁盘已满 disk full、
    应用正在使用 in use by the app、需先升级 needs an upgrade）
应用（start、serve）运行时独占其数据文件夹：第二个应用和写入的命令被拒绝（3），只读的命令（check、materials、
  export-json、forms、doctor、verify、unit-list）照常运行，不写入数据库 / the running app holds its data folder:
  a second app and the writing commands are refused (3); the reading commands run and never write to it`;

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
  full: { type: 'boolean' },
  'passphrase-file': { type: 'string' },
  justify: { type: 'string', multiple: true },
  'expect-fingerprint': { type: 'string' },
  reason: { type: 'string' },
  replace: { type: 'boolean' },
  'expect-applicant': { type: 'string' },
  'expect-unit': { type: 'string' },
  applicant: { type: 'string' },
  deadline: { type: 'string' },
  opinion: { type: 'string' },
  committee: { type: 'string' },
  'start-date': { type: 'string' },
  set: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `init --sample` is a switch, while `doctor --sample N` takes a number: init reads it as a boolean. */
const INIT_OPTIONS = { ...OPTIONS, sample: { type: 'boolean' } } as const;

class UsageError extends Error {}

let lang: 'zh' | 'en' = 'zh';
const say = (text: Localized) => text[lang];

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    const isInit =
      parseArgs({ args: argv, allowPositionals: true, options: INIT_OPTIONS, strict: false }).positionals[0] === 'init';
    parsed = parseArgs({ args: argv, allowPositionals: true, options: isInit ? INIT_OPTIONS : OPTIONS });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const loose = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, strict: false });
    if (JSON_COMMANDS.includes(String(loose.positionals[0])) && loose.values.json === true) {
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
  // A folder that does not exist yet has no one to share it with: init and import-json create it and lock it.
  let lock: FolderLock | null = null;
  try {
    if (isWriting(command, values) && command !== 'import-json' && (command === 'init' || existsSync(dataDir))) {
      mkdirPrivateSync(dataDir);
      lock = lockDataFolder(dataDir, { command: `dossier ${command}` });
      // Nothing is written into a damaged database. A backup still runs: it is the rescue, marked not clean.
      if (command !== 'backup') refuseDamagedWorkspace(dataDir);
    }
    switch (command) {
      case 'start':
        return await start(dataDir, parsePort(values.port));
      case 'serve':
        return await serve(dataDir, parsePort(values.port), 'serve');
      case 'init':
        return values.sample === true ? await initSample(dataDir) : init(dataDir);
      case 'import-json':
        return importJson(dataDir, rest[0]);
      case 'export-json':
        requireWorkspace(dataDir);
        return withWorkspace(dataDir, (w) => exportJson(w, values.out), { readOnly: true });
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
        return await (
          await backups()
        ).runDoctor({
          dataDir,
          json: values.json,
          sample: typeof values.sample === 'string' ? values.sample : undefined,
          full: values.full,
          lang,
        });
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
        return await (
          await units()
        ).runUnitImport({
          paths: rest,
          dataDir,
          lang,
          expectFingerprint: values['expect-fingerprint'] ?? values['expect-applicant'],
        });
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
      case 'post-info':
        return (await import('./postInfoCommand.js')).runPostInfo({
          dataDir,
          set: values.set?.at(-1),
          extra: rest,
          say,
        });
      case 'unit-profile':
        return await (await units()).runUnitProfile({ dataDir, set: values.set?.at(-1), lang });
      case 'review-profile':
        return await (await desks()).runReviewProfile({ dataDir, set: values.set?.at(-1), lang });
      case 'review-import':
        return await (
          await desks()
        ).runReviewImport({ paths: rest, dataDir, lang, expectFingerprint: values['expect-fingerprint'] });
      case 'review-return':
        return await (
          await desks()
        ).runReviewReturn({
          dataDir,
          applicant: values.applicant,
          reason: values.reason,
          deadline: values.deadline,
          out: values.out,
          passphraseFile: values['passphrase-file'],
          lang,
        });
      case 'review-recommend':
        return await (
          await desks()
        ).runReviewRecommend({ dataDir, applicant: values.applicant, set: values.set?.at(-1), lang });
      case 'review-accept':
        return await (
          await desks()
        ).runReviewAccept({ dataDir, applicant: values.applicant, opinion: values.opinion, lang });
      case 'review-submit':
        return await (
          await desks()
        ).runReviewSubmit({
          dataDir,
          committee: values.committee,
          out: values.out,
          startDate: values['start-date'],
          passphraseFile: values['passphrase-file'],
          lang,
        });
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
    // Every failure is a message naming what and where, never a stack trace (issue 13).
    const error = explainFailure(e, {
      command: `dossier ${command}`,
      dataDir,
      out: values.out,
      needed: command === 'backup' ? await backupSize(dataDir, values.out !== undefined) : undefined,
    });
    if (values.json === true && JSON_COMMANDS.includes(command)) {
      return reportFailure({ json: true, lang }, error.toApiError(), exitCodeOf(error));
    }
    console.error(say(error.localized));
    for (const issue of error.issues ?? []) console.error(`  ${issue.path}: ${say(issue.message)}`);
    return exitCodeOf(error);
  } finally {
    lock?.release();
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

/**
 * What a backup needs on disk, for a full disk's message: one whole file (--out) holds the workspace; a
 * backup folder shares the files and needs about the database's size.
 */
async function backupSize(dataDir: string, whole: boolean): Promise<number | undefined> {
  const { byEntry } = await folderUsage(dataDir);
  const own = Object.entries(byEntry).filter(([name]) => name !== 'backups');
  return whole ? own.reduce((sum, [, n]) => sum + n, 0) : byEntry[DATABASE_FILE];
}

function refuseDamagedWorkspace(dataDir: string): void {
  const file = path.join(dataDir, DATABASE_FILE);
  if (existsSync(file)) refuseDamagedFile(file);
}

function withWorkspace(dataDir: string, run: (w: Workspace) => number, options: { readOnly?: boolean } = {}): number {
  const workspace = openWorkspace(dataDir, options);
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

/** A new workspace holding the finished sample applicant (issue 15); an archive already there is left alone. */
async function initSample(dataDir: string): Promise<number> {
  const { loadSample } = await import('./core/sampleApplicant.js');
  const workspace = openWorkspace(dataDir);
  let loaded;
  try {
    loaded = await loadSample(workspace);
  } finally {
    closeWorkspace(workspace);
  }
  console.log(
    say({
      zh: `已创建工作区并载入示例申报人：${dataDir}（${loaded.attachments} 个扫描件，${loaded.links} 处关联到档案与材料项）`,
      en: `Created the workspace with the sample applicant: ${dataDir} (${loaded.attachments} scans, ${loaded.links} links to records and material slots)`,
    }),
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
  mkdirPrivateSync(dataDir);
  const lock = lockDataFolder(dataDir, { command: 'dossier import-json' });
  try {
    refuseDamagedWorkspace(dataDir);
    withWorkspace(dataDir, (w) => {
      importArchiveJson(w.db, text);
      return 0;
    });
  } finally {
    lock.release();
  }
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
  writeNoted(workspace.dataDir, out, () => writeFileAtomic(out, json));
  console.error(say({ zh: `已导出：${out}`, en: `Exported: ${out}` }));
  return 0;
}

async function serve(
  requestedDir: string,
  port: number | undefined,
  command: 'start' | 'serve',
  prefix?: Localized,
): Promise<number> {
  // The folder is the app's while it runs (issue 13): a second app, or a command that writes, is refused.
  mkdirPrivateSync(requestedDir);
  const locks = [lockDataFolder(requestedDir, { command: `dossier ${command}`, app: true })];
  try {
    return await serveLocked(requestedDir, port, command, prefix, (next) => locks.push(next));
  } finally {
    for (const lock of locks.reverse()) lock.release();
  }
}

async function serveLocked(
  requestedDir: string,
  port: number | undefined,
  command: 'start' | 'serve',
  prefix: Localized | undefined,
  lockToo: (lock: FolderLock) => void,
): Promise<number> {
  const { workspaceToOpen } = await import('./core/startupRecovery.js');
  const dataDir = await workspaceToOpen(requestedDir, askOnTerminal);
  // Restored into a new folder: that one is locked (the requested one stays locked until the end).
  if (dataDir !== requestedDir) lockToo(lockDataFolder(dataDir, { command: `dossier ${command}`, app: true }));
  const workspace = openWorkspace(dataDir);
  const { startServer } = await import('./serve.js');
  const server = await startServer({ workspace, port });
  // Daily rotating backups while the app runs (issue 8), in <data>/backups.
  const { scheduleAutoBackups } = await import('./core/backup/schedule.js');
  const stopBackups = scheduleAutoBackups(workspace);
  // The start-up check's sample of scans, re-hashed in the background: it never blocks (issue 13).
  const { scheduleSpotCheck } = await import('./core/attachments/verify.js');
  const stopSpotCheck = scheduleSpotCheck(workspace);
  const opening = prefix ?? { zh: '浏览器模式已启动', en: 'Browser mode started' };
  console.log(`${say(opening)}${lang === 'zh' ? '：请在浏览器中打开' : ': open'} ${server.url}`);
  console.log(say({ zh: `数据文件夹：${dataDir}（按 Ctrl+C 退出）`, en: `Data folder: ${dataDir} (Ctrl+C to quit)` }));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopBackups();
  stopSpotCheck();
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
  return serve(dataDir, port, 'start', {
    zh: `无法打开桌面窗口（${electron.missing.zh}），已改用浏览器模式`,
    en: `Cannot open the desktop window (${electron.missing.en}); using the browser mode`,
  });
}
