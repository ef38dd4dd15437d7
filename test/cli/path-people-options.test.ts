/**
 * `path --role`, `--exclude`, `--min-warmth`, warmth labels in colour only on request,
 * output in 80 columns, and `people` in pages with counts: through the real binary.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDist, json, scratchDir, warmpath, withFile } from "./warmpath-binary.js";

const dir = scratchDir();
const db = join(dir, "options.db");
const ESC = "\u001b[";

beforeAll(async () => {
  await buildDist();
  await withFile(db, async (store, self) => {
    const person = (name: string, extra: object = {}) =>
      store.create("me", "person", { name, ...extra });
    const know = (a: string, b: string, strength: number) =>
      store.create("me", "tie", { personA: a, personB: b, strength, provenance: "manual" });
    const fabrikam = await store.create("me", "organization", { name: "Fabrikam" });
    const globex = await store.create("me", "organization", { name: "Globex" });
    const ann = await person("Ann Archer");
    const bob = await person("Bob Baker");
    const rita = await person("Rita Reyes", {
      title: "Senior Technical Recruiter for Engineering, Data and Product Leadership",
    });
    const tom = await person("Tom Tran", { title: "Recruiter" });
    await store.create("me", "employment", { personId: rita.id, organizationId: fabrikam.id });
    await store.create("me", "employment", { personId: tom.id, organizationId: globex.id });
    await know(self.id, ann.id, 0.9);
    await know(self.id, bob.id, 0.4);
    await know(ann.id, rita.id, 0.9);
    await know(bob.id, rita.id, 0.9);
    await know(bob.id, tom.id, 0.9);
    for (let i = 1; i <= 30; i++) await person(`Person ${String(i).padStart(2, "0")}`);
  });
}, 240_000);

const firstIntroducers = (found: { paths: { people: { name: string }[] }[] }) =>
  found.paths.map((p) => p.people[1]!.name);

describe("warmpath path options", () => {
  it("finds paths to a role at an organization with --role", async () => {
    const found = await json(db, ["path", "--role", "recruiter at fabrikam"]);
    expect(found.target).toMatchObject({ kind: "role", name: "recruiter at Fabrikam" });
    expect(new Set(found.paths.map((p: any) => p.people.at(-1).name))).toEqual(
      new Set(["Rita Reyes"]),
    );
    const globex = await json(db, ["path", "--role", "Recruiter at Globex"]);
    expect(new Set(globex.paths.map((p: any) => p.people.at(-1).name))).toEqual(
      new Set(["Tom Tran"]),
    );
    const anywhere = await json(db, ["path", "--role", "recruiter"]);
    expect(anywhere.target.name).toBe("recruiter");
    for (const p of anywhere.paths)
      expect(["Rita Reyes", "Tom Tran"]).toContain(p.people.at(-1).name);
  });

  it("never goes through the people given with --exclude", async () => {
    expect(firstIntroducers(await json(db, ["path", "--to", "Rita"]))).toContain("Ann Archer");
    const found = await json(db, ["path", "--to", "Rita", "--exclude", "ann archer"]);
    expect(found.paths.length).toBeGreaterThan(0);
    expect(firstIntroducers(found)).not.toContain("Ann Archer");
  });

  it("keeps only paths at least as warm as --min-warmth", async () => {
    const all = await json(db, ["path", "--to", "Rita"]);
    const warm = await json(db, ["path", "--to", "Rita", "--min-warmth", "0.5"]);
    expect(warm.paths.length).toBeLessThan(all.paths.length);
    for (const p of warm.paths) expect(p.warmth).toBeGreaterThanOrEqual(0.5);
    const bad = await warmpath(db, ["path", "--to", "Rita", "--min-warmth", "2"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("BAD_USER_INPUT (--min-warmth)");
  });

  it("names --role when its organization is not in the store", async () => {
    const out = await warmpath(db, ["path", "--role", "recruiter at Initech"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/NOT_FOUND \(--role\): no organization named "Initech"/);
  });

  it("prints plain text when piped, colours with FORCE_COLOR, none with NO_COLOR", async () => {
    const piped = await warmpath(db, ["path", "--to", "Rita"]);
    expect(piped.stdout).not.toContain(ESC);
    const forced = await warmpath(db, ["path", "--to", "Rita"], { FORCE_COLOR: "1" });
    expect(forced.stdout).toContain(`${ESC}31mwarm`);
    const off = await warmpath(db, ["path", "--to", "Rita"], { FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(off.stdout).toBe(piped.stdout);
  });

  it("keeps every line within 80 columns", async () => {
    for (const args of [
      ["path", "--role", "recruiter"],
      ["people"],
      ["--help"],
      ["path", "--help"],
      ["people", "--help"],
    ]) {
      const out = await warmpath(db, args);
      expect(out.code, out.stderr).toBe(0);
      for (const line of out.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });
});

describe("warmpath people, in pages", () => {
  it("gives a page with --first and --page, the count, and where the next starts", async () => {
    const page = await json(db, ["people", "person", "--first", "10", "--page", "2"]);
    expect(page.people.map((p: { name: string }) => p.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Person ${i + 11}`),
    );
    expect(page.totalCount).toBe(30);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await json(db, [
      "people",
      "person",
      "--first",
      "10",
      "--after",
      page.pageInfo.endCursor,
    ]);
    expect(next.people[0].name).toBe("Person 21");
    expect(next.pageInfo.hasNextPage).toBe(false);
    const text = await warmpath(db, ["people", "person", "--first", "10", "--page", "2"]);
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("(11-20 of 30 people; next: --page 3)");
  });

  it("counts everyone but you without paging options", async () => {
    const all = await json(db, ["people"]);
    expect(all.totalCount).toBe(34);
    expect(all.people).toHaveLength(34);
    expect(all.pageInfo.hasNextPage).toBe(false);
  });

  it("names the paging option that is wrong", async () => {
    const zero = await warmpath(db, ["people", "--page", "0"]);
    expect(zero.stderr).toContain("BAD_USER_INPUT (--page)");
    const after = await warmpath(db, ["people", "--after", "nobody"]);
    expect(after.stderr).toContain("BAD_USER_INPUT (--after)");
    const both = await warmpath(db, ["people", "--page", "2", "--after", "x"]);
    expect(both.stderr).toContain("BAD_USER_INPUT (--page)");
  });
});
