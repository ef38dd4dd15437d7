/** Reading a warmpath JSON export: the whole file parsed and checked, each record by its kind's own rules, before anything is written. */
import { badInput, isWarmpathError } from "../../../errors.js";
import { SPECS, type Records } from "../../model/kinds.js";
import type { RecordData } from "../../model/record.js";
import { WARMPATH_JSON_FORMAT, WARMPATH_JSON_VERSION } from "../../export/network-json.js";

export type GraphKind = "person" | "organization" | "tie" | "employment" | "membership";
type Data<K extends GraphKind> = RecordData<Records[K]>;

/** One record of the file, checked: its id in the file and its validated fields. */
export interface FileRecord<K extends GraphKind> {
  fileId: string;
  data: Data<K>;
}

export interface ReadFile {
  self: string;
  people: FileRecord<"person">[];
  organizations: FileRecord<"organization">[];
  ties: FileRecord<"tie">[];
  employments: FileRecord<"employment">[];
  memberships: FileRecord<"membership">[];
}

const LISTS = {
  person: "people",
  organization: "organizations",
  tie: "ties",
  employment: "employments",
  membership: "memberships",
} as const;

const fileError = (message: string) => badInput("file", message);

/** Parses and checks the whole file; every problem is BAD_USER_INPUT on `file`, naming the record. */
export function readFile(text: string): ReadFile {
  if (typeof text !== "string") throw fileError("must be the text of a warmpath JSON export");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fileError(
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw fileError("is not a warmpath JSON export: expected an object");
  const root = parsed as Record<string, unknown>;
  if (root.format !== WARMPATH_JSON_FORMAT)
    throw fileError(`is not a warmpath JSON export: "format" must be "${WARMPATH_JSON_FORMAT}"`);
  if (root.version !== WARMPATH_JSON_VERSION) {
    throw fileError(
      `has version ${JSON.stringify(root.version)}; this warmpath reads version ${WARMPATH_JSON_VERSION}`,
    );
  }
  if (typeof root.self !== "string" || root.self === "")
    throw fileError(`"self" must name the exporting owner's person`);
  const self = root.self;
  const people = records(root, "person");
  const organizations = records(root, "organization");
  const personIds = new Set([self, ...people.map((p) => p.fileId)]);
  const orgIds = new Set(organizations.map((o) => o.fileId));
  const refs = <K extends "tie" | "employment" | "membership">(
    kind: K,
    list: FileRecord<K>[],
  ): FileRecord<K>[] => {
    list.forEach((record, i) => {
      for (const ref of SPECS[kind].refs) {
        const id = (record.data as unknown as Record<string, string>)[ref.field]!;
        if (!(ref.kind === "person" ? personIds : orgIds).has(id)) {
          throw fileError(
            `${LISTS[kind]}[${i}].${ref.field}: ${JSON.stringify(id)} names no ${ref.kind} of the file`,
          );
        }
      }
    });
    return list;
  };
  return {
    self,
    people: people.filter((p) => p.fileId !== self),
    organizations,
    ties: refs("tie", records(root, "tie")),
    employments: refs("employment", records(root, "employment")),
    memberships: refs("membership", records(root, "membership")),
  };
}

/** One list of the file, each record validated by its kind's own rules; a missing list is empty. */
function records<K extends GraphKind>(root: Record<string, unknown>, kind: K): FileRecord<K>[] {
  const list = LISTS[kind];
  const value = root[list];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw fileError(`"${list}" must be a list`);
  const seen = new Set<string>();
  return value.map((raw: unknown, i) => {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      throw fileError(`${list}[${i}]: must be an object`);
    const source = raw as Record<string, unknown>;
    if (typeof source.id !== "string" || source.id === "")
      throw fileError(`${list}[${i}].id: must be a non-empty string`);
    if (seen.has(source.id))
      throw fileError(`${list}[${i}].id: ${JSON.stringify(source.id)} appears twice`);
    seen.add(source.id);
    try {
      return {
        fileId: source.id,
        data: SPECS[kind].create(inputOf(kind, source) as never) as Data<K>,
      };
    } catch (error) {
      if (isWarmpathError(error) && error.field !== undefined)
        throw fileError(`${list}[${i}].${error.message}`);
      throw error;
    }
  });
}

/** The caller-controlled fields of a stored record (or of a file record), as an input. */
export function inputOf(kind: GraphKind, source: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name } of SPECS[kind].fields)
    if (name !== "isSelf") out[name] = (source as Record<string, unknown>)[name];
  return out;
}

export function sameData(kind: GraphKind, a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return SPECS[kind].fields.every(
    ({ name }) => JSON.stringify(x[name]) === JSON.stringify(y[name]),
  );
}
