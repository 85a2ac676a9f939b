// Whom a workspace serves (issue 7): an applicant (one archive, the default) or a unit's HR officer (the
// packages of many applicants). Chosen once, on an empty workspace, and kept in the setting table.
import type { WorkspaceMode } from '../../../shared/unit/schema.js';
import { getSetting, setSetting } from '../archiveRepo.js';
import { DossierError } from '../errors.js';
import { currentApplicantId, type Workspace } from '../workspace.js';

const MODE_KEY = 'workspace.mode';

export function getMode(w: Workspace): WorkspaceMode {
  return getSetting(w.db, MODE_KEY) === 'unit' ? 'unit' : 'applicant';
}

export function setMode(w: Workspace, mode: WorkspaceMode): { mode: WorkspaceMode } {
  // "Still empty" is checked in the transaction that writes (issue 13): an import racing it cannot slip in.
  w.db.transaction(() => {
    if (getMode(w) === mode) return;
    if (currentApplicantId(w) !== null) {
      throw new DossierError('workspace_not_empty', {
        zh: '此工作区已有档案，不能改变用途。请为单位审核另建一个空的工作区。',
        en: 'This workspace already holds an archive; its purpose cannot change. Use a new, empty workspace for the unit.',
      });
    }
    setSetting(w.db, MODE_KEY, mode);
  })();
  return { mode };
}

export function isUnitWorkspace(w: Workspace): boolean {
  return getMode(w) === 'unit';
}

/** The unit's methods refuse an applicant's workspace: its archive is not theirs to review. */
export function requireUnit(w: Workspace): void {
  if (!isUnitWorkspace(w)) {
    throw new DossierError('not_unit_workspace', {
      zh: '这是申报人的工作区。单位审核请在单位工作区中进行。',
      en: "This is an applicant's workspace. Reviewing is done in a unit's workspace.",
    });
  }
}
