/**
 * What a person types for a team or a teammate, as the one record it names: an id, or an exact
 * name (then the same name ignoring case). None is NOT_FOUND; several are BAD_USER_INPUT listing
 * them with their ids, the way resolvePerson (src/graph/search) does for people.
 */
import { badInput, notFound } from "../errors.js";
import { nameKey, ambiguous } from "../graph/index.js";
import { remoteQuery, type RemoteServer } from "./remote-graphql.js";

/** A team as the commands use it: its id and name, and the caller's role in it. */
export interface RemoteTeam {
  id: string;
  name: string;
  role: string;
}

/** A member as `team members` lists them. */
export interface RemoteTeamMember {
  userId: string;
  name: string;
  role: string;
  sharing: string;
  sharingCap: string;
  effectiveSharing: string;
  joinedAt: string;
}

export const TEAM_MEMBER_FIELDS = "userId name role sharing sharingCap effectiveSharing joinedAt";

const TEAMS = `query Teams { teams { team { id name } member { role } } }`;
const MEMBERS = `query Members($team: ID!) { teamMembers(teamId: $team) { ${TEAM_MEMBER_FIELDS} } }`;

/** The one item `query` names among `items`: by id, else by exact name, else by name ignoring case. */
function choose<T>(
  items: readonly T[],
  query: string,
  idOf: (item: T) => string,
  nameOf: (item: T) => string,
  kind: string,
  option: string,
): T {
  const q = query.trim();
  if (q === "") throw badInput(option, "must not be empty");
  const byId = items.find((item) => idOf(item) === q);
  if (byId !== undefined) return byId;
  const exact = items.filter((item) => nameOf(item) === q);
  const matches =
    exact.length > 0 ? exact : items.filter((item) => nameKey(nameOf(item)) === nameKey(q));
  if (matches.length === 0) throw notFound(kind, q, option);
  if (matches.length > 1)
    throw ambiguous(
      option,
      q,
      matches.map((item) => `${nameOf(item)} (${idOf(item)})`),
      "Give the id instead.",
    );
  return matches[0]!;
}

/** The team of yours that `query` names, by id or name; NOT_FOUND when you are in none such. */
export async function resolveTeam(
  server: RemoteServer,
  query: string,
  option = "team",
): Promise<RemoteTeam> {
  const { teams } = await remoteQuery<{
    teams: { team: { id: string; name: string }; member: { role: string } }[];
  }>(server, TEAMS);
  const found = choose(
    teams,
    query,
    (t) => t.team.id,
    (t) => t.team.name,
    "team",
    option,
  );
  return { id: found.team.id, name: found.team.name, role: found.member.role };
}

/** The team's members, in the order the server gives them. */
export async function teamMembers(server: RemoteServer, teamId: string) {
  return (await remoteQuery<{ teamMembers: RemoteTeamMember[] }>(server, MEMBERS, { team: teamId }))
    .teamMembers;
}

/** The member of the team that `query` names, by user id or by name. */
export async function resolveTeamMember(
  server: RemoteServer,
  teamId: string,
  query: string,
  option = "user",
): Promise<RemoteTeamMember> {
  return choose(
    await teamMembers(server, teamId),
    query,
    (m) => m.userId,
    (m) => m.name,
    "team member",
    option,
  );
}
