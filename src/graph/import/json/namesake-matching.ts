/**
 * Matching the people of a JSON file known only by name to this owner's
 * namesakes, by where they stand in the network: colour refinement
 * (Weisfeiler-Lehman) over the file's and the stored graph, then a greedy
 * matching in which every match anchors the next (individualization and
 * refinement, as graph-isomorphism tools do it, without backtracking).
 */
import { nameKey } from "../../model/fields.js";
import { SPECS } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import { sameData, type FileRecord } from "./warmpath-json-file.js";

/**
 * People and organizations as nodes, ties, employment (with its start) and
 * membership as labelled links. A node's first colour is what identifies it
 * outright: the stored record it is (or maps to), "self", or else its name.
 */
export interface LinkGraph {
  colors: Map<string, string>;
  /** Each node's links; a tie's also carry its `detail` (its fields), which only breaks ties in score. */
  links: Map<string, { label: string; node: string; detail?: string }[]>;
}

/** What a tie says besides its ends: two namesakes tied alike to the same people differ by it. */
interface TieDetail {
  personA: string;
  personB: string;
  strength?: number | null;
  context?: string | null;
  since?: string | null;
  lastInteraction?: string | null;
  provenance?: string | null;
}

const detailOf = (t: TieDetail): string =>
  JSON.stringify([t.strength, t.context, t.since, t.lastInteraction, t.provenance]);

export const personNode = (id: string) => `p:${id}`;
export const orgNode = (id: string) => `o:${id}`;

export function linkGraph(
  people: readonly { id: string; color: string }[],
  organizations: readonly { id: string; color: string }[],
  ties: readonly TieDetail[],
  jobs: readonly { personId: string; organizationId: string; from: string | null }[],
  groups: readonly { personId: string; organizationId: string }[],
): LinkGraph {
  const colors = new Map([
    ...people.map((p) => [personNode(p.id), p.color] as const),
    ...organizations.map((o) => [orgNode(o.id), o.color] as const),
  ]);
  const links: LinkGraph["links"] = new Map([...colors.keys()].map((node) => [node, []]));
  const link = (a: string, b: string, label: string, detail?: string) => {
    links.get(a)?.push({ label, node: b, detail });
    links.get(b)?.push({ label, node: a, detail });
  };
  for (const t of ties) link(personNode(t.personA), personNode(t.personB), "tie", detailOf(t));
  for (const e of jobs)
    link(personNode(e.personId), orgNode(e.organizationId), `job:${e.from ?? ""}`);
  for (const m of groups) link(personNode(m.personId), orgNode(m.organizationId), "group");
  return { colors, links };
}

export const REFINE_ROUNDS = 3;

/**
 * Weisfeiler-Lehman colour refinement (Weisfeiler & Leman 1968) of several
 * graphs over one colour table, so colours compare across graphs: after
 * round r, two nodes share a colour when their neighbourhoods look alike r
 * links deep. Returns, per round, each graph's colours.
 */
export function refineColors(
  graphs: readonly LinkGraph[],
  rounds: number,
): Map<string, number>[][] {
  const table = new Map<string, number>();
  const intern = (signature: string): number => {
    let color = table.get(signature);
    if (color === undefined) table.set(signature, (color = table.size));
    return color;
  };
  let current = graphs.map(
    (g) => new Map([...g.colors].map(([node, color]) => [node, intern(color)])),
  );
  const out = [current];
  for (let round = 1; round <= rounds; round++) {
    const previous = current;
    current = graphs.map((g, i) => {
      const before = previous[i]!;
      return new Map(
        [...g.colors.keys()].map((node) => {
          const around = g.links
            .get(node)!
            .map((l) => `${l.label}:${before.get(l.node)}`)
            .sort();
          return [node, intern(`${before.get(node)}|${around.join(",")}`)];
        }),
      );
    });
    out.push(current);
  }
  return out;
}

/**
 * Greedy matching of file people to stored namesakes, one pair at a time, in
 * the manner of individualization and refinement: a name with one person on
 * each side is a match outright; then a pair where each is the other's unique
 * best; else the best pair. A pair's score compares, in order: its links to
 * people and organizations already matched, how many of those also carry the
 * same tie fields (strength, context, dates, provenance), how many rounds of colour
 * refinement keep the two alike, and whether the data is the same. Every
 * match joins `personMap` and so anchors the scores of the next.
 */
export function matchNamesakes(
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
  const groupOf = new Map(
    [...groups.values()].flatMap((g) => g.people.map((p) => [p.fileId, g] as const)),
  );

  const storedLinks = new Map<string, Set<string>>();
  const linksOf = (id: string) => {
    let set = storedLinks.get(id);
    if (!set)
      storedLinks.set(
        id,
        (set = new Set(
          storedGraph.links
            .get(personNode(id))!
            .flatMap((l) => [`${l.label}|${l.node}`, `${l.label}|${l.node}|${l.detail}`]),
        )),
      );
    return set;
  };
  const mapped = (node: string): string | undefined => {
    const id = node.slice(2);
    const to = node.startsWith("p:") ? personMap.get(id) : orgMap.get(id);
    return to === undefined ? undefined : `${node.slice(0, 2)}${to}`;
  };
  const score = (person: FileRecord<"person">, candidate: Person): number[] => {
    const theirs = linksOf(candidate.id);
    let [anchored, anchoredAlike] = [0, 0];
    for (const l of fileGraph.links.get(personNode(person.fileId))!) {
      const node = mapped(l.node);
      if (node === undefined || !theirs.has(`${l.label}|${node}`)) continue;
      anchored++;
      if (theirs.has(`${l.label}|${node}|${l.detail}`)) anchoredAlike++;
    }
    const alike = colors.filter(
      ([file, stored]) =>
        file!.get(personNode(person.fileId)) === stored!.get(personNode(candidate.id)),
    ).length;
    const same = sameData("person", candidate, person.data)
      ? 2
      : sameData("person", candidate, SPECS.person.merge!(candidate, person.data))
        ? 1
        : 0;
    return [anchored, anchoredAlike, alike, same];
  };
  const scores = new Map<string, Map<string, number[]>>();
  const rescore = (person: FileRecord<"person">, group: NamesakeGroup) => {
    scores.set(person.fileId, new Map(group.pool.map((c) => [c.id, score(person, c)])));
    group.dirty = true;
  };
  for (const group of groups.values()) for (const person of group.people) rescore(person, group);

  /** The group's pick: a pair where each is the other's unique best if there is one, else its best pair. */
  const choose = (group: NamesakeGroup): Choice | null => {
    const pairs = group.people.flatMap((person) =>
      group.pool.map((candidate) => ({
        person,
        candidate,
        score: scores.get(person.fileId)!.get(candidate.id)!,
      })),
    );
    const uniqueBest = (pair: (typeof pairs)[number], rivals: typeof pairs) =>
      rivals.every((o) => o === pair || better(pair.score, o.score));
    let pick: Choice | null = null;
    for (const pair of pairs) {
      const mutual =
        uniqueBest(
          pair,
          pairs.filter((p) => p.person === pair.person),
        ) &&
        uniqueBest(
          pair,
          pairs.filter((p) => p.candidate === pair.candidate),
        );
      const choice = { ...pair, mutual, order: order.get(pair.person.fileId)! };
      if (pick === null || beats(choice, pick)) pick = choice;
    }
    return pick;
  };

  for (;;) {
    let best: { group: NamesakeGroup; choice: Choice } | null = null;
    for (const group of groups.values()) {
      if (group.dirty) [group.choice, group.dirty] = [choose(group), false];
      if (group.choice !== null && (best === null || beats(group.choice, best.choice)))
        best = { group, choice: group.choice };
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
      if (link.node.startsWith("p:") && neighbour !== undefined && person !== undefined)
        rescore(person, neighbour);
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
  a.mutual !== b.mutual
    ? a.mutual
    : better(a.score, b.score)
      ? true
      : better(b.score, a.score)
        ? false
        : a.order < b.order;
