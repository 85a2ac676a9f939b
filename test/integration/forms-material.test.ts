// Per material, one merged upload-ready PDF (issue 5): the current attachments of a material in the order
// of the materials view, with one bookmark per file, scans embedded as they are, the same bytes each run,
// cancellable between parts, and its size told against the upload profile. Real workspace, real store,
// real PDF worker; the output is read back with MuPDF (mutool) and poppler (pdfinfo, pdfimages, pdftoppm).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import * as service from '../../electron/core/attachments/attachmentService.js';
import * as pages from '../../electron/core/attachments/pages.js';
import { pdfPoolStats } from '../../electron/core/attachments/pdfPool.js';
import { setUploadProfile } from '../../electron/core/attachments/profile.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { DossierError } from '../../electron/core/errors.js';
import { materialParts, mergeMaterial } from '../../electron/core/forms/materialPdf.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { emptyRecord } from '../../shared/archive/empty.js';
import { DEFAULT_UPLOAD_PROFILE } from '../../shared/attachments/schema.js';
import { makeJpeg, makePdf, makePng, makeTiff } from '../helpers/files.js';
import { tempDir, tempWorkspace } from '../helpers/workspace.js';

function setup() {
  const w = tempWorkspace();
  const applicantId = archive.createApplicant(w.db);
  const education = (id: string, fields: Record<string, unknown>) =>
    archive.putRecord(w.db, {
      applicantId,
      kind: 'educations',
      record: { ...emptyRecord('educations', id), ...fields },
    });
  education('edu1', {
    school: '浙江大学',
    level: 'master',
    major: '热能工程',
    graduationDate: '2010-06-30',
    degree: '工学硕士',
  });
  // A school name beyond the BMP: the bookmark is UTF-16 with a surrogate pair.
  education('edu2', { school: '𠮷林大学', level: 'bachelor', graduationDate: '2007-06-30', degree: '工学学士' });
  return { w, applicantId };
}

const add = async (w: Workspace, bytes: Buffer, fileName: string) =>
  (await service.addAttachmentFromStream(w, [bytes], { fileName })).attachment;

const link = (w: Workspace, attachmentId: string, slot: string, recordId: string | null = null) =>
  service.linkAttachment(w, { attachmentId, slot, recordId });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function refusal(run: () => Promise<unknown> | unknown): Promise<DossierError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DossierError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

function writeOut(bytes: Uint8Array, name = 'merged.pdf'): string {
  const file = path.join(tempDir('dossier-material-'), name);
  writeFileSync(file, bytes);
  return file;
}

const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/** MuPDF's reading of the outline: [title, page] per entry. */
function outline(file: string): [string, number][] {
  return tool('mutool', ['show', file, 'outline'])
    .split('\n')
    .flatMap((line) => {
      const m = /^\|\t"(.*)"\t#page=(\d+)/.exec(line);
      return m ? [[m[1]!, Number(m[2])] as [string, number]] : [];
    });
}

/** M-4 with every kind of part, added in an order unlike the view's: the view's order must win. */
async function m4(w: Workspace) {
  const pdf = await add(w, await makePdf(2), '本科毕业证.pdf');
  link(w, pdf.id, 'M-4/diploma', 'edu2');
  const png = await add(w, await makePng(300, 200), '硕士学位证.png');
  link(w, png.id, 'M-4/degree', 'edu1');
  const diploma = await add(w, await makeJpeg(400, 560, { seed: 3 }), '硕士毕业证.jpg');
  link(w, diploma.id, 'M-4/diploma', 'edu1');
  // The same scan also proves the degree: it is merged once, under the diploma.
  link(w, diploma.id, 'M-4/degree', 'edu1');
  const bachelorDegree = await add(w, await makeJpeg(420, 600, { seed: 5 }), '学士学位证.jpg');
  link(w, bachelorDegree.id, 'M-4/degree', 'edu2');
  const idCard = await add(w, await makeJpeg(600, 400, { seed: 4 }), '身份证.jpg');
  link(w, idCard.id, 'M-4/id-card');
  return { pdf, png, diploma, bachelorDegree, idCard };
}

describe('material parts', () => {
  it('follow the materials view: items in order, each file once, titled by item and record', async () => {
    const { w, applicantId } = setup();
    const { pdf, png, diploma, bachelorDegree, idCard } = await m4(w);
    const parts = materialParts(w, applicantId, 'M-4');
    expect(parts.map((p) => [p.attachmentId, p.bookmark, p.pages])).toEqual([
      [idCard.id, '身份证', 1],
      [diploma.id, '毕业证书 — 浙江大学 硕士研究生', 1],
      [png.id, '学位证书 — 浙江大学 硕士研究生', 1],
      [pdf.id, '毕业证书 — 𠮷林大学 大学本科', 2],
      [bachelorDegree.id, '学位证书 — 𠮷林大学 大学本科', 1],
    ]);
    expect(parts[3]).toMatchObject({ fileName: '本科毕业证.pdf', mediaType: 'application/pdf', sha256: pdf.sha256 });
    expect(materialParts(w, applicantId, 'M-9')).toEqual([]);
    expect((await refusal(() => materialParts(w, applicantId, 'M-13'))).code).toBe('not_found');
  });

  it('numbers several files of one item, and titles a yearly proof by its year', async () => {
    const { w, applicantId } = setup();
    const front = await add(w, await makeJpeg(300, 200, { seed: 1, noise: true }), '正面.jpg');
    const back = await add(w, await makeJpeg(300, 200, { seed: 2, noise: true }), '反面.jpg');
    link(w, front.id, 'M-4/id-card');
    link(w, back.id, 'M-4/id-card');
    expect(materialParts(w, applicantId, 'M-4').map((p) => p.bookmark)).toEqual(['身份证（1/2）', '身份证（2/2）']);
    const pension = await add(w, await makeJpeg(300, 200, { seed: 6 }), '社保.jpg');
    link(w, pension.id, 'M-5/pension/2019');
    expect(materialParts(w, applicantId, 'M-5').map((p) => p.bookmark)).toEqual(['2019 年基本养老保险参保缴费证明']);
  });

  it('leave out deleted attachments and versions superseded by an edit', async () => {
    const { w, applicantId } = setup();
    const turned = await add(w, await makeJpeg(300, 200, { seed: 7, noise: true }), '2019考核.jpg');
    link(w, turned.id, 'M-9/assessment/2019');
    const gone = await add(w, await makeJpeg(300, 200, { seed: 8, noise: true }), '2018考核.jpg');
    link(w, gone.id, 'M-9/assessment/2018');
    const rotated = await pages.rotate(w, { attachmentId: turned.id, degrees: 90 });
    service.setAttachmentDeleted(w, { attachmentId: gone.id }, true);
    expect(materialParts(w, applicantId, 'M-9').map((p) => p.attachmentId)).toEqual([rotated.id]);
    service.setAttachmentDeleted(w, { attachmentId: gone.id }, false);
    expect(materialParts(w, applicantId, 'M-9').map((p) => p.attachmentId)).toEqual([gone.id, rotated.id]);
    // Parts listed before a delete are refused, not merged from a file the user removed.
    const stale = materialParts(w, applicantId, 'M-9');
    service.setAttachmentDeleted(w, { attachmentId: gone.id }, true);
    expect((await refusal(() => mergeMaterial(w, stale, { title: 'M-9' }))).code).toBe('deleted');
  });
});

describe('merged material PDF', () => {
  it('has the parts in order, a bookmark per part on its first page, JPEGs unchanged, PDF pages kept', async () => {
    const { w, applicantId } = setup();
    const { diploma, bachelorDegree, idCard } = await m4(w);
    const parts = materialParts(w, applicantId, 'M-4');
    const progress: [number, number][] = [];
    const merged = await mergeMaterial(w, parts, {
      title: 'M-4 身份、学历学位、职称、聘任及获奖证明',
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([1, 2, 3, 4, 5].map((done) => [done, 5]));
    expect(merged.pages).toBe(6);
    const file = writeOut(merged.bytes);

    expect(outline(file)).toEqual([
      ['身份证', 1],
      ['毕业证书 — 浙江大学 硕士研究生', 2],
      ['学位证书 — 浙江大学 硕士研究生', 3],
      ['毕业证书 — 𠮷林大学 大学本科', 4],
      ['学位证书 — 𠮷林大学 大学本科', 6],
    ]);
    const root = tool('mutool', ['show', file, 'trailer/Root']);
    expect(root).toMatch(/\/PageMode\s*\/UseOutlines/);
    expect(tool('mutool', ['show', file, 'trailer/Root/Outlines'])).toMatch(/\/Count 5/);

    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/Pages:\s+6/);
    expect(info).toMatch(/Title:\s+M-4 身份、学历学位/);
    expect(info).toMatch(/Producer:\s+Dossier \(pdf-lib\)/);
    expect(info).not.toMatch(/CreationDate|ModDate/);

    // Images: A4 in their orientation. The PDF's pages keep their own sizes (501 and 502 pt wide).
    const doc = await PDFDocument.load(merged.bytes);
    expect(doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual([
      [842, 595],
      [595, 842],
      [842, 595],
      [501, 700],
      [502, 700],
      [595, 842],
    ]);
    expect(tool('pdftotext', ['-f', '4', '-l', '5', file, '-'])).toMatch(/page 1[\s\S]*page 2/);

    // Each JPEG is in the PDF byte for byte, as a DCT stream; the PNG stays lossless (Flate).
    const dct = new Set<string>();
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode')) {
        dct.add(sha256(object.contents));
      }
    }
    expect(dct).toEqual(new Set([idCard.sha256, diploma.sha256, bachelorDegree.sha256]));
    const images = tool('pdfimages', ['-list', file]).split('\n').slice(2).filter(Boolean);
    expect(images.map((line) => line.trim().split(/\s+/)[8])).toEqual(['jpeg', 'jpeg', 'image', 'jpeg']);
  });

  it('gives the same bytes every time (no dates, fixed producer)', async () => {
    const { w, applicantId } = setup();
    await m4(w);
    const parts = materialParts(w, applicantId, 'M-4');
    const a = await mergeMaterial(w, parts, { title: 'M-4' });
    const b = await mergeMaterial(w, parts, { title: 'M-4' });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(Buffer.from(a.bytes).toString('latin1')).not.toMatch(/CreationDate|ModDate/);
  });

  it('turns an image upright by its EXIF orientation without re-encoding it', async () => {
    const { w, applicantId } = setup();
    // Stored 400×300 with a dark band along the top; EXIF 6 says: turn 90° clockwise to view.
    const stored = await sharp(await makeJpeg(400, 300, { seed: 9 }))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const scan = await add(w, stored, '竖拍.jpg');
    link(w, scan.id, 'M-4/id-card');
    const merged = await mergeMaterial(w, materialParts(w, applicantId, 'M-4'), { title: 'M-4' });
    const file = writeOut(merged.bytes);
    const doc = await PDFDocument.load(merged.bytes);
    expect([Math.round(doc.getPage(0).getWidth()), Math.round(doc.getPage(0).getHeight())]).toEqual([595, 842]);
    expect(tool('pdfimages', ['-list', file])).toMatch(/ 400\s+300 .* jpeg /);
    // Rendered upright: the band is now down the right-hand side.
    execFileSync('pdftoppm', ['-r', '20', '-gray', '-png', file, path.join(path.dirname(file), 'page')]);
    const png = readFileSync(path.join(path.dirname(file), 'page-1.png'));
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const at = (fx: number, fy: number) =>
      data[Math.floor(fy * info.height) * info.width + Math.floor(fx * info.width)] ?? -1;
    expect(at(0.96, 0.5)).toBeLessThan(100);
    expect(at(0.5, 0.5)).toBeGreaterThan(200);
    expect(at(0.04, 0.5)).toBeGreaterThan(200);
  });

  it('stops between parts when cancelled, returns nothing, and the worker goes on serving', async () => {
    const { w, applicantId } = setup();
    for (let i = 0; i < 40; i++) {
      const scan = await add(w, await makeJpeg(500, 700, { seed: 100 + i, noise: true, quality: 80 }), `p${i}.jpg`);
      link(w, scan.id, 'M-4/id-card');
    }
    const parts = materialParts(w, applicantId, 'M-4');
    const controller = new AbortController();
    let last = 0;
    const error = await refusal(() =>
      mergeMaterial(w, parts, {
        title: 'M-4',
        signal: controller.signal,
        onProgress: (done) => {
          last = done;
          if (done === 2) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(error.localized.zh).toContain('取消');
    // The worker stops at its next boundary: far from the 40th part (a few parts of slack for the message).
    expect(last).toBeLessThan(parts.length);

    const before = { ...pdfPoolStats };
    const aborted = new AbortController();
    aborted.abort();
    expect((await refusal(() => mergeMaterial(w, parts, { title: 'M-4', signal: aborted.signal }))).code).toBe(
      'cancelled',
    );
    expect(pdfPoolStats).toEqual(before);

    const again = await mergeMaterial(w, parts.slice(0, 3), { title: 'M-4' });
    expect(again.pages).toBe(3);
  });

  it('converts a TIFF that is current again (its JPEG deleted), and says so', async () => {
    const { w, applicantId } = setup();
    const { attachment: converted, convertedFrom } = await service.addAttachmentFromStream(w, [await makeTiff()], {
      fileName: '职称证.tif',
    });
    link(w, converted.id, 'M-4/id-card');
    service.setAttachmentDeleted(w, { attachmentId: converted.id }, true);
    const parts = materialParts(w, applicantId, 'M-4');
    expect(parts.map((p) => [p.attachmentId, p.mediaType])).toEqual([[convertedFrom?.id, 'image/tiff']]);
    const merged = await mergeMaterial(w, parts, { title: 'M-4' });
    expect(merged.pages).toBe(1);
    expect(merged.notes.map((n) => n.zh)).toContain('“职称证.tif”为 TIFF，已转换为 JPEG 后合并。');
  });

  it('refuses an empty material', async () => {
    const { w, applicantId } = setup();
    const error = await refusal(() => mergeMaterial(w, materialParts(w, applicantId, 'M-7'), { title: 'M-7' }));
    expect(error.code).toBe('material_empty');
    expect(error.localized.zh).toContain('该材料还没有附件');
  });

  it('reports the merged size against the profile, and what to do when it is over', async () => {
    const { w, applicantId } = setup();
    const big = await add(w, await makeJpeg(600, 800, { seed: 11, noise: true }), '大扫描.jpg');
    link(w, big.id, 'M-4/id-card');
    const parts = materialParts(w, applicantId, 'M-4');
    const within = await mergeMaterial(w, parts, { title: 'M-4' });
    expect(within.notes[0]?.zh).toMatch(/^合并后 \d+ KB，在上传限制 10 MB 以内。$/);
    expect(within.notes[0]?.en).toContain('within the upload limit of 10 MB');

    setUploadProfile(w.db, { ...DEFAULT_UPLOAD_PROFILE, maxFileBytes: 10_000, maxMaterialBytes: 10_000 });
    const over = await mergeMaterial(w, parts, { title: 'M-4' });
    expect(over.notes[0]?.zh).toMatch(
      /^合并后 \d+ KB，超过上传限制 10 KB：请先对较大的扫描件（“大扫描\.jpg”）使用“适配上传要求”/,
    );
    expect(over.notes[0]?.en).toContain('Fit to the upload profile');
    // Nothing was degraded on the way: the JPEG is in there as it was.
    expect(Buffer.from(over.bytes).includes(readFileSync(storedPath(w.store, big.sha256)))).toBe(true);

    // Only PDFs over the limit: "fit" cannot help, so the note says what can.
    const pdf = await add(w, await makePdf(40), '论文.pdf');
    link(w, pdf.id, 'M-6/experience');
    const pdfOnly = await mergeMaterial(w, materialParts(w, applicantId, 'M-6'), { title: 'M-6' });
    expect(pdfOnly.notes[0]?.zh).toContain('超过上传限制 10 KB');
    expect(pdfOnly.notes[0]?.zh).toContain('重新扫描');
  });
});
