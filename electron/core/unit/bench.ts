// The unit's side of `npm run bench` (issue 7, "Speed"): importing 100 applicants' packages of ~20 MB, the
// applicant table with 1,000 applicants, checking all 1,000. Each step is meant to run in a fresh child
// process (scripts/bench.mjs) so that its peak RSS is its own; the caller measures the baselines in the
// same run (`cp` of the same package files; reading and parsing the same rows) and prints ratios.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import { DEFAULT_PARAMS_2020 } from '../../../shared/rules/pack2020/index.js';
import { computeMaterials } from '../../../shared/materials/requirements.js';
import { createApplicant } from '../archiveService.js';
import { backupAfterWork } from '../backup/after.js';
import { autoBackup } from '../backup/auto.js';
import { createWorkspaceKey } from '../package/keyService.js';
import { folderUsage } from '../paths.js';
import { waitForJob } from '../jobs.js';
import { localToday } from '../clock.js';
import { fingerprint, generateKeyPair, publicKeyToPem } from '../package/sm2.js';
import { checkApplicant } from '../rulesService.js';
import { closeWorkspace, openWorkspace, readSampleJson, type Workspace } from '../workspace.js';
import { startFolderImport } from './intake.js';
import { publicize, recordObjection } from './publicity.js';
import { markMaterial, neededMaterials, setOpinion, setStatus } from './reviewService.js';
import { startSubmit } from './submit.js';
import { setMode } from './mode.js';
import { setUnitProfile } from './profile.js';
import { personArchive, syntheticJpeg, writeSyntheticPackage, type SyntheticScan } from './syntheticPackage.js';
import { unitApplicants } from './table.js';
import { setDeskProfile } from '../desk/profile.js';
import { deskApplicants } from '../desk/table.js';

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

function newKey() {
  const pair = generateKeyPair();
  return { ...pair, publicKeyPem: publicKeyToPem(pair.publicKeyHex), fingerprint: fingerprint(pair.publicKeyHex) };
}

/** A unit's workspace with the sample's unit as its profile. */
export function openUnitWorkspace(dataDir: string): Workspace {
  const w = openWorkspace(dataDir);
  setMode(w, 'unit');
  const sample = JSON.parse(readSampleJson()) as ArchiveDocument;
  setUnitProfile(w, sample.unit);
  return w;
}

/** The slots and records person n's archive asks proofs for (the materials view's missing items). */
const neededItems = (archive: ArchiveDocument) =>
  computeMaterials(archive, [], DEFAULT_PARAMS_2020).flatMap((m) => m.items.filter((i) => i.status === 'missing'));

/**
 * `count` packages of distinct applicants into `outDir`, each ~`megabytes` MB of scans that are real JPEGs
 * with random comments of their own (so that the store's dedupe cannot flatter the import, and the content
 * check lets them in), one scan per item the archive needs.
 */
export async function prepareIntakeBench(
  outDir: string,
  count: number,
  megabytes: number,
): Promise<{ files: number; bytes: number }> {
  mkdirSync(outDir, { recursive: true });
  const scratch = path.join(outDir, '.scans');
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    mkdirSync(scratch, { recursive: true });
    const archive = personArchive(n);
    const items = neededItems(archive);
    const each = Math.ceil((megabytes * 1e6) / items.length);
    const scans: SyntheticScan[] = [];
    for (const [i, item] of items.entries()) {
      const file = path.join(scratch, `${i}.jpg`);
      const jpeg = await syntheticJpeg(each);
      writeFileSync(file, jpeg);
      bytes += jpeg.length;
      scans.push({
        source: { kind: 'file', path: file },
        fileName: `scan-${i + 1}.jpg`,
        mediaType: 'image/jpeg',
        slot: item.slot,
        recordId: item.recordId,
      });
    }
    await writeSyntheticPackage({
      out: path.join(outDir, `申报包-申报人${n}-r1.zcpkg`),
      archive,
      scans,
      key: newKey(),
      packageId: `pkg-bench-${n}`,
      revision: 1,
    });
    rmSync(scratch, { recursive: true, force: true });
  }
  return { files: count, bytes };
}

/** Imports every package of `folder` into a new unit workspace: one batch job, as the app runs it. */
export async function benchIntake(
  dataDir: string,
  folder: string,
): Promise<{ ms: number; imported: number; refused: number; maxRssMb: number }> {
  const w = openUnitWorkspace(dataDir);
  try {
    const t = performance.now();
    const { jobId } = await startFolderImport(w, folder);
    const status = await waitForJob(jobId);
    const ms = performance.now() - t;
    const results = status.unitImport ?? [];
    return {
      ms,
      imported: results.filter((r) => r.status === 'imported').length,
      refused: results.filter((r) => r.status === 'refused').length,
      maxRssMb: maxRssMb(),
    };
  } finally {
    closeWorkspace(w);
  }
}

/** A city bureau's desk (issue 17), the sample's city. */
function openDeskWorkspace(dataDir: string): Workspace {
  const w = openWorkspace(dataDir);
  setDeskProfile(w, {
    kind: 'city_bureau',
    name: '衢州市经济和信息化局',
    city: '衢州市',
    department: '',
    responsible: '王建国',
  });
  return w;
}

/**
 * A unit's workspace of `count` applicants as the intake leaves it (or, for `desk`, a reviewing desk's as
 * receiving 20 units' batches leaves it: a desk row and the unit's publicity per applicant, level-2 rows): varied archives (as the rules bench
 * varies them), attachments linked to what each needs (a few left out), package rows, a review row each,
 * a publicity for a tenth of them and a few shared scans. Rows only: the table never reads the files.
 */
export function prepareTableBench(dataDir: string, count: number, kind: 'unit' | 'desk' = 'unit'): void {
  const w = kind === 'unit' ? openUnitWorkspace(dataDir) : openDeskWorkspace(dataDir);
  const db = w.db;
  const at = new Date().toISOString();
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const attachment = db.prepare(
    `INSERT INTO attachment (id, applicant_id, sha256, file_name, media_type, bytes, pages, created_at)
     VALUES (@id, @applicantId, @sha256, @fileName, 'image/jpeg', 1000000, 1, @at)`,
  );
  const link = db.prepare(
    `INSERT INTO attachment_link (id, attachment_id, applicant_id, record_id, slot, created_at)
     VALUES (@id, @attachmentId, @applicantId, @recordId, @slot, @at)`,
  );
  const pkg = db.prepare(
    `INSERT INTO package_file (file_name, package_id, revision, level, sha256, size, manifest_sha256,
       l1_manifest_sha256, l1_signer, direction, applicant_id, created_at)
     VALUES (@fileName, @packageId, 1, 1, @sha, 20000000, @sha, @sha, @sha, 'imported', @applicantId, @at)`,
  );
  db.transaction(() => {
    db.prepare(
      `INSERT INTO publicity (id, start_date, end_date, working_days, created_at)
                VALUES ('bench', '2020-09-07', '2020-09-11', 5, @at)`,
    ).run({ at });
    for (let n = 0; n < count; n++) {
      const archive = personArchive(n % 450, (a) => {
        a.profile.name = `申报人${n}`;
        a.titles[1]!.obtainedDate = `${2008 + (n % 12)}-${String(1 + (n % 12)).padStart(2, '0')}-15`;
        a.courses.forEach((c, j) => (c.hours = ((n + j) % 40) + 5));
        a.application.exceptional = n % 11 === 0;
        a.unit.type = n % 5 === 0 ? 'public_institution' : 'enterprise';
      });
      const applicantId = createApplicant(db, archive);
      const packageId = `pkg-bench-${n}`;
      db.prepare('UPDATE applicant SET package_id = @packageId WHERE id = @applicantId').run({
        packageId,
        applicantId,
      });
      pkg.run({ fileName: `申报包-申报人${n}-r1.zcpkg`, packageId, sha: sha(packageId), applicantId, at });
      if (kind === 'desk') {
        const unit = `单位${n % 20}`;
        db.prepare(
          `INSERT INTO desk_applicant (applicant_id, unit_key, unit_name, unit_fingerprint, status, deadline, updated_at)
           VALUES (@applicantId, @unit, @unit, @fp, 'to_review', NULL, @at)`,
        ).run({ applicantId, unit, fp: sha(unit), at });
        db.prepare(
          `INSERT INTO desk_unit_publicity (applicant_id, revision, start_date, end_date, outcome)
           VALUES (@applicantId, 1, '2020-09-28', '2020-10-10', 'no_objection')`,
        ).run({ applicantId });
      } else {
        db.prepare(
          `INSERT INTO unit_review (applicant_id, status, revision, updated_at) VALUES (@applicantId, 'pending', 1, @at)`,
        ).run({ applicantId, at });
      }
      if (kind === 'unit' && n % 10 === 0) {
        db.prepare(
          `INSERT INTO publicity_member (publicity_id, applicant_id, outcome) VALUES ('bench', @applicantId, 'pending')`,
        ).run({ applicantId });
      }
      neededItems(archive)
        .slice(n % 4)
        .forEach((item, i) => {
          const id = `a-${n}-${i}`;
          // Every 50th applicant shares a scan with the one before: the table flags both.
          const bytesOf = n % 50 === 1 && i === 0 ? `${n - 1}-0` : `${n}-${i}`;
          attachment.run({ id, applicantId, sha256: sha(bytesOf), fileName: `scan-${i + 1}.jpg`, at });
          link.run({ id: `l-${n}-${i}`, attachmentId: id, applicantId, recordId: item.recordId, slot: item.slot, at });
        });
    }
  })();
  closeWorkspace(w);
}

/** The table (first and warm) and the check of every applicant one by one, in this process. */
export function benchTable(
  dataDir: string,
  kind: 'unit' | 'desk' = 'unit',
): {
  rows: number;
  firstMs: number;
  warmMs: number;
  checkAllMs: number;
  baselineMs: number;
  maxRssMb: number;
} {
  const w = openWorkspace(dataDir);
  try {
    // Baseline: the floor of any table — every section and record read and parsed once.
    let t = performance.now();
    for (const r of w.db.prepare('SELECT data FROM section UNION ALL SELECT data FROM record').all() as {
      data: string;
    }[])
      JSON.parse(r.data);
    const baselineMs = performance.now() - t;
    // The unit's table, or the desk's across units (issue 17): the same row facts, kept between reads.
    const read = () => (kind === 'unit' ? unitApplicants(w) : deskApplicants(w));
    t = performance.now();
    const { rows } = read();
    const firstMs = performance.now() - t;
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      read();
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    const today = localToday();
    t = performance.now();
    for (const row of rows) checkApplicant(w, row.applicantId, today);
    const checkAllMs = performance.now() - t;
    return { rows: rows.length, firstMs, warmMs: warm[1]!, checkAllMs, baselineMs, maxRssMb: maxRssMb() };
  } finally {
    closeWorkspace(w);
  }
}

/** The unit key's passphrase in the footprint bench (a throwaway workspace). */
const BENCH_PASSPHRASE = 'bench passphrase for the unit key';
/** Written for every acceptance and countersignature, in case the gates ask for one (they may not). */
const BENCH_REASON = '基准测试：合成的申报材料，仅用于测量磁盘占用。';

export interface FootprintResult {
  applicants: number;
  /** The package files imported (what the officer received). */
  packageBytes: number;
  databaseBytes: number;
  /** The data folder after intake, review, countersignature and the batch, each file counted once. */
  folderBytes: number;
  byEntry: Record<string, number>;
  /** folderBytes / (packageBytes + databaseBytes). */
  ratio: number;
  batchBytes: number;
  /** Whether the batch was written where asked (outside the data folder) and nowhere in it. */
  batchOutside: boolean;
  /** The automatic backups in <data>/backups/ when measured. */
  backups: number;
  /** The countersignature and the batch (one job), its after-work backup included. */
  submitMs: number;
  /** An after-work backup alone, on the workspace as measured (what the job spends on it). */
  backupMs: number;
  maxRssMb: number;
}

/**
 * Issue 19, "a folder that stays small": the workspace `benchIntake` filled from `packagesFolder` goes
 * through the rest of the unit's work as the app does it — the automatic backup of the day (taken at
 * start), every applicant's materials marked and accepted, one publicity that ends without objection,
 * the countersignature and the batch for the city written to `outDir` (as `--out` or a download would),
 * with the automatic backup that follows — and the data folder is measured, each file counted once.
 */
export async function benchFootprint(
  dataDir: string,
  packagesFolder: string,
  outDir: string,
): Promise<FootprintResult> {
  const w = openWorkspace(dataDir);
  try {
    await autoBackup(w);
    await createWorkspaceKey(w, BENCH_PASSPHRASE);
    const ids = unitApplicants(w).rows.map((r) => r.applicantId);
    for (const applicantId of ids) {
      for (const material of neededMaterials(w, applicantId)) {
        markMaterial(w, { applicantId, material, decision: 'accepted' });
      }
      setOpinion(w, { applicantId, opinion: '申报材料真实完整，同意推荐。' });
      setStatus(w, { applicantId, status: 'accepted', reason: BENCH_REASON });
    }
    // Five working days across National Day 2020 (R-5's own example), then no objection for anyone.
    const { publicity } = publicize(w, { applicantIds: ids, startDate: '2020-09-28' }, '2020-09-25');
    for (const applicantId of ids) {
      recordObjection(w, { publicityId: publicity.id, applicantId, outcome: 'no_objection', note: '' }, '2020-10-12');
    }
    mkdirSync(outDir, { recursive: true });
    const t = performance.now();
    const reasons = Object.fromEntries(ids.map((id) => [id, BENCH_REASON]));
    const { jobId } = await startSubmit(
      w,
      { applicantIds: ids, passphrase: BENCH_PASSPHRASE, reasons },
      { today: '2020-10-12', out: outDir },
    );
    const status = await waitForJob(jobId);
    const submitMs = performance.now() - t;
    if (status.state !== 'done' || !status.batch) {
      throw new Error(`benchFootprint: the submission ended ${status.state}: ${status.error?.message.en ?? ''}`);
    }
    const packageBytes = readdirSync(packagesFolder)
      .filter((f) => f.endsWith('.zcpkg'))
      .reduce((sum, f) => sum + statSync(path.join(packagesFolder, f)).size, 0);
    w.db.pragma('wal_checkpoint(TRUNCATE)');
    const databaseBytes = statSync(path.join(dataDir, 'dossier.sqlite')).size;
    const usage = await folderUsage(dataDir);
    const batchFile = path.join(outDir, status.batch.fileName);
    const b = performance.now();
    await backupAfterWork(w);
    const backupMs = performance.now() - b;
    return {
      applicants: ids.length,
      packageBytes,
      databaseBytes,
      folderBytes: usage.bytes,
      byEntry: usage.byEntry,
      ratio: usage.bytes / (packageBytes + databaseBytes),
      batchBytes: status.batch.size,
      batchOutside: existsSync(batchFile) && !findFile(dataDir, status.batch.fileName),
      backups: readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('.zcbak')).length,
      submitMs,
      backupMs,
      maxRssMb: maxRssMb(),
    };
  } finally {
    closeWorkspace(w);
  }
}

/** Whether a file of that name is anywhere under `dir`. */
function findFile(dir: string, name: string): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === name) return true;
    if (entry.isDirectory() && findFile(path.join(dir, entry.name), name)) return true;
  }
  return false;
}

/** The line `npm run bench` prints, in its format: the ratio against the target (≤ 2.2×). */
export function formatFootprint(r: FootprintResult): string[] {
  const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
  const parts = Object.entries(r.byEntry)
    .filter(([, n]) => n >= 0.5e6)
    .map(([name, n]) => `${name} ${mb(n)}`)
    .join(', ');
  const target = r.ratio <= FOOTPRINT_TARGET ? 'met' : 'MISSED';
  return [
    `unit footprint: ${r.applicants} packages, ${mb(r.packageBytes)} + database ${mb(r.databaseBytes)}; ` +
      `after intake, review, countersignature and the batch (${mb(r.batchBytes)}, written outside the folder)`,
    `${'unit footprint (folder over packages + database)'.padEnd(44)} ${r.ratio.toFixed(1).padStart(7)}×      ` +
      `${mb(r.folderBytes)}: ${parts}   (target ≤ ${FOOTPRINT_TARGET}×: ${target})`,
    `${'countersign + batch (one job, backup included)'.padEnd(44)} ${r.submitMs.toFixed(0).padStart(9)} ms   ` +
      `the after-work backup alone ${r.backupMs.toFixed(0)} ms (${((100 * r.backupMs) / r.submitMs).toFixed(1)}% of the job)   peak RSS ${r.maxRssMb.toFixed(0)} MB`,
  ];
}

/** Issue 19: each byte at most about twice — the signed package and the content store. */
export const FOOTPRINT_TARGET = 2.2;
