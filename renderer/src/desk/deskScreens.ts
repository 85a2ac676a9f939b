// The reviewing desk's screens in navigation order (issue 17), mirroring unit/unitScreens.ts.
export const DESK_SCREENS = [
  'deskProfile',
  'deskReceive',
  'deskApplicants',
  'deskReview',
  'deskSubmit',
  'deskBackups',
] as const;

export type DeskScreenKey = (typeof DESK_SCREENS)[number];

export const isDeskScreenKey = (value: string): value is DeskScreenKey =>
  (DESK_SCREENS as readonly string[]).includes(value);

/** sessionStorage: the screen shown (kept over a reload of the tab). */
export const DESK_SCREEN_KEY = 'dossier.deskScreen';
/** sessionStorage: the applicant whose review is open (or was last). */
export const DESK_REVIEWED_KEY = 'dossier.deskReviewApplicant';
