// What the batch's summary sheet (汇总表) says about each applicant the unit passes to the city (N-9) — one
// shape for the PDF (forms/batchSummary.ts) and the spreadsheet (summaryXlsx.ts), so the two never differ.
import type { UnitProfile } from '../../../shared/unit/schema.js';

export interface SummaryRow {
  no: number;
  name: string;
  /** As the forms print it (F-4, the pledge): whole — the city matches packages to people by it. */
  idNumber: string;
  /** The committee's full name (附件1) and its short name (能源, 材料 …). */
  committee: string;
  committeeShort: string;
  specialty: string;
  titleApplied: string;
  exceptional: boolean;
  /** The verdict run here with the unit's parameters, in words (可以申报 / 需人工确认 N 项 / 暂不符合 N 项). */
  verdict: string;
  /** Failures and points to judge (notes not counted). */
  fail: number;
  toJudge: number;
  /** The unit's written reason for countersigning despite failures or missing proofs ('' when none was needed). */
  reason: string;
  /** This applicant was already passed on: this batch's package replaces the earlier one. */
  replacement: boolean;
  publicityStart: string;
  publicityEnd: string;
  publicityDays: number;
  publicityOutcome: 'no_objection' | 'objection';
  /** The level-2 package in the batch (packages/<fileName>). */
  fileName: string;
  sha256: string;
  packageId: string;
  revision: number;
  size: number;
}

export interface SummaryHead {
  unit: UnitProfile;
  /** The unit's signing key: the level-2 signer of every package in the batch. */
  unitFingerprint: string;
  /** The local day the batch was made. */
  date: string;
  /** The evaluation year (the rule pack's as-of year). */
  year: string;
}

export const OUTCOME_ZH = { no_objection: '无异议', objection: '有异议' } as const;
