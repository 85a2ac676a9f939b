// `dossier check`: the eligibility check of issue 4 on the command line — on a workspace (its archive,
// attachment links and parameters) or on an exported archive JSON (links unknown, default parameters
// unless --data names a workspace). The first line is the verdict in plain words (shared/rules/verdict.ts).
// Exit codes: 0 for `pass` and `review`, 1 for `fail`, 2 invalid input. --today sets the application date
// (the day the archive is judged as of); whether the round has closed is always today's answer.
// With --json every outcome is JSON on stdout: the report, or `{ ok: false, error }` when the check cannot run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiError, Localized } from '../shared/api/contract.js';
import { isRealDate } from '../shared/checks/dates.js';
import { hasFailure, runPack } from '../shared/rules/engine.js';
import { DEFAULT_PARAMS_2020, PACK_2020 } from '../shared/rules/pack2020/index.js';
import { STATUSES, type Finding, type Report, type Status } from '../shared/rules/types.js';
import { roundNote, summarize, verdictExplanation, verdictText } from '../shared/rules/verdict.js';
import { parseArchiveJson } from './core/archiveService.js';
import { localToday } from './core/clock.js';
import { DossierError, explainFailure, exitCodeOf, type FailureContext } from './core/errors.js';
import { checkApplicant, checkArchive } from './core/rulesService.js';
import { closeWorkspace, currentApplicantId, DATABASE_FILE, openWorkspace } from './core/workspace.js';

type Lang = keyof Localized;

const STATUS_HEADINGS: Record<Status, Localized> = {
  fail: { zh: '不符合', en: 'Fails' },
  review: { zh: '需人工判断', en: 'Needs review' },
  pass: { zh: '符合', en: 'Passes' },
  'n/a': { zh: '不适用', en: 'Not applicable' },
};
const MARK: Record<Status, string> = { fail: '✗', review: '?', pass: '✓', 'n/a': '–' };
/** How a confidence is said on the command line (check, params). */
export const CONFIDENCE: Record<Finding['confidence'], Localized> = {
  confirmed: { zh: '已确认', en: 'confirmed' },
  inferred: { zh: '推断', en: 'inferred' },
  assumed: { zh: '假设', en: 'assumed' },
};

function fixText(f: Finding, lang: Lang): string {
  if (!f.fix) return '';
  const what = {
    field: { zh: '字段', en: 'field' },
    screen: { zh: '页面', en: 'screen' },
    slot: { zh: '材料', en: 'material' },
  }[f.fix.kind][lang];
  const record = f.fix.kind === 'slot' && f.fix.recordId ? ` (${f.fix.recordId})` : '';
  return `${what} ${f.fix.target}${record}`;
}

export function formatReport(report: Report, lang: Lang, subject: string): string {
  const say = (t: Localized) => t[lang];
  const summary = summarize(report);
  // The failures when it fails, else the points to judge: the list that decides the verdict.
  const named = (summary.verdict === 'fail' ? summary.failing : summary.toJudge).map((f) => f.id);
  const lines = [
    `${say({ zh: '结论', en: 'Verdict' })}: ${say(verdictText(summary))}${named.length ? ` — ${named.join(lang === 'zh' ? '、' : ', ')}` : ''}`,
    say(verdictExplanation(summary)),
  ];
  const round = roundNote(report);
  if (round) lines.push(say(round));
  lines.push(
    '',
    `${say(PACK_2020.title)} — ${report.packId} ${report.packVersion} (${report.packHash.slice(0, 12)})`,
    say({
      zh: `${subject}；年限算至 ${report.asOf}；申报日期 ${report.applicationDate}；检查日 ${report.today}`,
      en: `${subject}; years counted to ${report.asOf}; application date ${report.applicationDate}; checked on ${report.today}`,
    }),
  );
  for (const status of STATUSES) {
    const group = report.findings.filter((f) => f.status === status);
    if (group.length === 0) continue;
    lines.push('', `${say(STATUS_HEADINGS[status])} (${group.length})`);
    for (const f of group) {
      lines.push(
        `  ${MARK[status]} ${f.id}  [${f.clause.join(', ')}; ${say(CONFIDENCE[f.confidence])}]  ${say(f.title)}`,
      );
      lines.push(`      ${say(f.message)}`);
      if (status === 'fail' || status === 'review') {
        if (f.evidence.length)
          lines.push(`      ${say({ zh: '依据', en: 'Evidence' })}: ${f.evidence.map((e) => say(e.label)).join('; ')}`);
        const fix = fixText(f, lang);
        if (fix) lines.push(`      ${say({ zh: '修改', en: 'Fix' })}: ${fix}`);
      }
    }
  }
  const c = report.counts;
  lines.push(
    '',
    say({
      zh: `合计：不符合 ${c.fail}，需人工判断 ${c.review}，符合 ${c.pass}，不适用 ${c['n/a']}`,
      en: `Total: ${c.fail} fail, ${c.review} review, ${c.pass} pass, ${c['n/a']} n/a`,
    }),
  );
  return lines.join('\n');
}

export interface CheckOptions {
  file: string | undefined;
  /** The workspace, or null for a file checked with the default parameters. */
  dataDir: string | null;
  json: boolean;
  /** --today: the application date the archive is judged as of (the parameters' by default). */
  today: string | undefined;
  lang: Lang;
}

/** With --json, what a check that could not run prints on stdout: `{ ok: false, error }`. */
export interface CheckFailure {
  ok: false;
  error: ApiError;
}

/**
 * Runs a command whose refusals (DossierError) are printed with their exit code: 2 for the codes that mean
 * bad input (`invalid`), else the error's own (exitCodeOf); anything else is a bug and propagates.
 */
export async function guardedCommand(
  lang: Lang,
  invalid: readonly string[],
  run: () => Promise<number>,
): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof DossierError)) throw e;
    return reportFailure({ json: false, lang }, e.toApiError(), invalid.includes(e.code) ? 2 : exitCodeOf(e));
  }
}

/** Prints a failure as JSON on stdout (--json) or as text on stderr; returns the exit code. */
export function reportFailure(o: Pick<CheckOptions, 'json' | 'lang'>, error: ApiError, exitCode: number): number {
  if (o.json) {
    const failure: CheckFailure = { ok: false, error };
    process.stdout.write(`${JSON.stringify(failure, null, 2)}\n`);
  } else {
    console.error(error.message[o.lang]);
    for (const issue of error.issues ?? []) console.error(`  ${issue.path}: ${issue.message[o.lang]}`);
  }
  return exitCode;
}

export function runCheck(o: CheckOptions): number {
  if (!o.json) return check(o); // errors thrown reach cli.ts, which prints them as text
  try {
    return check(o);
  } catch (e) {
    return reportThrown(o, e, { command: 'dossier check', dataDir: o.dataDir ?? undefined });
  }
}

/**
 * What a reading command (check, materials, unit-list) threw, reported as a message with its exit code
 * (core/errors.ts explainFailure: a damaged database is exit 3, never check's "fails the rules" 1).
 */
export function reportThrown(o: Pick<CheckOptions, 'json' | 'lang'>, e: unknown, where: FailureContext = {}): number {
  const error = explainFailure(e, where);
  return reportFailure(o, error.toApiError(), exitCodeOf(error));
}

function check(o: CheckOptions): number {
  const fail = (code: string, message: Localized) => reportFailure(o, { code, message }, 2);
  const today = localToday();
  const applicationDate = o.today;
  if (applicationDate !== undefined && !isRealDate(applicationDate)) {
    return fail('bad_today', {
      zh: `--today（申报日期）须为日期 YYYY-MM-DD：${applicationDate}`,
      en: `--today (the application date) must be a date YYYY-MM-DD: ${applicationDate}`,
    });
  }
  if (o.dataDir !== null && !existsSync(path.join(o.dataDir, DATABASE_FILE))) {
    return fail('no_workspace', {
      zh: `不是工作区（没有 ${DATABASE_FILE}）：${o.dataDir}`,
      en: `Not a workspace (no ${DATABASE_FILE}): ${o.dataDir}`,
    });
  }
  let report: Report;
  let subject: Localized;
  if (o.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(o.file, 'utf8');
    } catch (e) {
      return fail('cannot_read', {
        zh: `无法读取文件 ${o.file}：${String(e)}`,
        en: `Cannot read ${o.file}: ${String(e)}`,
      });
    }
    const archive = parseArchiveJson(text); // DossierError with issues → exit 2
    subject = { zh: `档案文件 ${o.file}（未含附件）`, en: `Archive file ${o.file} (no attachments)` };
    if (o.dataDir === null) {
      report = runPack(PACK_2020, { archive, links: null, params: DEFAULT_PARAMS_2020, today, applicationDate });
    } else {
      const workspace = openWorkspace(o.dataDir, { readOnly: true });
      try {
        report = checkArchive(workspace.db, archive, null, today, applicationDate);
      } finally {
        closeWorkspace(workspace);
      }
    }
  } else {
    const workspace = openWorkspace(o.dataDir!, { readOnly: true });
    try {
      const applicantId = currentApplicantId(workspace);
      if (!applicantId) return fail('no_archive', { zh: '工作区中没有档案。', en: 'The workspace holds no archive.' });
      subject = { zh: `工作区 ${o.dataDir}`, en: `Workspace ${o.dataDir}` };
      report = checkApplicant(workspace, applicantId, today, applicationDate);
    } finally {
      closeWorkspace(workspace);
    }
  }
  if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else console.log(formatReport(report, o.lang, subject[o.lang]));
  return hasFailure(report) ? 1 : 0;
}
