/**
 * `warmpath team members | share | cap | role | remove`: who is in a team and what each lets it
 * use. A member is named by user id or by name; what the team uses of a member's network is the
 * stricter of what they share and the cap an owner or admin set.
 */
import { asOptionNames, JSON_OPTION, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo } from "./command.js";
import { REMOTE_OPTIONS, remoteQuery, requiredRemoteServer } from "./remote-graphql.js";
import {
  resolveTeam,
  resolveTeamMember,
  TEAM_MEMBER_FIELDS,
  teamMembers,
  type RemoteTeam,
  type RemoteTeamMember,
} from "./team-target.js";
import { enumValue, enumWord, SHARING_LEVELS, TEAM_ROLES } from "./team-words.js";

const SHARE = `mutation Share($team: ID!, $sharing: SharingLevel!) {
  setTeamSharing(teamId: $team, sharing: $sharing) { ${TEAM_MEMBER_FIELDS} }
}`;
const CAP = `mutation Cap($input: CapSharingInput!) {
  capMemberSharing(input: $input) { ${TEAM_MEMBER_FIELDS} }
}`;
const ROLE = `mutation Role($input: SetRoleInput!) {
  setMemberRole(input: $input) { ${TEAM_MEMBER_FIELDS} }
}`;
const REMOVE = `mutation Remove($input: TeamMemberInput!) { removeTeamMember(input: $input) }`;

const OPTIONS = { ...JSON_OPTION, ...REMOTE_OPTIONS } as const;

/** "shares full", or "shares full, capped at company: the team uses company". */
function sharingText(m: RemoteTeamMember): string {
  const shares = `shares ${enumWord(m.sharing)}`;
  return m.effectiveSharing === m.sharing
    ? shares
    : `${shares}, capped at ${enumWord(m.sharingCap)}: the team uses ${enumWord(m.effectiveSharing)}`;
}

const memberLine = (m: RemoteTeamMember): string =>
  [m.name, enumWord(m.role), sharingText(m), `joined ${m.joinedAt.slice(0, 10)}`, m.userId].join(
    "  |  ",
  );

const teamOf = (team: RemoteTeam) => ({ id: team.id, name: team.name });

/** Prints one member after a change: the line for people, `{ team, member }` for scripts. */
function printMember(
  io: CliIo,
  json: boolean | undefined,
  team: RemoteTeam,
  member: RemoteTeamMember,
  said: string,
): number {
  if (json) writeJson(io, { team: teamOf(team), member });
  else writeLines(io, [said, memberLine(member)]);
  return EXIT.ok;
}

/** `team members`: the members, their roles and what they share (never their networks). */
export async function teamMembersList(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
  const [teamArg] = positionalArgs(positionals, ["team"]) as [string];
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const members = await teamMembers(server, team.id);
  if (values.json) writeJson(io, { team: teamOf(team), members });
  else writeLines(io, members.map(memberLine));
  return EXIT.ok;
}

/** `team share`: how much of your network the team may use, from its next search. */
export async function teamShare(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
  const [teamArg, level] = positionalArgs(positionals, ["team", "level"]) as [string, string];
  const sharing = enumValue("level", level, SHARING_LEVELS);
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const { setTeamSharing: member } = await remoteQuery<{ setTeamSharing: RemoteTeamMember }>(
    server,
    SHARE,
    { team: team.id, sharing },
  );
  return printMember(
    io,
    values.json,
    team,
    member,
    `You share ${enumWord(sharing)} with ${JSON.stringify(team.name)}, from its next search.`,
  );
}

/** `team cap`: the most a member may share (owners, admins); never wider than they chose. */
export async function teamCap(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
  const [teamArg, userArg, level] = positionalArgs(positionals, ["team", "user", "level"]) as [
    string,
    string,
    string,
  ];
  const cap = enumValue("level", level, SHARING_LEVELS);
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const { userId, name } = await resolveTeamMember(server, team.id, userArg);
  const { capMemberSharing: member } = await remoteQuery<{ capMemberSharing: RemoteTeamMember }>(
    server,
    CAP,
    { input: { teamId: team.id, userId, cap } },
  ).catch(asOptionNames({ userId: "user", cap: "level" }));
  return printMember(
    io,
    values.json,
    team,
    member,
    `${name}'s sharing with ${JSON.stringify(team.name)} is capped at ${enumWord(cap)}.`,
  );
}

/** `team role`: a member's role (owners, admins). */
export async function teamRole(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
  const [teamArg, userArg, roleArg] = positionalArgs(positionals, ["team", "user", "role"]) as [
    string,
    string,
    string,
  ];
  const role = enumValue("role", roleArg, TEAM_ROLES);
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const { userId, name } = await resolveTeamMember(server, team.id, userArg);
  const { setMemberRole: member } = await remoteQuery<{ setMemberRole: RemoteTeamMember }>(
    server,
    ROLE,
    { input: { teamId: team.id, userId, role } },
  ).catch(asOptionNames({ userId: "user", role: "role" }));
  return printMember(
    io,
    values.json,
    team,
    member,
    `${name} is now ${enumWord(role)} of ${JSON.stringify(team.name)}.`,
  );
}

/** `team remove`: takes a member out of the team (owners, admins). */
export async function teamRemove(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
  const [teamArg, userArg] = positionalArgs(positionals, ["team", "user"]) as [string, string];
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const { userId, name } = await resolveTeamMember(server, team.id, userArg);
  await remoteQuery(server, REMOVE, { input: { teamId: team.id, userId } }).catch(
    asOptionNames({ userId: "user" }),
  );
  if (values.json) writeJson(io, { team: teamOf(team), removed: { userId, name } });
  else writeLines(io, [`Removed ${name} from ${JSON.stringify(team.name)}.`]);
  return EXIT.ok;
}
