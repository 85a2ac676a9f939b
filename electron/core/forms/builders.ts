// Which builder lays out which form (one file per form).
import { buildF1 } from './f1.js';
import { buildF3 } from './f3.js';
import { buildF4 } from './f4.js';
import { buildMaterialIndex } from './materialIndex.js';
import { buildPledge } from './pledge.js';
import { buildPublicityConfirmation } from './publicity.js';
import { buildSummary } from './summary.js';
import type { Builders } from './types.js';

export const BUILDERS: Builders = {
  'F-1': buildF1,
  'F-3': buildF3,
  'F-4': buildF4,
  'M-2': buildPledge,
  'M-3': buildPublicityConfirmation,
  'M-8': buildSummary,
  index: buildMaterialIndex,
};
