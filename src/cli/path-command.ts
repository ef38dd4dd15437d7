/**
 * `warmpath path --to <person>` and `path --org <organization>`: the warmest
 * introduction paths, ranked, each hop with its strength and evidence, and the
 * weakest link; or, plainly, why there is none.
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
import { EXIT, type Command } from "./command.js";
import { peopleById, roleLine } from "./people-names.js";
import { resolveOrganization, resolvePerson } from "./resolve-target.js";
import { withStore } from "./with-store.js";
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
`;

const OPTIONS = {
  ...JSON_OPTION,
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

/** The ranked introduction paths to a person or an organization. */
export const pathCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
    positionalArgs(positionals, []);
    if ((values.to === undefined) === (values.org === undefined))
      throw badInput("--to", "give exactly one of --to <person> or --org <organization>");
    const maxHops = wholeNumber("--max-hops", values["max-hops"]);
    const k = wholeNumber("--k", values.k);

    const { target, paths, noPathReason, titles } = await withStore(
      io,
      async ({ store, ownerId }) => {
        const target =
          values.to !== undefined
            ? { kind: "person" as const, ...pick(await resolvePerson(store, ownerId, values.to)) }
            : {
                kind: "organization" as const,
                ...pick(await resolveOrganization(store, ownerId, values.org!)),
              };
        const to =
          target.kind === "person" ? { personId: target.id } : { organizationId: target.id };
        const result = await findIntroPaths(store, ownerId, to, {
          maxHops: maxHops ?? null,
          k: k ?? null,
        }).catch(asOptionNames({ maxHops: "--max-hops", k: "--k" }));
        const people = await peopleById(
          store,
          ownerId,
          result.paths.flatMap((p) => p.people),
        );
        // For an organization, say who at it each path reaches and in what role.
        const ends =
          target.kind === "organization"
            ? [...new Set(result.paths.map((p) => p.people.at(-1)!))]
            : [];
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
      },
    );

    if (values.json) {
      writeJson(io, { target, paths, noPathReason });
      return EXIT.ok;
    }
    const what = target.kind === "person" ? target.name : `anyone at ${target.name}`;
    if (paths.length === 0) {
      writeLines(io, [`No path to ${what}. ${noPathReason ?? ""}`.trim()]);
      return EXIT.ok;
    }
    writeLines(io, [
      `Warmest ${paths.length === 1 ? "path" : `${paths.length} paths`} to ${what}:`,
      "",
      ...pathLines(paths, titles),
    ]);
    return EXIT.ok;
  },
};
