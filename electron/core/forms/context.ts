// Gathers what the form builders need from a workspace: the archive and its fingerprint, the unit's F-4
// figures, the rule pack's parameters (publicity dates), and the material index.
import { createHash } from 'node:crypto';
import type { GeneratedFile } from '../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import { applicability, FORMS, FORM_IDS } from '../../../shared/forms/catalog.js';
import { PostInfo } from '../../../shared/forms/postInfo.js';
import { computeMaterials, MATERIAL_LABELS } from '../../../shared/materials/requirements.js';
import { getSettingJson, setSetting } from '../archiveRepo.js';
import { exportArchiveJson, readArchive } from '../archiveService.js';
import { listAttachments } from '../attachments/attachmentService.js';
import type { Db } from '../db.js';
import { printedSignerFingerprint } from '../package/keyService.js';
import { getParams } from '../rulesService.js';
import type { Workspace } from '../workspace.js';
import { listGenerated } from './generatedRepo.js';
import { indexNote } from './indexNote.js';
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

export function formContext(w: Workspace, applicantId: string): FormContext {
  const archive = readArchive(w.db, applicantId);
  return {
    archive,
    fingerprint: archiveFingerprint(w.db, applicantId),
    postInfo: getPostInfo(w.db),
    params: getParams(w.db),
    index: materialIndex(w, applicantId, archive),
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
export function materialIndex(w: Workspace, applicantId: string, archive: ArchiveDocument): IndexEntry[] {
  const { attachments } = listAttachments(w, { applicantId });
  const byId = new Map(attachments.map((a) => [a.id, a]));
  const generated = new Map<string, GeneratedFile>(listGenerated(w.db, applicantId).map((g) => [g.key, g]));
  return computeMaterials(archive, attachments, getParams(w.db)).map((m) => {
    const files: IndexEntry['files'] = [];
    const form = FORM_OF_MATERIAL.get(m.id);
    const applies = form !== undefined && applicability(form, archive).applies;
    const made = form ? generated.get(form) : undefined;
    if (made) files.push({ name: made.fileName, pages: made.pages });
    const seen = new Set<string>();
    for (const item of m.items) {
      for (const id of item.attachmentIds) {
        const a = byId.get(id);
        if (!a || seen.has(id)) continue;
        seen.add(id);
        files.push({ name: a.fileName, pages: a.pages });
      }
    }
    return { material: m.id, title: MATERIAL_LABELS[m.id], files, note: indexNote(m, applies, made !== undefined) };
  });
}
