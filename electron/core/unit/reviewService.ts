// STUB (issue 7, review): marks, comments, opinion and status of one applicant.
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export function reviewOf(_w: Workspace, _applicantId: string): OutputOf<'unit:review'> {
  return notBuilt('unit:review');
}
export function markMaterial(_w: Workspace, _input: InputOf<'unit:markMaterial'>): OutputOf<'unit:markMaterial'> {
  return notBuilt('unit:markMaterial');
}
export function addComment(_w: Workspace, _input: InputOf<'unit:addComment'>): OutputOf<'unit:addComment'> {
  return notBuilt('unit:addComment');
}
export function deleteComment(_w: Workspace, _input: InputOf<'unit:deleteComment'>): void {
  notBuilt('unit:deleteComment');
}
export function setOpinion(_w: Workspace, _input: InputOf<'unit:setOpinion'>): void {
  notBuilt('unit:setOpinion');
}
export function setStatus(_w: Workspace, _input: InputOf<'unit:setStatus'>): OutputOf<'unit:setStatus'> {
  return notBuilt('unit:setStatus');
}
