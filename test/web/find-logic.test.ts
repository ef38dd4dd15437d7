/**
 * The Find screen's pure logic, without a browser: what a search text means (a company, a
 * person or a role) and why a cold path is not warmer.
 */
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const WEB_SRC = resolve(import.meta.dirname, "../../web/src/screens/find");
/** Loads a web module by path (a variable, so the server's tsc never type-checks web code). */
const load = (file: string): Promise<any> => import(join(WEB_SRC, file));

let readingsOf: (text: string, candidates: unknown) => any[];
let whyNotWarmer: (path: unknown) => string[];
beforeAll(async () => {
  ({ readingsOf } = await load("search-target.ts"));
  ({ whyNotWarmer } = await load("why-not-warmer.ts"));
});

const person = (id: string, name: string, isSelf = false) => ({
  node: { id, name, title: null, isSelf, employment: [] },
});
const candidates = (organizations: [string, string][], people: ReturnType<typeof person>[]) => ({
  organizations: {
    totalCount: organizations.length,
    edges: organizations.map(([id, name]) => ({ node: { id, name } })),
  },
  people: { totalCount: people.length, edges: people },
});

describe("what the search box means", () => {
  it("reads a company's whole name as anyone at that company, ignoring case", () => {
    const [first] = readingsOf("fabrikam", candidates([["o1", "Fabrikam"]], [person("p1", "Dev")]));
    expect(first).toEqual({ kind: "organization", id: "o1", name: "Fabrikam" });
  });

  it("reads one person's whole name as that person, ignoring accents and spacing", () => {
    const [first] = readingsOf(" chloe   NGUYEN", candidates([], [person("p1", "Chloé Nguyen")]));
    expect(first).toMatchObject({ kind: "person", id: "p1" });
  });

  it("reads anything else as a role, and offers the other readings (never yourself)", () => {
    const readings = readingsOf(
      "VP",
      candidates([["o1", "VP Corp"]], [person("p1", "Dev"), person("me", "Me", true)]),
    );
    expect(readings[0]).toEqual({ kind: "text", text: "VP" });
    expect(readings.map((r) => r.id ?? r.kind)).toEqual(["text", "o1", "p1"]);
  });
});

describe("why not warmer", () => {
  const you = { key: "me", name: "You", kind: "you" };
  const ada = { key: "a", name: "Ada", kind: "contact" };
  const dev = { key: "d", name: "Dev", kind: "contact" };
  const lena = { key: "l", name: "Lena", kind: "contact" };
  const hop = (from: object, to: object, strength: number, more: object = {}) => ({
    from,
    to,
    strength,
    band: null,
    inferred: false,
    pooled: false,
    evidence: [],
    weakest: false,
    ...more,
  });

  it("names the length, the weakest link and the inferred tie, each with what would help", () => {
    const reasons = whyNotWarmer({
      warmth: 0.036,
      label: "cold",
      hops: [
        hop(you, ada, 0.6),
        hop(ada, dev, 0.2, { weakest: true }),
        hop(dev, lena, 0.3, { inferred: true }),
      ],
    });
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toContain("It takes 3 ties");
    expect(reasons[0]).toContain("0.60 × 0.20 × 0.30 = 0.04");
    expect(reasons[1]).toContain("The weakest link is Ada → Dev (0.20)");
    expect(reasons[2]).toContain("Dev → Lena is only inferred");
  });

  it("points at your own tie when it is the weakest", () => {
    const [reason] = whyNotWarmer({
      warmth: 0.1,
      label: "cool",
      hops: [hop(you, ada, 0.1, { weakest: true })],
    });
    expect(reason).toContain("Your own tie to Ada is the weakest link");
  });
});
