/**
 * Restores a warmpath JSON export into an owner's network. The whole file is
 * read and validated before anything is written, so a malformed file writes
 * nothing. Then, in reference order: organizations and people are upserted by
 * their identity (name; profile URL or e-mail), the exporting owner's own
 * person stands for this owner's own (whose record is left as it is), and
 * ties, employment and membership follow with the new ids. Importing the same
 * file again changes nothing.
 *
 * People with neither profile URL nor e-mail have no identity but their name,
 * and names repeat. The store's own upsert merges such a person into the one
 * namesake, or into none when there are two, so a second import would
 * duplicate them. Here they are matched to this owner's namesakes that have no
 * identity either, by where they stand in the network: colour refinement
 * (Weisfeiler-Lehman) over the file's and the stored graph, then a greedy
 * matching in which every match anchors the next (individualization and
 * refinement, as graph-isomorphism tools do it, without backtracking).
 */
import { nameKey } from "../../model/fields.js";
import { SPECS, type Inputs, type UpsertKind } from "../../model/kinds.js";
import type { Person, PersonInput } from "../../model/person.js";
import type { NetworkStore, UpsertOutcome } from "../../store/network-store.js";
import { linkGraph, matchNamesakes, refineColors, REFINE_ROUNDS } from "./namesake-matching.js";
import {
  inputOf,
  readFile,
  sameData,
  type FileRecord,
  type GraphKind,
  type ReadFile,
} from "./warmpath-json-file.js";

/** How many records of one kind the import created, updated, or found already as they are. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What a JSON import did, kind by kind; `people` does not count the exporting owner's own person. */
export interface JsonImportReport {
  people: ImportCounts;
  organizations: ImportCounts;
  ties: ImportCounts;
  employments: ImportCounts;
  memberships: ImportCounts;
}

const noCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });
const count = (counts: ImportCounts, outcomes: readonly UpsertOutcome[]): ImportCounts => {
  for (const outcome of outcomes) counts[outcome]++;
  return counts;
};

/** Restores a network exported as warmpath JSON into an owner's network; see the file's header. */
export async function importNetworkJson(
  store: NetworkStore,
  ownerId: string,
  text: string,
): Promise<JsonImportReport> {
  const file = readFile(text);
  const self = await store.getSelf(ownerId);
  const report: JsonImportReport = {
    people: noCounts(),
    organizations: noCounts(),
    ties: noCounts(),
    employments: noCounts(),
    memberships: noCounts(),
  };

  const orgMap = new Map<string, string>();
  const orgs = await bulk(
    store,
    ownerId,
    "organization",
    file.organizations.map((o) => o.data),
  );
  file.organizations.forEach((o, i) => orgMap.set(o.fileId, orgs.ids[i]!));
  count(report.organizations, orgs.outcomes);

  const personMap = new Map<string, string>([[file.self, self.id]]);
  const keyed = file.people.filter((p) => p.data.profileUrl !== null || p.data.emails.length > 0);
  const people = await bulk(
    store,
    ownerId,
    "person",
    keyed.map((p) => p.data),
  );
  keyed.forEach((p, i) => personMap.set(p.fileId, people.ids[i]!));
  count(report.people, people.outcomes);
  const keyless = file.people.filter(
    (p) => p.data.profileUrl === null && p.data.emails.length === 0,
  );
  count(report.people, await restoreKeyless(store, ownerId, keyless, file, personMap, orgMap));

  const mapped = <K extends "tie" | "employment" | "membership">(kind: K, list: FileRecord<K>[]) =>
    list.map((r) => {
      const data = { ...(r.data as unknown as Record<string, unknown>) };
      for (const ref of SPECS[kind].refs)
        data[ref.field] = (ref.kind === "person" ? personMap : orgMap).get(
          data[ref.field] as string,
        );
      return data;
    });
  // Two people of the file can become one here (their e-mails met one stored person): their tie has no place left.
  const ties = mapped("tie", file.ties).filter((t) => t.personA !== t.personB);
  count(report.ties, (await bulk(store, ownerId, "tie", ties)).outcomes);
  count(
    report.employments,
    (await bulk(store, ownerId, "employment", mapped("employment", file.employments))).outcomes,
  );
  count(
    report.memberships,
    (await bulk(store, ownerId, "membership", mapped("membership", file.memberships))).outcomes,
  );
  return report;
}

function bulk<K extends UpsertKind & GraphKind>(
  store: NetworkStore,
  ownerId: string,
  kind: K,
  data: readonly object[],
) {
  return store.bulkUpsert(
    ownerId,
    kind,
    data.map((d) => inputOf(kind, d) as unknown as Inputs[K]),
  );
}

/** Matches, then creates or merges, the file's people known only by name; returns their outcomes. */
async function restoreKeyless(
  store: NetworkStore,
  ownerId: string,
  keyless: FileRecord<"person">[],
  file: ReadFile,
  personMap: Map<string, string>,
  orgMap: ReadonlyMap<string, string>,
): Promise<UpsertOutcome[]> {
  const names = [...new Set(keyless.map((p) => nameKey(p.data.name)))];
  const found = await Promise.all(names.map((name) => store.findPeople(ownerId, { name })));
  const unkeyed = (p: { profileUrl: string | null; emails: readonly string[] }) =>
    p.profileUrl === null && p.emails.length === 0;
  const candidates = new Map<string, Person[]>(
    names.map((name, i) => [name, found[i]!.filter((c) => !c.isSelf && unkeyed(c))]),
  );
  const match = new Map<string, Person>();
  if ([...candidates.values()].some((list) => list.length > 0)) {
    // Where every record stands: the file's nodes coloured by what they already map to, the stored ones by what they are.
    const stored = await store.loadNetwork(ownerId);
    const fileColor = (id: string, name: string) =>
      id === file.self
        ? "self"
        : personMap.has(id)
          ? `at:${personMap.get(id)}`
          : `name:${nameKey(name)}`;
    const graphs = [
      linkGraph(
        [
          { id: file.self, color: "self" },
          ...file.people.map((p) => ({ id: p.fileId, color: fileColor(p.fileId, p.data.name) })),
        ],
        file.organizations.map((o) => ({ id: o.fileId, color: `at:${orgMap.get(o.fileId)}` })),
        file.ties.map((t) => t.data),
        file.employments.map((e) => e.data),
        file.memberships.map((m) => m.data),
      ),
      linkGraph(
        stored.people.map((p) => ({
          id: p.id,
          color:
            p.id === stored.selfId ? "self" : unkeyed(p) ? `name:${nameKey(p.name)}` : `at:${p.id}`,
        })),
        stored.organizations.map((o) => ({ id: o.id, color: `at:${o.id}` })),
        stored.ties,
        stored.employments,
        stored.memberships,
      ),
    ] as const;
    matchNamesakes(
      keyless,
      candidates,
      graphs,
      refineColors(graphs, REFINE_ROUNDS),
      personMap,
      orgMap,
      match,
    );
  }
  const outcomes: UpsertOutcome[] = [];
  for (const person of keyless) {
    const current = match.get(person.fileId);
    if (current === undefined) {
      personMap.set(
        person.fileId,
        (
          await store.create(
            ownerId,
            "person",
            inputOf("person", person.data) as unknown as PersonInput,
          )
        ).id,
      );
      outcomes.push("created");
      continue;
    }
    const merged = SPECS.person.merge!(current, person.data);
    if (sameData("person", current, merged)) {
      outcomes.push("unchanged");
    } else {
      await store.update(
        ownerId,
        "person",
        current.id,
        inputOf("person", merged) as unknown as PersonInput,
      );
      outcomes.push("updated");
    }
  }
  return outcomes;
}
