/** The calendar-day arithmetic the habits share: UTC days written `YYYY-MM-DD`. */
const DAY = 86_400_000;

/** The UTC calendar day of an instant or a date (`YYYY-MM-DD`), so both kinds of contact compare by day. */
export const calendarDay = (value: string | Date): string =>
  typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** The calendar day `days` after `day` (negative goes back). */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${calendarDay(day)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number =>
  Math.round(
    (Date.parse(`${calendarDay(to)}T00:00:00Z`) - Date.parse(`${calendarDay(from)}T00:00:00Z`)) /
      DAY,
  );
