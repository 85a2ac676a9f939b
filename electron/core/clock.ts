// The one clock of the core: days are local calendar days (a deadline, a publicity period, an as-of date, a
// backup's name are local dates in China), never the UTC date of `toISOString()`, which is yesterday before
// 08:00 there.

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of `now`, `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today, the local calendar day. */
export const localToday = (): string => localDate(new Date());
