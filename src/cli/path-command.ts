/**
 * `warmpath path --to <person>` and `path --org <organization>`: the warmest
 * introduction paths, ranked, each hop with its strength and evidence, and the
 * weakest link; or, plainly, why there is none. With --server (or WARMPATH_SERVER) the same
 * answer comes from a warmpath server's GraphQL API instead of the store.
 */
import { badInput } from "../errors.js";
import {
  asOptionNames,
  commaList,
  JSON_OPTION,
  parseCommandArgs,
  positionalArgs,
  wholeNumber,
} from "./cli-args.js";
import { decimal, wrapLine, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { REMOTE_OPTIONS, remoteQuery, remoteServer, type RemoteServer } from "./remote-graphql.js";
import {
  remoteEmployers,
  resolveRemoteOrganization,
  resolveRemotePerson,
  type RemoteJob,
} from "./remote-target.js";
import { labelPainter } from "./warmth-colors.js";
import { withStore } from "./with-store.js";
import {
  WARMEST_PATHS_DEFAULTS,
  currentEmployers,
  findIntroPaths,
  type IntroHop,
  type IntroPath,
  type Person,
  peopleById,
  roleLine,
  resolveOrganization,
  resolvePerson,
  type SearchedStore,
} from "../graph/index.js";

const HELP = `Usage: warmpath path --to <name | e-mail | profile URL> [options]
       warmpath path --org <organization name> [options]
       warmpath path --role "<role> [at <organization>]" [options]

The warmest chains of people who can introduce you, best first, preferring
different first introducers. A path's warmth is the product of its ties'
strengths (0-1); each hop shows its strength and the evidence behind it.

Options:
  --to <person>      a name (or part of one), an e-mail or a profile URL
  --org <name>       anyone currently at this organization
  --role <role>      anyone whose title (or name) has the role, at the
                     organization if given: "recruiter at Fabrikam", "CFO"
  --exclude <people> people not to go through (names, e-mails; comma-separated
                     or repeated)
  --min-warmth <w>   only paths at least this warm, 0-1 (0.5 is "warm")
  --max-hops <n>     at most this many ties per path (default ${WARMEST_PATHS_DEFAULTS.maxHops})
  --k <n>            how many paths (default ${WARMEST_PATHS_DEFAULTS.k})
  --json             print { target, paths: [{ warmth, label, people, hops,
                     weakestLink }], noPathReason }
  --server <URL>     ask this warmpath server instead (or WARMPATH_SERVER)
  --token <token>    the API token for --server (paths:read, contacts:read)
                     (better WARMPATH_TOKEN: options show in the process list)
  --db FILE          the SQLite file to use (instead of WARMPATH_DB)

Warmth labels are in colour on a terminal; NO_COLOR=1 turns that off.
`;

const OPTIONS = {
  ...JSON_OPTION,
  ...REMOTE_OPTIONS,
  to: { type: "string" },
  org: { type: "string" },
  role: { type: "string" },
  exclude: { type: "string", multiple: true },
  "min-warmth": { type: "string" },
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

/** The paths as lines of at most 80 columns, the label painted after wrapping (colour codes take no columns). */
function pathLines(
  paths: DescribedPath[],
  titles: Map<string, string>,
  paint: (label: string) => string,
): string[] {
  return paths.flatMap((p, i) => {
    const target = p.people.at(-1)!;
    const role = titles.get(target.id);
    const number = `${i + 1}. `;
    const [head, ...more] = wrapLine(
      `${number}${p.label} (${decimal(p.warmth)}): ${p.people.map((x) => x.name).join(" -> ")}${role ? `  [${target.name}: ${role}]` : ""}`,
      "     ",
    );
    return [
      number + paint(p.label) + head!.slice(number.length + p.label.length),
      ...more,
      ...p.hops.flatMap((h) =>
        wrapLine(
          `   ${h.from.name} -> ${h.to.name} (${decimal(h.strength)})${h.evidence.length > 0 ? `: ${h.evidence.join("; ")}` : ""}`,
          "       ",
        ),
      ),
      ...wrapLine(
        `   weakest link: ${p.weakestLink.from.name} -> ${p.weakestLink.to.name} (${decimal(p.weakestLink.strength)})`,
        "       ",
      ),
      "",
    ];
  });
}

/** What the command was asked: exactly one of `to`, `org` and `role`, and the limits. */
interface PathRequest {
  to: string | undefined;
  org: string | undefined;
  role: { text: string; org: string | undefined } | undefined;
  exclude: string[];
  minWarmth: number | undefined;
  maxHops: number | undefined;
  k: number | undefined;
}

type Target = Named & { kind: "person" | "organization" | "role" };

/** What both outputs print, from the store or from a server. */
interface PathsFound {
  target: Target;
  paths: DescribedPath[];
  noPathReason: string | null;
  /** For an organization: the role of the person each path reaches there. */
  titles: Map<string, string>;
}

const LIMIT_OPTIONS = asOptionNames({
  maxHops: "--max-hops",
  k: "--k",
  minWarmth: "--min-warmth",
  exclude: "--exclude",
});

/** The limits as findIntroPaths and introPaths take them: absent ones keep their defaults. */
const limitsOf = (request: PathRequest, exclude: string[]) => ({
  ...(request.maxHops === undefined ? {} : { maxHops: request.maxHops }),
  ...(request.k === undefined ? {} : { k: request.k }),
  ...(request.minWarmth === undefined ? {} : { minWarmth: request.minWarmth }),
  ...(exclude.length === 0 ? {} : { exclude }),
});

/** "recruiter at Fabrikam": the role, and the organization after the last " at ". */
function roleOf(typed: string | undefined): PathRequest["role"] {
  if (typed === undefined) return undefined;
  const match = /^(.*\S)\s+at\s+(\S.*)$/i.exec(typed.trim());
  const text = (match ? match[1]! : typed).trim();
  if (text === "") throw badInput("--role", 'must name a role: "recruiter at Fabrikam"');
  return { text, org: match?.[2]?.trim() };
}

/** A number from 0 to 1 typed as an option value. */
function warmthOf(typed: string | undefined): number | undefined {
  if (typed === undefined) return undefined;
  const value = Number(typed);
  if (typed.trim() === "" || !(value >= 0 && value <= 1))
    throw badInput("--min-warmth", `must be a number from 0 to 1, not ${JSON.stringify(typed)}`);
  return value;
}

/** The target of a `--role` search, as introPaths takes it, and how to name it. */
const roleTarget = (text: string, org: Named | null): Target => ({
  kind: "role",
  id: org?.id ?? "",
  name: org === null ? text : `${text} at ${org.name}`,
});

async function localPaths(context: SearchedStore, request: PathRequest): Promise<PathsFound> {
  const { store, ownerId } = context;
  const exclude: string[] = [];
  for (const typed of request.exclude)
    exclude.push((await resolvePerson(context, typed, "--exclude")).id);
  let target: Target;
  let to;
  if (request.to !== undefined) {
    target = { kind: "person", ...pick(await resolvePerson(context, request.to)) };
    to = { personId: target.id };
  } else if (request.org !== undefined) {
    target = { kind: "organization", ...pick(await resolveOrganization(context, request.org)) };
    to = { organizationId: target.id };
  } else {
    const { text, org } = request.role!;
    const at = org === undefined ? null : pick(await resolveOrganization(context, org, "--role"));
    target = roleTarget(text, at);
    to = { filter: { text, ...(at === null ? {} : { organizationId: at.id }) } };
  }
  const result = await findIntroPaths(store, ownerId, to, limitsOf(request, exclude)).catch(
    LIMIT_OPTIONS,
  );
  const people = await peopleById(
    store,
    ownerId,
    result.paths.flatMap((p) => p.people),
  );
  // For an organization or a role, say who each path reaches and in what role.
  const ends =
    target.kind !== "person" ? [...new Set(result.paths.map((p) => p.people.at(-1)!))] : [];
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
const INTRO_PATHS = `query Paths($to: IntroTargetInput!, $maxHops: Int, $k: Int, $minWarmth: Float, $exclude: [ID!]) {
  introPaths(to: $to, maxHops: $maxHops, k: $k, minWarmth: $minWarmth, exclude: $exclude) {
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
  const exclude: string[] = [];
  for (const typed of request.exclude)
    exclude.push((await resolveRemotePerson(server, typed, "--exclude")).id);
  let target: Target;
  let to;
  if (request.to !== undefined) {
    target = { kind: "person", ...pick(await resolveRemotePerson(server, request.to)) };
    to = { personId: target.id };
  } else if (request.org !== undefined) {
    target = {
      kind: "organization",
      ...pick(await resolveRemoteOrganization(server, request.org)),
    };
    to = { organizationId: target.id };
  } else {
    const { text, org } = request.role!;
    const at =
      org === undefined ? null : pick(await resolveRemoteOrganization(server, org, "--role"));
    target = roleTarget(text, at);
    to = { filter: { text, ...(at === null ? {} : { organizationId: at.id }) } };
  }
  const { introPaths } = await remoteQuery<{
    introPaths: { paths: RemotePath[]; noPathReason: string | null };
  }>(server, INTRO_PATHS, { to, ...limitsOf(request, exclude) }).catch(LIMIT_OPTIONS);
  const ends = target.kind !== "person" ? introPaths.paths.map((p) => p.people.at(-1)!) : [];
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
  const what =
    target.kind === "person"
      ? target.name
      : target.kind === "organization"
        ? `anyone at ${target.name}`
        : `a ${target.name}`;
  if (paths.length === 0)
    return writeLines(io, wrapLine(`No path to ${what}. ${noPathReason ?? ""}`.trim(), ""));
  writeLines(io, [
    ...wrapLine(`Warmest ${paths.length === 1 ? "path" : `${paths.length} paths`} to ${what}:`, ""),
    "",
    ...pathLines(paths, titles, labelPainter(io)),
  ]);
}

/** The ranked introduction paths to a person or an organization, from the store or a server. */
export const pathCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
    positionalArgs(positionals, []);
    if ([values.to, values.org, values.role].filter((v) => v !== undefined).length !== 1)
      throw badInput(
        "--to",
        "give exactly one of --to <person>, --org <organization> or --role <role>",
      );
    const request: PathRequest = {
      to: values.to,
      org: values.org,
      role: roleOf(values.role),
      exclude: (values.exclude ?? []).flatMap(commaList),
      minWarmth: warmthOf(values["min-warmth"]),
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
