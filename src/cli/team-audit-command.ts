/**
 * `warmpath team audit <team>`: the pooled searches and requests that used your ties or were
 * yours (owners and admins: all of them), newest first as the server gives them, with the
 * members' names in place of their ids.
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
import { resolveTeam } from "./team-target.js";

const AUDIT = `query Audit($team: ID!, $first: Int) {
  teamAudit(teamId: $team, first: $first) { id at kind actorUserId memberUserIds summary }
  teamMembers(teamId: $team) { userId name }
}`;

interface AuditEntry {
  id: string;
  at: string;
  kind: "POOLED_SEARCH" | "INTRO_REQUEST";
  actorUserId: string;
  memberUserIds: string[];
  summary: string;
}

const KIND_WORDS = Object.freeze({ POOLED_SEARCH: "search ", INTRO_REQUEST: "request" });

/** `team audit`: who searched or asked through whose ties, and when. */
export async function teamAudit(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, ...REMOTE_OPTIONS, first: { type: "string" } },
  });
  const [teamArg] = positionalArgs(positionals, ["team"]) as [string];
  const first = wholeNumber("--first", values.first);
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const { teamAudit: entries, teamMembers } = await remoteQuery<{
    teamAudit: AuditEntry[];
    teamMembers: { userId: string; name: string }[];
  }>(server, AUDIT, { team: team.id, ...(first === undefined ? {} : { first }) }).catch(
    asOptionNames({ first: "--first" }),
  );
  if (values.json) {
    writeJson(io, { team: { id: team.id, name: team.name }, entries });
    return EXIT.ok;
  }
  if (entries.length === 0) {
    writeLines(io, [`Nothing in the audit log of team ${JSON.stringify(team.name)} for you yet.`]);
    return EXIT.ok;
  }
  // A member who left is no longer listed: their id stands in for their name.
  const names = new Map(teamMembers.map((m) => [m.userId, m.name]));
  const name = (id: string) => names.get(id) ?? id;
  writeLines(
    io,
    entries.map((e) => {
      const ties =
        e.memberUserIds.length === 0 ? "" : `  (ties of ${e.memberUserIds.map(name).join(", ")})`;
      return `${e.at.slice(0, 16).replace("T", " ")} UTC  ${KIND_WORDS[e.kind]}  ${name(e.actorUserId)}: ${e.summary}${ties}`;
    }),
  );
  return EXIT.ok;
}
