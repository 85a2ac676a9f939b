// The unit's intake (issue 7) on real workspaces and real package files: the unit's profile, the batch
// import (a folder with good packages and bad ones; each verified, all or nothing on its own), the unit's
// rules (its own applicants, level 1 only, one package per person, one content per revision), a newer
// revision replacing in place with its history kept, cancel mid-batch, the applicant table (eligibility,
// materials, publicity, duplicate scans and papers) and the `dossier unit-import | unit-profile` commands.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/contract.js';
import { computeMaterials } from '../../shared/materials/requirements.js';
import type { UnitImportResult } from '../../shared/unit/schema.js';
import { listAttachments } from '../../electron/core/attachments/attachmentService.js';
import { listStored, realIo, type StoreIo } from '../../electron/core/attachments/store.js';
import { readArchive } from '../../electron/core/archiveService.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { cancelJob, jobStatus, waitForJob } from '../../electron/core/jobs.js';
import { localToday } from '../../electron/core/clock.js';
import { startImport } from '../../electron/core/package/importService.js';
import { addLevel } from '../../electron/core/package/writePackage.js';
import { receiveUpload, registerPath } from '../../electron/core/package/uploads.js';
import { runPack } from '../../shared/rules/engine.js';
import { PACK_2020 } from '../../shared/rules/pack2020/index.js';
import { summarize } from '../../shared/rules/verdict.js';
import { checkApplicant, getParams, linksOf, setParams } from '../../electron/core/rulesService.js';
import { newestPublicityPeriods, withPublicity } from '../../electron/core/unit/unitParams.js';
import { startFolderImport, startUnitImport } from '../../electron/core/unit/intake.js';
import { getUnitProfile, setUnitProfile } from '../../electron/core/unit/profile.js';
import { unitApplicantRow, unitApplicants } from '../../electron/core/unit/table.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { exportOk, filesIn, readyWorkspace, workspaceIn } from '../helpers/exportFixtures.js';
import { createdBy, makeKey, readEntries, rebuild, replace, unitFiles } from '../helpers/packageFixtures.js';
import {
  OTHER_UNIT,
  personArchive,
  scansFor,
  UNIT,
  unitWorkspace,
  writePerson,
  type PersonPackage,
} from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

/** One real export of the sample applicant (it takes seconds: every form is made), shared by the file. */
let shared: string;
let exported: { file: string; packageId: string };
beforeAll(async () => {
  shared = mkdtempSync(path.join(os.tmpdir(), 'dossier-intake-'));
  const { w, applicantId } = await readyWorkspace({ dir: path.join(shared, 'applicant') });
  const pkg = await exportOk(w, applicantId);
  const file = path.join(shared, pkg.fileName);
  copyFileSync(pkg.path, file);
  exported = { file, packageId: pkg.packageId };
}, 90_000);
afterAll(() => rmSync(shared, { recursive: true, force: true }));

const count = (w: Workspace, table: string) =>
  (w.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function importFiles(w: Workspace, files: string[]): Promise<JobStatus> {
  const ids: string[] = [];
  for (const f of files) ids.push((await receiveUpload(w, [readFileSync(f)], { fileName: path.basename(f) })).uploadId);
  const { jobId } = await startUnitImport(w, ids);
  return waitForJob(jobId);
}

async function importOne(w: Workspace, file: string): Promise<UnitImportResult> {
  const status = await importFiles(w, [file]);
  expect(status.state).toBe('done');
  return status.unitImport![0]!;
}

/** Nothing half imported: every stored file is named by a row, no temp file, no upload, one file per package row. */
function expectConsistent(w: Workspace): void {
  const named = new Set(
    (
      w.db.prepare('SELECT sha256 FROM attachment UNION SELECT sha256 FROM generated_file').all() as {
        sha256: string;
      }[]
    ).map((r) => r.sha256),
  );
  expect(listStored(w.store).hashes.sort()).toEqual([...named].sort());
  expect(filesIn(path.join(w.store.dir, 'tmp'))).toEqual([]);
  expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
  const rows = (w.db.prepare('SELECT file_name FROM package_file').all() as { file_name: string }[]).map(
    (r) => r.file_name,
  );
  expect(filesIn(path.join(w.dataDir, 'packages'))).toEqual(rows.sort());
}

describe("the unit's profile", () => {
  it('is saved in a unit workspace, with every missing or invalid field named in both languages', async () => {
    const w = unitWorkspace({ profile: null });
    expect(getUnitProfile(w)).toEqual({ profile: null, problems: [], archiveTypes: [] });
    const { problems } = setUnitProfile(w, {
      name: ' ',
      creditCode: '91330800MA28F3K64X',
      type: '',
      competentDepartment: '',
      personnelAgency: '',
      city: '',
    });
    expect(problems.map((p) => p.path)).toEqual([
      'unit.name',
      'unit.creditCode',
      'unit.type',
      'unit.competentDepartment',
    ]);
    expect(problems[1]!.message.zh).toContain('统一社会信用代码');
    expect(problems[1]!.message.en).toContain('expected R');
    expect(problems[3]!.message.zh).toContain('N-9');
    expect(setUnitProfile(w, UNIT).problems).toEqual([]);
    expect(getUnitProfile(w)).toEqual({ profile: UNIT, problems: [], archiveTypes: [] });
    // Refused through the contract when it does not fit the schema; the saved one stays.
    const bad = await dispatch(w, 'unit:set', { profile: { ...UNIT, type: 'company' } } as never);
    expect(bad).toMatchObject({ ok: false });
    expect(getUnitProfile(w).profile).toEqual(UNIT);
  });

  it("every unit:* method refuses an applicant's workspace", async () => {
    const w = workspaceIn();
    const folder = tempDir();
    const calls = [
      dispatch(w, 'unit:get', {}),
      dispatch(w, 'unit:set', { profile: UNIT }),
      dispatch(w, 'unit:applicants', {}),
      dispatch(w, 'unit:importFolder', { path: folder }),
      dispatch(w, 'unit:import', { uploadIds: ['x'] }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res).toMatchObject({ ok: false, error: { code: 'not_unit_workspace' } });
    }
    expect(count(w, 'setting')).toBe(0);
  });
});

describe('batch import', () => {
  it('a folder of good packages and a tampered one: the good ones imported, the bad one refused with its reason', async () => {
    const w = unitWorkspace();
    const folder = tempDir();
    const src = tempDir();
    const people = [await writePerson(folder, 1), await writePerson(folder, 2)];
    copyFileSync(exported.file, path.join(folder, 'SAMPLE.ZCPKG'));
    // A scan of person 3 changed after signing.
    const good = await writePerson(src, 3);
    const scanPath = (await readSignedPaths(good.file)).find((p) => p.startsWith('content/attachments/'))!;
    await rebuild(good.file, path.join(folder, 'tampered.zcpkg'), (e) =>
      replace(e, scanPath, Buffer.from('not the signed bytes')),
    );
    writeFileSync(path.join(folder, 'notes.txt'), 'not a package');
    mkdirSync(path.join(folder, 'sub'));
    await writePerson(path.join(folder, 'sub'), 4); // not recursed into

    const { jobId } = await startFolderImport(w, folder);
    const status = await waitForJob(jobId);
    expect(status.state).toBe('done');
    const results = status.unitImport!;
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['SAMPLE.ZCPKG', 'imported'],
      ['tampered.zcpkg', 'refused'],
      [path.basename(people[0]!.file), 'imported'],
      [path.basename(people[1]!.file), 'imported'],
    ]);
    const refused = results[1]!;
    expect(refused).toMatchObject({ applicantId: null, name: null, revision: null });
    expect(refused.reason!.zh).toContain('未通过验证');
    expect(refused.reason!.en).toContain('does not verify');
    expect(results[0]).toMatchObject({ name: '吴𠮷喆', revision: 1, reason: null });
    expect(results[2]).toMatchObject({ name: '申报人1', revision: 1 });
    expect(count(w, 'applicant')).toBe(3);
    expect(count(w, 'unit_review')).toBe(3);
    expect(w.db.prepare('SELECT DISTINCT status, revision FROM unit_review').all()).toEqual([
      { status: 'pending', revision: 1 },
    ]);
    expectConsistent(w);
    // The user's files are read where they are, never moved or changed.
    expect(filesIn(folder)).toEqual(
      ['SAMPLE.ZCPKG', 'notes.txt', 'sub', 'tampered.zcpkg', ...people.map((p) => path.basename(p.file))].sort(),
    );
  });

  it("the unit keeps its own rule parameters: a package's are not taken", async () => {
    const w = unitWorkspace();
    setParams(w.db, { params: { publicityStart: '2020-09-10', publicityEnd: '2020-09-16' }, who: 'officer' });
    const before = getParams(w.db);
    expect((await importOne(w, exported.file)).status).toBe('imported');
    expect(getParams(w.db)).toEqual(before);
  });

  it("another unit's package is refused, naming both units", async () => {
    const w = unitWorkspace();
    const dir = tempDir();
    const other = await writePerson(dir, 5, { archive: personArchive(5, (a) => (a.unit = OTHER_UNIT)) });
    const result = await importOne(w, other.file);
    expect(result.status).toBe('refused');
    for (const lang of ['zh', 'en'] as const) {
      expect(result.reason![lang]).toContain(OTHER_UNIT.name);
      expect(result.reason![lang]).toContain(UNIT.name);
      expect(result.reason![lang]).toContain(OTHER_UNIT.creditCode);
    }
    // Without a credit code on the package, the unit's name decides (spaces and full-width letters aside).
    const byName = await writePerson(dir, 6, {
      archive: personArchive(6, (a) => (a.unit = { ...UNIT, creditCode: '', name: ` ${UNIT.name} ` })),
    });
    expect((await importOne(w, byName.file)).status).toBe('imported');
    const wrongName = await writePerson(dir, 7, {
      archive: personArchive(7, (a) => (a.unit = { ...UNIT, creditCode: '', name: OTHER_UNIT.name })),
    });
    expect((await importOne(w, wrongName.file)).status).toBe('refused');
    expect(count(w, 'applicant')).toBe(1);
    expectConsistent(w);
  });

  it('a level-2 package is refused with the reason', async () => {
    const w = unitWorkspace();
    const dir = tempDir();
    const person = await writePerson(dir, 8);
    const l2 = path.join(dir, 'countersigned.zcpkg');
    await addLevel(person.file, l2, { files: unitFiles, key: makeKey(), createdBy });
    const result = await importOne(w, l2);
    expect(result).toMatchObject({ status: 'refused', applicantId: null });
    expect(result.reason!.zh).toContain('第 2 级');
    expect(result.reason!.en).toContain('level 2');
    expect(count(w, 'applicant')).toBe(0);
    expectConsistent(w);
  });

  it('without a saved profile the import is refused, saying so; the uploads are consumed', async () => {
    const w = unitWorkspace({ profile: null });
    const dir = tempDir();
    const person = await writePerson(dir, 9);
    const { uploadId } = await receiveUpload(w, [readFileSync(person.file)], { fileName: 'a.zcpkg' });
    await expect(startUnitImport(w, [uploadId])).rejects.toMatchObject({ code: 'unit_profile_missing' });
    expect(filesIn(path.join(w.dataDir, 'incoming'))).toEqual([]);
    await expect(startFolderImport(w, dir)).rejects.toMatchObject({ code: 'unit_profile_missing' });
    // The single-package import (package:import) says the same in a unit's workspace.
    const again = await receiveUpload(w, [readFileSync(person.file)], { fileName: 'a.zcpkg' });
    const status = await waitForJob((await startImport(w, { uploadId: again.uploadId })).jobId);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'unit_profile_missing' } });
    expect(status.error!.message.zh).toContain('单位信息');
    expect(count(w, 'applicant')).toBe(0);
    expectConsistent(w);
  });

  it('a folder that does not exist, or holds no package, is refused', async () => {
    const w = unitWorkspace();
    await expect(startFolderImport(w, path.join(tempDir(), 'gone'))).rejects.toMatchObject({ code: 'folder_missing' });
    await expect(startFolderImport(w, tempDir())).rejects.toMatchObject({ code: 'folder_without_packages' });
  });
});

describe('revisions and people', () => {
  let dir: string;
  let r1: PersonPackage;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-intake-rev-'));
    r1 = await writePerson(dir, 10);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a newer revision replaces the archive in place, resets the review, and keeps the history', async () => {
    const w = unitWorkspace();
    const first = await importOne(w, r1.file);
    expect(first.status).toBe('imported');
    const applicantId = first.applicantId!;
    w.db.prepare("UPDATE unit_review SET status = 'returned', opinion = '请补充论文目录页'").run();
    const oldAttachments = listAttachments(w, { applicantId }).attachments.map((a) => a.id);

    const archive = personArchive(10, (a) => (a.profile.phone = '13911112222'));
    const r2 = await writePerson(dir, 10, {
      archive,
      key: r1.key,
      packageId: r1.packageId,
      revision: 2,
      scans: await scansFor(archive, 110),
    });
    const second = await importOne(w, r2.file);
    expect(second).toMatchObject({ status: 'replaced', applicantId, revision: 2, name: '申报人10' });
    expect(count(w, 'applicant')).toBe(1);
    expect(readArchive(w.db, applicantId).profile.phone).toBe('13911112222');
    expect(w.db.prepare('SELECT status, revision, opinion FROM unit_review').get()).toEqual({
      status: 'pending',
      revision: 2,
      opinion: '',
    });
    const now = listAttachments(w, { applicantId }).attachments.map((a) => a.id);
    expect(now.some((id) => oldAttachments.includes(id))).toBe(false);
    // Both files and both rows stay: the history of what the unit received.
    expect(w.db.prepare('SELECT revision, direction FROM package_file ORDER BY revision').all()).toEqual([
      { revision: 1, direction: 'imported' },
      { revision: 2, direction: 'imported' },
    ]);
    expectConsistent(w);
    expect(unitApplicantRow(w, applicantId)).toMatchObject({ revision: 2, level: 1, status: 'pending' });

    // The same package again: unchanged, nothing written.
    const before = w.db.prepare('SELECT * FROM package_file ORDER BY file_name').all();
    const again = await importOne(w, r2.file);
    expect(again).toMatchObject({ status: 'unchanged', applicantId, revision: 2, name: '申报人10' });
    expect(w.db.prepare('SELECT * FROM package_file ORDER BY file_name').all()).toEqual(before);

    // The older revision now: refused.
    const old = await importOne(w, r1.file);
    expect(old.status).toBe('refused');
    expect(old.reason!.en).toContain('already has revision 2');
    expectConsistent(w);
  });

  it('the same applicant and revision with different content is refused', async () => {
    const w = unitWorkspace();
    expect((await importOne(w, r1.file)).status).toBe('imported');
    const archive = personArchive(10, (a) => (a.profile.email = 'changed@example.com'));
    const twin = await writePerson(tempDir(), 10, { archive, key: r1.key, packageId: r1.packageId, revision: 1 });
    const result = await importOne(w, twin.file);
    expect(result.status).toBe('refused');
    expect(result.reason!.zh).toContain('同一申报人、同一版本但内容不同');
    expect(result.reason!.en).toContain('same applicant and revision with different content');
    expect(readArchive(w.db, firstApplicant(w)).profile.email).not.toBe('changed@example.com');
    expect(count(w, 'package_file')).toBe(1);
    expectConsistent(w);
  });

  it('another package of a person already held (same ID number) is refused, naming the person', async () => {
    const w = unitWorkspace();
    expect((await importOne(w, r1.file)).status).toBe('imported');
    // The same person, exported from another workspace: another package id; the ID number typed otherwise.
    const archive = personArchive(10, (a) => (a.profile.idNumber = ` ${a.profile.idNumber.toLowerCase()}`));
    const other = await writePerson(tempDir(), 10, { archive, packageId: 'pkg-elsewhere' });
    const result = await importOne(w, other.file);
    expect(result.status).toBe('refused');
    expect(result.reason!.zh).toContain('申报人10');
    expect(result.reason!.en).toContain('申报人10');
    expect(count(w, 'applicant')).toBe(1);
  });

  it("two applicants' packages with the same attachment ids both import, under fresh ids", async () => {
    const w = unitWorkspace();
    const d = tempDir();
    const a = await importOne(w, (await writePerson(d, 11)).file);
    const b = await importOne(w, (await writePerson(d, 12)).file);
    expect([a.status, b.status]).toEqual(['imported', 'imported']);
    const ids = (w.db.prepare('SELECT id FROM attachment').all() as { id: string }[]).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.startsWith('att-'))).toBe(false);
    expect(count(w, 'attachment_link')).toBeGreaterThan(0);
  });
});

function firstApplicant(w: Workspace): string {
  return (w.db.prepare('SELECT id FROM applicant').get() as { id: string }).id;
}

async function readSignedPaths(file: string): Promise<string[]> {
  return (await readEntries(file)).map((e) => e.path);
}

describe('cancel', () => {
  it('mid-batch keeps the files done and leaves no half import', async () => {
    const dir = tempDir();
    const people: PersonPackage[] = [];
    for (let n = 20; n < 24; n++) people.push(await writePerson(dir, n));
    let jobId = '';
    // The cancel comes from inside the third file's storing, the moment its first scan is written.
    const io: StoreIo = {
      async write(handle, block) {
        if (jobId && (jobStatus(jobId).unitImport?.length ?? 0) === 2) cancelJob(jobId);
        await realIo.write(handle, block);
      },
    };
    const w = unitWorkspace({ storeIo: io });
    const ids: string[] = [];
    for (const p of people) ids.push((await registerPath(w, p.file)).uploadId);
    ({ jobId } = await startUnitImport(w, ids));
    const status = await waitForJob(jobId);
    expect(status.state).toBe('cancelled');
    expect(status.unitImport!.map((r) => [r.name, r.status])).toEqual([
      ['申报人20', 'imported'],
      ['申报人21', 'imported'],
    ]);
    expect(count(w, 'applicant')).toBe(2);
    expect(count(w, 'package_file')).toBe(2);
    expectConsistent(w);
    // The rest can be imported afterwards: nothing of the cancelled file is in the way.
    const rest = await importFiles(
      w,
      people.map((p) => p.file),
    );
    expect(rest.unitImport!.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'imported', 'imported']);
  });
});

describe('the applicant table', () => {
  it('one row per applicant: counts, materials, publicity, duplicate scans and papers flagged on both sides', async () => {
    const w = unitWorkspace();
    const dir = tempDir();
    const paper = { issn: '1001-9731', title: '循环流化床锅炉 SNCR 脱硝的数值模拟' };
    const paperOf = (a: ReturnType<typeof personArchive>) => a.works.find((x) => x.type === 'paper')!;

    // 30 and 31 share a scan; 32 and 33 claim the same paper, written otherwise; 34 shares nothing.
    const a30 = personArchive(30);
    const shared = await scansFor(a30, 30);
    const a31 = personArchive(31);
    const scans31 = await scansFor(a31, 31, 2);
    scans31[0] = { ...scans31[0]!, source: shared.at(-1)!.source };
    const a32 = personArchive(32, (a) => Object.assign(paperOf(a), paper));
    const a33 = personArchive(33, (a) =>
      Object.assign(paperOf(a), { issn: 'ISSN 10019731', title: ' 循环流化床锅炉ＳＮＣＲ 脱硝的数值模拟 ' }),
    );
    const a34 = personArchive(34, (a) => (a.application.exceptional = true));
    const files = [
      (await writePerson(dir, 30, { archive: a30, scans: shared })).file,
      (await writePerson(dir, 31, { archive: a31, scans: scans31 })).file,
      (await writePerson(dir, 32, { archive: a32 })).file,
      (await writePerson(dir, 33, { archive: a33 })).file,
      (await writePerson(dir, 34, { archive: a34, scans: await scansFor(a34, 34, 3) })).file,
    ];
    const status = await importFiles(w, files);
    const idOf = new Map(status.unitImport!.map((r) => [r.name!, r.applicantId!]));

    // Publicity rows as the publicity service writes them (its own tests cover the service).
    const today = localToday();
    const insert = w.db.prepare(
      `INSERT INTO publicity (id, start_date, end_date, working_days, created_at) VALUES (?, ?, ?, 5, ?)`,
    );
    insert.run('past', '2020-01-02', '2020-01-08', '2020-01-01T00:00:00Z');
    insert.run('future', '2999-01-04', '2999-01-10', '2020-01-01T00:00:01Z');
    const member = w.db.prepare(`INSERT INTO publicity_member (publicity_id, applicant_id, outcome) VALUES (?, ?, ?)`);
    member.run('past', idOf.get('申报人30'), 'no_objection');
    member.run('past', idOf.get('申报人31'), 'pending');
    member.run('past', idOf.get('申报人32'), 'objection');
    member.run('past', idOf.get('申报人33'), 'no_objection');
    member.run('future', idOf.get('申报人33'), 'pending'); // the latest one counts
    w.db.prepare("UPDATE unit_review SET status = 'accepted' WHERE applicant_id = ?").run(idOf.get('申报人34'));

    const { rows } = unitApplicants(w);
    expect(rows.map((r) => r.name)).toEqual(['申报人30', '申报人31', '申报人32', '申报人33', '申报人34']);
    const periods = newestPublicityPeriods(w.db);
    for (const row of rows) {
      // Each applicant is checked with the dates of their own newest publicity.
      const report = runPack(PACK_2020, {
        archive: readArchive(w.db, row.applicantId),
        links: linksOf(w, row.applicantId),
        params: withPublicity(getParams(w.db), periods.get(row.applicantId)),
        today,
      });
      const materials = computeMaterials(
        readArchive(w.db, row.applicantId),
        listAttachments(w, { applicantId: row.applicantId }).attachments,
        getParams(w.db),
      );
      const needed = materials.filter((m) => m.state === 'complete' || m.state === 'incomplete');
      expect(row).toMatchObject({
        idNumber: expect.stringMatching(/^33080219780516/),
        committee: 'energy',
        packageId: `pkg-person-${row.name.slice(3)}`,
        revision: 1,
        level: 1,
        // The applicant's own verdict, from the same rules and verdict function (issue 19).
        verdict: report.verdict,
        counts: { fail: summarize(report).failing.length, toJudge: summarize(report).toJudge.length },
        materials: { needed: needed.length, complete: needed.filter((m) => m.state === 'complete').length },
      });
      expect(unitApplicantRow(w, row.applicantId)).toEqual(row);
    }
    const by = new Map(rows.map((r) => [r.name, r]));
    // Every material attached for 30; two items left out for 31, three for 34.
    expect(by.get('申报人30')!.materials.complete).toBe(by.get('申报人30')!.materials.needed);
    expect(by.get('申报人30')!.materials.missing).toEqual([]);
    expect(by.get('申报人31')!.materials.complete).toBeLessThan(by.get('申报人31')!.materials.needed);
    expect(by.get('申报人31')!.materials.missing).toHaveLength(2);
    expect(by.get('申报人34')).toMatchObject({ exceptional: true, status: 'accepted', publicity: 'none' });
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'accepted']);
    expect(rows.map((r) => r.publicity)).toEqual(['no_objection', 'ended', 'objection', 'planned', 'none']);

    const dup = (name: string) => by.get(name)!.duplicates.map((d) => [d.name, d.what]);
    expect(dup('申报人30')).toEqual([['申报人31', 'scan']]);
    expect(dup('申报人31')).toEqual([['申报人30', 'scan']]);
    expect(dup('申报人32')).toEqual([['申报人33', 'paper']]);
    expect(dup('申报人33')).toEqual([['申报人32', 'paper']]);
    expect(dup('申报人34')).toEqual([]);
  });

  it('rows follow what changed since the last read: an attachment, the parameters, a newer revision', async () => {
    const w = unitWorkspace();
    const dir = tempDir();
    const p = await writePerson(dir, 50);
    const applicantId = (await importOne(w, p.file)).applicantId!;
    const before = unitApplicants(w).rows[0]!;
    expect(before.materials.complete).toBe(before.materials.needed);
    w.db
      .prepare(
        'UPDATE attachment SET deleted_at = ? WHERE id = (SELECT id FROM attachment WHERE applicant_id = ? LIMIT 1)',
      )
      .run(new Date().toISOString(), applicantId);
    const lessOne = unitApplicants(w).rows[0]!;
    expect(lessOne.materials.complete).toBe(before.materials.complete - 1);
    setParams(w.db, { params: { ceMinTotal: 999 }, who: 'officer' });
    const strict = unitApplicants(w).rows[0]!;
    // More continuing education asked than the sample has: its CE findings no longer pass.
    expect(strict.counts.fail + strict.counts.toJudge).toBeGreaterThan(lessOne.counts.fail + lessOne.counts.toJudge);
    const report = checkApplicant(w, applicantId, localToday());
    expect(strict.verdict).toBe(report.verdict);
    expect(strict.counts).toEqual({
      fail: summarize(report).failing.length,
      toJudge: summarize(report).toJudge.length,
    });
    const archive = personArchive(50, (a) => (a.profile.name = '申报人五十'));
    const r2 = await writePerson(dir, 50, { archive, key: p.key, packageId: p.packageId, revision: 2 });
    expect((await importOne(w, r2.file)).status).toBe('replaced');
    expect(unitApplicants(w).rows).toMatchObject([{ applicantId, name: '申报人五十', revision: 2 }]);
  });

  it('an unknown applicant is refused; an empty workspace has no rows', async () => {
    const w = unitWorkspace();
    expect(unitApplicants(w)).toEqual({ rows: [] });
    expect(() => unitApplicantRow(w, 'nobody')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('dossier unit-profile | unit-import', () => {
  it('sets up a unit, imports a folder and files with one line each, and exits 0, 1 or 2', async () => {
    const data = path.join(tempDir(), 'unit');
    const folder = tempDir();
    const profileFile = path.join(tempDir(), 'unit.json');
    const { city: _city, ...partial } = UNIT;
    writeFileSync(profileFile, JSON.stringify(partial));

    expect((await dossier('unit-import', folder, '--data', data)).code).toBe(2); // no workspace yet
    const set = await dossier('unit-profile', '--data', data, '--set', profileFile);
    expect(set.code).toBe(0);
    expect(set.out).toContain('已保存单位信息');
    const shown = await dossier('unit-profile', '--data', data, '--lang', 'en');
    expect(shown).toMatchObject({ code: 0 });
    expect(JSON.parse(shown.out)).toEqual({ ...UNIT, city: '' });

    const a = await writePerson(folder, 40);
    const b = await writePerson(folder, 41);
    const good = await dossier('unit-import', folder, '--data', data);
    expect(good.code).toBe(0);
    expect(good.out.split('\n')).toEqual([
      `导入  ${path.basename(a.file)}（申报人40，第 1 版）`,
      `导入  ${path.basename(b.file)}（申报人41，第 1 版）`,
    ]);
    const again = await dossier('unit-import', a.file, '--data', data, '--lang', 'en');
    expect(again).toMatchObject({ code: 0, out: `unchanged  ${path.basename(a.file)} (申报人40, revision 1)` });

    const other = await writePerson(tempDir(), 42, { archive: personArchive(42, (x) => (x.unit = OTHER_UNIT)) });
    const mixed = await dossier('unit-import', other.file, b.file, '--data', data);
    expect(mixed.code).toBe(1);
    expect(mixed.out).toContain(`拒绝  ${path.basename(other.file)}：`);
    expect(mixed.out).toContain(`未变  ${path.basename(b.file)}`);

    expect((await dossier('unit-import', '--data', data)).code).toBe(2);
    expect((await dossier('unit-import', path.join(folder, 'gone.zcpkg'), '--data', data)).code).toBe(2);
    expect((await dossier('unit-import', tempDir(), '--data', data)).code).toBe(2);
    const notJson = path.join(tempDir(), 'bad.json');
    writeFileSync(notJson, '{');
    expect((await dossier('unit-profile', '--data', data, '--set', notJson)).code).toBe(2);
    writeFileSync(notJson, JSON.stringify({ ...UNIT, type: 'company' }));
    expect((await dossier('unit-profile', '--data', data, '--set', notJson)).code).toBe(2);
    expect((await dossier('help')).out).toContain('unit-import');
  });

  it("unit-profile refuses an applicant's workspace that holds an archive", async () => {
    const { w } = await readyWorkspace({ withKey: false });
    const profileFile = path.join(tempDir(), 'unit.json');
    writeFileSync(profileFile, JSON.stringify(UNIT));
    const res = await dossier('unit-profile', '--data', w.dataDir, '--set', profileFile);
    expect(res.code).toBe(1);
    expect(res.err).toContain('不能改变用途');
    const imported = await dossier('unit-import', exported.file, '--data', w.dataDir, '--lang', 'en');
    expect(imported.code).toBe(1);
    expect(imported.err).toContain("applicant's workspace");
  });
});
