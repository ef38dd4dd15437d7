/**
 * `warmpath intro --to <person>`: a double opt-in introduction request drafted along the
 * warmest path (warmpath never sends it), and `intro status` to follow it: drafted, asked,
 * accepted or declined, introduced, met. The outcome warms the ties.
 */
import { badInput, ErrorCode, WarmpathError } from "../errors.js";
import {
  createIntroRequest,
  INTRO_REQUEST_STATUSES,
  INTRO_REQUEST_TRANSITIONS,
  introRequests,
  setElevatorPitch,
  setIntroRequestStatus,
  type IntroRequest,
  peopleById,
  ambiguous,
  resolvePerson,
  type SearchedStore,
} from "../graph/index.js";
import { asOptionNames, JSON_OPTION, oneOf, parseCommandArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath intro --to <person> [--via <person>] [--note <text>]
                            [--pitch <text>]
       warmpath intro status [<request> <status>] [--outcome <text>]

Drafts a double opt-in introduction request along the warmest path to a person:
a message to the first introducer with your elevator pitch and a short blurb
they can forward. warmpath never sends it: copy it into your mail.

intro status lists your requests and how long each has waited; with a request
(its id, or its target's name) and a status, moves it on:
  drafted -> asked -> accepted or declined; accepted -> introduced -> met.
"introduced" adds a tie to the target and a favor from the introducer; "met"
logs a meeting, so the tie warms.

Options:
  --to <person>      whom you want to meet: a name, an e-mail or a profile URL
  --via <person>     ask this introducer (who starts a path), not the warmest
  --note <text>      a line of your own for the introducer
  --pitch <text>     set your elevator pitch first (once; kept for all requests)
  --outcome <text>   with a status: what happened
  --json             print { "request": { id, status, target, introducer, path,
                     message, outcome, statusChangedAt, waitingDays } }
                     (intro status: { "requests": [...] })
  --db FILE          the SQLite file to use (instead of WARMPATH_DB)

Examples:
  warmpath intro --to "Tom Target" --pitch "Product lead, ten years in payments"
  warmpath intro status "Tom Target" asked
`;

const OPTIONS = {
  ...JSON_OPTION,
  to: { type: "string" },
  via: { type: "string" },
  note: { type: "string" },
  pitch: { type: "string" },
  outcome: { type: "string" },
} as const;

type Named = { id: string; name: string };

/** A request with its people named, as both outputs show it. */
async function describe(
  searched: SearchedStore,
  requests: readonly (IntroRequest & { waitingDays?: number })[],
) {
  const people = await peopleById(
    searched.store,
    searched.ownerId,
    requests.flatMap((r) => [r.targetId, r.introducerId, ...r.path]),
  );
  const named = (id: string): Named => ({ id, name: people.get(id)?.name ?? id });
  return requests.map((r) => ({
    id: r.id,
    status: r.status,
    target: named(r.targetId),
    introducer: named(r.introducerId),
    path: r.path.map(named),
    message: r.message,
    outcome: r.outcome,
    statusChangedAt: r.statusChangedAt,
    waitingDays: r.waitingDays ?? 0,
  }));
}

type Described = Awaited<ReturnType<typeof describe>>[number];

/** The request a typed id or target names: its id, else the one open request to that person. */
async function requestOf(searched: SearchedStore, typed: string): Promise<IntroRequest> {
  const { store, ownerId } = searched;
  const q = typed.trim();
  const [byId] =
    /\s/.test(q) || q === "" ? [null] : await store.getMany(ownerId, "introRequest", [q]);
  if (byId) return byId;
  const target = await resolvePerson(searched, q, "<request>");
  const all = (await introRequests(store, ownerId)).filter((r) => r.targetId === target.id);
  const open = all.filter((r) => INTRO_REQUEST_TRANSITIONS[r.status].length > 0);
  const candidates = open.length > 0 ? open : all;
  if (candidates.length === 0)
    throw new WarmpathError(
      ErrorCode.NOT_FOUND,
      `<request>: no introduction request to ${target.name} in ${searched.where}; draft one with warmpath intro --to`,
      { field: "<request>" },
    );
  if (candidates.length > 1)
    throw ambiguous(
      "<request>",
      q,
      candidates.map((r) => `${r.status} [${r.id}]`),
      "Give the request's id instead.",
    );
  return candidates[0]!;
}

function printRequest(io: CliIo, request: Described, json: boolean, drafted: boolean): void {
  if (json) return writeJson(io, { request });
  const via = request.path.map((p) => p.name).join(" -> ");
  writeLines(io, [
    drafted
      ? `Drafted a request to ${request.introducer.name} for an introduction to ${request.target.name}`
      : `${request.target.name} (via ${request.introducer.name}): now ${request.status}`,
    `  path: ${via}`,
    `  id: ${request.id}`,
    ...(drafted && request.message !== null ? ["", request.message, ""] : []),
    ...(drafted ? [`Once sent: warmpath intro status ${request.id} asked`] : []),
  ]);
}

function printList(io: CliIo, requests: Described[], json: boolean): void {
  if (json) return writeJson(io, { requests });
  if (requests.length === 0)
    return writeLines(io, [
      "No introduction requests yet: draft one with warmpath intro --to <person>.",
    ]);
  writeLines(io, [
    "Introduction requests:",
    ...requests.map(
      (r) =>
        `  ${r.status.padEnd(10)} ${r.target.name} via ${r.introducer.name}, ${r.waitingDays === 1 ? "1 day" : `${r.waitingDays} days`}  [${r.id}]`,
    ),
  ]);
}

const FIELDS = asOptionNames({
  targetId: "--to",
  introducerId: "--via",
  note: "--note",
  pitch: "--pitch",
  elevatorPitch: "--pitch",
  status: "<status>",
  outcome: "--outcome",
});

/** Drafts an introduction request, or lists and moves them. */
export const introCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
    const json = values.json === true;
    if (positionals[0] === "status") {
      const rest = positionals.slice(1);
      if (rest.length === 1)
        throw badInput("<status>", `is missing; give one of ${INTRO_REQUEST_STATUSES.join(", ")}`);
      if (rest.length > 2) throw badInput("arguments", `unexpected ${JSON.stringify(rest[2])}`);
      if (rest.length === 0 && values.outcome !== undefined)
        throw badInput("--outcome", "goes with a request and a status");
      const now = new Date();
      await withStore(io, async (searched) => {
        if (rest.length === 0) {
          const all = await introRequests(searched.store, searched.ownerId, { now });
          return printList(io, await describe(searched, all), json);
        }
        const status = oneOf("<status>", rest[1]!, INTRO_REQUEST_STATUSES);
        const request = await requestOf(searched, rest[0]!);
        const moved = await setIntroRequestStatus(
          searched.store,
          searched.ownerId,
          request.id,
          status,
          {
            outcome: values.outcome ?? null,
            now,
          },
        );
        printRequest(io, (await describe(searched, [moved]))[0]!, json, false);
      }).catch(FIELDS);
      return EXIT.ok;
    }
    if (positionals.length > 0)
      throw badInput(
        "arguments",
        `unexpected ${JSON.stringify(positionals[0])}; give --to <person>, or status`,
      );
    if (values.to === undefined) throw badInput("--to", "is missing: whom do you want to meet?");
    if (values.outcome !== undefined) throw badInput("--outcome", "goes with intro status");
    await withStore(io, async (searched) => {
      const target = await resolvePerson(searched, values.to!, "--to");
      const via =
        values.via === undefined ? null : await resolvePerson(searched, values.via, "--via");
      if (values.pitch !== undefined)
        await setElevatorPitch(searched.store, searched.ownerId, values.pitch);
      const request = await createIntroRequest(searched.store, searched.ownerId, {
        targetId: target.id,
        introducerId: via?.id ?? null,
        note: values.note ?? null,
      });
      printRequest(io, (await describe(searched, [request]))[0]!, json, true);
    }).catch(FIELDS);
    return EXIT.ok;
  },
};
