// STUB (issue 7, review): 退回 — a level-2 package with decision "returned" and the comments.
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export async function startReturn(
  _w: Workspace,
  _input: { applicantId: string; passphrase?: string | undefined },
): Promise<{ jobId: string }> {
  return notBuilt('unit:return');
}
