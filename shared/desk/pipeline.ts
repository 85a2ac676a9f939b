// Where an applicant stands at the reviewing desk (issue 17), one list for the table, the CLI and the audit
// trail: 待接收 → 待审查 → 审查中 → 退回补正 → 已补正待复核 → 通过待报送 → 已报送, and 不予推荐, 撤回, 逾期视为放弃
// beside them. Each change is checked against DESK_TRANSITIONS and kept in the audit trail
// (electron/core/desk/status.ts).
import type { Localized } from '../api/contract.js';

export const DESK_STATUSES = [
  'awaiting',
  'to_review',
  'in_review',
  'returned',
  'corrected',
  'passed',
  'submitted',
  'not_recommended',
  'withdrawn',
  'lapsed',
] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

export const DESK_STATUS_LABELS: Record<DeskStatus, Localized> = {
  awaiting: { zh: '待接收', en: 'Awaiting receipt' },
  to_review: { zh: '待审查', en: 'To review' },
  in_review: { zh: '审查中', en: 'In review' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  corrected: { zh: '已补正待复核', en: 'Corrected, to re-check' },
  passed: { zh: '通过待报送', en: 'Passed, to pass on' },
  submitted: { zh: '已报送', en: 'Passed on' },
  not_recommended: { zh: '不予推荐', en: 'Not recommended' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  lapsed: { zh: '逾期视为放弃', en: 'Lapsed (deadline missed)' },
};

/** Where the file waits (待审机构) in each status: this desk, the unit, the province, or nowhere any more. */
export const WAITS_AT: Record<DeskStatus, 'desk' | 'unit' | 'province' | 'none'> = {
  awaiting: 'desk',
  to_review: 'desk',
  in_review: 'desk',
  returned: 'unit',
  corrected: 'desk',
  passed: 'desk',
  submitted: 'province',
  not_recommended: 'none',
  withdrawn: 'none',
  lapsed: 'none',
};

/**
 * The moves a status allows. A unit's newer package arriving is a move too: to 待审查, or to 已补正待复核 after
 * a return. 逾期视为放弃 is reversible by the reviewer (back to 退回补正, with a reason); 撤回 and 已报送 end it.
 */
export const DESK_TRANSITIONS: Record<DeskStatus, readonly DeskStatus[]> = {
  awaiting: ['to_review', 'withdrawn'],
  to_review: ['to_review', 'in_review', 'returned', 'passed', 'not_recommended', 'withdrawn'],
  in_review: ['to_review', 'returned', 'passed', 'not_recommended', 'withdrawn'],
  returned: ['corrected', 'lapsed', 'withdrawn'],
  corrected: ['corrected', 'in_review', 'returned', 'passed', 'not_recommended', 'withdrawn'],
  passed: ['to_review', 'in_review', 'submitted', 'withdrawn'],
  submitted: [],
  not_recommended: ['to_review', 'in_review'],
  withdrawn: [],
  lapsed: ['returned', 'corrected'],
};

export const canMove = (from: DeskStatus, to: DeskStatus): boolean => DESK_TRANSITIONS[from].includes(to);

/** The status a newer package of an applicant brings (a unit's newer batch): a corrected one after a return. */
export const statusOnArrival = (current: DeskStatus | null): DeskStatus =>
  current === 'returned' || current === 'lapsed' || current === 'corrected' ? 'corrected' : 'to_review';
