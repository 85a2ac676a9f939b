// `dossier review-profile | review-import | review-return` (issue 17): the reviewing desk on the command
// line, the same core as a later screen (core/desk/). review-profile reads or saves the desk's data (an
// empty workspace becomes a desk's); review-import receives units' batch files and loose level-2 packages
// (folders: every *.zip and *.zcpkg, not recursing) in one job and prints one line per applicant — exit 0
// when none was refused, 1 otherwise, 2 for bad usage; review-return writes level 3 with decision
// `returned`, the reasons and a correction deadline, signed with the desk's key, for the unit.
// review-recommend records the intermediate committee's recommendation (中评委推荐), review-accept moves an
// applicant to 通过待报送, review-submit passes a committee's applicants on to the province in one batch.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../shared/api/contract.js';
import { DESK_STATUS_LABELS } from '../shared/desk/pipeline.js';
import { recommendationLine } from '../shared/desk/recommendation.js';
import type { DeskImportResult } from '../shared/desk/schema.js';
import { normalizeIdNumber } from '../shared/checks/idNumber.js';
import { guardedCommand, reportFailure } from './checkCommand.js';
import { listDeskApplicants } from './core/desk/deskRepo.js';
import { writeLevelThree } from './core/desk/levelThree.js';
import { passOnPlan, startPassOn } from './core/desk/passOn.js';
import { acceptApplicant, getRecommendation, setRecommendation } from './core/desk/recommendation.js';
import { waitForJob } from './core/jobs.js';
import { noteTempsIn } from './core/leftovers.js';
import { getDeskProfile, setDeskProfile } from './core/desk/profile.js';
import { startReceive } from './core/desk/receive.js';
import { DossierError } from './core/errors.js';
import { formatFingerprint } from './core/package/sm2.js';
import { followResults } from './jobResults.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace, type Workspace } from './core/workspace.js';
import { readJsonObjectFile } from './jsonFileArg.js';
import { fingerprintOption, passphrase, progressLines } from './packageCommand.js';

type Lang = keyof Localized;

const usage = (zh: string, en: string) => new DossierError('wrong_usage', { zh, en });

const INVALID = [
  'folder_without_packages',
  'file_missing',
  'wrong_desk_profile',
  'wrong_desk_review',
  'wrong_recommendation',
  'wrong_committee',
  'wrong_passon',
  'wrong_target',
];
const guarded = (lang: Lang, run: () => Promise<number>) => guardedCommand(lang, INVALID, run);

function requireWorkspace(dataDir: string): void {
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw usage(
      `${dataDir} 中没有工作区（可先运行 dossier review-profile --set 审查机构信息.json 建立审查机构工作区）。`,
      `There is no workspace in ${dataDir} (run dossier review-profile --set DESK.json to make a reviewing desk's workspace).`,
    );
  }
}

export interface ReviewProfileOptions {
  dataDir: string;
  set?: string | undefined;
  lang: Lang;
}

/** The desk's data: printed, or saved from a JSON file (fields left out are empty; the kind is required). */
export function runReviewProfile(o: ReviewProfileOptions): Promise<number> {
  return guarded(o.lang, async () => {
    const say = (t: Localized) => t[o.lang];
    const value =
      o.set === undefined ? null : readJsonObjectFile(o.set, { zh: '审查机构信息的各字段', en: "the desk's fields" });
    if (value === null) requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir, { readOnly: value === null });
    try {
      let problems;
      if (value !== null) {
        ({ problems } = setDeskProfile(w, { name: '', city: '', department: '', responsible: '', ...value }));
        console.log(say({ zh: `已保存审查机构信息：${o.dataDir}`, en: `Desk's data saved: ${o.dataDir}` }));
      } else {
        const got = getDeskProfile(w);
        if (!got.profile) console.log(say({ zh: '尚未保存审查机构信息。', en: "The desk's data is not saved yet." }));
        else console.log(JSON.stringify(got.profile, null, 2));
        problems = got.problems;
      }
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

export interface ReviewImportOptions {
  paths: string[];
  dataDir: string;
  lang: Lang;
  /** The unit key confirmed against the unit's paper: a first pin, or a changed key accepted. */
  expectFingerprint?: string | undefined;
}

const WORDS: Record<DeskImportResult['status'], Localized> = {
  imported: { zh: '接收', en: 'received' },
  replaced: { zh: '替换', en: 'replaced' },
  unchanged: { zh: '未变', en: 'unchanged' },
  refused: { zh: '拒绝', en: 'refused' },
};

export function formatDeskImportResult(r: DeskImportResult, lang: Lang): string {
  const where = r.entry ? `${r.file} › ${path.posix.basename(r.entry)}` : r.file;
  const word = WORDS[r.status][lang];
  if (r.status === 'refused') {
    const who = r.name ? (lang === 'zh' ? `（${r.name}）` : ` (${r.name})`) : '';
    const lines = [
      lang === 'zh'
        ? `${word}  ${where}${who}：${r.reason?.zh ?? ''}`
        : `${word}  ${where}${who}: ${r.reason?.en ?? ''}`,
    ];
    if (r.keyChange) {
      const [old, now] = [
        formatFingerprint(r.keyChange.pinnedFingerprint),
        formatFingerprint(r.keyChange.newFingerprint),
      ];
      lines.push(
        lang === 'zh' ? `      此前确认的单位密钥指纹：${old}` : `      Unit key confirmed before: ${old}`,
        lang === 'zh' ? `      此批次的单位密钥指纹：  ${now}` : `      This batch's unit key:     ${now}`,
      );
    }
    return lines.join('\n');
  }
  return lang === 'zh'
    ? `${word}  ${where}（${r.name ?? ''}，${r.unit ?? ''}，第 ${r.revision ?? '?'} 版，编号 ${r.applicantId ?? ''}）`
    : `${word}  ${where} (${r.name ?? ''}, ${r.unit ?? ''}, revision ${r.revision ?? '?'}, id ${r.applicantId ?? ''})`;
}

export function runReviewImport(o: ReviewImportOptions): Promise<number> {
  return guarded(o.lang, async () => {
    const say = (t: Localized) => t[o.lang];
    if (o.paths.length === 0) {
      throw usage(
        '用法：dossier review-import 文件夹|批次.zip|申报包.zcpkg … [--expect-fingerprint 单位密钥指纹] --data 目录',
        'usage: dossier review-import FOLDER|BATCH.zip|PACKAGE.zcpkg... [--expect-fingerprint UNIT_HEX] --data DIR',
      );
    }
    const confirmedUnitKey = fingerprintOption(o.expectFingerprint, '--expect-fingerprint');
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    try {
      const { status, results } = await followResults(
        () => startReceive(w, o.paths, { confirmedUnitKey }),
        (s) => s.deskImport,
        (r) => console.log(formatDeskImportResult(r, o.lang)),
      );
      if (status.state === 'cancelled') {
        console.error(say({ zh: '已取消（已完成的保留）。', en: 'Cancelled (those done are kept).' }));
        return 1;
      }
      if (status.state === 'failed') return reportFailure({ json: false, lang: o.lang }, status.error!, 1);
      const refused = results.filter((r) => r.status === 'refused').length;
      console.error(
        say({
          zh: `共 ${results.length} 项，拒绝 ${refused} 项。`,
          en: `${results.length} item(s), ${refused} refused.`,
        }),
      );
      return refused === 0 ? 0 : 1;
    } finally {
      closeWorkspace(w);
    }
  });
}

export interface ReviewReturnOptions {
  dataDir: string;
  applicant?: string | undefined;
  reason?: string | undefined;
  deadline?: string | undefined;
  out?: string | undefined;
  passphraseFile?: string | undefined;
  lang: Lang;
}

/** The applicant named: the id review-import prints, the package id, or the ID number (身份证号). */
function applicantOf(w: Workspace, given: string): string {
  const rows = listDeskApplicants(w.db);
  const packageOf = (id: string) =>
    w.db
      .prepare<{ id: string }, { package_id: string | null }>('SELECT package_id FROM applicant WHERE id = @id')
      .get({ id })?.package_id;
  const found = rows.filter(
    (r) =>
      r.applicant_id === given ||
      packageOf(r.applicant_id) === given ||
      (normalizeIdNumber(given) !== '' && normalizeIdNumber(r.id_number) === normalizeIdNumber(given)),
  );
  if (found.length !== 1) {
    throw usage(
      `本机构没有接收过申报人“${given}”（可用 review-import 输出的编号、申报包编号或身份证号）。`,
      `This desk has received no applicant "${given}" (give the id review-import prints, the package id or the ID number).`,
    );
  }
  return found[0]!.applicant_id;
}

/** `dossier review-return --applicant ID --reason "…" --deadline YYYY-MM-DD --out FILE`. */
export function runReviewReturn(o: ReviewReturnOptions): Promise<number> {
  return guarded(o.lang, async () => {
    const say = (t: Localized) => t[o.lang];
    if (!o.applicant || !o.out) {
      throw usage(
        '用法：dossier review-return --applicant 申报人 --reason "退回理由（每行一处）" --deadline YYYY-MM-DD --out 文件.zcpkg [--passphrase-file F] --data 目录',
        'usage: dossier review-return --applicant ID --reason "reasons (one point a line)" --deadline YYYY-MM-DD --out FILE.zcpkg [--passphrase-file F] --data DIR',
      );
    }
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    try {
      const applicantId = applicantOf(w, o.applicant);
      const points = (o.reason ?? '')
        .split(/\r?\n/)
        .map((t) => t.trim())
        .filter((t) => t !== '');
      const secret = await passphrase({ passphraseFile: o.passphraseFile, lang: o.lang }, false);
      const row = await writeLevelThree(w, {
        applicantId,
        decision: 'returned',
        opinion: points.join('\n'),
        comments: points.map((text) => ({ target: '', text })),
        deadline: o.deadline ?? null,
        passphrase: secret,
        out: path.resolve(o.out),
      });
      console.log(
        say({
          zh: `已写出退回的申报包（第 3 级）：${path.resolve(o.out)}`,
          en: `Returned package (level 3) written: ${path.resolve(o.out)}`,
        }),
      );
      console.log(
        say({
          zh: `  状态：${DESK_STATUS_LABELS.returned.zh}，补正截止日期 ${o.deadline}；${row.size} 字节，SHA-256 ${row.sha256}`,
          en: `  Status: ${DESK_STATUS_LABELS.returned.en}, correct by ${o.deadline}; ${row.size} bytes, SHA-256 ${row.sha256}`,
        }),
      );
      return 0;
    } finally {
      closeWorkspace(w);
    }
  });
}

export interface ReviewRecommendOptions {
  dataDir: string;
  applicant?: string | undefined;
  set?: string | undefined;
  lang: Lang;
}

/** `dossier review-recommend --applicant ID [--set REC.json]`: prints or records the recommendation. */
export function runReviewRecommend(o: ReviewRecommendOptions): Promise<number> {
  return guarded(o.lang, async () => {
    const say = (t: Localized) => t[o.lang];
    if (!o.applicant) {
      throw usage(
        '用法：dossier review-recommend --applicant 申报人 [--set 推荐意见.json] --data 目录',
        'usage: dossier review-recommend --applicant ID [--set REC.json] --data DIR',
      );
    }
    const value =
      o.set === undefined
        ? null
        : readJsonObjectFile(o.set, { zh: '中评委推荐意见的各字段', en: "the recommendation's fields" });
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir, { readOnly: value === null });
    try {
      const applicantId = applicantOf(w, o.applicant);
      const { recommendation } =
        value === null ? getRecommendation(w, applicantId) : setRecommendation(w, applicantId, value);
      if (value !== null)
        console.log(say({ zh: '已保存中评委推荐意见。', en: "The committee's recommendation is saved." }));
      if (!recommendation) {
        console.log(say({ zh: '尚未记录中评委推荐意见。', en: 'No recommendation of the committee is recorded yet.' }));
      } else {
        console.log(`${recommendation.committee}：${recommendationLine(recommendation, o.lang)}`);
        if (recommendation.interview)
          console.log(`  ${say({ zh: '答辩（面试）结果', en: 'Interview' })}: ${recommendation.interview}`);
      }
      return 0;
    } finally {
      closeWorkspace(w);
    }
  });
}

export interface ReviewAcceptOptions {
  dataDir: string;
  applicant?: string | undefined;
  opinion?: string | undefined;
  lang: Lang;
}

/** `dossier review-accept --applicant ID [--opinion "…"]`: 通过待报送, refused when the status does not allow it. */
export function runReviewAccept(o: ReviewAcceptOptions): Promise<number> {
  return guarded(o.lang, async () => {
    const say = (t: Localized) => t[o.lang];
    if (!o.applicant) {
      throw usage(
        '用法：dossier review-accept --applicant 申报人 [--opinion "审查意见"] --data 目录',
        'usage: dossier review-accept --applicant ID [--opinion "opinion"] --data DIR',
      );
    }
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    try {
      const { opinion } = acceptApplicant(w, applicantOf(w, o.applicant), o.opinion);
      console.log(
        say({
          zh: `已改为“${DESK_STATUS_LABELS.passed.zh}”。审查意见：${opinion}`,
          en: `Now "${DESK_STATUS_LABELS.passed.en}". Opinion: ${opinion}`,
        }),
      );
      return 0;
    } finally {
      closeWorkspace(w);
    }
  });
}

export interface ReviewSubmitOptions {
  dataDir: string;
  committee?: string | undefined;
  out?: string | undefined;
  startDate?: string | undefined;
  passphraseFile?: string | undefined;
  lang: Lang;
}

/**
 * `dossier review-submit --committee ID --out DIR|FILE [--start-date YYYY-MM-DD]`: the committee's applicants
 * who are 通过待报送 and recommended, in one batch for the province. Exit 0 written, 1 refused (who and
 * why), 2 bad usage or input (an unknown committee lists the valid ones; an existing --out file).
 */
export function runReviewSubmit(o: ReviewSubmitOptions): Promise<number> {
  return guarded(o.lang, async () => {
    if (!o.committee || !o.out) {
      throw usage(
        '用法：dossier review-submit --committee 评审委员会 --out 文件夹|文件 [--start-date YYYY-MM-DD] [--passphrase-file F] --data 目录',
        'usage: dossier review-submit --committee ID --out DIR|FILE [--start-date YYYY-MM-DD] [--passphrase-file F] --data DIR',
      );
    }
    requireWorkspace(o.dataDir);
    const w = openWorkspace(o.dataDir);
    try {
      return await submitCommittee(w, { ...o, committee: o.committee, out: o.out });
    } catch (e) {
      // Who cannot be passed on, and why, is a refusal (1), not a misuse of the command (2).
      if (e instanceof DossierError && e.code === 'passon_refused') {
        return reportFailure({ json: false, lang: o.lang }, e.toApiError(), 1);
      }
      throw e;
    } finally {
      closeWorkspace(w);
    }
  });
}

async function submitCommittee(
  w: Workspace,
  o: ReviewSubmitOptions & { committee: string; out: string },
): Promise<number> {
  const say = (t: Localized) => t[o.lang];
  const plan = passOnPlan(w, o.committee, o.startDate);
  for (const h of plan.held)
    console.log(
      say({
        zh: `暂不报送  ${h.name}（${h.unit}）：${h.heldBecause!.zh}`,
        en: `held back  ${h.name} (${h.unit}): ${h.heldBecause!.en}`,
      }),
    );
  const secret = await passphrase({ passphraseFile: o.passphraseFile, lang: o.lang }, false);
  // The batch is staged beside its place (batch.ts): noted, so that a crash's temp files there are swept.
  const resolvedOut = path.resolve(o.out);
  const isFolder = statSync(resolvedOut, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const forget = noteTempsIn(w.dataDir, isFolder ? resolvedOut : path.dirname(resolvedOut));
  let status;
  try {
    const { jobId } = await startPassOn(
      w,
      { committee: o.committee, startDate: o.startDate, passphrase: secret },
      { out: o.out },
    );
    status = await waitForJob(jobId, progressLines(o.lang));
  } finally {
    forget();
  }
  if (status.state !== 'done' || !status.batch) {
    const error = status.error ?? { code: 'cancelled', message: { zh: '已取消', en: 'Cancelled' } };
    return reportFailure({ json: false, lang: o.lang }, error, 1);
  }
  const b = status.batch;
  const file = isFolder ? path.join(resolvedOut, b.fileName) : resolvedOut;
  console.log(say({ zh: `已写出报送批次：${file}`, en: `Batch written: ${file}` }));
  console.log(
    say({
      zh: `  ${plan.committee.fullName}：${b.applicants} 人，状态改为“${DESK_STATUS_LABELS.submitted.zh}”；${b.size} 字节，SHA-256 ${b.sha256}`,
      en: `  ${plan.committee.shortName.en}: ${b.applicants} applicant(s), now "${DESK_STATUS_LABELS.submitted.en}"; ${b.size} bytes, SHA-256 ${b.sha256}`,
    }),
  );
  if (plan.publicity) {
    console.log(
      say({
        zh: `  评审对象公示：${plan.publicity.startDate} 至 ${plan.publicity.endDate}（${plan.publicity.workingDays} 个工作日）`,
        en: `  Publicity of the evaluation objects: ${plan.publicity.startDate} to ${plan.publicity.endDate} (${plan.publicity.workingDays} working days)`,
      }),
    );
  }
  return 0;
}
