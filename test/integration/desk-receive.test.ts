// The reviewing desk's receive (issue 17), on real workspaces, real package and batch files: a folder with
// a good batch goes in applicant by applicant, and each refusal is tested with the good ones beside it still
// taken — a tampered package inside a good batch, a level 2 that is the unit's return, a publicity of 4
// working days (and one ending on the Saturday worked after National Day, which makes it 5), a batch whose
// unit key changed against the pinned one (refused with both fingerprints; taken once confirmed), an
// applicant in two units' batches, a unit outside the desk's remit, a public institution without F-4, files
// that are no batch (junk, truncated, a renamed package); a unit's newer batch replaces with history kept.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/archive/schema.js';
import type { DeskImportResult } from '../../shared/desk/schema.js';
import { deskApplicant, listDeskApplicants } from '../../electron/core/desk/deskRepo.js';
import { listAudit } from '../../electron/core/unit/auditRepo.js';
import { rowsOfPackage } from '../../electron/core/package/packageRepo.js';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { OTHER_UNIT, personArchive, UNIT, writePerson, type PersonPackage } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';
import { deskWorkspace, receive, tamperPackage, unitLevelTwo, writeBatchFile } from '../helpers/deskFixtures.js';
import { refusalOf } from '../helpers/unitFlow.js';
import { startReceive } from '../../electron/core/desk/receive.js';
import { PASSPHRASE, workspaceIn } from '../helpers/exportFixtures.js';
import { writeLevelThree } from '../../electron/core/desk/levelThree.js';
import { dossier } from '../helpers/cli.js';
import { setMode } from '../../electron/core/unit/mode.js';
import { formatFingerprint } from '../../electron/core/package/sm2.js';

const HANGZHOU: Unit = { ...OTHER_UNIT, name: '杭州湾新材料有限公司', city: '杭州市' };
const PUBLIC: Unit = { ...OTHER_UNIT, type: 'public_institution' };

let people: PersonPackage[];
let unitKey: SigningKey;
let otherKey: SigningKey;

const byEntry = (results: DeskImportResult[]) =>
  Object.fromEntries(results.map((r) => [path.posix.basename(r.entry ?? r.file), r]));

let peopleDir: string;
afterAll(() => rmSync(peopleDir, { recursive: true, force: true }));

beforeAll(async () => {
  // Kept for the whole file (tempDir folders go after each test): the applicants' level-1 packages.
  const dir = (peopleDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-desk-people-')));
  unitKey = makeKey();
  otherKey = makeKey();
  people = [];
  for (let i = 1; i <= 8; i++) {
    const unit = i === 7 ? HANGZHOU : i === 8 ? PUBLIC : UNIT;
    people.push(await writePerson(dir, i, { archive: personArchive(i, (a) => void (a.unit = { ...unit })) }));
  }
}, 120_000);

describe('receiving units’ batches', () => {
  it('takes the good packages of a batch and refuses each bad one with its reason', async () => {
    const { d } = await deskWorkspace();
    const dir = tempDir();
    const good = await unitLevelTwo(people[0]!, unitKey, UNIT, dir);
    const tampered = await unitLevelTwo(people[1]!, unitKey, UNIT, dir);
    // Changed after signing, and batch.json made to match: only the package's own signatures can tell.
    await tamperPackage(tampered);
    const returned = await unitLevelTwo(people[2]!, unitKey, UNIT, dir, { decision: 'returned' });
    const short = await unitLevelTwo(people[3]!, unitKey, UNIT, dir, {
      publicity: { startDate: '2020-09-28', endDate: '2020-10-09' },
    });
    // 9-28, 9-29, 9-30, then 10-9 and Saturday 10-10 (worked, 调休): five working days.
    const saturday = await unitLevelTwo(people[4]!, unitKey, UNIT, dir, {
      publicity: { startDate: '2020-09-28', endDate: '2020-10-10' },
    });
    const batchDir = tempDir();
    await writeBatchFile(path.join(batchDir, '报送批次-清能热电-20201012.zip'), UNIT, unitKey.fingerprint, [
      good,
      tampered,
      returned,
      short,
      saturday,
    ]);
    const results = byEntry(await receive(d, [batchDir]));
    expect(results[good.fileName]!.status).toBe('imported');
    expect(results[saturday.fileName]!.status).toBe('imported');
    expect(results[tampered.fileName]!.status).toBe('refused');
    expect(results[tampered.fileName]!.reason!.zh).toContain('未通过验证');
    expect(results[returned.fileName]!.status).toBe('refused');
    expect(results[returned.fileName]!.reason!.zh).toContain('单位的退回');
    expect(results[short.fileName]!.status).toBe('refused');
    expect(results[short.fileName]!.reason!.zh).toContain('只有 4 个工作日');
    expect(results[short.fileName]!.reason!.en).toContain('fewer than 5');
    // Two applicants in, each 待审查, with the receipt and the first pin of the unit key in the audit trail.
    const held = listDeskApplicants(d.db);
    expect(held.map((h) => [h.name, h.status])).toEqual(
      expect.arrayContaining([
        [people[0]!.archive.profile.name, 'to_review'],
        [people[4]!.archive.profile.name, 'to_review'],
      ]),
    );
    expect(held).toHaveLength(2);
    const audit = listAudit(d.db);
    expect(audit.filter((e) => e.action === 'desk-received')).toHaveLength(2);
    expect(audit.filter((e) => e.action === 'desk-unit-key-pinned')).toHaveLength(1);
    // Nothing of the refused ones was kept: no stray upload, no package file beyond the two taken.
    expect(readdirSync(path.join(d.dataDir, 'packages'))).toHaveLength(2);
    expect(readdirSync(d.dataDir)).not.toContain('incoming');
    // The same batch again changes nothing for those taken.
    const again = byEntry(await receive(d, [batchDir]));
    expect(again[good.fileName]!.status).toBe('unchanged');
  }, 120_000);

  it('refuses a batch signed by another key than the unit’s pinned one, naming both; takes it once confirmed', async () => {
    const { d } = await deskWorkspace();
    const dir = tempDir();
    const first = await unitLevelTwo(people[0]!, unitKey, UNIT, dir);
    await writeBatchFile(path.join(dir, 'b1.zip'), UNIT, unitKey.fingerprint, [first]);
    expect((await receive(d, [path.join(dir, 'b1.zip')]))[0]!.status).toBe('imported');
    const dir2 = tempDir();
    const second = await unitLevelTwo(people[1]!, otherKey, UNIT, dir2);
    await writeBatchFile(path.join(dir2, 'b2.zip'), UNIT, otherKey.fingerprint, [second]);
    const [r] = await receive(d, [path.join(dir2, 'b2.zip')]);
    expect(r!.status).toBe('refused');
    expect(r!.keyChange).toEqual({ pinnedFingerprint: unitKey.fingerprint, newFingerprint: otherKey.fingerprint });
    expect(r!.reason!.zh).toContain('此前确认的单位密钥');
    // The command line prints both fingerprints under the refusal and exits 1.
    const cli = await dossier('review-import', path.join(dir2, 'b2.zip'), '--data', d.dataDir);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`此前确认的单位密钥指纹：${formatFingerprint(unitKey.fingerprint)}`);
    expect(cli.out).toContain(`此批次的单位密钥指纹：  ${formatFingerprint(otherKey.fingerprint)}`);
    // A wrong confirmation is refused too; the right one takes it and pins the new key (audit trail).
    const [wrong] = await receive(d, [path.join(dir2, 'b2.zip')], makeKey().fingerprint);
    expect(wrong!.status).toBe('refused');
    const [ok] = await receive(d, [path.join(dir2, 'b2.zip')], otherKey.fingerprint);
    expect(ok!.status).toBe('imported');
    expect(listAudit(d.db).filter((e) => e.action === 'desk-unit-key-changed')).toHaveLength(1);
  }, 60_000);

  it('names an applicant passed on by two units as a duplicate; refuses a unit outside the remit and a public institution without F-4', async () => {
    const { d } = await deskWorkspace();
    const dir = tempDir();
    const mine = await unitLevelTwo(people[5]!, unitKey, UNIT, dir);
    // The same person (same ID number) in another unit's batch, under another package id.
    const twinDir = tempDir();
    const twin = await writePerson(twinDir, 6, {
      archive: personArchive(6, (a) => void (a.unit = { ...OTHER_UNIT })),
      packageId: 'pkg-twin-6',
    });
    const theirs = await unitLevelTwo(twin, otherKey, OTHER_UNIT, twinDir);
    const far = await unitLevelTwo(people[6]!, otherKey, HANGZHOU, tempDir());
    const folder = tempDir();
    await writeBatchFile(path.join(folder, 'a.zip'), UNIT, unitKey.fingerprint, [mine]);
    await writeBatchFile(path.join(folder, 'b.zip'), OTHER_UNIT, otherKey.fingerprint, [theirs]);
    await writeBatchFile(path.join(folder, 'c.zip'), HANGZHOU, otherKey.fingerprint, [far]);
    const results = await receive(d, [folder]);
    const [a, b, c] = results;
    expect(a!.status).toBe('imported');
    expect(b!.status).toBe('refused');
    expect(b!.reason!.zh).toContain('重复申报');
    expect(b!.reason!.zh).toContain(UNIT.name);
    expect(c!.status).toBe('refused');
    expect(c!.reason!.zh).toContain('不属于本机构受理范围');
    // A public institution's package without F-4 (its level 2 carries no post-info.json).
    const pDir = tempDir();
    const noF4Key = makeKey();
    const pub = await unitLevelTwo(people[7]!, noF4Key, PUBLIC, pDir);
    await writeBatchFile(path.join(pDir, 'p.zip'), PUBLIC, noF4Key.fingerprint, [pub]);
    const [p] = await receive(d, [path.join(pDir, 'p.zip')]);
    expect(p!.status).toBe('refused');
    expect(p!.reason!.zh).toContain('F-4');
  }, 60_000);

  it('refuses files that are no batch: junk, truncated, a renamed package — each on its own line', async () => {
    const { d } = await deskWorkspace();
    const dir = tempDir();
    const good = await unitLevelTwo(people[0]!, unitKey, UNIT, dir);
    const folder = tempDir();
    await writeBatchFile(path.join(folder, '1-good.zip'), UNIT, unitKey.fingerprint, [good]);
    writeFileSync(path.join(folder, '2-junk.zip'), Buffer.from('this is not a zip at all, just some text'.repeat(50)));
    await writeBatchFile(path.join(folder, '3-truncated.zip'), UNIT, unitKey.fingerprint, [good]);
    truncateSync(path.join(folder, '3-truncated.zip'), 5000);
    copyFileSync(good.file, path.join(folder, '4-renamed.zip'));
    const results = byEntry(await receive(d, [folder]));
    expect(results[good.fileName]!.status).toBe('imported');
    expect(results['2-junk.zip']!.status).toBe('refused');
    expect(results['2-junk.zip']!.reason!.zh).toContain('不是可接收的报送批次');
    expect(results['3-truncated.zip']!.status).toBe('refused');
    expect(results['3-truncated.zip']!.reason!.zh).toContain('不是可接收的报送批次');
    expect(results['4-renamed.zip']!.status).toBe('refused');
    expect(results['4-renamed.zip']!.reason!.zh).toContain('这是一个申报包');
  }, 60_000);

  it('replaces an applicant’s package with a unit’s newer batch, the earlier file kept as history; after a return it is 已补正待复核', async () => {
    const { d } = await deskWorkspace();
    const dir = tempDir();
    const r1 = await unitLevelTwo(people[0]!, unitKey, UNIT, dir);
    await writeBatchFile(path.join(dir, 'b1.zip'), UNIT, unitKey.fingerprint, [r1]);
    const [first] = await receive(d, [path.join(dir, 'b1.zip')]);
    // Returned to the unit first (level 3): the corrected revision then comes back as 已补正待复核.
    await writeLevelThree(d, {
      applicantId: first!.applicantId!,
      decision: 'returned',
      opinion: '请补充联系电话',
      comments: [{ target: 'profile.phone', text: '请补充联系电话' }],
      deadline: '2099-12-31',
      passphrase: PASSPHRASE,
    });
    expect(deskApplicant(d.db, first!.applicantId!)!.status).toBe('returned');
    // The applicant's revision 2 (a correction), countersigned again by the unit.
    const dir2 = tempDir();
    const p = people[0]!;
    const rev2 = await writePerson(dir2, 1, {
      archive: personArchive(1, (a) => {
        a.unit = { ...UNIT };
        a.profile.phone = '13900000000';
      }),
      key: p.key,
      packageId: p.packageId,
      revision: 2,
    });
    const r2 = await unitLevelTwo(rev2, unitKey, UNIT, dir2);
    await writeBatchFile(path.join(dir2, 'b2.zip'), UNIT, unitKey.fingerprint, [{ ...r2, revision: 2 }]);
    const [second] = await receive(d, [path.join(dir2, 'b2.zip')]);
    expect(second!.status).toBe('replaced');
    expect(second!.applicantId).toBe(first!.applicantId);
    const rows = rowsOfPackage(d.db, p.packageId);
    expect(rows.map((r) => [r.revision, r.level])).toEqual([
      [2, 2],
      [1, 3],
      [1, 2],
    ]);
    expect(readdirSync(path.join(d.dataDir, 'packages'))).toHaveLength(3);
    expect(listAudit(d.db, { applicantId: first!.applicantId! }).map((e) => e.action)).toEqual([
      'desk-received',
      'desk-level-three',
      'desk-status',
      'desk-replaced',
    ]);
    expect(deskApplicant(d.db, first!.applicantId!)!.status).toBe('corrected');
    // The older batch again is refused: the desk holds revision 2.
    const [old] = await receive(d, [path.join(dir, 'b1.zip')]);
    expect(old!.status).toBe('refused');
  }, 60_000);

  it('takes a loose level-2 package, and is refused whole without the desk’s data', async () => {
    const { d } = await deskWorkspace();
    const dir = tempDir();
    const loose = await unitLevelTwo(people[0]!, unitKey, UNIT, dir);
    const [r] = await receive(d, [loose.file]);
    expect(r!.status).toBe('imported');
    expect(r!.entry).toBeNull();
    const empty = workspaceIn();
    const e = await refusalOf(() => startReceive(empty, [loose.file]));
    expect(e.code).toBe('not_desk_workspace');
    // A desk's workspace whose data was never saved: refused before the job, naming what to enter.
    const bare = workspaceIn();
    setMode(bare, 'desk');
    const missing = await refusalOf(() => startReceive(bare, [loose.file]));
    expect(missing.code).toBe('desk_profile_missing');
    expect(missing.message.zh).toContain('未接收任何内容');
  }, 60_000);
});
