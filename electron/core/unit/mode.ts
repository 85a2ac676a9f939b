// Whom a workspace serves (issue 7): an applicant (one archive, the default), a unit's HR officer (the
// packages of many applicants) or a reviewing desk above the units (issue 17: many applicants of many
// units). Chosen once, on an empty workspace, and kept in the setting table.
import type { WorkspaceMode } from '../../../shared/unit/schema.js';
import { getSetting, setSetting } from '../archiveRepo.js';
import { DossierError } from '../errors.js';
import { currentApplicantId, type Workspace } from '../workspace.js';

const MODE_KEY = 'workspace.mode';

export function getMode(w: Workspace): WorkspaceMode {
  const mode = getSetting(w.db, MODE_KEY);
  return mode === 'unit' || mode === 'desk' ? mode : 'applicant';
}

export function setMode(w: Workspace, mode: WorkspaceMode): { mode: WorkspaceMode } {
  // "Still empty" is checked in the transaction that writes (issue 13): an import racing it cannot slip in.
  w.db.transaction(() => {
    if (getMode(w) === mode) return;
    if (currentApplicantId(w) !== null) {
      throw new DossierError('workspace_not_empty', {
        zh: '此工作区已有档案，不能改变用途。请为单位审核另建一个空的工作区。',
        en: 'This workspace already holds an archive; its purpose cannot change. Use a new, empty workspace for the unit.',
        ...(mode === 'desk'
          ? {
              zh: '此工作区已有档案，不能改变用途。请为审查机构另建一个空的工作区。',
              en: 'This workspace already holds an archive; its purpose cannot change. Use a new, empty workspace for the reviewing desk.',
            }
          : {}),
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

export const isDeskWorkspace = (w: Workspace): boolean => getMode(w) === 'desk';

/** A workspace of many applicants (a unit, a desk): fresh attachment ids, no single archive of its own. */
export const holdsMany = (w: Workspace): boolean => getMode(w) !== 'applicant';

/** The desk's methods refuse any other workspace. */
export function requireDesk(w: Workspace): void {
  if (!isDeskWorkspace(w)) {
    throw new DossierError('not_desk_workspace', {
      zh: '这不是审查机构的工作区。资格审查请在审查机构工作区中进行（dossier review-profile --set 文件.json 建立）。',
      en: "This is not a reviewing desk's workspace. Make one with dossier review-profile --set FILE.json.",
    });
  }
}
