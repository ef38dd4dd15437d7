/**
 * `warmpath people <search>`: people whose name, title or current employer match, with their
 * e-mails; from the store, or with --server (or WARMPATH_SERVER) from a warmpath server.
 */
import { badInput } from "../errors.js";
import { JSON_OPTION, parseCommandArgs, wholeNumber } from "./cli-args.js";
import { fitLine, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import {
  REMOTE_OPTIONS,
  remoteList,
  remoteServer,
  type RemotePage,
  type RemoteServer,
} from "./remote-graphql.js";
import { remoteEmployers, type RemoteJob } from "./remote-target.js";
import { withStore } from "./with-store.js";
import { currentEmployers, listAll, roleLine, type SearchedStore } from "../graph/index.js";

/** People per page when a page is asked for without --first. */
const PAGE_SIZE = 50;

const HELP = `Usage: warmpath people [<search>] [--page <n> | --after <id>] [--first <n>]

People whose name, title, current employer or group contain <search>, ignoring
case and accents ("chloe" finds Chloé), with their title, company and e-mails,
and how many match. Without a search, everyone. Without --page, --after or
--first, all of them; with one, a page of --first (default ${PAGE_SIZE}).

Options:
  --page <n>         the n-th page (from 1)
  --after <id>       the page after this person (the last id of the page before)
  --first <n>        people per page (default ${PAGE_SIZE})
  --json             print { "people": [{ id, name, title, companies, emails,
                     categories }], totalCount,
                     pageInfo: { hasNextPage, endCursor } }
  --server <URL>     ask this warmpath server instead (or WARMPATH_SERVER)
  --token <token>    the API token for --server, with contacts:read
                     (better WARMPATH_TOKEN: options show in the process list)
  --db FILE          the SQLite file to use (instead of WARMPATH_DB)
`;

/** One person as both outputs show them. */
interface PersonLine {
  id: string;
  name: string;
  title: string | null;
  companies: string[];
  emails: string[];
  categories: string[];
}

async function localPeople({ store, ownerId }: SearchedStore, text: string): Promise<PersonLine[]> {
  const found = (await listAll(store, ownerId, "person", text === "" ? {} : { text })).filter(
    (p) => !p.isSelf,
  );
  const employers = await currentEmployers(
    store,
    ownerId,
    found.map((p) => p.id),
  );
  return found.map((p) => ({
    id: p.id,
    name: p.name,
    title: p.title,
    companies: employers.get(p.id) ?? [],
    emails: p.emails,
    categories: p.categories,
  }));
}

const PEOPLE = `query People($filter: PersonFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        id name title emails categories isSelf
        employment { current from organization { name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface RemotePersonNode {
  id: string;
  name: string;
  title: string | null;
  emails: string[];
  /** The schema's enum names (FORMER_COLLEAGUE) of the store's categories (former_colleague). */
  categories: string[];
  isSelf: boolean;
  employment: RemoteJob[];
}

/** The same list as localPeople, from a server's `people` pages. */
async function remotePeople(server: RemoteServer, text: string): Promise<PersonLine[]> {
  const found = await remoteList<RemotePersonNode, { people: RemotePage<RemotePersonNode> }>(
    server,
    PEOPLE,
    { filter: text === "" ? null : { text } },
    (data) => data.people,
  );
  return found
    .filter((p) => !p.isSelf)
    .map((p) => ({
      id: p.id,
      name: p.name,
      title: p.title,
      companies: remoteEmployers(p.employment),
      emails: p.emails,
      categories: p.categories.map((c) => c.toLowerCase()),
    }));
}

/** The page asked for: all when no paging option is given. */
interface PageRequest {
  first: number | undefined;
  page: number | undefined;
  after: string | undefined;
}

/** One page of the matches (ordered by name, as both sources give them), with paging facts. */
function pageOf(all: PersonLine[], request: PageRequest) {
  const paged =
    request.first !== undefined || request.page !== undefined || request.after !== undefined;
  const size = paged ? (request.first ?? PAGE_SIZE) : all.length;
  let start = 0;
  if (request.after !== undefined) {
    const at = all.findIndex((p) => p.id === request.after);
    if (at === -1)
      throw badInput(
        "--after",
        `no one with the id ${JSON.stringify(request.after)} in this search`,
      );
    start = at + 1;
  } else if (request.page !== undefined) start = (request.page - 1) * size;
  const people = all.slice(start, start + size);
  const hasNextPage = start + size < all.length;
  return {
    people,
    start,
    totalCount: all.length,
    pageInfo: { hasNextPage, endCursor: people.at(-1)?.id ?? null },
  };
}

/** The people search, for finding whom to ask about before `path --to`; from the store or a server. */
export const peopleCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: {
        ...JSON_OPTION,
        ...REMOTE_OPTIONS,
        first: { type: "string" },
        page: { type: "string" },
        after: { type: "string" },
      },
    });
    const text = positionals.join(" ").trim();
    const request: PageRequest = {
      first: wholeNumber("--first", values.first),
      page: wholeNumber("--page", values.page),
      after: values.after,
    };
    if (request.first === 0) throw badInput("--first", "must be 1 or more");
    if (request.page === 0) throw badInput("--page", "pages count from 1");
    if (request.page !== undefined && request.after !== undefined)
      throw badInput("--page", "give --page or --after, not both");
    const server = remoteServer(io, values);
    const all =
      server === null
        ? await withStore(io, (context) => localPeople(context, text))
        : await remotePeople(server, text);
    const { people, start, totalCount, pageInfo } = pageOf(all, request);
    if (values.json) {
      writeJson(io, { people, totalCount, pageInfo });
      return EXIT.ok;
    }
    if (totalCount === 0) {
      writeLines(io, [
        text === ""
          ? "Your network has nobody in it yet: try `warmpath demo` or `warmpath import`."
          : `Nobody matches ${JSON.stringify(text)}.`,
      ]);
      return EXIT.ok;
    }
    const count = `${totalCount.toLocaleString("en-US")} ${totalCount === 1 ? "person" : "people"}`;
    const shown =
      people.length === totalCount
        ? count
        : people.length === 0
          ? `none here of ${count}`
          : `${start + 1}-${start + people.length} of ${count}`;
    const next = pageInfo.hasNextPage
      ? request.page !== undefined || request.after === undefined
        ? `; next: --page ${Math.floor(start / (request.first ?? PAGE_SIZE)) + 2}`
        : `; next: --after ${pageInfo.endCursor}`
      : "";
    writeLines(io, [
      ...people.map((p) =>
        fitLine(
          [p.name, roleLine(p.title, p.companies), p.emails.join(", ")]
            .filter((s) => s !== "")
            .join("  |  "),
        ),
      ),
      `(${shown}${next})`,
    ]);
    return EXIT.ok;
  },
};
