// The F-4 figures as the 岗位信息表 screen edits them: every number as the text typed (so '1２' or '25.5'
// can be shown with its error rather than lost), the recommended people as typed, and the way back to a
// PostInfo for saving. Pure, so the screen's rules live in one place.
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import { zhJoin } from '../../../shared/archive/spacing.js';
import { applicantAsRecommended } from '../../../shared/forms/applicant.js';
import { POST_GRADES, type PostGrade, type PostInfo, type RecommendedPerson } from '../../../shared/forms/postInfo.js';
import { normalizeDate, parseHours, parseInteger } from '../components/parse.js';

export const GRADE_COLUMNS = ['ratio', 'approved', 'appointed'] as const;
export type GradeColumn = (typeof GRADE_COLUMNS)[number];
export const OFFERED = ['senior', 'deputySenior', 'middle'] as const;

export const NUMBER_PATHS = [
  'establishment',
  'totalPosts',
  ...POST_GRADES.flatMap((g) => GRADE_COLUMNS.map((c) => `grades.${g}.${c}` as const)),
  ...OFFERED.map((o) => `offered.${o}` as const),
  'alreadyQualified',
  'recommendedCount',
] as const;
export type NumberPath = (typeof NUMBER_PATHS)[number];

export const PERSON_FIELDS = [
  'name',
  'idNumber',
  'currentQualification',
  'appointedGrade',
  'appointedDate',
  'postLevel',
  'titleApplied',
] as const satisfies readonly (keyof RecommendedPerson)[];
export type PersonField = (typeof PERSON_FIELDS)[number];

/** A person as typed; `key` only keeps React's rows stable while people are added and removed. */
export type PersonDraft = RecommendedPerson & { key: string };

export interface PostInfoDraft {
  numbers: Record<NumberPath, string>;
  recommended: PersonDraft[];
}

/** Bounds of the schema (shared/forms/postInfo.ts): counts 0 … 1,000,000, ratios 0 … 100 %. */
export const COUNT_MAX = 1_000_000;
export const isRatio = (path: NumberPath) => path.endsWith('.ratio');

/** Why a typed value cannot be saved (the screen words it). */
export type LocalError =
  { kind: 'notNumber'; ratio: boolean } | { kind: 'range'; min: number; max: number } | { kind: 'date' };

let nextKey = 0;
export const newPersonKey = () => `p${++nextKey}`;

export function readNumber(info: PostInfo, path: NumberPath): number | null {
  const [head, a, b] = path.split('.') as [string, string?, string?];
  if (head === 'grades') return info.grades[a as PostGrade][b as GradeColumn];
  if (head === 'offered') return info.offered[a as (typeof OFFERED)[number]];
  return info[head as 'establishment' | 'totalPosts' | 'alreadyQualified' | 'recommendedCount'];
}

function writeNumber(info: PostInfo, path: NumberPath, value: number | null): void {
  const [head, a, b] = path.split('.') as [string, string?, string?];
  if (head === 'grades') info.grades[a as PostGrade][b as GradeColumn] = value;
  else if (head === 'offered') info.offered[a as (typeof OFFERED)[number]] = value;
  else info[head as 'establishment' | 'totalPosts' | 'alreadyQualified' | 'recommendedCount'] = value;
}

export function toDraft(info: PostInfo, previous?: PostInfoDraft): PostInfoDraft {
  const numbers = Object.fromEntries(
    NUMBER_PATHS.map((path) => {
      const value = readNumber(info, path);
      return [path, value === null ? '' : String(value)];
    }),
  ) as Record<NumberPath, string>;
  return {
    numbers,
    recommended: info.recommended.map((person, i) => ({
      ...person,
      key: previous?.recommended[i]?.key ?? newPersonKey(),
    })),
  };
}

/** A ratio as typed, 25, 12.5 or 25% (the percent sign of the form, half or full width, may be typed too). */
export const ratioText = (text: string): string => text.replace(/\s*[%％]\s*$/u, '');

/** The number a text stands for: null for empty, undefined when it is not one (or out of bounds). */
function parseNumber(path: NumberPath, text: string): { value: number | null; error: LocalError | null } {
  const ratio = isRatio(path);
  const value = ratio ? parseHours(ratioText(text)) : parseInteger(text);
  if (value === undefined) return { value: null, error: { kind: 'notNumber', ratio } };
  if (value === null) return { value: null, error: null };
  const max = ratio ? 100 : COUNT_MAX;
  if (value < 0 || value > max) return { value: null, error: { kind: 'range', min: 0, max } };
  return { value, error: null };
}

export interface ReadDraft {
  /** The figures, with what cannot be read taken as not entered (so the sums follow what can). */
  info: PostInfo;
  /** Field path (`totalPosts`, `grades.senior.ratio`, `recommended.2.appointedDate`) → why it cannot be saved. */
  errors: Map<string, LocalError>;
}

export function readDraft(draft: PostInfoDraft, base: PostInfo): ReadDraft {
  const info: PostInfo = structuredClone(base);
  const errors = new Map<string, LocalError>();
  for (const path of NUMBER_PATHS) {
    const { value, error } = parseNumber(path, draft.numbers[path]);
    writeNumber(info, path, value);
    if (error) errors.set(path, error);
  }
  info.recommended = draft.recommended.map((person, i) => {
    const { key: _key, ...fields } = person;
    const date = normalizeDate(fields.appointedDate);
    if (date === null) errors.set(`recommended.${i}.appointedDate`, { kind: 'date' });
    return { ...fields, appointedDate: date ?? '' };
  });
  return { info, errors };
}

/** What is compared to tell unsaved edits: the draft without its row keys, dates as they will be saved. */
export function draftSignature(draft: PostInfoDraft): string {
  return JSON.stringify({
    numbers: draft.numbers,
    recommended: draft.recommended.map(({ key: _key, ...fields }) => ({
      ...fields,
      appointedDate: normalizeDate(fields.appointedDate) ?? fields.appointedDate,
    })),
  });
}

export const emptyPerson = (): PersonDraft => ({
  key: newPersonKey(),
  name: '',
  idNumber: '',
  currentQualification: '',
  appointedGrade: '',
  appointedDate: '',
  postLevel: '',
  titleApplied: '',
});

/**
 * The applicant's own row from the archive, as F-4 prints it when the list is empty: the title held
 * (现有任职资格), the level of the appointment in force (聘任专业技术职级: 中级, 副高级 …), its start date and its
 * post grade (在聘岗位等级: 专业技术十级 — blank when the archive only names a level there) and the title
 * applied for (shared/forms/applicant.ts).
 */
export function ownPerson(archive: ArchiveDocument): Omit<PersonDraft, 'key'> {
  return applicantAsRecommended(archive);
}

/** The person the archive's applicant already is in the list (same ID number, else same name), or -1. */
export function findOwnPerson(people: readonly PersonDraft[], own: Omit<PersonDraft, 'key'>): number {
  const id = own.idNumber.trim().toUpperCase();
  if (id) {
    const i = people.findIndex((p) => p.idNumber.trim().toUpperCase() === id);
    if (i >= 0) return i;
  }
  const name = own.name.trim();
  return name ? people.findIndex((p) => p.idNumber.trim() === '' && p.name.trim() === name) : -1;
}

/** The issue path of a refusal of `postInfo:set`, as the screen's field paths: without `postInfo.`. */
export const fieldPathOfIssue = (path: string): string => path.replace(/^postInfo\.?/, '');

/**
 * Part 2 as printed on F-4 (Chinese, as on the form), with blanks for what is not entered; spaced as the
 * project spaces Chinese (a space between a digit and Chinese, none after full-width punctuation).
 */
export function part2Sentence(info: PostInfo, year: number): string {
  const n = (value: number | null) => (value === null ? '＿' : String(value));
  return zhJoin(
    String(year),
    '年我单位共推出',
    n(info.offered.senior),
    '个正高级专业技术岗位，',
    n(info.offered.deputySenior),
    '个副高级专业技术岗位，',
    n(info.offered.middle),
    '个中（初）级专业技术岗位。经考核竞聘，确定聘任的在编人员中',
    n(info.alreadyQualified),
    '人已具有相应的专业技术职务任职资格，直接办理聘任手续，',
    n(info.recommendedCount),
    '人目前不具有相应的专业技术职务任职资格，同意推荐参加评审。',
  );
}

export { POST_GRADES };
export type { PostGrade };
