// A workspace ready to export a package (issue 6): the sample archive, a few real scans linked where the
// check's blockers ask for them, and a signing key — in a temp folder, never mocked.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JobStatus, PackageFile } from '../../shared/api/contract.js';
import { importArchiveJson } from '../../electron/core/archiveService.js';
import { addAttachmentFromStream, linkAttachment } from '../../electron/core/attachments/attachmentService.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { precheck, startExport, type Justification } from '../../electron/core/package/exportService.js';
import { createWorkspaceKey, keysDir } from '../../electron/core/package/keyService.js';
import { openWorkspace, readSampleJson, type Workspace } from '../../electron/core/workspace.js';
import type { StoreIo } from '../../electron/core/attachments/store.js';
import { READABLE_SCAN } from '../../shared/attachments/schema.js';
import { makeJpeg } from './files.js';
import { tempDir } from './workspace.js';
import { closeWorkspace } from '../../electron/core/workspace.js';
import { afterEach } from 'vitest';

/** Before the 2020 deadline: the findings do not depend on the day the tests run. */
export const TODAY = '2020-09-01';
export const PASSPHRASE = 'correct horse battery staple';

const open: Workspace[] = [];
afterEach(() => {
  while (open.length) closeWorkspace(open.pop()!);
});

/** A workspace in a fresh temp folder, closed after the test. */
export function workspaceIn(dir: string = tempDir(), storeIo?: StoreIo): Workspace {
  const w = openWorkspace(dir, storeIo ? { storeIo } : {});
  open.push(w);
  return w;
}

/**
 * Attaches a real JPEG wherever a failure (the export's blockers) names a slot, until none is left: every
 * required scan of the materials view (issue 19), each readable (1,000 px on its long side, READABLE_SCAN) so
 * that the check asks nothing more of it.
 */
export async function fixBlockers(w: Workspace, applicantId: string): Promise<number> {
  let added = 0;
  for (let round = 0; round < 8; round++) {
    const blockers = precheck(w, applicantId, TODAY).report.findings.filter(
      (f) => f.status === 'fail' && f.fix?.kind === 'slot',
    );
    if (blockers.length === 0) return added;
    for (const f of blockers) {
      if (f.fix?.kind !== 'slot') continue;
      // A plain page, each a pixel wider than the last so that no two are the same file.
      const jpeg = await makeJpeg(750 + ++added, READABLE_SCAN.minLongSidePx, { seed: added });
      const { attachment } = await addAttachmentFromStream(w, [jpeg], { fileName: `扫描-${added}.jpg`, applicantId });
      linkAttachment(w, { attachmentId: attachment.id, slot: f.fix.target, recordId: f.fix.recordId ?? null });
    }
  }
  throw new Error('blockers remain');
}

export interface Ready {
  w: Workspace;
  applicantId: string;
  fingerprint: string;
}

/** The sample applicant with its blockers fixed and a signing key (optionally without the key). */
export async function readyWorkspace({
  withKey = true,
  dir,
}: { withKey?: boolean; dir?: string } = {}): Promise<Ready> {
  const w = workspaceIn(dir);
  const applicantId = importArchiveJson(w.db, readSampleJson());
  await fixBlockers(w, applicantId);
  const fingerprint = withKey ? (await createWorkspaceKey(w, PASSPHRASE)).fingerprint! : '';
  return { w, applicantId, fingerprint };
}

/** A justification for every warning of the check. */
export function justifyAll(w: Workspace, applicantId: string): Justification[] {
  return precheck(w, applicantId, TODAY).warnings.map((f) => ({
    findingId: f.id,
    text: `已核实：${f.id} 的情况以单位证明为准。`,
  }));
}

export async function runExport(
  w: Workspace,
  applicantId: string,
  options: { justifications?: Justification[]; passphrase?: string } = {},
): Promise<JobStatus> {
  const { jobId } = await startExport(w, {
    applicantId,
    passphrase: options.passphrase ?? PASSPHRASE,
    justifications: options.justifications ?? justifyAll(w, applicantId),
    today: TODAY,
  });
  return waitForJob(jobId);
}

/** Exports and returns the package file (throws with the job's error otherwise). */
export async function exportOk(w: Workspace, applicantId: string): Promise<PackageFile & { path: string }> {
  const status = await runExport(w, applicantId);
  if (status.state !== 'done' || !status.package) {
    throw new Error(`export ${status.state}: ${status.error?.code} ${status.error?.message.en}`);
  }
  return { ...status.package, path: path.join(w.dataDir, 'packages', status.package.fileName) };
}

/** The key file, as keys:exportBackup hands it out. */
export const keyFileText = (w: Workspace) => readFileSync(path.join(keysDir(w.dataDir), 'signing-key.json'), 'utf8');

/** What is in a folder (empty when it does not exist). */
export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
