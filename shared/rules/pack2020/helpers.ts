// Small pure helpers the 2020 rules share: evidence labels, proofs among the attachment links, year
// arithmetic for "N years", and the shapes of outcomes.
import { recordSubject, sectionSubject, type SectionField } from '../../archive/problemLabels.js';
import type { AnyRecord, ArchiveDocument, RecordKind } from '../../archive/schema.js';
import { zhJoin } from '../../archive/spacing.js';
import { isRealDate } from '../../checks/dates.js';
import { paperCopyOf } from '../../materials/requirements.js';
import type { Confidence, Evidence, Fix, Localized, Outcome, RuleInput } from '../types.js';
import type { Params2020 } from './params.js';

export type Input = RuleInput<Params2020>;

/** Evidence naming a record (its label says which one) or one of its fields. */
export function recordEvidence(archive: ArchiveDocument, kind: RecordKind, id: string, field?: string): Evidence {
  const list = archive[kind] as AnyRecord[];
  const index = list.findIndex((r) => r.id === id);
  const subject = recordSubject(kind, list[index] ?? ({ id } as AnyRecord), Math.max(index, 0), field);
  return { path: subject.path, label: { zh: subject.zh, en: subject.en } };
}

export function sectionEvidence(path: SectionField): Evidence {
  const s = sectionSubject(path);
  return { path: s.path, label: { zh: s.zh, en: s.en } };
}

export const field = (target: string): Fix => ({ kind: 'field', target });
export const screen = (target: string): Fix => ({ kind: 'screen', target });
export const slot = (target: string, recordId?: string): Fix =>
  recordId ? { kind: 'slot', target, recordId } : { kind: 'slot', target };

export const t = (zh: string, en: string): Localized => ({ zh, en });

/**
 * Whether a proof is attached: a link whose slot is `slotName` (or starts with `slotName/` when `prefix`)
 * and, when `recordId` is given, that names this record or no record at all.
 * 'unknown' when the links are not known (an exported JSON on its own).
 */
export function proofState(
  input: Input,
  slotName: string,
  opts: { recordId?: string; prefix?: boolean } = {},
): 'attached' | 'missing' | 'unknown' {
  if (input.links === null) return 'unknown';
  const found = input.links.some((l) => {
    if (l.slot === null) return false;
    const slotOk = l.slot === slotName || (opts.prefix === true && l.slot.startsWith(`${slotName}/`));
    if (!slotOk) return false;
    return opts.recordId === undefined || l.recordId === null || l.recordId === opts.recordId;
  });
  return found ? 'attached' : 'missing';
}

export const LINKS_UNKNOWN = t(
  '未提供附件信息（单独检查导出的档案文件），无法核对是否已上传扫描件',
  'Attachments are not part of this input (an exported archive checked on its own): whether the scan is attached cannot be checked',
);

/**
 * Where a required scan stands: attached, missing, handed in on paper instead (提交纸质件, with the applicant's
 * reason), or unknown when the links are not known (an exported JSON checked on its own).
 */
export type ScanState = 'attached' | 'missing' | 'unknown' | { paper: string };

/**
 * THE outcome of a required scan (issue 19), for every rule that asks for one: pass when attached; a failure
 * naming the scan with a link to its slot when missing (rules.md: a confirmed failure is a fail — the rule's
 * or the outcome's confidence decides, an assumed part only asks a person); a note, not a point to judge,
 * when the applicant hands it in on paper with a written reason (the unit reads it and collects the paper);
 * review when the links are not known.
 */
export function scanOutcome(
  o: { slot: string; recordId?: string; what: Localized; key?: string; evidence?: Evidence[] },
  state: ScanState,
): Outcome {
  const base = {
    ...(o.key !== undefined ? { key: o.key } : {}),
    evidence: o.evidence ?? [],
    fix: slot(o.slot, o.recordId),
  };
  if (state === 'attached')
    return { ...base, status: 'pass', message: t(`已上传：${o.what.zh}`, `Attached: ${o.what.en}`) };
  if (state === 'unknown') {
    return {
      ...base,
      status: 'review',
      message: t(`${o.what.zh}：${LINKS_UNKNOWN.zh}`, `${capitalize(o.what.en)}: ${LINKS_UNKNOWN.en}`),
    };
  }
  if (state !== 'missing') {
    return {
      ...base,
      status: 'review',
      severity: 'info',
      message: t(
        `${o.what.zh}：提交纸质件，未上传扫描件。理由：${state.paper.trim()}`,
        `${capitalize(o.what.en)}: handed in on paper, no scan attached. Reason: ${state.paper.trim()}`,
      ),
    };
  }
  return {
    ...base,
    status: 'fail',
    message: t(
      `${zhJoin('缺少', o.what.zh)}，请上传扫描件（或注明提交纸质件及理由）。`,
      `${capitalize(o.what.en)} is missing: attach a scan (or say why it is handed in on paper).`,
    ),
  };
}

/** A proof's state among the links (proofState), or the applicant's paper copy of it when it has no scan. */
export function scanState(
  input: Input,
  slotName: string,
  opts: { recordId?: string; prefix?: boolean } = {},
): ScanState {
  const state = proofState(input, slotName, opts);
  if (state !== 'missing') return state;
  // An archive read by an earlier release's reader has no paper copies.
  const copies = input.archive.materials?.paperCopies ?? [];
  const paper = paperCopyOf(copies, { slot: slotName, recordId: opts.recordId ?? null });
  return paper ? { paper: paper.reason } : 'missing';
}

/** One outcome for a required proof of one slot (and record): scanOutcome of its scanState. */
export function proofOutcome(
  input: Input,
  o: {
    slot: string;
    recordId?: string;
    prefix?: boolean;
    what: Localized;
    key?: string;
    evidence?: Evidence[];
  },
): Outcome {
  const state = scanState(input, o.slot, {
    ...(o.recordId !== undefined ? { recordId: o.recordId } : {}),
    ...(o.prefix ? { prefix: true } : {}),
  });
  return scanOutcome(o, state);
}

/** `date` + `years` calendar years; 02-29 in a non-leap target year becomes 03-01 (the day after 02-28). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const candidate = `${String(y).padStart(4, '0')}-${md}`;
  return isRealDate(candidate) ? candidate : `${String(y).padStart(4, '0')}-03-01`;
}

/** Whether `years` are complete from `start` to `asOf` under each counting convention (R-1, N-7). */
export function yearsMet(start: string, asOf: string, years: number): { anniversary: boolean; calendarYear: boolean } {
  return {
    anniversary: addYears(start, years) <= asOf,
    calendarYear: Number(asOf.slice(0, 4)) - Number(start.slice(0, 4)) >= years,
  };
}

/** Whole years completed from `start` to `asOf` (anniversary counting). */
export function wholeYears(start: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(start.slice(0, 4));
  return asOf.slice(5) < start.slice(5) ? years - 1 : years;
}

export const asOfYear = (p: Params2020) => Number(p.asOfDate.slice(0, 4));

/** N-6: continuing education is required "each year since 2018" (浙经信人事〔2018〕99号). */
export const CE_REQUIRED_SINCE = 2018;

/**
 * a year of the requirement that ended before the deadline is confirmed (a shortfall fails); a year
 * still running at the deadline is in scope only by assumption (a shortfall is for a person to judge).
 */
export function ceYearConfidence(year: number, p: Params2020): Confidence {
  return year >= CE_REQUIRED_SINCE && year < Number(p.deadline.slice(0, 4)) ? 'confirmed' : 'assumed';
}

/**
 * "the last 3 years" of pension are the 36 months before the deadline; a year lying wholly inside
 * them is confirmed, a year only partly inside (2017, 2020 for the 2020 round) is assumed.
 */
export function pensionYearConfidence(year: number, p: Params2020): Confidence {
  const from = addYears(p.deadline, -3);
  return `${year}-01-01` >= from && `${year}-12-31` <= p.deadline ? 'confirmed' : 'assumed';
}

/** Years as "2018、2019" / "2018, 2019". */
export const yearList = (years: readonly number[]) => t(years.join('、'), years.join(', '));

/** English sentences start with a capital even when the thing named ('the publicity form') does not. */
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
