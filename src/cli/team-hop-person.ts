/**
 * A person on a team path or request (the schema's HopPerson union) as the command line reads and
 * shows them: one of your own people by name, a teammate as "your teammate Bea", a teammate's
 * contact as "Lena Fischer (VP Engineering, Contoso) — via Bea, strong", and one shared
 * company-only as "someone at Contoso, via Bea". Only what the union carries can be shown, so a
 * teammate's contact's e-mail or phone never reaches the terminal.
 */

/** The GraphQL selection of a HopPerson; own people's e-mails only where `emails` is asked for. */
export const hopPersonSelection = (emails = false): string => `{
  __typename
  ... on Person { id name${emails ? " emails" : ""} }
  ... on Teammate { userId name }
  ... on PooledPerson { id name title company band via }
  ... on OpaquePerson { id company via }
}`;

/** The union as the server answers it. */
export type RemoteHopPerson =
  | { __typename: "Person"; id: string; name: string; emails?: string[] }
  | { __typename: "Teammate"; userId: string; name: string }
  | {
      __typename: "PooledPerson";
      id: string;
      name: string;
      title: string | null;
      company: string | null;
      band: string;
      via: string[];
    }
  | { __typename: "OpaquePerson"; id: string; company: string | null; via: string[] };

/** The same, as the commands' JSON prints it: `kind` instead of the GraphQL type name. */
export type TeamPerson =
  | { kind: "person"; id: string; name: string; emails?: string[] }
  | { kind: "teammate"; userId: string; name: string }
  | {
      kind: "pooled";
      id: string;
      name: string;
      title: string | null;
      company: string | null;
      band: string;
      via: string[];
    }
  | { kind: "opaque"; id: string; company: string | null; via: string[] };

const KINDS = Object.freeze({
  Person: "person",
  Teammate: "teammate",
  PooledPerson: "pooled",
  OpaquePerson: "opaque",
} as const);

export function teamPersonOf(remote: RemoteHopPerson): TeamPerson {
  const { __typename, ...rest } = remote;
  return { kind: KINDS[__typename], ...rest } as TeamPerson;
}

const via = (names: readonly string[]): string => `via ${names.join(", ")}`;

/** The person as fully as the union allows, for a path's chain and a request's target. */
export function teamPersonLabel(p: TeamPerson): string {
  switch (p.kind) {
    case "person":
      return p.emails?.[0] === undefined ? p.name : `${p.name} <${p.emails[0]}>`;
    case "teammate":
      return `your teammate ${p.name}`;
    case "pooled": {
      const role = [p.title, p.company].filter((s) => s !== null && s !== "").join(", ");
      return `${p.name}${role === "" ? "" : ` (${role})`} — ${via(p.via)}, ${p.band.toLowerCase()}`;
    }
    case "opaque":
      return `someone${p.company === null ? "" : ` at ${p.company}`}, ${via(p.via)}`;
    default:
      return p satisfies never;
  }
}

/** The person in a few words, for a hop's two ends. */
export function teamPersonName(p: TeamPerson): string {
  return p.kind === "opaque" ? `someone${p.company === null ? "" : ` at ${p.company}`}` : p.name;
}

/** The id to ask a teammate for this person by, when it is a teammate's contact; else null. */
export const askableId = (p: TeamPerson): string | null =>
  p.kind === "pooled" || p.kind === "opaque" ? p.id : null;
