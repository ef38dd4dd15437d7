/**
 * pooledIntroPaths: introPaths over a team's pooled network (issue 14). The search ranks by
 * the exact strengths (warmestPaths with every teammate first-only: "ask Olga to ask your
 * teammate Ada" is no introduction path, since the requester asks Ada directly), but the answer shows only what
 * the requester may see: each node as its view (pooled-network.ts), the requester's own ties
 * at their strength with their evidence (hopEvidence), a teammate's tie at its band's
 * midpoint with words that tell the band and the member ("Ada knows them well"), and the tie
 * to a teammate at TEAMMATE_STRENGTH ("your teammate Ada"). A path's warmth, its label,
 * `minWarmth` and the order of the list use the shown strengths, so no number of a
 * teammate's tie can be read back (the exact ones only choose which k paths are found).
 * Each path lists the members whose ties it uses, for the audit log.
 * Targets: a node (the requester's person id or a pooled id; NOT_FOUND alike for an unknown
 * and a hidden one), anyone now at an organization (the requester's organization id, or a
 * name matched by normalized name across members), or a text over what the requester sees.
 */
import { badInput, notFound } from "../../errors.js";
import { hopEvidence } from "../paths/hop-evidence.js";
import { warmthLabel } from "../paths/intro-path.js";
import { introPathLimits, type IntroPathsOptions } from "../paths/intro-paths.js";
import { warmestPaths } from "../paths/warmest-paths.js";
import type { PooledEdgeAttributes, PooledNetwork, PooledNodeView } from "./pooled-graph.js";
import { BAND_MIDPOINTS, strengthBand } from "./strength-bands.js";

/** Exactly one of: a node, an organization by the requester's id or by name, or a text. */
export interface PooledTarget {
  /** One of the requester's person ids, or a pooled id. */
  personId?: string | null;
  /** One of the requester's organizations: anyone now at an organization of its name. */
  organizationId?: string | null;
  /** Anyone now at an organization of this name (case and spacing ignored). */
  organizationName?: string | null;
  /** Anyone whose visible name, title or company contains this text. */
  text?: string | null;
}

/** The options of introPaths; `from` and `exclude` take person ids of the requester and pooled ids. */
export type PooledPathsOptions = IntroPathsOptions;

export interface PooledHop {
  from: PooledNodeView;
  to: PooledNodeView;
  /** Exact for the requester's own tie; the band's midpoint for a teammate's; TEAMMATE_STRENGTH to a teammate. */
  strength: number;
  inferred: boolean;
  evidence: string[];
  /** The member whose tie this is (the teammate, for the tie to a teammate); null for the requester's own. */
  via: string | null;
}

export interface PooledPath {
  /** The product of the hops' shown strengths, 0-1. */
  warmth: number;
  label: string;
  /** Node ids from the start to the target: the requester's person ids and pooled ids. */
  people: string[];
  hops: PooledHop[];
  weakestLink: PooledHop;
  /** The members whose ties the path uses, by user id. */
  memberUserIds: string[];
}

export interface PooledPathResult {
  paths: PooledPath[];
  noPathReason: string | null;
  /** The members whose ties any of the paths uses, by user id (for the audit log). */
  memberUserIds: string[];
}

const TARGET_FIELDS = ["personId", "organizationId", "organizationName", "text"] as const;

/** Checks a target names exactly one thing (before any work). */
export function checkPooledTarget(target: PooledTarget, field = "to"): void {
  const given = TARGET_FIELDS.filter((k) => target[k] != null);
  if (given.length !== 1) throw badInput(field, `give exactly one of ${TARGET_FIELDS.join(", ")}`);
  for (const k of given)
    if (typeof target[k] !== "string" || target[k].trim() === "")
      throw badInput(`${field}.${k}`, "must not be empty");
}

/** The words for a node in a sentence. */
export function viewName(pool: PooledNetwork, view: PooledNodeView): string {
  switch (view.kind) {
    case "own":
      return pool.requester.people.get(view.personId)?.name ?? "them";
    case "teammate":
    case "pooled":
      return view.name;
    case "opaque":
      return view.company === null ? "someone" : `someone at ${view.company}`;
    default: {
      const never: never = view;
      return never;
    }
  }
}

const EVERYONE = "your network or your team's shared networks";

function resolveTarget(
  pool: PooledNetwork,
  target: PooledTarget,
): { nodes: string[]; what: string; nobody: string } {
  checkPooledTarget(target);
  if (target.personId != null) {
    const node = pool.nodeOf(target.personId);
    if (node === undefined) throw notFound("person", target.personId, "to.personId");
    return { nodes: [node], what: viewName(pool, pool.view(node)), nobody: "" };
  }
  if (target.text != null) {
    const text = target.text.trim();
    return {
      nodes: pool.matching(text),
      what: `anyone matching "${text}"`,
      nobody: `Nobody in ${EVERYONE} matches "${text}".`,
    };
  }
  let name: string;
  if (target.organizationId != null) {
    const org = pool.requester.organizations.get(target.organizationId);
    if (!org) throw notFound("organization", target.organizationId, "to.organizationId");
    name = org.name;
  } else name = target.organizationName!.trim().replace(/\s+/g, " ");
  return {
    nodes: pool.currentlyAt(name),
    what: `anyone at ${name}`,
    nobody: `Nobody in ${EVERYONE} works at ${name} now.`,
  };
}

/** What the requester may see of one tie: its shown strength and evidence. */
function shownHop(
  pool: PooledNetwork,
  from: string,
  to: string,
  edge: PooledEdgeAttributes,
): PooledHop {
  const hop = { from: pool.view(from), to: pool.view(to), inferred: edge.inferred, via: edge.via };
  if (edge.via === null) {
    const own = pool.ownTie(from, to)!;
    const [a, b] = pool.nodeOf(own.from) === from ? [own.from, own.to] : [own.to, own.from];
    return {
      ...hop,
      strength: edge.strength,
      evidence: hopEvidence(pool.requester, a, b, own.attributes),
    };
  }
  const member = pool.memberName(edge.via);
  if (edge.teammate)
    return { ...hop, strength: edge.strength, evidence: [`your teammate ${member}`] };
  const band = strengthBand(edge.strength);
  const memberNode = pool.memberNode(edge.via);
  const memberEnd = from === memberNode || to === memberNode;
  const words = memberEnd
    ? {
        strong: `${member} knows them well`,
        good: `${member} knows them`,
        weak: `${member} has met them`,
      }
    : {
        strong: `they know each other well, says ${member}`,
        good: `they know each other, says ${member}`,
        weak: `they have met, says ${member}`,
      };
  const evidence = edge.inferred
    ? [
        memberEnd
          ? `inferred: ${member} probably knows them`
          : `inferred: ${member}'s records suggest they know each other`,
      ]
    : [words[band]];
  return { ...hop, strength: BAND_MIDPOINTS[band], evidence };
}

/** The warmest introduction paths from the requester to a target over the pooled network. */
export function pooledIntroPaths(
  pool: PooledNetwork,
  target: PooledTarget,
  options: PooledPathsOptions = {},
): PooledPathResult {
  const { maxHops, k, minWarmth } = introPathLimits(options);
  const from = options.from == null ? pool.selfNode : pool.nodeOf(options.from);
  if (from === undefined) throw notFound("person", options.from!, "from");
  const { nodes, what, nobody } = resolveTarget(pool, target);
  const targets = nodes.filter((node) => node !== from);
  const none = (noPathReason: string): PooledPathResult => ({
    paths: [],
    noPathReason,
    memberUserIds: [],
  });
  if (targets.length === 0)
    return none(nodes.length === 0 ? nobody : "That is where the path starts.");
  const { index } = pool;
  const exclude = (options.exclude ?? []).flatMap((id) => {
    const node = pool.nodeOf(id);
    return node === undefined ? [] : [index.indexOf.get(node)!];
  });
  // The search ranks by exact strengths; minWarmth is applied to the shown warmth below.
  const firstOnly = pool.memberUserIds().flatMap((userId) => {
    const node = pool.memberNode(userId);
    return node === undefined ? [] : [index.indexOf.get(node)!];
  });
  const found = warmestPaths(
    index,
    index.indexOf.get(from)!,
    targets.map((node) => index.indexOf.get(node)!),
    { maxHops, k, diverseIntroducers: options.diverseIntroducers ?? true, exclude, firstOnly },
  );
  const paths = found
    .map((path) => path.nodes.map((i) => index.keys[i]!))
    .map((people): PooledPath => {
      const hops = people
        .slice(1)
        .map((to, i) =>
          shownHop(pool, people[i]!, to, pool.graph.getEdgeAttributes(people[i]!, to)),
        );
      const weakestLink = hops.reduce((w, h) => (h.strength < w.strength ? h : w));
      const warmth = hops.reduce((product, h) => product * h.strength, 1);
      const memberUserIds = [
        ...new Set(hops.flatMap((h) => (h.via === null ? [] : [h.via]))),
      ].sort();
      return { warmth, label: warmthLabel(warmth), people, hops, weakestLink, memberUserIds };
    })
    .filter((p) => p.warmth >= minWarmth)
    // Shown warmest first (a stable sort: the exact order among equals), so the list reads in order.
    .sort((a, b) => b.warmth - a.warmth);
  if (paths.length === 0) {
    const limits = [
      `${maxHops} ${maxHops === 1 ? "tie" : "ties"}`,
      ...(exclude.length ? ["without the people you excluded"] : []),
      ...(minWarmth > 0 ? [`at warmth ${minWarmth} or more`] : []),
    ];
    return none(
      `There is no warm path to ${what} within ${limits.join(", ")}. Try more ties, or ask your teammates to share more of their networks.`,
    );
  }
  const memberUserIds = [...new Set(paths.flatMap((p) => p.memberUserIds))].sort();
  return { paths, noPathReason: null, memberUserIds };
}
