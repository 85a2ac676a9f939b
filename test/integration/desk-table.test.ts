// The reviewing desk's table across units (issue 17 item 3), on a real desk workspace that received two
// units' batches: the facts of each row (unit and channel N-9, career facts N-7, assessments M-9, CE N-6,
// the unit's publicity N-8), the committee filed against the one the specialty belongs to (附件1, N-1),
// duplicates across units named (same scan, same paper, the same ID number), the verdict recomputed with the
// desk's own parameters, and 退回补正 past its deadline marked 逾期视为放弃 once, with its audit event.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/archive/schema.js';
import { maskIdNumber } from '../../shared/checks/idNumber.js';
import { deskApplicant } from '../../electron/core/desk/deskRepo.js';
import { writeLevelThree } from '../../electron/core/desk/levelThree.js';
import { deskApplicants } from '../../electron/core/desk/table.js';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import { setParams } from '../../electron/core/rulesService.js';
import { listAudit } from '../../electron/core/unit/auditRepo.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { PASSPHRASE } from '../helpers/exportFixtures.js';
import { OTHER_UNIT, personArchive, scansFor, UNIT, writePerson, type PersonPackage } from '../helpers/unitFixtures.js';
import { deskWorkspace, receive, unitLevelTwo, writeBatchFile } from '../helpers/deskFixtures.js';
import { tempDir } from '../helpers/workspace.js';
import { call, refused } from '../helpers/unitFlow.js';
import { unitWorkspace } from '../helpers/unitFixtures.js';

// A unit of the same city without a personnel agency: its route is the city bureau's (N-9).
const SECOND: Unit = { ...OTHER_UNIT, personnelAgency: '' };

let people: PersonPackage[];
let dir: string;
let unitKey: SigningKey;
let secondKey: SigningKey;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-desk-table-'));
  unitKey = makeKey();
  secondKey = makeKey();
  const first = personArchive(1);
  people = [
    await writePerson(dir, 1, { archive: first }),
    // The second unit's applicant claims the first one's scans and papers (same bytes, same ISSN + title).
    await writePerson(dir, 2, {
      archive: personArchive(2, (a) => {
        a.unit = { ...SECOND };
        a.works = first.works.map((w) => ({ ...w }));
      }),
      scans: await scansFor(first, 1),
    }),
    // 热能动力工程 belongs to the energy committee; filed under materials.
    await writePerson(dir, 3, {
      archive: personArchive(3, (a) => {
        a.unit = { ...SECOND };
        a.application.committee = 'materials';
      }),
    }),
    await writePerson(dir, 4),
  ];
}, 120_000);

async function deskWithBatches() {
  const { d } = await deskWorkspace();
  const out = tempDir();
  const a = [await unitLevelTwo(people[0]!, unitKey, UNIT, out), await unitLevelTwo(people[3]!, unitKey, UNIT, out)];
  const b = [
    await unitLevelTwo(people[1]!, secondKey, SECOND, out),
    await unitLevelTwo(people[2]!, secondKey, SECOND, out),
  ];
  const batches = tempDir();
  await writeBatchFile(path.join(batches, 'a.zip'), UNIT, unitKey.fingerprint, a);
  await writeBatchFile(path.join(batches, 'b.zip'), SECOND, secondKey.fingerprint, b);
  const results = await receive(d, [batches]);
  expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
  return d;
}

const TODAY = '2020-11-02';

describe('the table across units', () => {
  it('gives each applicant their unit, channel, facts, committee flag, publicity and duplicates', async () => {
    const d = await deskWithBatches();
    const { rows, asOfDate } = deskApplicants(d, TODAY);
    expect(asOfDate).toBe('2020-12-31');
    expect(rows.map((r) => r.name).sort()).toEqual(['申报人1', '申报人2', '申报人3', '申报人4']);
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    const one = by['申报人1']!;
    expect(one).toMatchObject({
      unitName: UNIT.name,
      // The sample unit names a personnel agency and no competent department (N-9).
      channel: 'personnel_agency',
      specialty: '热能动力工程',
      titleApplied: '高级工程师',
      exceptional: false,
      committee: 'energy',
      specialtyCommittees: ['energy'],
      committeeFlag: 'ok',
      education: 'master',
      title: { name: '工程师', level: 'intermediate', obtainedDate: '2009-12-30' },
      // 2009-12-30 → 2020-12-31: 11 whole years; the first work 2000-07-15: 20 (N-7, as-of date).
      yearsInTitle: 11,
      yearsOfWork: 20,
      publicity: { startDate: '2020-09-28', endDate: '2020-10-10', workingDays: 5, outcome: 'no_objection' },
      status: 'to_review',
      waitsAt: 'desk',
      deadline: null,
      returns: 0,
      lastReason: '',
      revision: 1,
    });
    expect(maskIdNumber(one.idNumber)).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    expect(one.assessments.map((a) => [a.year, a.result])).toEqual([
      [2017, 'qualified'],
      [2018, 'qualified'],
      [2019, 'excellent'],
    ]);
    expect(one.ce.map((c) => c.year)).toEqual([2018, 2019, 2020]);
    expect(one.ce.every((c) => c.status !== null)).toBe(true);
    expect(one.materials.needed).toBeGreaterThan(0);
    expect(by['申报人2']!.channel).toBe('city_bureau');

    // Filed under another committee than the specialty's (附件1).
    expect(by['申报人3']).toMatchObject({
      committee: 'materials',
      specialtyCommittees: ['energy'],
      committeeFlag: 'elsewhere',
    });

    // Across units: the same scans and the same papers, named with the other's unit, on both sides.
    const dups = (r: (typeof rows)[number]) => r.duplicates.map((x) => `${x.what}:${x.name}:${x.unitName}`);
    expect(dups(one)).toEqual([`paper:申报人2:${SECOND.name}`, `scan:申报人2:${SECOND.name}`]);
    expect(dups(by['申报人2']!)).toEqual([`paper:申报人1:${UNIT.name}`, `scan:申报人1:${UNIT.name}`]);
    expect(by['申报人4']!.duplicates).toEqual([]);

    // The same ID number from two units: receiving refuses a second package of one person
    // (desk_duplicate_person); one held anyway (an ID number corrected in a later revision) is named.
    d.db
      .prepare(
        `UPDATE section SET data = json_set(data, '$.idNumber', @id) WHERE applicant_id = @a AND name = 'profile'`,
      )
      .run({ id: one.idNumber, a: by['申报人3']!.applicantId });
    d.db
      .prepare(`UPDATE applicant SET updated_at = '2099-01-01T00:00:00.000Z' WHERE id = @a`)
      .run({ a: by['申报人3']!.applicantId });
    const again = Object.fromEntries(deskApplicants(d, TODAY).rows.map((r) => [r.name, r]));
    expect(dups(again['申报人3']!)).toEqual([`person:申报人1:${UNIT.name}`]);
    expect(dups(again['申报人1']!)).toContain(`person:申报人3:${SECOND.name}`);
  });

  it('recomputes the verdict with this desk’s rule-pack parameters', async () => {
    const d = await deskWithBatches();
    const before = deskApplicants(d, TODAY).rows.find((r) => r.name === '申报人4')!;
    expect(before.points.some((p) => p.findingId === 'M-9.assessments#2020')).toBe(false);
    // The desk checks the assessments of 2018–2020: 2020 was never entered (M-9).
    setParams(d.db, { params: { assessmentYears: [2018, 2019, 2020] } });
    const after = deskApplicants(d, TODAY).rows.find((r) => r.name === '申报人4')!;
    expect(after.verdict).toBe('fail');
    expect(after.points).toContainEqual(expect.objectContaining({ findingId: 'M-9.assessments#2020', status: 'fail' }));
    expect(after.assessments.at(-1)).toEqual({ year: 2020, result: '', status: 'fail' });
  });

  it('marks a return past its correction deadline 逾期视为放弃, once, with its audit event', async () => {
    const d = await deskWithBatches();
    const four = deskApplicants(d, TODAY).rows.find((r) => r.name === '申报人4')!;
    await writeLevelThree(d, {
      applicantId: four.applicantId,
      decision: 'returned',
      opinion: '请补正',
      comments: [
        { target: 'profile.phone', text: '请补充联系电话' },
        { target: 'M-9', text: '请补充 2019 年度考核表扫描件' },
      ],
      deadline: '2099-12-31',
      passphrase: PASSPHRASE,
    });
    // On the deadline itself the file still waits at the unit.
    const onTime = deskApplicants(d, '2099-12-31').rows.find((r) => r.name === '申报人4')!;
    expect(onTime).toMatchObject({
      status: 'returned',
      waitsAt: 'unit',
      deadline: '2099-12-31',
      returns: 1,
      lastReason: '请补充联系电话',
    });
    const late = deskApplicants(d, '2100-01-01').rows.find((r) => r.name === '申报人4')!;
    expect(late).toMatchObject({ status: 'lapsed', waitsAt: 'none', returns: 1 });
    expect(deskApplicant(d.db, four.applicantId)!.status).toBe('lapsed');
    const lapses = () =>
      listAudit(d.db, { applicantId: four.applicantId }).filter(
        (e) => e.action === 'desk-status' && (e.detail as { to?: string }).to === 'lapsed',
      );
    expect(lapses()).toHaveLength(1);
    expect(lapses()[0]).toMatchObject({
      detail: { from: 'returned', to: 'lapsed', by: 'desk' },
      reason: expect.stringContaining('2099-12-31') as string,
    });
    // Read again: nothing more is moved or written.
    deskApplicants(d, '2100-01-02');
    expect(lapses()).toHaveLength(1);
    // The others are untouched.
    expect(deskApplicants(d, '2100-01-02').rows.filter((r) => r.status === 'lapsed')).toHaveLength(1);
  });

  it('serves desk:applicants through the contract, and only in a desk’s workspace', async () => {
    const d = await deskWithBatches();
    const out = await call<{ rows: unknown[] }>(d, 'desk:applicants', {});
    expect(out.rows).toHaveLength(4);
    expect((await refused(d, 'desk:applicants', { unit: 'x' })).code).toBe('invalid_input');
    expect((await refused(unitWorkspace(), 'desk:applicants', {})).code).toBe('not_desk_workspace');
  });
});
