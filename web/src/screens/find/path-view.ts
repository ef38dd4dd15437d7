/**
 * One shape for the paths of both searches (your own network's introPaths and a team's
 * teamIntroPaths), so one card draws either: people with the words that identify them, hops
 * with their evidence, the weakest link and inferred or pooled ties marked.
 */
import type { PathPerson, PersonalPath } from "./find.documents";
import type { HopPerson, TeamPath } from "./find-team.documents";
import { roleLine } from "./search-target";

export interface PathPersonView {
  /** Unique on the path; the person's id where there is one. */
  key: string;
  /** The id `exclude` takes, or null for those who cannot be excluded (you, a teammate). */
  excludeId: string | null;
  name: string;
  detail: string | null;
  kind: "you" | "contact" | "teammate" | "pooled" | "opaque";
}

export interface HopView {
  from: PathPersonView;
  to: PathPersonView;
  strength: number;
  /** A teammate's tie shows only its band (STRONG, GOOD, WEAK), never the number. */
  band: string | null;
  inferred: boolean;
  pooled: boolean;
  evidence: string[];
  weakest: boolean;
}

export interface PathView {
  key: string;
  warmth: number;
  label: string;
  people: PathPersonView[];
  hops: HopView[];
}

function personView(p: PathPerson): PathPersonView {
  return p.isSelf
    ? { key: p.id, excludeId: null, name: "You", detail: null, kind: "you" }
    : { key: p.id, excludeId: p.id, name: p.name, detail: roleLine(p), kind: "contact" };
}

function hopPersonView(p: HopPerson): PathPersonView {
  switch (p.__typename) {
    case "Person":
      return p.isSelf
        ? { key: p.id, excludeId: null, name: "You", detail: null, kind: "you" }
        : { key: p.id, excludeId: p.id, name: p.name, detail: p.title, kind: "contact" };
    case "Teammate":
      return {
        key: `teammate:${p.userId}`,
        excludeId: null,
        name: p.name,
        detail: "your teammate",
        kind: "teammate",
      };
    case "PooledPerson": {
      const role = [p.title, p.company ? `at ${p.company}` : null].filter(Boolean).join(" ");
      return {
        key: p.id,
        excludeId: p.id,
        name: p.name,
        detail: [role, `known to ${p.via.join(", ")}`].filter(Boolean).join("; "),
        kind: "pooled",
      };
    }
    case "OpaquePerson":
      return {
        key: p.id,
        excludeId: p.id,
        name: p.company ? `Someone at ${p.company}` : "Someone",
        detail: `known to ${p.via.join(", ")}`,
        kind: "opaque",
      };
  }
}

/** The index of the hop the API named as the weakest link (the first of equals, as it picks). */
const weakestIndex = (hops: { from: string; to: string }[], from: string, to: string): number =>
  hops.findIndex((h) => h.from === from && h.to === to);

export function personalPathView(path: PersonalPath, index: number): PathView {
  const people = path.people.map(personView);
  const byId = new Map(people.map((p) => [p.key, p]));
  const weakest = weakestIndex(
    path.hops.map((h) => ({ from: h.from.id, to: h.to.id })),
    path.weakestLink.from.id,
    path.weakestLink.to.id,
  );
  return {
    key: `${index}:${people.map((p) => p.key).join(">")}`,
    warmth: path.warmth,
    label: path.label,
    people,
    hops: path.hops.map((h, i) => ({
      from: byId.get(h.from.id) ?? people[i]!,
      to: byId.get(h.to.id) ?? people[i + 1]!,
      strength: h.strength,
      band: null,
      inferred: h.inferred,
      pooled: false,
      evidence: h.evidence,
      weakest: i === weakest,
    })),
  };
}

export function teamPathView(path: TeamPath, index: number): PathView {
  const people = path.people.map(hopPersonView);
  const key = (p: HopPerson) => hopPersonView(p).key;
  const weakest = weakestIndex(
    path.hops.map((h) => ({ from: key(h.from), to: key(h.to) })),
    key(path.weakestLink.from),
    key(path.weakestLink.to),
  );
  return {
    key: `${index}:${people.map((p) => p.key).join(">")}`,
    warmth: path.warmth,
    label: path.label,
    people,
    hops: path.hops.map((h, i) => ({
      from: hopPersonView(h.from),
      to: hopPersonView(h.to),
      strength: h.strength,
      band: h.pooled ? h.band : null,
      inferred: h.inferred,
      pooled: h.pooled,
      evidence: h.evidence,
      weakest: i === weakest,
    })),
  };
}
