// The crop frame's geometry (issue 15): the picker's moves and resizes always give a frame the core accepts.
import { describe, expect, it } from 'vitest';
import {
  centredFrame,
  cropRectProblems,
  moveFrame,
  resizeFrame,
  type PixelSize,
} from '../../shared/attachments/cropRect.js';

const PHOTO: PixelSize = { width: 358, height: 441 };

describe('crop frame', () => {
  it.each([
    [{ width: 1200, height: 1600 }],
    [{ width: 1600, height: 900 }],
    [{ width: 358, height: 441 }],
    [{ width: 4000, height: 1000 }],
  ])('starts centred, as large as fits, valid (%o)', (image) => {
    const frame = centredFrame(image, PHOTO);
    expect(cropRectProblems(frame, image, PHOTO)).toEqual([]);
    expect(frame.width === image.width || frame.height === image.height).toBe(true);
  });

  it('stays valid whatever the moves and resizes, and inside the image', () => {
    const image = { width: 1200, height: 1600 };
    let frame = centredFrame(image, PHOTO);
    const steps: [number, number, number][] = [
      [-5000, -5000, -10000],
      [5000, 5000, 10000],
      [37, -12, -333],
      [-1, 1, 1],
      [0, 0, 99999],
    ];
    for (const [dx, dy, dw] of steps) {
      frame = moveFrame(frame, dx, dy, image);
      expect(cropRectProblems(frame, image, PHOTO)).toEqual([]);
      frame = resizeFrame(frame, frame.width + dw, image, PHOTO);
      expect(cropRectProblems(frame, image, PHOTO)).toEqual([]);
    }
  });

  it('names what is wrong with a frame', () => {
    const image = { width: 1000, height: 1000 };
    const paths = (rect: { left: number; top: number; width: number; height: number }) =>
      cropRectProblems(rect, image, PHOTO).map((p) => p.path);
    expect(paths({ left: 600, top: 0, width: 500, height: 616 })).toEqual(['width']);
    expect(paths({ left: 0, top: 500, width: 500, height: 616 })).toEqual(['height']);
    expect(paths({ left: 0, top: 0, width: 500, height: 500 })).toEqual(['height']);
    expect(paths({ left: 0, top: 0, width: 100, height: 123 })).toEqual(['width']);
  });
});
