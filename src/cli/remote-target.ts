/**
 * What resolvePerson (src/graph/search) does on the store, done through a server's GraphQL
 * API: the one person or organization a typed target names, by the same rules (an e-mail, a profile URL or a name;
 * exact matches win; a unique partial name match is taken; several are an error listing them).
 * The API has no lookup by e-mail or profile URL, so those two read the people page by page.
 */
import { badInput } from "../errors.js";
import { remoteList, remoteQuery, type RemotePage, type RemoteServer } from "./remote-graphql.js";
import {
  bestNameMatches,
  ambiguous,
  chooseOrganization,
  lookupOf,
  matchLabel,
  nobodyNamed,
} from "../graph/index.js";

export interface RemotePerson {
  id: string;
  name: string;
  emails: string[];
  profileUrl: string | null;
  title: string | null;
}

export interface RemoteOrganization {
  id: string;
  name: string;
}

/** A job as a person's `employment` field gives it, for the names of current employers. */
export interface RemoteJob {
  current: boolean;
  from: string | null;
  organization: { name: string };
}

const PEOPLE = `query Targets($filter: PersonFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) {
    edges { node { id name emails profileUrl title } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ORGANIZATIONS = `query Targets($filter: OrganizationFilter, $first: Int, $after: String) {
  organizations(filter: $filter, first: $first, after: $after) {
    edges { node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const people = (server: RemoteServer, text: string | null) =>
  remoteList<RemotePerson, { people: RemotePage<RemotePerson> }>(
    server,
    PEOPLE,
    { filter: text === null ? null : { text } },
    (data) => data.people,
  );

/** A profile URL without what its stored spelling drops (scheme, www., case, query, trailing slash). */
const profileKey = (url: string): string =>
  url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[?#].*$/s, "")
    .replace(/\/+$/, "");

async function matchingPeople(server: RemoteServer, query: string): Promise<RemotePerson[]> {
  const lookup = lookupOf(query);
  if ("email" in lookup) {
    const address = query.toLowerCase();
    return (await people(server, null)).filter((p) => p.emails.includes(address));
  }
  if ("profileUrl" in lookup) {
    const key = profileKey(query);
    return (await people(server, null)).filter(
      (p) => p.profileUrl !== null && profileKey(p.profileUrl) === key,
    );
  }
  return bestNameMatches(await people(server, query), query);
}

/** The one person `query` names; NOT_FOUND when nobody, BAD_USER_INPUT listing them when several. */
export async function resolveRemotePerson(
  server: RemoteServer,
  query: string,
  option = "--to",
): Promise<RemotePerson> {
  const q = query.trim();
  if (q === "") throw badInput(option, "must not be empty");
  const matches = await matchingPeople(server, q);
  if (matches.length === 0) {
    const { people: all } = await remoteQuery<{ people: { totalCount: number } }>(
      server,
      "{ people(first: 0) { totalCount } }",
    );
    throw nobodyNamed("person", option, q, `the warmpath server at ${server.url}`, all.totalCount);
  }
  if (matches.length > 1)
    throw ambiguous(option, q, matches.map(matchLabel), "Give an e-mail or profile URL instead.");
  return matches[0]!;
}

/** The one organization `query` names, by its name ignoring case (exact first, then a unique partial match). */
export async function resolveRemoteOrganization(
  server: RemoteServer,
  query: string,
  option = "--org",
): Promise<RemoteOrganization> {
  const q = query.trim();
  if (q === "") throw badInput(option, "must not be empty");
  const found = await remoteList<
    RemoteOrganization,
    { organizations: RemotePage<RemoteOrganization> }
  >(server, ORGANIZATIONS, { filter: { text: q } }, (data) => data.organizations);
  return chooseOrganization(found, q, option, `the warmpath server at ${server.url}`);
}

/** The names of a person's current employers, the one started last first, as currentEmployers gives them. */
export function remoteEmployers(jobs: readonly RemoteJob[]): string[] {
  const current = jobs
    .filter((job) => job.current)
    .sort((a, b) =>
      (b.from ?? "") < (a.from ?? "") ? -1 : (b.from ?? "") > (a.from ?? "") ? 1 : 0,
    );
  return [...new Set(current.map((job) => job.organization.name))];
}
