// The eligibility check on the Node side (issue 4): the rule pack's parameters as stored in the
// workspace's `setting` table (no migration: one JSON value per key), every change logged with who, when,
// the old and the new value; and a full check of an applicant with their attachment links.
import os from 'node:os';
import type { ParamChange } from '../../shared/api/contract.js';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { runPack } from '../../shared/rules/engine.js';
import { DEFAULT_PARAMS_2020, PACK_2020, Params2020 } from '../../shared/rules/pack2020/index.js';
import type { Report, RuleLink } from '../../shared/rules/types.js';
import { getSetting, setSetting } from './archiveRepo.js';
import { readArchive } from './archiveService.js';
import { listAttachments } from './attachments/attachmentService.js';
import type { Db } from './db.js';
import { DossierError } from './errors.js';
import { currentLinks } from '../../shared/attachments/current.js';
import type { Workspace } from './workspace.js';
import { toIssues } from './zodIssues.js';

const PARAMS_KEY = `rules.${PACK_2020.id}.params`;
const LOG_KEY = `rules.${PACK_2020.id}.paramLog`;
/** Enough history for any real use, bounded so that the setting row stays small. */
const LOG_MAX = 1_000;

function readJson(db: Db, key: string): unknown {
  const text = getSetting(db, key);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The current parameters: the stored values over the defaults. Stored values that no longer validate
 * (a newer pack changed a bound) are dropped one by one rather than losing every change.
 */
export function getParams(db: Db): Params2020 {
  const stored = readJson(db, PARAMS_KEY);
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return DEFAULT_PARAMS_2020;
  const merged = { ...DEFAULT_PARAMS_2020 };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULT_PARAMS_2020)) continue;
    const attempt = Params2020.safeParse({ ...merged, [key]: value });
    if (attempt.success) Object.assign(merged, attempt.data);
  }
  return merged;
}

export function paramLog(db: Db): ParamChange[] {
  const log = readJson(db, LOG_KEY);
  return Array.isArray(log) ? (log as ParamChange[]) : [];
}

function defaultWho(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Applies a change of some parameters, validated together; logs each value that actually changed. */
export function setParams(
  db: Db,
  input: { params: Partial<Params2020>; who?: string | undefined },
  now: Date = new Date(),
): { params: Params2020; changes: ParamChange[] } {
  const before = getParams(db);
  const parsed = Params2020.safeParse({ ...before, ...input.params });
  if (!parsed.success) {
    throw new DossierError(
      'invalid_params',
      { zh: '参数无效，未作修改。', en: 'Invalid parameters; nothing was changed.' },
      toIssues(parsed.error),
    );
  }
  const after = parsed.data;
  const at = now.toISOString();
  const who = input.who ?? defaultWho();
  const changes: ParamChange[] = [];
  for (const key of Object.keys(after) as (keyof Params2020)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.push({ at, who, key, old: before[key], new: after[key] });
    }
  }
  if (changes.length > 0) {
    db.transaction(() => {
      // Only values that differ from the defaults are stored, so a later pack's new defaults apply.
      const overrides = Object.fromEntries(
        Object.entries(after).filter(
          ([k, v]) => JSON.stringify(v) !== JSON.stringify(DEFAULT_PARAMS_2020[k as keyof Params2020]),
        ),
      );
      setSetting(db, PARAMS_KEY, JSON.stringify(overrides));
      setSetting(db, LOG_KEY, JSON.stringify([...paramLog(db), ...changes].slice(-LOG_MAX)));
    })();
  }
  return { params: after, changes };
}

/** The live links of an applicant's attachments, as the engine reads them. */
export function linksOf(workspace: Workspace, applicantId: string): RuleLink[] {
  const { attachments } = listAttachments(workspace, { applicantId });
  return currentLinks(attachments);
}

/** Checks an archive with the workspace's parameters; `links` null when attachments are not known. */
/**
 * `today` is the calendar day (whether the round has closed); `applicationDate` overrides the parameters'
 * application date, the day the archive is judged as of (the CLI's --today).
 */
export function checkArchive(
  db: Db,
  archive: ArchiveDocument,
  links: readonly RuleLink[] | null,
  today: string,
  applicationDate?: string,
): Report {
  return runPack(PACK_2020, { archive, links, params: getParams(db), today, applicationDate });
}

export function checkApplicant(
  workspace: Workspace,
  applicantId: string,
  today: string,
  applicationDate?: string,
): Report {
  const archive = readArchive(workspace.db, applicantId);
  return checkArchive(workspace.db, archive, linksOf(workspace, applicantId), today, applicationDate);
}
