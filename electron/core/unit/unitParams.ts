// The rule parameters an applicant is checked with in a unit's workspace: the unit's own, with the
// publicity dates of that applicant's newest publicity (N-8, R-5.publicity). An applicant types their
// unit's dates into 假设与参数; a unit plans them on 公示, one period per group of applicants, so the dates
// differ from one applicant to the next and are never a workspace-wide setting here.
import type { Localized } from '../../../shared/api/contract.js';
import type { Params2020 } from '../../../shared/rules/pack2020/index.js';
import type { Db } from '../db.js';
import { newestMemberships } from './publicityRepo.js';

/** Each applicant's newest publicity period (start and end) that counts — a cancelled one does not — by id. */
export function newestPublicityPeriods(db: Db): Map<string, { startDate: string; endDate: string }> {
  return new Map(
    [...newestMemberships(db, null)].map(([id, m]) => [id, { startDate: m.startDate, endDate: m.endDate }]),
  );
}

export function withPublicity(
  params: Params2020,
  period: { startDate: string; endDate: string } | undefined,
): Params2020 {
  return { ...params, publicityStart: period?.startDate ?? '', publicityEnd: period?.endDate ?? '' };
}

/** The rule about the publicity, when no period is planned yet: said in the unit's terms (公示, not 假设与参数). */
export const PUBLICITY_RULE = 'R-5.publicity';
export const notPublicised = (days: number): Localized => ({
  zh: `尚未安排公示（在“公示”中为该申报人安排）：公示须不少于 ${days} 个工作日（N-8）。`,
  en: `No publicity planned yet (plan it on Publicity): at least ${days} working days (N-8).`,
});
