// The store's integrity check (issue 3): every stored file re-hashed against its name, every hash the
// database names looked for. Read in 1 MiB blocks; the event loop turns between blocks.
import { existsSync } from 'node:fs';
import type { VerifyReport } from '../../../shared/attachments/schema.js';
import type { Workspace } from '../workspace.js';
import { attachmentsBySha } from './attachmentRepo.js';
import { hashFile, listStored, storedPath } from './store.js';
import { generatedHashes } from '../forms/generatedRepo.js';

export async function verifyStore(w: Workspace): Promise<VerifyReport> {
  const referenced = attachmentsBySha(w.db);
  // Generated forms live in the store too (issue 5); they are referenced, by no attachment.
  for (const sha256 of generatedHashes(w.db)) if (!referenced.has(sha256)) referenced.set(sha256, []);
  const { hashes } = listStored(w.store);
  const report: VerifyReport = {
    checkedFiles: 0,
    checkedBytes: 0,
    missing: [],
    damaged: [],
    unreferenced: [],
    isOk: true,
  };
  for (const sha256 of hashes) {
    const { sha256: actual, bytes } = await hashFile(storedPath(w.store, sha256));
    report.checkedFiles += 1;
    report.checkedBytes += bytes;
    if (actual !== sha256) report.damaged.push({ sha256, attachments: referenced.get(sha256) ?? [] });
    else if (!referenced.has(sha256)) report.unreferenced.push(sha256);
  }
  for (const [sha256, attachments] of referenced) {
    if (!existsSync(storedPath(w.store, sha256))) report.missing.push({ sha256, attachments });
  }
  report.isOk = report.missing.length === 0 && report.damaged.length === 0;
  return report;
}
