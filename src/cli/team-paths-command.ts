/**
 * `warmpath team paths <team> --to | --org | --text`: the warmest paths through your network and
 * your teammates' shared ones, printed like `warmpath path`, each person shown only as far as the
 * team may see them, with the id to ask a teammate for each of their contacts.
 */
import { ErrorCode, badInput, isWarmpathError } from "../errors.js";
import {
  asOptionNames,
  JSON_OPTION,
  parseCommandArgs,
  positionalArgs,
  wholeNumber,
} from "./cli-args.js";
import { decimal, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo } from "./command.js";
import {
  REMOTE_OPTIONS,
  remoteQuery,
  requiredRemoteServer,
  type RemoteServer,
} from "./remote-graphql.js";
import { resolveRemotePerson } from "./remote-target.js";
import {
  askableId,
  hopPersonSelection,
  teamPersonLabel,
  teamPersonName,
  teamPersonOf,
  type RemoteHopPerson,
  type TeamPerson,
} from "./team-hop-person.js";
import { resolveTeam, type RemoteTeam } from "./team-target.js";

const OPTIONS = {
  ...JSON_OPTION,
  ...REMOTE_OPTIONS,
  to: { type: "string" },
  org: { type: "string" },
  text: { type: "string" },
  hops: { type: "string" },
  k: { type: "string", short: "k" },
} as const;

const WHO = hopPersonSelection();
const HOP = `from ${WHO} to ${WHO} strength band pooled inferred evidence`;
const TEAM_PATHS = `query TeamPaths($team: ID!, $to: TeamTargetInput!, $maxHops: Int, $k: Int) {
  teamIntroPaths(teamId: $team, to: $to, maxHops: $maxHops, k: $k) {
    noPathReason
    paths { warmth label people ${WHO} hops { ${HOP} } weakestLink { ${HOP} } }
  }
}`;

interface Hop<P> {
  from: P;
  to: P;
  strength: number;
  band: string;
  pooled: boolean;
  inferred: boolean;
  evidence: string[];
}

interface Path<P> {
  warmth: number;
  label: string;
  people: P[];
  hops: Hop<P>[];
  weakestLink: Hop<P>;
}

/** What was searched for: one of your people, anyone at a company, or anyone matching a text. */
type Target =
  | { kind: "person"; id: string; name: string }
  | { kind: "organization"; name: string }
  | { kind: "text"; text: string };

/** The target as teamIntroPaths takes it. `--to` is one of your people when it names one, else a text. */
async function targetOf(
  server: RemoteServer,
  values: { to?: string | undefined; org?: string | undefined; text?: string | undefined },
): Promise<Target> {
  const given = [values.to, values.org, values.text].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw badInput("--to", "give exactly one of --to <name>, --org <company> or --text <text>");
  if (values.org !== undefined) return { kind: "organization", name: values.org };
  if (values.text !== undefined) return { kind: "text", text: values.text };
  try {
    const person = await resolveRemotePerson(server, values.to!);
    return { kind: "person", id: person.id, name: person.name };
  } catch (error) {
    // Not one of yours (or several of yours): search the team for the name instead.
    if (
      isWarmpathError(error, ErrorCode.NOT_FOUND) ||
      isWarmpathError(error, ErrorCode.BAD_USER_INPUT)
    )
      return { kind: "text", text: values.to!.trim() };
    throw error;
  }
}

const asInput = (target: Target) =>
  target.kind === "person"
    ? { personId: target.id }
    : target.kind === "organization"
      ? { organizationName: target.name }
      : { text: target.text };

const described = (target: Target): string =>
  target.kind === "person"
    ? target.name
    : target.kind === "organization"
      ? `anyone at ${target.name}`
      : `anyone matching ${JSON.stringify(target.text)}`;

const mapHop = (hop: Hop<RemoteHopPerson>): Hop<TeamPerson> => ({
  ...hop,
  from: teamPersonOf(hop.from),
  to: teamPersonOf(hop.to),
});

/** A hop's ends in a few words, and its strength: the number for your tie, the band for a teammate's. */
function hopLine(hop: Hop<TeamPerson>): string {
  const strength = hop.pooled ? hop.band.toLowerCase() : decimal(hop.strength);
  return `${teamPersonName(hop.from)} -> ${teamPersonName(hop.to)} (${strength})`;
}

function pathLines(paths: Path<TeamPerson>[], team: RemoteTeam): string[] {
  return paths.flatMap((p, i) => [
    `${i + 1}. ${p.label} (${decimal(p.warmth)}): ${p.people.map(teamPersonLabel).join(" -> ")}`,
    ...p.hops.map(
      (h) => `   ${hopLine(h)}${h.evidence.length > 0 ? `: ${h.evidence.join("; ")}` : ""}`,
    ),
    `   weakest link: ${hopLine(p.weakestLink)}`,
    ...p.people.flatMap((person) => {
      const id = askableId(person);
      return id === null
        ? []
        : [`   ask for ${teamPersonName(person)}: warmpath team ask ${team.id} ${id}`];
    }),
    "",
  ]);
}

/** `team paths`: the team's warmest paths to a person, a company or a text. */
export async function teamPaths(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
  const [teamArg] = positionalArgs(positionals, ["team"]) as [string];
  const limits = {
    maxHops: wholeNumber("--hops", values.hops),
    k: wholeNumber("--k", values.k),
  };
  const server = requiredRemoteServer(io, values);
  const team = await resolveTeam(server, teamArg);
  const target = await targetOf(server, values);
  const { teamIntroPaths } = await remoteQuery<{
    teamIntroPaths: { paths: Path<RemoteHopPerson>[]; noPathReason: string | null };
  }>(server, TEAM_PATHS, {
    team: team.id,
    to: asInput(target),
    ...(limits.maxHops === undefined ? {} : { maxHops: limits.maxHops }),
    ...(limits.k === undefined ? {} : { k: limits.k }),
  }).catch(asOptionNames({ maxHops: "--hops", k: "--k", to: "--to" }));
  const paths = teamIntroPaths.paths.map((p): Path<TeamPerson> => ({
    ...p,
    people: p.people.map(teamPersonOf),
    hops: p.hops.map(mapHop),
    weakestLink: mapHop(p.weakestLink),
  }));
  const { noPathReason } = teamIntroPaths;
  if (values.json) {
    writeJson(io, { team: { id: team.id, name: team.name }, target, paths, noPathReason });
    return EXIT.ok;
  }
  const what = `${described(target)} through team ${JSON.stringify(team.name)}`;
  if (paths.length === 0) writeLines(io, [`No path to ${what}. ${noPathReason ?? ""}`.trim()]);
  else
    writeLines(io, [
      `Warmest ${paths.length === 1 ? "path" : `${paths.length} paths`} to ${what}:`,
      "",
      ...pathLines(paths, team),
    ]);
  return EXIT.ok;
}
