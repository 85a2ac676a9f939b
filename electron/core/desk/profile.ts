// The reviewing desk's own data (issue 17): which desk it is — a city bureau (which city), a provincial
// competent department (which) or the personnel agency route (which city) — its name and the person
// responsible, kept once per desk workspace in the setting table ('desk.profile'). Saving never blocks on
// problems (they are shown, as the unit's are); receiving needs a profile without problems, because the
// desk's remit — which units it takes — is read from it.
import type { Issue, Localized } from '../../../shared/api/contract.js';
import type { Unit } from '../../../shared/archive/schema.js';
import { DESK_KIND_LABELS, DeskProfile, deskProfileProblems } from '../../../shared/desk/schema.js';
import { getSettingJson, setSetting } from '../archiveRepo.js';
import { DossierError } from '../errors.js';
import { getMode, requireDesk, setMode } from '../unit/mode.js';
import { normalizeUnitName } from '../unit/profile.js';
import type { Workspace } from '../workspace.js';

const PROFILE_KEY = 'desk.profile';

export function savedDeskProfile(w: Workspace): DeskProfile | null {
  return getSettingJson(w.db, PROFILE_KEY, DeskProfile);
}

export function getDeskProfile(w: Workspace): { profile: DeskProfile | null; problems: Issue[] } {
  requireDesk(w);
  const profile = savedDeskProfile(w);
  return { profile, problems: profile ? deskProfileProblems(profile) : [] };
}

/**
 * Saves the desk's data; an empty workspace becomes a desk's first (setMode refuses one that holds an
 * archive). A value that does not fit the format is refused whole, naming each field; nothing is saved.
 */
export function setDeskProfile(w: Workspace, profile: unknown): { problems: Issue[] } {
  const parsed = DeskProfile.safeParse(profile);
  if (!parsed.success) {
    throw new DossierError(
      'wrong_desk_profile',
      {
        zh: '审查机构信息格式不正确，未保存。',
        en: "The desk's data does not fit its format; nothing was saved.",
      },
      parsed.error.issues.map((i) => ({
        path: ['desk', ...i.path.map(String)].join('.'),
        message: { zh: i.message, en: i.message },
      })),
    );
  }
  w.db.transaction(() => {
    if (getMode(w) !== 'desk') setMode(w, 'desk');
    setSetting(w.db, PROFILE_KEY, JSON.stringify(parsed.data));
  })();
  return { problems: deskProfileProblems(parsed.data) };
}

/** Receiving's precondition: a saved profile without problems (the remit is read from it). */
export function requireDeskProfile(w: Workspace): DeskProfile {
  requireDesk(w);
  const profile = savedDeskProfile(w);
  const problems = profile ? deskProfileProblems(profile) : [];
  if (!profile || problems.length > 0) {
    throw new DossierError(
      'desk_profile_missing',
      {
        zh: `请先填写并保存审查机构信息（类别、名称、所在市或主管部门、负责人）：接收时要核对单位是否属于本机构受理范围。未接收任何内容。${problems.map((p) => p.message.zh).join('；')}`,
        en: `Save the desk's data first (kind, name, city or competent department, person responsible): each unit is checked to be within this desk's remit. Nothing was received. ${problems.map((p) => p.message.en).join('; ')}`,
      },
      problems,
    );
  }
  return profile;
}

/** A city as compared: half-width, no spaces, without a trailing 市 (衢州 and 衢州市 are one city). */
const normalizeCity = (city: string) => normalizeUnitName(city).replace(/市$/, '');

/**
 * Whether a unit (as its batch or its applicant's archive names it) is within the desk's remit (N-9):
 * a city bureau takes the units of its city; a competent department the units that name it; the personnel
 * agency route the units of its city that have no competent department and name a personnel agency.
 * Returns why not, or null.
 */
export function outsideRemit(desk: DeskProfile, unit: Unit): Localized | null {
  const theirs = `“${unit.name.trim() || '—'}”`;
  const kind = DESK_KIND_LABELS[desk.kind];
  if (desk.kind === 'competent_department') {
    if (normalizeUnitName(unit.competentDepartment) === normalizeUnitName(desk.department)) return null;
    return {
      zh: `单位${theirs}的主管部门是“${unit.competentDepartment.trim() || '（未填写）'}”，不是本机构（${kind.zh}：${desk.department}）：不属于本机构受理范围。`,
      en: `The unit ${theirs} names the competent department "${unit.competentDepartment.trim() || '(none)'}", not this desk's (${kind.en}: ${desk.department}): outside this desk's remit.`,
    };
  }
  const sameCity = normalizeCity(unit.city) !== '' && normalizeCity(unit.city) === normalizeCity(desk.city);
  if (!sameCity) {
    return {
      zh: `单位${theirs}所在市是“${unit.city.trim() || '（未填写）'}”，本机构（${kind.zh}）受理${desk.city}的单位：不属于本机构受理范围。`,
      en: `The unit ${theirs} is in "${unit.city.trim() || '(no city given)'}"; this desk (${kind.en}) takes the units of ${desk.city}: outside this desk's remit.`,
    };
  }
  if (desk.kind === 'personnel_agency' && (unit.competentDepartment.trim() || !unit.personnelAgency.trim())) {
    return {
      zh: `单位${theirs}${unit.competentDepartment.trim() ? `有主管部门“${unit.competentDepartment.trim()}”，应经主管部门报送` : '未填写人事代理机构'}，不经人事代理机构报送：不属于本机构受理范围。`,
      en: `The unit ${theirs} ${unit.competentDepartment.trim() ? `has a competent department ("${unit.competentDepartment.trim()}") and goes through it` : 'names no personnel agency'}, not through the personnel agency: outside this desk's remit.`,
    };
  }
  return null;
}
