// The desk's rules for one package received (issue 17), given to the one import pipeline
// (package/importService.ts ReviewerRules): a unit's level 2 only; a package id already held is the
// applicant's newer package (replaced, the old file kept as history), the same one again (unchanged) or an
// older one (refused). Before anything is stored, from the extracted, hash-checked levels: the unit within
// this desk's remit, the unit's decision `accepted`, level 2 signed by the unit key pinned for the unit
// (and by the batch's key), the publicity at least the parameter's working days on the state calendar and
// without objection, F-4 present and sound for a public institution, and the person not held under
// another package (from this or another unit). Each refusal names its reason; nothing of it is written.
import { readFileSync } from 'node:fs';
import type { Localized } from '../../../shared/api/contract.js';
import type { Unit } from '../../../shared/archive/schema.js';
import { countWorkingDays } from '../../../shared/calendar/workingDays.js';
import { normalizeIdNumber } from '../../../shared/checks/idNumber.js';
import { normalizeCreditCode } from '../../../shared/checks/creditCode.js';
import { DESK_STATUS_LABELS, canMove, statusOnArrival } from '../../../shared/desk/pipeline.js';
import type { DeskProfile } from '../../../shared/desk/schema.js';
import { PostInfo, postInfoProblems } from '../../../shared/forms/postInfo.js';
import { PublicityDoc, ReviewDoc } from '../../../shared/unit/schema.js';
import { DossierError } from '../errors.js';
import type { ReviewedContent, ReviewedPackage, ReviewerDecision, ReviewerRules } from '../package/importService.js';
import { rowsOfPackage } from '../package/packageRepo.js';
import { formatFingerprint } from '../package/sm2.js';
import { checkPinnedKey } from '../package/unitKeyTrust.js';
import { getParams } from '../rulesService.js';
import { appendAudit } from '../unit/auditRepo.js';
import { REVIEW_PATH, REVIEW_ROLE } from '../unit/levelTwo.js';
import { isSameUnit, normalizeUnitName } from '../unit/profile.js';
import { UNIT_PATHS, UNIT_ROLES } from '../unit/submit.js';
import { applicantOfPackage, heldPeople } from '../unit/unitRepo.js';
import type { Workspace } from '../workspace.js';
import { deskApplicant, pinnedUnitKey, pinUnitKey, putDeskApplicant, putUnitPublicity } from './deskRepo.js';
import { outsideRemit } from './profile.js';

/** The batch a package came in (null for a loose package): its unit and key as batch.json gives them. */
export interface FromBatch {
  fileName: string;
  sha256: string;
  unit: Unit;
  unitFingerprint: string;
}

export interface ReceiveContext {
  desk: DeskProfile;
  batch: FromBatch | null;
  /** A unit key the reviewer confirmed (--expect-fingerprint): a first pin, or a changed key accepted. */
  confirmedUnitKey?: string | undefined;
}

/** How a unit's key is told apart from another's: its credit code, or its name without one. */
export const unitKeyOf = (u: Pick<Unit, 'name' | 'creditCode'>): string =>
  normalizeCreditCode(u.creditCode) || `name:${normalizeUnitName(u.name)}`;

/** A unit key that is not the one pinned: refused with both fingerprints, for the result and the CLI. */
export class UnitKeyChanged extends DossierError {
  constructor(
    base: DossierError,
    readonly pinned: string,
    readonly signer: string,
  ) {
    super(base.code, base.localized, base.issues);
  }
}

const HOW: Localized = {
  zh: '核对单位登记的新密钥指纹（其汇总表、单位审核推荐意见表上所印）后，以 dossier review-import 文件 --expect-fingerprint 新指纹 重新接收。',
  en: "compare the unit's new key fingerprint (printed on its summary sheet and opinion pages), then receive again with dossier review-import FILE --expect-fingerprint NEW_HEX.",
};

const refuse = (code: string, zh: string, en: string) =>
  new DossierError(code, { zh: `${zh}未接收此申报包。`, en: `${en} This package was not received.` });

function readListed(content: ReviewedContent, level: number, path: string, role: string): unknown {
  const listed = content.levels[level - 1]?.manifest?.files.find((f) => f.path === path);
  if (!listed || listed.role !== role) return undefined;
  try {
    return JSON.parse(readFileSync(content.fileOf(path), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

export function deskRules(w: Workspace, ctx: ReceiveContext): ReviewerRules {
  const params = getParams(w.db);
  const unitOf = (content: ReviewedContent): Unit => ctx.batch?.unit ?? content.archive.unit;

  function decide(v: ReviewedPackage): ReviewerDecision {
    if (v.level !== 2) {
      throw refuse(
        'package_level',
        `申报包 ${v.packageId} 有 ${v.level} 级签名；审查机构只接收单位加签（第 2 级）的申报包。`,
        `Package ${v.packageId} has ${v.level} level(s); a reviewing desk takes packages countersigned by the unit (level 2) only.`,
      );
    }
    const holder = applicantOfPackage(w.db, v.packageId);
    if (holder === null) return { kind: 'new' };
    const rows = rowsOfPackage(w.db, v.packageId).filter((r) => r.applicant_id === holder);
    // An older revision is refused even when its very file came in before: it is history, not the package.
    const newest = Math.max(0, ...rows.map((r) => r.revision));
    if (v.revision < newest) {
      throw refuse(
        'package_outdated',
        `这是申报包 ${v.packageId} 的第 ${v.revision} 版，本机构已有第 ${newest} 版。`,
        `This is revision ${v.revision} of package ${v.packageId}; this desk holds revision ${newest}.`,
      );
    }
    if (rows.some((r) => r.manifest_sha256 === v.manifestSha256)) return { kind: 'unchanged', applicantId: holder };
    const status = deskApplicant(w.db, holder)?.status ?? null;
    if (status !== null && !canMove(status, statusOnArrival(status))) {
      const label = DESK_STATUS_LABELS[status];
      throw refuse(
        'desk_status_move',
        `此申报人在本机构的状态为“${label.zh}”，不再接收其新的申报包。`,
        `This applicant is "${label.en}" at this desk; no newer package of theirs is taken.`,
      );
    }
    return { kind: 'replace', applicantId: holder };
  }

  function check(content: ReviewedContent): void {
    const l2 = content.levels[1]!;
    const signer = l2.fingerprint!;
    const unit = unitOf(content);
    const who = content.archive.profile.name;
    if (ctx.batch && !isSameUnit(ctx.batch.unit, content.archive.unit)) {
      throw refuse(
        'batch_other_unit',
        `批次属于单位“${ctx.batch.unit.name}”，而“${who}”的申报包写的工作单位是“${content.archive.unit.name}”。`,
        `The batch is the unit "${ctx.batch.unit.name}"'s, but ${who}'s package names the unit "${content.archive.unit.name}".`,
      );
    }
    const remit = outsideRemit(ctx.desk, unit);
    if (remit)
      throw new DossierError('desk_outside_remit', {
        zh: `${remit.zh}未接收此申报包。`,
        en: `${remit.en} This package was not received.`,
      });

    const review = ReviewDoc.safeParse(readListed(content, 2, REVIEW_PATH, REVIEW_ROLE));
    if (!review.success) {
      throw refuse(
        'unit_review_missing',
        `“${who}”的第 2 级没有可读的单位审核意见（${REVIEW_PATH}）。`,
        `${who}'s level 2 carries no readable unit review (${REVIEW_PATH}).`,
      );
    }
    if (review.data.decision !== 'accepted') {
      throw refuse(
        'unit_decision_returned',
        `“${who}”的第 2 级是单位的退回（decision: returned），不是加签报送。`,
        `${who}'s level 2 is the unit's return (decision: returned), not a countersignature.`,
      );
    }
    if (review.data.unitFingerprint !== signer || (ctx.batch && ctx.batch.unitFingerprint !== signer)) {
      throw refuse(
        'unit_signer_mismatch',
        `“${who}”的第 2 级由密钥 ${formatFingerprint(signer)} 签名，与${ctx.batch ? '批次 batch.json 的 unitFingerprint' : '单位审核意见中的单位密钥'}不符。`,
        `${who}'s level 2 is signed by the key ${formatFingerprint(signer)}, not the one ${ctx.batch ? "batch.json's unitFingerprint" : "the unit's review"} names.`,
      );
    }
    const trusted = pinnedUnitKey(w.db, unitKeyOf(unit));
    try {
      checkPinnedKey({ trusted, signer, confirmed: ctx.confirmedUnitKey, firstUse: 'pin', how: HOW });
    } catch (e) {
      if (e instanceof DossierError && e.code === 'unit_key_changed' && trusted)
        throw new UnitKeyChanged(e, trusted, signer);
      throw e;
    }

    checkPublicity(content, who);
    if (unit.type === 'public_institution') checkF4(content, who);
    checkPerson(content, unit);
  }

  function checkPublicity(content: ReviewedContent, who: string): void {
    const doc = PublicityDoc.safeParse(readListed(content, 2, UNIT_PATHS.publicity, UNIT_ROLES.publicity));
    if (!doc.success) {
      throw refuse(
        'publicity_missing',
        `“${who}”的第 2 级没有单位公示的证明（${UNIT_PATHS.publicity}，N-8）。`,
        `${who}'s level 2 carries no evidence of the unit's publicity (${UNIT_PATHS.publicity}, N-8).`,
      );
    }
    const { startDate, endDate, outcome } = doc.data;
    if (outcome !== 'no_objection') {
      throw refuse('publicity_objection', `“${who}”的公示有异议。`, `${who}'s publicity met an objection.`);
    }
    // Counted here on the state calendar with this desk's parameters: the unit's own count is not taken on trust.
    const days = countWorkingDays(startDate, endDate, params.publicityStartCounts);
    if (!days.ok) {
      throw refuse(
        'publicity_calendar_unknown',
        `“${who}”的公示期 ${startDate} 至 ${endDate} 含工作日历未知的日子（${days.unknownFrom}）。`,
        `${who}'s publicity ${startDate} to ${endDate} includes a day the working calendar does not know (${days.unknownFrom}).`,
      );
    }
    if (days.days < params.publicityDays) {
      throw refuse(
        'publicity_too_short',
        `“${who}”的公示期 ${startDate} 至 ${endDate} 只有 ${days.days} 个工作日（按国家法定节假日安排计算），不足 ${params.publicityDays} 个工作日（N-8）。`,
        `${who}'s publicity ${startDate} to ${endDate} has only ${days.days} working day(s) on the state calendar, fewer than ${params.publicityDays} (N-8).`,
      );
    }
  }

  function checkF4(content: ReviewedContent, who: string): void {
    const raw = readListed(content, 2, UNIT_PATHS.postInfo, UNIT_ROLES.postInfo);
    const info = PostInfo.safeParse(raw);
    if (!info.success) {
      throw refuse(
        'f4_missing',
        `“${who}”的单位是事业单位，而第 2 级没有${raw === undefined ? '' : '可读的'}岗位设置情况（F-4，${UNIT_PATHS.postInfo}，N-14）。`,
        `${who}'s unit is a public institution, but level 2 carries no ${raw === undefined ? '' : 'readable '}post information (F-4, ${UNIT_PATHS.postInfo}, N-14).`,
      );
    }
    const problems = postInfoProblems(info.data, content.archive.profile.idNumber);
    if (problems.length > 0) {
      throw refuse(
        'f4_problems',
        `“${who}”的 F-4 岗位设置情况有问题：${problems.map((p) => p.message.zh).join('；')}。`,
        `${who}'s F-4 post information has problems: ${problems.map((p) => p.message.en).join('; ')}.`,
      );
    }
  }

  function checkPerson(content: ReviewedContent, unit: Unit): void {
    const idNumber = normalizeIdNumber(content.archive.profile.idNumber);
    if (idNumber === '') return;
    const packageId = content.levels[0]!.manifest!.packageId;
    const other = heldPeople(w.db).find((p) => p.packageId !== packageId && normalizeIdNumber(p.idNumber) === idNumber);
    if (!other) return;
    const otherUnit = deskApplicant(w.db, other.applicantId)?.unit_name ?? '—';
    throw refuse(
      'desk_duplicate_person',
      `重复申报：身份证号 ${idNumber} 的“${content.archive.profile.name}”（单位“${unit.name}”，申报包 ${packageId}）已由单位“${otherUnit}”报送（“${other.name}”，申报包 ${other.packageId ?? '—'}）。同一人只能申报一次，请向两个单位核实。`,
      `Duplicate: ${content.archive.profile.name}, ID number ${idNumber} (unit "${unit.name}", package ${packageId}), was already passed on by the unit "${otherUnit}" (${other.name}, package ${other.packageId ?? '—'}). One person applies once: ask both units.`,
    );
  }

  function commit(applicantId: string, content: ReviewedContent, kind: 'new' | 'replace'): void {
    const unit = unitOf(content);
    const unitKey = unitKeyOf(unit);
    const signer = content.levels[1]!.fingerprint!;
    const revision = content.levels[0]!.manifest!.revision;
    const at = new Date().toISOString();
    const pinned = pinnedUnitKey(w.db, unitKey);
    if (pinned !== signer) {
      pinUnitKey(w.db, { unitKey, unitName: unit.name, fingerprint: signer, at });
      appendAudit(w.db, {
        applicantId: null,
        revision: null,
        action: pinned === null ? 'desk-unit-key-pinned' : 'desk-unit-key-changed',
        detail: { unit: unit.name, unitKey, fingerprint: signer, ...(pinned ? { previous: pinned } : {}) },
      });
    }
    const prior = deskApplicant(w.db, applicantId);
    const status = kind === 'new' || !prior ? 'to_review' : statusOnArrival(prior.status);
    putDeskApplicant(w.db, {
      applicant_id: applicantId,
      unit_key: unitKey,
      unit_name: unit.name,
      unit_fingerprint: signer,
      status,
      deadline: null,
      updated_at: at,
    });
    // The publicity evidence check() accepted, kept for the table across units (table.ts).
    const publicity = PublicityDoc.safeParse(readListed(content, 2, UNIT_PATHS.publicity, UNIT_ROLES.publicity));
    if (publicity.success) {
      const { startDate, endDate, outcome } = publicity.data;
      putUnitPublicity(w.db, {
        applicant_id: applicantId,
        revision,
        start_date: startDate,
        end_date: endDate,
        outcome,
      });
    }
    appendAudit(w.db, {
      applicantId,
      revision,
      action: kind === 'new' ? 'desk-received' : 'desk-replaced',
      detail: {
        unit: unit.name,
        batch: ctx.batch?.fileName ?? null,
        batchSha256: ctx.batch?.sha256 ?? null,
        ...(prior ? { from: prior.status } : {}),
        to: status,
      },
    });
  }

  return { decide, check, commit };
}
