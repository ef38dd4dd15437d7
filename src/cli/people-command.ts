/**
 * `warmpath people <search>`: people whose name, title or current employer match, with their
 * e-mails; from the store, or with --server (or WARMPATH_SERVER) from a warmpath server.
 */
import { JSON_OPTION, parseCommandArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { roleLine } from "./people-names.js";
import {
  REMOTE_OPTIONS,
  remoteList,
  remoteServer,
  type RemotePage,
  type RemoteServer,
} from "./remote-graphql.js";
import { remoteEmployers, type RemoteJob } from "./remote-target.js";
import { withStore, type CliStore } from "./with-store.js";
import { currentEmployers, listAll } from "../graph/index.js";

const HELP = `Usage: warmpath people [<search>] [--json]

People whose name, title or current employer contain <search> (ignoring case),
with their title, company and e-mails. Without a search, everyone.

Options:
  --json             print { "people": [{ id, name, title, companies, emails, categories }] }
  --server <URL>     ask this warmpath server instead of the store (or WARMPATH_SERVER)
  --token <token>    the API token for --server, with contacts:read
                     (better WARMPATH_TOKEN: an option shows in the process list)
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

async function localPeople({ store, ownerId }: CliStore, text: string): Promise<PersonLine[]> {
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

/** The people search, for finding whom to ask about before `path --to`; from the store or a server. */
export const peopleCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { ...JSON_OPTION, ...REMOTE_OPTIONS },
    });
    const text = positionals.join(" ").trim();
    const server = remoteServer(io, values);
    const people =
      server === null
        ? await withStore(io, (context) => localPeople(context, text))
        : await remotePeople(server, text);
    if (values.json) {
      writeJson(io, { people });
      return EXIT.ok;
    }
    if (people.length === 0) {
      writeLines(io, [
        text === ""
          ? "Your network has nobody in it yet: try `warmpath demo` or `warmpath import`."
          : `Nobody matches ${JSON.stringify(text)}.`,
      ]);
      return EXIT.ok;
    }
    writeLines(
      io,
      people.map((p) =>
        [p.name, roleLine(p.title, p.companies), p.emails.join(", ")]
          .filter((s) => s !== "")
          .join("  |  "),
      ),
    );
    return EXIT.ok;
  },
};
