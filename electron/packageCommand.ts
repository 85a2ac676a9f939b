// `dossier keygen | export | verify | import` (issue 6): the signed package on the command line, the same
// core as the app (core/package/). Messages in Chinese or English; exit codes 0 success, 1 failure (a
// blocker or a missing justification, a package that does not verify, an import refused), 2 invalid input
// (a usage error, no passphrase in a run nobody can type one into, a file that is not a package).
// Non-interactive runs take the passphrase from DOSSIER_PASSPHRASE or --passphrase-file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { JobStatus, Localized } from '../shared/api/contract.js';
import { contract } from '../shared/api/contract.js';
import { levelSigner, type LevelReport, type VerifyReport } from '../shared/package/report.js';
import { joinAdvice, KEY_FILE_IN_DATA, KEY_NOT_IN_BACKUP, keyKeepCopyCli } from '../shared/package/keyAdvice.js';
import { reportFailure } from './checkCommand.js';
import { copyFileAtomic } from './core/durable.js';
import { writeNoted } from './core/leftovers.js';
import { DossierError, exitCodeOf, isInvalidInput } from './core/errors.js';
import { cancelJob, waitForJob } from './core/jobs.js';
import { packagesDir, precheck, startExport } from './core/package/exportService.js';
import { startImport } from './core/package/importService.js';
import { createWorkspaceKey, keyStatus } from './core/package/keyService.js';
import { runInPackageWorker } from './core/package/packagePool.js';
import { formatFingerprint } from './core/package/sm2.js';
import { registerPath } from './core/package/uploads.js';
import { closeWorkspace, currentApplicantId, DATABASE_FILE, openWorkspace } from './core/workspace.js';

type Lang = keyof Localized;

export interface KeygenOptions {
  dataDir: string;
  passphraseFile?: string | undefined;
  /** The key here cannot be used (passphrase forgotten): keep its file aside and make a new one. */
  replace?: boolean | undefined;
  lang: Lang;
}

export interface ExportOptions {
  dataDir: string;
  out?: string | undefined;
  justify?: string[] | undefined;
  passphraseFile?: string | undefined;
  today?: string | undefined;
  lang: Lang;
}

/** The signers a receiver pins (issue 19): level 1's by --expect-applicant or its first name, --expect-fingerprint. */
interface Pins {
  expectFingerprint?: string | undefined;
  expectApplicant?: string | undefined;
  expectUnit?: string | undefined;
}

export interface VerifyOptions extends Pins {
  file?: string | undefined;
  json?: boolean | undefined;
  lang: Lang;
}

export interface ImportOptions extends Pins {
  file?: string | undefined;
  dataDir: string;
  lang: Lang;
}

/** The flag that pins each level's signer, and where a receiver finds the fingerprint to compare with. */
const PIN_OF_LEVEL: Record<number, { flag: string; source: Localized }> = {
  1: {
    flag: '--expect-applicant',
    source: { zh: '申报人评审表（F-1）上印的指纹', en: "the one printed on the applicant's F-1" },
  },
  2: {
    flag: '--expect-unit',
    source: {
      zh: '单位登记的指纹，即批次 batch.json 中的 unitFingerprint、汇总表上所印的指纹',
      en: "the unit's registered one, batch.json's unitFingerprint as printed on the summary sheet",
    },
  },
};

const usage = (zh: string, en: string) => new DossierError('wrong_usage', { zh, en });

/** A file that cannot be read as a package at all (zipRead.ts): "not a package", exit 2. */
const isNotAPackage = (code: string) =>
  code === 'package_empty' ||
  code === 'package_too_large' ||
  code === 'not_a_package' ||
  code.startsWith('zip_') ||
  code === 'no_manifest';

/** Runs a command; a refusal is printed (or answered as JSON) with its exit code instead of thrown. */
async function guarded(o: { json?: boolean | undefined; lang: Lang }, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof DossierError)) throw e;
    const code = isNotAPackage(e.code) || e.code === 'weak_passphrase' ? 2 : exitCodeOf(e);
    return reportFailure({ json: o.json === true, lang: o.lang }, e.toApiError(), code);
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

/** Ctrl+C cancels the job: it stops and leaves nothing partial. */
function interruptible(jobId: () => string | null): () => void {
  const stop = () => {
    const id = jobId();
    if (id) cancelJob(id);
  };
  process.once('SIGINT', stop);
  return () => process.off('SIGINT', stop);
}

/** The passphrase: DOSSIER_PASSPHRASE, --passphrase-file, or typed (hidden) on a terminal; else refused. */
export async function passphrase(
  o: { passphraseFile?: string | undefined; lang: Lang },
  confirm: boolean,
): Promise<string> {
  if (o.passphraseFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(o.passphraseFile, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? String(e);
      throw usage(
        `无法读取密码文件 ${o.passphraseFile}（${reason}）`,
        `Cannot read the passphrase file ${o.passphraseFile} (${reason})`,
      );
    }
    return text.replace(/\r?\n$/, '');
  }
  const fromEnv = process.env.DOSSIER_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw usage(
      '需要签名密钥的密码：请设置环境变量 DOSSIER_PASSPHRASE，或用 --passphrase-file 指定密码文件。',
      'The signing key needs its passphrase: set DOSSIER_PASSPHRASE, or name a file with --passphrase-file.',
    );
  }
  const say = (t: Localized) => t[o.lang];
  const first = await promptHidden(say({ zh: '签名密钥密码：', en: 'Signing key passphrase: ' }));
  if (confirm && (await promptHidden(say({ zh: '再次输入密码：', en: 'Repeat the passphrase: ' }))) !== first) {
    throw usage('两次输入的密码不一致。', 'The two passphrases differ.');
  }
  return first;
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolve(text);
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          return reject(new DossierError('cancelled', { zh: '已取消。', en: 'Cancelled.' }));
        }
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export function runKeygen(o: KeygenOptions): Promise<number> {
  return guarded(o, async () => {
    const say = (t: Localized) => t[o.lang];
    const secret = await passphrase(o, true);
    const w = openWorkspace(o.dataDir);
    try {
      const status = await createWorkspaceKey(w, secret, { replace: o.replace === true });
      console.log(say({ zh: '已创建签名密钥（SM2）。', en: 'Signing key created (SM2).' }));
      console.log(
        say({
          zh: `密钥指纹：${formatFingerprint(status.fingerprint!)}`,
          en: `Key fingerprint: ${formatFingerprint(status.fingerprint!)}`,
        }),
      );
      console.log(
        say({
          zh: '此指纹会印在评审表（F-1）和真实性保证书上。',
          en: 'F-1 and the pledge print this fingerprint.',
        }),
      );
      // Where the key is, that no backup holds it, how to keep a copy — and, once a package was signed by
      // another key, that the unit must be told (shared/package/keyAdvice.ts, said the same on the key card).
      const keyFile = path.join(o.dataDir, KEY_FILE_IN_DATA);
      console.log(say(joinAdvice(KEY_NOT_IN_BACKUP, keyKeepCopyCli(keyFile))));
      if (status.previousFingerprint) {
        console.log(
          say({
            zh: `此前的申报包由另一把密钥（${formatFingerprint(status.previousFingerprint).slice(0, 19)}…）签名：请重新导出申报包（dossier export），并告知本单位人事专员，单位当面核实您本人身份后接受新密钥。`,
            en: `Your earlier packages were signed by another key (${formatFingerprint(status.previousFingerprint).slice(0, 19)}…): export the package again (dossier export) and tell your unit's HR officer, who confirms your identity in person and accepts the new key.`,
          }),
        );
      }
      return 0;
    } finally {
      closeWorkspace(w);
    }
  });
}

/** `--justify FINDING_ID=TEXT`, as many as needed. */
function parseJustifications(items: string[]): { findingId: string; text: string }[] {
  const out = items.map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw usage(`--justify 须为“检查项=理由”：${item}`, `--justify must be FINDING_ID=TEXT: ${item}`);
    return { findingId: item.slice(0, at).trim(), text: item.slice(at + 1) };
  });
  const parsed = contract['package:export'].input.shape.justifications.safeParse(out);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const which = out[Number(issue.path[0])]?.findingId ?? '';
    throw usage(
      `--justify ${which}：理由须为 10 至 2000 个字符`,
      `--justify ${which}: the justification must be 10 to 2000 characters`,
    );
  }
  return out;
}

/** Progress on stderr: a line when the step changes, and every 10 % of a long step. */
export function progressLines(lang: Lang): (s: JobStatus) => void {
  let lastStep = '';
  let lastTenth = -1;
  return (s) => {
    if (s.state !== 'running') return;
    const step = s.step[lang];
    const tenth = s.total > 0 ? Math.floor((10 * s.done) / s.total) : -1;
    if (step === lastStep && tenth === lastTenth) return;
    if (step !== lastStep || (tenth !== lastTenth && s.total > 1)) {
      console.error(s.total > 1 && s.done > 0 ? `${step} ${tenth * 10}%` : step);
    }
    lastStep = step;
    lastTenth = tenth;
  };
}

export function runExport(o: ExportOptions): Promise<number> {
  return guarded(o, async () => {
    const say = (t: Localized) => t[o.lang];
    if (!o.out) throw usage('export 需要 --out 文件', 'export needs --out FILE');
    const justifications = parseJustifications(o.justify ?? []);
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    let jobId: string | null = null;
    const done = interruptible(() => jobId);
    try {
      const applicantId = currentApplicantId(w);
      if (!applicantId)
        throw new DossierError('no_archive', { zh: '工作区中没有档案。', en: 'The workspace holds no archive.' });
      const { blockers, warnings, remembered } = precheck(w, applicantId, o.today);
      if (blockers.length > 0) {
        console.error(
          say({
            zh: `有 ${blockers.length} 项不符合申报条件，不能导出申报包。请先修正：`,
            en: `${blockers.length} requirement(s) fail; no package can be exported. Fix these first:`,
          }),
        );
        for (const f of blockers) console.error(`  ✗ ${f.id}  ${say(f.message)}`);
        return 1;
      }
      // A reason given at an earlier export is used again unless --justify gives a new one (issue 19).
      const typed = new Set(justifications.map((j) => j.findingId));
      const reused = remembered.filter((r) => !typed.has(r.findingId));
      justifications.push(...reused);
      const given = new Set(justifications.map((j) => j.findingId));
      const missing = warnings.filter((f) => !given.has(f.id));
      if (missing.length > 0) {
        console.error(
          say({
            zh: `以下 ${missing.length} 项警告需要书面理由（--justify 检查项=理由）才能导出：`,
            en: `${missing.length} warning(s) need a written justification (--justify FINDING_ID=TEXT) before the export:`,
          }),
        );
        for (const f of missing) console.error(`  ? ${f.id}  ${say(f.message)}`);
        return 1;
      }
      if (reused.length > 0) {
        console.error(
          say({
            zh: `沿用上次导出时写明的理由（可用 --justify 另写）：${reused.map((r) => r.findingId).join('、')}`,
            en: `Reasons given at the last export used again (--justify gives new ones): ${reused.map((r) => r.findingId).join(', ')}`,
          }),
        );
      }
      const secret = await passphrase(o, false);
      ({ jobId } = await startExport(w, { applicantId, passphrase: secret, justifications, today: o.today }));
      const status = await waitForJob(jobId, progressLines(o.lang));
      if (status.state === 'cancelled') {
        console.error(say({ zh: '已取消，未写出申报包。', en: 'Cancelled; no package was written.' }));
        return 1;
      }
      if (status.state !== 'done' || !status.package) {
        const error = status.error!;
        return reportFailure(
          { json: false, lang: o.lang },
          error,
          isInvalidInput(new DossierError(error.code, error.message)) ? 2 : 1,
        );
      }
      const file = status.package;
      const resolved = path.resolve(o.out);
      const target =
        existsSync(resolved) && statSync(resolved).isDirectory() ? path.join(resolved, file.fileName) : resolved;
      writeNoted(w.dataDir, target, () => copyFileAtomic(path.join(packagesDir(w.dataDir), file.fileName), target));
      console.log(say({ zh: `已导出申报包：${target}`, en: `Package exported: ${target}` }));
      const fp = formatFingerprint((await keyStatus(w)).fingerprint!);
      console.log(say({ zh: `  签名密钥指纹 ${fp}`, en: `  Signed with key ${fp}` }));
      console.log(
        say({
          zh: `  包编号 ${file.packageId}，第 ${file.revision} 版，${file.size} 字节，SHA-256 ${file.sha256}`,
          en: `  Package ${file.packageId}, revision ${file.revision}, ${file.size} bytes, SHA-256 ${file.sha256}`,
        }),
      );
      return 0;
    } finally {
      done();
      closeWorkspace(w);
    }
  });
}

const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? '✓' : '✗');

/** Who signed the level, and whether that is the signer the receiver pinned (or how to pin it). */
function signerLine(l: LevelReport, lang: Lang): string {
  const say = (t: Localized) => t[lang];
  const who = levelSigner(l.level);
  const fp = l.signerFingerprint ? formatFingerprint(l.signerFingerprint) : '—';
  const line = say({ zh: `签名人（${who.zh}）指纹 ${fp}`, en: `signer (${who.en}) fingerprint ${fp}` });
  if (l.signerMatches === true) return line + say({ zh: '（与预期相符）', en: ' (as expected)' });
  if (l.signerMatches === false) {
    const want = formatFingerprint(l.expectedFingerprint!);
    return line + say({ zh: `（与预期不符！预期 ${want}）`, en: ` (NOT the expected one! expected ${want})` });
  }
  const pin = PIN_OF_LEVEL[l.level];
  if (!pin) return line + say({ zh: '（未核对）', en: ' (not checked)' });
  return (
    line +
    say({
      zh: `（未核对：请与${pin.source.zh}比对，或用 ${pin.flag} 指定）`,
      en: ` (not checked: compare it with ${pin.source.en}, or pin it with ${pin.flag})`,
    })
  );
}

export function formatVerifyReport(r: VerifyReport, lang: Lang): string {
  const say = (t: Localized) => t[lang];
  const lines = [
    say({
      zh: `申报包 ${r.file}：包编号 ${r.packageId ?? '?'}，第 ${r.revision ?? '?'} 版，${r.levels.length} 级签名`,
      en: `Package ${r.file}: id ${r.packageId ?? '?'}, revision ${r.revision ?? '?'}, ${r.levels.length} level(s)`,
    }),
  ];
  for (const l of r.levels) {
    const who = levelSigner(l.level);
    const count = (status: string) => l.files.filter((f) => f.status === status).length;
    lines.push(
      '',
      say({ zh: `第 ${l.level} 级（${who.zh}）`, en: `Level ${l.level} (${who.en})` }),
      `  ${mark(l.manifestValid)} ${say({ zh: '清单格式有效（第 ' + (l.formatVersion ?? '?') + ' 版格式）', en: `manifest valid (format version ${l.formatVersion ?? '?'})` })}`,
      `  ${mark(l.signatureValid)} ${say({ zh: '签名有效（SM2/SM3）', en: 'signature valid (SM2/SM3)' })}`,
      `  ${mark(l.signerMatches)} ${signerLine(l, lang)}`,
    );
    if (l.chainValid !== null) {
      lines.push(
        `  ${mark(l.chainValid)} ${say({ zh: `与第 ${l.level - 1} 级的链接`, en: `chain to level ${l.level - 1}` })}`,
      );
    }
    lines.push(
      `  ${mark(count('ok') === l.files.length)} ${say({
        zh: `文件：${count('ok')} 个相符，${count('mismatch')} 个不符，${count('damaged')} 个损坏，${count('absent')} 个缺失`,
        en: `files: ${count('ok')} ok, ${count('mismatch')} mismatch, ${count('damaged')} damaged, ${count('absent')} absent`,
      })}`,
    );
    for (const f of l.files.filter((x) => x.status !== 'ok')) lines.push(`      ✗ ${f.status}  ${f.path}`);
  }
  lines.push(
    '',
    `${mark(r.unlisted.length === 0)} ${say({ zh: `未列出的文件：${r.unlisted.length} 个`, en: `unlisted files: ${r.unlisted.length}` })}`,
  );
  for (const p of r.unlisted) lines.push(`      ✗ ${p}`);
  if (r.problems.length > 0) {
    lines.push('', say({ zh: '问题：', en: 'Problems:' }));
    for (const p of r.problems) lines.push(`  - ${say(p.message)}`);
  }
  lines.push(
    '',
    r.ok
      ? say({ zh: '结论：申报包完好，各级签名有效。', en: 'Result: the package holds; every level verifies.' })
      : say({ zh: '结论：申报包未通过验证。', en: 'Result: the package does NOT verify.' }),
  );
  return lines.join('\n');
}

/** A fingerprint as typed from paper (groups of four, any case) → 64 lower-case hex digits; else refused. */
export function fingerprintOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const hex = value.replace(/\s+/g, '').toLowerCase();
  if (/^[0-9a-f]{64}$/.test(hex)) return hex;
  const why = /[^0-9a-f]/.test(hex)
    ? { zh: '其中有不是十六进制数字（0–9、A–F）的字符', en: 'it holds characters other than hex digits (0–9, A–F)' }
    : { zh: `它只有 ${hex.length} 位`, en: `it has ${hex.length}` };
  throw usage(
    `${flag} 须为 64 位十六进制数字（可四位一组、以空格分隔），${why.zh}：${value}`,
    `${flag} must be 64 hex digits (groups of four separated by spaces are fine); ${why.en}: ${value}`,
  );
}

/** Level 1's expected signer: --expect-applicant, or --expect-fingerprint (its first name); both must agree. */
function applicantPin(o: Pins): string | undefined {
  const first = fingerprintOption(o.expectFingerprint, '--expect-fingerprint');
  const applicant = fingerprintOption(o.expectApplicant, '--expect-applicant');
  if (first !== undefined && applicant !== undefined && first !== applicant) {
    const [a, b] = [formatFingerprint(first), formatFingerprint(applicant)];
    throw usage(
      `--expect-fingerprint 与 --expect-applicant 都指第 1 级（申报人）的签名人，但给出的指纹不同：${a} 与 ${b}。请只给一个。`,
      `--expect-fingerprint and --expect-applicant both pin level 1 (the applicant), but name different fingerprints: ${a} and ${b}. Give one.`,
    );
  }
  return applicant ?? first;
}

function requireFile(file: string | undefined, command: string): string {
  if (!file) throw usage(`用法：dossier ${command} 文件`, `usage: dossier ${command} FILE`);
  const resolved = path.resolve(file);
  if (!existsSync(resolved) || !statSync(resolved).isFile()) {
    throw usage(`找不到文件：${file}`, `No such file: ${file}`);
  }
  return resolved;
}

export function runVerify(o: VerifyOptions): Promise<number> {
  return guarded(o, async () => {
    const applicant = applicantPin(o);
    const unit = fingerprintOption(o.expectUnit, '--expect-unit');
    const file = requireFile(o.file, 'verify');
    const { report } = await runInPackageWorker({
      kind: 'verify',
      file,
      expectFingerprints: { ...(applicant && { 1: applicant }), ...(unit && { 2: unit }) },
    });
    // Pinning a unit that has not signed is a mistake in the command, not a fault of the package: said as
    // such (exit 2), not as "level 2 missing" among the package's problems.
    if (unit && report.levels.length === 1) {
      throw usage(
        `--expect-unit 核对的是第 2 级（单位）的签名人，但“${path.basename(file)}”只有第 1 级（申报人）的签名：` +
          '单位尚未加签，没有可核对的单位签名。请去掉 --expect-unit，或改为验证单位加签后的申报包（文件名中带 -L2）。',
        `--expect-unit pins the level 2 (unit) signer, but ${path.basename(file)} is signed at level 1 (the applicant) only: ` +
          'no unit has countersigned it yet. Leave out --expect-unit, or verify the countersigned package (its name holds -L2).',
      );
    }
    if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else console.log(formatVerifyReport(report, o.lang));
    if (report.ok) return 0;
    return report.problems.some((p) => p.code === 'no_manifest') ? 2 : 1;
  });
}

export function runImport(o: ImportOptions): Promise<number> {
  return guarded(o, async () => {
    const say = (t: Localized) => t[o.lang];
    const expectFingerprint = applicantPin(o);
    // Level 2's signer as on the unit's opinion page: the unit key is trusted from then on (unitKeyTrust.ts).
    const trustUnitKey = fingerprintOption(o.expectUnit, '--expect-unit');
    const file = requireFile(o.file, 'import');
    const w = openWorkspace(o.dataDir);
    let jobId: string | null = null;
    const done = interruptible(() => jobId);
    try {
      const { uploadId } = await registerPath(w, file);
      ({ jobId } = await startImport(w, { uploadId, expectFingerprint, trustUnitKey }));
      const status = await waitForJob(jobId, progressLines(o.lang));
      if (status.state === 'cancelled') {
        console.error(say({ zh: '已取消，未导入任何内容。', en: 'Cancelled; nothing was imported.' }));
        return 1;
      }
      if (status.state !== 'done' || !status.imported) {
        const error = status.error!;
        const invalid = isNotAPackage(error.code) || isInvalidInput(new DossierError(error.code, error.message));
        return reportFailure({ json: false, lang: o.lang }, error, invalid ? 2 : 1);
      }
      const { status: what, packageId, revision } = status.imported;
      const text = {
        imported: { zh: '已导入', en: 'Imported' },
        replaced: {
          zh: '已导入（替换了此工作区中同一申报包的旧内容）',
          en: 'Imported (replacing the earlier content of the same package)',
        },
        unchanged: { zh: '此申报包已导入过，未作改动', en: 'This package was already imported; nothing changed' },
        reviewed: {
          zh: '已导入审核结果（档案未改动）',
          en: "Imported the reviewer's level (the archive was not touched)",
        },
      }[what];
      console.log(
        say({
          zh: `${text.zh}：${path.basename(file)}（包编号 ${packageId}，第 ${revision} 版）→ ${o.dataDir}`,
          en: `${text.en}: ${path.basename(file)} (package ${packageId}, revision ${revision}) → ${o.dataDir}`,
        }),
      );
      return 0;
    } finally {
      done();
      closeWorkspace(w);
    }
  });
}
