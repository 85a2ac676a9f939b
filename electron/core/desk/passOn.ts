// The pass-on by committee (报送, issue 17 item 6; N-1 附件1, N-8, N-9). For one senior committee of the rule
// pack (PACK_2020.committees), every applicant in 通过待报送 declared for it with a positive recommendation of
// the intermediate committee goes: level 3 with decision `accepted` signed by the desk's key (levelThree.ts),
// then ONE batch for the provincial department (unit/batch.ts's writer; docs/batch-format.md, "The desk's
// pass-on") with the roster (资格审查花名册, PDF and spreadsheet) and the list of evaluation objects
// (评审对象名单) with its publicity window of N-8's working days on the state calendar. The statuses move to
// 已报送 in the same transaction as the batch's record, after the file is in place — or nothing moves.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '../../../shared/api/primitives.js';
import { nthWorkingDay } from '../../../shared/calendar/workingDays.js';
import { isRealDate } from '../../../shared/checks/dates.js';
import { DESK_STATUS_LABELS } from '../../../shared/desk/pipeline.js';
import {
  PASS_ON_FILES,
  type PassOnCommittee,
  type PassOnCounts,
  type PassOnPerson,
  type PassOnPlan,
} from '../../../shared/desk/passOn.js';
import type { PackCommittee } from '../../../shared/rules/engine.js';
import { PACK_2020 } from '../../../shared/rules/pack2020/index.js';
import { z } from 'zod';
import { readArchive } from '../archiveService.js';
import { localToday } from '../clock.js';
import { DossierError } from '../errors.js';
import { sha256Hex } from '../forms/context.js';
import { startJob, throwIfCancelled, type JobContext } from '../jobs.js';
import { jsonBytes } from '../package/content.js';
import { packagesDir } from '../package/exportService.js';
import { keyStatus, unlockWorkspaceKey } from '../package/keyService.js';
import type { PackageRow } from '../package/packageRepo.js';
import { getParams } from '../rulesService.js';
import { appendAudit } from '../unit/auditRepo.js';
import {
  BATCH_PACKAGE_FIELDS,
  batchFileName,
  batchesDir,
  batchPackageOf,
  checkBatchTarget,
  writeBatch,
} from '../unit/batch.js';
import type { Workspace } from '../workspace.js';
import { listDeskApplicants } from './deskRepo.js';
import { writeLevelThree } from './levelThree.js';
import { requireDeskProfile } from './profile.js';
import { acceptanceOpinion, DEFAULT_ACCEPT_OPINION, recommendationOf } from './recommendation.js';
import { buildObjectsPdf, buildRosterPdf, buildRosterXlsx, type RosterHead, type RosterRow } from './roster.js';
import { checklistSummary } from './review.js';
import { moveStatus } from './status.js';

/** The committees the desk passes on to: the rule pack's (附件1), never a list of the code's own. */
export const passOnCommittees = (): readonly PackCommittee[] => PACK_2020.committees;

export function committeeById(id: string): PackCommittee {
  const found = passOnCommittees().find((c) => c.id === id);
  if (!found) {
    const valid = passOnCommittees().map((c) => `${c.id}（${c.shortName.zh}）`);
    const validEn = passOnCommittees().map((c) => `${c.id} (${c.shortName.en})`);
    throw new DossierError(
      'wrong_committee',
      {
        zh: `没有评审委员会“${id}”。可选：${valid.join('、')}。未写出任何文件。`,
        en: `There is no committee "${id}". Valid: ${validEn.join(', ')}. Nothing was written.`,
      },
      [{ path: 'committee', message: { zh: `可选：${valid.join('、')}`, en: `valid: ${validEn.join(', ')}` } }],
    );
  }
  return found;
}

interface Member extends PassOnPerson {
  idNumber: string;
}

const HELD_NO_RECOMMENDATION: Localized = {
  zh: '尚未记录中评委推荐意见',
  en: "the intermediate committee's recommendation is not recorded",
};
const HELD_NOT_RECOMMENDED: Localized = { zh: '中评委未予推荐', en: 'not recommended by the intermediate committee' };

/** The desk's applicants declared for the committee (their archive's committee, 专业对口), each placed. */
function members(w: Workspace, committeeId: string): Member[] {
  const out: Member[] = [];
  for (const row of listDeskApplicants(w.db)) {
    const { application } = readArchive(w.db, row.applicant_id);
    if (application.committee !== committeeId) continue;
    const recommendation = recommendationOf(w.db, row.applicant_id);
    let heldBecause: Localized | null = null;
    if (row.status !== 'passed') {
      const label = DESK_STATUS_LABELS[row.status];
      heldBecause = { zh: `状态为“${label.zh}”`, en: `status "${label.en}"` };
    } else if (!recommendation) heldBecause = HELD_NO_RECOMMENDATION;
    else if (!recommendation.recommended) heldBecause = HELD_NOT_RECOMMENDED;
    out.push({
      applicantId: row.applicant_id,
      name: row.name,
      unit: row.unit_name,
      specialty: application.specialty,
      titleApplied: application.titleApplied,
      exceptional: application.exceptional,
      status: row.status,
      recommendation,
      heldBecause,
      idNumber: row.id_number,
    });
  }
  return out;
}

function countsOf(all: Member[]): PassOnCounts {
  const going = all.filter((m) => !m.heldBecause);
  return {
    received: all.length,
    passed: going.length,
    returned: all.filter((m) => ['returned', 'corrected', 'lapsed'].includes(m.status)).length,
    notRecommended: all.filter((m) => m.status === 'not_recommended' || m.recommendation?.recommended === false).length,
    exceptional: going.filter((m) => m.exceptional).length,
  };
}

/** The publicity window of the evaluation objects (N-8): the parameter's working days from the start day. */
function publicityFrom(
  w: Workspace,
  startDate: string,
): { ok: true; value: { startDate: string; endDate: string; workingDays: number } } | { ok: false; why: Localized } {
  if (!isRealDate(startDate)) {
    return {
      ok: false,
      why: {
        zh: `公示开始日期“${startDate}”不是有效日期（YYYY-MM-DD）`,
        en: `the start date "${startDate}" is not a real date (YYYY-MM-DD)`,
      },
    };
  }
  const p = getParams(w.db);
  const end = nthWorkingDay(startDate, p.publicityDays, p.publicityStartCounts);
  if (!end.ok) {
    return {
      ok: false,
      why: {
        zh: `国家法定节假日安排未收录 ${end.unknownFrom} 所在年份，无法计算公示结束日期`,
        en: `the state calendar does not cover ${end.unknownFrom}; the publicity's end cannot be computed`,
      },
    };
  }
  return { ok: true, value: { startDate, endDate: end.date, workingDays: p.publicityDays } };
}

const toPerson = ({ idNumber: _id, ...p }: Member): PassOnPerson => p;

/** The committees with their counts, for the screen's picker. */
export function passOnCommitteeList(w: Workspace): { committees: PassOnCommittee[] } {
  requireDeskProfile(w);
  return {
    committees: passOnCommittees().map((c) => {
      const all = members(w, c.id);
      return {
        id: c.id,
        no: c.no,
        fullName: c.fullName,
        shortName: c.shortName,
        applicants: all.length,
        ready: all.filter((m) => !m.heldBecause).length,
      };
    }),
  };
}

/** Who would go and who is held back and why; the publicity window from the start day (default today). */
export function passOnPlan(w: Workspace, committeeId: string, startDate?: string): PassOnPlan {
  requireDeskProfile(w);
  const committee = committeeById(committeeId);
  const all = members(w, committee.id);
  const pub = publicityFrom(w, startDate ?? localToday());
  const going = all.filter((m) => !m.heldBecause);
  return {
    committee: {
      id: committee.id,
      no: committee.no,
      fullName: committee.fullName,
      shortName: committee.shortName,
      applicants: all.length,
      ready: going.length,
    },
    going: going.map(toPerson),
    held: all.filter((m) => m.heldBecause && m.status !== 'submitted').map(toPerson),
    counts: countsOf(all),
    publicity: pub.ok ? pub.value : null,
    publicityProblem: pub.ok ? null : pub.why,
  };
}

const refused = (code: string, zh: string, en: string, issues: { path: string; message: Localized }[] = []) =>
  new DossierError(code, { zh: `${zh}未写出任何文件。`, en: `${en} Nothing was written.` }, issues);

export interface PassOnInput {
  committee: string;
  /** The evaluation objects' publicity starts (N-8); today by default. */
  startDate?: string | undefined;
  passphrase?: string | undefined;
}

export interface PassOnOptions {
  today?: string;
  /** Where the batch goes (the CLI's --out: a folder or a new file); default: waiting for its download. */
  out?: string | undefined;
}

/** The checks before anything is unlocked or written; returns the members who go and the window. */
function checkPassOn(w: Workspace, input: PassOnInput, today: string) {
  const desk = requireDeskProfile(w);
  const committee = committeeById(input.committee);
  const all = members(w, committee.id);
  const unrecorded = all.filter((m) => m.status === 'passed' && !m.recommendation);
  if (unrecorded.length > 0) {
    const names = unrecorded.map((m) => m.name).join('、');
    throw refused(
      'passon_refused',
      `${names}：已通过审查但尚未记录中评委推荐意见，请先记录（dossier review-recommend）。`,
      `${unrecorded.map((m) => m.name).join(', ')}: passed but the intermediate committee's recommendation is not recorded; record it first (dossier review-recommend).`,
      unrecorded.map((m) => ({
        path: `applicants.${m.applicantId}`,
        message: { zh: `${m.name}：${HELD_NO_RECOMMENDATION.zh}`, en: `${m.name}: ${HELD_NO_RECOMMENDATION.en}` },
      })),
    );
  }
  const going = all.filter((m) => !m.heldBecause);
  if (going.length === 0) {
    throw refused(
      'passon_refused',
      `${committee.fullName}没有可报送的申报人（须“${DESK_STATUS_LABELS.passed.zh}”且经中评委推荐）。`,
      `No applicant of the ${committee.shortName.en} committee can be passed on (they must be "${DESK_STATUS_LABELS.passed.en}" and recommended).`,
    );
  }
  const pub = publicityFrom(w, input.startDate ?? today);
  if (!pub.ok) {
    throw refused('wrong_passon', `${pub.why.zh}。`, `${pub.why.en}.`, [{ path: 'startDate', message: pub.why }]);
  }
  return { desk, committee, all, going, publicity: pub.value };
}

export async function startPassOn(
  w: Workspace,
  input: PassOnInput,
  options: PassOnOptions = {},
): Promise<{ jobId: string }> {
  const today = options.today ?? localToday();
  await checkBatchTarget(options.out);
  const checked = checkPassOn(w, input, today);
  const status = await keyStatus(w);
  if (!status.exists || (status.protection === 'passphrase' && !input.passphrase)) {
    await unlockWorkspaceKey(w, input.passphrase); // throws the refusal that applies
  }
  return { jobId: startJob((job) => runPassOn(w, checked, input.passphrase, today, job, options.out)) };
}

/** batch.json of the desk's pass-on (docs/batch-format.md): the unit's format, kind desk-pass-on, level 3. */
export const DeskBatchDoc = z.strictObject({
  format: z.literal('dossier.batch'),
  version: z.literal(1),
  kind: z.literal('desk-pass-on'),
  desk: z.strictObject({
    kind: z.string(),
    name: z.string(),
    city: z.string(),
    department: z.string(),
    responsible: z.string(),
  }),
  deskFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  committee: z.strictObject({ id: z.string(), no: z.number().int(), fullName: z.string() }),
  publicity: z.strictObject({ startDate: z.string(), endDate: z.string(), workingDays: z.number().int() }),
  counts: z.strictObject({
    received: z.number().int(),
    passed: z.number().int(),
    returned: z.number().int(),
    notRecommended: z.number().int(),
    exceptional: z.number().int(),
  }),
  createdAt: z.string(),
  packages: z.array(
    z.strictObject({ ...BATCH_PACKAGE_FIELDS, level: z.literal(3), name: z.string(), unit: z.string() }),
  ),
});
export type DeskBatchDoc = z.infer<typeof DeskBatchDoc>;

async function runPassOn(
  w: Workspace,
  c: ReturnType<typeof checkPassOn>,
  passphrase: string | undefined,
  today: string,
  job: JobContext,
  out?: string,
): Promise<void> {
  job.progress(0, c.going.length, { zh: '正在解锁审查机构的签名密钥', en: "Unlocking the desk's signing key" });
  const deskFingerprint = (await unlockWorkspaceKey(w, passphrase)).fingerprint;
  const written: { member: Member; row: PackageRow }[] = [];
  for (const [i, m] of c.going.entries()) {
    throwIfCancelled(job.signal);
    const prefix = { zh: `（${i + 1}/${c.going.length}）${m.name}：`, en: `(${i + 1}/${c.going.length}) ${m.name}: ` };
    const row = await writeLevelThree(
      w,
      {
        applicantId: m.applicantId,
        decision: 'accepted',
        opinion: acceptanceOpinion(w.db, m.applicantId) ?? DEFAULT_ACCEPT_OPINION,
        comments: [],
        deadline: null,
        passphrase,
        recommendation: m.recommendation,
        checklist: checklistSummary(w, m.applicantId),
      },
      {
        ...job,
        progress: (done, total, step) =>
          job.progress(done, total, { zh: `${prefix.zh}${step.zh}`, en: `${prefix.en}${step.en}` }),
      },
    );
    written.push({ member: m, row });
  }
  throwIfCancelled(job.signal);
  job.progress(0, 1, {
    zh: '正在生成资格审查花名册和评审对象名单',
    en: 'Making the roster and the list of evaluation objects',
  });
  const doc = DeskBatchDoc.parse({
    format: 'dossier.batch',
    version: 1,
    kind: 'desk-pass-on',
    desk: c.desk,
    deskFingerprint,
    committee: { id: c.committee.id, no: c.committee.no, fullName: c.committee.fullName },
    publicity: c.publicity,
    counts: countsOf(c.all),
    createdAt: new Date().toISOString(),
    packages: written.map(({ member, row }) => ({
      ...batchPackageOf(row),
      level: 3,
      name: member.name,
      unit: member.unit,
    })),
  });
  const head: RosterHead = {
    desk: c.desk,
    deskFingerprint,
    committee: c.committee,
    year: getParams(w.db).asOfDate.slice(0, 4),
    date: today,
    counts: doc.counts,
    publicity: c.publicity,
  };
  // Those who go first, then those held back (with why): the roster accounts for everyone received.
  const ordered = [...c.going, ...c.all.filter((m) => m.heldBecause)];
  const rows: RosterRow[] = ordered.map((m, i) => ({ no: i + 1, person: toPerson(m), idNumber: m.idNumber }));
  const docHash = sha256Hex(jsonBytes(doc));
  const rosterPdf = await buildRosterPdf(head, rows, docHash);
  const rosterXlsx = await buildRosterXlsx(head, rows);
  const objects = await buildObjectsPdf(head, c.going.map(toPerson), docHash);
  throwIfCancelled(job.signal);
  const present = new Set(await readdir(out ?? batchesDir(w.dataDir)).catch(() => [] as string[]));
  const name = batchFileName(w, `${c.desk.name}-${c.committee.shortName.zh}`, today, present);
  const batch = await writeBatch(
    w,
    {
      doc,
      sheets: [
        { path: PASS_ON_FILES.rosterPdf, bytes: rosterPdf.bytes },
        { path: PASS_ON_FILES.rosterXlsx, bytes: rosterXlsx },
        { path: PASS_ON_FILES.objectsPdf, bytes: objects.bytes },
      ],
      packageFiles: written.map(({ row }) => path.join(packagesDir(w.dataDir), row.file_name)),
    },
    name,
    job,
    {
      out,
      // 已报送 with the batch's record, or neither (batch.ts removes the file when this throws).
      record: (batchFile) => {
        const member = w.db.prepare(
          `INSERT INTO desk_passon_member (batch_file, applicant_id, committee, package_file)
           VALUES (@batchFile, @applicantId, @committee, @file)`,
        );
        for (const { member: m, row } of written) {
          member.run({ batchFile, applicantId: m.applicantId, committee: c.committee.id, file: row.file_name });
          moveStatus(w.db, { applicantId: m.applicantId, revision: row.revision, to: 'submitted' });
          appendAudit(w.db, {
            applicantId: m.applicantId,
            revision: row.revision,
            action: 'desk-passed-on',
            detail: { committee: c.committee.id, batch: batchFile, file: row.file_name },
          });
        }
      },
    },
  );
  job.setResult({ batch });
  job.progress(1, 1, { zh: `已写出报送批次：${batch.fileName}`, en: `Batch written: ${batch.fileName}` });
}
