// STUB (issue 7, submission): F-4's recommended people, countersignature (level 2) and the batch for the city.
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export function recommendedPeople(_w: Workspace): OutputOf<'unit:recommendedPeople'> {
  return notBuilt('unit:recommendedPeople');
}
export async function startSubmit(_w: Workspace, _input: InputOf<'unit:submit'>): Promise<{ jobId: string }> {
  return notBuilt('unit:submit');
}
export function listBatches(_w: Workspace): OutputOf<'unit:batches'> {
  return notBuilt('unit:batches');
}
