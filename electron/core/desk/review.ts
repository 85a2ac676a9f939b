// The desk's review of one applicant (资格审查, issue 17 item 4; N-9: the city bureau, the competent
// department or the personnel agency's route reviews what the unit countersigned). The archive and its
// findings are read as the unit's review reads them (unit/reviewService.ts: the same findings, comments
// tied to fields, files or materials in the same review_comment table — a desk's workspace has no unit
// review of its own); the unit's review, publicity (N-8) and F-4 (N-14) come from level 2 as received.
// The checklist's conditions come from the rule pack (shared/desk/review.ts), each suggested by the
// findings, the reviewer's result saved (desk_checklist, migration 13). Every status move goes through
// moveStatus (status.ts: allowed moves, audit event); the return is level 3 (levelThree.ts) in a job.
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import { isRealDate } from '../../../shared/checks/dates.js';
import { DESK_STATUS_LABELS, type DeskStatus } from '../../../shared/desk/pipeline.js';
import {
  DESK_CHECK_LABELS,
  deskConditions,
  suggestedResult,
  type DeskCheckResult,
  type DeskCheckRow,
} from '../../../shared/desk/review.js';
import type { DeskChecklistSummary, DeskComment } from '../../../shared/desk/schema.js';
import { PostInfo } from '../../../shared/forms/postInfo.js';
import { runPack } from '../../../shared/rules/engine.js';
import { PACK_2020 } from '../../../shared/rules/pack2020/index.js';
import { summarize } from '../../../shared/rules/verdict.js';
import { PublicityDoc, ReviewDoc, type ReviewComment } from '../../../shared/unit/schema.js';
import { readArchive } from '../archiveService.js';
import { localToday } from '../clock.js';
import { DossierError } from '../errors.js';
import { toPackageFile, type PackageRow } from '../package/packageRepo.js';
import { getParams, linksOf } from '../rulesService.js';
import { listAudit } from '../unit/auditRepo.js';
import { isFieldPath } from '../unit/fieldPaths.js';
import { requireDesk } from '../unit/mode.js';
import { readPackageContents } from '../unit/packageContent.js';
import {
  currentComments,
  overrideReasons,
  removeComment,
  storeComment,
  toReviewFinding,
} from '../unit/reviewService.js';
import { applicantPackageRows, changesSincePrevious, currentRevision, revisionsOf } from '../unit/revisions.js';
import { REVIEW_PATH } from '../unit/levelTwo.js';
import { startReturnJob } from '../unit/returnPackage.js';
import { UNIT_PATHS } from '../unit/submit.js';
import { withPublicity } from '../unit/unitParams.js';
import type { Workspace } from '../workspace.js';
import { deskApplicant, type DeskApplicantRow } from './deskRepo.js';
import { checkInput, writeLevelThree } from './levelThree.js';
import { moveStatus } from './status.js';

/** The statuses in which the desk reviews (checklist and comments change): the file waits here, undecided. */
const UNDER_REVIEW: readonly DeskStatus[] = ['to_review', 'in_review', 'corrected'];
/** Opening an applicant in these starts the review (审查中). */
const WAITING: readonly DeskStatus[] = ['to_review', 'corrected'];

const MAX_UNIT_JSON_BYTES = 4 * 2 ** 20;

function held(w: Workspace, applicantId: string): DeskApplicantRow {
  requireDesk(w);
  const row = deskApplicant(w.db, applicantId);
  if (!row) {
    throw new DossierError('desk_applicant_unknown', {
      zh: '本机构没有接收过此申报人。',
      en: 'This desk has not received this applicant.',
    });
  }
  return row;
}

/** Refuses a change of the checklist or the comments once the file left review (returned, decided, passed on). */
function requireUnderReview(w: Workspace, applicantId: string): void {
  const { status } = held(w, applicantId);
  if (UNDER_REVIEW.includes(status)) return;
  const label = DESK_STATUS_LABELS[status];
  throw new DossierError('desk_not_in_review', {
    zh: `申报人当前状态为“${label.zh}”，审查记录（审查清单、批注）不能再改动。`,
    en: `The applicant is "${label.en}"; the review (checklist, comments) can no longer change.`,
  });
}

// ── Level 2 as received: the unit's review, publicity and F-4 ─────────────────────────────────────────────────

function levelTwoOf(w: Workspace, applicantId: string, revision: number): PackageRow | undefined {
  return applicantPackageRows(w, applicantId).find(
    (r) => r.revision === revision && r.level === 2 && r.direction === 'imported',
  );
}

interface LevelTwoContent {
  unitReview: ReviewDoc | null;
  publicity: PublicityDoc | null;
  postInfo: PostInfo | null;
}

/**
 * The unit's review, publicity and F-4 of a level-2 file, read once per file: its bytes never change (they
 * are checked against the recorded manifest), and reading them may rebuild the whole package.
 */
const levelTwoRead = new Map<string, LevelTwoContent>();

async function levelTwoContent(w: Workspace, row: PackageRow | undefined): Promise<LevelTwoContent> {
  if (!row) return { unitReview: null, publicity: null, postInfo: null };
  const key = `${w.dataDir}\0${row.file_name}\0${row.manifest_sha256}`;
  const kept = levelTwoRead.get(key);
  if (kept) return kept;
  const paths = [REVIEW_PATH, UNIT_PATHS.publicity, UNIT_PATHS.postInfo];
  const read = await readPackageContents(w, row, 2, paths, MAX_UNIT_JSON_BYTES);
  const json = <T>(p: string, parse: (v: unknown) => T): T | null => {
    const found = read.get(p);
    return found ? parse(JSON.parse(found.bytes.toString('utf8'))) : null;
  };
  const content = {
    unitReview: json(REVIEW_PATH, (v) => ReviewDoc.parse(v)),
    publicity: json(UNIT_PATHS.publicity, (v) => PublicityDoc.parse(v)),
    postInfo: json(UNIT_PATHS.postInfo, (v) => PostInfo.parse(v)),
  };
  levelTwoRead.set(key, content);
  return content;
}

// ── The checklist ────────────────────────────────────────────────────────────────────────────────────────────

const CONDITIONS = deskConditions(PACK_2020);

interface CheckRow {
  condition_id: string;
  result: DeskCheckResult;
  note: string;
  updated_at: string;
}

function savedChecks(w: Workspace, applicantId: string): Map<string, CheckRow> {
  const rows = w.db
    .prepare<{ applicantId: string }, CheckRow>(
      'SELECT condition_id, result, note, updated_at FROM desk_checklist WHERE applicant_id = @applicantId',
    )
    .all({ applicantId });
  return new Map(rows.map((r) => [r.condition_id, r]));
}

/**
 * The checklist as the reviewer judged it, in short for level 3 (the pass-on): each condition judged, in the
 * pack's order, with its result in words; null when the desk judged none.
 */
export function checklistSummary(w: Workspace, applicantId: string): DeskChecklistSummary | null {
  const saved = savedChecks(w, applicantId);
  const rows = CONDITIONS.flatMap((c) => {
    const s = saved.get(c.id);
    // The format caps an item at 300 characters: a condition of many rules is named by its start.
    return s
      ? [{ item: `${c.id} ${c.title.zh}`.slice(0, 300), result: DESK_CHECK_LABELS[s.result].zh, note: s.note }]
      : [];
  });
  return rows.length > 0 ? rows : null;
}

/** The findings of the archive as held, checked with the desk's parameters and the unit's publicity dates. */
function findingsOf(w: Workspace, applicantId: string, publicity: PublicityDoc | null) {
  const archive = readArchive(w.db, applicantId);
  const params = withPublicity(getParams(w.db), publicity ?? undefined);
  const report = runPack(PACK_2020, { archive, links: linksOf(w, applicantId), params, today: localToday() });
  return { archive, params, report };
}

function checklistOf(
  w: Workspace,
  applicantId: string,
  findings: Parameters<typeof suggestedResult>[1],
): DeskCheckRow[] {
  const saved = savedChecks(w, applicantId);
  return CONDITIONS.map((c) => {
    const s = saved.get(c.id);
    return {
      conditionId: c.id,
      title: c.title,
      ruleIds: c.ruleIds,
      suggested: suggestedResult(c, findings),
      result: s?.result ?? null,
      note: s?.note ?? '',
      updatedAt: s?.updated_at ?? null,
    };
  });
}

/**
 * Every point a return sends (DeskComment, docs/package-format.md level 3): the desk's comments (at their
 * field, at their material — a file named in the text), then each condition the reviewer judged 不符合 or
 * 待补正 (at its clause id), with its note.
 */
export function returnPoints(comments: readonly ReviewComment[], checklist: readonly DeskCheckRow[]): DeskComment[] {
  const fromComments = comments.map((c): DeskComment => {
    if (c.target.kind === 'field') return { target: c.target.path, text: c.text };
    const file = c.target.kind === 'attachment' ? `【${c.target.fileName || c.target.sha256.slice(0, 12)}】` : '';
    return { target: c.material, text: `${file}${c.text}` };
  });
  const fromChecks = checklist
    .filter((r) => r.result === 'fails' || r.result === 'to_correct')
    .map((r): DeskComment => ({
      target: r.conditionId,
      text: `【${DESK_CHECK_LABELS[r.result!].zh}】${r.title.zh}${r.note.trim() ? `：${r.note.trim()}` : ''}`,
    }));
  return [...fromComments, ...fromChecks];
}

// ── The methods ──────────────────────────────────────────────────────────────────────────────────────────────

export async function deskReviewOf(w: Workspace, applicantId: string): Promise<OutputOf<'desk:review'>> {
  let row = held(w, applicantId);
  const revision = currentRevision(w, applicantId);
  if (WAITING.includes(row.status)) {
    moveStatus(w.db, { applicantId, revision, to: 'in_review' });
    row = held(w, applicantId);
  }
  const rows = applicantPackageRows(w, applicantId);
  const l2 = levelTwoOf(w, applicantId, revision);
  const { unitReview, publicity, postInfo } = await levelTwoContent(w, l2);
  const { archive, params, report } = findingsOf(w, applicantId, publicity);
  const justifications = await overrideReasons(w, rows[0]);
  const { verdict, failing, toJudge } = summarize(report);
  const findings = report.findings
    .filter((f) => f.status === 'fail' || f.status === 'review')
    .map((f) => toReviewFinding(f, (p) => isFieldPath(archive, p), justifications, params.publicityDays));
  const checklist = checklistOf(w, applicantId, report.findings);
  const comments = currentComments(w, applicantId, revision);
  const { changes, attachmentChanges } = await changesSincePrevious(w, applicantId, rows);
  return {
    applicant: {
      applicantId,
      name: archive.profile.name,
      idNumber: archive.profile.idNumber,
      specialty: archive.application.specialty,
      packageId: rows[0]?.package_id ?? '',
      revision,
      unitName: row.unit_name,
      unitFingerprint: row.unit_fingerprint,
      status: row.status,
      deadline: row.deadline,
    },
    verdict,
    counts: { fail: failing.length, toJudge: toJudge.length },
    findings,
    revisions: revisionsOf(rows),
    changes,
    attachmentChanges,
    unitReview,
    publicity,
    postInfo,
    checklist,
    comments,
    returnPoints: returnPoints(comments, checklist),
    audit: listAudit(w.db, { applicantId }),
  };
}

export async function setCheck(w: Workspace, input: InputOf<'desk:setCheck'>): Promise<OutputOf<'desk:setCheck'>> {
  const { applicantId, conditionId, result } = input;
  held(w, applicantId);
  const condition = CONDITIONS.find((c) => c.id === conditionId);
  if (!condition) {
    throw new DossierError(
      'unknown_condition',
      {
        zh: `审查条件“${conditionId}”不在本轮规则中，未保存。`,
        en: `The condition "${conditionId}" is not one of this round's rules; nothing was saved.`,
      },
      [{ path: 'conditionId', message: { zh: '没有此审查条件', en: 'no such condition' } }],
    );
  }
  const note = input.note.trim();
  const at = new Date().toISOString();
  w.db.transaction(() => {
    requireUnderReview(w, applicantId);
    if (result === null) {
      w.db
        .prepare('DELETE FROM desk_checklist WHERE applicant_id = @applicantId AND condition_id = @conditionId')
        .run({ applicantId, conditionId });
      return;
    }
    w.db
      .prepare(
        `INSERT INTO desk_checklist (applicant_id, condition_id, result, note, updated_at)
         VALUES (@applicantId, @conditionId, @result, @note, @at)
         ON CONFLICT (applicant_id, condition_id) DO UPDATE SET result = excluded.result, note = excluded.note,
           updated_at = excluded.updated_at`,
      )
      .run({ applicantId, conditionId, result, note, at });
  })();
  // The row with its suggestion, from the findings as desk:review computes them (the unit's publicity dates).
  const revision = currentRevision(w, applicantId);
  const { publicity } = await levelTwoContent(w, levelTwoOf(w, applicantId, revision));
  const row = checklistOf(w, applicantId, findingsOf(w, applicantId, publicity).report.findings).find(
    (r) => r.conditionId === conditionId,
  )!;
  return { row };
}

export function addDeskComment(w: Workspace, input: InputOf<'desk:addComment'>): OutputOf<'desk:addComment'> {
  held(w, input.applicantId);
  const revision = currentRevision(w, input.applicantId);
  return { comment: storeComment(w, input, revision, () => requireUnderReview(w, input.applicantId)) };
}

export function deleteDeskComment(w: Workspace, input: InputOf<'desk:deleteComment'>): void {
  held(w, input.applicantId);
  const revision = currentRevision(w, input.applicantId);
  removeComment(w, input, revision, () => requireUnderReview(w, input.applicantId));
}

function refuseField(code: string, field: string, zh: string, en: string): DossierError {
  return new DossierError(code, { zh: `${zh}状态未改变。`, en: `${en} The status did not change.` }, [
    { path: field, message: { zh, en } },
  ]);
}

/** 审查中, 不予推荐 and 撤回 (each with its reason), and 逾期视为放弃 reversed to 退回补正 (reason; new deadline optional). */
export function setDeskStatus(w: Workspace, input: InputOf<'desk:setStatus'>): OutputOf<'desk:setStatus'> {
  const { applicantId, to } = input;
  const row = held(w, applicantId);
  const reason = (input.reason ?? '').trim();
  if (to === 'returned' && row.status !== 'lapsed') {
    throw refuseField(
      'desk_return_needs_package',
      'to',
      '退回补正须写出第 3 级退回包（“退回补正”按钮），此处只能恢复逾期视为放弃的申报人。',
      'A return for correction writes level 3 (the Return button); here only a lapsed applicant is restored.',
    );
  }
  if (to !== 'in_review' && !reason) {
    const what = DESK_STATUS_LABELS[to === 'returned' ? 'lapsed' : to];
    throw refuseField(
      'desk_reason_required',
      'reason',
      `${to === 'returned' ? '恢复' : ''}“${what.zh}”须写明理由。`,
      `${to === 'returned' ? 'Restoring ' : ''}"${what.en}" needs a reason.`,
    );
  }
  const deadline = input.deadline?.trim() || undefined;
  if (deadline !== undefined) {
    if (to !== 'returned') {
      throw refuseField(
        'wrong_deadline',
        'deadline',
        '只有恢复为退回补正时才有补正截止日期。',
        'Only a restored return has a correction deadline.',
      );
    }
    const today = localToday();
    if (!isRealDate(deadline) || deadline <= today) {
      throw refuseField(
        'wrong_deadline',
        'deadline',
        `补正截止日期“${deadline}”须是晚于今天（${today}）的有效日期（YYYY-MM-DD）。`,
        `The correction deadline "${deadline}" must be a real date (YYYY-MM-DD) after today (${today}).`,
      );
    }
  }
  moveStatus(w.db, {
    applicantId,
    revision: currentRevision(w, applicantId),
    to,
    ...(reason ? { reason } : {}),
    ...(deadline ? { deadline } : {}),
  });
  const after = held(w, applicantId);
  return { status: after.status, deadline: after.deadline };
}

/**
 * 退回补正 (N-9): every point at once (returnPoints) and the deadline, as level 3 for the unit, in a job whose
 * result is the package file (downloaded in the browser mode, like the unit's return). Refused at once,
 * before any job, when there is nothing to say, the deadline is not a real date after today, the status
 * does not allow a return, or the key cannot be unlocked.
 */
export async function startDeskReturn(w: Workspace, input: InputOf<'desk:return'>): Promise<{ jobId: string }> {
  const { applicantId, passphrase } = input;
  held(w, applicantId);
  const revision = currentRevision(w, applicantId);
  // Only the reviewer's results go out, never a suggestion: no findings are needed here.
  const checklist = checklistOf(w, applicantId, []);
  const points = returnPoints(currentComments(w, applicantId, revision), checklist);
  if (points.length === 0) {
    throw new DossierError(
      'nothing_to_return',
      {
        zh: '退回前请至少写一条批注，或将至少一项审查条件标为“不符合”或“待补正”：单位需要知道要补正什么。未写出任何文件。',
        en: 'Before returning, write at least one comment or judge at least one condition "does not meet" or "to be corrected": the unit needs to know what to correct. Nothing was written.',
      },
      [{ path: 'comments', message: { zh: '没有退回理由', en: 'no reason to return' } }],
    );
  }
  const levelThree = {
    applicantId,
    decision: 'returned' as const,
    opinion: input.opinion?.trim() ?? '',
    comments: points,
    deadline: input.deadline.trim(),
    passphrase,
  };
  checkInput(levelThree, localToday());
  requireUnderReview(w, applicantId);
  return startReturnJob(w, applicantId, passphrase, async (job) => {
    const written = await writeLevelThree(w, levelThree, job);
    job.setResult({ package: toPackageFile(written) });
    job.progress(1, 1, {
      zh: `已写出退回包：${written.file_name}`,
      en: `Return package written: ${written.file_name}`,
    });
  });
}
