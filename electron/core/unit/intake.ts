// STUB (issue 7, intake): many packages imported into a unit's workspace.
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export async function startUnitImport(_w: Workspace, _uploadIds: string[]): Promise<{ jobId: string }> {
  return notBuilt('unit:import');
}
export async function startFolderImport(_w: Workspace, _folder: string): Promise<{ jobId: string }> {
  return notBuilt('unit:importFolder');
}
