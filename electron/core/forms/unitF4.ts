// The unit's own F-4 《事业单位人员职称申报岗位信息表》 (附件4, M-12, N-14): a public institution prints it from
// its saved figures at any time — to take it to the competent department for its seal before the batch —
// from the 岗位信息表 screen (unit:f4) and `dossier forms --only F-4`. While figures are blank or do not add
// up (postInfoDraftReason) it is marked 草稿 on every page; once complete, it is the sheet to be sealed.
// Its footer carries the SHA-256 of the figures as level 2 carries them (content/unit/post-info.json), so
// the sealed paper and the countersigned package can be matched with `sha256sum`. Deterministic: the same
// figures give the same bytes. An enterprise's workspace has no F-4 (N-14): refused, saying why.
import { rm } from 'node:fs/promises';
import type { GeneratedFile, Localized } from '../../../shared/api/contract.js';
import { emptyArchive } from '../../../shared/archive/empty.js';
import { UNIT_TYPE_LABELS } from '../../../shared/archive/labels.js';
import { FORMS, formFileName } from '../../../shared/forms/catalog.js';
import { emptyPostInfo, postInfoDraftReason } from '../../../shared/forms/postInfo.js';
import type { UnitProfile } from '../../../shared/unit/schema.js';
import { commit, stage, storedPath } from '../attachments/store.js';
import { DossierError } from '../errors.js';
import { jsonBytes } from '../package/content.js';
import { getParams } from '../rulesService.js';
import { requireUnit } from '../unit/mode.js';
import { savedUnitProfile } from '../unit/profile.js';
import type { Workspace } from '../workspace.js';
import { getPostInfo, sha256Hex } from './context.js';
import { layoutF4 } from './f4.js';
import { isStoredHashUsed, putUnitGenerated } from './generatedRepo.js';

/** The mark of a sheet that is not yet the one to be sealed: its word, and why, at the top of each page. */
const DRAFT_MARK = { mark: '草稿', note: '岗位信息尚未填写完整或有待更正，仅供核对，请勿盖章报送' };

/**
 * The unit's profile when it may have an F-4: saved, and a public institution. Otherwise a refusal that
 * says why in words an officer acts on (F-4 is for public institutions only, N-14, M-12).
 */
export function unitForF4(w: Workspace): UnitProfile {
  requireUnit(w);
  const profile = savedUnitProfile(w);
  if (!profile || profile.name.trim() === '') {
    throw new DossierError('unit_profile_missing', {
      zh: '请先填写并保存单位信息（单位名称、单位性质）：F-4 印有单位名称，且只适用于事业单位。未生成任何文件。',
      en: "Save the unit's data (its name and type) first: F-4 bears the unit's name and is for public institutions only. Nothing was written.",
    });
  }
  if (profile.type !== 'public_institution') {
    const type = profile.type === '' ? null : UNIT_TYPE_LABELS[profile.type];
    const said = type
      ? { zh: `本单位的单位性质为“${type.zh}”`, en: `this unit's type is "${type.en}"` }
      : { zh: '本单位尚未选择单位性质', en: "this unit's type is not chosen yet" };
    throw new DossierError('form_not_applicable', {
      zh:
        `F-4《${FORMS['F-4'].title.zh}》只由事业单位为其推荐的在编人员填报（N-14、M-12），${said.zh}，` +
        '不需要此表，未生成任何文件。如单位性质有误，请先修改单位信息中的单位性质。',
      en:
        `F-4 (${FORMS['F-4'].title.en}) is filled in only by public institutions (事业单位) for the staff they recommend ` +
        `(N-14, M-12); ${said.en}, so it needs none and nothing was written. If the type is wrong, change it in the unit's data first.`,
    });
  }
  return profile;
}

/** Makes the unit's F-4 from its saved figures, stores it and records it; `draft` says why it is a draft. */
/**
 * Makes the unit's F-4 and stores it; with `keep: false` (dossier forms --out, a reading command) nothing is
 * stored and the bytes are returned instead.
 */
export async function makeUnitF4(
  w: Workspace,
  { keep = true }: { keep?: boolean } = {},
): Promise<{ file: GeneratedFile; draft: Localized | null; bytes: Uint8Array }> {
  const profile = unitForF4(w);
  const info = getPostInfo(w.db) ?? emptyPostInfo();
  const draft = postInfoDraftReason(info);
  // The figures as level 2 carries them: sha256sum of content/unit/post-info.json is the footer's.
  const fingerprint = sha256Hex(jsonBytes(info));
  const blank = emptyArchive();
  const ctx = {
    // The unit's data alone: with nobody on the list yet, the sheet's one row is blank to write in by hand
    // (no title applied for taken from an archive that is nobody's).
    archive: { ...blank, unit: profile, application: { ...blank.application, titleApplied: '' } },
    fingerprint,
    postInfo: info,
    params: getParams(w.db),
    index: [],
    signerFingerprint: null,
  };
  const built = await layoutF4(ctx, info, {
    fingerprintLabel: '岗位信息指纹',
    fingerprintKind: 'post-info',
    ...(draft ? { draft: DRAFT_MARK } : {}),
  });
  const fileName = draft ? formFileName('F-4').replace(/\.pdf$/, '（草稿）.pdf') : formFileName('F-4');
  const file: GeneratedFile = {
    key: 'unit:F-4',
    fileName,
    // The store's name for these bytes (content-addressed), stored or not.
    sha256: sha256Hex(built.bytes),
    size: built.bytes.length,
    pages: built.pages,
    archiveSha256: fingerprint,
    // What the sheet is made from: the unit's name and the year are printed on it too.
    inputSha256: sha256Hex(JSON.stringify([fingerprint, profile.name, ctx.params.asOfDate])),
    createdAt: new Date().toISOString(),
    missingCharacters: built.missing,
    notes: [],
  };
  if (!keep) return { file, draft, bytes: built.bytes };
  const staged = await stage(w.store, [built.bytes], { fileName, maxBytes: Number.MAX_SAFE_INTEGER });
  await commit(w.store, staged);
  const replaced = putUnitGenerated(w.db, file);
  if (replaced && !isStoredHashUsed(w.db, replaced)) await rm(storedPath(w.store, replaced), { force: true });
  return { file, draft, bytes: built.bytes };
}
