// Gathers what the form builders need from a workspace: the archive and its fingerprint, the unit's F-4
// figures, the rule pack's parameters (publicity dates), and the material index.
import { createHash } from 'node:crypto';
import type { GeneratedFile, Issue } from '../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import { applicability, FORMS, FORM_IDS } from '../../../shared/forms/catalog.js';
import { PostInfo, postInfoProblems } from '../../../shared/forms/postInfo.js';
import { computeMaterials, MATERIAL_LABELS } from '../../../shared/materials/requirements.js';
import { getSettingJson, setSetting } from '../archiveRepo.js';
import { exportArchiveJson, readArchive } from '../archiveService.js';
import { listAttachments } from '../attachments/attachmentService.js';
import type { Db } from '../db.js';
import { printedSignerFingerprint } from '../package/keyService.js';
import { getParams } from '../rulesService.js';
import { isUnitWorkspace } from '../unit/mode.js';
import { currentApplicantId, type Workspace } from '../workspace.js';
import { listGenerated } from './generatedRepo.js';
import { indexNote } from './indexNote.js';
import { partsOf } from './materialPdf.js';
import type { FormContext, IndexEntry } from './types.js';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The archive's fingerprint: SHA-256 of its export JSON (docs/archive-format.md), the very bytes the
 * package carries as content/archive.json — so `sha256sum` of that file matches the paper's footer.
 */
export function archiveFingerprint(db: Db, applicantId: string): string {
  return sha256Hex(exportArchiveJson(db, applicantId).json);
}

const POST_INFO_KEY = 'forms.postInfo';

/** The unit's F-4 figures, or null while never saved (or no longer valid after an upgrade). */
export function getPostInfo(db: Db): PostInfo | null {
  return getSettingJson(db, POST_INFO_KEY, PostInfo);
}

export function setPostInfo(db: Db, info: PostInfo): void {
  setSetting(db, POST_INFO_KEY, JSON.stringify(info));
}

/**
 * The problems of F-4's figures as the 岗位信息表 screen and `dossier post-info` show them (postInfoProblems),
 * checked against the applicant's ID number in an applicant's workspace (the list must name them); a unit's
 * lists all its applicants and has no one archive to check against.
 */
export function postInfoCheck(w: Workspace, info: PostInfo): Issue[] {
  const applicantId = isUnitWorkspace(w) ? null : currentApplicantId(w);
  const idNumber = applicantId ? readArchive(w.db, applicantId).profile.idNumber || undefined : undefined;
  return postInfoProblems(info, idNumber);
}

/** `earlier`: outputs made but not stored (dossier forms --out), counted in the index over the stored ones. */
export function formContext(w: Workspace, applicantId: string, earlier: readonly GeneratedFile[] = []): FormContext {
  const archive = readArchive(w.db, applicantId);
  return {
    archive,
    fingerprint: archiveFingerprint(w.db, applicantId),
    postInfo: getPostInfo(w.db),
    params: getParams(w.db),
    index: materialIndex(w, applicantId, archive, earlier),
    // The signing key's fingerprint (grouped, as docs/package-format.md prints it), so that the paper F-1
    // and pledge the applicant signs by hand vouch for the key that signs the package; null without a key.
    signerFingerprint: printedSignerFingerprint(w.dataDir),
  };
}

/** Which generated form stands for which material in the index. */
const FORM_OF_MATERIAL = new Map(FORM_IDS.filter((id) => FORMS[id].material).map((id) => [FORMS[id].material!, id]));

/**
 * The material index: every material in the notice's order with its files — the attachments linked to it
 * (each once, in the materials view's order) and the generated form that is it (F-1 for M-1, …) — and
 * what is still missing.
 */
export function materialIndex(
  w: Workspace,
  applicantId: string,
  archive: ArchiveDocument,
  earlier: readonly GeneratedFile[] = [],
): IndexEntry[] {
  const { attachments } = listAttachments(w, { applicantId });
  const generated = new Map<string, GeneratedFile>(
    [...listGenerated(w.db, applicantId), ...earlier].map((g) => [g.key, g]),
  );
  const view = computeMaterials(archive, attachments, getParams(w.db));
  return view.map((m) => {
    const files: IndexEntry['files'] = [];
    const form = FORM_OF_MATERIAL.get(m.id);
    const applies = form !== undefined && applicability(form, archive).applies;
    const made = form ? generated.get(form) : undefined;
    // Each file by what it is, never by its file name (issue 15): the form by its title; a scan as the
    // material's merged PDF names it in its bookmarks (「毕业证书 — 浙江大学 硕士研究生」), each once, in its order.
    if (made && form) files.push({ name: `《${FORMS[form].title.zh}》`, pages: made.pages });
    for (const part of partsOf(archive, attachments, view, m.id))
      files.push({ name: part.bookmark, pages: part.pages });
    return { material: m.id, title: MATERIAL_LABELS[m.id], files, note: indexNote(m, applies, made !== undefined) };
  });
}
