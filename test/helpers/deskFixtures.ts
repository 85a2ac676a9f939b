// The reviewing desk's tests (issue 17): a desk's workspace with its profile and key; units' level-2
// packages and batch files (deskBatch.ts, without vitest for the end-to-end specs). Real files, real
// SQLite, never mocked.
import type { DeskImportResult, DeskProfile } from '../../shared/desk/schema.js';
import { setDeskProfile } from '../../electron/core/desk/profile.js';
import { startReceive } from '../../electron/core/desk/receive.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { createWorkspaceKey } from '../../electron/core/package/keyService.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { PASSPHRASE, workspaceIn } from './exportFixtures.js';

/** A desk's workspace with its profile saved and its key made; returns the key's fingerprint too. */
export async function deskWorkspace(profile: DeskProfile = CITY_DESK): Promise<{ d: Workspace; fingerprint: string }> {
  const d = workspaceIn();
  setDeskProfile(d, profile);
  const fingerprint = (await createWorkspaceKey(d, PASSPHRASE)).fingerprint!;
  return { d, fingerprint };
}

export {
  CITY_DESK,
  tamperPackage,
  unitLevelTwo,
  writeBatchFile,
  type LevelTwoOptions,
  type UnitPackage,
} from './deskBatch.js';
import { CITY_DESK } from './deskBatch.js';

/** Receives the files in one job; returns its per-applicant results. */
export async function receive(d: Workspace, paths: string[], confirmedUnitKey?: string): Promise<DeskImportResult[]> {
  const status = await waitForJob((await startReceive(d, paths, { confirmedUnitKey })).jobId);
  if (status.state !== 'done') throw new Error(`receive ${status.state}: ${status.error?.message.en}`);
  return status.deskImport ?? [];
}
