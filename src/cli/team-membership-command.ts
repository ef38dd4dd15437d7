/**
 * `warmpath team list | create | invite | join | leave`: the teams you belong to, and coming and
 * going. An invitation's token is printed alone on stdout, like `token create`, so
 * `T=$(warmpath team invite ...)` captures it.
 */
import {
  asOptionNames,
  JSON_OPTION,
  parseCommandArgs,
  positionalArgs,
  wholeNumber,
} from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo } from "./command.js";
import { REMOTE_OPTIONS, remoteQuery, requiredRemoteServer } from "./remote-graphql.js";
import { resolveTeam, TEAM_MEMBER_FIELDS, type RemoteTeamMember } from "./team-target.js";
import { enumValue, enumWord, INVITED_ROLES } from "./team-words.js";

const TEAM_FIELDS = "id name createdAt reciprocity approval";

const TEAMS = `query Teams { teams { team { ${TEAM_FIELDS} } member { ${TEAM_MEMBER_FIELDS} } } }`;
const CREATE = `mutation Create($input: CreateTeamInput!) {
  createTeam(input: $input) { team { ${TEAM_FIELDS} } member { ${TEAM_MEMBER_FIELDS} } }
}`;
const INVITE = `mutation Invite($input: InviteToTeamInput!) {
  inviteToTeam(input: $input) { token invitation { id role expiresAt } }
}`;
const JOIN = `mutation Join($token: String!) {
  joinTeam(invitation: $token) { team { ${TEAM_FIELDS} } member { ${TEAM_MEMBER_FIELDS} } }
}`;
const LEAVE = `mutation Leave($input: TeamMemberInput!) { removeTeamMember(input: $input) }`;
const VIEWER = `query Viewer { viewer { id } }`;

interface RemoteTeamRecord {
  id: string;
  name: string;
  createdAt: string;
  reciprocity: boolean;
  approval: boolean;
}

interface Membership {
  team: RemoteTeamRecord;
  member: RemoteTeamMember;
}

function teamLine({ team, member }: Membership): string {
  const rules = [
    team.approval ? "requests need approval" : "",
    team.reciprocity ? "" : "no reciprocity",
  ].filter((s) => s !== "");
  return [
    team.name,
    enumWord(member.role),
    `you share ${enumWord(member.effectiveSharing)}`,
    ...(rules.length === 0 ? [] : [rules.join(", ")]),
    team.id,
  ].join("  |  ");
}

/** `team list`: your teams, your role and what you share with each. */
export async function teamList(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, ...REMOTE_OPTIONS },
  });
  positionalArgs(positionals, []);
  const server = requiredRemoteServer(io, values);
  const { teams } = await remoteQuery<{ teams: Membership[] }>(server, TEAMS);
  if (values.json) writeJson(io, { teams });
  else if (teams.length === 0)
    writeLines(io, [
      "You are in no team yet: `warmpath team create <name>`, or join with a token.",
    ]);
  else writeLines(io, teams.map(teamLine));
  return EXIT.ok;
}

/** `team create`: a new team with you as its owner. */
export async function teamCreate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      ...JSON_OPTION,
      ...REMOTE_OPTIONS,
      approval: { type: "boolean" },
      "no-reciprocity": { type: "boolean" },
    },
  });
  const [name] = positionalArgs(positionals, ["name"]) as [string];
  const server = requiredRemoteServer(io, values);
  const input = {
    name,
    approval: values.approval === true,
    reciprocity: values["no-reciprocity"] !== true,
  };
  const { createTeam } = await remoteQuery<{ createTeam: Membership }>(server, CREATE, {
    input,
  }).catch(asOptionNames({ name: "name" }));
  if (values.json) writeJson(io, createTeam);
  else
    writeLines(io, [
      `Created team ${JSON.stringify(createTeam.team.name)} (${createTeam.team.id}); you are its owner.`,
      teamLine(createTeam),
      `Invite someone with: warmpath team invite ${createTeam.team.id}`,
    ]);
  return EXIT.ok;
}

/** `team invite`: an invitation's token, alone on stdout; what it is, on stderr. */
export async function teamInvite(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      ...JSON_OPTION,
      ...REMOTE_OPTIONS,
      role: { type: "string" },
      days: { type: "string" },
    },
  });
  const [teamArg] = positionalArgs(positionals, ["team"]) as [string];
  const role =
    values.role === undefined ? undefined : enumValue("--role", values.role, INVITED_ROLES);
  const days = wholeNumber("--days", values.days);
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const input = {
    teamId: team.id,
    ...(role === undefined ? {} : { role }),
    ...(days === undefined ? {} : { expiresInDays: days }),
  };
  const { inviteToTeam } = await remoteQuery<{
    inviteToTeam: { token: string; invitation: { id: string; role: string; expiresAt: string } };
  }>(server, INVITE, { input }).catch(asOptionNames({ role: "--role", expiresInDays: "--days" }));
  const { token, invitation } = inviteToTeam;
  io.stderr.write(
    `Invitation to ${JSON.stringify(team.name)} as ${enumWord(invitation.role)}, shown this once; ` +
      `it works once, until ${invitation.expiresAt.slice(0, 16).replace("T", " ")} UTC. ` +
      `They join with: warmpath team join <token>\n`,
  );
  if (values.json) writeJson(io, { team: { id: team.id, name: team.name }, token, invitation });
  else io.stdout.write(`${token}\n`);
  return EXIT.ok;
}

/** `team join`: joins with an invitation's token, sharing nothing until you choose to. */
export async function teamJoin(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, ...REMOTE_OPTIONS },
  });
  const [token] = positionalArgs(positionals, ["token"]) as [string];
  const server = requiredRemoteServer(io, values);
  const { joinTeam } = await remoteQuery<{ joinTeam: Membership }>(server, JOIN, {
    token,
  }).catch(asOptionNames({ invitation: "token" }));
  if (values.json) writeJson(io, joinTeam);
  else
    writeLines(io, [
      `Joined ${JSON.stringify(joinTeam.team.name)} (${joinTeam.team.id}) as ${enumWord(joinTeam.member.role)}.`,
      `You share nothing until you choose to: warmpath team share ${joinTeam.team.id} company|full`,
    ]);
  return EXIT.ok;
}

/** `team leave`: removes you from the team. */
export async function teamLeave(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, ...REMOTE_OPTIONS },
  });
  const [teamArg] = positionalArgs(positionals, ["team"]) as [string];
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const { viewer } = await remoteQuery<{ viewer: { id: string } }>(server, VIEWER);
  await remoteQuery(server, LEAVE, { input: { teamId: team.id, userId: viewer.id } });
  if (values.json) writeJson(io, { team: { id: team.id, name: team.name }, left: true });
  else writeLines(io, [`You left ${JSON.stringify(team.name)}: it no longer uses your network.`]);
  return EXIT.ok;
}
