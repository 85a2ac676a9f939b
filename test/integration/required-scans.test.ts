// Scans a reviewer can rely on (issue 19, item 7), on real workspaces and real package files: the export is
// refused while a required scan is missing, naming each (M-4 …); a scan handed in on paper with a written
// reason stands in for it, and a paper copy without one is refused with nothing changed; a scan under a
// readable resolution is a point to judge at the upload and at the export; the reasons given at an export
// are offered again at the next one, and an emptied one is refused with nothing changed; the unit's check of
// the same package names the same missing scans, reads the paper copies, and finds the applicant's reason
// for a blurred scan at its finding.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus, OutputOf } from '../../shared/api/contract.js';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { computeMaterials } from '../../shared/materials/requirements.js';
import { runPack } from '../../shared/rules/engine.js';
import { DEFAULT_PARAMS_2020, PACK_2020 } from '../../shared/rules/pack2020/index.js';
import { importArchiveJson, readArchive } from '../../electron/core/archiveService.js';
import {
  addAttachmentFromStream,
  linkAttachment,
  listAttachments,
  unlinkAttachment,
} from '../../electron/core/attachments/attachmentService.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { DossierError } from '../../electron/core/errors.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { precheck, startExport } from '../../electron/core/package/exportService.js';
import { createWorkspaceKey } from '../../electron/core/package/keyService.js';
import { receiveUpload } from '../../electron/core/package/uploads.js';
import { readSampleJson, type Workspace } from '../../electron/core/workspace.js';
import { exportOk, justifyAll, PASSPHRASE, readyWorkspace, TODAY, workspaceIn } from '../helpers/exportFixtures.js';
import { makeJpeg, makePdf } from '../helpers/files.js';
import { tempDir } from '../helpers/workspace.js';
import { personArchive, scansFor, unitWorkspace, writePerson } from '../helpers/unitFixtures.js';
import { call, refused } from '../helpers/unitFlow.js';

type Review = OutputOf<'unit:review'>;

async function unitImport(u: Workspace, file: string): Promise<string> {
  const { uploadId } = await receiveUpload(u, [readFileSync(file)], { fileName: path.basename(file) });
  const status: JobStatus = await waitForJob(
    (await call<{ jobId: string }>(u, 'unit:import', { uploadIds: [uploadId] })).jobId,
  );
  const result = status.unitImport?.[0];
  if (status.state !== 'done' || !result?.applicantId) throw new Error(`unit import: ${JSON.stringify(status)}`);
  return result.applicantId;
}

const packagesOf = (w: Workspace) => {
  try {
    return readdirSync(path.join(w.dataDir, 'packages'));
  } catch {
    return [];
  }
};

const REASON = '身份证原件由单位人事当面核验，复印件随纸质材料一并提交。';

describe('the export names each required scan still missing', () => {
  it('refuses the sample as shipped, each scan a failure with a link to its slot; writes nothing', async () => {
    const w = workspaceIn();
    const applicantId = importArchiveJson(w.db, readSampleJson());
    await createWorkspaceKey(w, PASSPHRASE);
    const check = precheck(w, applicantId, TODAY);
    const blocker = (id: string) => check.report.findings.find((f) => f.id === id);
    for (const [id, slot, recordId] of [
      ['M-4.scans#id-card', 'M-4/id-card', undefined],
      ['M-4.scans#photo', 'M-4/photo', undefined],
      ['M-4.scans#diploma:edu-1', 'M-4/diploma', 'edu-1'],
      ['M-4.scans#degree:edu-2', 'M-4/degree', 'edu-2'],
      ['M-4.scans#title-cert:title-2', 'M-4/title-cert', 'title-2'],
      ['M-4.scans#appointment:appt-2', 'M-4/appointment', 'appt-2'],
    ] as const) {
      expect(blocker(id)?.status, id).toBe('fail');
      expect(blocker(id)?.fix).toEqual({ kind: 'slot', target: slot, ...(recordId ? { recordId } : {}) });
      expect(check.blockers.map((b) => b.id)).toContain(id);
    }
    const error = await startExport(w, { applicantId, passphrase: PASSPHRASE, justifications: [], today: TODAY }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DossierError);
    const e = error as DossierError;
    expect(e.code).toBe('export_blocked');
    expect(e.localized.zh).toContain('M-4.scans#id-card（缺少身份证');
    expect(e.issues?.map((i) => i.path)).toEqual(check.blockers.map((b) => b.id));
    expect(packagesOf(w)).toEqual([]);
  });

  it('the materials view and the check agree: every scan the view counts missing is named', () => {
    const w = workspaceIn();
    const applicantId = importArchiveJson(w.db, readSampleJson());
    const archive = readArchive(w.db, applicantId);
    const missing = computeMaterials(archive, [], DEFAULT_PARAMS_2020)
      .flatMap((m) => m.items)
      .filter((i) => i.status === 'missing' && i.year !== 2020);
    const fixes = precheck(w, applicantId, TODAY).report.findings.flatMap((f) =>
      f.status === 'fail' && f.fix?.kind === 'slot' ? [`${f.fix.target}#${f.fix.recordId ?? '-'}`] : [],
    );
    // R-7.paper-pages names the first missing page of a paper; every other scan is a finding of its own.
    const paperPage = (key: string) => /^M-10\/paper\/(issn|toc|article)#/.test(key);
    expect(new Set(fixes)).toEqual(new Set(missing.map((i) => i.key).filter((k) => !paperPage(k))));
  });
});

describe('提交纸质件: a paper copy with a written reason', () => {
  it('stands in for the scan; without a reason (or only spaces) it is refused with nothing changed', async () => {
    const { w, applicantId } = await readyWorkspace({ withKey: false });
    const idCard = listAttachments(w, { applicantId }).attachments.flatMap((a) =>
      a.links.filter((l) => l.slot === 'M-4/id-card'),
    );
    for (const l of idCard) unlinkAttachment(w, { linkId: l.id });
    expect(precheck(w, applicantId, TODAY).blockers.map((b) => b.id)).toEqual(['M-4.scans#id-card']);

    const save = (reason: unknown) =>
      dispatch(w, 'archive:saveSection', {
        applicantId,
        section: 'materials',
        data: { paperCopies: [{ slot: 'M-4/id-card', recordId: null, reason }] },
      });
    for (const reason of ['', '      ', '太短的理由']) {
      const r = await save(reason);
      expect(r.ok, JSON.stringify(reason)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.issues?.[0]?.path).toBe('data.paperCopies.0.reason');
      expect(r.error.issues?.[0]?.message.zh).toBe('请写明提交纸质件的理由（至少 10 个字）');
      expect(readArchive(w.db, applicantId).materials.paperCopies).toEqual([]);
    }
    // The same item twice, an unknown slot: refused too.
    const twice = await refused(w, 'archive:saveSection', {
      applicantId,
      section: 'materials',
      data: {
        paperCopies: [
          { slot: 'M-4/id-card', recordId: null, reason: REASON },
          { slot: 'M-4/id-card', recordId: null, reason: REASON },
        ],
      },
    });
    expect(twice.message.zh).toContain('同一材料项标记了两次');
    expect((await save(REASON)).ok).toBe(true);

    const after = precheck(w, applicantId, TODAY);
    expect(after.blockers).toEqual([]);
    // A note for the unit, not a point to judge: no reason asked at the export.
    expect(after.warnings.map((f) => f.id)).not.toContain('M-4.scans#id-card');
    const note = after.report.findings.find((f) => f.id === 'M-4.scans#id-card')!;
    expect(note).toMatchObject({ status: 'review', severity: 'info' });
    expect(note.message.zh).toContain(REASON);
    // The materials view says so, with the reason.
    const item = computeMaterials(
      readArchive(w.db, applicantId),
      listAttachments(w, { applicantId }).attachments,
      DEFAULT_PARAMS_2020,
    )
      .flatMap((m) => m.items)
      .find((i) => i.slot === 'M-4/id-card')!;
    expect(item).toMatchObject({ status: 'paper', paperReason: REASON });
  });
});

describe('a scan under a readable resolution', () => {
  it('is a warning at the upload (in Chinese) and a point to judge at the export; the ID photo is not', async () => {
    const { w, applicantId } = await readyWorkspace({ withKey: false });
    const { attachment } = await addAttachmentFromStream(w, [await makeJpeg(300, 200, { seed: 901 })], {
      fileName: '身份证-手机拍.jpg',
      applicantId,
    });
    expect(attachment.profileIssues.find((i) => i.code === 'low_resolution')?.message.zh).toBe(
      '图片仅 300×200 像素（长边不足 1000 像素），审核时可能看不清文字。请以 150–300 dpi 重新扫描或拍摄后替换。',
    );
    linkAttachment(w, { attachmentId: attachment.id, slot: 'M-4/id-card', recordId: null });
    const check = precheck(w, applicantId, TODAY);
    const id = `R-9.readable-scans#${attachment.sha256.slice(0, 16)}`;
    expect(check.blockers).toEqual([]);
    const warning = check.warnings.find((f) => f.id === id);
    expect(warning?.message.zh).toContain('身份证：图片仅 300×200 像素');

    // As the ID photo it is small by design: no warning at the upload nor at the export.
    const photo = await addAttachmentFromStream(w, [await makeJpeg(358, 441, { seed: 902 })], {
      fileName: '证件照.jpg',
      applicantId,
    });
    linkAttachment(w, { attachmentId: photo.attachment.id, slot: 'M-4/photo', recordId: null });
    const listed = listAttachments(w, { applicantId }).attachments.find((a) => a.id === photo.attachment.id)!;
    expect(listed.profileIssues.map((i) => i.code)).not.toContain('low_resolution');
    expect(precheck(w, applicantId, TODAY).warnings.map((f) => f.id)).not.toContain(
      `R-9.readable-scans#${photo.attachment.sha256.slice(0, 16)}`,
    );
  });

  it('a PDF of a scan under 150 dpi at A4 is measured when added; a text PDF is not judged', async () => {
    const { w, applicantId } = await readyWorkspace({ withKey: false });
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    // A scan of 800×1131 px drawn over a whole A4 page (11.69 in high): about 97 dpi.
    const image = await doc.embedJpg(await makeJpeg(800, 1131, { seed: 903 }));
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    const scanned = await addAttachmentFromStream(w, [Buffer.from(await doc.save())], {
      fileName: '学位证书.pdf',
      applicantId,
    });
    expect(scanned.attachment.scanDpi).toBe(97);
    expect(scanned.attachment.profileIssues.find((i) => i.code === 'low_resolution')?.message.zh).toContain(
      '约 97 dpi',
    );
    const text = await addAttachmentFromStream(w, [await makePdf(2)], { fileName: '说明.pdf', applicantId });
    expect(text.attachment.scanDpi).toBeNull();
    expect(text.attachment.profileIssues.map((i) => i.code)).not.toContain('low_resolution');
  });
});

describe('justifications given at an export', () => {
  it('are offered again at the next export; an emptied one is refused with nothing changed; the unit reads them', async () => {
    const { w, applicantId } = await readyWorkspace();
    // A blurred scan: a point to judge whose reason travels to the unit under the file's own id.
    const { attachment } = await addAttachmentFromStream(w, [await makeJpeg(600, 400, { seed: 904 })], {
      fileName: '获奖证书.jpg',
      applicantId,
    });
    linkAttachment(w, { attachmentId: attachment.id, slot: 'M-4/honour', recordId: 'work-6' });
    const blurredId = `R-9.readable-scans#${attachment.sha256.slice(0, 16)}`;
    const before = precheck(w, applicantId, TODAY);
    expect(before.warnings.map((f) => f.id)).toContain(blurredId);
    expect(before.remembered).toEqual([]);

    const given = justifyAll(w, applicantId);
    const file = await exportOk(w, applicantId);
    const remembered = precheck(w, applicantId, TODAY).remembered;
    // Each warning's reason, in the warnings' order, as the export dialog offers them.
    expect(remembered).toEqual(given.map((j) => ({ findingId: j.findingId, text: j.text })));

    // Emptied at the next export: refused at the door (the reason is a field), nothing remembered changes.
    const emptied = await refused(w, 'package:export', {
      applicantId,
      passphrase: PASSPHRASE,
      justifications: given.map((j) => (j.findingId === blurredId ? { ...j, text: '   ' } : j)),
    });
    expect(emptied.code).toBe('invalid_input');
    expect(emptied.issues?.[0]?.path).toMatch(/^justifications\.\d+\.text$/);
    // Left out: the export says which warning lacks its reason.
    const missing = await startExport(w, {
      applicantId,
      passphrase: PASSPHRASE,
      justifications: given.filter((j) => j.findingId !== blurredId),
      today: TODAY,
    }).then(
      () => null,
      (e: unknown) => e as DossierError,
    );
    expect(missing?.code).toBe('justification_needed');
    expect(missing?.localized.zh).toContain(blurredId);
    expect(precheck(w, applicantId, TODAY).remembered).toEqual(remembered);

    // The unit checks the same package with the same pack: the blurred scan is a point to judge there too,
    // under the same id, with the applicant's reason beside it.
    const u = unitWorkspace();
    const id = await unitImport(u, file.path);
    const review = await call<Review>(u, 'unit:review', { applicantId: id });
    const atUnit = review.findings.find((f) => f.id === blurredId);
    expect(atUnit?.status).toBe('review');
    expect(atUnit?.justification).toBe(given.find((j) => j.findingId === blurredId)?.text);
    expect(review.findings.filter((f) => f.status === 'fail')).toEqual([]);
  }, 240_000);
});

describe("the unit's check of the package", () => {
  const archiveOf = (n: number, edit?: (a: ArchiveDocument) => void) => personArchive(n, edit);

  it('names the same missing scans as the applicant would, and reads the paper copies that travel in it', async () => {
    const dir = tempDir();
    const u = unitWorkspace();
    // Person 1 left out the first scans the view asks for: the ID card and the photo.
    const weak = archiveOf(1);
    const weakScans = await scansFor(weak, 1, 2);
    const weakFile = await writePerson(dir, 1, { archive: weak, scans: weakScans });
    // Person 2 hands the ID card in on paper, with a reason, and attaches the rest.
    const paper = archiveOf(2, (a) =>
      a.materials.paperCopies.push({ slot: 'M-4/id-card', recordId: null, reason: REASON }),
    );
    const paperScans = (await scansFor(paper, 2)).filter((s) => s.slot !== 'M-4/id-card');
    const paperFile = await writePerson(dir, 2, { archive: paper, scans: paperScans });

    const weakId = await unitImport(u, weakFile.file);
    const weakReview = await call<Review>(u, 'unit:review', { applicantId: weakId });
    const failing = weakReview.findings.filter((f) => f.status === 'fail').map((f) => f.id);
    expect(failing).toContain('M-4.scans#id-card');
    expect(failing).toContain('M-4.scans#photo');
    // The very verdict the applicant's workspace gives the same archive and links (one pack, no second mechanism).
    const links = weakScans.map((s, i) => ({ attachmentId: `a${i}`, slot: s.slot, recordId: s.recordId }));
    const own = runPack(PACK_2020, { archive: weak, links, params: DEFAULT_PARAMS_2020, today: TODAY });
    const scanFailures = (ids: string[]) => ids.filter((x) => /^M-\d+\./.test(x) || x.startsWith('R-7.')).sort();
    expect(scanFailures(failing)).toEqual(
      scanFailures(own.findings.filter((f) => f.status === 'fail').map((f) => f.id)),
    );

    const paperId = await unitImport(u, paperFile.file);
    const paperReview = await call<Review>(u, 'unit:review', { applicantId: paperId });
    const note = paperReview.findings.find((f) => f.id === 'M-4.scans#id-card');
    expect(note).toMatchObject({ status: 'review', severity: 'info' });
    expect(note?.message.zh).toContain(REASON);
    expect(paperReview.findings.filter((f) => f.status === 'fail').map((f) => f.id)).not.toContain('M-4.scans#id-card');
  }, 120_000);

  it('reads a package of an earlier release (no paper copies in its archive)', async () => {
    const dir = tempDir();
    const u = unitWorkspace();
    const old = archiveOf(3) as Partial<ArchiveDocument>;
    delete old.materials;
    const file = await writePerson(dir, 3, { archive: old as ArchiveDocument, scans: await scansFor(archiveOf(3), 3) });
    const id = await unitImport(u, file.file);
    expect(readArchive(u.db, id).materials).toEqual({ paperCopies: [] });
  });
});
