// What happens at start when the workspace is damaged (issue 8): the start-up check runs (read-only); if it
// finds the database damaged, the caller asks the user whether to restore the newest good backup into a NEW
// folder, and that folder is opened instead. Nothing is overwritten, and nothing happens without the user's
// yes. The CLI asks on the terminal, the desktop app in a dialog; both go through this one decision.
//   Only the database blocks (issue 13): a missing or damaged scan never does — the workspace opens and
// names it (attachments/health.ts; the spot check runs after opening, verify.ts spotCheck), so that it can
// be repaired in place. Nothing is re-hashed here: a workspace with 1 GB of scans opens in well under a
// second. What dead processes left in the data folder is removed first (leftovers.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../../shared/api/contract.js';
import { restoreBackup } from './backup/restore.js';
import { DossierError } from './errors.js';
import { sweepLeftovers } from './leftovers.js';
import { bestBackup, checkWorkspace } from './startupCheck.js';
import { DATABASE_FILE } from './workspace.js';

export interface RecoveryQuestion {
  problems: Localized[];
  /** The newest good backup and the new folder it would be restored into. */
  backup: string;
  target: string;
}

/** The folder to open: `dataDir` when it is sound (or new), the restored folder when the user agreed. */
export async function workspaceToOpen(
  dataDir: string,
  ask: (q: RecoveryQuestion) => Promise<boolean>,
  now = new Date(),
): Promise<string> {
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) return dataDir;
  // A leftover that cannot be removed (a permission) must not keep the workspace from opening.
  await sweepLeftovers(dataDir).catch(() => []);
  const report = await checkWorkspace(dataDir, { sample: 0 });
  if (report.opens) return dataDir;
  const best = bestBackup(report);
  const problems = report.blocking.map((p) => `  - ${p.zh} / ${p.en}`).join('\n');
  if (!best) {
    throw new DossierError('workspace_damaged', {
      zh: `工作区已损坏，且没有可用的备份：\n${problems}\n请勿删除该文件夹；可联系技术支持。`,
      en: `The workspace is damaged and there is no good backup:\n${problems}\nDo not delete the folder; ask for support.`,
    });
  }
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const target = `${path.resolve(dataDir)}-restored-${stamp}`;
  if (await ask({ problems: report.blocking, backup: best.file, target })) {
    await restoreBackup(best.file, target);
    return target;
  }
  throw new DossierError('workspace_damaged', {
    zh: `工作区已损坏：\n${problems}\n未做任何修改。可从最新完好备份恢复到新文件夹：\n  dossier restore "${best.file}" "${target}"`,
    en: `The workspace is damaged:\n${problems}\nNothing was changed. To restore the newest good backup into a new folder:\n  dossier restore "${best.file}" "${target}"`,
  });
}
