/**
 * `warmpath team ask | requests | answer`: introductions asked of the teammate who knows the
 * target. The requester sees the target only as the team shows them; the teammate asked sees
 * their own contact and, once they accept, the note to send from their own mailbox.
 */
import { badInput } from "../errors.js";
import { asOptionNames, JSON_OPTION, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo } from "./command.js";
import { REMOTE_OPTIONS, remoteQuery, requiredRemoteServer } from "./remote-graphql.js";
import {
  hopPersonSelection,
  teamPersonLabel,
  teamPersonName,
  teamPersonOf,
  type RemoteHopPerson,
  type TeamPerson,
} from "./team-hop-person.js";
import { resolveTeam, resolveTeamMember, type RemoteTeam } from "./team-target.js";
import { enumWord } from "./team-words.js";

const REQUEST = `id status note reason createdAt updatedAt draft
  requester { userId name } member { userId name } target ${hopPersonSelection(true)}`;

const ASK = `mutation Ask($input: AskTeammateInput!) { askTeammate(input: $input) { ${REQUEST} } }`;
const MOVE = `mutation Move($input: MoveTeamRequestInput!) {
  moveTeamIntroRequest(input: $input) { ${REQUEST} }
}`;
const REQUESTS = `query Requests($team: ID!) {
  viewer { id }
  teamIntroRequests(teamId: $team) { ${REQUEST} }
}`;

interface Teammate {
  userId: string;
  name: string;
}

interface Request<P> {
  id: string;
  status: string;
  note: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  draft: string | null;
  requester: Teammate;
  member: Teammate;
  target: P;
}

const readable = (request: Request<RemoteHopPerson>): Request<TeamPerson> => ({
  ...request,
  target: teamPersonOf(request.target),
});

/** How each answer moves a request: the word typed, and the status it sets. */
export const ANSWERS = Object.freeze({
  accept: "ACCEPTED",
  decline: "DECLINED",
  introduced: "INTRODUCED",
  met: "MET",
  withdraw: "WITHDRAWN",
  approve: "PENDING",
} as const);

/** A time to the minute, in UTC, as token-command shows it. */
const when = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** The note to send while it is to be sent (accepted, not yet introduced), indented under what it is. */
function draftLines(request: Request<TeamPerson>): string[] {
  if (request.draft === null || request.status !== "ACCEPTED") return [];
  return [
    `   draft, to send to ${teamPersonName(request.target)} from your own mailbox:`,
    ...request.draft.split("\n").map((line) => (line === "" ? "" : `     ${line}`)),
  ];
}

function requestLines(request: Request<TeamPerson>, viewerId: string): string[] {
  const who = (t: Teammate) => (t.userId === viewerId ? "you" : t.name);
  const moved = request.updatedAt === request.createdAt ? "" : `, moved ${when(request.updatedAt)}`;
  return [
    `${request.id}  ${enumWord(request.status)}  ${who(request.requester)} asked ${who(request.member)} to introduce ${teamPersonLabel(request.target)}`,
    `   asked ${when(request.createdAt)}${moved}`,
    ...(request.note === null ? [] : [`   note: ${request.note}`]),
    ...(request.reason === null ? [] : [`   reason: ${request.reason}`]),
    ...draftLines(request),
  ];
}

const teamOf = (team: RemoteTeam) => ({ id: team.id, name: team.name });

/** `team ask`: asks the teammate who knows a pooled person for an introduction. */
export async function teamAsk(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      ...JSON_OPTION,
      ...REMOTE_OPTIONS,
      via: { type: "string" },
      note: { type: "string" },
    },
  });
  const [teamArg, personId] = positionalArgs(positionals, ["team", "person"]) as [string, string];
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const via =
    values.via === undefined
      ? undefined
      : (await resolveTeamMember(server, team.id, values.via, "--via")).userId;
  const input = {
    teamId: team.id,
    personId,
    ...(via === undefined ? {} : { memberUserId: via }),
    ...(values.note === undefined ? {} : { note: values.note }),
  };
  const { askTeammate } = await remoteQuery<{ askTeammate: Request<RemoteHopPerson> }>(
    server,
    ASK,
    { input },
  ).catch(asOptionNames({ personId: "person", memberUserId: "--via", note: "--note" }));
  const request = readable(askTeammate);
  if (values.json) writeJson(io, { team: teamOf(team), request });
  else
    writeLines(io, [
      `Asked ${request.member.name} to introduce ${teamPersonLabel(request.target)}: request ${request.id}, ${enumWord(request.status)}.`,
    ]);
  return EXIT.ok;
}

/** `team requests`: the requests you made or were asked, and those awaiting your approval. */
export async function teamRequests(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, ...REMOTE_OPTIONS },
  });
  const [teamArg] = positionalArgs(positionals, ["team"]) as [string];
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const { viewer, teamIntroRequests } = await remoteQuery<{
    viewer: { id: string };
    teamIntroRequests: Request<RemoteHopPerson>[];
  }>(server, REQUESTS, { team: team.id });
  const requests = teamIntroRequests.map(readable);
  if (values.json) writeJson(io, { team: teamOf(team), requests });
  else if (requests.length === 0)
    writeLines(io, [`No introduction requests for you in team ${JSON.stringify(team.name)}.`]);
  else
    writeLines(
      io,
      requests.flatMap((r) => requestLines(r, viewer.id)),
    );
  return EXIT.ok;
}

/** `team answer`: moves a request on (accept, decline, introduced, met, withdraw, approve). */
export async function teamAnswer(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, ...REMOTE_OPTIONS, reason: { type: "string" } },
  });
  const [teamArg, id, answer] = positionalArgs(positionals, ["team", "request", "answer"]) as [
    string,
    string,
    string,
  ];
  const key = answer.toLowerCase();
  if (!Object.hasOwn(ANSWERS, key))
    throw badInput(
      "answer",
      `unknown ${JSON.stringify(answer)}; give one of ${Object.keys(ANSWERS).join(", ")}`,
    );
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const input = {
    teamId: team.id,
    id,
    status: ANSWERS[key as keyof typeof ANSWERS],
    ...(values.reason === undefined ? {} : { reason: values.reason }),
  };
  const { moveTeamIntroRequest } = await remoteQuery<{
    moveTeamIntroRequest: Request<RemoteHopPerson>;
  }>(server, MOVE, { input }).catch(
    asOptionNames({ id: "request", status: "answer", reason: "--reason" }),
  );
  const request = readable(moveTeamIntroRequest);
  if (values.json) writeJson(io, { team: teamOf(team), request });
  else
    writeLines(io, [
      `Request ${request.id} is now ${enumWord(request.status)}: ${request.requester.name} asked ${request.member.name} to introduce ${teamPersonLabel(request.target)}.`,
      ...draftLines(request),
    ]);
  return EXIT.ok;
}
