// The unit's level 2 on an applicant's package (N-9: applicant → unit → city; each desk only adds): the
// current level-1 package file held in <data>/packages/, verified again (level 1 signed by the key that
// first signed this package id here), then content/unit/review.json (docs/package-format.md, "Level 2: the
// unit"), content/unit/audit.json when the unit decided against the evidence, and the caller's files added and signed with the unit's key. Used by 退回 (returnPackage.ts,
// decision "returned") and by the countersignature (submit.ts, decision "accepted", with the publicity
// evidence, F-4 and the opinion page). Written beside the target, renamed in, then recorded; on any
// failure or cancel no file is left behind.
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { MATERIAL_IDS } from '../../../shared/materials/requirements.js';
import { AuditDoc, ReviewDoc, type AuditAction } from '../../../shared/unit/schema.js';
import { readArchive } from '../archiveService.js';
import { mkdirPrivate } from '../durable.js';
import { DossierError } from '../errors.js';
import { throwIfCancelled, type JobContext } from '../jobs.js';
import { JSON_TYPE, jsonBytes } from '../package/content.js';
import { CREATED_BY_APP, packageFileName, packagesDir, uniqueFileName } from '../package/exportService.js';
import { localToday } from '../clock.js';
import { syncDir } from '../package/fsUtil.js';
import { unlockWorkspaceKey } from '../package/keyService.js';
import { ADDITION_EXTENSION, keepAsAddition } from '../package/levelAddition.js';
import type { SigningKey } from '../package/keyStore.js';
import { runInPackageWorker } from '../package/packagePool.js';
import { appendedLevelRow, putPackageRow, rowsOfPackage, type PackageRow } from '../package/packageRepo.js';
import { addLevel, type ContentFile } from '../package/writePackage.js';
import { appVersion, type Workspace } from '../workspace.js';
import { listAudit } from './auditRepo.js';
import { requireUnit } from './mode.js';
import { savedUnitProfile } from './profile.js';
import * as repo from './reviewRepo.js';
import { applicantPackageRows, currentRevision } from './revisions.js';

export interface LevelTwoInput {
  applicantId: string;
  decision: 'accepted' | 'returned';
  /** Level-2 files besides content/unit/review.json, which this module writes from the review state. */
  files: ContentFile[];
  passphrase?: string | undefined;
}

/** Where the unit's review goes in level 2, and its role in the manifest. */
export const REVIEW_PATH = 'content/unit/review.json';
export const REVIEW_ROLE = 'review-decision';

/** The current revision's level-1 package file this workspace holds (the bytes the unit adds its level to). */
export async function levelOneRow(w: Workspace, applicantId: string): Promise<PackageRow> {
  const revision = currentRevision(w, applicantId);
  const row = applicantPackageRows(w, applicantId).find((r) => r.revision === revision && r.level === 1);
  const found = row ? await stat(path.join(packagesDir(w.dataDir), row.file_name)).catch(() => null) : null;
  if (!row || !found?.isFile()) {
    throw new DossierError('no_level_one', {
      zh: `工作区中没有此申报人第 ${revision} 版的申报包文件（第 1 级），无法添加单位签名。请重新导入其申报包。`,
      en: `The workspace holds no level-1 package file of this applicant's revision ${revision}; the unit's level cannot be added. Import their package again.`,
    });
  }
  return row;
}

/** The unit's name and credit code as review.json carries them; refused while they are not entered. */
export function unitIdentity(w: Workspace): { name: string; creditCode: string } {
  const profile = savedUnitProfile(w);
  const name = profile?.name.trim() ?? '';
  const creditCode = profile?.creditCode.trim() ?? '';
  if (!name || !creditCode) {
    const missing = [!name ? ['单位名称', 'unit name'] : null, !creditCode ? ['统一社会信用代码', 'credit code'] : null]
      .filter((m): m is string[] => m !== null)
      .map(([zh, en]) => ({ zh: zh!, en: en! }));
    throw new DossierError(
      'unit_profile_missing',
      {
        zh: `请先在单位信息中填写${missing.map((m) => m.zh).join('和')}：单位签名的审核意见要写明单位。未写出任何文件。`,
        en: `Enter the ${missing.map((m) => m.en).join(' and ')} in the unit's data first: the review the unit signs names the unit. Nothing was written.`,
      },
      missing.map((m) => ({ path: m.en === 'unit name' ? 'unit.name' : 'unit.creditCode', message: m })),
    );
  }
  return { name, creditCode };
}

/** content/unit/review.json from the review state of the current revision. */
export function buildReviewDoc(
  w: Workspace,
  applicantId: string,
  decision: LevelTwoInput['decision'],
  key: Pick<SigningKey, 'fingerprint'>,
): ReviewDoc {
  const revision = currentRevision(w, applicantId);
  const marks = repo.materialMarks(w.db, applicantId, revision);
  return ReviewDoc.parse({
    format: 'dossier.review',
    version: 1,
    decision,
    unit: unitIdentity(w),
    unitFingerprint: key.fingerprint,
    opinion: repo.reviewState(w.db, applicantId, revision).opinion,
    reviewedOn: localToday(),
    materials: MATERIAL_IDS.map((material) => ({ material, decision: marks.get(material) ?? null })),
    comments: repo.listComments(w.db, applicantId, revision).map(({ revision: _revision, ...comment }) => comment),
  });
}

/** Where level 2 carries the unit's decisions against the evidence (issue 19), and its role. */
export const AUDIT_PATH = 'content/unit/audit.json';
export const AUDIT_ROLE = 'audit-trail';

/**
 * content/unit/audit.json: the audit events of the current revision that the next desk must read with the
 * decision — acceptance or countersignature despite failures or missing proofs, a new applicant key, a
 * replacement. Publicity corrections stay in the unit (they are about the unit's notice, not the person).
 * Absent when there is nothing to say, so that ordinary packages stay as they were.
 */
function auditFiles(w: Workspace, applicantId: string): ContentFile[] {
  const revision = currentRevision(w, applicantId);
  const events = listAudit(w.db, { applicantId, revision }).filter((e) => CARRIED.has(e.action));
  if (events.length === 0) return [];
  const doc = AuditDoc.parse({
    format: 'dossier.audit',
    version: 1,
    events: events.map(({ action, reason, detail, at }) => ({ action, reason, detail, at })),
  });
  return [
    { path: AUDIT_PATH, source: { kind: 'bytes', bytes: jsonBytes(doc) }, mediaType: JSON_TYPE, role: AUDIT_ROLE },
  ];
}

const CARRIED: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'accepted-despite',
  'countersigned-despite',
  'applicant-key-accepted',
  'batch-replacement',
]);

/**
 * Adds level 2 (signed with the unit's key) to the applicant's current level-1 package held here, writes it
 * atomically into <data>/packages/ and records its package_file row (direction "exported"); returns the row.
 */
export async function writeLevelTwo(w: Workspace, input: LevelTwoInput, job: JobContext): Promise<PackageRow> {
  requireUnit(w);
  const { applicantId } = input;
  if (input.files.some((f) => f.path === REVIEW_PATH)) throw new Error(`writeLevelTwo: ${REVIEW_PATH} is written here`);
  const source = await levelOneRow(w, applicantId);
  unitIdentity(w);
  job.progress(0, 1, { zh: '正在解锁单位签名密钥', en: "Unlocking the unit's signing key" });
  const key = await unlockWorkspaceKey(w, input.passphrase);
  throwIfCancelled(job.signal);
  const review = buildReviewDoc(w, applicantId, input.decision, key);
  const files: ContentFile[] = [
    {
      path: REVIEW_PATH,
      source: { kind: 'bytes', bytes: jsonBytes(review) },
      mediaType: JSON_TYPE,
      role: REVIEW_ROLE,
    },
    ...input.files,
    ...auditFiles(w, applicantId),
  ];

  const dir = packagesDir(w.dataDir);
  await mkdirPrivate(dir);
  // The export's staging name: a crash leaves a file that the next export's clean-up removes.
  const staging = path.join(dir, `export-${process.pid}-${randomBytes(6).toString('hex')}.partial`);
  const step = { zh: '正在验证并添加单位签名', en: "Verifying and adding the unit's signature" };
  let created: string | null = null;
  try {
    const written = await addLevel(path.join(dir, source.file_name), staging, {
      files,
      key,
      createdBy: { app: CREATED_BY_APP, version: appVersion() },
      level: 2,
      expectFingerprints: { 1: source.l1_signer },
      signal: job.signal,
      onProgress: (done, total) => job.progress(done, total, step),
    });
    throwIfCancelled(job.signal);
    const check = { zh: '正在计算申报包的校验值', en: 'Computing the package checksum' };
    const { sha256, size } = await runInPackageWorker(
      { kind: 'hash', file: staging },
      { signal: job.signal, onProgress: (done, total) => job.progress(done, total, check) },
    );
    throwIfCancelled(job.signal);
    const self = { packageId: source.package_id, revision: source.revision, level: 2 };
    const name = readArchive(w.db, applicantId).profile.name;
    // A second level 2 of one revision (returned, reopened, then accepted) keeps the first file: only the
    // very same manifest written again is the same file.
    const fileName = uniqueFileName(
      w,
      // A return says so in its name: it must not be taken for the countersigned package passed upwards.
      input.decision === 'returned'
        ? packageFileName(name, self.packageId, self.revision, 2).replace(/\.zcpkg$/, '-退回.zcpkg')
        : packageFileName(name, self.packageId, self.revision, 2),
      self,
      (r) => r.manifest_sha256 === written.manifestSha256,
    );
    const final = path.join(dir, fileName);
    const added = `${final}${ADDITION_EXTENSION}`;
    const existed = (await stat(final).catch(() => null)) !== null || (await stat(added).catch(() => null)) !== null;
    const row = appendedLevelRow(source, {
      fileName,
      level: 2,
      sha256,
      size,
      manifestSha256: written.manifestSha256,
      applicantId,
    });
    // Countersigned, it is kept as level 1 plus the unit's addition, rebuilt when read (issue 19: each
    // byte at most about twice); a return stays whole, as it is handed back.
    const asAddition =
      input.decision === 'accepted' && (await keepAsAddition(w, source, staging, final, sha256).catch(() => false));
    if (!asAddition) await rename(staging, final);
    // The same manifest written again is the same file: the other form of it, if any, is not kept.
    await rm(asAddition ? final : added, { force: true });
    if (!existed) created = asAddition ? added : final;
    await syncDir(dir);
    putPackageRow(w.db, row);
    created = null;
    return rowsOfPackage(w.db, self.packageId).find((r) => r.file_name === fileName)!;
  } finally {
    await rm(staging, { force: true });
    // Renamed in but not recorded: a file no row names would only be in the way of the next one.
    if (created) await rm(created, { force: true });
  }
}
