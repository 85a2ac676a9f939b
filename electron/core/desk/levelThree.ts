// The desk's level 3 on an applicant's package (issue 17; N-9: applicant → unit → desk, each only adds): the
// unit's level-2 file the desk received, verified again with both earlier signers pinned (the applicant's
// key as level 1 had it when received, the unit's key pinned for the unit), then content/desk/review.json
// (DeskReviewDoc, docs/package-format.md "Level 3: the reviewing desk") signed with the desk's own key —
// exactly as the unit adds level 2 (unit/levelTwo.ts, package/writePackage.ts addLevel: every byte before
// appended to, none moved). A return (退回补正) carries every point at once and a correction deadline, and
// moves the applicant to 退回补正 in the same transaction as its package row and audit event.
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isRealDate } from '../../../shared/checks/dates.js';
import { canMove } from '../../../shared/desk/pipeline.js';
import type { Recommendation } from '../../../shared/desk/recommendation.js';
import { DeskComment, DeskReviewDoc, type DeskChecklistSummary } from '../../../shared/desk/schema.js';
import { normalizeCreditCode } from '../../../shared/checks/creditCode.js';
import { readArchive } from '../archiveService.js';
import { copyFileAtomic, mkdirPrivate } from '../durable.js';
import { writeNoted } from '../leftovers.js';
import { DossierError } from '../errors.js';
import { throwIfCancelled, type JobContext } from '../jobs.js';
import { JSON_TYPE, jsonBytes } from '../package/content.js';
import { CREATED_BY_APP, packageFileName, packagesDir, uniqueFileName } from '../package/exportService.js';
import { localToday } from '../clock.js';
import { syncDir } from '../package/fsUtil.js';
import { unlockWorkspaceKey } from '../package/keyService.js';
import { runInPackageWorker } from '../package/packagePool.js';
import { appendedLevelRow, putPackageRow, rowsOfPackage, type PackageRow } from '../package/packageRepo.js';
import { addLevel } from '../package/writePackage.js';
import { appendAudit } from '../unit/auditRepo.js';
import { applicantPackageRows, currentRevision } from '../unit/revisions.js';
import { appVersion, type Workspace } from '../workspace.js';
import { deskApplicant } from './deskRepo.js';
import { requireDeskProfile } from './profile.js';
import { cannotMove, moveStatus } from './status.js';

export const DESK_REVIEW_PATH = 'content/desk/review.json';
export const DESK_REVIEW_ROLE = 'desk-review';

export interface LevelThreeInput {
  applicantId: string;
  decision: 'accepted' | 'returned';
  opinion: string;
  comments: DeskComment[];
  /** returned: the correction deadline (YYYY-MM-DD, after today). */
  deadline: string | null;
  passphrase?: string | undefined;
  /** Where a copy goes for the unit (the CLI's --out): a file that must not exist yet. */
  out?: string | undefined;
  /** accepted (the pass-on): the intermediate committee's recommendation, and the checklist in short. */
  recommendation?: Recommendation | null;
  checklist?: DeskChecklistSummary | null;
}

const noJob: JobContext = {
  signal: new AbortController().signal,
  progress: () => {},
  produced: () => {},
  setResult: () => {},
};

function invalid(path: string, zh: string, en: string): DossierError {
  return new DossierError('wrong_desk_review', { zh: `${zh}未写出任何文件。`, en: `${en} Nothing was written.` }, [
    { path, message: { zh, en } },
  ]);
}

/** The input checked before anything is unlocked or written: each refusal names its field. */
export function checkInput(input: LevelThreeInput, today: string): void {
  const texts = input.comments.map((c) => DeskComment.safeParse(c));
  if (texts.some((t) => !t.success))
    throw invalid(
      'reason',
      '退回理由不能为空，每条不超过 2000 字。',
      'A reason must not be empty, nor longer than 2000 characters.',
    );
  if (input.decision === 'returned') {
    if (input.comments.length === 0) {
      throw invalid(
        'reason',
        '退回须写明理由（需要单位补正的每一处）。',
        'A return needs its reasons (every point the unit must correct).',
      );
    }
    if (!input.deadline || !isRealDate(input.deadline)) {
      throw invalid(
        'deadline',
        `补正截止日期“${input.deadline ?? ''}”不是有效日期（YYYY-MM-DD）。`,
        `The correction deadline "${input.deadline ?? ''}" is not a real date (YYYY-MM-DD).`,
      );
    }
    if (input.deadline <= today) {
      throw invalid(
        'deadline',
        `补正截止日期 ${input.deadline} 须晚于今天（${today}）。`,
        `The correction deadline ${input.deadline} must be after today (${today}).`,
      );
    }
  }
}

/** The unit's level-2 file of the applicant's current revision, as received (the bytes level 3 is added to). */
async function levelTwoRow(w: Workspace, applicantId: string): Promise<PackageRow> {
  const revision = currentRevision(w, applicantId);
  const row = applicantPackageRows(w, applicantId).find(
    (r) => r.revision === revision && r.level === 2 && r.direction === 'imported',
  );
  const found = row ? await stat(path.join(packagesDir(w.dataDir), row.file_name)).catch(() => null) : null;
  if (!row || !found?.isFile()) {
    throw new DossierError('no_level_two', {
      zh: `本机构没有此申报人第 ${revision} 版的单位加签申报包（第 2 级），无法添加第 3 级。请重新接收单位的报送批次。`,
      en: `This desk holds no level-2 package of this applicant's revision ${revision}; level 3 cannot be added. Receive the unit's batch again.`,
    });
  }
  return row;
}

/** Writes level 3 into <data>/packages/ (and a copy at `out`), records it; returns its row. */
export async function writeLevelThree(
  w: Workspace,
  input: LevelThreeInput,
  job: JobContext = noJob,
): Promise<PackageRow> {
  const desk = requireDeskProfile(w);
  const today = localToday();
  checkInput(input, today);
  const held = deskApplicant(w.db, input.applicantId);
  if (!held) {
    throw new DossierError('desk_applicant_unknown', {
      zh: '本机构没有接收过此申报人。',
      en: 'This desk has not received this applicant.',
    });
  }
  if (input.decision === 'returned' && !canMove(held.status, 'returned')) throw cannotMove(held.status, 'returned');
  if (input.out && (await stat(input.out).catch(() => null))) {
    throw invalid('out', `“${input.out}”已存在，不覆盖。`, `"${input.out}" already exists; it is not overwritten.`);
  }
  const source = await levelTwoRow(w, input.applicantId);
  job.progress(0, 1, { zh: '正在解锁审查机构的签名密钥', en: "Unlocking the desk's signing key" });
  const key = await unlockWorkspaceKey(w, input.passphrase);
  throwIfCancelled(job.signal);
  const archive = readArchive(w.db, input.applicantId);
  const review = DeskReviewDoc.parse({
    format: 'dossier.desk-review',
    version: 2,
    decision: input.decision,
    desk: { kind: desk.kind, name: desk.name, city: desk.city, department: desk.department },
    deskFingerprint: key.fingerprint,
    unit: {
      name: held.unit_name,
      creditCode: normalizeCreditCode(archive.unit.creditCode),
      fingerprint: held.unit_fingerprint,
    },
    opinion: input.opinion,
    comments: input.comments,
    correctionDeadline: input.decision === 'returned' ? input.deadline : null,
    reviewedOn: today,
    recommendation: input.recommendation ?? null,
    checklist: input.checklist ?? null,
  });
  const dir = packagesDir(w.dataDir);
  await mkdirPrivate(dir);
  const staging = path.join(dir, `export-${process.pid}-${randomBytes(6).toString('hex')}.partial`);
  let created: string | null = null;
  let copied: string | null = null;
  try {
    const step = { zh: '正在验证并添加审查机构的签名', en: "Verifying and adding the desk's signature" };
    const written = await addLevel(path.join(dir, source.file_name), staging, {
      files: [
        {
          path: DESK_REVIEW_PATH,
          source: { kind: 'bytes', bytes: jsonBytes(review) },
          mediaType: JSON_TYPE,
          role: DESK_REVIEW_ROLE,
        },
      ],
      key,
      createdBy: { app: CREATED_BY_APP, version: appVersion() },
      level: 3,
      expectFingerprints: { 1: source.l1_signer, 2: held.unit_fingerprint },
      signal: job.signal,
      onProgress: (done, total) => job.progress(done, total, step),
    });
    throwIfCancelled(job.signal);
    const { sha256, size } = await runInPackageWorker({ kind: 'hash', file: staging }, { signal: job.signal });
    const self = { packageId: source.package_id, revision: source.revision, level: 3 };
    const base = packageFileName(archive.profile.name, self.packageId, self.revision, 3);
    const fileName = uniqueFileName(
      w,
      input.decision === 'returned' ? base.replace(/\.zcpkg$/, '-退回.zcpkg') : base,
      self,
      (r) => r.manifest_sha256 === written.manifestSha256,
    );
    const final = path.join(dir, fileName);
    const existed = (await stat(final).catch(() => null)) !== null;
    await rename(staging, final);
    if (!existed) created = final;
    await syncDir(dir);
    // The unit's copy before the record: a copy that fails leaves nothing recorded (and no file) behind.
    // Whole or not at all (temp + rename), the temp noted so that a crash's leftover is swept (leftovers.ts).
    if (input.out) {
      const out = input.out;
      if (await stat(out).catch(() => null)) {
        throw invalid('out', `“${out}”已存在，不覆盖。`, `"${out}" already exists; it is not overwritten.`);
      }
      writeNoted(w.dataDir, out, () => copyFileAtomic(final, out));
      copied = out;
    }
    const row = appendedLevelRow(source, {
      fileName,
      level: 3,
      sha256,
      size,
      manifestSha256: written.manifestSha256,
      applicantId: input.applicantId,
    });
    const firstReason = input.comments[0]?.text ?? '';
    w.db.transaction(() => {
      putPackageRow(w.db, row);
      appendAudit(w.db, {
        applicantId: input.applicantId,
        revision: self.revision,
        action: 'desk-level-three',
        reason: firstReason,
        detail: {
          decision: input.decision,
          file: fileName,
          deadline: review.correctionDeadline,
          points: input.comments.length,
        },
      });
      if (input.decision === 'returned') {
        moveStatus(w.db, {
          applicantId: input.applicantId,
          revision: self.revision,
          to: 'returned',
          reason: firstReason,
          deadline: input.deadline,
        });
      }
    })();
    created = null;
    copied = null;
    return rowsOfPackage(w.db, self.packageId).find((r) => r.file_name === fileName)!;
  } finally {
    await rm(staging, { force: true });
    if (created) await rm(created, { force: true });
    if (copied) await rm(copied, { force: true });
  }
}
