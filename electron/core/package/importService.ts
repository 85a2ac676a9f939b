// Import (issue 6): an uploaded or opened package, verified first (every level, every byte), extracted
// into a temp folder with the manifests' hashes checked again, its files put into the store (hash-checked),
// then ONE transaction: the archive, the attachments (same ids, names and links), the generated forms'
// rows, the rule parameters and F-4 figures it was checked with, and the package row. All or nothing: on any
// failure nothing is imported and the store keeps no file it did not have. The package file itself is kept
// in <dataDir>/packages/ (a reviewer adds their level to those very bytes).
//   A workspace holds one applicant's archive: a package of another one is refused (workspace_not_empty);
// the same package id with a newer revision replaces the archive in place (same applicant row); a reviewer's
// level on the very level 1 held here is recorded and the archive kept (reviewed: it may hold edits made
// since the export); the very same package again changes nothing (unchanged).
//   A unit's workspace (issue 7) holds many: the same pipeline, with the unit's rules in decideUnit and
// checkUnitContent (level 1 only, the unit's own people, one package per person, one content per revision),
// fresh attachment ids, and the unit's own rule parameters and F-4 kept (the package's are not taken).
//   A key change at the unit (issue 19, item 8): a newer revision of a known package signed by another key
// than the one pinned for it is HELD, not refused — checked like any other (verified, extracted, the unit's
// content rules), then kept in <dataDir>/held/ for the officer, who confirms the person and accepts the new
// key (unit/keyChange.ts: the held file comes back through this very pipeline with `acceptKey`) or rejects it.
//   A reviewing desk's workspace (issue 17) holds many too, each a unit's level 2: the same pipeline, with the
// desk's rules passed in (ReviewerRules, electron/core/desk/receiveRules.ts) — what a package is to the desk,
// its checks on the extracted levels before anything is stored, and its own rows in the same transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportOutcome, Localized } from '../../../shared/api/contract.js';
import type { ArchiveDocument, AnyRecord } from '../../../shared/archive/schema.js';
import { RECORD_KINDS, SECTION_NAMES } from '../../../shared/archive/schema.js';
import { emptySections } from '../../../shared/archive/empty.js';
import { PostInfo } from '../../../shared/forms/postInfo.js';
import type { VerifyReport } from '../../../shared/package/report.js';
import { KEY_CHANGE_HELD } from '../../../shared/package/keyAdvice.js';
import { DEFAULT_PARAMS_2020, PACK_2020, type Params2020 } from '../../../shared/rules/pack2020/index.js';
import * as archiveRepo from '../archiveRepo.js';
import { parseArchiveJson } from '../archiveService.js';
import { repairFromFiles } from '../attachments/repair.js';
import * as attachmentRepo from '../attachments/attachmentRepo.js';
import { getUploadProfile } from '../attachments/profile.js';
import { BLOCK_BYTES, commit, discard, hashFile, stage, storedPath } from '../attachments/store.js';
import { copyFilePrivate, mkdirPrivate } from '../durable.js';
import { DossierError } from '../errors.js';
import { setPostInfo } from '../forms/context.js';
import { isStoredHashUsed, putGenerated } from '../forms/generatedRepo.js';
import { startJob, throwIfCancelled, type JobContext } from '../jobs.js';
import { setParams } from '../rulesService.js';
import { currentApplicantId, type Workspace } from '../workspace.js';
import { normalizeIdNumber } from '../../../shared/checks/idNumber.js';
import { getMode, holdsMany, isDeskWorkspace, isUnitWorkspace } from '../unit/mode.js';
import { isSameUnit, requireUnitProfile } from '../unit/profile.js';
import { applicantName, applicantOfPackage, heldPeople, resetUnitReview } from '../unit/unitRepo.js';
import { findHeld, heldDir, insertHeld, type HeldRow } from '../unit/keyChangeRepo.js';
import { applyDeskReturn, decideDeskReturn, readDeskReturn, type DeskReturnPackage } from '../unit/deskReturn.js';
import {
  AttachmentsDoc,
  CONTENT_PATHS,
  EligibilityDoc,
  FormsDoc,
  ROLES,
  type PackageAttachment,
  type PackageOutput,
} from './content.js';
import { packageFileName, packagesDir, uniqueFileName } from './exportService.js';
import { syncDir } from './fsUtil.js';
import type { Manifest, ManifestFile } from './manifest.js';
import { runInPackageWorker } from './packagePool.js';
import {
  getApplicantPackageId,
  putPackageRow,
  rowsOfPackage,
  setApplicantPackageId,
  type PackageRow,
} from './packageRepo.js';
import type { VerifiedLevel } from './packageWorker.js';
import { diskName, forgetUpload, incomingDir, removeIfEmpty, requireUpload, type Upload } from './uploads.js';
import { checkUnitKey, setTrustedUnitKey, trustedUnitKey } from './unitKeyTrust.js';
import { openPackage } from './zipRead.js';

/** Spaces and case do not matter in a fingerprint typed from paper. */
const normalizeFingerprint = (fp: string) => fp.replace(/\s+/g, '').toLowerCase();

export async function verifyUpload(
  w: Workspace,
  input: { uploadId: string; expectFingerprint?: string | undefined },
): Promise<VerifyReport & { trustedUnitFingerprint: string | null }> {
  const upload = await requireUpload(w, input.uploadId);
  const expectFingerprints = input.expectFingerprint ? { 1: normalizeFingerprint(input.expectFingerprint) } : {};
  const { report } = await runInPackageWorker({ kind: 'verify', file: upload.file, expectFingerprints });
  // The unit key this applicant confirmed before, so that the screen asks only for a new one.
  const trustedUnitFingerprint = isUnitWorkspace(w) ? null : trustedUnitKey(w.db);
  return { ...report, file: upload.fileName, trustedUnitFingerprint };
}

export interface ImportInput {
  uploadId: string;
  /** Level 1's signer as printed on the applicant's F-1, when the receiver has the paper. */
  expectFingerprint?: string | undefined;
  /** Level 2's signer as the applicant confirmed it against the unit's opinion page (unitKeyTrust.ts). */
  trustUnitKey?: string | undefined;
}

/** Starts an import job; the upload is consumed (its incoming file removed) whatever the outcome. */
export async function startImport(w: Workspace, input: ImportInput): Promise<{ jobId: string }> {
  const upload = await requireUpload(w, input.uploadId);
  const jobId = startJob(async (job) => {
    try {
      const result = await importPackage(w, upload, input.expectFingerprint, job, {
        trustUnitKey: input.trustUnitKey,
      });
      // A unit's workspace held it (a new applicant key): said as the end of this job, with the way on.
      if (result.held) {
        const why = heldReason(result.held);
        throw new DossierError('key_change_held', {
          zh: `${KEY_CHANGE_HELD.zh}：${why.zh}`,
          en: `${KEY_CHANGE_HELD.en}: ${why.en}`,
        });
      }
      const { outcome } = result;
      job.setResult({ imported: outcome });
      job.progress(
        1,
        1,
        outcome.status === 'unchanged'
          ? { zh: '此申报包已导入，未作改动', en: 'This package was already imported; nothing changed' }
          : { zh: '已导入', en: 'Imported' },
      );
    } finally {
      await forgetUpload(upload);
    }
  });
  return { jobId };
}

/**
 * A reviewing desk's rules (issue 17), given by electron/core/desk/: the pipeline stays one, the desk's
 * judgement its own. `decide` says what a verified package is to the desk; `check` refuses it (throwing)
 * from its extracted, hash-checked content before anything is stored — and again inside the transaction,
 * where the workspace cannot change under it; `commit` writes the desk's own rows in that transaction.
 */
export interface ReviewerRules {
  decide(v: ReviewedPackage): ReviewerDecision;
  check(content: ReviewedContent): void;
  commit(applicantId: string, content: ReviewedContent, kind: 'new' | 'replace'): void;
}

export interface ReviewedPackage {
  packageId: string;
  revision: number;
  level: number;
  manifestSha256: string;
}

export type ReviewerDecision =
  { kind: 'new' } | { kind: 'replace'; applicantId: string } | { kind: 'unchanged'; applicantId: string };

export interface ReviewedContent {
  archive: ArchiveDocument;
  /** Every level verified, each with its manifest and signer's fingerprint. */
  levels: VerifiedLevel[];
  /** The extracted file of a listed path (every level's files, hash-checked). */
  fileOf: (p: string) => string;
}

type Decision =
  | { kind: 'new' }
  | { kind: 'replace'; applicantId: string }
  | { kind: 'unchanged'; applicantId: string }
  // A reviewer's level (a 退回, a countersignature) on the very level 1 this applicant holds: the package file
  // is recorded, the archive is left as it is — it may have been edited since the export, and must not be lost.
  | { kind: 'levels'; applicantId: string }
  // A unit's workspace: a newer revision signed by another key than the one pinned for the applicant is held
  // for the officer (hold); the very same held file again writes nothing (held).
  | { kind: 'hold'; applicantId: string; pinned: string }
  | { kind: 'held'; applicantId: string; row: HeldRow };

/**
 * The acceptance of a held key change (unit/keyChange.ts): the held revision, signed by `newSigner` while
 * `oldSigner` is pinned, goes through as a newer revision; `commit` runs inside the import's transaction,
 * once the revision is written (the audit event and the held rows go with the change they explain).
 */
export interface AcceptKey {
  oldSigner: string;
  newSigner: string;
  commit: (applicantId: string) => void;
}

/** A revision held for the officer: whose, which, and the two keys. */
export interface HeldPackage {
  id: string;
  applicantId: string;
  packageId: string;
  revision: number;
  name: string;
  oldSigner: string;
  newSigner: string;
}

export type ImportResult =
  { outcome: ImportOutcome; name: string; held?: undefined } | { outcome?: undefined; name: string; held: HeldPackage };

/** Why a revision is held, and what the officer does next (the intake's line, package:import's refusal). */
export function heldReason(h: Pick<HeldPackage, 'name' | 'revision'>): Localized {
  return {
    zh: `“${h.name}”的第 ${h.revision} 版由新的签名密钥签名（与此前不同），已暂存，尚未导入。请当面核实申报人本人身份，核对其新评审表（F-1）上的密钥指纹后，在审核页接受新密钥（写明理由）；如不是本人所为，请拒绝。`,
    en: `Revision ${h.revision} of ${h.name}'s package is signed by a new signing key (not the one before); it is held, not imported yet. Confirm the applicant's identity in person and compare the key fingerprint on their new evaluation form (F-1), then accept the new key on the review page (with a reason); if it was not their doing, reject it.`,
  };
}

interface Verified {
  report: VerifyReport;
  levels: VerifiedLevel[];
  l1: Manifest;
  top: VerifiedLevel & { manifestSha256: string };
}

/**
 * Imports one package file (verified first; all or nothing) and says what it came to, with the applicant's
 * name; a refusal throws. The unit's batch import (unit/intake.ts) calls it once per file. The upload is
 * left to the caller.
 */
export async function importPackage(
  w: Workspace,
  upload: Upload,
  expectFingerprint: string | undefined,
  job: JobContext,
  options: { acceptKey?: AcceptKey; trustUnitKey?: string | undefined; reviewer?: ReviewerRules | undefined } = {},
): Promise<ImportResult> {
  // Said before any byte is read: without the unit's data no package can be matched to it.
  if (isUnitWorkspace(w)) requireUnitProfile(w);
  // The user's file is read where it lies first — its end records, its directory, every header — so that a
  // file that is no package (1 GiB of junk) is refused before a byte of it is copied anywhere.
  if (!upload.isOwned) await (await openPackage(upload.file)).close();
  const work = path.join(incomingDir(w.dataDir), `import-${process.pid}-${randomBytes(6).toString('hex')}`);
  await mkdirPrivate(work);
  try {
    let source = upload.file;
    if (!upload.isOwned) {
      // The user's file is copied first: what is verified, extracted and kept is then one and the same.
      job.progress(0, 1, { zh: '正在复制申报包', en: 'Copying the package' });
      source = path.join(work, diskName(upload.fileName));
      await copyFilePrivate(upload.file, source);
    }
    throwIfCancelled(job.signal);
    const verified = await verify(w, source, expectFingerprint, job);
    // A level 2 in an applicant's workspace only from the unit key they confirmed (a unit takes level 1 only).
    const confirmed = options.trustUnitKey === undefined ? undefined : normalizeFingerprint(options.trustUnitKey);
    const unitKey =
      getMode(w) === 'applicant' && verified.levels.length >= 2
        ? checkUnitKey(w.db, verified.levels[1]!.fingerprint!, confirmed)
        : null;
    const decision = decide(w, verified, options.acceptKey, options.reviewer);
    const outcome = (status: ImportOutcome['status'], applicantId: string): ImportOutcome => ({
      applicantId,
      status,
      packageId: verified.l1.packageId,
      revision: verified.l1.revision,
    });
    if (decision.kind === 'unchanged') {
      // The same package again changes nothing — except that it puts back any of its scans whose stored
      // file went missing or was damaged since (issue 13: a unit has no other copy of them).
      // A repair that cannot be made (a full disk) does not fail the import: the banner still names the scans.
      await repairFromFiles(w, [source]).catch(() => undefined);
      return { outcome: outcome('unchanged', decision.applicantId), name: applicantName(w.db, decision.applicantId) };
    }
    if (decision.kind === 'held') return { held: heldPackage(decision.row), name: decision.row.name };
    throwIfCancelled(job.signal);
    const dest = path.join(work, 'content');
    const expectSha256 = verified.report.levels.flatMap((l) =>
      l.files.map((f) => [f.path, f.expectedSha256] as [string, string]),
    );
    const step = { zh: '正在解压并核对文件', en: 'Extracting and checking the files' };
    await runInPackageWorker(
      { kind: 'extract', file: source, dest, expectSha256 },
      { signal: job.signal, onProgress: (done, total) => job.progress(done, total, step) },
    );
    const content = await readContent(dest, verified.l1);
    if (isUnitWorkspace(w)) checkUnitContent(w, verified, content);
    if (isUnitWorkspace(w) && verified.top.level === 3) readDeskReturn(content.fileOf, deskReturnPackage(verified));
    options.reviewer?.check(reviewedContent(verified, content));
    // What goes into the store is checked as an added scan is; a reviewer's level on the level 1 held
    // here stores nothing of it (its files were checked when they came in, or were made here).
    if (decision.kind !== 'levels') await checkFiles(w, content, job);
    throwIfCancelled(job.signal);
    const hashed = { zh: '正在计算申报包的校验值', en: 'Computing the package checksum' };
    const { sha256, size } = await runInPackageWorker(
      { kind: 'hash', file: source },
      { signal: job.signal, onProgress: (done, total) => job.progress(done, total, hashed) },
    );
    if (decision.kind === 'hold') {
      const row = await hold(w, verified, decision, content, { source, sha256, size, fileName: upload.fileName });
      return { held: heldPackage(row), name: row.name };
    }
    const applicantId = await store(w, verified, decision, content, { source, sha256, size }, job, {
      acceptKey: options.acceptKey,
      unitKey,
      reviewer: options.reviewer,
    });
    return {
      outcome: outcome(
        decision.kind === 'new' ? 'imported' : decision.kind === 'levels' ? 'reviewed' : 'replaced',
        applicantId,
      ),
      name: content.archive.profile.name,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    // Nothing left, not even the folder this import made (issue 13, item 5).
    await removeIfEmpty(incomingDir(w.dataDir));
  }
}

async function verify(
  w: Workspace,
  file: string,
  expectFingerprint: string | undefined,
  job: JobContext,
): Promise<Verified> {
  const step = { zh: '正在验证申报包', en: 'Verifying the package' };
  const expectFingerprints = expectFingerprint ? { 1: normalizeFingerprint(expectFingerprint) } : {};
  const { report, levels } = await runInPackageWorker(
    { kind: 'verify', file, expectFingerprints },
    { signal: job.signal, onProgress: (done, total) => job.progress(done, total, step) },
  );
  if (!report.ok) {
    const first = report.problems.slice(0, 5);
    throw new DossierError(
      'package_not_valid',
      {
        zh: `申报包未通过验证，未导入任何内容：${first.map((p) => p.message.zh).join('；')}`,
        en: `The package does not verify; nothing was imported: ${first.map((p) => p.message.en).join('; ')}`,
      },
      first.map((p) => ({ path: p.path ?? p.code, message: p.message })),
    );
  }
  const l1 = levels[0]!.manifest!;
  const top = levels.at(-1)!;
  // A package this workspace already knows must still be signed at level 1 by a key that signed it here: a
  // level 1 changed and re-signed by another key verifies on its own (docs, "Verifying" 5). In an
  // applicant's workspace any key the applicant signed it with holds (one who replaced a lost key gets the
  // unit's 退回 of the new revision back); a unit pins one key per applicant and holds a change (decideUnit).
  if (!holdsMany(w)) {
    const signers = new Set(rowsOfPackage(w.db, l1.packageId).map((r) => r.l1_signer));
    if (signers.size > 0 && !signers.has(levels[0]!.fingerprint!)) throw unexpectedSigner(l1.packageId);
  }
  return { report, levels, l1, top: { ...top, manifestSha256: top.manifestSha256! } };
}

function unexpectedSigner(packageId: string): DossierError {
  return new DossierError('unexpected_signer', {
    zh: `申报包 ${packageId} 第 1 级的签名密钥与此前的不同：它可能被他人改动并重新签名，未导入任何内容。`,
    en: `Level 1 of package ${packageId} is signed by another key than before: it may have been altered and re-signed; nothing was imported.`,
  });
}

/** What the package is to this workspace. */
function decide(w: Workspace, v: Verified, acceptKey?: AcceptKey, reviewer?: ReviewerRules): Decision {
  if (isUnitWorkspace(w)) return decideUnit(w, v, acceptKey);
  if (isDeskWorkspace(w)) {
    if (!reviewer) {
      throw new DossierError('desk_import_only', {
        zh: '这是审查机构的工作区：单位的报送批次和申报包请用“接收”导入（命令行：dossier review-import）。未导入任何内容。',
        en: "This is a reviewing desk's workspace: receive the units' batches and packages there (command line: dossier review-import). Nothing was imported.",
      });
    }
    const top = { packageId: v.l1.packageId, revision: v.l1.revision, level: v.top.level };
    return reviewer.decide({ ...top, manifestSha256: v.top.manifestSha256 });
  }
  const current = currentApplicantId(w);
  if (current === null) return { kind: 'new' };
  if (getApplicantPackageId(w.db, current) !== v.l1.packageId) {
    throw new DossierError('workspace_not_empty', {
      zh: '此工作区已有另一份档案，未导入任何内容。请在新的（空的）工作区中导入，或先删除现有档案。',
      en: 'This workspace already holds another archive; nothing was imported. Import into a new, empty workspace, or delete it first.',
    });
  }
  const rows = rowsOfPackage(w.db, v.l1.packageId);
  if (rows.some((r) => r.manifest_sha256 === v.top.manifestSha256 && r.level === v.top.level)) {
    return { kind: 'unchanged', applicantId: current };
  }
  const newest = rows[0]?.revision ?? 0;
  if (v.l1.revision < newest) throw outdated(v, newest);
  const l1Sha256 = v.levels[0]!.manifestSha256!;
  if (v.top.level > 1 && rows.some((r) => r.l1_manifest_sha256 === l1Sha256)) {
    return { kind: 'levels', applicantId: current };
  }
  return { kind: 'replace', applicantId: current };
}

function outdated(v: Verified, newest: number): DossierError {
  return new DossierError('package_outdated', {
    zh: `这是申报包的第 ${v.l1.revision} 版，此工作区已有第 ${newest} 版，未导入任何内容。`,
    en: `This is revision ${v.l1.revision} of the package; this workspace already has revision ${newest}. Nothing was imported.`,
  });
}

/**
 * A unit's workspace: an applicant's level-1 package only (levels 2 and 3 are the unit's and the city's
 * own); a package id already held is that applicant's next revision (replaced), the same one again
 * (unchanged), an older one (refused), or the same revision with other content (refused: which one is
 * the applicant's cannot be told). A newer revision signed by another key than the pinned one is held.
 */
function decideUnit(w: Workspace, v: Verified, acceptKey?: AcceptKey): Decision {
  // A reviewing desk's answer (level 3) on the unit's own countersignature (issue 17): recorded, never replacing.
  if (v.top.level === 3) return decideDeskReturn(w, deskReturnPackage(v));
  if (v.top.level > 1) {
    throw new DossierError('package_level', {
      zh: `申报包 ${v.l1.packageId} 已带有第 ${v.top.level} 级签名（${v.top.level === 2 ? '单位' : '市级'}），单位只接收申报人签名的第 1 级申报包。未导入任何内容。`,
      en: `Package ${v.l1.packageId} already carries level ${v.top.level} (${v.top.level === 2 ? 'a unit' : 'the city'}); a unit takes only the applicant's level-1 packages. Nothing was imported.`,
    });
  }
  const holder = applicantOfPackage(w.db, v.l1.packageId);
  if (holder === null) return { kind: 'new' };
  const rows = rowsOfPackage(w.db, v.l1.packageId).filter((r) => r.applicant_id === holder);
  // An older revision is refused even when its very file came in before: it is history, not the archive.
  const newest = rows[0]?.revision ?? 0;
  if (v.l1.revision < newest) throw outdated(v, newest);
  const keyChange = signerChange(w, v, holder, rows, newest, acceptKey);
  if (keyChange) return keyChange;
  if (rows.some((r) => r.level === 1 && r.manifest_sha256 === v.top.manifestSha256)) {
    return { kind: 'unchanged', applicantId: holder };
  }
  const l1Sha256 = v.levels[0]!.manifestSha256!;
  if (rows.some((r) => r.revision === v.l1.revision && r.l1_manifest_sha256 !== l1Sha256)) {
    const name = applicantName(w.db, holder);
    throw new DossierError('package_conflict', {
      zh: `“${name}”的申报包第 ${v.l1.revision} 版已导入，而这个文件是同一申报人、同一版本但内容不同的申报包。请向申报人确认哪一份有效（应重新导出新版本）。未导入任何内容。`,
      en: `Revision ${v.l1.revision} of ${name}'s package is already here; this file is a package of the same applicant and revision with different content. Ask the applicant which one holds (they should export a new revision). Nothing was imported.`,
    });
  }
  return { kind: 'replace', applicantId: holder };
}

/**
 * The key pinned for an applicant is the one that signed the newest revision taken in (after an accepted
 * change, the new key: the old one is then a change of its own). Another signer: a newer revision is held,
 * the same revision refused (an export with a new key always makes a new revision: the manifest names its
 * signer). With `acceptKey` the held change goes through, if the keys are still the ones it was held with.
 */
function signerChange(
  w: Workspace,
  v: Verified,
  holder: string,
  rows: PackageRow[],
  newest: number,
  acceptKey: AcceptKey | undefined,
): Decision | null {
  const pinned = (rows.find((r) => r.direction === 'imported') ?? rows[0])?.l1_signer;
  const signer = v.levels[0]!.fingerprint!;
  if (pinned === undefined || signer === pinned) {
    if (acceptKey) throw keyChangeGone(v);
    return null;
  }
  if (acceptKey) {
    if (acceptKey.newSigner !== signer || acceptKey.oldSigner !== pinned) throw keyChangeGone(v);
    return null;
  }
  if (v.l1.revision === newest) {
    const name = applicantName(w.db, holder);
    throw new DossierError('unexpected_signer', {
      zh: `“${name}”的申报包第 ${newest} 版已导入，而此文件是同一版本、却由另一把密钥签名：它可能被他人改动并重新签名，未导入任何内容。如果申报人确实更换了密钥，请其用新密钥重新导出（会生成新的版本）后再提交，单位核实本人身份后接受新密钥。`,
      en: `Revision ${newest} of ${name}'s package is already here; this file is the same revision signed by another key: it may have been altered and re-signed; nothing was imported. If the applicant did replace their key, they export again with the new key (which makes a new revision) and hand that in; the unit confirms their identity and accepts the new key.`,
    });
  }
  const again = findHeld(w.db, holder, v.top.manifestSha256);
  return again ? { kind: 'held', applicantId: holder, row: again } : { kind: 'hold', applicantId: holder, pinned };
}

const deskReturnPackage = (v: Verified): DeskReturnPackage => ({
  packageId: v.l1.packageId,
  revision: v.l1.revision,
  levels: v.levels.map((l) => ({ manifestSha256: l.manifestSha256!, fingerprint: l.fingerprint! })),
});

function keyChangeGone(v: Verified): DossierError {
  return new DossierError('key_change_stale', {
    zh: `申报包 ${v.l1.packageId} 第 ${v.l1.revision} 版暂存以来，此申报人的签名密钥已有变化（可能已接受过新密钥）：未作任何改动。请重新查看此申报人暂存的新密钥。`,
    en: `Since revision ${v.l1.revision} of package ${v.l1.packageId} was held, the applicant's pinned key has changed (a new key may have been accepted already): nothing was changed. Look at the applicant's held key changes again.`,
  });
}

const heldPackage = (row: HeldRow): HeldPackage => ({
  id: row.id,
  applicantId: row.applicant_id,
  packageId: row.package_id,
  revision: row.revision,
  name: row.name,
  oldSigner: row.old_signer,
  newSigner: row.new_signer,
});

/**
 * Keeps a revision signed by a new key aside for the officer: the verified file moved into <dataDir>/held/
 * and its row written (decided again inside the transaction, as store does); nothing of it is imported.
 */
async function hold(
  w: Workspace,
  v: Verified,
  decision: Extract<Decision, { kind: 'hold' }>,
  content: Content,
  pkg: { source: string; sha256: string; size: number; fileName: string },
): Promise<HeldRow> {
  const id = randomUUID();
  const row: HeldRow = {
    id,
    applicant_id: decision.applicantId,
    package_id: v.l1.packageId,
    revision: v.l1.revision,
    name: content.archive.profile.name,
    file_name: pkg.fileName,
    stored_name: `${id}.zcpkg`,
    sha256: pkg.sha256,
    size: pkg.size,
    manifest_sha256: v.top.manifestSha256,
    old_signer: decision.pinned,
    new_signer: v.levels[0]!.fingerprint!,
    received_at: new Date().toISOString(),
  };
  const dir = heldDir(w.dataDir);
  await mkdirPrivate(dir);
  const final = path.join(dir, row.stored_name);
  await rename(pkg.source, final);
  try {
    await syncDir(dir);
    w.db.transaction(() => {
      const now = decide(w, v);
      if (now.kind !== 'hold' || now.pinned !== decision.pinned) {
        throw inconsistent('the workspace changed during the import');
      }
      checkUnitContent(w, v, content);
      insertHeld(w.db, row);
    })();
  } catch (e) {
    await rm(final, { force: true });
    throw e;
  }
  return row;
}

/** The unit's checks on the archive itself: its unit is this one; its person is not held under another package. */
function checkUnitContent(w: Workspace, v: Verified, content: Content): void {
  const mine = requireUnitProfile(w);
  const theirs = content.archive.unit;
  if (!isSameUnit(mine, theirs)) {
    const show = (u: { name: string; creditCode: string }) =>
      `“${u.name.trim() || '—'}”（${u.creditCode.trim() || '—'}）`;
    throw new DossierError('package_other_unit', {
      zh: `此申报包（${content.archive.profile.name}）的工作单位是${show(theirs)}，不是本单位${show(mine)}（按统一社会信用代码核对，缺代码时按单位名称）。未导入任何内容。`,
      en: `This package (${content.archive.profile.name}) names the unit ${show(theirs)}, not this unit ${show(mine)} (compared by unified social credit code, or by name where a code is missing). Nothing was imported.`,
    });
  }
  const idNumber = normalizeIdNumber(content.archive.profile.idNumber);
  if (idNumber === '') return;
  const other = heldPeople(w.db).find(
    (p) => p.packageId !== v.l1.packageId && normalizeIdNumber(p.idNumber) === idNumber,
  );
  if (other) {
    throw new DossierError('package_same_person', {
      zh: `身份证号 ${idNumber} 已属于本工作区的申报人“${other.name}”（申报包 ${other.packageId ?? '—'}），而此文件是另一个申报包（${v.l1.packageId}）。同一人只能有一个申报包：请向申报人确认。未导入任何内容。`,
      en: `ID number ${idNumber} already belongs to ${other.name}, held here under package ${other.packageId ?? '—'}; this file is another package (${v.l1.packageId}). One person has one package: ask the applicant. Nothing was imported.`,
    });
  }
}

/**
 * Every attachment goes through the very check adding a scan does (attachments/sniff.ts → inspect: the type
 * by content, the file whole, no executable, the pixel and page limits of this workspace's upload profile):
 * a signature vouches for who sent the bytes, not for what they are. The media type and page count the
 * package gives must be the content's (links name pages); the size in pixels and the scan resolution are
 * taken from the content, as an add takes them, whatever the package says (the readability rules read
 * them). The generated PDFs are checked as PDFs, their page count the form's own rather than an upload's
 * limit. The first refusal refuses the package, naming the file.
 */
async function checkFiles(w: Workspace, content: Content, job: JobContext): Promise<void> {
  const { inspect } = await import('../attachments/sniff.js');
  const limits = getUploadProfile(w.db).intake;
  const total = content.attachments.length + content.outputs.length;
  let done = 0;
  const checked = async (p: string, fileName: string, pageLimit: number) => {
    throwIfCancelled(job.signal);
    job.progress(done++, total, { zh: `正在检查文件内容：${fileName}`, en: `Checking the content of ${fileName}` });
    try {
      return await inspect(content.fileOf(p), fileName, content.sizeOf(p), { ...limits, maxPages: pageLimit });
    } catch (e) {
      if (!(e instanceof DossierError)) throw e;
      throw contentRefused(p, fileName, e.localized);
    }
  };
  const said = (p: string, fileName: string, what: keyof typeof FACT_ZH, claimed: unknown, actual: unknown) => {
    if (claimed === actual) return;
    throw contentRefused(p, fileName, {
      zh: `申报包称其${FACT_ZH[what]}为 ${String(claimed)}，而文件内容是 ${String(actual)}。`,
      en: `the package gives its ${what} as ${String(claimed)}, but its content says ${String(actual)}.`,
    });
  };
  for (const a of content.attachments) {
    const found = await checked(a.path, a.fileName, limits.maxPages);
    said(a.path, a.fileName, 'media type', a.mediaType, found.mediaType);
    said(a.path, a.fileName, 'pages', a.pages, found.pages);
    // A TIFF original is recorded without a size, as an add records it (its converted version is the one used).
    if (found.mediaType !== 'image/tiff') {
      a.width = found.width;
      a.height = found.height;
      if (found.scanDpi === null) delete a.scanDpi;
      else a.scanDpi = found.scanDpi;
    }
  }
  for (const o of content.outputs) {
    const found = await checked(o.path, o.fileName, Math.max(o.pages, limits.maxPages));
    said(o.path, o.fileName, 'media type', 'application/pdf', found.mediaType);
    said(o.path, o.fileName, 'pages', o.pages, found.pages);
  }
}

const FACT_ZH = { 'media type': '类型', pages: '页数' } as const;

function contentRefused(p: string, fileName: string, why: Localized): DossierError {
  return new DossierError('package_file_refused', {
    zh: `申报包中的文件“${fileName}”（${p}）未通过内容检查：${why.zh} 整个申报包未导入任何内容。`,
    en: `The file "${fileName}" (${p}) in the package fails the content check: ${why.en} Nothing of the package was imported.`,
  });
}

interface Content {
  archive: ArchiveDocument;
  attachments: PackageAttachment[];
  outputs: PackageOutput[];
  params: Partial<Params2020> | null;
  postInfo: PostInfo | null;
  /** Extracted file of each content path. */
  fileOf: (p: string) => string;
  /** Its size as level 1 lists it (checked when extracted). */
  sizeOf: (p: string) => number;
}

function inconsistent(what: string): DossierError {
  return new DossierError('package_inconsistent', {
    zh: `申报包的内容前后不一致（${what}），未导入任何内容。`,
    en: `The package's content is inconsistent (${what}); nothing was imported.`,
  });
}

async function readJson(file: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw inconsistent(`${what} is not JSON`);
  }
}

/** Level 1's content files, read strictly and checked against its manifest. */
async function readContent(dest: string, l1: Manifest): Promise<Content> {
  const fileOf = (p: string) => path.join(dest, ...p.split('/'));
  const listed = new Map<string, ManifestFile>(l1.files.map((f) => [f.path, f]));
  const need = (p: string, role: string) => {
    const f = listed.get(p);
    if (!f || f.role !== role) throw inconsistent(`level 1 lists no ${p} (${role})`);
    return f;
  };
  need(CONTENT_PATHS.archive, ROLES.archive);
  const archive = parseArchiveJson(await readFile(fileOf(CONTENT_PATHS.archive), 'utf8'));
  need(CONTENT_PATHS.attachments, ROLES.attachmentIndex);
  const attachments = AttachmentsDoc.safeParse(await readJson(fileOf(CONTENT_PATHS.attachments), 'attachments.json'));
  if (!attachments.success) throw inconsistent('attachments.json does not fit its format');
  need(CONTENT_PATHS.forms, ROLES.formIndex);
  const forms = FormsDoc.safeParse(await readJson(fileOf(CONTENT_PATHS.forms), 'forms.json'));
  if (!forms.success) throw inconsistent('forms.json does not fit its format');

  const records = new Set(RECORD_KINDS.flatMap((kind) => (archive[kind] as AnyRecord[]).map((r) => r.id)));
  const ids = new Set<string>();
  for (const a of attachments.data.attachments) {
    const f = need(a.path, ROLES.attachment);
    if (f.sha256 !== a.sha256 || f.mediaType !== a.mediaType) throw inconsistent(`${a.path} is described otherwise`);
    if (ids.has(a.id)) throw inconsistent(`attachment ${a.id} appears twice`);
    ids.add(a.id);
    for (const l of a.links) {
      if (l.recordId !== null && !records.has(l.recordId)) throw inconsistent(`a link names no record ${l.recordId}`);
      if (l.slot === null && l.recordId === null) throw inconsistent(`a link of ${a.id} names nothing`);
      if (l.page !== null && l.page > a.pages) throw inconsistent(`a link of ${a.id} names page ${l.page}`);
    }
  }
  const keys = new Set<string>();
  for (const o of forms.data.files) {
    const f = need(o.path, o.key.startsWith('material:') ? ROLES.material : ROLES.form);
    if (f.sha256 !== o.sha256 || keys.has(o.key)) throw inconsistent(`${o.path} is described otherwise`);
    keys.add(o.key);
  }

  let params: Partial<Params2020> | null = null;
  if (listed.get(CONTENT_PATHS.eligibility)?.role === ROLES.eligibility) {
    const doc = EligibilityDoc.safeParse(await readJson(fileOf(CONTENT_PATHS.eligibility), 'eligibility.json'));
    if (!doc.success) throw inconsistent('eligibility.json does not fit its format');
    // Parameters of this rule pack only, and only the ones this version knows.
    if (doc.data.packId === PACK_2020.id) {
      params = Object.fromEntries(
        Object.entries(doc.data.params).filter(([k]) => k in DEFAULT_PARAMS_2020),
      ) as Partial<Params2020>;
    }
  }
  let postInfo: PostInfo | null = null;
  if (listed.get(CONTENT_PATHS.postInfo)?.role === ROLES.postInfo) {
    const parsed = PostInfo.safeParse(await readJson(fileOf(CONTENT_PATHS.postInfo), 'post-info.json'));
    if (!parsed.success) throw inconsistent('post-info.json does not fit its format');
    postInfo = parsed.data;
  }
  const sizeOf = (p: string) => listed.get(p)!.size;
  return {
    archive,
    attachments: attachments.data.attachments,
    outputs: forms.data.files,
    params,
    postInfo,
    fileOf,
    sizeOf,
  };
}

/** Store files (hash-checked), the package file into packages/, then the one transaction. */
async function store(
  w: Workspace,
  v: Verified,
  decision: Exclude<Decision, { kind: 'unchanged' | 'hold' | 'held' }>,
  content: Content,
  pkg: { source: string; sha256: string; size: number },
  job: JobContext,
  {
    acceptKey,
    unitKey,
    reviewer,
  }: { acceptKey?: AcceptKey | undefined; unitKey: string | null; reviewer?: ReviewerRules | undefined },
): Promise<string> {
  const wanted = new Map<string, { path: string; name: string }>();
  if (decision.kind !== 'levels') {
    for (const a of content.attachments) wanted.set(a.sha256, { path: a.path, name: a.fileName });
    for (const o of content.outputs) wanted.set(o.sha256, { path: o.path, name: o.fileName });
  }
  const added: string[] = [];
  let moved: string | null = null;
  let oldHashes: string[] = [];
  try {
    let i = 0;
    for (const [sha256, { path: p, name }] of wanted) {
      throwIfCancelled(job.signal);
      job.progress(i++, wanted.size, { zh: `正在存入：${name}`, en: `Storing: ${name}` });
      const staged = await stage(w.store, createReadStream(content.fileOf(p), { highWaterMark: BLOCK_BYTES }), {
        fileName: name,
        maxBytes: Number.MAX_SAFE_INTEGER,
      });
      if (staged.sha256 !== sha256) {
        await discard(staged);
        throw inconsistent(`${p} changed after it was checked`);
      }
      if ((await commit(w.store, staged)).isNew) added.push(sha256);
    }
    throwIfCancelled(job.signal);

    const top = v.top;
    const self = { packageId: v.l1.packageId, revision: v.l1.revision, level: top.level };
    const fileName = uniqueFileName(
      w,
      packageFileName(content.archive.profile.name, self.packageId, self.revision, self.level),
      self,
      (row) => row.manifest_sha256 === top.manifestSha256,
    );
    const dir = packagesDir(w.dataDir);
    await mkdirPrivate(dir);
    const final = path.join(dir, fileName);
    if (await stat(final).catch(() => null)) {
      // A file no row names any more (its archive was deleted): the very same bytes are reused as they are.
      if ((await hashFile(final)).sha256 !== pkg.sha256) throw inconsistent(`${fileName} already exists`);
      await rm(pkg.source, { force: true });
    } else {
      await rename(pkg.source, final);
      moved = final;
      await syncDir(dir);
    }

    const row: Omit<PackageRow, 'applicant_id'> = {
      file_name: fileName,
      package_id: self.packageId,
      revision: self.revision,
      level: self.level,
      sha256: pkg.sha256,
      size: pkg.size,
      manifest_sha256: top.manifestSha256,
      l1_manifest_sha256: v.levels[0]!.manifestSha256!,
      l1_signer: v.levels[0]!.fingerprint!,
      supersedes: v.l1.supersedes ? JSON.stringify(v.l1.supersedes) : null,
      direction: 'imported',
      created_at: new Date().toISOString(),
    };
    let applicantId = '';
    w.db.transaction(() => {
      // The workspace may have changed while the files were checked: decided again, inside the transaction.
      const now = decide(w, v, acceptKey, reviewer);
      if (now.kind !== decision.kind) throw inconsistent('the workspace changed during the import');
      if (isUnitWorkspace(w)) checkUnitContent(w, v, content);
      reviewer?.check(reviewedContent(v, content));
      // The unit key confirmed for this import is trusted from now on, with the level it signed.
      if (unitKey !== null) setTrustedUnitKey(w.db, unitKey);
      if (now.kind === 'levels') {
        applicantId = now.applicantId;
        putPackageRow(w.db, { ...row, applicant_id: applicantId });
        if (isUnitWorkspace(w) && top.level === 3) {
          const p = deskReturnPackage(v);
          applyDeskReturn(w, applicantId, p.revision, readDeskReturn(content.fileOf, p));
        }
        return;
      }
      applicantId = now.kind === 'replace' ? now.applicantId : randomUUID();
      if (now.kind === 'replace') oldHashes = clearApplicant(w, applicantId);
      writeApplicant(w, applicantId, now.kind === 'new', content, v);
      putPackageRow(w.db, { ...row, applicant_id: applicantId });
      acceptKey?.commit(applicantId);
      reviewer?.commit(applicantId, reviewedContent(v, content), now.kind);
    })();
    // The old archive's files that nothing names any more.
    for (const sha of oldHashes) {
      if (!wanted.has(sha) && !isStoredHashUsed(w.db, sha)) await rm(storedPath(w.store, sha), { force: true });
    }
    return applicantId;
  } catch (e) {
    if (moved) await rm(moved, { force: true });
    for (const sha of added) {
      if (!isStoredHashUsed(w.db, sha)) await rm(storedPath(w.store, sha), { force: true });
    }
    throw e;
  }
}

const reviewedContent = (v: Verified, content: Content): ReviewedContent => ({
  archive: content.archive,
  levels: v.levels,
  fileOf: content.fileOf,
});

/** Removes an applicant's archive, attachments and generated rows (not the row itself); returns their hashes. */
function clearApplicant(w: Workspace, applicantId: string): string[] {
  const hashes = w.db
    .prepare<{ applicantId: string }, { sha256: string }>(
      `SELECT sha256 FROM attachment WHERE applicant_id = @applicantId
       UNION SELECT sha256 FROM generated_file WHERE applicant_id = @applicantId`,
    )
    .all({ applicantId })
    .map((r) => r.sha256);
  // One statement per table: edited versions name their originals, and are removed together with them.
  for (const table of ['attachment', 'generated_file', 'record', 'section']) {
    w.db.prepare(`DELETE FROM ${table} WHERE applicant_id = @applicantId`).run({ applicantId });
  }
  return hashes;
}

function writeApplicant(w: Workspace, applicantId: string, isNew: boolean, content: Content, v: Verified): void {
  const db = w.db;
  const at = new Date().toISOString();
  const doc = content.archive;
  const many = holdsMany(w);
  // attachment.id is a global key: two applicants' workspaces may have made the same ids. An applicant's
  // own workspace keeps them (the round trip gives the same package again).
  const idOf = new Map(content.attachments.map((a) => [a.id, many ? randomUUID() : a.id]));
  if (isNew) archiveRepo.insertApplicant(db, applicantId, at);
  else archiveRepo.touchApplicant(db, applicantId, at);
  for (const name of SECTION_NAMES) {
    archiveRepo.upsertSection(db, applicantId, name, JSON.stringify(doc[name] ?? emptySections()[name]), at);
  }
  for (const kind of RECORD_KINDS) {
    (doc[kind] as AnyRecord[]).forEach((record, position) => {
      archiveRepo.insertRecord(db, {
        id: record.id,
        applicantId,
        kind,
        position,
        data: JSON.stringify(record),
        now: at,
      });
    });
  }
  for (const a of content.attachments) {
    attachmentRepo.insertAttachment(db, {
      id: idOf.get(a.id)!,
      applicant_id: applicantId,
      sha256: a.sha256,
      file_name: a.fileName,
      media_type: a.mediaType,
      bytes: content.sizeOf(a.path),
      pages: a.pages,
      width: a.width,
      height: a.height,
      scan_dpi: a.scanDpi ?? null,
      derived_from: null,
      operation: null,
      created_at: a.createdAt,
    });
    for (const l of a.links) {
      attachmentRepo.insertLink(db, {
        id: randomUUID(),
        attachment_id: idOf.get(a.id)!,
        applicant_id: applicantId,
        record_id: l.recordId,
        slot: l.slot,
        page: l.page,
        created_at: at,
      });
    }
  }
  for (const o of content.outputs) {
    putGenerated(db, applicantId, {
      key: o.key,
      fileName: o.fileName,
      sha256: o.sha256,
      size: content.sizeOf(o.path),
      pages: o.pages,
      archiveSha256: o.archiveSha256,
      inputSha256: o.inputSha256,
      createdAt: at,
      missingCharacters: o.missingCharacters,
      notes: o.notes,
    });
  }
  setApplicantPackageId(db, applicantId, v.l1.packageId);
  if (many) {
    // The unit checks with its own parameters and fills its own F-4; a new revision is reviewed afresh. The
    // desk's rows are its own (ReviewerRules.commit).
    if (isUnitWorkspace(w)) resetUnitReview(db, { applicantId, revision: v.l1.revision, at });
    return;
  }
  const who = `package ${v.l1.packageId} r${v.l1.revision}`;
  if (content.params) setParams(db, { params: content.params, who });
  if (content.postInfo) setPostInfo(db, content.postInfo);
}
