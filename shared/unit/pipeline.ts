// Where an applicant stands in the unit's work (issue 19; N-8 publicity, N-9 passing upwards, N-10 review):
// one line of steps, the same in the applicants' table, the review page, `dossier unit-list` and the
// summary sheet. The core derives the stage from what it holds (electron/core/unit/table.ts); this module
// names the steps, orders them and says what the next one needs.
import type { Localized } from '../rules/types.js';
import type { PublicityState, ReviewStatus } from './schema.js';

/**
 * 待审核 → 审核中 → 退回补正 ⇄ 已更正 → 审核通过 → 公示中 → 公示无异议 → 已加签 → 已报送, and 公示有异议 beside
 * 公示中 (the applicant stops there until the unit decides).
 */
export const PIPELINE_STAGES = [
  'pending',
  'in_review',
  'returned',
  'corrected',
  'accepted',
  'publicity',
  'objection',
  'no_objection',
  'countersigned',
  'submitted',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const STAGE_LABELS: Record<PipelineStage, Localized> = {
  pending: { zh: '待审核', en: 'To review' },
  in_review: { zh: '审核中', en: 'In review' },
  returned: { zh: '退回补正', en: 'Returned' },
  corrected: { zh: '已更正', en: 'Corrected' },
  accepted: { zh: '审核通过', en: 'Accepted' },
  publicity: { zh: '公示中', en: 'In publicity' },
  objection: { zh: '公示有异议', en: 'Objection' },
  no_objection: { zh: '公示无异议', en: 'No objection' },
  countersigned: { zh: '已加签', en: 'Countersigned' },
  submitted: { zh: '已报送', en: 'Submitted' },
};

/** The steps drawn on the review page, in order (退回补正 and 已更正 share one place: they alternate). */
export const PIPELINE_LINE: readonly (readonly PipelineStage[])[] = [
  ['pending'],
  ['in_review'],
  ['returned', 'corrected'],
  ['accepted'],
  ['publicity', 'objection'],
  ['no_objection'],
  ['countersigned'],
  ['submitted'],
];

/** The position of a stage on the line (0-based). */
export const stageStep = (stage: PipelineStage): number => PIPELINE_LINE.findIndex((s) => s.includes(stage));

/** What the stage is derived from (all held by the unit's workspace). */
export interface StageFacts {
  status: ReviewStatus;
  /** Marks or comments exist on the current revision. */
  touched: boolean;
  /** The current revision follows one this unit returned (退回). */
  corrected: boolean;
  publicity: PublicityState;
  /** The unit's level 2 (decision accepted) exists for the current revision. */
  countersigned: boolean;
  /** That level 2 went into a batch for the city. */
  submitted: boolean;
}

export function stageOf(f: StageFacts): PipelineStage {
  if (f.status === 'returned') return 'returned';
  if (f.status === 'pending') {
    if (f.corrected) return 'corrected';
    return f.touched ? 'in_review' : 'pending';
  }
  if (f.submitted) return 'submitted';
  if (f.countersigned) return 'countersigned';
  switch (f.publicity) {
    case 'none':
      return 'accepted';
    case 'planned':
      return 'accepted';
    case 'running':
    case 'ended':
      return 'publicity';
    case 'objection':
      return 'objection';
    case 'no_objection':
      return 'no_objection';
  }
}

/** What the next step needs, one sentence for the officer. */
export const NEXT_STEP: Record<PipelineStage, Localized> = {
  pending: {
    zh: '逐项审核材料：标记通过或退回，需要申报人修改的写批注。',
    en: 'Review each material: mark it accepted or returned, comment where the applicant must correct.',
  },
  in_review: {
    zh: '审核完毕后“审核通过”，或带着批注“退回修改”。',
    en: 'When done, accept — or return with the comments for correction.',
  },
  returned: {
    zh: '等待申报人提交更正后的新版本，导入后继续审核。',
    en: 'Wait for the applicant’s corrected revision; import it to continue.',
  },
  corrected: {
    zh: '对照退回时的批注核对更正版本，逐条勾选是否已改正。',
    en: 'Check the corrected revision against the comments of the return, ticking each off.',
  },
  accepted: {
    zh: '安排公示（N-8，不少于 5 个工作日）。',
    en: 'Plan the publicity (N-8, at least 5 working days).',
  },
  publicity: {
    zh: '公示期满后记录公示结果（无异议或有异议）。',
    en: 'After the period, record the outcome (no objection or objection).',
  },
  objection: {
    zh: '公示有异议：核实后决定是否继续推荐；不能加签报送。',
    en: 'An objection was raised: look into it; the applicant cannot be countersigned.',
  },
  no_objection: {
    zh: '在“报送”中加签并生成报送批次（N-9）。',
    en: 'Countersign and make the batch for the city under Submit (N-9).',
  },
  countersigned: {
    zh: '已加签，报送批次未写出：在“报送”中重新生成批次。',
    en: 'Countersigned, but no batch holds it: make the batch again under Submit.',
  },
  submitted: {
    zh: '已报送。再次放入新批次即替换原批次中的申报包。',
    en: 'Passed on. Putting the applicant into a new batch replaces the package in the earlier one.',
  },
};

/** Ready to be countersigned and passed on for the first time (可报送). */
export const isSubmittable = (stage: PipelineStage): boolean => stage === 'no_objection';

/** Already countersigned: a new batch would replace the earlier package (named as a replacement). */
export const isReplacement = (stage: PipelineStage): boolean => stage === 'countersigned' || stage === 'submitted';
