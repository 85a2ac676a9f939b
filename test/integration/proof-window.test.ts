// One source for every window (issue 12, R-4, R-8): the rule pack's parameters decide the years of the
// yearly proofs everywhere — the materials view, the year a scan is filed under (its record's, never a
// default), the merged PDF's bookmarks and the material index. Changing a parameter through `dossier params`
// moves all of them at once; a scan filed under a year that left the window is shown as needing attention,
// never relabelled.
import { describe, expect, it } from 'vitest';
import { importArchiveJson, readArchive } from '../../electron/core/archiveService.js';
import * as service from '../../electron/core/attachments/attachmentService.js';
import { materialIndex } from '../../electron/core/forms/context.js';
import { materialParts } from '../../electron/core/forms/materialPdf.js';
import { checkApplicant } from '../../electron/core/rulesService.js';
import { closeWorkspace, openWorkspace, readSampleJson, type Workspace } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { makeJpeg } from '../helpers/files.js';
import { tempDir } from '../helpers/workspace.js';
import path from 'node:path';

async function sample() {
  const dir = path.join(tempDir(), 'ws');
  const w = openWorkspace(dir);
  const applicantId = importArchiveJson(w.db, readSampleJson());
  return { dir, w, applicantId };
}

const m9 = (w: Workspace, applicantId: string) =>
  materialIndex(w, applicantId, readArchive(w.db, applicantId)).find((e) => e.material === 'M-9')!;

describe('the assessment years follow the parameters everywhere', () => {
  it('a 2017 scan is filed as 2017 (its record), bookmarked and indexed so; then the window moves', async () => {
    const { dir, w, applicantId } = await sample();
    {
      const scan = (
        await service.addAttachmentFromStream(w, [await makeJpeg(1200, 1700, { seed: 17 })], {
          fileName: '2017年度考核.jpg',
        })
      ).attachment;
      // The caller says 2020 (the old default); the record says 2017: the record wins.
      const link = service.linkAttachment(w, {
        attachmentId: scan.id,
        slot: 'M-9/assessment/2020',
        recordId: 'assess-2017',
      });
      expect(link.slot).toBe('M-9/assessment/2017');
      expect(materialParts(w, applicantId, 'M-9').map((p) => p.bookmark)).toEqual(['2017 年年度考核材料']);
      // The index names the document as its bookmark does, not the file (issue 15).
      expect(m9(w, applicantId).files.map((f) => f.name)).toEqual(['2017 年年度考核材料']);
      expect(m9(w, applicantId).note?.zh).toBe('尚缺：2018、2019 年');
      expect(
        checkApplicant(w, applicantId, '2026-12-07').findings.find((f) => f.id === 'M-9.assessments#2017')?.status,
      ).toBe('pass');

      // The window moves through the CLI, as an expert correcting the pack would.
      closeWorkspace(w);
    }
    {
      const set = await dossier('params', '--data', dir, '--set', 'assessmentYears=2018,2019,2020');
      expect(set.code, set.err).toBe(0);
      const moved = openWorkspace(dir);
      try {
        expect(m9(moved, applicantId).note?.zh).toBe('尚缺：2018、2019、2020 年');
        // The 2017 scan is still listed — as 2017, needing attention — never relabelled as another year.
        expect(materialParts(moved, applicantId, 'M-9').map((p) => p.bookmark)).toEqual(['2017 年年度考核材料']);
        const json = await dossier('materials', '--data', dir, '--json');
        const view = JSON.parse(json.out) as {
          materials: { id: string; items: { year: number | null; status: string }[] }[];
        };
        const items = view.materials.find((m) => m.id === 'M-9')!.items;
        expect(items.map((i) => `${i.year} ${i.status}`)).toEqual([
          '2018 missing',
          '2019 missing',
          '2020 missing',
          '2017 attention',
        ]);
        // The rules read the same window: 2020 is now asked for, 2017 no longer.
        const report = checkApplicant(moved, applicantId, '2026-12-07');
        expect(report.findings.some((f) => f.id === 'M-9.assessments#2017')).toBe(false);
        expect(report.findings.find((f) => f.id === 'M-9.assessments#2020')?.status).toBe('fail');
      } finally {
        closeWorkspace(moved);
      }
    }
  });

  it('refuses a bad window with every problem named and changes nothing', async () => {
    const { dir, w } = await sample();
    closeWorkspace(w);
    for (const bad of [
      'assessmentYears=2017,2017,2018',
      'assessmentYears=2021,2019',
      'assessmentYears=',
      'assessmentYears=abc',
      'applicationDate=2030-01-01',
    ]) {
      const r = await dossier('params', '--data', dir, '--set', bad);
      expect(r.code, bad).toBe(2);
      expect(r.err, bad).toMatch(/assessmentYears|applicationDate/);
    }
    const json = JSON.parse((await dossier('params', '--data', dir, '--json')).out) as {
      params: { assessmentYears: number[]; applicationDate: string };
      log: unknown[];
    };
    expect(json.params.assessmentYears).toEqual([2017, 2018, 2019]);
    expect(json.params.applicationDate).toBe('2020-10-10');
    expect(json.log).toEqual([]);
  });
});
