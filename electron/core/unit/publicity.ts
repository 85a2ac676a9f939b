// STUB (issue 7, publicity): N-8 publicity periods on the state calendar, outcomes, notice and M-3 PDFs.
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export function publicityPlan(_w: Workspace, _startDate: string): OutputOf<'unit:publicityPlan'> {
  return notBuilt('unit:publicityPlan');
}
export function listPublicities(_w: Workspace): OutputOf<'unit:publicities'> {
  return notBuilt('unit:publicities');
}
export function publicize(_w: Workspace, _input: InputOf<'unit:publicize'>): OutputOf<'unit:publicize'> {
  return notBuilt('unit:publicize');
}
export function recordObjection(
  _w: Workspace,
  _input: InputOf<'unit:recordObjection'>,
): OutputOf<'unit:recordObjection'> {
  return notBuilt('unit:recordObjection');
}
export function startPublicityForms(_w: Workspace, _publicityId: string): { jobId: string } {
  return notBuilt('unit:publicityForms');
}
