// The ID photo's crop frame (issue 15): a rectangle in the upright image's pixels, at the profile's aspect
// ratio, inside the image, not so small that the photo would be blown up past legibility. The one place of
// these rules: the picker (renderer/src/attachments/PhotoCropModal.tsx) keeps its frame valid with the
// helpers below, and the core (attachments:cropPhoto, attachments:cropPreview) refuses any other rectangle.
import { z } from 'zod';
import type { Localized } from '../api/contract.js';

export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}
export interface PixelSize {
  width: number;
  height: number;
}

/** Whole pixels cannot hit every ratio: 358:441 framed 100 px wide is 123.18 px high — 2 % covers the rounding. */
export const CROP_ASPECT_TOLERANCE = 0.02;
/** The frame is at least half the photo's pixels a side: a face enlarged more than twice turns to mush. */
export const MIN_CROP_SCALE = 0.5;

export const minCropSize = (photo: PixelSize): PixelSize => ({
  width: Math.ceil(photo.width * MIN_CROP_SCALE),
  height: Math.ceil(photo.height * MIN_CROP_SCALE),
});

/** What is wrong with a frame, field by field (empty: it may be applied). */
export function cropRectProblems(
  rect: CropRect,
  image: PixelSize,
  photo: PixelSize,
): { path: keyof CropRect; message: Localized }[] {
  const problems: { path: keyof CropRect; message: Localized }[] = [];
  if (rect.left + rect.width > image.width) {
    problems.push({
      path: 'width',
      message: {
        zh: `裁剪框右边超出图片（左 ${rect.left} + 宽 ${rect.width} > 图片宽 ${image.width} 像素）`,
        en: `The frame's right edge lies outside the image (left ${rect.left} + width ${rect.width} > image width ${image.width} px)`,
      },
    });
  }
  if (rect.top + rect.height > image.height) {
    problems.push({
      path: 'height',
      message: {
        zh: `裁剪框下边超出图片（上 ${rect.top} + 高 ${rect.height} > 图片高 ${image.height} 像素）`,
        en: `The frame's bottom edge lies outside the image (top ${rect.top} + height ${rect.height} > image height ${image.height} px)`,
      },
    });
  }
  const want = photo.width / photo.height;
  const got = rect.width / rect.height;
  if (Math.abs(got / want - 1) > CROP_ASPECT_TOLERANCE) {
    problems.push({
      path: 'height',
      message: {
        zh: `裁剪框宽高比 ${rect.width}:${rect.height} 与证件照规格 ${photo.width}:${photo.height} 不一致`,
        en: `The frame's ratio ${rect.width}:${rect.height} differs from the photo profile's ${photo.width}:${photo.height}`,
      },
    });
  }
  const min = minCropSize(photo);
  if (rect.width < min.width || rect.height < min.height) {
    problems.push({
      path: 'width',
      message: {
        zh: `裁剪框太小（${rect.width}×${rect.height} 像素），至少 ${min.width}×${min.height} 像素，否则放大后看不清`,
        en: `The frame is too small (${rect.width}×${rect.height} px); at least ${min.width}×${min.height} px, or the enlarged photo blurs`,
      },
    });
  }
  return problems;
}

/** The frame as zod checks it: whole non-negative pixels, then the rules above as issues naming the field. */
export function cropRectSchema(image: PixelSize, photo: PixelSize) {
  return z
    .strictObject({
      left: z.number().int().min(0),
      top: z.number().int().min(0),
      width: z.number().int().min(1),
      height: z.number().int().min(1),
    })
    .superRefine((rect, ctx) => {
      for (const p of cropRectProblems(rect, image, photo)) {
        ctx.addIssue({ code: 'custom', path: [p.path], message: p.message.zh, params: { localized: p.message } });
      }
    });
}

/** The height that goes with a width at the photo's ratio. */
const heightFor = (width: number, photo: PixelSize) => Math.round((width * photo.height) / photo.width);

/** The largest frame at the photo's ratio, centred: where the picker starts (and the old one-click crop). */
export function centredFrame(image: PixelSize, photo: PixelSize): CropRect {
  let width = image.width;
  let height = heightFor(width, photo);
  if (height > image.height) {
    height = image.height;
    width = Math.min(image.width, Math.round((height * photo.width) / photo.height));
  }
  return {
    left: Math.floor((image.width - width) / 2),
    top: Math.floor((image.height - height) / 2),
    width,
    height,
  };
}

/** The frame moved by (dx, dy), kept inside the image. */
export function moveFrame(rect: CropRect, dx: number, dy: number, image: PixelSize): CropRect {
  return {
    ...rect,
    left: Math.round(Math.min(Math.max(0, rect.left + dx), image.width - rect.width)),
    top: Math.round(Math.min(Math.max(0, rect.top + dy), image.height - rect.height)),
  };
}

/**
 * The frame with a new width (its top-left corner fixed), the height following the ratio, clamped between
 * the minimum size and what still fits the image.
 */
export function resizeFrame(rect: CropRect, width: number, image: PixelSize, photo: PixelSize): CropRect {
  const min = minCropSize(photo);
  const minWidth = Math.max(min.width, Math.ceil((min.height * photo.width) / photo.height));
  const maxWidth = Math.min(
    image.width - rect.left,
    Math.floor(((image.height - rect.top) * photo.width) / photo.height),
  );
  const w = Math.round(Math.min(Math.max(width, minWidth), Math.max(maxWidth, minWidth)));
  return { ...rect, width: w, height: heightFor(w, photo) };
}
