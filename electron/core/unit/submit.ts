// The countersignature and the batch for the city (N-9, N-14, issue 7 steps 7–8). unit:recommendedPeople
// draws F-4's list of recommended people from the accepted applicants. unit:submit checks every named
// applicant first — accepted on the revision held, a publicity that ended without objection (N-8), and for
// a public institution a saved F-4 whose figures add up (N-14) — refusing with who and why before anything
// is written; then, in a job, adds each one's level 2 (decision accepted; the opinion page, the publicity
// evidence, F-4) and writes ONE batch ZIP for the city (batch.ts, docs/batch-format.md).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { InputOf, Localized, OutputOf } from '../../../shared/api/contract.js';
import { COMMITTEE_INFO } from '../../../shared/archive/committees.js';
import { applicantAsRecommended } from '../../../shared/forms/applicant.js';
import { emptyPostInfo, postInfoEntered, postInfoProblems } from '../../../shared/forms/postInfo.js';
import { PublicityDoc, type Publicity } from '../../../shared/unit/schema.js';
import { readArchive } from '../archiveService.js';
import { DossierError } from '../errors.js';
import { buildBatchSummary } from '../forms/batchSummary.js';
import { buildF4 } from '../forms/f4.js';
import { formContext, getPostInfo, sha256Hex } from '../forms/context.js';
import { buildPublicityNotice } from '../forms/publicityNotice.js';
import { buildUnitOpinion } from '../forms/unitOpinion.js';
import { withBackupAfter } from '../backup/after.js';
import { startJob, throwIfCancelled, type JobContext } from '../jobs.js';
import { JSON_TYPE, jsonBytes } from '../package/content.js';
import { packagesDir } from '../package/exportService.js';
import { localToday } from '../clock.js';
import { keyStatus, unlockWorkspaceKey } from '../package/keyService.js';
import type { PackageRow } from '../package/packageRepo.js';
import type { ContentFile } from '../package/writePackage.js';
import { getParams } from '../rulesService.js';
import type { Workspace } from '../workspace.js';
import {
  BatchDoc,
  batchFileName,
  batchPackageOf,
  batchesDir,
  checkBatchTarget,
  listBatchFiles,
  SUMMARY_PDF,
  SUMMARY_XLSX,
  writeBatch,
  type BatchContent,
} from './batch.js';
import { unitIdentity, writeLevelTwo } from './levelTwo.js';
import { requireUnit } from './mode.js';
import { savedUnitProfile } from './profile.js';
import { buildMemberM3, noticeInput } from './publicity.js';
import { getPublicity, membershipsOf, type Membership } from './publicityRepo.js';
import { reviewState } from './reviewRepo.js';
import { currentRevision } from './revisions.js';
import type { SummaryHead, SummaryRow } from './summaryRows.js';
import { buildSummaryXlsx } from './summaryXlsx.js';
import { unitApplicantRow } from './table.js';
import { appendAudit } from './auditRepo.js';
import { DESPITE, gapsDetail, gapsOf, requireReason, type DecisionGaps } from './decisionGate.js';
import { isReplacement } from '../../../shared/unit/pipeline.js';
import { verdictWords } from '../../../shared/rules/verdict.js';

/** Level 2's files besides content/unit/review.json (docs/package-format.md, "Level 2: the unit"). */
export const UNIT_PATHS = {
  opinion: 'content/unit/opinion.pdf',
  publicity: 'content/unit/publicity.json',
  notice: 'content/unit/publicity-notice.pdf',
  confirmation: 'content/unit/publicity-confirmation.pdf',
  postInfo: 'content/unit/post-info.json',
  f4: 'content/unit/f4.pdf',
} as const;

export const UNIT_ROLES = {
  opinion: 'opinion',
  publicity: 'publicity',
  notice: 'publicity-notice',
  confirmation: 'publicity-confirmation',
  postInfo: 'f4-data',
  f4: 'form',
} as const;

const PDF = 'application/pdf';

// ------------------------------------------------------------------------------------- F-4's people

/** The applicants accepted on the revision held, in the table's order (when they came in). */
function acceptedApplicants(w: Workspace): string[] {
  const ids = w.db
    .prepare<[], { id: string }>('SELECT id FROM applicant ORDER BY created_at, id')
    .all()
    .map((r) => r.id);
  return ids.filter((id) => {
    try {
      return reviewState(w.db, id, currentRevision(w, id)).status === 'accepted';
    } catch {
      return false; // no package held: never accepted
    }
  });
}

export function recommendedPeople(w: Workspace): OutputOf<'unit:recommendedPeople'> {
  requireUnit(w);
  const postInfo = getPostInfo(w.db) ?? emptyPostInfo();
  const recommended = acceptedApplicants(w).map((id) => applicantAsRecommended(readArchive(w.db, id)));
  return { postInfo: { ...postInfo, recommended } };
}

// ------------------------------------------------------------------------------------ the checks

interface Ready {
  applicantId: string;
  name: string;
  idNumber: string;
  publicity: Membership;
  revision: number;
  /** The written reason for countersigning despite failures or missing proofs (decisionGate.ts), else null. */
  reason: string | null;
  gaps: DecisionGaps;
  /** Already countersigned on this revision: the new batch replaces the earlier package. */
  replacement: boolean;
}

/** Why an applicant cannot be countersigned now; empty when they can. */
function blockers(
  w: Workspace,
  applicantId: string,
  isPublicInstitution: boolean,
  today: string,
): { name: string; reasons: Localized[]; publicity: Membership | null } {
  const reasons: Localized[] = [];
  let name = applicantId;
  try {
    name = readArchive(w.db, applicantId).profile.name || applicantId;
  } catch {
    return { name, reasons: [{ zh: '不在本单位工作区中', en: "not held in this unit's workspace" }], publicity: null };
  }
  let revision: number | null = null;
  try {
    revision = currentRevision(w, applicantId);
  } catch {
    reasons.push({ zh: '档案不是从申报包导入的', en: 'the archive did not come from a package' });
  }
  if (revision !== null) {
    const status = reviewState(w.db, applicantId, revision).status;
    if (status !== 'accepted') {
      const word = status === 'returned' ? { zh: '已退回', en: 'returned' } : { zh: '待审核', en: 'pending' };
      reasons.push({
        zh: `审核状态为“${word.zh}”，须先审核通过（第 ${revision} 版）`,
        en: `the review is ${word.en}; accept revision ${revision} first`,
      });
    }
  }
  const newest = membershipsOf(w.db, applicantId)[0] ?? null;
  if (!newest) {
    reasons.push({ zh: '尚未公示（N-8）', en: 'not publicised yet (N-8)' });
  } else if (newest.outcome === 'objection') {
    reasons.push({
      zh: `公示（${newest.startDate} 至 ${newest.endDate}）有异议：${newest.note}`,
      en: `the publicity (${newest.startDate} to ${newest.endDate}) met an objection: ${newest.note}`,
    });
  } else if (today <= newest.endDate) {
    reasons.push({
      zh: `公示期至 ${newest.endDate} 结束，尚未结束`,
      en: `the publicity runs until ${newest.endDate}`,
    });
  } else if (newest.outcome !== 'no_objection') {
    reasons.push({
      zh: `公示已于 ${newest.endDate} 结束，尚未记录“无异议”`,
      en: `the publicity ended on ${newest.endDate} but "no objection" is not recorded`,
    });
  }
  if (isPublicInstitution) {
    const info = getPostInfo(w.db);
    if (!info || !postInfoEntered(info)) {
      reasons.push({
        zh: '事业单位须先填写并保存岗位信息表（F-4，N-14）',
        en: 'a public institution must fill in and save the post information form first (F-4, N-14)',
      });
    } else {
      const idNumber = readArchive(w.db, applicantId).profile.idNumber;
      for (const p of postInfoProblems(info, idNumber)) {
        reasons.push({ zh: `岗位信息表（F-4）：${p.message.zh}`, en: `post information (F-4): ${p.message.en}` });
      }
    }
  }
  return { name, reasons, publicity: newest };
}

/**
 * Every check of the submission, for all the named applicants at once; throws the list of who and why.
 * `reasons`: per applicant, why the unit countersigns despite a failed verdict or missing proofs.
 */
export function checkSubmission(
  w: Workspace,
  applicantIds: string[],
  today: string,
  reasons: Readonly<Record<string, string>> = {},
): Ready[] {
  requireUnit(w);
  unitIdentity(w);
  const isPublicInstitution = savedUnitProfile(w)?.type === 'public_institution';
  const ready: Ready[] = [];
  const refused: { id: string; name: string; reasons: Localized[] }[] = [];
  for (const id of applicantIds) {
    const b = blockers(w, id, isPublicInstitution, today);
    if (b.reasons.length > 0 || !b.publicity) {
      refused.push({ id, name: b.name, reasons: b.reasons });
      continue;
    }
    const row = unitApplicantRow(w, id);
    const gaps = gapsOf(row);
    let reason: string | null = null;
    try {
      reason = requireReason(gaps, reasons[id], 'countersign', b.name, `reasons.${id}`);
    } catch (e) {
      if (!(e instanceof DossierError)) throw e;
      refused.push({ id, name: b.name, reasons: [e.localized] });
      continue;
    }
    ready.push({
      applicantId: id,
      name: b.name,
      idNumber: row.idNumber,
      publicity: b.publicity,
      revision: row.revision,
      reason,
      gaps,
      replacement: isReplacement(row.stage),
    });
  }
  if (refused.length > 0) {
    const line = (r: (typeof refused)[number], lang: 'zh' | 'en') =>
      `${r.name}${lang === 'zh' ? '：' : ': '}${r.reasons.map((x) => x[lang]).join(lang === 'zh' ? '；' : '; ')}`;
    throw new DossierError(
      'submit_refused',
      {
        zh: `以下 ${refused.length} 名申报人还不能报送，未写出任何文件：${refused.map((r) => line(r, 'zh')).join('。')}`,
        en: `${refused.length} applicant(s) cannot be passed on yet; nothing was written. ${refused.map((r) => line(r, 'en')).join('. ')}`,
      },
      refused.flatMap((r) =>
        r.reasons.map((message) => ({
          path: `applicants.${r.id}`,
          message: { zh: `${r.name}：${message.zh}`, en: `${r.name}: ${message.en}` },
        })),
      ),
    );
  }
  return ready;
}

// -------------------------------------------------------------------------------- the submission

export interface SubmitOptions {
  /** The day the checks run as (tests); the local day by default. */
  today?: string;
  /** Where the batch goes (a folder, or a file path): the CLI's --out. Default: waiting for its download. */
  out?: string | undefined;
}

export async function startSubmit(
  w: Workspace,
  input: InputOf<'unit:submit'>,
  options: SubmitOptions = {},
): Promise<{ jobId: string }> {
  const today = options.today ?? localToday();
  await checkBatchTarget(options.out);
  const ids = [...new Set(input.applicantIds)];
  const ready = checkSubmission(w, ids, today, input.reasons);
  const status = await keyStatus(w);
  if (!status.exists || (status.protection === 'passphrase' && !input.passphrase)) {
    await unlockWorkspaceKey(w, input.passphrase); // throws the refusal that applies
  }
  // The countersignatures and the batch are the day's weightiest work: backed up right after (issue 19).
  return {
    jobId: startJob((job) =>
      withBackupAfter(w, job, (j) => runSubmit(w, ready, input.passphrase, today, j, options.out)),
    ),
  };
}

/** The job's progress for one applicant: their place in the list before the step that writes their level. */
function forApplicant(job: JobContext, index: number, count: number, name: string): JobContext {
  const prefix = { zh: `（${index + 1}/${count}）${name}：`, en: `(${index + 1}/${count}) ${name}: ` };
  return {
    ...job,
    progress: (done, total, step) =>
      job.progress(done, total, { zh: `${prefix.zh}${step.zh}`, en: `${prefix.en}${step.en}` }),
  };
}

async function runSubmit(
  w: Workspace,
  ready: Ready[],
  passphrase: string | undefined,
  today: string,
  job: JobContext,
  out?: string,
): Promise<void> {
  job.progress(0, ready.length, { zh: '正在解锁单位签名密钥', en: "Unlocking the unit's signing key" });
  // Unlocked once first: a wrong passphrase is refused before any file is made.
  const unitFingerprint = (await unlockWorkspaceKey(w, passphrase)).fingerprint;
  const unit = savedUnitProfile(w)!;
  const isPublicInstitution = unit.type === 'public_institution';
  const notices = new Map<string, Uint8Array>();
  const written: { ready: Ready; row: PackageRow; publicity: Publicity }[] = [];
  for (const [i, r] of ready.entries()) {
    throwIfCancelled(job.signal);
    const sub = forApplicant(job, i, ready.length, r.name);
    sub.progress(i, ready.length, { zh: '正在生成单位审核材料', en: "Making the unit's documents" });
    const publicity = getPublicity(w.db, r.publicity.publicityId)!;
    let notice = notices.get(publicity.id);
    if (!notice) {
      notice = (await buildPublicityNotice(noticeInput(w, publicity))).bytes;
      notices.set(publicity.id, notice);
    }
    // The decision against the evidence is recorded before the level that carries it (audit.json) is written.
    if (r.reason !== null) {
      appendAudit(w.db, {
        applicantId: r.applicantId,
        revision: r.revision,
        action: DESPITE.countersign,
        reason: r.reason,
        detail: gapsDetail(r.gaps),
      });
    }
    const files = await levelTwoFiles(w, r, unit, unitFingerprint, notice, isPublicInstitution);
    throwIfCancelled(job.signal);
    const row = await writeLevelTwo(w, { applicantId: r.applicantId, decision: 'accepted', files, passphrase }, sub);
    recordCountersign(w, r, row);
    written.push({ ready: r, row, publicity });
  }
  throwIfCancelled(job.signal);
  job.progress(0, 1, { zh: '正在生成汇总表', en: 'Making the summary sheet' });
  const content = await batchContent(w, written, unitFingerprint, today);
  throwIfCancelled(job.signal);
  const present = new Set(await readdir(out ?? batchesDir(w.dataDir)).catch(() => [] as string[]));
  const batch = await writeBatch(w, content, batchFileName(w, unit.name, today, present), job, { out });
  recordBatchMembers(w, batch.fileName, written);
  job.setResult({ batch });
  job.progress(1, 1, { zh: `已写出报送批次：${batch.fileName}`, en: `Batch written: ${batch.fileName}` });
}

/** 已加签: the countersignature of this revision, and a replacement of an earlier one named in the trail. */
function recordCountersign(w: Workspace, r: Ready, row: PackageRow): void {
  w.db.transaction(() => {
    if (r.replacement) {
      appendAudit(w.db, {
        applicantId: r.applicantId,
        revision: r.revision,
        action: 'batch-replacement',
        detail: { packageFile: row.file_name },
      });
    }
    w.db
      .prepare(
        `INSERT OR IGNORE INTO unit_countersign (applicant_id, revision, package_file, at)
         VALUES (@applicantId, @revision, @file, @at)`,
      )
      .run({ applicantId: r.applicantId, revision: r.revision, file: row.file_name, at: new Date().toISOString() });
  })();
}

/** 已报送: who went into the batch, with the package file that carries them. */
function recordBatchMembers(
  w: Workspace,
  batchFile: string,
  written: readonly { ready: Ready; row: PackageRow }[],
): void {
  const insert = w.db.prepare(
    `INSERT OR REPLACE INTO batch_member (batch_file, applicant_id, package_file, revision)
     VALUES (@batchFile, @applicantId, @file, @revision)`,
  );
  w.db.transaction(() => {
    for (const { ready, row } of written) {
      insert.run({ batchFile, applicantId: ready.applicantId, file: row.file_name, revision: ready.revision });
    }
  })();
}

/** Level 2's files for one applicant (writeLevelTwo adds content/unit/review.json). */
async function levelTwoFiles(
  w: Workspace,
  r: Ready,
  unit: NonNullable<ReturnType<typeof savedUnitProfile>>,
  unitFingerprint: string,
  notice: Uint8Array,
  isPublicInstitution: boolean,
): Promise<ContentFile[]> {
  const m = r.publicity;
  const ctx = formContext(w, r.applicantId);
  const revision = currentRevision(w, r.applicantId);
  const opinion = await buildUnitOpinion({
    unit,
    archive: ctx.archive,
    archiveFingerprint: ctx.fingerprint,
    decision: 'accepted',
    opinion: reviewState(w.db, r.applicantId, revision).opinion,
    publicity: { startDate: m.startDate, endDate: m.endDate, workingDays: m.workingDays, outcome: m.outcome },
    unitFingerprint,
  });
  const publicityDoc = PublicityDoc.parse({
    format: 'dossier.publicity',
    version: 1,
    startDate: m.startDate,
    endDate: m.endDate,
    workingDays: m.workingDays,
    outcome: m.outcome,
    note: m.note,
  });
  const m3 = await buildMemberM3(w, m, { applicantId: r.applicantId, outcome: m.outcome, note: m.note }, unit.name);
  const bytes = (p: string, data: Uint8Array, role: string, mediaType = PDF): ContentFile => ({
    path: p,
    source: { kind: 'bytes', bytes: data },
    mediaType,
    role,
  });
  const files = [
    bytes(UNIT_PATHS.opinion, opinion.bytes, UNIT_ROLES.opinion),
    bytes(UNIT_PATHS.publicity, jsonBytes(publicityDoc), UNIT_ROLES.publicity, JSON_TYPE),
    bytes(UNIT_PATHS.notice, notice, UNIT_ROLES.notice),
    bytes(UNIT_PATHS.confirmation, m3.built.bytes, UNIT_ROLES.confirmation),
  ];
  if (isPublicInstitution) {
    const postInfo = getPostInfo(w.db)!;
    files.push(bytes(UNIT_PATHS.postInfo, jsonBytes(postInfo), UNIT_ROLES.postInfo, JSON_TYPE));
    files.push(bytes(UNIT_PATHS.f4, (await buildF4(ctx)).bytes, UNIT_ROLES.f4));
  }
  return files;
}

/** batch.json, the summary sheet (PDF with batch.json's hash in its footer) and the spreadsheet. */
async function batchContent(
  w: Workspace,
  written: { ready: Ready; row: PackageRow; publicity: Publicity }[],
  unitFingerprint: string,
  today: string,
): Promise<BatchContent> {
  const unit = savedUnitProfile(w)!;
  const doc = BatchDoc.parse({
    format: 'dossier.batch',
    version: 1,
    unit,
    unitFingerprint,
    createdAt: new Date().toISOString(),
    packages: written.map(({ ready, row }) => ({
      ...batchPackageOf(row),
      level: 2,
      name: ready.name,
    })),
  });
  const rows: SummaryRow[] = written.map(({ ready, row }, i) => {
    const table = unitApplicantRow(w, ready.applicantId);
    const { application } = readArchive(w.db, ready.applicantId);
    const committee = application.committee ? COMMITTEE_INFO[application.committee] : null;
    const m = ready.publicity;
    return {
      no: i + 1,
      name: ready.name,
      idNumber: ready.idNumber,
      committee: committee?.fullName ?? '',
      committeeShort: committee?.shortName.zh ?? '',
      specialty: application.specialty,
      titleApplied: application.titleApplied,
      exceptional: application.exceptional,
      verdict: verdictWords(table.verdict, table.counts).zh,
      fail: table.counts.fail,
      toJudge: table.counts.toJudge,
      reason: ready.reason ?? '',
      replacement: ready.replacement,
      publicityStart: m.startDate,
      publicityEnd: m.endDate,
      publicityDays: m.workingDays,
      publicityOutcome: m.outcome === 'objection' ? 'objection' : 'no_objection',
      fileName: row.file_name,
      sha256: row.sha256,
      packageId: row.package_id,
      revision: row.revision,
      size: row.size,
    };
  });
  const head: SummaryHead = { unit, unitFingerprint, date: today, year: getParams(w.db).asOfDate.slice(0, 4) };
  // The summary's footer carries the hash of batch.json exactly as writeBatch writes it.
  const summaryPdf = (await buildBatchSummary(head, rows, sha256Hex(jsonBytes(doc)))).bytes;
  const summaryXlsx = await buildSummaryXlsx(head, rows);
  return {
    doc,
    sheets: [
      { path: SUMMARY_PDF, bytes: summaryPdf },
      { path: SUMMARY_XLSX, bytes: summaryXlsx },
    ],
    packageFiles: written.map(({ row }) => path.join(packagesDir(w.dataDir), row.file_name)),
  };
}

export async function listBatches(w: Workspace): Promise<OutputOf<'unit:batches'>> {
  requireUnit(w);
  return { batches: await listBatchFiles(w) };
}
