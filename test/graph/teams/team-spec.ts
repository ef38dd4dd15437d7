/**
 * Random small teams for the pooling properties, and what the pooling rules say of them,
 * computed here from the spec alone (never from the code under test): which records are
 * shareable, which records are one person, and the union graph a requester may search.
 *
 * People are "personas" 0..PERSONAS-1; every record of a persona carries the persona's key
 * (a profile URL or a work address, by the persona's style), so a persona is one node.
 * Records of a persona may share a name with another persona's: names never merge.
 */
import fc from "fast-check";
import type { NetworkStore, PersonInput } from "../../../src/graph/index.js";
import type { PoolingSettings, SharingLevel } from "../../../src/graph/store/teams.js";
import { Network } from "./team-fixture.js";

export const PERSONAS = 6;
export const KINDS = [
  "work",
  "personal",
  "untitled",
  "blocked",
  "overrideShared",
  "overrideHidden",
] as const;
export type Kind = (typeof KINDS)[number];
export type Style = "url" | "email";
/** A persona: "p3", a member's own person "m1", the requester's own "r". */
export type Persona = string;

export interface ContactSpec {
  persona: Persona;
  kind: Kind;
  name: string;
  /** A current employer, by name (only when the spec asks for jobs). */
  at: string | null;
}
export interface NetworkSpec {
  contacts: ContactSpec[];
  /** Ties between records: 0 is the owner's own person, i + 1 the i-th contact. */
  ties: [number, number, number][];
}
export interface TeamSpec {
  styles: Style[];
  requester: NetworkSpec;
  members: { level: SharingLevel; network: NetworkSpec }[];
}

const STRENGTHS = [0.1, 0.25, 0.4, 0.45, 0.55, 0.6, 0.7, 0.85, 1];

function networkSpec(
  personas: Persona[],
  kinds: readonly Kind[],
  withJobs: boolean,
): fc.Arbitrary<NetworkSpec> {
  return fc
    .uniqueArray(
      fc.record({
        persona: fc.constantFrom(...personas),
        kind: fc.constantFrom(...kinds),
        name: fc.constantFrom("Alex", "Sam", "Kim"),
        at: withJobs ? fc.constantFrom(null, "Acme", "Contoso") : fc.constant(null),
      }),
      { selector: (c) => c.persona, maxLength: 5 },
    )
    .chain((contacts) =>
      fc.record({
        contacts: fc.constant(contacts),
        ties: fc.array(
          fc.tuple(fc.nat(contacts.length), fc.nat(contacts.length), fc.constantFrom(...STRENGTHS)),
          { maxLength: 10 },
        ),
      }),
    );
}

/** A requester "r" and one to three members "m0".."m2" (user ids "u0".."u2"). */
export function teamSpec(withJobs = false): fc.Arbitrary<TeamSpec> {
  return fc.integer({ min: 1, max: 3 }).chain((m) => {
    const selves = ["r", ...Array.from({ length: m }, (_, j) => `m${j}`)];
    const regular = Array.from({ length: PERSONAS }, (_, i) => `p${i}`);
    return fc.record({
      styles: fc.array(fc.constantFrom<Style>("url", "email"), {
        minLength: PERSONAS,
        maxLength: PERSONAS,
      }),
      requester: networkSpec([...regular, ...selves.slice(1)], ["work"], withJobs),
      members: fc.tuple(
        ...Array.from({ length: m }, (_, j) =>
          fc.record({
            level: fc.constantFrom<SharingLevel>("full", "full", "company", "off"),
            network: networkSpec(
              [...regular, ...selves.filter((s) => s !== `m${j}`)],
              KINDS,
              withJobs,
            ),
          }),
        ),
      ),
    });
  });
}

const isSelfPersona = (p: Persona) => !p.startsWith("p");
const styleOf = (spec: TeamSpec, p: Persona): Style =>
  isSelfPersona(p) ? "email" : spec.styles[Number(p.slice(1))]!;
/** The persona's key: one on every record of it. */
const keyOf = (spec: TeamSpec, p: Persona) =>
  styleOf(spec, p) === "url"
    ? { profileUrl: `https://linkedin.com/in/${p}` }
    : { emails: [`${p}@${isSelfPersona(p) ? "team" : `corp-${p}`}.example`] };

/** A kind as it applies to a persona: personal records need a URL to be one person, and selves are colleagues. */
export function effectiveKind(spec: TeamSpec, c: ContactSpec): Kind {
  if (isSelfPersona(c.persona)) return "work";
  if (c.kind === "personal" && styleOf(spec, c.persona) === "email") return "untitled";
  return c.kind;
}

/** The record of a contact, as the store takes it. */
export function recordOf(spec: TeamSpec, c: ContactSpec): PersonInput & { at?: string[] } {
  const key = keyOf(spec, c.persona);
  const gmail = [`${c.persona}@gmail.com`];
  const base = { name: c.name, ...(c.at ? { at: [c.at] } : {}) };
  switch (effectiveKind(spec, c)) {
    case "work":
    case "overrideHidden":
      return { ...base, ...key, title: "Engineer" };
    case "personal":
      return { ...base, ...key, emails: gmail, title: "Designer", at: [] };
    case "untitled":
      return { ...base, ...key, at: [] };
    case "blocked":
      return { ...base, ...key, title: "Engineer", tags: ["family"] };
    case "overrideShared":
      return styleOf(spec, c.persona) === "url"
        ? { ...base, ...key, emails: gmail, at: [] }
        : { ...base, ...key, at: [] };
  }
}

/** Whether the pooling rules share a member's contact (the table of the rules, by kind). */
export function shareableBySpec(spec: TeamSpec, c: ContactSpec): boolean {
  switch (effectiveKind(spec, c)) {
    case "work":
    case "overrideShared":
      return true;
    case "untitled":
      return styleOf(spec, c.persona) === "url";
    case "personal":
    case "blocked":
    case "overrideHidden":
      return false;
  }
}

/** The member's settings for the spec: "family" blocked, the overrides, and a blocked record "shared" anyway. */
export function settingsOf(spec: TeamSpec, network: Network, n: NetworkSpec): PoolingSettings {
  return {
    blockedLabels: ["Family"],
    contacts: n.contacts.flatMap((c, i): PoolingSettings["contacts"] => {
      const personId = network.id[`c${i}`]!;
      const kind = effectiveKind(spec, c);
      if (kind === "overrideShared" || kind === "blocked") return [{ personId, sharing: "shared" }];
      if (kind === "overrideHidden") return [{ personId, sharing: "hidden" }];
      return [];
    }),
  };
}

/** Writes one network of the spec: the owner's own person is persona `self`, contact i is "c{i}". */
export async function writeNetwork(
  store: NetworkStore,
  spec: TeamSpec,
  self: Persona,
  n: NetworkSpec,
): Promise<Network> {
  const network = await Network.create(store, { name: self.toUpperCase(), ...keyOf(spec, self) });
  for (const [i, c] of n.contacts.entries()) await network.person(`c${i}`, recordOf(spec, c));
  const seen = new Set<string>();
  for (const [a, b, strength] of n.ties) {
    const [x, y] = [a === 0 ? "self" : `c${a - 1}`, b === 0 ? "self" : `c${b - 1}`];
    const pair = [x, y].sort().join("|");
    if (x === y || seen.has(pair)) continue;
    seen.add(pair);
    await network.tie(x, y, strength);
  }
  return network;
}

/** The union graph the rules allow the requester "r" to search, by persona, and its teammates. */
export function unionGraph(
  spec: TeamSpec,
  teammateStrength = 0.9,
): {
  nodes: Set<Persona>;
  edges: Map<string, number>;
  teammates: Set<Persona>;
} {
  const nodes = new Set<Persona>(["r"]);
  const teammates = new Set<Persona>();
  const edges = new Map<string, number>();
  const pooled = spec.members.flatMap((m, j) =>
    m.level === "off" ? [] : [{ ...m, self: `m${j}` }],
  );
  for (const m of pooled) teammates.add(m.self);
  const selves = new Set(["r", ...teammates]);
  const add = (self: Persona, n: NetworkSpec, shared: (c: ContactSpec) => boolean) => {
    const persona = (i: number) => (i === 0 ? self : n.contacts[i - 1]!.persona);
    const ok = (i: number) => i === 0 || shared(n.contacts[i - 1]!);
    nodes.add(self);
    for (const c of n.contacts) if (shared(c)) nodes.add(c.persona);
    const seen = new Set<string>();
    for (const [a, b, strength] of n.ties) {
      const key = [a, b].sort().join("|");
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      if (!ok(a) || !ok(b)) continue;
      const [x, y] = [persona(a), persona(b)];
      if (selves.has(x) && selves.has(y)) continue;
      const pair = [x, y].sort().join("|");
      edges.set(pair, Math.max(edges.get(pair) ?? 0, strength));
    }
  };
  add("r", spec.requester, () => true);
  for (const m of pooled) add(m.self, m.network, (c) => shareableBySpec(spec, c));
  for (const t of teammates) edges.set(["r", t].sort().join("|"), teammateStrength);
  return { nodes, edges, teammates };
}

/** The warmest path's warmth from "r" to `target` by brute force (a teammate only first), or 0. */
export function bruteForceWarmth(
  graph: ReturnType<typeof unionGraph>,
  target: Persona,
  maxHops: number,
): number {
  const neighbors = new Map<Persona, [Persona, number][]>();
  for (const [pair, s] of graph.edges) {
    const [a, b] = pair.split("|") as [Persona, Persona];
    neighbors.set(a, [...(neighbors.get(a) ?? []), [b, s]]);
    neighbors.set(b, [...(neighbors.get(b) ?? []), [a, s]]);
  }
  let best = 0;
  const walk = (path: Persona[], warmth: number) => {
    const here = path.at(-1)!;
    if (here === target) return void (best = Math.max(best, warmth));
    if (path.length - 1 === maxHops) return;
    for (const [next, s] of neighbors.get(here) ?? []) {
      if (path.includes(next)) continue;
      if (graph.teammates.has(next) && path.length !== 1) continue;
      walk([...path, next], warmth * s);
    }
  };
  walk(["r"], 1);
  return best;
}
