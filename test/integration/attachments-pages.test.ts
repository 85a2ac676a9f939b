// Links and page operations (issue 3): every edit is a NEW attachment linked to its original, which stays
// untouched; one-to-one edits take over the original's links, and deleting the edit hands them back.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import * as service from '../../electron/core/attachments/attachmentService.js';
import * as pages from '../../electron/core/attachments/pages.js';
import { pdfPoolStats } from '../../electron/core/attachments/pdfPool.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { DossierError } from '../../electron/core/errors.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { emptyRecord } from '../../shared/archive/empty.js';
import { makeJpeg, makePdf, makePng, readPdf } from '../helpers/files.js';
import { tempWorkspace } from '../helpers/workspace.js';

async function setup() {
  const w = tempWorkspace();
  const applicantId = archive.createApplicant(w.db);
  archive.putRecord(w.db, { applicantId, kind: 'works', record: { ...emptyRecord('works', 'paper1'), title: '论文' } });
  archive.putRecord(w.db, { applicantId, kind: 'educations', record: emptyRecord('educations', 'edu1') });
  return { w, applicantId };
}

const add = async (w: Workspace, bytes: Buffer, fileName: string) =>
  (await service.addAttachmentFromStream(w, [bytes], { fileName })).attachment;
const bytesOf = (w: Workspace, sha256: string) => readFileSync(storedPath(w.store, sha256));

async function refusal(run: () => Promise<unknown> | unknown): Promise<DossierError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DossierError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('links', () => {
  it('links one attachment to a record, to slots and to pages; the same link twice is one', async () => {
    const { w, applicantId } = await setup();
    const pdf = await add(w, await makePdf(4), '论文.pdf');
    const toc = service.linkAttachment(w, {
      attachmentId: pdf.id,
      recordId: 'paper1',
      slot: 'M-10/paper/toc',
      page: 3,
    });
    service.linkAttachment(w, { attachmentId: pdf.id, recordId: 'paper1', slot: 'M-10/paper/cover', page: 1 });
    service.linkAttachment(w, { attachmentId: pdf.id, slot: 'M-5/pension/2019' });
    const again = service.linkAttachment(w, {
      attachmentId: pdf.id,
      recordId: 'paper1',
      slot: 'M-10/paper/toc',
      page: 3,
    });
    expect(again.id).toBe(toc.id);
    const { attachments, materials } = service.listAttachments(w, { applicantId });
    expect(attachments[0]?.links.map((l) => [l.recordId, l.slot, l.page])).toEqual([
      ['paper1', 'M-10/paper/toc', 3],
      ['paper1', 'M-10/paper/cover', 1],
      [null, 'M-5/pension/2019', null],
    ]);
    expect(materials.map((m) => m.material)).toEqual(['M-5', 'M-10']);
    service.unlinkAttachment(w, { linkId: toc.id });
    expect(service.listAttachments(w, { applicantId }).attachments[0]?.links).toHaveLength(2);
  });

  it('refuses a link to a missing record, a record of the wrong kind, a page past the end', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(2), 'a.pdf');
    expect((await refusal(() => service.linkAttachment(w, { attachmentId: pdf.id, recordId: 'nope' }))).code).toBe(
      'not_found',
    );
    const wrong = await refusal(() =>
      service.linkAttachment(w, { attachmentId: pdf.id, recordId: 'edu1', slot: 'M-10/paper/toc' }),
    );
    expect(wrong.code).toBe('wrong_kind');
    expect(
      (await refusal(() => service.linkAttachment(w, { attachmentId: pdf.id, slot: 'M-4/diploma', page: 3 }))).code,
    ).toBe('invalid_page');
  });

  it('the contract refuses slots outside the catalogue', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(1), 'a.pdf');
    for (const slot of [
      'M-13/x',
      'M-4/unknown',
      'M-5/pension',
      'M-5/pension/19',
      'M-10/paper/preface',
      'M-4/diploma/x',
    ]) {
      const result = await dispatch(w, 'attachments:link', { attachmentId: pdf.id, slot });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const ok = await dispatch(w, 'attachments:link', { attachmentId: pdf.id, slot: 'M-9/assessment/2020' });
    expect(ok.ok).toBe(true);
  });

  it('soft delete hides an attachment from the list until restored, links kept', async () => {
    const { w, applicantId } = await setup();
    const jpg = await add(w, await makeJpeg(), 'd.jpg');
    service.linkAttachment(w, { attachmentId: jpg.id, recordId: 'edu1', slot: 'M-4/diploma' });
    expect(service.setAttachmentDeleted(w, { attachmentId: jpg.id }, true).deletedAt).not.toBeNull();
    expect(service.listAttachments(w, { applicantId }).attachments).toEqual([]);
    expect(service.listAttachments(w, { applicantId, includeDeleted: true }).attachments).toHaveLength(1);
    const restored = service.setAttachmentDeleted(w, { attachmentId: jpg.id }, false);
    expect(restored.deletedAt).toBeNull();
    expect(restored.links).toHaveLength(1);
  });
});

describe('page operations make new versions', () => {
  it('rotates an image: a new JPEG with swapped sides; the original keeps its bytes', async () => {
    const { w } = await setup();
    const original = await add(w, await makeJpeg(400, 300), '学位证.jpg');
    const originalBytes = bytesOf(w, original.sha256);
    service.linkAttachment(w, { attachmentId: original.id, recordId: 'edu1', slot: 'M-4/degree' });
    const rotated = await pages.rotate(w, { attachmentId: original.id, degrees: 90 });
    expect(rotated).toMatchObject({
      width: 300,
      height: 400,
      derivedFrom: original.id,
      operation: { op: 'rotate', degrees: 90, page: null },
      fileName: '学位证（旋转）.jpg',
    });
    // The dark band that marked the top is now on the right.
    const { data, info } = await sharp(bytesOf(w, rotated.sha256)).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels] ?? 0;
    expect(at(info.width - 5, 200)).toBeLessThan(80);
    expect(at(5, 200)).toBeGreaterThan(180);
    expect(bytesOf(w, original.sha256).equals(originalBytes)).toBe(true);
    // The edit took over the link; the original is marked as having a newer version.
    expect(rotated.links.map((l) => l.slot)).toEqual(['M-4/degree']);
    expect(service.viewOf(w, service.requireAttachment(w, original.id))).toMatchObject({
      hasNewerVersion: true,
      links: [],
    });
  });

  it('rotates a PNG losslessly and keeps it a PNG', async () => {
    const { w } = await setup();
    const png = await add(w, await makePng(300, 200), 'a.png');
    expect(await pages.rotate(w, { attachmentId: png.id, degrees: 180 })).toMatchObject({
      mediaType: 'image/png',
      width: 300,
      height: 200,
    });
  });

  it('rotates one PDF page or all of them, without re-rendering', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(3), 'p.pdf');
    const one = await pages.rotate(w, { attachmentId: pdf.id, degrees: 90, page: 2 });
    expect((await readPdf(bytesOf(w, one.sha256))).rotations).toEqual([0, 90, 0]);
    const all = await pages.rotate(w, { attachmentId: one.id, degrees: 270 });
    expect((await readPdf(bytesOf(w, all.sha256))).rotations).toEqual([270, 0, 270]);
    expect(all.derivedFrom).toBe(one.id);
  });

  it('deletes a page; page links follow their pages, a link to the deleted page stays with the original', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(4), '论文.pdf');
    for (const [page, tag] of [
      [1, 'cover'],
      [2, 'issn'],
      [3, 'toc'],
      [4, 'article'],
    ] as const) {
      service.linkAttachment(w, { attachmentId: pdf.id, recordId: 'paper1', slot: `M-10/paper/${tag}`, page });
    }
    const edited = await pages.deletePage(w, { attachmentId: pdf.id, page: 2 });
    expect(edited).toMatchObject({ pages: 3, operation: { op: 'deletePage', page: 2 } });
    expect((await readPdf(bytesOf(w, edited.sha256))).widths).toEqual([501, 503, 504]);
    expect(edited.links.map((l) => [l.slot, l.page])).toEqual([
      ['M-10/paper/cover', 1],
      ['M-10/paper/toc', 2],
      ['M-10/paper/article', 3],
    ]);
    expect(service.viewOf(w, service.requireAttachment(w, pdf.id)).links.map((l) => l.slot)).toEqual([
      'M-10/paper/issn',
    ]);
    // Undo: deleting the edit gives the links back to the original, on their old pages.
    service.setAttachmentDeleted(w, { attachmentId: edited.id }, true);
    const back = service.viewOf(w, service.requireAttachment(w, pdf.id));
    expect(back.links.map((l) => [l.slot, l.page]).sort()).toEqual([
      ['M-10/paper/article', 4],
      ['M-10/paper/cover', 1],
      ['M-10/paper/issn', 2],
      ['M-10/paper/toc', 3],
    ]);
    expect(back.hasNewerVersion).toBe(false);
    // Undoing the delete takes the links forward again; the deleted page's tag stays behind.
    const restored = service.setAttachmentDeleted(w, { attachmentId: edited.id }, false);
    expect(restored.links.map((l) => [l.slot, l.page])).toEqual([
      ['M-10/paper/cover', 1],
      ['M-10/paper/toc', 2],
      ['M-10/paper/article', 3],
    ]);
    expect(service.viewOf(w, service.requireAttachment(w, pdf.id))).toMatchObject({ hasNewerVersion: true });
  });

  it('reorders pages and refuses an order that is not a permutation', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(3), 'p.pdf');
    service.linkAttachment(w, { attachmentId: pdf.id, recordId: 'paper1', slot: 'M-10/paper/toc', page: 3 });
    const edited = await pages.reorderPages(w, { attachmentId: pdf.id, order: [3, 1, 2] });
    expect((await readPdf(bytesOf(w, edited.sha256))).widths).toEqual([503, 501, 502]);
    expect(edited.links[0]?.page).toBe(1);
    for (const order of [
      [1, 2],
      [1, 1, 2],
      [1, 2, 4],
    ]) {
      expect((await refusal(() => pages.reorderPages(w, { attachmentId: pdf.id, order }))).code).toBe('invalid_order');
    }
  });

  it('splits a PDF by ranges or page by page; the original keeps its links', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(4), 'p.pdf');
    service.linkAttachment(w, { attachmentId: pdf.id, slot: 'M-4/honour' });
    const parts = await pages.split(w, {
      attachmentId: pdf.id,
      ranges: [
        { from: 1, to: 2 },
        { from: 4, to: 4 },
      ],
    });
    expect(parts.map((p) => [p.pages, p.fileName, p.links.length])).toEqual([
      [2, 'p（第1-2页）.pdf', 0],
      [1, 'p（第4页）.pdf', 0],
    ]);
    expect((await readPdf(bytesOf(w, parts[1]!.sha256))).widths).toEqual([504]);
    expect((await pages.split(w, { attachmentId: pdf.id })).map((p) => p.pages)).toEqual([1, 1, 1, 1]);
    expect(service.viewOf(w, service.requireAttachment(w, pdf.id)).links).toHaveLength(1);
    expect((await refusal(() => pages.split(w, { attachmentId: pdf.id, ranges: [{ from: 3, to: 5 }] }))).code).toBe(
      'invalid_range',
    );
  });

  it('merges images and a PDF into one PDF, in order, an image per A4 page', async () => {
    const { w } = await setup();
    const a = await add(w, await makeJpeg(400, 300), 'a.jpg');
    const b = await add(w, await makePdf(2), 'b.pdf');
    const c = await add(w, await makePng(200, 300), 'c.png');
    const merged = await pages.merge(w, { attachmentIds: [a.id, b.id, c.id], fileName: '养老保险证明' });
    expect(merged).toMatchObject({
      mediaType: 'application/pdf',
      pages: 4,
      fileName: '养老保险证明.pdf',
      derivedFrom: a.id,
      operation: { op: 'merge', sources: [a.id, b.id, c.id] },
    });
    // Landscape image → landscape A4; the PDF's pages as they were; portrait image → portrait A4.
    expect((await readPdf(bytesOf(w, merged.sha256))).widths).toEqual([842, 501, 502, 595]);
  });

  it('refuses page operations that do not apply', async () => {
    const { w } = await setup();
    const jpg = await add(w, await makeJpeg(), 'a.jpg');
    const one = await add(w, await makePdf(1), 'one.pdf');
    expect((await refusal(() => pages.deletePage(w, { attachmentId: jpg.id, page: 1 }))).code).toBe('not_pdf');
    expect((await refusal(() => pages.deletePage(w, { attachmentId: one.id, page: 1 }))).code).toBe('only_page');
    expect((await refusal(() => pages.rotate(w, { attachmentId: one.id, degrees: 90, page: 2 }))).code).toBe(
      'invalid_page',
    );
    service.setAttachmentDeleted(w, { attachmentId: jpg.id }, true);
    expect((await refusal(() => pages.rotate(w, { attachmentId: jpg.id, degrees: 90 }))).code).toBe('deleted');
  });

  it('answers the page operations through the dispatcher, as the UI calls them', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(2), 'p.pdf');
    const result = await dispatch(w, 'attachments:rotate', { attachmentId: pdf.id, degrees: 180, page: 1 });
    expect(result).toMatchObject({ ok: true, value: { attachment: { derivedFrom: pdf.id, pages: 2 } } });
    expect(await dispatch(w, 'attachments:rotate', { attachmentId: pdf.id, degrees: 45 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('the PDF work runs off the main thread', () => {
  it('rotates and reorders in the worker thread while the main thread keeps answering', async () => {
    const { w } = await setup();
    const big = await add(w, await makePdf(200), 'big.pdf');
    const before = { ...pdfPoolStats };
    // The main thread's longest pause while the operations run (timer ticks every 2 ms).
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 2);
    const started = performance.now();
    const [rotated, reordered] = await Promise.all([
      pages.rotate(w, { attachmentId: big.id, degrees: 90 }),
      pages.reorderPages(w, { attachmentId: big.id, order: Array.from({ length: 200 }, (_, i) => 200 - i) }),
    ]);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(rotated.pages).toBe(200);
    expect(reordered.pages).toBe(200);
    expect(pdfPoolStats.inWorker - before.inWorker).toBe(2);
    expect(pdfPoolStats.inProcess).toBe(before.inProcess);
    console.log(
      `200-page rotate + reorder: ${elapsed.toFixed(0)} ms, longest main-thread pause ${longest.toFixed(0)} ms`,
    );
  });
});

describe('names of edited versions', () => {
  it('an edit of an edit: the original’s base name and one note for the latest edit, not a chain', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(4), 'paper.pdf');
    const rotated = await pages.rotate(w, { attachmentId: pdf.id, degrees: 90 });
    const reordered = await pages.reorderPages(w, { attachmentId: rotated.id, order: [2, 1, 3, 4] });
    expect(reordered.fileName).toBe('paper（调整页序）.pdf');
    const trimmed = await pages.deletePage(w, { attachmentId: reordered.id, page: 3 });
    expect(trimmed.fileName).toBe('paper（删除第3页）.pdf');
    const again = await pages.rotate(w, { attachmentId: trimmed.id, degrees: 180 });
    expect(again.fileName).toBe('paper（旋转）.pdf');
    const [part] = await pages.split(w, { attachmentId: again.id, ranges: [{ from: 1, to: 2 }] });
    expect(part!.fileName).toBe('paper（第1-2页）.pdf');
  });

  it('after a rename, an edit takes the new name; the user’s own parentheses stay', async () => {
    const { w } = await setup();
    const pdf = await add(w, await makePdf(2), 'paper.pdf');
    const rotated = await pages.rotate(w, { attachmentId: pdf.id, degrees: 90 });
    const renamed = service.renameAttachment(w, { attachmentId: rotated.id, fileName: '论文（2019，第一作者）.pdf' });
    const reordered = await pages.reorderPages(w, { attachmentId: renamed.id, order: [2, 1] });
    expect(reordered.fileName).toBe('论文（2019，第一作者）（调整页序）.pdf');
    const [page] = await pages.split(w, { attachmentId: reordered.id, ranges: [{ from: 2, to: 2 }] });
    expect(page!.fileName).toBe('论文（2019，第一作者）（第2页）.pdf');
  });

  it('the extension fits the result: kept as written when right, added or replaced when not', () => {
    expect(service.derivedName('scan.JPEG', '旋转', 'image/jpeg')).toBe('scan（旋转）.JPEG');
    expect(service.derivedName('scan.png', '适配', 'image/jpeg')).toBe('scan（适配）.jpg');
    expect(service.derivedName('扫描件', '旋转', 'application/pdf')).toBe('扫描件（旋转）.pdf');
    expect(service.derivedName('report v1.2', '旋转', 'application/pdf')).toBe('report v1.2（旋转）.pdf');
    expect(service.derivedName('a（适配）.jpg', '合并2个文件', 'application/pdf')).toBe('a（合并2个文件）.pdf');
    expect(service.derivedName('a（旋转）（调整页序）（删除第3页）.pdf', '旋转', 'application/pdf')).toBe(
      'a（旋转）.pdf',
    );
    expect(service.derivedName('照片(旋转).jpg', '证件照', 'image/jpeg')).toBe('照片(旋转)（证件照）.jpg');
    expect(service.derivedName('（旋转）.pdf', '旋转', 'application/pdf')).toBe('未命名（旋转）.pdf');
  });
});
