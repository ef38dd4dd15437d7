/**
 * `warmpath hide | unhide | share <person>` and `warmpath blocklist`: what your teams may never
 * see of your own contacts, for every team at once, on the server where the teams are. A person
 * is named by id or as `path --to` names one (a name, an e-mail or a profile URL).
 */
import { asOptionNames, commaList, JSON_OPTION, parseCommandArgs } from "./cli-args.js";
import { badInput } from "../errors.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import {
  REMOTE_OPTIONS,
  remoteList,
  remoteQuery,
  requiredRemoteServer,
  type RemotePage,
  type RemoteServer,
} from "./remote-graphql.js";
import { resolveRemotePerson } from "./remote-target.js";

const SERVER_HELP = `  --json             print one JSON document
  --server <URL>     the warmpath server (or WARMPATH_SERVER); required
  --token <token>    your API token (or WARMPATH_TOKEN); required, with
                     contacts:write (and contacts:read to name a person or
                     show the blocklist)
`;

const SET_SHARING = `mutation Sharing($person: ID!, $sharing: ContactSharing) {
  setContactSharing(personId: $person, sharing: $sharing)
}`;
const PERSON = `query Person($id: ID!) { person(id: $id) { id name } }`;
const SETTINGS = `query Pooling { poolingSettings { blockedLabels contacts { personId sharing } } }`;
const SET_LABELS = `mutation Labels($labels: [String!]!) {
  setBlockedLabels(labels: $labels) { blockedLabels contacts { personId sharing } }
}`;
const NAMES = `query Names($first: Int, $after: String) {
  people(first: $first, after: $after) {
    edges { node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** An id as the store makes them (`per_` and base-36 time and hex); anything else is a name. */
const LOOKS_LIKE_ID = /^[a-z]+_[0-9a-z]+$/;

/** The one person of yours that `query` names: by id, else as `path --to` resolves a name. */
async function personOf(
  server: RemoteServer,
  query: string,
): Promise<{ id: string; name: string }> {
  if (LOOKS_LIKE_ID.test(query))
    return (
      await remoteQuery<{ person: { id: string; name: string } }>(server, PERSON, { id: query })
    ).person;
  return resolveRemotePerson(server, query, "person");
}

/** hide, unhide and share: one contact's choice, and what it means. */
function sharingCommand(
  name: string,
  sharing: "HIDDEN" | "SHARED" | null,
  summary: string,
  said: (person: string) => string,
): Command {
  return {
    help: `Usage: warmpath ${name} <person> [options]

${summary}
Takes effect at every team's next search. <person> is an id, a name (or part of
one), an e-mail or a profile URL.

Options:
${SERVER_HELP}`,
    async run(args: string[], io: CliIo) {
      const { values, positionals } = parseCommandArgs({
        args,
        options: { ...JSON_OPTION, ...REMOTE_OPTIONS },
      });
      const query = positionals.join(" ").trim();
      if (query === "") throw badInput("person", "is missing");
      const server = requiredRemoteServer(io, values);
      const person = await personOf(server, query);
      await remoteQuery(server, SET_SHARING, { person: person.id, sharing }).catch(
        asOptionNames({ personId: "person" }),
      );
      if (values.json) writeJson(io, { person, sharing });
      else writeLines(io, [said(person.name)]);
      return EXIT.ok;
    },
  };
}

export const hideCommand = sharingCommand(
  "hide",
  "HIDDEN",
  "Keeps one of your contacts out of every team you share with, whatever your\nsharing level.",
  (person) => `Hidden from your teams: ${person}.`,
);

export const unhideCommand = sharingCommand(
  "unhide",
  null,
  "Returns one of your contacts to the defaults: shared as far as each team's\nsharing level allows, unless a blocked label or only a personal address keeps\nthem out.",
  (person) => `${person} is back to the defaults for your teams.`,
);

export const shareCommand = sharingCommand(
  "share",
  "SHARED",
  "Shares one of your contacts that the defaults keep out (only a personal\naddress, no company), as far as each team's sharing level allows. A blocked\nlabel still wins.",
  (person) => `Shared with your teams, over the defaults: ${person}.`,
);

interface PoolingSettings {
  blockedLabels: string[];
  contacts: { personId: string; sharing: "HIDDEN" | "SHARED" }[];
}

/** Names for the contacts with a choice; one deleted since is shown by its id. */
async function contactNames(server: RemoteServer, settings: PoolingSettings) {
  if (settings.contacts.length === 0) return [];
  const people = await remoteList<
    { id: string; name: string },
    { people: RemotePage<{ id: string; name: string }> }
  >(server, NAMES, {}, (data) => data.people);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return settings.contacts.map((c) => ({ ...c, name: names.get(c.personId) ?? c.personId }));
}

const BLOCKLIST_HELP = `Usage: warmpath blocklist                 the list, and whom you hid or shared
       warmpath blocklist --set <label,...>  replace it ("" empties it)
       warmpath blocklist <label>...         the same as --set

The categories and tags whose people your teams never see, whatever your
sharing level ("family", "doctor"). It replaces the whole list: give every label
to keep. Takes effect at every team's next search.

Options:
  --set <labels>     comma-separated
${SERVER_HELP}`;

/** The blocklist, shown or replaced, with the contacts you hid or shared. */
export const blocklistCommand: Command = {
  help: BLOCKLIST_HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { ...JSON_OPTION, ...REMOTE_OPTIONS, set: { type: "string" } },
    });
    if (values.set !== undefined && positionals.length > 0)
      throw badInput("--set", "give the labels either with --set or as arguments, not both");
    const labels = values.set !== undefined ? commaList(values.set) : positionals;
    const change = values.set !== undefined || positionals.length > 0;
    const server = requiredRemoteServer(io, values);
    const settings = change
      ? (
          await remoteQuery<{ setBlockedLabels: PoolingSettings }>(server, SET_LABELS, {
            labels,
          }).catch(asOptionNames({ labels: values.set !== undefined ? "--set" : "label" }))
        ).setBlockedLabels
      : (await remoteQuery<{ poolingSettings: PoolingSettings }>(server, SETTINGS)).poolingSettings;
    const contacts = await contactNames(server, settings);
    if (values.json) {
      writeJson(io, { blockedLabels: settings.blockedLabels, contacts });
      return EXIT.ok;
    }
    const list = (items: string[]) => (items.length === 0 ? "none" : items.join(", "));
    const named = (sharing: string) =>
      list(contacts.filter((c) => c.sharing === sharing).map((c) => c.name));
    writeLines(io, [
      `${change ? "Never pooled now" : "Never pooled"}: ${list(settings.blockedLabels)}`,
      `Hidden contacts: ${named("HIDDEN")}`,
      `Shared over the defaults: ${named("SHARED")}`,
    ]);
    return EXIT.ok;
  },
};
