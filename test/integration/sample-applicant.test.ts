// Issue 15: the sample applicant is a finished example — its scans stored through the normal store path,
// each linked to its record and material slot, materials 12/12 and a verdict that is not `fail`; a failing
// load leaves no archive and no file behind; `dossier init --sample` refuses a workspace that holds one.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAttachments } from '../../electron/core/attachments/attachmentService.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { verifyStore } from '../../electron/core/attachments/verify.js';
import { loadSample, readSampleScans, type SampleScans } from '../../electron/core/sampleApplicant.js';
import { closeWorkspace, currentApplicantId, openWorkspace } from '../../electron/core/workspace.js';
import { READABLE_SCAN } from '../../shared/attachments/schema.js';
import { dossier } from '../helpers/cli.js';
import { tempDir, tempWorkspace } from '../helpers/workspace.js';

/** Every file under store/ but the temp folder. */
function storedFiles(dataDir: string): string[] {
  const store = path.join(dataDir, 'store');
  if (!existsSync(store)) return [];
  return readdirSync(store, { recursive: true, encoding: 'utf8' }).filter(
    (f) => !f.startsWith('tmp') && statSync(path.join(store, f)).isFile(),
  );
}

describe('the sample applicant', () => {
  it('ships small scans, every one linked, long sides readable', () => {
    const { scans } = readSampleScans();
    const dir = path.join('resources', 'sample', 'scans');
    expect(readdirSync(dir).sort()).toEqual(scans.map((s) => s.file).sort());
    const total = scans.reduce((sum, s) => sum + statSync(path.join(dir, s.file)).size, 0);
    expect(total).toBeLessThan(1_500_000);
  });

  it('loads complete: 12/12 materials, verdict not fail with its points named, every scan linked and readable', async () => {
    const data = path.join(tempDir(), 'ws');
    const created = await dossier('init', '--sample', '--data', data);
    expect(created).toMatchObject({ code: 0, out: expect.stringContaining('载入示例申报人') });

    const materials = JSON.parse((await dossier('materials', '--data', data, '--json')).out) as {
      complete: number;
      total: number;
      missing: number;
    };
    expect(materials).toMatchObject({ complete: 12, total: 12, missing: 0 });

    const check = await dossier('check', '--data', data, '--json');
    const report = JSON.parse(check.out) as {
      verdict: string;
      findings: { id: string; status: string; title: { zh: string } }[];
    };
    expect(check.code).toBe(0);
    expect(['pass', 'review']).toContain(report.verdict);
    const toJudge = report.findings.filter((f) => f.status === 'review');
    if (report.verdict === 'review') expect(toJudge.length).toBeGreaterThan(0);
    for (const f of toJudge) expect(f.title.zh.length).toBeGreaterThan(0);
    // No point about the scans themselves: each is readable (R-9.readable-scans) and present.
    expect(report.findings.filter((f) => f.status !== 'pass' && /scan|paper-pages|proof/.test(f.id))).toEqual([]);

    const w = openWorkspace(data);
    try {
      const applicantId = currentApplicantId(w)!;
      const { attachments } = listAttachments(w, { applicantId });
      const { scans } = readSampleScans();
      expect(attachments).toHaveLength(scans.length);
      for (const a of attachments) {
        expect(a.links.length, a.fileName).toBeGreaterThan(0);
        expect(a.profileIssues, a.fileName).toEqual([]);
        // Stored by content: the file under its hash is the shipped file's bytes.
        const bytes = readFileSync(storedPath(w.store, a.sha256));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(a.sha256);
        if (a.mediaType === 'image/jpeg' && a.links.every((l) => l.slot !== 'M-4/photo')) {
          expect(Math.max(a.width ?? 0, a.height ?? 0), a.fileName).toBeGreaterThanOrEqual(READABLE_SCAN.minLongSidePx);
        }
      }
      const linked = attachments.flatMap((a) => a.links).length;
      expect(linked).toBe(scans.reduce((n, s) => n + s.links.length, 0));
      expect(await verifyStore(w)).toMatchObject({ isOk: true, missing: [], damaged: [], unreferenced: [] });
    } finally {
      closeWorkspace(w);
    }

    // Twice: refused with the workspace named, exit code 1, nothing changed.
    const again = await dossier('init', '--data', data, '--sample');
    expect(again.code).toBe(1);
    expect(again.err).toContain('已有档案');
    expect(again.err).toContain(data);
    const after = openWorkspace(data, { readOnly: true });
    try {
      expect(listAttachments(after, { applicantId: currentApplicantId(after)! }).attachments).toHaveLength(
        readSampleScans().scans.length,
      );
    } finally {
      closeWorkspace(after);
    }
    // `doctor --sample N` still takes its number.
    expect((await dossier('doctor', '--data', data, '--sample', '3')).code).toBe(0);
  });

  it('a link that cannot be made undoes everything: no archive, no row, no stored file', async () => {
    const w = tempWorkspace();
    const manifest = readSampleScans();
    const broken: SampleScans = {
      ...manifest,
      scans: manifest.scans.map((s) =>
        s.file === 'paper-zjdl-2019.pdf'
          ? { ...s, links: [...s.links, { recordId: 'work-1', slot: 'M-10/paper/toc', page: 9 }] }
          : s,
      ),
    };
    await expect(loadSample(w, broken)).rejects.toMatchObject({ code: 'invalid_page' });
    expect(currentApplicantId(w)).toBeNull();
    expect(w.db.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 0 });
    expect(storedFiles(w.dataDir)).toEqual([]);

    const wrongKind: SampleScans = {
      ...manifest,
      scans: [{ ...manifest.scans[0]!, links: [{ recordId: 'edu-1', slot: 'M-5/pension/2019' }] }],
    };
    await expect(loadSample(w, wrongKind)).rejects.toMatchObject({ code: 'wrong_kind' });
    expect(currentApplicantId(w)).toBeNull();
    expect(storedFiles(w.dataDir)).toEqual([]);

    // A file that is missing from the resources fails before anything is written.
    const missing: SampleScans = { ...manifest, scans: [{ ...manifest.scans[0]!, file: 'nope.jpg' }] };
    await expect(loadSample(w, missing)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(currentApplicantId(w)).toBeNull();
    expect(storedFiles(w.dataDir)).toEqual([]);

    // After the failures the real sample still loads into the same workspace.
    await loadSample(w);
    expect(currentApplicantId(w)).not.toBeNull();
  });

  it('refuses a workspace that already holds an archive, before storing anything', async () => {
    const w = tempWorkspace();
    await loadSample(w);
    const before = storedFiles(w.dataDir).length;
    await expect(loadSample(w)).rejects.toMatchObject({ code: 'workspace_not_empty' });
    expect(storedFiles(w.dataDir)).toHaveLength(before);
  });
});
