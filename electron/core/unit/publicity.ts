// The unit's publicity (公示, N-8, M-3, rules R-5): a period of at least N working days on the state
// calendar (N = the workspace's parameter publicityDays, 5 by default; the start day counts as
// publicityStartCounts says), a group of the unit's applicants, each one's outcome, and the PDFs — the
// notice the unit posts and each member's M-3 confirmation with the period's dates.
//
// A start on a weekend or holiday is refused naming the day, why, and the next working day; a period the
// calendar does not cover is refused rather than guessed (R-5). `today` decides planned / running /
// ended; callers other than tests leave it to the local day.
//
// Corrections (issue 19): before its start a publicity is edited (re-planned with the same checks) or
// deleted; once started it is cancelled with a written reason — kept on the publicity for the officer's
// list and in the audit trail, printed nowhere public (not on the notice, the M-3 or in level 2). A
// cancelled publicity counts for nothing after (publicityRepo's liveMemberships), so a new one can be
// planned for the same applicants. Each correction goes into the audit trail (auditCorrection).
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { GeneratedFile, InputOf, OutputOf } from '../../../shared/api/contract.js';
import { coveredYears, dayKind, nextWorkingDay, nthWorkingDay } from '../../../shared/calendar/workingDays.js';
import { isRealDate } from '../../../shared/checks/dates.js';
import { COMMITTEE_INFO } from '../../../shared/archive/committees.js';
import { AuditReason, MIN_REASON_CHARS, type Publicity } from '../../../shared/unit/schema.js';
import { readArchive } from '../archiveService.js';
import { commit, stage, storedPath } from '../attachments/store.js';
import { DossierError } from '../errors.js';
import { formContext, sha256Hex } from '../forms/context.js';
import { isStoredHashUsed, putGenerated } from '../forms/generatedRepo.js';
import { buildPublicityNotice, type NoticeInput } from '../forms/publicityNotice.js';
import { buildUnitPublicityConfirmation } from '../forms/publicity.js';
import type { BuiltForm } from '../forms/types.js';
import { startJob, throwIfCancelled, type JobContext } from '../jobs.js';
import { localToday } from '../clock.js';
import { getParams } from '../rulesService.js';
import type { Workspace } from '../workspace.js';
import { appendAudit } from './auditRepo.js';
import { holidayOf } from './holidayNames.js';
import { requireUnit } from './mode.js';
import { savedUnitProfile } from './profile.js';
import {
  allPublicities,
  getPublicity,
  insertPublicity,
  markCancelled,
  membership,
  membershipsOf,
  removePublicity,
  replanPublicity,
  setOutcome,
  type Membership,
} from './publicityRepo.js';
import { publicityState } from './table.js';

/** generated_file keys of a member's publicity PDFs (GeneratedFile's UnitOutputKey). */
export const NOTICE_KEY = 'unit:publicity-notice';
export const M3_KEY = 'unit:M-3';

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAY_EN = ['a Sunday', 'a Monday', 'a Tuesday', 'a Wednesday', 'a Thursday', 'a Friday', 'a Saturday'];
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

function calendarUnknown(date: string, what: { zh: string; en: string }): DossierError {
  const years = coveredYears();
  const span = `${years[0]}–${years[years.length - 1]}`;
  return new DossierError(
    'calendar_unknown',
    {
      zh: `${what.zh}：国家工作日历只收录 ${span} 年，${date} 不在其中，无法计算工作日（不作猜测，R-5）。`,
      en: `${what.en}: the state working-day calendar covers ${span} only; ${date} is outside it, so working days cannot be counted (never guessed, R-5).`,
    },
    [{ path: 'startDate', message: { zh: `${date} 超出工作日历范围`, en: `${date} is outside the calendar` } }],
  );
}

export interface Plan {
  endDate: string;
  workingDays: number;
}

/** The end of a publicity starting on `startDate`, or a refusal that says why not and what to do. */
export function planPeriod(w: Workspace, startDate: string): Plan {
  if (!isRealDate(startDate)) {
    throw new DossierError(
      'wrong_date',
      { zh: `公示开始日期“${startDate}”不是有效日期。`, en: `The publicity start "${startDate}" is not a real date.` },
      [{ path: 'startDate', message: { zh: '不是有效日期', en: 'not a real date' } }],
    );
  }
  const kind = dayKind(startDate);
  if (kind === 'unknown') throw calendarUnknown(startDate, { zh: '公示开始日期', en: 'Publicity start' });
  if (kind === 'rest') {
    const holiday = holidayOf(startDate);
    const why = holiday
      ? { zh: `${holiday.zh}假期`, en: `a rest day of ${holiday.en}` }
      : { zh: WEEKDAY_ZH[weekday(startDate)]!, en: WEEKDAY_EN[weekday(startDate)]! };
    const next = nextWorkingDay(startDate);
    throw new DossierError(
      'publicity_start_not_working_day',
      {
        zh: `公示开始日期 ${startDate} 是${why.zh}，不是工作日。${next ? `下一个工作日是 ${next}。` : '工作日历中此后没有已知的工作日。'}`,
        en: `The publicity start ${startDate} is ${why.en}, not a working day. ${next ? `The next working day is ${next}.` : 'The calendar knows no working day after it.'}`,
      },
      [
        {
          path: 'startDate',
          message: {
            zh: `${why.zh}${next ? `，下一个工作日：${next}` : ''}`,
            en: `${why.en}${next ? `; next working day: ${next}` : ''}`,
          },
        },
      ],
    );
  }
  const params = getParams(w.db);
  const end = nthWorkingDay(startDate, params.publicityDays, params.publicityStartCounts);
  if (!end.ok)
    throw calendarUnknown(end.unknownFrom, {
      zh: `${params.publicityDays} 个工作日的公示期`,
      en: `A publicity of ${params.publicityDays} working days`,
    });
  return { endDate: end.date, workingDays: params.publicityDays };
}

export function publicityPlan(w: Workspace, startDate: string): OutputOf<'unit:publicityPlan'> {
  requireUnit(w);
  return planPeriod(w, startDate);
}

export function listPublicities(w: Workspace): OutputOf<'unit:publicities'> {
  requireUnit(w);
  return { publicities: allPublicities(w.db) };
}

const nameOf = (w: Workspace, applicantId: string) => readArchive(w.db, applicantId).profile.name || applicantId;

function requirePublicity(w: Workspace, id: string): Publicity {
  const p = getPublicity(w.db, id);
  if (!p) {
    throw new DossierError(
      'publicity_unknown',
      {
        zh: `找不到该公示（编号 ${id}），可能已被删除；未作任何更改。请刷新公示列表。`,
        en: `No publicity ${id}: it may have been deleted; nothing was changed. Refresh the list of publicities.`,
      },
      [{ path: 'publicityId', message: { zh: '公示不存在', en: 'no such publicity' } }],
    );
  }
  return p;
}

const periodText = (p: Pick<Publicity, 'startDate' | 'endDate'>) => ({
  zh: `${p.startDate} 至 ${p.endDate} 的公示`,
  en: `the publicity ${p.startDate} to ${p.endDate}`,
});

/** A cancelled publicity is only listed: nothing about it changes any more (neither outcomes nor PDFs). */
function requireNotCancelled(p: Publicity, action: { zh: string; en: string }): void {
  if (p.cancelledAt === null) return;
  const on = p.cancelledAt.slice(0, 10);
  throw new DossierError(
    'publicity_cancelled',
    {
      zh: `${periodText(p).zh}已于 ${on} 取消，不能再${action.zh}；未作任何更改。`,
      en: `${periodText(p).en} was cancelled on ${on}; it cannot be ${action.en} any more. Nothing was changed.`,
    },
    [{ path: 'publicityId', message: { zh: `已于 ${on} 取消`, en: `cancelled on ${on}` } }],
  );
}

/** Edit and delete are for a publicity that has not started: once posted, it is cancelled with a reason. */
function requireNotStarted(p: Publicity, today: string, action: { zh: string; en: string }): void {
  if (today < p.startDate) return;
  throw new DossierError(
    'publicity_started',
    {
      zh: `${periodText(p).zh}已于 ${p.startDate} 开始，不能再${action.zh}；未作任何更改。如需更正，请“取消公示”并写明理由，再重新安排公示。`,
      en: `${periodText(p).en} started on ${p.startDate}; it can no longer be ${action.en}. Nothing was changed. To correct it, cancel it with a written reason, then plan a new one.`,
    },
    [{ path: 'publicityId', message: { zh: `已于 ${p.startDate} 开始`, en: `started on ${p.startDate}` } }],
  );
}

/** Why an applicant cannot join a publicity from start to end: one in progress or planned, or overlapping. */
function conflict(m: Membership, startDate: string, endDate: string, today: string): boolean {
  const state = publicityState({ start_date: m.startDate, end_date: m.endDate, outcome: m.outcome }, today);
  return state === 'planned' || state === 'running' || (m.startDate <= endDate && startDate <= m.endDate);
}

/**
 * The members of a publicity from `startDate` to `endDate`, each held here and in no publicity that counts
 * and is planned, running or overlapping (`except`: the publicity being re-planned); refused naming who
 * and why, with `nothing` saying what was not done.
 */
function checkMembers(
  w: Workspace,
  applicantIds: readonly string[],
  period: { startDate: string; endDate: string },
  today: string,
  nothing: { zh: string; en: string },
  except: string | null = null,
): string[] {
  const ids = [...new Set(applicantIds)];
  const held = new Set(
    w.db
      .prepare<[], { id: string }>('SELECT id FROM applicant')
      .all()
      .map((r) => r.id),
  );
  const unknown = ids.filter((id) => !held.has(id));
  if (unknown.length > 0) {
    throw new DossierError(
      'applicant_unknown',
      {
        zh: `以下申报人不在本单位工作区中，${nothing.zh}：${unknown.join('、')}`,
        en: `These applicants are not held in this unit's workspace; ${nothing.en}: ${unknown.join(', ')}`,
      },
      unknown.map((id) => ({ path: `applicantIds.${id}`, message: { zh: '不存在', en: 'not held here' } })),
    );
  }
  const busy = ids.flatMap((id) => {
    const m = membershipsOf(w.db, id).find(
      (x) => x.publicityId !== except && conflict(x, period.startDate, period.endDate, today),
    );
    return m ? [{ id, name: nameOf(w, id), m }] : [];
  });
  if (busy.length > 0) {
    const list = (lang: 'zh' | 'en') =>
      busy
        .map((b) =>
          lang === 'zh'
            ? `${b.name}（已在 ${b.m.startDate} 至 ${b.m.endDate} 的公示中）`
            : `${b.name} (already in the publicity ${b.m.startDate} to ${b.m.endDate})`,
        )
        .join(lang === 'zh' ? '；' : '; ');
    throw new DossierError(
      'publicity_overlap',
      {
        zh: `以下申报人已在进行中、计划中或时间重叠的公示中，${nothing.zh}：${list('zh')}`,
        en: `These applicants are already in a running, planned or overlapping publicity; ${nothing.en}: ${list('en')}`,
      },
      busy.map((b) => ({
        path: `applicantIds.${b.id}`,
        message: {
          zh: `已在 ${b.m.startDate} 至 ${b.m.endDate} 的公示中`,
          en: `already publicised ${b.m.startDate} to ${b.m.endDate}`,
        },
      })),
    );
  }
  return ids;
}

export function publicize(
  w: Workspace,
  input: InputOf<'unit:publicize'>,
  today: string = localToday(),
): OutputOf<'unit:publicize'> {
  requireUnit(w);
  const plan = planPeriod(w, input.startDate);
  const ids = checkMembers(w, input.applicantIds, { startDate: input.startDate, ...plan }, today, {
    zh: '未创建公示',
    en: 'no publicity was made',
  });
  const id = randomUUID();
  insertPublicity(w.db, { id, startDate: input.startDate, ...plan, createdAt: new Date().toISOString() }, ids);
  return { publicity: getPublicity(w.db, id)! };
}

/**
 * A correction of a publicity into the audit trail (in the caller's transaction). It concerns a group, so it
 * names no applicant_id: the publicity and its members are in `detail`, and no applicant's own trail — which
 * goes into level 2 — carries a cancellation's reason (printed nowhere public).
 */
function auditCorrection(
  w: Workspace,
  action: 'publicity-edited' | 'publicity-deleted' | 'publicity-cancelled',
  detail: Record<string, unknown>,
  reason = '',
): void {
  appendAudit(w.db, { applicantId: null, revision: null, action, reason, detail });
}

/** What the audit trail keeps of a publicity: its period and who was in it (names as they were then). */
const auditView = (p: Publicity) => ({
  startDate: p.startDate,
  endDate: p.endDate,
  workingDays: p.workingDays,
  members: p.members.map((m) => ({ applicantId: m.applicantId, name: m.name })),
});

/**
 * A planned publicity re-planned before it starts: new dates through the same working-day calendar and the
 * same member checks as planning (its own members do not overlap with themselves). Nothing changed, nothing
 * recorded; otherwise 'publicity-edited' keeps the old and the new.
 */
export function editPublicity(
  w: Workspace,
  input: InputOf<'unit:editPublicity'>,
  today: string = localToday(),
): OutputOf<'unit:editPublicity'> {
  requireUnit(w);
  const before = requirePublicity(w, input.publicityId);
  const action = { zh: '修改', en: 'edited' };
  requireNotCancelled(before, action);
  requireNotStarted(before, today, action);
  const plan = planPeriod(w, input.startDate);
  const ids = checkMembers(
    w,
    input.applicantIds,
    { startDate: input.startDate, ...plan },
    today,
    { zh: '未修改公示', en: 'the publicity was not changed' },
    before.id,
  );
  const same =
    before.startDate === input.startDate &&
    before.endDate === plan.endDate &&
    before.workingDays === plan.workingDays &&
    ids.length === before.members.length &&
    before.members.every((m) => ids.includes(m.applicantId));
  if (same) return { publicity: before };
  replanPublicity(w.db, { id: before.id, startDate: input.startDate, ...plan }, ids, () => {
    const after = getPublicity(w.db, before.id)!;
    auditCorrection(w, 'publicity-edited', {
      publicityId: before.id,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return { publicity: getPublicity(w.db, before.id)! };
}

/** A planned publicity removed before it starts; 'publicity-deleted' keeps what it was. */
export function deletePublicity(
  w: Workspace,
  input: InputOf<'unit:deletePublicity'>,
  today: string = localToday(),
): OutputOf<'unit:deletePublicity'> {
  requireUnit(w);
  const p = requirePublicity(w, input.publicityId);
  const action = { zh: '删除', en: 'deleted' };
  requireNotCancelled(p, action);
  requireNotStarted(p, today, action);
  removePublicity(w.db, p.id, () => auditCorrection(w, 'publicity-deleted', { publicityId: p.id, ...auditView(p) }));
  return {};
}

/** The written reason of a cancellation (AuditReason: ≥ MIN_REASON_CHARS once trimmed), or why not. */
function cancelReason(reason: string): string {
  const parsed = AuditReason.safeParse(reason);
  if (parsed.success) return parsed.data;
  const n = reason.trim().length;
  const why =
    n === 0
      ? { zh: '取消理由未填写（或只有空格）', en: 'The reason for the cancellation is empty (or only spaces)' }
      : {
          zh: `取消理由太短（${n} 个字）`,
          en: `The reason for the cancellation is too short (${n} characters)`,
        };
  throw new DossierError(
    'reason_needed',
    {
      zh: `${why.zh}：请写明为何取消此次公示，至少 ${MIN_REASON_CHARS} 个字；公示未取消。`,
      en: `${why.en}: write why this publicity is cancelled, at least ${MIN_REASON_CHARS} characters. The publicity was not cancelled.`,
    },
    [
      {
        path: 'reason',
        message: {
          zh: `取消理由至少 ${MIN_REASON_CHARS} 个字`,
          en: `the reason needs at least ${MIN_REASON_CHARS} characters`,
        },
      },
    ],
  );
}

/**
 * A publicity that has started (running, or ended without every outcome) cancelled with a written reason.
 * One not yet started is deleted instead; one whose outcomes are all recorded has its result and stands.
 */
export function cancelPublicity(
  w: Workspace,
  input: InputOf<'unit:cancelPublicity'>,
  today: string = localToday(),
): OutputOf<'unit:cancelPublicity'> {
  requireUnit(w);
  const p = requirePublicity(w, input.publicityId);
  if (p.cancelledAt !== null) {
    const on = p.cancelledAt.slice(0, 10);
    throw new DossierError(
      'publicity_already_cancelled',
      {
        zh: `${periodText(p).zh}已于 ${on} 取消，不能再次取消；未作任何更改。`,
        en: `${periodText(p).en} was already cancelled on ${on}; it cannot be cancelled twice. Nothing was changed.`,
      },
      [{ path: 'publicityId', message: { zh: `已于 ${on} 取消`, en: `already cancelled on ${on}` } }],
    );
  }
  if (today < p.startDate) {
    throw new DossierError(
      'publicity_not_started',
      {
        zh: `${periodText(p).zh}尚未开始（${p.startDate} 开始），无须取消：请直接“删除”它（或“修改”日期和人员）；未作任何更改。`,
        en: `${periodText(p).en} has not started (it starts on ${p.startDate}); there is nothing to cancel: delete it instead (or edit its dates and members). Nothing was changed.`,
      },
      [{ path: 'publicityId', message: { zh: '尚未开始，请删除', en: 'not started: delete it' } }],
    );
  }
  if (p.members.every((m) => m.outcome !== 'pending')) {
    const objections = p.members.filter((m) => m.outcome === 'objection').length;
    const clear = p.members.length - objections;
    throw new DossierError(
      'publicity_settled',
      {
        zh: `${periodText(p).zh}已记录全部 ${p.members.length} 人的结果（无异议 ${clear} 人，有异议 ${objections} 人），公示已有结论，不能取消；未作任何更改。如某人的结果记录有误，请先把它改回“待定”。`,
        en: `${periodText(p).en} has every outcome recorded (${p.members.length}: ${clear} without objection, ${objections} with an objection); it has its result and cannot be cancelled. Nothing was changed. If an outcome was recorded by mistake, set it back to pending first.`,
      },
      [{ path: 'publicityId', message: { zh: '结果已全部记录', en: 'every outcome recorded' } }],
    );
  }
  const reason = cancelReason(input.reason);
  markCancelled(w.db, { id: p.id, at: new Date().toISOString(), reason }, () =>
    auditCorrection(
      w,
      'publicity-cancelled',
      {
        publicityId: p.id,
        ...auditView(p),
        outcomes: p.members.map((m) => ({ applicantId: m.applicantId, outcome: m.outcome })),
      },
      reason,
    ),
  );
  return { publicity: getPublicity(w.db, p.id)! };
}

export function recordObjection(
  w: Workspace,
  input: InputOf<'unit:recordObjection'>,
  today: string = localToday(),
): OutputOf<'unit:recordObjection'> {
  requireUnit(w);
  requireNotCancelled(requirePublicity(w, input.publicityId), { zh: '记录结果', en: 'given outcomes' });
  const m = membership(w.db, input.publicityId, input.applicantId);
  if (!m) {
    throw new DossierError(
      'not_in_publicity',
      { zh: '该申报人不在此次公示中。', en: 'This applicant is not in this publicity.' },
      [{ path: 'applicantId', message: { zh: '不在此次公示中', en: 'not in this publicity' } }],
    );
  }
  const note = input.note.trim();
  if (input.outcome === 'objection' && note === '') {
    throw new DossierError(
      'objection_note_needed',
      {
        zh: '记录“有异议”时须写明异议内容及处理情况。',
        en: 'An objection needs a note: what was objected to and how it was handled.',
      },
      [{ path: 'note', message: { zh: '请填写异议及处理情况', en: 'Write what was objected and how it was handled' } }],
    );
  }
  if (input.outcome === 'objection' && today < m.startDate) {
    throw new DossierError(
      'publicity_not_started',
      {
        zh: `公示自 ${m.startDate} 开始，尚未开始，不能记录异议。`,
        en: `The publicity starts on ${m.startDate}; an objection cannot be recorded before it starts.`,
      },
      [{ path: 'outcome', message: { zh: '公示尚未开始', en: 'not started yet' } }],
    );
  }
  // N-8: "no objection" is known only once the whole period has passed.
  if (input.outcome === 'no_objection' && today <= m.endDate) {
    throw new DossierError(
      'publicity_not_ended',
      {
        zh: `公示期至 ${m.endDate} 结束，结束后才能记录“无异议”。`,
        en: `The publicity runs until ${m.endDate}; "no objection" can be recorded only after it has ended.`,
      },
      [{ path: 'outcome', message: { zh: `公示至 ${m.endDate} 结束`, en: `runs until ${m.endDate}` } }],
    );
  }
  setOutcome(w.db, {
    publicityId: input.publicityId,
    applicantId: input.applicantId,
    outcome: input.outcome,
    note,
    recordedAt: input.outcome === 'pending' ? null : new Date().toISOString(),
  });
  return { publicity: getPublicity(w.db, input.publicityId)! };
}

// ------------------------------------------------------------------------------------------- the PDFs

/** The unit's name for its documents; refused while the unit's data was never saved. */
export function unitNameForForms(w: Workspace): string {
  const name = savedUnitProfile(w)?.name.trim() ?? '';
  if (name === '') {
    throw new DossierError('unit_profile_missing', {
      zh: '请先填写并保存单位信息（单位名称）：公示和报送材料要写明单位。',
      en: "Save the unit's data (its name) first: the publicity and the documents for the city name the unit.",
    });
  }
  return name;
}

/**
 * What the notice prints, for one publicity: the same publicity (and the same archives) give the same
 * input, the same fingerprint and the same bytes.
 */
export function noticeInput(w: Workspace, publicity: Publicity): NoticeInput {
  const params = getParams(w.db);
  const members = publicity.members.map((m) => {
    const { application, profile } = readArchive(w.db, m.applicantId);
    return {
      name: profile.name,
      specialty: application.specialty,
      titleApplied: application.titleApplied,
      committee: application.committee ? COMMITTEE_INFO[application.committee].fullName : '',
      exceptional: application.exceptional,
    };
  });
  const base = {
    unitName: unitNameForForms(w),
    year: params.asOfDate.slice(0, 4),
    startDate: publicity.startDate,
    endDate: publicity.endDate,
    workingDays: publicity.workingDays,
    startCounts: params.publicityStartCounts,
    members,
  };
  return { ...base, fingerprint: sha256Hex(JSON.stringify(base)) };
}

/** A member's M-3 with this publicity's dates (and the outcome once recorded). */
export async function buildMemberM3(
  w: Workspace,
  publicity: Pick<Publicity, 'startDate' | 'endDate'>,
  member: { applicantId: string; outcome: Publicity['members'][number]['outcome']; note: string },
  unitName: string,
): Promise<{ built: BuiltForm; archiveSha256: string }> {
  const ctx = formContext(w, member.applicantId);
  const params = { ...ctx.params, publicityStart: publicity.startDate, publicityEnd: publicity.endDate };
  const built = await buildUnitPublicityConfirmation(
    { ...ctx, params },
    { place: `${unitName}（单位内公示）`, outcome: member.outcome, note: member.note },
  );
  return { built, archiveSha256: ctx.fingerprint };
}

const safeName = (name: string) => name.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu, '').trim() || 'applicant';

/** Stores a PDF and records it for an applicant under `key`; the bytes it replaced go unless still named. */
async function storeFor(
  w: Workspace,
  applicantIds: string[],
  file: Omit<GeneratedFile, 'sha256' | 'size'>,
  bytes: Uint8Array,
) {
  const staged = await stage(w.store, [bytes], { fileName: file.fileName, maxBytes: Number.MAX_SAFE_INTEGER });
  await commit(w.store, staged);
  const recorded: GeneratedFile = { ...file, sha256: staged.sha256, size: staged.bytes };
  const replaced = applicantIds.map((id) => putGenerated(w.db, id, recorded));
  for (const sha of new Set(replaced)) {
    if (sha && !isStoredHashUsed(w.db, sha)) await rm(storedPath(w.store, sha), { force: true });
  }
  return recorded;
}

export function startPublicityForms(w: Workspace, publicityId: string): { jobId: string } {
  requireUnit(w);
  const publicity = requirePublicity(w, publicityId);
  requireNotCancelled(publicity, { zh: '生成公示和确认表', en: 'printed' });
  unitNameForForms(w);
  return { jobId: startJob((job) => makePublicityForms(w, publicity, job)) };
}

/**
 * The notice, recorded for every member (the notice is the publicity's, but the store's files are named by
 * applicant rows: previews, downloads and the integrity check read them like any generated form), then
 * each member's M-3. A cancel keeps what was finished and writes nothing half made.
 */
async function makePublicityForms(w: Workspace, publicity: Publicity, job: JobContext): Promise<void> {
  const total = publicity.members.length + 1;
  const unitName = unitNameForForms(w);
  job.progress(0, total, { zh: '正在生成：公示', en: 'Generating: the publicity notice' });
  const input = noticeInput(w, publicity);
  const notice = await buildPublicityNotice(input);
  throwIfCancelled(job.signal);
  const ids = publicity.members.map((m) => m.applicantId);
  const period = `${publicity.startDate.replace(/-/g, '')}-${publicity.endDate.replace(/-/g, '')}`;
  const now = new Date().toISOString();
  job.produced(
    await storeFor(
      w,
      ids,
      {
        key: NOTICE_KEY,
        fileName: `申报人员公示 ${period}.pdf`,
        pages: notice.pages,
        archiveSha256: input.fingerprint,
        inputSha256: input.fingerprint,
        createdAt: now,
        missingCharacters: notice.missing,
        notes: [],
      },
      notice.bytes,
    ),
  );
  for (const [i, member] of publicity.members.entries()) {
    throwIfCancelled(job.signal);
    job.progress(i + 1, total, {
      zh: `正在生成：申报材料公示确认表（${member.name}）`,
      en: `Generating: publicity confirmation (${member.name})`,
    });
    const { built, archiveSha256 } = await buildMemberM3(w, publicity, member, unitName);
    throwIfCancelled(job.signal);
    job.produced(
      await storeFor(
        w,
        [member.applicantId],
        {
          key: M3_KEY,
          fileName: `M-3 申报材料公示确认表 ${safeName(member.name)}.pdf`,
          pages: built.pages,
          archiveSha256,
          inputSha256: sha256Hex(
            JSON.stringify([
              M3_KEY,
              archiveSha256,
              publicity.startDate,
              publicity.endDate,
              member.outcome,
              member.note,
            ]),
          ),
          createdAt: new Date().toISOString(),
          missingCharacters: built.missing,
          notes: [],
        },
        built.bytes,
      ),
    );
  }
  job.progress(total, total, { zh: '完成', en: 'Done' });
}
