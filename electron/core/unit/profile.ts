// The unit's own data (issue 7): name, credit code, type, competent department or personnel agency — the
// archive's Unit section, kept once per unit workspace in the setting table ('unit.profile'). Saving never
// blocks on problems (the form shows them, as the archive's fields do); the intake needs a saved profile to
// tell the unit's own applicants from another unit's (N-10: a unit reviews only its own people).
import type { Issue, Localized } from '../../../shared/api/contract.js';
import { UNIT_TYPES } from '../../../shared/archive/schema.js';
import { checkCreditCode, normalizeCreditCode, type CreditCodeCheck } from '../../../shared/checks/creditCode.js';
import { toHalfWidth } from '../../../shared/checks/text.js';
import { UnitProfile } from '../../../shared/unit/schema.js';
import { unitTypeConflict, type ArchiveUnitType } from '../../../shared/unit/unitType.js';
import { getSettingJson, setSetting } from '../archiveRepo.js';
import { DossierError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { requireUnit } from './mode.js';

const PROFILE_KEY = 'unit.profile';

const FIELDS = {
  name: { zh: '单位名称', en: 'Unit name' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  type: { zh: '单位性质', en: 'Type of unit' },
  competentDepartment: { zh: '主管部门或人事代理机构', en: 'Competent department or personnel agency' },
} as const satisfies Record<string, Localized>;

const issue = (field: keyof typeof FIELDS, what: Localized): Issue => ({
  path: `unit.${field}`,
  message: { zh: `${FIELDS[field].zh}${what.zh}`, en: `${FIELDS[field].en}: ${what.en}` },
});
const MISSING: Localized = { zh: '未填写', en: 'missing' };

function creditCodeProblem(code: Exclude<CreditCodeCheck, { ok: true }>): Localized {
  switch (code.reason) {
    case 'empty':
      return MISSING;
    case 'length': {
      const n = [...code.value].length;
      return { zh: `应为 18 位，现为 ${n} 位`, en: `must have 18 characters, has ${n}` };
    }
    case 'characters':
      return {
        zh: '含有不允许的字符（只用数字和大写字母，不用 I、O、Z、S、V）',
        en: 'contains characters outside the code set (digits and capitals without I, O, Z, S, V)',
      };
    case 'check_character':
      return {
        zh: `校验位不正确（GB 32100），应为 ${code.expected}`,
        en: `wrong check character (GB 32100); expected ${code.expected}`,
      };
  }
}

/** Every missing or invalid field of the unit's data, each naming the field in both languages. */
export function unitProfileProblems(p: UnitProfile): Issue[] {
  const out: Issue[] = [];
  if (!p.name.trim()) out.push(issue('name', MISSING));
  const code = checkCreditCode(p.creditCode);
  if (!code.ok) out.push(issue('creditCode', creditCodeProblem(code)));
  if (!(UNIT_TYPES as readonly string[]).includes(p.type)) out.push(issue('type', MISSING));
  // N-9: materials go up through the competent department; a unit without one goes through its agency.
  if (!p.competentDepartment.trim() && !p.personnelAgency.trim()) {
    out.push(
      issue('competentDepartment', {
        zh: '未填写：材料经主管部门报送；无主管部门的单位须填写人事代理机构（N-9）',
        en: 'missing: materials go up through the competent department, or the personnel agency for a unit without one (N-9)',
      }),
    );
  }
  return out;
}

/** The saved profile, or null (never saved, or unreadable: the officer enters it again). */
export function savedUnitProfile(w: Workspace): UnitProfile | null {
  return getSettingJson(w.db, PROFILE_KEY, UnitProfile);
}

/**
 * What the held applicants' archives say the unit's type is (their unit section), for those that say
 * anything: the unit's own type is checked against it (shared/unit/unitType.ts).
 */
export function archiveUnitTypes(w: Workspace): ArchiveUnitType[] {
  const rows = w.db
    .prepare<[], { applicantId: string; name: string | null; type: string | null }>(
      `SELECT a.id AS applicantId, json_extract(p.data, '$.name') AS name, json_extract(u.data, '$.type') AS type
       FROM applicant a
       JOIN section u ON u.applicant_id = a.id AND u.name = 'unit'
       LEFT JOIN section p ON p.applicant_id = a.id AND p.name = 'profile'
       ORDER BY a.created_at, a.id`,
    )
    .all();
  return rows.flatMap((r) =>
    (UNIT_TYPES as readonly (string | null)[]).includes(r.type)
      ? [{ applicantId: r.applicantId, name: r.name ?? '', type: r.type as ArchiveUnitType['type'] }]
      : [],
  );
}

/** The profile's problems, and its type against the applicants' archives (unit:get, unit:set, the CLI). */
function problemsOf(profile: UnitProfile, archives: readonly ArchiveUnitType[]): Issue[] {
  const conflict = unitTypeConflict(profile.type, archives);
  return [...unitProfileProblems(profile), ...(conflict ? [conflict] : [])];
}

export function getUnitProfile(w: Workspace): {
  profile: UnitProfile | null;
  problems: Issue[];
  archiveTypes: ArchiveUnitType[];
} {
  requireUnit(w);
  const profile = savedUnitProfile(w);
  const archiveTypes = archiveUnitTypes(w);
  return { profile, problems: profile ? problemsOf(profile, archiveTypes) : [], archiveTypes };
}

export function setUnitProfile(w: Workspace, profile: UnitProfile): { problems: Issue[] } {
  requireUnit(w);
  // Validated here too: the CLI and tests call this without the dispatcher's contract check.
  const parsed = UnitProfile.safeParse(profile);
  if (!parsed.success) {
    throw new DossierError(
      'wrong_unit_profile',
      { zh: '单位信息格式不正确，未保存。', en: "The unit's data does not fit its format; nothing was saved." },
      parsed.error.issues.map((i) => ({
        path: ['unit', ...i.path.map(String)].join('.'),
        message: { zh: i.message, en: i.message },
      })),
    );
  }
  setSetting(w.db, PROFILE_KEY, JSON.stringify(parsed.data));
  return { problems: problemsOf(parsed.data, archiveUnitTypes(w)) };
}

/** The intake's precondition: a saved profile naming the unit (by name or credit code), else a refusal. */
export function requireUnitProfile(w: Workspace): UnitProfile {
  const profile = savedUnitProfile(w);
  if (!profile || (!profile.name.trim() && !normalizeCreditCode(profile.creditCode))) {
    throw new DossierError('unit_profile_missing', {
      zh: '请先填写并保存单位信息（单位名称、统一社会信用代码），再导入申报包：导入时要核对申报包是否属于本单位。未导入任何内容。',
      en: "Save the unit's data (name, unified social credit code) before importing packages: each package is checked to belong to this unit. Nothing was imported.",
    });
  }
  return profile;
}

/** A unit name as compared: half-width, without spaces (（）and () are the same, as are 全角 letters). */
export const normalizeUnitName = (name: string) => toHalfWidth(name).replace(/\s+/g, '');

/**
 * Whether an archive's unit is this one: the credit codes when both have one, else the names (N-10: the
 * unit reviews its own applicants; a package for another unit was sent to the wrong desk).
 */
export function isSameUnit(
  mine: Pick<UnitProfile, 'name' | 'creditCode'>,
  theirs: Pick<UnitProfile, 'name' | 'creditCode'>,
): boolean {
  const [a, b] = [normalizeCreditCode(mine.creditCode), normalizeCreditCode(theirs.creditCode)];
  if (a && b) return a === b;
  return normalizeUnitName(mine.name) === normalizeUnitName(theirs.name);
}
