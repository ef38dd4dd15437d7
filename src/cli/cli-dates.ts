/**
 * Days as people type them on the command line: a calendar date (2026-11-20), `today`,
 * `yesterday`, or for a date ahead a span from today (`30d`, `6w`, `6m`, `1y`: "not hiring
 * for six months" is `--in 6m`). Every date is a UTC calendar day, as the habits keep them.
 */
import { badInput } from "../errors.js";

const DAY = 86_400_000;
const calendarDay = (now: Date): string => now.toISOString().slice(0, 10);
const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A YYYY-MM-DD day that exists, `today` or `yesterday`; undefined when the option was not given. */
export function dayOption(
  option: string,
  value: string | undefined,
  now: Date,
): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  const today = calendarDay(now);
  if (v === "today") return today;
  if (v === "yesterday") return addDays(today, -1);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const day = match ? new Date(`${v}T00:00:00.000Z`) : null;
  if (day === null || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== v)
    throw badInput(
      option,
      `must be a date like 2026-11-20, today or yesterday, not ${JSON.stringify(value)}`,
    );
  return v;
}

/** The day a span from today lands on (`30d`, `6w`, `6m`, `1y`); undefined when not given. */
export function spanOption(
  option: string,
  value: string | undefined,
  now: Date,
): string | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d{1,4})\s*([dwmy])\s*$/i.exec(value);
  if (!match)
    throw badInput(option, `must be a span like 30d, 6w, 6m or 1y, not ${JSON.stringify(value)}`);
  const n = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  const today = calendarDay(now);
  if (unit === "d") return addDays(today, n);
  if (unit === "w") return addDays(today, 7 * n);
  const day = new Date(`${today}T00:00:00.000Z`);
  day.setUTCMonth(day.getUTCMonth() + (unit === "m" ? n : 12 * n));
  return day.toISOString().slice(0, 10);
}
