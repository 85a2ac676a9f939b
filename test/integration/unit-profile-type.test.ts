// Issue 19, item 10: the unit's type (企业 / 事业单位) against its applicants' archives. Changing it after
// the packages came in, or applicants who filled in the other one, is said at unit.type — naming them, by
// what their archives say — by unit:get and unit:set (so by the 单位信息 form and `dossier unit-profile`),
// and it stays said while the two differ; saving is never blocked by it (only a person can tell which
// side is wrong). Real packages imported into a real unit workspace.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract.js';
import { UNIT_TYPE_LABELS } from '../../shared/archive/labels.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { receiveUpload } from '../../electron/core/package/uploads.js';
import { startUnitImport } from '../../electron/core/unit/intake.js';
import { archiveUnitTypes, getUnitProfile, setUnitProfile } from '../../electron/core/unit/profile.js';
import { setMode } from '../../electron/core/unit/mode.js';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { personArchive, UNIT, writePerson } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

let w: Workspace;
let ids: Record<string, string>;

/**
 * One unit workspace of the sample's unit (an enterprise) for the file, holding three applicants: two
 * whose archives say 企业, and 申报人3's, which says 事业单位. Opened here rather than by the helpers,
 * which close theirs after each test; each test puts the unit's profile back as it found it.
 */
beforeAll(async () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'dossier-unit-type-'));
  w = openWorkspace(path.join(home, 'unit'));
  setMode(w, 'unit');
  setUnitProfile(w, UNIT);
  const dir = path.join(home, 'packages');
  mkdirSync(dir);
  const files = [
    (await writePerson(dir, 1)).file,
    (await writePerson(dir, 2)).file,
    (await writePerson(dir, 3, { archive: personArchive(3, (a) => (a.unit.type = 'public_institution')) })).file,
  ];
  const uploads: string[] = [];
  for (const f of files) {
    uploads.push((await receiveUpload(w, [readFileSync(f)], { fileName: path.basename(f) })).uploadId);
  }
  const status = await waitForJob((await startUnitImport(w, uploads)).jobId);
  expect(status.unitImport!.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
  ids = Object.fromEntries(status.unitImport!.map((r) => [r.name!, r.applicantId!]));
  return () => {
    closeWorkspace(w);
    rmSync(home, { recursive: true, force: true });
  };
}, 60_000);
afterEach(() => void setUnitProfile(w, UNIT));

const typeProblem = (problems: { path: string; message: { zh: string; en: string } }[]) =>
  problems.find((p) => p.path === 'unit.type');

describe("the unit's type against the applicants' archives", () => {
  it("unit:get lists what each archive says, and names who differs from the unit's type", async () => {
    expect(archiveUnitTypes(w)).toEqual([
      { applicantId: ids['申报人1'], name: '申报人1', type: 'enterprise' },
      { applicantId: ids['申报人2'], name: '申报人2', type: 'enterprise' },
      { applicantId: ids['申报人3'], name: '申报人3', type: 'public_institution' },
    ]);
    const got = await dispatch(w, 'unit:get', {});
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    // The contract carries them (the form checks the draft as it is typed).
    const value = contract['unit:get'].output.parse(got.value);
    expect(value.archiveTypes).toHaveLength(3);
    const problem = typeProblem(value.problems)!;
    expect(problem.message.zh).toBe(
      '与申报人档案不一致：此处为“企业”，而 1 位申报人的档案中是“事业单位”（申报人3）。请核实：若单位性质填错，请更正；若申报人档案填错，请退回让其更正。事业单位的申报人需要岗位信息表（F-4）。',
    );
    expect(problem.message.en).toContain(`1 applicant's archive says "Public institution" (申报人3)`);
  });

  it('changing the type after the import names the others; the change is saved, and said again on reading', async () => {
    const changed = { ...UNIT, type: 'public_institution' as const };
    const saved = await dispatch(w, 'unit:set', { profile: changed });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const problem = typeProblem(contract['unit:set'].output.parse(saved.value).problems)!;
    expect(problem.message.zh).toContain('此处为“事业单位”，而 2 位申报人的档案中是“企业”（申报人1、申报人2）');
    expect(problem.message.en).toContain(`2 applicants' archives say "Enterprise" (申报人1, 申报人2)`);
    // Saved all the same: a warning, not a refusal; and it stays said.
    expect(getUnitProfile(w).profile).toEqual(changed);
    expect(typeProblem(getUnitProfile(w).problems)!.message).toEqual(problem.message);
    // "其他" differs from both: both groups named, each under what its archives say.
    const other = typeProblem(setUnitProfile(w, { ...UNIT, type: 'other' }).problems)!;
    expect(other.message.zh).toContain(
      `3 位申报人的档案中是“${UNIT_TYPE_LABELS.enterprise.zh}”（申报人1、申报人2）、“事业单位”（申报人3）`,
    );
    // No type chosen: only "missing" is said, no comparison.
    const none = setUnitProfile(w, { ...UNIT, type: '' }).problems.filter((p) => p.path === 'unit.type');
    expect(none).toHaveLength(1);
    expect(none[0]!.message.zh).toBe('单位性质未填写');
  });

  it('a bad type is refused through the contract, naming the field, and nothing changes', async () => {
    const before = getUnitProfile(w).profile;
    const bad = await dispatch(w, 'unit:set', { profile: { ...UNIT, type: '国企' } } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (bad.ok) return;
    expect(bad.error.issues?.[0]?.path).toBe('profile.type');
    expect(getUnitProfile(w).profile).toEqual(before);
  });

  it('`dossier unit-profile` says it too, in Chinese and in English', async () => {
    const file = path.join(tempDir(), 'unit.json');
    writeFileSync(file, JSON.stringify({ ...UNIT, type: 'public_institution' }));
    const zh = await dossier('unit-profile', '--set', file, '--data', w.dataDir);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('unit.type: 与申报人档案不一致：此处为“事业单位”，而 2 位申报人的档案中是“企业”');
    const en = await dossier('unit-profile', '--data', w.dataDir, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain(`unit.type: Differs from the applicants' archives: this says "Public institution"`);
  });
});
