// The unit's review of one applicant (issue 7; N-10: the unit reviews the archive and answers for it, N-13):
// the eligibility findings with the fields they concern, a mark per material, comments tied to a field, an
// attachment or a material, the unit's opinion and its decision. Everything belongs to the revision the
// workspace holds now (revisions.ts); a newer revision starts pending, unmarked and without comments, and
// the older comments stay readable as history. Marks and comments change only while the review is pending.
import { randomUUID } from 'node:crypto';
import type { InputOf, Localized, OutputOf, ReviewFinding } from '../../../shared/api/contract.js';
import { isCurrentAttachment } from '../../../shared/attachments/current.js';
import {
  computeMaterials,
  MATERIAL_IDS,
  MATERIAL_LABELS,
  type MaterialId,
} from '../../../shared/materials/requirements.js';
import type { Finding } from '../../../shared/rules/types.js';
import type { CommentTarget, MaterialReview, ReviewComment, ReviewStatus } from '../../../shared/unit/schema.js';
import { readArchive, requireApplicant } from '../archiveService.js';
import { listAttachments } from '../attachments/attachmentService.js';
import { DossierError } from '../errors.js';
import { CONTENT_PATHS } from '../package/content.js';
import { localToday } from '../clock.js';
import type { PackageRow } from '../package/packageRepo.js';
import { runPack } from '../../../shared/rules/engine.js';
import { PACK_2020 } from '../../../shared/rules/pack2020/index.js';
import { getParams, linksOf } from '../rulesService.js';
import type { Workspace } from '../workspace.js';
import { appendAudit } from './auditRepo.js';
import { DESPITE, gapsDetail, gapsOf, requireReason } from './decisionGate.js';
import { isFieldPath } from './fieldPaths.js';
import { readPackageContent } from './packageContent.js';
import { newestPublicityPeriods, notPublicised, PUBLICITY_RULE, withPublicity } from './unitParams.js';
import { requireUnit } from './mode.js';
import { deskReturnOf } from './deskReturn.js';
import * as repo from './reviewRepo.js';
import { sincePreviousRevision } from './returnChecklist.js';
import { applicantPackageRows, currentRevision, revisionsOf } from './revisions.js';
import { unitApplicantRow } from './table.js';

/** The applicant, in a unit's workspace, and the revision under review. */
function open(w: Workspace, applicantId: string): number {
  requireUnit(w);
  requireApplicant(w.db, applicantId);
  return currentRevision(w, applicantId);
}

const STATUS_NAMES: Record<ReviewStatus, Localized> = {
  pending: { zh: '待审核', en: 'pending' },
  accepted: { zh: '审核通过', en: 'accepted' },
  returned: { zh: '已退回', en: 'returned' },
};

function requirePending(w: Workspace, applicantId: string, revision: number): void {
  const { status } = repo.reviewState(w.db, applicantId, revision);
  if (status === 'pending') return;
  throw new DossierError('review_not_pending', {
    zh: `此申报人的审核状态为“${STATUS_NAMES[status].zh}”，材料标记和批注不能再改动。如需修改，请先重新打开审核。`,
    en: `This applicant's review is ${STATUS_NAMES[status].en}; marks and comments can no longer change. Reopen the review first to change them.`,
  });
}

/** Every material with its mark on `revision` (null: not looked at yet), in the notice's order. */
export function materialReviews(w: Workspace, applicantId: string, revision: number): MaterialReview[] {
  const marks = repo.materialMarks(w.db, applicantId, revision);
  return MATERIAL_IDS.map((material) => ({ material, decision: marks.get(material) ?? null }));
}

const publicComment = ({ revision: _revision, ...comment }: repo.StoredComment): ReviewComment => comment;

/** The comments of `revision`, as the review and review.json carry them. */
export function currentComments(w: Workspace, applicantId: string, revision: number): ReviewComment[] {
  return repo.listComments(w.db, applicantId, revision).map(publicComment);
}

export function toReviewFinding(
  f: Finding,
  isField: (path: string) => boolean,
  justifications: ReadonlyMap<string, string>,
  publicityDays: number,
): ReviewFinding {
  const candidates = [...(f.fix?.kind === 'field' ? [f.fix.target] : []), ...f.evidence.map((e) => e.path)];
  return {
    id: f.id,
    ruleId: f.ruleId,
    status: f.status as ReviewFinding['status'],
    severity: f.severity,
    // The rule sends an applicant to 假设与参数 for the dates; a unit plans its publicity on 公示.
    message:
      f.ruleId === PUBLICITY_RULE && f.fix?.kind === 'field' && f.fix.target === 'params.publicityStart'
        ? notPublicised(publicityDays)
        : f.message,
    paths: [...new Set(candidates)].filter(isField),
    clause: [...f.clause],
    justification: justifications.get(f.id) ?? null,
  };
}

/** The archive JSON is read only to reach level 1's manifest through the checked chain; it is small. */
const MAX_ARCHIVE_JSON_BYTES = 64 * 2 ** 20;

/** Level 1's overridden warnings and their written reasons, by finding id, from the package file held. */
export async function overrideReasons(w: Workspace, row: PackageRow | undefined): Promise<Map<string, string>> {
  if (!row) return new Map();
  const read = await readPackageContent(w, row, 1, CONTENT_PATHS.archive, MAX_ARCHIVE_JSON_BYTES);
  return new Map((read?.manifest.rules?.overrides ?? []).map((o) => [o.findingId, o.justification]));
}

export async function reviewOf(w: Workspace, applicantId: string): Promise<OutputOf<'unit:review'>> {
  const revision = open(w, applicantId);
  const archive = readArchive(w.db, applicantId);
  const params = withPublicity(getParams(w.db), newestPublicityPeriods(w.db).get(applicantId));
  const report = runPack(PACK_2020, { archive, links: linksOf(w, applicantId), params, today: localToday() });
  const rows = applicantPackageRows(w, applicantId);
  // The applicant's export promised that the unit reads the reasons they wrote for overridden warnings.
  const justifications = await overrideReasons(w, rows[0]);
  const findings = report.findings
    .filter((f) => f.status === 'fail' || f.status === 'review')
    .map((f) => toReviewFinding(f, (p) => isFieldPath(archive, p), justifications, params.publicityDays));
  return {
    row: unitApplicantRow(w, applicantId),
    findings,
    opinion: repo.reviewState(w.db, applicantId, revision).opinion,
    materials: materialReviews(w, applicantId, revision),
    comments: currentComments(w, applicantId, revision),
    revisions: revisionsOf(rows),
    // What changed since the previous revision (fields and scans) and, after a return, its checklist.
    ...(await sincePreviousRevision(w, applicantId, rows)),
    deskReturn: await deskReturnOf(w, applicantId),
  };
}

export function markMaterial(w: Workspace, input: InputOf<'unit:markMaterial'>): OutputOf<'unit:markMaterial'> {
  const revision = open(w, input.applicantId);
  w.db.transaction(() => {
    requirePending(w, input.applicantId, revision);
    repo.putMark(w.db, input.applicantId, revision, input.material, input.decision);
  })();
  return { materials: materialReviews(w, input.applicantId, revision) };
}

/** The target as stored: a field of this archive, a current attachment of this applicant (its own name), a material. */
function checkedTarget(w: Workspace, applicantId: string, target: CommentTarget): CommentTarget {
  if (target.kind === 'field') {
    if (isFieldPath(readArchive(w.db, applicantId), target.path)) return target;
    throw new DossierError(
      'unknown_field',
      {
        zh: `批注所指的字段“${target.path}”不在此申报人的档案中，未保存。`,
        en: `The comment's field "${target.path}" is not in this applicant's archive; nothing was saved.`,
      },
      [{ path: 'target.path', message: { zh: `没有字段 ${target.path}`, en: `no field ${target.path}` } }],
    );
  }
  if (target.kind === 'attachment') {
    const found = listAttachments(w, { applicantId })
      .attachments.filter(isCurrentAttachment)
      .find((a) => a.sha256 === target.sha256);
    if (found) return { kind: 'attachment', sha256: found.sha256, fileName: found.fileName };
    const name = target.fileName || target.sha256.slice(0, 12);
    throw new DossierError(
      'unknown_attachment',
      {
        zh: `批注所指的附件“${name}”（SHA-256 ${target.sha256.slice(0, 12)}…）不是此申报人的附件，未保存。`,
        en: `The comment's attachment "${name}" (SHA-256 ${target.sha256.slice(0, 12)}…) is not one of this applicant's; nothing was saved.`,
      },
      [{ path: 'target.sha256', message: { zh: '没有此附件', en: 'no such attachment' } }],
    );
  }
  return target;
}

/**
 * A comment checked (its target of this archive, its text) and stored on `revision`; `guard` runs inside the
 * transaction and refuses when the review can no longer change. Shared by the unit's and the desk's review.
 */
export function storeComment(
  w: Workspace,
  input: InputOf<'unit:addComment'>,
  revision: number,
  guard: () => void,
): ReviewComment {
  const target = checkedTarget(w, input.applicantId, input.target);
  const text = input.text.trim();
  if (!text) {
    throw new DossierError(
      'wrong_comment',
      { zh: '批注内容为空，未保存。', en: 'The comment is empty; nothing was saved.' },
      [{ path: 'text', message: { zh: '请填写批注内容', en: 'enter the comment' } }],
    );
  }
  const comment = {
    id: randomUUID(),
    revision,
    material: input.material,
    target,
    text,
    createdAt: new Date().toISOString(),
  };
  w.db.transaction(() => {
    guard();
    repo.insertComment(w.db, input.applicantId, comment);
  })();
  return publicComment(comment);
}

export function addComment(w: Workspace, input: InputOf<'unit:addComment'>): OutputOf<'unit:addComment'> {
  const revision = open(w, input.applicantId);
  return { comment: storeComment(w, input, revision, () => requirePending(w, input.applicantId, revision)) };
}

/** Deletes a comment of `revision` (an older one is history); `guard` as for storeComment. */
export function removeComment(
  w: Workspace,
  input: InputOf<'unit:deleteComment'>,
  revision: number,
  guard: () => void,
): void {
  w.db.transaction(() => {
    const found = repo.findComment(w.db, input.applicantId, input.commentId);
    if (!found) {
      throw new DossierError('comment_not_found', {
        zh: `找不到此申报人的批注（${input.commentId}），未删除任何内容。`,
        en: `This applicant has no comment ${input.commentId}; nothing was deleted.`,
      });
    }
    if (found.revision !== revision) {
      throw new DossierError('comment_is_history', {
        zh: `此批注属于第 ${found.revision} 版，作为退回记录保留，不能删除。`,
        en: `This comment belongs to revision ${found.revision}; it is kept as the record of the return and cannot be deleted.`,
      });
    }
    guard();
    repo.deleteCommentRow(w.db, found.id);
  })();
}

export function deleteComment(w: Workspace, input: InputOf<'unit:deleteComment'>): void {
  const revision = open(w, input.applicantId);
  removeComment(w, input, revision, () => requirePending(w, input.applicantId, revision));
}

/** The opinion can change until the package is returned (it went out in review.json then). */
export function setOpinion(w: Workspace, input: InputOf<'unit:setOpinion'>): void {
  const revision = open(w, input.applicantId);
  w.db.transaction(() => {
    if (repo.reviewState(w.db, input.applicantId, revision).status === 'returned') {
      throw new DossierError('review_returned', {
        zh: '此版本已退回，单位意见已随退回包发出，不能再修改；申报人提交更正版本后可再填写。',
        en: 'This revision was returned and the opinion went out with it; it can change again once the applicant sends a corrected revision.',
      });
    }
    repo.putOpinion(w.db, input.applicantId, revision, input.opinion);
  })();
}

/**
 * Materials the unit marks before accepting: what the archive needs (generated forms included), but not what
 * the unit itself issues later (M-3 after the publicity, N-8): acceptance comes before the publicity.
 */
export function neededMaterials(w: Workspace, applicantId: string): MaterialId[] {
  const { attachments } = listAttachments(w, { applicantId });
  return computeMaterials(readArchive(w.db, applicantId), attachments, getParams(w.db))
    .filter((m) => m.state !== 'not-needed' && m.state !== 'unit-provides')
    .map((m) => m.id);
}

const materialList = (ids: readonly MaterialId[], lang: 'zh' | 'en') =>
  ids.map((id) => `${id} ${MATERIAL_LABELS[id][lang]}`).join(lang === 'zh' ? '；' : '; ');

/**
 * Accept (every needed material marked accepted, none returned; a written reason when the verdict fails or
 * proofs are missing — decisionGate.ts) or reopen (→ pending).
 */
export function setStatus(w: Workspace, input: InputOf<'unit:setStatus'>): OutputOf<'unit:setStatus'> {
  const { applicantId } = input;
  const revision = open(w, applicantId);
  const needed = neededMaterials(w, applicantId);
  const row = unitApplicantRow(w, applicantId);
  return w.db.transaction((): OutputOf<'unit:setStatus'> => {
    const { status } = repo.reviewState(w.db, applicantId, revision);
    if (input.status === 'pending') {
      repo.putStatus(w.db, applicantId, revision, 'pending');
      return { status: 'pending' };
    }
    if (status === 'accepted') return { status };
    if (status === 'returned') {
      throw new DossierError('review_returned', {
        zh: '此版本已退回申报人修改，不能审核通过。请等待更正版本，或先重新打开审核。',
        en: 'This revision was returned for correction and cannot be accepted. Wait for the corrected revision, or reopen the review first.',
      });
    }
    const marks = repo.materialMarks(w.db, applicantId, revision);
    const returned = MATERIAL_IDS.filter((m) => marks.get(m) === 'returned');
    const unmarked = needed.filter((m) => marks.get(m) !== 'accepted' && marks.get(m) !== 'returned');
    if (returned.length > 0 || unmarked.length > 0) {
      const zh = [
        returned.length > 0 ? `已退回的材料：${materialList(returned, 'zh')}` : '',
        unmarked.length > 0 ? `尚未审核通过的材料：${materialList(unmarked, 'zh')}` : '',
      ].filter(Boolean);
      const en = [
        returned.length > 0 ? `returned: ${materialList(returned, 'en')}` : '',
        unmarked.length > 0 ? `not yet accepted: ${materialList(unmarked, 'en')}` : '',
      ].filter(Boolean);
      throw new DossierError(
        'materials_not_accepted',
        {
          zh: `每项需要的材料都标记为通过后才能审核通过。${zh.join('。')}。`,
          en: `Every needed material must be marked accepted before the review is accepted. ${en.join('; ')}.`,
        },
        [...returned, ...unmarked].map((m) => ({ path: `materials.${m}`, message: MATERIAL_LABELS[m] })),
      );
    }
    const gaps = gapsOf(row);
    const reason = requireReason(gaps, input.reason, 'accept', row.name || applicantId);
    repo.putStatus(w.db, applicantId, revision, 'accepted');
    if (reason !== null) {
      appendAudit(w.db, { applicantId, revision, action: DESPITE.accept, reason, detail: gapsDetail(gaps) });
    }
    return { status: 'accepted' };
  })();
}

/** Whether the review of the current revision can go back to the applicant (退回): pending, with something said. */
export function requireReturnable(w: Workspace, applicantId: string): number {
  const revision = open(w, applicantId);
  requirePending(w, applicantId, revision);
  const hasComment = repo.listComments(w.db, applicantId, revision).length > 0;
  const hasReturned = [...repo.materialMarks(w.db, applicantId, revision).values()].includes('returned');
  if (!hasComment && !hasReturned) {
    throw new DossierError('nothing_to_return', {
      zh: '退回前请至少写一条批注，或将至少一项材料标记为退回：申报人需要知道要改什么。',
      en: 'Before returning, write at least one comment or mark at least one material returned: the applicant needs to know what to correct.',
    });
  }
  return revision;
}
