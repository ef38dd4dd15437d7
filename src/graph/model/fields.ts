/**
 * Validation and normalization of single input fields. Every record kind builds
 * on these, so the same rule (and the same error, naming the field) applies
 * whichever adapter stores the record.
 */
import { badInput } from "../../errors.js";
import { firstControlCharacter } from "./control-characters.js";

const MAX_TEXT = 10_000;
const MAX_LIST = 100;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export type Nullable<T> = T | null | undefined;

/** A required, trimmed, non-empty line of text. */
export function requiredText(field: string, value: unknown, max = 500): string {
  const text = optionalText(field, value, max);
  if (text === null) throw badInput(field, "must not be empty");
  return text;
}

/**
 * Trimmed text, or null when absent or blank. A control character (NUL, ESC,
 * DEL, C1; tab and line breaks allowed) is refused rather than dropped: a
 * caller who typed or generated it should learn of it, and what is stored is
 * then exactly what was sent. (Imports strip them with a warning instead: a
 * file from another program is not the user's to fix.)
 */
export function optionalText(field: string, value: unknown, max = MAX_TEXT): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw badInput(field, "must be a string");
  const control = firstControlCharacter(value);
  if (control !== null)
    throw badInput(field, `must not contain control characters (found ${control})`);
  const text = value.trim();
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text === "" ? null : text;
}

/** A list of distinct, trimmed, non-empty strings, in first-seen order. */
export function textList(
  field: string,
  value: unknown,
  normalize: (item: string, field: string) => string = (s) => s,
): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badInput(field, "must be a list");
  if (value.length > MAX_LIST) throw badInput(field, `must have at most ${MAX_LIST} items`);
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const text = optionalText(`${field}[${i}]`, item, 500);
    if (text !== null) seen.add(normalize(text, `${field}[${i}]`));
  });
  return [...seen];
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw badInput(field, `must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}

export function optionalOneOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): T | null {
  return value === undefined || value === null ? null : oneOf(field, value, allowed);
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\]]+$/;

/** E-mail addresses compare case-insensitively in practice, so they are stored lower-case. */
export function email(value: string, field: string): string {
  const address = value.trim().toLowerCase();
  if (address.length > 254 || !EMAIL.test(address) || address.includes("..")) {
    throw badInput(field, `${JSON.stringify(value)} is not a valid e-mail address`);
  }
  return address;
}

/**
 * One spelling per profile: https, no `www.`, lower-case host and path, no query,
 * fragment or trailing slash. LinkedIn paths are case-insensitive, so
 * `HTTP://www.LinkedIn.com/in/Ada/` and `linkedin.com/in/ada` are one identity.
 */
export function profileUrl(field: string, value: unknown): string | null {
  const text = optionalText(field, value, 2_000);
  if (text === null) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https" && !/^[^:]+:\d/.test(text)) {
    throw badInput(field, "must be an http(s) URL");
  }
  let url: URL;
  let path: string;
  try {
    url = new URL(scheme === "http" || scheme === "https" ? text : `https://${text}`);
    path = decodeURIComponent(url.pathname);
  } catch {
    throw badInput(field, `${JSON.stringify(text)} is not a valid URL`);
  }
  if (url.username !== "" || url.password !== "" || !url.hostname.includes(".")) {
    throw badInput(field, `${JSON.stringify(text)} is not a profile URL`);
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  return `https://${host}${path.toLowerCase().replace(/\/+$/, "")}`;
}

/** A tie strength in (0, 1]; null means "not rated". */
export function strength(field: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw badInput(field, "must be a number greater than 0 and at most 1");
  }
  return value;
}

/** A whole number of days, 1 to 3650 (ten years); null means "not set". */
export function days(field: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 3650)
    throw badInput(field, "must be a whole number of days from 1 to 3650");
  return value;
}

function checkYear(field: string, year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw badInput(field, `year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
}

/** A calendar date, stored as `YYYY-MM-DD`. Accepts a Date or an ISO string. */
export function date(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  let iso: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw badInput(field, "is not a valid date");
    iso = value.toISOString().slice(0, 10);
  } else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    iso = value.trim().slice(0, 10);
    if (!isCalendarDate(iso)) {
      throw badInput(field, `${JSON.stringify(value)} is not a valid calendar date`);
    }
  } else {
    throw badInput(field, "must be a date written YYYY-MM-DD");
  }
  checkYear(field, Number(iso.slice(0, 4)));
  return iso;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `YYYY-MM-DD` names a day of the proleptic Gregorian calendar (as a Date round trip would say), without building a Date. */
function isCalendarDate(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function requiredDate(field: string, value: unknown): string {
  const d = date(field, value);
  if (d === null) throw badInput(field, "is required");
  return d;
}

/** An instant, stored as a UTC ISO-8601 string so it sorts as text. */
export function dateTime(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  const parsed = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  if (parsed === null || Number.isNaN(parsed.getTime()))
    throw badInput(field, "must be an ISO-8601 date-time");
  checkYear(field, parsed.getUTCFullYear());
  return parsed.toISOString();
}

export function requiredDateTime(field: string, value: unknown): string {
  const d = dateTime(field, value);
  if (d === null) throw badInput(field, "is required");
  return d;
}

export function bool(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") throw badInput(field, "must be true or false");
  return value;
}

export function id(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "")
    throw badInput(field, "must be a non-empty id");
  if (value.length > 200) throw badInput(field, "is not a valid id");
  return value;
}

/** Comparison key for names: case, accents' composition and spacing do not matter. */
export const nameKey = (name: string): string =>
  name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/** Checks that `from` is not after `to`, both optional dates. */
export function dateOrder(field: string, from: string | null, to: string | null): void {
  if (from !== null && to !== null && from > to)
    throw badInput(field, "must not be before the start date");
}

/** A BAD_USER_INPUT error for a rule a validator checks itself. */
export const invalid = badInput;
