// A reviewing desk's return reaching the unit (issue 17 item 4; N-9: applicant → unit → desk, and back the same
// way). The desk answers the unit's own level-2 package with level 3, decision `returned`: every point at once
// and a correction deadline (补正截止日期). The unit imports that file like any package; it is taken only when
// its level 2 is the very countersignature this workspace wrote for the applicant's current revision. The file
// is kept with its row (nothing of the archive changes), the applicant's review of that revision is opened
// again (审核中: the unit can return them to the applicant in turn, whose corrected revision then arrives as
// any corrected revision does, with the field-by-field diff), and the audit trail says so. The desk's points
// are read back from the kept file wherever they are shown (deskReturnOf), so they exist in one place.
import { readFileSync } from 'node:fs';
import type { Localized } from '../../../shared/api/primitives.js';
import { DeskReviewDoc } from '../../../shared/desk/schema.js';
import type { DeskReturnView } from '../../../shared/unit/schema.js';
import { DESK_REVIEW_PATH } from '../desk/levelThree.js';
import { DossierError } from '../errors.js';
import { rowsOfPackage } from '../package/packageRepo.js';
import { applicantOfPackage } from './unitRepo.js';
import type { Workspace } from '../workspace.js';
import { appendAudit } from './auditRepo.js';
import { newestReviewerContent } from './received.js';
import * as repo from './reviewRepo.js';

/** A level-3 package as the import pipeline saw it: ids, and each level's manifest hash and signer. */
export interface DeskReturnPackage {
  packageId: string;
  revision: number;
  levels: readonly { manifestSha256: string; fingerprint: string }[];
}

const refused = (code: string, zh: string, en: string) =>
  new DossierError(code, { zh: `${zh}未导入任何内容。`, en: `${en} Nothing was imported.` });

/**
 * What a level-3 package is to this unit: the same file again (unchanged), or a desk's answer to the level 2
 * this workspace wrote for the applicant's newest revision (levels: the file is recorded, the archive kept).
 */
export function decideDeskReturn(
  w: Workspace,
  p: DeskReturnPackage,
): { kind: 'levels' | 'unchanged'; applicantId: string } {
  const holder = applicantOfPackage(w.db, p.packageId);
  if (holder === null) {
    throw refused(
      'desk_return_unknown',
      `此文件是审查机构对申报包 ${p.packageId} 的审查结果，而本工作区没有这个申报人。`,
      `This file is a reviewing desk's answer on package ${p.packageId}, whose applicant this workspace does not hold.`,
    );
  }
  const rows = rowsOfPackage(w.db, p.packageId).filter((r) => r.applicant_id === holder);
  const top = p.levels[2]!;
  if (rows.some((r) => r.level === 3 && r.manifest_sha256 === top.manifestSha256)) {
    return { kind: 'unchanged', applicantId: holder };
  }
  const ours = rows.find(
    (r) => r.level === 2 && r.direction === 'exported' && r.manifest_sha256 === p.levels[1]!.manifestSha256,
  );
  if (!ours) {
    throw refused(
      'desk_return_foreign',
      '此审查结果所附的第 2 级不是本单位为此申报人写出的加签包（可能来自其他单位或已被改动）。',
      "The level 2 this desk's answer is added to is not a countersignature this unit wrote for the applicant (another unit's, or altered).",
    );
  }
  const newest = rows[0]?.revision ?? 0;
  if (p.revision < newest) {
    throw refused(
      'desk_return_outdated',
      `审查机构退回的是第 ${p.revision} 版，本单位已有此申报人的第 ${newest} 版。`,
      `The desk returned revision ${p.revision}; this unit already holds revision ${newest} of the applicant.`,
    );
  }
  return { kind: 'levels', applicantId: holder };
}

/** content/desk/review.json of a verified level 3, checked against its signers; throws a refusal otherwise. */
export function readDeskReturn(fileOf: (p: string) => string, p: DeskReturnPackage): DeskReviewDoc {
  let doc: DeskReviewDoc | null = null;
  try {
    doc = DeskReviewDoc.parse(JSON.parse(readFileSync(fileOf(DESK_REVIEW_PATH), 'utf8')));
  } catch {
    doc = null;
  }
  // The review must speak for the key that signed level 3, about the unit key that signed level 2.
  if (!doc || doc.deskFingerprint !== p.levels[2]!.fingerprint || doc.unit.fingerprint !== p.levels[1]!.fingerprint) {
    throw refused(
      'desk_return_unreadable',
      `审查机构的审查结果（${DESK_REVIEW_PATH}）格式不正确或与其签名不符。`,
      `The desk's review (${DESK_REVIEW_PATH}) does not fit its format or its signers.`,
    );
  }
  if (doc.decision !== 'returned') {
    throw refused(
      'desk_return_accepted',
      `这是审查机构“${doc.desk.name}”的通过意见（报送省级评委会用），不是退回补正，单位无需导入。`,
      `This is the desk ${doc.desk.name}'s acceptance (for the provincial committee), not a return; the unit has nothing to import.`,
    );
  }
  return doc;
}

/**
 * Inside the import's transaction: the applicant's review of the returned revision is opened again and the
 * audit trail records the desk's return (who returned it, by when, how many points).
 */
export function applyDeskReturn(w: Workspace, applicantId: string, revision: number, doc: DeskReviewDoc): void {
  repo.putStatus(w.db, applicantId, revision, 'pending');
  appendAudit(w.db, {
    applicantId,
    revision,
    action: 'desk-returned',
    reason: doc.comments.map((c) => c.text).join('\n'),
    detail: {
      desk: doc.desk.name,
      deskFingerprint: doc.deskFingerprint,
      deadline: doc.correctionDeadline,
      points: doc.comments.length,
    },
  });
}

/** The desk's return on the applicant's newest revision, read from its kept file; null when there is none. */
export async function deskReturnOf(w: Workspace, applicantId: string): Promise<DeskReturnView | null> {
  const held = await newestReviewerContent(w, applicantId, (level) => level === 3, 3, DESK_REVIEW_PATH);
  if (!held) return null;
  const parsed = DeskReviewDoc.safeParse(held.json);
  if (!parsed.success || parsed.data.deskFingerprint !== held.signer) {
    const what: Localized = {
      zh: `“${held.row.file_name}”中审查机构的审查结果格式不正确或与签名不符，无法显示。`,
      en: `The desk's review in "${held.row.file_name}" does not fit its format or its signer, and cannot be shown.`,
    };
    throw new DossierError('desk_return_unreadable', what);
  }
  const doc = parsed.data;
  return {
    fileName: held.row.file_name,
    revision: held.row.revision,
    desk: doc.desk.name,
    deskFingerprint: doc.deskFingerprint,
    opinion: doc.opinion,
    comments: doc.comments,
    deadline: doc.correctionDeadline,
    reviewedOn: doc.reviewedOn,
  };
}
