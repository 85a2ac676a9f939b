// The unit's screens in navigation order (issue 7). 岗位信息表 (F-4) is listed for a public institution only
// (N-14, M-12), as in the applicant's editor.
export const UNIT_SCREENS = [
  'unitProfile',
  'unitImport',
  'unitApplicants',
  'unitReview',
  'unitPublicity',
  'unitPostInfo',
  'unitSubmit',
  'unitBackups',
] as const;

export type UnitScreenKey = (typeof UNIT_SCREENS)[number];

export const isUnitScreenKey = (value: string): value is UnitScreenKey =>
  (UNIT_SCREENS as readonly string[]).includes(value);

export function isUnitScreenListed(key: UnitScreenKey, unitType: string): boolean {
  return key !== 'unitPostInfo' || unitType === 'public_institution';
}

/** sessionStorage: the applicant whose review is open (or was last), for the reload and the table's Tab stop. */
export const REVIEWED_KEY = 'dossier.unitReviewApplicant';
