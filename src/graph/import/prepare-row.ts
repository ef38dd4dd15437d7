/**
 * A readable contact row validated with the model, once, before any store
 * transaction opens: every value the import writes (the person, the company
 * name, "Connected On") is checked here and nowhere again.
 */
import { ErrorCode, isWarmpathError, type WarmpathError } from "../../errors.js";
import * as f from "../model/fields.js";
import type { FollowUpList } from "../model/follow-up.js";
import type { Person, PersonInput } from "../model/person.js";
import { newRecord, nowIso } from "../store/record-ops.js";
import type { ContactRow, ImportWarning } from "./contact-row.js";

/** A readable row, validated with the model before any transaction opens. */
export interface PreparedRow {
  line: number;
  /** The person the row describes, with a fresh id used if the row creates them. */
  person: Person;
  /** The current employer matched by name with the person, and any others (warmpath's CSV lists every current one). */
  company: string | null;
  moreCompanies: readonly string[];
  /** A LinkedIn row makes a tie from the owner; `since` is its "Connected On". */
  connected: boolean;
  since: string | null;
  lists: readonly FollowUpList[];
  /** Values changed or left out while reading and validating the row. */
  warnings: ImportWarning[];
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Validates a readable row with the model. An optional value the model
 * refuses (an impossible date, a malformed URL or e-mail) is left out with a
 * warning naming its field, and the person is kept: one bad cell should not
 * lose a contact. Only a row without a usable name (the person's identity)
 * throws the model's BAD_USER_INPUT, and the row is rejected. `stamp` dates a
 * new person (one clock reading per batch is enough).
 */
export function prepareRow(ownerId: string, row: ContactRow, stamp = nowIso()): PreparedRow {
  const warnings = row.warnings === undefined ? [] : [...row.warnings];
  const companies: string[] = [];
  for (const name of row.moreCompanies === undefined
    ? [row.company]
    : [row.company, ...row.moreCompanies]) {
    const company = name
      ? optional(warnings, "company", () => f.requiredText("company", name))
      : null;
    if (company !== null) companies.push(company);
  }
  return {
    line: row.line,
    person: personKeepingRow(ownerId, row.person!, warnings, stamp),
    company: companies[0] ?? null,
    moreCompanies: companies.length > 1 ? companies.slice(1) : NONE,
    connected: row.connectedOn !== undefined,
    since: optional(warnings, "connectedOn", () => f.date("connectedOn", row.connectedOn ?? null)),
    lists: row.lists ?? NONE,
    warnings,
  };
}

/** A field the model names (`emails[1]`, `profileUrl`), split into key and list index. */
const FIELD_PATH = /^([A-Za-z]+)(?:\[(\d+)\])?$/;

/** The model's reason without the field it starts with: `"x" is not a valid e-mail address`. */
const reasonOf = (error: WarmpathError, field: string): string =>
  error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;

/** The value `compute` gives, or null with a warning when the model refuses it. */
function optional<T>(warnings: ImportWarning[], field: string, compute: () => T | null): T | null {
  try {
    return compute();
  } catch (error) {
    if (!isWarmpathError(error, ErrorCode.BAD_USER_INPUT)) throw error;
    const named = error.field ?? field;
    warnings.push({ field: named, reason: `${reasonOf(error, named)}; the value was left out` });
    return null;
  }
}

/** The person, with each value the model refuses left out (a list item is blanked, so later items keep their index); the name is never left out. */
function personKeepingRow(
  ownerId: string,
  person: PersonInput,
  warnings: ImportWarning[],
  stamp: string,
): Person {
  let input = person as unknown as Record<string, unknown>;
  for (;;) {
    try {
      return newRecord(ownerId, "person", input as unknown as PersonInput, stamp);
    } catch (error) {
      if (!isWarmpathError(error, ErrorCode.BAD_USER_INPUT) || error.field === undefined)
        throw error;
      const path = FIELD_PATH.exec(error.field);
      const key = path?.[1];
      if (key === undefined || key === "name" || input[key] === undefined) throw error;
      // Copied before the first change only: the row's own input stays as read.
      if (input === (person as unknown)) input = { ...input };
      const value = input[key];
      if (path![2] !== undefined && Array.isArray(value))
        input[key] = value.map((item: unknown, i) => (i === Number(path![2]) ? "" : item));
      else delete input[key];
      warnings.push({
        field: error.field,
        reason: `${reasonOf(error, error.field)}; the value was left out`,
      });
    }
  }
}
