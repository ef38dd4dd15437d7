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
import { badInput, isWarmpathError } from "../../errors.js";
import { nameKey } from "../model/fields.js";
import { SPECS, type Inputs, type Records, type UpsertKind } from "../model/kinds.js";
import type { Person, PersonInput } from "../model/person.js";
import type { RecordData } from "../model/record.js";
import type { NetworkStore, UpsertOutcome } from "../store/network-store.js";
import { WARMPATH_JSON_FORMAT, WARMPATH_JSON_VERSION } from "./network-json.js";

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

type GraphKind = "person" | "organization" | "tie" | "employment" | "membership";
type Data<K extends GraphKind> = RecordData<Records[K]>;

/** One record of the file, checked: its id in the file and its validated fields. */
interface FileRecord<K extends GraphKind> {
  fileId: string;
  data: Data<K>;
}

interface ReadFile {
  self: string;
  people: FileRecord<"person">[];
  organizations: FileRecord<"organization">[];
  ties: FileRecord<"tie">[];
  employments: FileRecord<"employment">[];
  memberships: FileRecord<"membership">[];
}

const LISTS = { person: "people", organization: "organizations", tie: "ties", employment: "employments", membership: "memberships" } as const;

const fileError = (message: string) => badInput("file", message);

/** Parses and checks the whole file; every problem is BAD_USER_INPUT on `file`, naming the record. */
function readFile(text: string): ReadFile {
  if (typeof text !== "string") throw fileError("must be the text of a warmpath JSON export");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fileError(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw fileError("is not a warmpath JSON export: expected an object");
  const root = parsed as Record<string, unknown>;
  if (root.format !== WARMPATH_JSON_FORMAT) throw fileError(`is not a warmpath JSON export: "format" must be "${WARMPATH_JSON_FORMAT}"`);
  if (root.version !== WARMPATH_JSON_VERSION) {
    throw fileError(`has version ${JSON.stringify(root.version)}; this warmpath reads version ${WARMPATH_JSON_VERSION}`);
  }
  if (typeof root.self !== "string" || root.self === "") throw fileError(`"self" must name the exporting owner's person`);
  const self = root.self;
  const people = records(root, "person");
  const organizations = records(root, "organization");
  const personIds = new Set([self, ...people.map((p) => p.fileId)]);
  const orgIds = new Set(organizations.map((o) => o.fileId));
  const refs = <K extends "tie" | "employment" | "membership">(kind: K, list: FileRecord<K>[]): FileRecord<K>[] => {
    list.forEach((record, i) => {
      for (const ref of SPECS[kind].refs) {
        const id = (record.data as unknown as Record<string, string>)[ref.field]!;
        if (!(ref.kind === "person" ? personIds : orgIds).has(id)) {
          throw fileError(`${LISTS[kind]}[${i}].${ref.field}: ${JSON.stringify(id)} names no ${ref.kind} of the file`);
        }
      }
    });
    return list;
  };
  return {
    self,
    people: people.filter((p) => p.fileId !== self),
    organizations,
    ties: refs("tie", records(root, "tie")),
    employments: refs("employment", records(root, "employment")),
    memberships: refs("membership", records(root, "membership")),
  };
}

/** One list of the file, each record validated by its kind's own rules; a missing list is empty. */
function records<K extends GraphKind>(root: Record<string, unknown>, kind: K): FileRecord<K>[] {
  const list = LISTS[kind];
  const value = root[list];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw fileError(`"${list}" must be a list`);
  const seen = new Set<string>();
  return value.map((raw: unknown, i) => {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw fileError(`${list}[${i}]: must be an object`);
    const source = raw as Record<string, unknown>;
    if (typeof source.id !== "string" || source.id === "") throw fileError(`${list}[${i}].id: must be a non-empty string`);
    if (seen.has(source.id)) throw fileError(`${list}[${i}].id: ${JSON.stringify(source.id)} appears twice`);
    seen.add(source.id);
    try {
      return { fileId: source.id, data: SPECS[kind].create(inputOf(kind, source) as never) as Data<K> };
    } catch (error) {
      if (isWarmpathError(error) && error.field !== undefined) throw fileError(`${list}[${i}].${error.message}`);
      throw error;
    }
  });
}

/** The caller-controlled fields of a stored record (or of a file record), as an input. */
function inputOf(kind: GraphKind, source: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name } of SPECS[kind].fields) if (name !== "isSelf") out[name] = (source as Record<string, unknown>)[name];
  return out;
}

function sameData(kind: GraphKind, a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return SPECS[kind].fields.every(({ name }) => JSON.stringify(x[name]) === JSON.stringify(y[name]));
}

const noCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });
const count = (counts: ImportCounts, outcomes: readonly UpsertOutcome[]): ImportCounts => {
  for (const outcome of outcomes) counts[outcome]++;
  return counts;
};

/** Restores a network exported as warmpath JSON into an owner's network; see the file's header. */
export async function importNetworkJson(store: NetworkStore, ownerId: string, text: string): Promise<JsonImportReport> {
  const file = readFile(text);
  const self = await store.getSelf(ownerId);
  const report: JsonImportReport = { people: noCounts(), organizations: noCounts(), ties: noCounts(), employments: noCounts(), memberships: noCounts() };

  const orgMap = new Map<string, string>();
  const orgs = await bulk(store, ownerId, "organization", file.organizations.map((o) => o.data));
  file.organizations.forEach((o, i) => orgMap.set(o.fileId, orgs.ids[i]!));
  count(report.organizations, orgs.outcomes);

  const personMap = new Map<string, string>([[file.self, self.id]]);
  const keyed = file.people.filter((p) => p.data.profileUrl !== null || p.data.emails.length > 0);
  const people = await bulk(store, ownerId, "person", keyed.map((p) => p.data));
  keyed.forEach((p, i) => personMap.set(p.fileId, people.ids[i]!));
  count(report.people, people.outcomes);
  const keyless = file.people.filter((p) => p.data.profileUrl === null && p.data.emails.length === 0);
  count(report.people, await restoreKeyless(store, ownerId, keyless, file, personMap, orgMap));

  const mapped = <K extends "tie" | "employment" | "membership">(kind: K, list: FileRecord<K>[]) =>
    list.map((r) => {
      const data = { ...(r.data as unknown as Record<string, unknown>) };
      for (const ref of SPECS[kind].refs) data[ref.field] = (ref.kind === "person" ? personMap : orgMap).get(data[ref.field] as string);
      return data;
    });
  // Two people of the file can become one here (their e-mails met one stored person): their tie has no place left.
  const ties = mapped("tie", file.ties).filter((t) => t.personA !== t.personB);
  count(report.ties, (await bulk(store, ownerId, "tie", ties)).outcomes);
  count(report.employments, (await bulk(store, ownerId, "employment", mapped("employment", file.employments))).outcomes);
  count(report.memberships, (await bulk(store, ownerId, "membership", mapped("membership", file.memberships))).outcomes);
  return report;
}

function bulk<K extends UpsertKind & GraphKind>(store: NetworkStore, ownerId: string, kind: K, data: readonly object[]) {
  return store.bulkUpsert(ownerId, kind, data.map((d) => inputOf(kind, d) as unknown as Inputs[K]));
}

/**
 * People and organizations as nodes, ties, employment (with its start) and
 * membership as labelled links. A node's first colour is what identifies it
 * outright: the stored record it is (or maps to), "self", or else its name.
 */
interface LinkGraph {
  colors: Map<string, string>;
  links: Map<string, { label: string; node: string }[]>;
}

const personNode = (id: string) => `p:${id}`;
const orgNode = (id: string) => `o:${id}`;

function linkGraph(
  people: readonly { id: string; color: string }[],
  organizations: readonly { id: string; color: string }[],
  ties: readonly { personA: string; personB: string }[],
  jobs: readonly { personId: string; organizationId: string; from: string | null }[],
  groups: readonly { personId: string; organizationId: string }[],
): LinkGraph {
  const colors = new Map([...people.map((p) => [personNode(p.id), p.color] as const), ...organizations.map((o) => [orgNode(o.id), o.color] as const)]);
  const links = new Map<string, { label: string; node: string }[]>([...colors.keys()].map((node) => [node, []]));
  const link = (a: string, b: string, label: string) => {
    links.get(a)?.push({ label, node: b });
    links.get(b)?.push({ label, node: a });
  };
  for (const t of ties) link(personNode(t.personA), personNode(t.personB), "tie");
  for (const e of jobs) link(personNode(e.personId), orgNode(e.organizationId), `job:${e.from ?? ""}`);
  for (const m of groups) link(personNode(m.personId), orgNode(m.organizationId), "group");
  return { colors, links };
}

const REFINE_ROUNDS = 3;

/**
 * Weisfeiler-Lehman colour refinement (Weisfeiler & Leman 1968) of several
 * graphs over one colour table, so colours compare across graphs: after
 * round r, two nodes share a colour when their neighbourhoods look alike r
 * links deep. Returns, per round, each graph's colours.
 */
function refineColors(graphs: readonly LinkGraph[], rounds: number): Map<string, number>[][] {
  const table = new Map<string, number>();
  const intern = (signature: string): number => {
    let color = table.get(signature);
    if (color === undefined) table.set(signature, (color = table.size));
    return color;
  };
  let current = graphs.map((g) => new Map([...g.colors].map(([node, color]) => [node, intern(color)])));
  const out = [current];
  for (let round = 1; round <= rounds; round++) {
    const previous = current;
    current = graphs.map((g, i) => {
      const before = previous[i]!;
      return new Map(
        [...g.colors.keys()].map((node) => {
          const around = g.links.get(node)!.map((l) => `${l.label}:${before.get(l.node)}`).sort();
          return [node, intern(`${before.get(node)}|${around.join(",")}`)];
        }),
      );
    });
    out.push(current);
  }
  return out;
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
  const unkeyed = (p: { profileUrl: string | null; emails: readonly string[] }) => p.profileUrl === null && p.emails.length === 0;
  const candidates = new Map<string, Person[]>(names.map((name, i) => [name, found[i]!.filter((c) => !c.isSelf && unkeyed(c))]));
  const match = new Map<string, Person>();
  if ([...candidates.values()].some((list) => list.length > 0)) {
    // Where every record stands: the file's nodes coloured by what they already map to, the stored ones by what they are.
    const stored = await store.loadNetwork(ownerId);
    const fileColor = (id: string, name: string) => (id === file.self ? "self" : personMap.has(id) ? `at:${personMap.get(id)}` : `name:${nameKey(name)}`);
    const graphs = [
      linkGraph(
        [{ id: file.self, color: "self" }, ...file.people.map((p) => ({ id: p.fileId, color: fileColor(p.fileId, p.data.name) }))],
        file.organizations.map((o) => ({ id: o.fileId, color: `at:${orgMap.get(o.fileId)}` })),
        file.ties.map((t) => t.data),
        file.employments.map((e) => e.data),
        file.memberships.map((m) => m.data),
      ),
      linkGraph(
        stored.people.map((p) => ({ id: p.id, color: p.id === stored.selfId ? "self" : unkeyed(p) ? `name:${nameKey(p.name)}` : `at:${p.id}` })),
        stored.organizations.map((o) => ({ id: o.id, color: `at:${o.id}` })),
        stored.ties,
        stored.employments,
        stored.memberships,
      ),
    ] as const;
    matchNamesakes(keyless, candidates, graphs, refineColors(graphs, REFINE_ROUNDS), personMap, orgMap, match);
  }
  const outcomes: UpsertOutcome[] = [];
  for (const person of keyless) {
    const current = match.get(person.fileId);
    if (current === undefined) {
      personMap.set(person.fileId, (await store.create(ownerId, "person", inputOf("person", person.data) as unknown as PersonInput)).id);
      outcomes.push("created");
      continue;
    }
    const merged = SPECS.person.merge!(current, person.data);
    if (sameData("person", current, merged)) {
      outcomes.push("unchanged");
    } else {
      await store.update(ownerId, "person", current.id, inputOf("person", merged) as unknown as PersonInput);
      outcomes.push("updated");
    }
  }
  return outcomes;
}

/**
 * Greedy matching of file people to stored namesakes, one pair at a time, in
 * the manner of individualization and refinement: a name with one person on
 * each side is a match outright; then a pair where each is the other's unique
 * best; else the best pair. A pair's score compares, in order: its links to
 * people and organizations already matched, how many rounds of colour
 * refinement keep the two alike, and whether the data is the same. Every
 * match joins `personMap` and so anchors the scores of the next.
 */
function matchNamesakes(
  keyless: readonly FileRecord<"person">[],
  candidates: ReadonlyMap<string, Person[]>,
  [fileGraph, storedGraph]: readonly [LinkGraph, LinkGraph],
  colors: readonly Map<string, number>[][],
  personMap: Map<string, string>,
  orgMap: ReadonlyMap<string, string>,
  match: Map<string, Person>,
): void {
  const assign = (person: FileRecord<"person">, candidate: Person) => {
    match.set(person.fileId, candidate);
    personMap.set(person.fileId, candidate.id);
  };
  // Namesakes on both sides; people in file order and candidates by id, so that
  // ties in score are settled the same way for the same file.
  const groups = new Map<string, NamesakeGroup>();
  for (const person of keyless) {
    const name = nameKey(person.data.name);
    let group = groups.get(name);
    if (group === undefined) {
      const pool = [...(candidates.get(name) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
      groups.set(name, (group = { people: [], pool, choice: null, dirty: true }));
    }
    group.people.push(person);
  }
  for (const [name, group] of groups) {
    if (group.pool.length === 0) groups.delete(name);
    else if (group.people.length === 1 && group.pool.length === 1) {
      assign(group.people[0]!, group.pool[0]!);
      groups.delete(name);
    }
  }
  const order = new Map(keyless.map((p, i) => [p.fileId, i]));
  const groupOf = new Map([...groups.values()].flatMap((g) => g.people.map((p) => [p.fileId, g] as const)));

  const storedLinks = new Map<string, Set<string>>();
  const linksOf = (id: string) => {
    let set = storedLinks.get(id);
    if (!set) storedLinks.set(id, (set = new Set(storedGraph.links.get(personNode(id))!.map((l) => `${l.label}|${l.node}`))));
    return set;
  };
  const mapped = (node: string): string | undefined => {
    const id = node.slice(2);
    const to = node.startsWith("p:") ? personMap.get(id) : orgMap.get(id);
    return to === undefined ? undefined : `${node.slice(0, 2)}${to}`;
  };
  const score = (person: FileRecord<"person">, candidate: Person): number[] => {
    const theirs = linksOf(candidate.id);
    const anchored = fileGraph.links.get(personNode(person.fileId))!.filter((l) => {
      const node = mapped(l.node);
      return node !== undefined && theirs.has(`${l.label}|${node}`);
    }).length;
    const alike = colors.filter(([file, stored]) => file!.get(personNode(person.fileId)) === stored!.get(personNode(candidate.id))).length;
    const same = sameData("person", candidate, person.data) ? 2 : sameData("person", candidate, SPECS.person.merge!(candidate, person.data)) ? 1 : 0;
    return [anchored, alike, same];
  };
  const scores = new Map<string, Map<string, number[]>>();
  const rescore = (person: FileRecord<"person">, group: NamesakeGroup) => {
    scores.set(person.fileId, new Map(group.pool.map((c) => [c.id, score(person, c)])));
    group.dirty = true;
  };
  for (const group of groups.values()) for (const person of group.people) rescore(person, group);

  /** The group's pick: a pair where each is the other's unique best if there is one, else its best pair. */
  const choose = (group: NamesakeGroup): Choice | null => {
    const pairs = group.people.flatMap((person) => group.pool.map((candidate) => ({ person, candidate, score: scores.get(person.fileId)!.get(candidate.id)! })));
    const uniqueBest = (pair: (typeof pairs)[number], rivals: typeof pairs) => rivals.every((o) => o === pair || better(pair.score, o.score));
    let pick: Choice | null = null;
    for (const pair of pairs) {
      const mutual = uniqueBest(pair, pairs.filter((p) => p.person === pair.person)) && uniqueBest(pair, pairs.filter((p) => p.candidate === pair.candidate));
      const choice = { ...pair, mutual, order: order.get(pair.person.fileId)! };
      if (pick === null || beats(choice, pick)) pick = choice;
    }
    return pick;
  };

  for (;;) {
    let best: { group: NamesakeGroup; choice: Choice } | null = null;
    for (const group of groups.values()) {
      if (group.dirty) [group.choice, group.dirty] = [choose(group), false];
      if (group.choice !== null && (best === null || beats(group.choice, best.choice))) best = { group, choice: group.choice };
    }
    if (best === null) return;
    const { group, choice } = best;
    assign(choice.person, choice.candidate);
    group.people.splice(group.people.indexOf(choice.person), 1);
    group.pool.splice(group.pool.indexOf(choice.candidate), 1);
    group.dirty = true;
    // The new match anchors its neighbours in the file: only their scores can change.
    for (const link of fileGraph.links.get(personNode(choice.person.fileId))!) {
      const neighbour = groupOf.get(link.node.slice(2));
      const person = neighbour?.people.find((p) => p.fileId === link.node.slice(2));
      if (link.node.startsWith("p:") && neighbour !== undefined && person !== undefined) rescore(person, neighbour);
    }
  }
}

/** File people and stored candidates who share a name and have no other identity. */
interface NamesakeGroup {
  people: FileRecord<"person">[];
  pool: Person[];
  choice: Choice | null;
  dirty: boolean;
}

interface Choice {
  person: FileRecord<"person">;
  candidate: Person;
  score: number[];
  mutual: boolean;
  order: number;
}

const better = (a: readonly number[], b: readonly number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

/** A mutual best beats any other pair; then the higher score; then the earlier person of the file. */
const beats = (a: Choice, b: Choice): boolean =>
  a.mutual !== b.mutual ? a.mutual : better(a.score, b.score) ? true : better(b.score, a.score) ? false : a.order < b.order;
