// The upload profile, fitting files to it, the ID photo, and the store's integrity check (issue 3).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import * as service from '../../electron/core/attachments/attachmentService.js';
import { cropPhoto, fit } from '../../electron/core/attachments/fit.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { verifyStore } from '../../electron/core/attachments/verify.js';
import { setSetting } from '../../electron/core/archiveRepo.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { DEFAULT_UPLOAD_PROFILE } from '../../shared/attachments/schema.js';
import { makeJpeg, makePdf, makePng } from '../helpers/files.js';
import { tempWorkspace } from '../helpers/workspace.js';

function setup() {
  const w = tempWorkspace();
  return { w, applicantId: archive.createApplicant(w.db) };
}
const add = async (w: Workspace, bytes: Buffer, fileName: string) =>
  (await service.addAttachmentFromStream(w, [bytes], { fileName })).attachment;

describe('upload profile', () => {
  it('starts from the R-9 defaults, saves an edit, and refuses a bad one', async () => {
    const { w } = setup();
    const got = await dispatch(w, 'uploadProfile:get', {});
    expect(got).toMatchObject({ ok: true, value: { profile: DEFAULT_UPLOAD_PROFILE, isDefault: true } });
    expect(DEFAULT_UPLOAD_PROFILE).toMatchObject({
      formats: ['application/pdf', 'image/jpeg'],
      maxFileBytes: 5_000_000,
      maxMaterialBytes: 10_000_000,
      photo: { maxBytes: 200_000, width: 358, height: 441 },
    });
    const edited = { ...DEFAULT_UPLOAD_PROFILE, maxFileBytes: 2_000_000 };
    expect(await dispatch(w, 'uploadProfile:set', { profile: edited })).toMatchObject({ ok: true });
    expect(await dispatch(w, 'uploadProfile:get', {})).toMatchObject({ value: { profile: edited, isDefault: false } });
    const bad = await dispatch(w, 'uploadProfile:set', { profile: { ...edited, formats: ['image/gif'] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const inverted = await dispatch(w, 'uploadProfile:set', {
      profile: { ...edited, photo: { ...edited.photo, minBytes: 300_000, maxBytes: 100_000 } },
    });
    expect(inverted).toMatchObject({ ok: false, error: { code: 'invalid_profile' } });
  });

  it('reads a profile stored by an older release, filling new fields from the defaults', () => {
    const { w } = setup();
    setSetting(w.db, 'uploadProfile', JSON.stringify({ maxFileBytes: 3_000_000 }));
    return expect(dispatch(w, 'uploadProfile:get', {})).resolves.toMatchObject({
      value: { profile: { ...DEFAULT_UPLOAD_PROFILE, maxFileBytes: 3_000_000 } },
    });
  });

  it('lists where each attachment breaks the profile, and the bytes per material', async () => {
    const { w, applicantId } = setup();
    const png = await add(w, await makePng(), 'a.png');
    const photo = await add(w, await makeJpeg(600, 800), 'me.jpg');
    service.linkAttachment(w, { attachmentId: photo.id, slot: 'M-4/photo' });
    service.linkAttachment(w, { attachmentId: png.id, slot: 'M-4/id-card' });
    const { attachments, materials } = service.listAttachments(w, { applicantId });
    // The tiny PNG in a required scan slot is also below the readable resolution (rule pack 2.1.0, M-4.scans).
    expect(attachments.find((a) => a.id === png.id)?.profileIssues.map((i) => i.code)).toEqual([
      'format',
      'low_resolution',
    ]);
    expect(attachments.find((a) => a.id === photo.id)?.profileIssues.map((i) => i.code)).toEqual(['photo_pixels']);
    expect(materials).toEqual([
      { material: 'M-4', bytes: png.bytes + photo.bytes, attachments: 2, isOverLimit: false },
    ]);
  });
});

describe('fitting to the profile', () => {
  it('brings an oversized scan under the per-file limit, reporting before and after', async () => {
    const { w } = setup();
    const big = await makeJpeg(2100, 2800, { noise: true, quality: 92 });
    expect(big.length).toBeGreaterThan(DEFAULT_UPLOAD_PROFILE.maxFileBytes);
    const original = await add(w, big, '聘任证书.jpg');
    expect(original.profileIssues.map((i) => i.code)).toEqual(['file_too_large']);
    const result = await fit(w, { attachmentId: original.id });
    expect(result.isChanged).toBe(true);
    expect(result.before).toEqual({ bytes: big.length, width: 2100, height: 2800 });
    expect(result.after.bytes).toBeLessThanOrEqual(DEFAULT_UPLOAD_PROFILE.maxFileBytes);
    expect(Math.max(result.after.width ?? 0, result.after.height ?? 0)).toBeGreaterThanOrEqual(
      DEFAULT_UPLOAD_PROFILE.minLongSide,
    );
    expect(result.attachment).toMatchObject({
      derivedFrom: original.id,
      mediaType: 'image/jpeg',
      fileName: '聘任证书（适配）.jpg',
      profileIssues: [],
    });
    expect(readFileSync(storedPath(w.store, result.attachment.sha256)).length).toBe(result.after.bytes);
  });

  it('converts a PNG to JPEG, leaves a fitting JPEG alone, and advises on an oversized PDF', async () => {
    const { w } = setup();
    const png = await fit(w, { attachmentId: (await add(w, await makePng(), 'a.png')).id });
    expect(png).toMatchObject({ isChanged: true, attachment: { mediaType: 'image/jpeg', fileName: 'a（适配）.jpg' } });
    const jpg = await add(w, await makeJpeg(), 'b.jpg');
    expect(await fit(w, { attachmentId: jpg.id })).toMatchObject({
      isChanged: false,
      advice: null,
      attachment: { id: jpg.id },
    });
    await dispatch(w, 'uploadProfile:set', { profile: { ...DEFAULT_UPLOAD_PROFILE, maxFileBytes: 10_000 } });
    const pdf = await add(w, await makePdf(150), 'big.pdf');
    expect(pdf.bytes).toBeGreaterThan(10_000);
    const advised = await fit(w, { attachmentId: pdf.id });
    expect(advised.isChanged).toBe(false);
    expect(advised.advice?.zh).toContain('拆分');
  });

  it('says so, and stores nothing, when an image cannot be fitted legibly', async () => {
    const { w, applicantId } = setup();
    await dispatch(w, 'uploadProfile:set', { profile: { ...DEFAULT_UPLOAD_PROFILE, maxFileBytes: 10_000 } });
    const noisy = await add(w, await makeJpeg(1300, 1700, { noise: true }), 'noise.jpg');
    const result = await fit(w, { attachmentId: noisy.id });
    expect(result.isChanged).toBe(false);
    expect(result.advice?.en).toContain('legible');
    expect(service.listAttachments(w, { applicantId }).attachments).toHaveLength(1);
  });

  it('crops the ID photo to the profile size and under its byte limit', async () => {
    const { w } = setup();
    const photo = await add(w, await makeJpeg(1200, 1600, { noise: true }), '照片.jpg');
    service.linkAttachment(w, { attachmentId: photo.id, slot: 'M-4/photo' });
    const result = await cropPhoto(w, { attachmentId: photo.id });
    expect(result.after).toMatchObject({ width: 358, height: 441 });
    expect(result.after.bytes).toBeLessThanOrEqual(200_000);
    expect(result.attachment.links.map((l) => l.slot)).toEqual(['M-4/photo']);
    expect(result.attachment.profileIssues).toEqual([]);
    const meta = await sharp(readFileSync(storedPath(w.store, result.attachment.sha256))).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 358, 441]);
    const chosen = await cropPhoto(w, {
      attachmentId: photo.id,
      rect: { left: 100, top: 100, width: 716, height: 882 },
    });
    expect(chosen.attachment.operation).toEqual({
      op: 'cropPhoto',
      rect: { left: 100, top: 100, width: 716, height: 882 },
    });
    const outside = await dispatch(w, 'attachments:cropPhoto', {
      attachmentId: photo.id,
      rect: { left: 1000, top: 0, width: 716, height: 882 },
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid_rect' } });
  });
});

describe('integrity check', () => {
  it('finds a flipped byte, a missing file and an unreferenced one', async () => {
    const { w } = setup();
    const a = await add(w, await makeJpeg(), 'a.jpg');
    const b = await add(w, await makePdf(2), 'b.pdf');
    const c = await add(w, await makePng(), 'c.png');
    expect(await verifyStore(w)).toMatchObject({ isOk: true, checkedFiles: 3, missing: [], damaged: [] });

    const file = storedPath(w.store, a.sha256);
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    rmSync(storedPath(w.store, b.sha256));
    const orphan = createHash('sha256').update('left behind').digest('hex');
    mkdirSync(path.join(w.store.dir, orphan.slice(0, 2)), { recursive: true });
    writeFileSync(path.join(w.store.dir, orphan.slice(0, 2), orphan), 'left behind');

    const report = await verifyStore(w);
    expect(report.isOk).toBe(false);
    expect(report.damaged).toEqual([
      { sha256: a.sha256, attachments: [{ id: a.id, applicantId: a.applicantId, fileName: 'a.jpg' }] },
    ]);
    expect(report.missing.map((m) => m.sha256)).toEqual([b.sha256]);
    expect(report.unreferenced).toEqual([orphan]);
    expect(report.checkedFiles).toBe(3);
    expect(c.sha256).not.toBe(orphan);
    // Adding the good bytes again repairs the damaged file.
    await add(w, await makeJpeg(), 'a.jpg');
    expect((await verifyStore(w)).damaged).toEqual([]);
  });
});
