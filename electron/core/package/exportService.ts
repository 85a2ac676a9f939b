// Export (issue 6): the eligibility check, the forms brought up to date, and the applicant's level-1
// package written and signed into `<dataDir>/packages/` — a job with progress and cancel. The content is
// docs/package-format.md, "Level 1: the applicant's content". Deterministic: the same content, key and app
// version give the same manifest and the same bytes, and then the same revision; a new revision only
// when level 1's manifest would differ from the last one written or imported for this package id.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedFile, PackageFile, PrecheckFinding } from '../../../shared/api/contract.js';
import { isCurrentAttachment } from '../../../shared/attachments/current.js';
import { RECORD_KINDS, type ArchiveDocument } from '../../../shared/archive/schema.js';
import { FORMS, type FormId } from '../../../shared/forms/catalog.js';
import { MATERIAL_LABELS } from '../../../shared/materials/requirements.js';
import { summarize } from '../../../shared/rules/verdict.js';
import type { Finding, Report } from '../../../shared/rules/types.js';
import { exportArchiveJson, readArchive, requireApplicant } from '../archiveService.js';
import { listAttachments } from '../attachments/attachmentService.js';
import { requireScansAvailable } from '../attachments/health.js';
import { storedPath } from '../attachments/store.js';
import { isAlive, mkdirPrivate } from '../durable.js';
import { localToday } from '../clock.js';
import { DossierError } from '../errors.js';
import { getPostInfo } from '../forms/context.js';
import { allOutputKeys, generateOne, listForms } from '../forms/formsService.js';
import { listGenerated } from '../forms/generatedRepo.js';
import { startJob, throwIfCancelled, type JobContext } from '../jobs.js';
import { checkApplicant, getParams } from '../rulesService.js';
import { packagesDir } from '../paths.js';
import { appVersion, type Workspace } from '../workspace.js';
import {
  attachmentPath,
  CONTENT_PATHS,
  JSON_TYPE,
  jsonBytes,
  outputPath,
  ROLES,
  type AttachmentsDoc,
  type EligibilityDoc,
  type FormsDoc,
  type PackageAttachment,
} from './content.js';
import { syncDir } from './fsUtil.js';
import { rememberedJustifications, rememberJustifications, type Justification } from './justifications.js';

export type { Justification } from './justifications.js';
import { keyStatus, unlockWorkspaceKey } from './keyService.js';
import type { SigningKey } from './keyStore.js';
import { buildManifest, type Manifest, type ManifestFile } from './manifest.js';
import { runInPackageWorker } from './packagePool.js';
import {
  findPackageRow,
  getApplicantPackageId,
  putPackageRow,
  rowsOfPackage,
  setApplicantPackageId,
  toPackageFile,
  type PackageRow,
} from './packageRepo.js';
import type { ContentFile, LevelInfo } from './writePackage.js';

// Where the package files go is named in paths.ts, with the data folder's other places.
export { PACKAGES_DIR, packagesDir } from '../paths.js';
export const CREATED_BY_APP = 'dossier';

const toFinding = (f: Finding): PrecheckFinding => ({
  id: f.id,
  ruleId: f.ruleId,
  status: f.status as PrecheckFinding['status'],
  severity: f.severity,
  message: f.message,
  clause: [...f.clause],
});

export interface Precheck {
  /** Every failure (the verdict `fail`): no export until they are fixed. */
  blockers: PrecheckFinding[];
  /**
   * The points a person must judge (the verdict `review`, notes of severity info aside): an export goes on
   * only with a written justification for each. The same findings, the same words, as in 资格检查.
   */
  warnings: PrecheckFinding[];
  /** The reasons given for these same warnings at an earlier export (justifications.ts): offered again. */
  remembered: Justification[];
  report: Report;
}

/** The eligibility check with the workspace's parameters and attachment links, sorted for the export dialog. */
export function precheck(w: Workspace, applicantId: string, applicationDate?: string): Precheck {
  requireApplicant(w.db, applicantId);
  const report = checkApplicant(w, applicantId, localToday(), applicationDate);
  const { failing, toJudge } = summarize(report);
  const known = rememberedJustifications(w.db, applicantId);
  const remembered = toJudge.flatMap((f) => {
    const text = known.get(f.id);
    return text === undefined ? [] : [{ findingId: f.id, text }];
  });
  return { blockers: failing.map(toFinding), warnings: toJudge.map(toFinding), remembered, report };
}

export interface ExportInput {
  applicantId: string;
  passphrase?: string | undefined;
  justifications: Justification[];
  /** The application date the archive is judged as of (the CLI's --today); the parameters' by default. */
  today?: string | undefined;
}

interface CheckedExport {
  report: Report;
  overrides: { findingId: string; justification: string }[];
}

/** Refuses while a blocker fails or a warning has no justification; the overrides that go into the manifest. */
function checkExportable(w: Workspace, input: ExportInput): CheckedExport {
  const { blockers, warnings, report } = precheck(w, input.applicantId, input.today);
  const list = (fs: PrecheckFinding[], lang: 'zh' | 'en') =>
    fs.map((f) => `${f.id}（${f.message[lang]}）`).join(lang === 'zh' ? '；' : '; ');
  const issues = (fs: PrecheckFinding[]) => fs.map((f) => ({ path: f.id, message: f.message }));
  if (blockers.length > 0) {
    throw new DossierError(
      'export_blocked',
      {
        zh: `有 ${blockers.length} 项不符合申报条件，不能导出申报包：${list(blockers, 'zh')}`,
        en: `${blockers.length} requirement(s) fail, so no package can be exported: ${list(blockers, 'en')}`,
      },
      issues(blockers),
    );
  }
  const texts = new Map(input.justifications.map((j) => [j.findingId, j.text.trim()]));
  const unjustified = warnings.filter((f) => !texts.get(f.id));
  if (unjustified.length > 0) {
    throw new DossierError(
      'justification_needed',
      {
        zh: `以下 ${unjustified.length} 项警告需要书面说明理由后才能导出：${list(unjustified, 'zh')}`,
        en: `${unjustified.length} warning(s) need a written justification before the export: ${list(unjustified, 'en')}`,
      },
      issues(unjustified),
    );
  }
  const overrides = warnings
    .map((f) => ({ findingId: f.id, justification: texts.get(f.id)! }))
    .sort((a, b) => (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));
  return { report, overrides };
}

/**
 * Starts an export: refused at once while a blocker fails, a warning lacks its justification, or there is
 * no key (or no passphrase for it); then a job: unlock the key, regenerate what is missing or out of date,
 * collect, write and sign, record. The job's result is the package file (JobStatus.package).
 */
export async function startExport(w: Workspace, input: ExportInput): Promise<{ jobId: string }> {
  checkExportable(w, input);
  const status = await keyStatus(w);
  if (!status.exists || (status.protection === 'passphrase' && !input.passphrase)) {
    await unlockWorkspaceKey(w, input.passphrase); // throws the refusal that applies
  }
  return { jobId: startJob((job) => runExport(w, input, job)) };
}

async function runExport(w: Workspace, input: ExportInput, job: JobContext): Promise<void> {
  const { applicantId } = input;
  job.progress(0, 1, { zh: '正在解锁签名密钥', en: 'Unlocking the signing key' });
  const key = await unlockWorkspaceKey(w, input.passphrase);
  throwIfCancelled(job.signal);
  // Every unreadable scan named at once, before any form is made (issue 13).
  const current = listAttachments(w, { applicantId }).attachments.filter(isCurrentAttachment);
  await requireScansAvailable(w, current, { zh: '未写出申报包', en: 'No package was written' });
  const keys = await refreshOutputs(w, applicantId, job);
  throwIfCancelled(job.signal);
  // Checked again: the archive may have changed while the forms were made.
  const { report, overrides } = checkExportable(w, input);
  const content = await collect(w, applicantId, keys, report);
  const plan = planRevision(w, applicantId, content, key, report, overrides);
  const file = await writeAndRecord(w, applicantId, content, plan, key, job);
  // The reasons this package went out with are offered again at the next export.
  rememberJustifications(
    w.db,
    applicantId,
    overrides.map((o) => ({ findingId: o.findingId, text: o.justification })),
  );
  job.setResult({ package: file });
  job.progress(1, 1, { zh: `已导出：${file.fileName}`, en: `Exported: ${file.fileName}` });
}

type OutputKey = ReturnType<typeof allOutputKeys>[number];

function titleOf(key: OutputKey): { zh: string; en: string } {
  if (key.startsWith('material:')) return MATERIAL_LABELS[key.slice(9) as keyof typeof MATERIAL_LABELS];
  return FORMS[key as FormId].title;
}

/** Every output that applies, regenerated when missing or out of date (the forms screen's logic). */
async function refreshOutputs(w: Workspace, applicantId: string, job: JobContext): Promise<OutputKey[]> {
  const keys = allOutputKeys(w, applicantId);
  for (const [i, key] of keys.entries()) {
    throwIfCancelled(job.signal);
    // Asked again per output: the index counts the pages of the files made just before it.
    const { forms, materials } = listForms(w, applicantId);
    const entry = forms.find((f) => f.id === key) ?? materials.find((m) => m.key === key);
    if (entry?.file && !entry.stale) continue;
    const title = titleOf(key);
    job.progress(i, keys.length, { zh: `正在生成：${title.zh}`, en: `Generating: ${title.en}` });
    await generateOne(w, applicantId, key, { signal: job.signal });
  }
  return keys;
}

interface Content {
  files: ContentFile[];
  /** What the manifest will list for them (hashes known beforehand: the store names files by hash). */
  listed: ManifestFile[];
  profileName: string;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function collect(w: Workspace, applicantId: string, keys: OutputKey[], report: Report): Promise<Content> {
  const files: ContentFile[] = [];
  const listed: ManifestFile[] = [];
  const seen = new Set<string>();
  const addBytes = (p: string, bytes: Buffer, role: string, mediaType = JSON_TYPE) => {
    files.push({ path: p, source: { kind: 'bytes', bytes }, mediaType, role });
    listed.push({ path: p, size: bytes.length, mediaType, role, sha256: sha256Of(bytes) });
  };
  const addStored = async (p: string, sha256: string, size: number, role: string, mediaType: string, name: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    const file = storedPath(w.store, sha256);
    const found = await stat(file).catch(() => null);
    if (!found?.isFile() || found.size !== size) {
      throw new DossierError('store_missing', {
        zh: `“${name}”的文件在存储中缺失或已损坏，未写出申报包。请运行完整性检查，并重新添加该文件。`,
        en: `The file of "${name}" is missing from the store or damaged; no package was written. Run the integrity check and add the file again.`,
      });
    }
    files.push({ path: p, source: { kind: 'file', path: file }, mediaType, role });
    listed.push({ path: p, size, mediaType, role, sha256 });
  };

  const archiveDoc = readArchive(w.db, applicantId);
  addBytes(CONTENT_PATHS.archive, Buffer.from(exportArchiveJson(w.db, applicantId).json), ROLES.archive);

  const attachmentsDoc: AttachmentsDoc = { format: 'dossier.attachments', version: 1, attachments: [] };
  for (const { entry, bytes } of currentPackageAttachments(w, applicantId, archiveDoc)) {
    await addStored(entry.path, entry.sha256, bytes, ROLES.attachment, entry.mediaType, entry.fileName);
    attachmentsDoc.attachments.push(entry);
  }
  addBytes(CONTENT_PATHS.attachments, jsonBytes(attachmentsDoc), ROLES.attachmentIndex);

  const generated = new Map<string, GeneratedFile>(listGenerated(w.db, applicantId).map((g) => [g.key, g]));
  const formsDoc: FormsDoc = { format: 'dossier.forms', version: 1, files: [] };
  for (const key of keys) {
    const g = generated.get(key);
    if (!g) throw new Error(`export: ${key} was not generated`);
    const p = outputPath(key, g.fileName);
    const role = key.startsWith('material:') ? ROLES.material : ROLES.form;
    await addStored(p, g.sha256, g.size, role, 'application/pdf', g.fileName);
    formsDoc.files.push({
      key: g.key,
      fileName: g.fileName,
      path: p,
      sha256: g.sha256,
      pages: g.pages,
      archiveSha256: g.archiveSha256,
      inputSha256: g.inputSha256,
      missingCharacters: g.missingCharacters,
      notes: g.notes,
    });
  }
  addBytes(CONTENT_PATHS.forms, jsonBytes(formsDoc), ROLES.formIndex);

  const { today: _today, ...dayless } = report;
  const eligibility: EligibilityDoc = {
    format: 'dossier.eligibility',
    version: 1,
    packId: report.packId,
    params: getParams(w.db),
    report: dayless,
  };
  addBytes(CONTENT_PATHS.eligibility, jsonBytes(eligibility), ROLES.eligibility);
  const postInfo = getPostInfo(w.db);
  if (postInfo) addBytes(CONTENT_PATHS.postInfo, jsonBytes(postInfo), ROLES.postInfo);
  return { files, listed, profileName: archiveDoc.profile.name };
}

interface Plan {
  packageId: string;
  revision: number;
  level1: LevelInfo;
  manifestSha256: string;
  fileName: string;
}

export const newPackageId = () => `pkg-${randomBytes(8).toString('hex')}`;

/**
 * The package id (the applicant's, or a new one) and the revision: the last one's when level 1's manifest
 * comes out the same, else the next one, which names the last package in `supersedes`.
 */
function planRevision(
  w: Workspace,
  applicantId: string,
  content: Content,
  key: SigningKey,
  report: Report,
  overrides: CheckedExport['overrides'],
): Plan {
  const packageId = getApplicantPackageId(w.db, applicantId) ?? newPackageId();
  const rules = {
    packId: report.packId,
    packVersion: report.packVersion,
    packHash: report.packHash,
    asOf: report.asOf,
    counts: report.counts,
    overrides,
  };
  const info = (revision: number, supersedes: Manifest['supersedes']): LevelInfo => ({
    packageId,
    revision,
    createdBy: { app: CREATED_BY_APP, version: appVersion() },
    ...(supersedes ? { supersedes } : {}),
    rules,
  });
  const manifestOf = (level1: LevelInfo) =>
    sha256Of(
      buildManifest({ level: 1, ...level1, signer: { fingerprint: key.fingerprint }, files: content.listed }).bytes,
    );
  const last = rowsOfPackage(w.db, packageId)[0];
  let level1 = info(1, undefined);
  if (last) {
    const again = info(
      last.revision,
      last.supersedes ? (JSON.parse(last.supersedes) as Manifest['supersedes']) : undefined,
    );
    level1 =
      manifestOf(again) === last.l1_manifest_sha256
        ? again
        : info(last.revision + 1, {
            packageId,
            revision: last.revision,
            level: last.level,
            manifestSha256: last.manifest_sha256,
          });
  }
  const fileName = uniqueFileName(w, packageFileName(content.profileName, packageId, level1.revision, 1), {
    packageId,
    revision: level1.revision,
    level: 1,
  });
  return { packageId, revision: level1.revision, level1, manifestSha256: manifestOf(level1), fileName };
}

/** 申报包-<姓名>-r<revision>.zcpkg (-L<n> for a package with a reviewer's level); the package id without a name. */
export function packageFileName(name: string, packageId: string, revision: number, level: number): string {
  const clean = name.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\s.]+/gu, '').slice(0, 40);
  return `申报包-${clean || packageId}-r${revision}${level > 1 ? `-L${level}` : ''}.zcpkg`;
}

/** An ASCII name for the same file, for the Content-Disposition fallback of clients without RFC 6266. */
export function asciiFileName(row: Pick<PackageRow, 'package_id' | 'revision' | 'level'>): string {
  return `${row.package_id}-r${row.revision}${row.level > 1 ? `-L${row.level}` : ''}.zcpkg`;
}

/**
 * The name, unless another package's file already has it (a namesake's): then -2, -3… A file of the same
 * package, revision and level is the same file (an unchanged export written again), unless `isSame` says not.
 */
export function uniqueFileName(
  w: Workspace,
  name: string,
  self: { packageId: string; revision: number; level: number },
  isSame: (row: PackageRow) => boolean = () => true,
): string {
  const taken = (candidate: string) => {
    const row = findPackageRow(w.db, candidate);
    if (!row) return false;
    return (
      row.package_id !== self.packageId || row.revision !== self.revision || row.level !== self.level || !isSame(row)
    );
  };
  const stem = name.replace(/\.zcpkg$/, '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}.zcpkg`;
    if (!taken(candidate)) return candidate;
  }
}

/** Writes (in the worker) beside the target, checks it is what was planned, renames it in, records it. */
async function writeAndRecord(
  w: Workspace,
  applicantId: string,
  content: Content,
  plan: Plan,
  key: SigningKey,
  job: JobContext,
): Promise<PackageFile> {
  const dir = packagesDir(w.dataDir);
  await mkdirPrivate(dir);
  await removeStaleStaging(dir);
  const staging = path.join(dir, `export-${process.pid}-${randomBytes(6).toString('hex')}.partial`);
  const step = { zh: '正在写入并签名申报包', en: 'Writing and signing the package' };
  try {
    const written = await runInPackageWorker(
      { kind: 'write', out: staging, files: content.files, level1: plan.level1, key },
      { signal: job.signal, onProgress: (done, total) => job.progress(done, total, step) },
    );
    // A stored file whose bytes no longer match its name would be signed as it is: refuse instead.
    if (written.manifestSha256 !== plan.manifestSha256) {
      const bad = written.manifest.files.find(
        (f) => content.listed.find((l) => l.path === f.path)?.sha256 !== f.sha256,
      );
      throw new DossierError('store_damaged', {
        zh: `存储中的“${bad?.path ?? '?'}”已损坏（内容与其校验值不符），未写出申报包。请运行完整性检查。`,
        en: `"${bad?.path ?? '?'}" is damaged in the store (its bytes do not match its hash); no package was written. Run the integrity check.`,
      });
    }
    throwIfCancelled(job.signal);
    const check = { zh: '正在计算申报包的校验值', en: 'Computing the package checksum' };
    const { sha256, size } = await runInPackageWorker(
      { kind: 'hash', file: staging },
      { signal: job.signal, onProgress: (done, total) => job.progress(done, total, check) },
    );
    throwIfCancelled(job.signal);
    const row: PackageRow = {
      file_name: plan.fileName,
      package_id: plan.packageId,
      revision: plan.revision,
      level: 1,
      sha256,
      size,
      manifest_sha256: written.manifestSha256,
      l1_manifest_sha256: written.manifestSha256,
      l1_signer: key.fingerprint,
      supersedes: plan.level1.supersedes ? JSON.stringify(plan.level1.supersedes) : null,
      direction: 'exported',
      applicant_id: applicantId,
      created_at: new Date().toISOString(),
    };
    await rename(staging, path.join(dir, plan.fileName));
    await syncDir(dir);
    w.db.transaction(() => {
      if (getApplicantPackageId(w.db, applicantId) === null) setApplicantPackageId(w.db, applicantId, plan.packageId);
      putPackageRow(w.db, row);
    })();
    const recorded = rowsOfPackage(w.db, plan.packageId).find((r) => r.file_name === plan.fileName)!;
    return toPackageFile(recorded);
  } finally {
    await rm(staging, { force: true });
  }
}

/** Staging files of exports that a dead process left behind. */
async function removeStaleStaging(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(/^export-(\d+)-[0-9a-f]+\.partial$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await rm(path.join(dir, name), { force: true });
  }
}

/**
 * The scans a package made now would list (content/attachments.json), with each file's size: only what counts
 * as attached now, and a link to a record no longer in the archive proves nothing. Also what a package made
 * earlier is compared with (staleness.ts).
 */
export function currentPackageAttachments(
  w: Workspace,
  applicantId: string,
  archiveDoc: ArchiveDocument,
): { entry: PackageAttachment; bytes: number }[] {
  const liveRecords = new Set<string>(
    RECORD_KINDS.flatMap((kind) => (archiveDoc[kind] as { id: string }[]).map((r) => r.id)),
  );
  const { attachments } = listAttachments(w, { applicantId });
  return attachments.filter(isCurrentAttachment).map((a) => ({
    bytes: a.bytes,
    entry: {
      id: a.id,
      fileName: a.fileName,
      mediaType: a.mediaType,
      pages: a.pages,
      width: a.width,
      height: a.height,
      ...(a.scanDpi !== null ? { scanDpi: a.scanDpi } : {}),
      createdAt: a.createdAt,
      path: attachmentPath(a.sha256, a.mediaType),
      sha256: a.sha256,
      links: a.links
        .filter((l) => l.recordId === null || liveRecords.has(l.recordId))
        .map((l) => ({ slot: l.slot, recordId: l.recordId, page: l.page })),
    },
  }));
}
