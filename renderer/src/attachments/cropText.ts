// The UI strings of the ID-photo area picker (issue 15); merged into the one dictionary (i18n.ts).
import type { Localized } from '../../../shared/api/contract.js';

export const CROP_TEXT = {
  crop_title: { zh: '裁剪证件照：框选头像区域', en: 'Crop the ID photo: frame the face' },
  crop_intro: {
    zh: '拖动裁剪框选择区域，拖动右下角调整大小（宽高比按证件照规格 {w}×{h} 固定）。键盘：方向键移动，Shift+方向键调整大小。',
    en: 'Drag the frame to choose the area, drag its bottom-right corner to resize (ratio fixed to the photo profile {w}×{h}). Keyboard: arrow keys move, Shift+arrows resize.',
  },
  crop_frameLabel: {
    zh: '裁剪框：左 {left}，上 {top}，宽 {width}，高 {height} 像素',
    en: 'Crop frame: left {left}, top {top}, width {width}, height {height} px',
  },
  crop_handleLabel: { zh: '调整裁剪框大小', en: 'Resize the crop frame' },
  crop_imageAlt: { zh: '原照片：{name}', en: 'Original photo: {name}' },
  crop_frameIs: { zh: '裁剪区域', en: 'Frame' },
  crop_result: { zh: '裁剪结果', en: 'Result' },
  crop_resultValue: {
    zh: '{w}×{h} 像素，{size}（上限 {max}）',
    en: '{w}×{h} px, {size} (limit {max})',
  },
  crop_resultTooLarge: {
    zh: '{w}×{h} 像素，{size}：超过上限 {max}，无法应用',
    en: '{w}×{h} px, {size}: over the limit of {max}; cannot be applied',
  },
  crop_measuring: { zh: '正在计算…', en: 'Measuring…' },
  crop_apply: { zh: '应用裁剪', en: 'Apply the crop' },
  crop_tooSmallImage: {
    zh: '原照片只有 {w}×{h} 像素，小于裁剪框的最小尺寸 {minW}×{minH} 像素：请换一张更清晰的照片。',
    en: 'The original is only {w}×{h} px, smaller than the least frame of {minW}×{minH} px: use a sharper photo.',
  },
} satisfies Record<string, Localized>;
