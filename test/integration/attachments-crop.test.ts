// The ID photo's area picker on the core side (issue 15): a frame is checked (inside the image, at the photo's
// ratio within tolerance, not too small) with messages naming the field, nothing stored on a refusal; the
// preview's bytes are exactly what applying the same frame stores.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import * as service from '../../electron/core/attachments/attachmentService.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import type { FitResult } from '../../shared/attachments/schema.js';
import { makeJpeg } from '../helpers/files.js';
import { tempWorkspace } from '../helpers/workspace.js';

async function setup() {
  const w = tempWorkspace();
  const applicantId = archive.createApplicant(w.db);
  const bytes = await makeJpeg(1200, 1600, { noise: true });
  const photo = (await service.addAttachmentFromStream(w, [bytes], { fileName: '照片.jpg' })).attachment;
  return { w, applicantId, photo };
}

describe('cropping the ID photo to a frame', () => {
  it('previews the exact bytes, then stores that crop at the profile size', async () => {
    const { w, photo } = await setup();
    const rect = { left: 200, top: 300, width: 537, height: 662 };
    const preview = await dispatch(w, 'attachments:cropPreview', { attachmentId: photo.id, rect });
    expect(preview).toMatchObject({ ok: true, value: { width: 358, height: 441, fitsLimit: true, maxBytes: 200_000 } });
    const applied = await dispatch(w, 'attachments:cropPhoto', { attachmentId: photo.id, rect });
    if (!applied.ok || !preview.ok) throw new Error('refused');
    const made = applied.value as FitResult;
    expect(made.after).toMatchObject({ width: 358, height: 441, bytes: (preview.value as { bytes: number }).bytes });
    const meta = await sharp(readFileSync(storedPath(w.store, made.attachment.sha256))).metadata();
    expect([meta.width, meta.height]).toEqual([358, 441]);
  });

  it.each([
    ['outside on the right', { left: 800, top: 0, width: 537, height: 662 }, 'rect.width', '超出图片'],
    ['outside at the bottom', { left: 0, top: 1000, width: 537, height: 662 }, 'rect.height', '超出图片'],
    ['square, not the photo ratio', { left: 0, top: 0, width: 600, height: 600 }, 'rect.height', '宽高比'],
    ['too small to enlarge', { left: 0, top: 0, width: 120, height: 148 }, 'rect.width', '太小'],
  ])('refuses a frame %s, naming the field, storing nothing', async (_, rect, path, words) => {
    const { w, applicantId, photo } = await setup();
    for (const method of ['attachments:cropPreview', 'attachments:cropPhoto'] as const) {
      const result = await dispatch(w, method, { attachmentId: photo.id, rect });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_rect' } });
      if (result.ok) continue;
      expect(result.error.message.zh).toContain(words);
      expect(result.error.issues?.map((i) => i.path)).toContain(path);
      expect(result.error.message.en).toMatch(/^Invalid crop frame/);
    }
    expect(service.listAttachments(w, { applicantId }).attachments).toHaveLength(1);
  });

  it('accepts a frame rounded to whole pixels (within the ratio tolerance), refuses negative or fractional input', async () => {
    const { w, photo } = await setup();
    const rounded = await dispatch(w, 'attachments:cropPreview', {
      attachmentId: photo.id,
      rect: { left: 0, top: 0, width: 500, height: 613 },
    });
    expect(rounded.ok).toBe(true);
    for (const rect of [
      { left: -1, top: 0, width: 537, height: 662 },
      { left: 0.5, top: 0, width: 537, height: 662 },
    ]) {
      expect(await dispatch(w, 'attachments:cropPreview', { attachmentId: photo.id, rect })).toMatchObject({
        ok: false,
      });
    }
  });
});
