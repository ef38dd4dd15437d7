/**
 * `warmpath path --to <person>` and `path --org <organization>`: the warmest
 * introduction paths, ranked, each hop with its strength and evidence, and the
 * weakest link; or, plainly, why there is none. With --server (or WARMPATH_SERVER) the same
 * answer comes from a warmpath server's GraphQL API instead of the store.
 */
import { badInput } from "../errors.js";
import {
  asOptionNames,
  JSON_OPTION,
  parseCommandArgs,
  positionalArgs,
  wholeNumber,
} from "./cli-args.js";
import { decimal, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { peopleById, roleLine } from "./people-names.js";
import { REMOTE_OPTIONS, remoteQuery, remoteServer, type RemoteServer } from "./remote-graphql.js";
import {
  remoteEmployers,
  resolveRemoteOrganization,
  resolveRemotePerson,
  type RemoteJob,
} from "./remote-target.js";
import { resolveOrganization, resolvePerson } from "./resolve-target.js";
import { withStore, type CliStore } from "./with-store.js";
import {
  WARMEST_PATHS_DEFAULTS,
  currentEmployers,
  findIntroPaths,
  type IntroHop,
  type IntroPath,
  type Person,
} from "../graph/index.js";

const HELP = `Usage: warmpath path --to <name | e-mail | profile URL> [options]
       warmpath path --org <organization name> [options]

The warmest chains of people who can introduce you, best first, preferring
different first introducers. A path's warmth is the product of its ties'
strengths (0-1); each hop shows its strength and the evidence behind it.

Options:
  --to <person>      a name (or part of one), an e-mail or a profile URL
  --org <name>       anyone currently at this organization
  --max-hops <n>     at most this many ties per path (default ${WARMEST_PATHS_DEFAULTS.maxHops})
  --k <n>            how many paths (default ${WARMEST_PATHS_DEFAULTS.k})
  --json             print { target, paths: [{ warmth, label, people, hops, weakestLink }], noPathReason }
  --server <URL>     ask this warmpath server instead of the store (or WARMPATH_SERVER)
  --token <token>    the API token for --server, with paths:read and contacts:read
                     (better WARMPATH_TOKEN: an option shows in the process list)
`;

const OPTIONS = {
  ...JSON_OPTION,
  ...REMOTE_OPTIONS,
  to: { type: "string" },
  org: { type: "string" },
  "max-hops": { type: "string" },
  k: { type: "string" },
} as const;

type Named = { id: string; name: string };

const pick = (record: Named): Named => ({ id: record.id, name: record.name });

/** A path with names instead of bare ids, as both outputs show it. */
function describePath(path: IntroPath, people: Map<string, Person>) {
  const named = (id: string): Named => ({ id, name: people.get(id)?.name ?? id });
  const hop = (h: IntroHop) => ({
    from: named(h.from),
    to: named(h.to),
    strength: h.strength,
    inferred: h.inferred,
    evidence: h.evidence,
  });
  return {
    warmth: path.warmth,
    label: path.label,
    people: path.people.map(named),
    hops: path.hops.map(hop),
    weakestLink: hop(path.weakestLink),
  };
}

type DescribedPath = ReturnType<typeof describePath>;

function pathLines(paths: DescribedPath[], titles: Map<string, string>): string[] {
  return paths.flatMap((p, i) => {
    const target = p.people.at(-1)!;
    const role = titles.get(target.id);
    return [
      `${i + 1}. ${p.label} (${decimal(p.warmth)}): ${p.people.map((x) => x.name).join(" -> ")}${role ? `  [${target.name}: ${role}]` : ""}`,
      ...p.hops.map(
        (h) =>
          `   ${h.from.name} -> ${h.to.name} (${decimal(h.strength)})${h.evidence.length > 0 ? `: ${h.evidence.join("; ")}` : ""}`,
      ),
      `   weakest link: ${p.weakestLink.from.name} -> ${p.weakestLink.to.name} (${decimal(p.weakestLink.strength)})`,
      "",
    ];
  });
}

/** What the command was asked: exactly one of `to` and `org`, and the limits. */
interface PathRequest {
  to: string | undefined;
  org: string | undefined;
  maxHops: number | undefined;
  k: number | undefined;
}

type Target = Named & { kind: "person" | "organization" };

/** What both outputs print, from the store or from a server. */
interface PathsFound {
  target: Target;
  paths: DescribedPath[];
  noPathReason: string | null;
  /** For an organization: the role of the person each path reaches there. */
  titles: Map<string, string>;
}

const LIMIT_OPTIONS = asOptionNames({ maxHops: "--max-hops", k: "--k" });

/** The limits as findIntroPaths and introPaths take them: absent ones keep their defaults. */
const limitsOf = (request: PathRequest) => ({
  ...(request.maxHops === undefined ? {} : { maxHops: request.maxHops }),
  ...(request.k === undefined ? {} : { k: request.k }),
});

async function localPaths(context: CliStore, request: PathRequest): Promise<PathsFound> {
  const { store, ownerId } = context;
  const target: Target =
    request.to !== undefined
      ? { kind: "person", ...pick(await resolvePerson(context, request.to)) }
      : { kind: "organization", ...pick(await resolveOrganization(context, request.org!)) };
  const to = target.kind === "person" ? { personId: target.id } : { organizationId: target.id };
  const result = await findIntroPaths(store, ownerId, to, limitsOf(request)).catch(LIMIT_OPTIONS);
  const people = await peopleById(
    store,
    ownerId,
    result.paths.flatMap((p) => p.people),
  );
  // For an organization, say who at it each path reaches and in what role.
  const ends =
    target.kind === "organization" ? [...new Set(result.paths.map((p) => p.people.at(-1)!))] : [];
  const employers = await currentEmployers(store, ownerId, ends);
  const titles = new Map(
    ends.map((id) => [id, roleLine(people.get(id)?.title ?? null, employers.get(id) ?? [])]),
  );
  return {
    target,
    paths: result.paths.map((p) => describePath(p, people)),
    noPathReason: result.noPathReason,
    titles,
  };
}

const REMOTE_HOP = "from { id name } to { id name } strength inferred evidence";
const INTRO_PATHS = `query Paths($to: IntroTargetInput!, $maxHops: Int, $k: Int) {
  introPaths(to: $to, maxHops: $maxHops, k: $k) {
    noPathReason
    paths {
      warmth
      label
      people { id name title employment { current from organization { name } } }
      hops { ${REMOTE_HOP} }
      weakestLink { ${REMOTE_HOP} }
    }
  }
}`;

type RemotePathPerson = Named & { title: string | null; employment: RemoteJob[] };
type RemotePath = Omit<DescribedPath, "people"> & { people: RemotePathPerson[] };

/** The same answer as localPaths, from a server: the target resolved there, then introPaths. */
async function remotePaths(server: RemoteServer, request: PathRequest): Promise<PathsFound> {
  const target: Target =
    request.to !== undefined
      ? { kind: "person", ...pick(await resolveRemotePerson(server, request.to)) }
      : { kind: "organization", ...pick(await resolveRemoteOrganization(server, request.org!)) };
  const to = target.kind === "person" ? { personId: target.id } : { organizationId: target.id };
  const { introPaths } = await remoteQuery<{
    introPaths: { paths: RemotePath[]; noPathReason: string | null };
  }>(server, INTRO_PATHS, { to, ...limitsOf(request) }).catch(LIMIT_OPTIONS);
  const ends = target.kind === "organization" ? introPaths.paths.map((p) => p.people.at(-1)!) : [];
  return {
    target,
    paths: introPaths.paths.map((p) => ({ ...p, people: p.people.map(pick) })),
    noPathReason: introPaths.noPathReason,
    titles: new Map(ends.map((p) => [p.id, roleLine(p.title, remoteEmployers(p.employment))])),
  };
}

function printPaths(io: CliIo, found: PathsFound, json: boolean): void {
  const { target, paths, noPathReason, titles } = found;
  if (json) return writeJson(io, { target, paths, noPathReason });
  const what = target.kind === "person" ? target.name : `anyone at ${target.name}`;
  if (paths.length === 0)
    return writeLines(io, [`No path to ${what}. ${noPathReason ?? ""}`.trim()]);
  writeLines(io, [
    `Warmest ${paths.length === 1 ? "path" : `${paths.length} paths`} to ${what}:`,
    "",
    ...pathLines(paths, titles),
  ]);
}

/** The ranked introduction paths to a person or an organization, from the store or a server. */
export const pathCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
    positionalArgs(positionals, []);
    if ((values.to === undefined) === (values.org === undefined))
      throw badInput("--to", "give exactly one of --to <person> or --org <organization>");
    const request: PathRequest = {
      to: values.to,
      org: values.org,
      maxHops: wholeNumber("--max-hops", values["max-hops"]),
      k: wholeNumber("--k", values.k),
    };
    const server = remoteServer(io, values);
    const found =
      server === null
        ? await withStore(io, (context) => localPaths(context, request))
        : await remotePaths(server, request);
    printPaths(io, found, values.json === true);
    return EXIT.ok;
  },
};
