/** Calendar days as the server counts them (UTC, YYYY-MM-DD), and how the screen says them. */
const DAY = 86_400_000;

/** Today, as the server's lists see it. */
export const todayDay = (now = new Date()): string => now.toISOString().slice(0, 10);

/** The day `days` after `day`. */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number =>
  Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) /
      DAY,
  );

/** "3 days", "1 day", "today". */
export const dayCount = (n: number): string => (n === 1 ? "1 day" : `${n} days`);

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** A day in words, the same in every browser and unambiguous in every locale: "Fri 20 Nov 2026". */
export function dayWords(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
