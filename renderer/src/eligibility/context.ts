// The eligibility check as every screen sees it (issue 4): the report on the archive as typed, the rule
// pack's parameters with their change log, and a way to follow a finding to where it is fixed.
import { createContext, useContext } from 'react';
import type { ParamChange } from '../../../shared/api/contract.js';
import type { Params2020 } from '../../../shared/rules/pack2020/params.js';
import type { Fix, Report } from '../../../shared/rules/types.js';

export interface EligibilityValue {
  report: Report;
  params: Params2020;
  /** Whether the parameters and attachment links have been read from the workspace. */
  isReady: boolean;
  /** Whether attachment links are known (false: proof rules say review). */
  hasLinks: boolean;
  saveParams(change: Partial<Params2020>): Promise<void>;
  log: readonly ParamChange[];
  /** Opens the screen that fixes a finding and focuses its field. */
  follow(fix: Fix): void;
  /** A screen with unsaved edits registers a guard asked before the editor leaves it (null: none). */
  setLeaveGuard(guard: LeaveGuard | null): void;
}

/**
 * Asked before the editor leaves the screen: false lets it go at once; true means the screen holds the
 * way (it asks the user) and calls `proceed` when it may be left.
 */
export type LeaveGuard = (proceed: () => void) => boolean;

export const EligibilityContext = createContext<EligibilityValue | null>(null);

export function useEligibility(): EligibilityValue {
  const value = useContext(EligibilityContext);
  if (!value) throw new Error('useEligibility outside the editor');
  return value;
}
