/**
 * People named as the user types them, through the real binary: accents and case folded,
 * a whole first or last name before a part of one, groups searchable, a clear choice when
 * several people share a name, and NOT_FOUND naming the store searched.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDist, json, scratchDir, warmpath, withFile } from "./warmpath-binary.js";

const dir = scratchDir();
const db = join(dir, "names.db");

beforeAll(async () => {
  await buildDist();
  await withFile(db, async (store, self) => {
    const person = (name: string, extra: object = {}) =>
      store.create("me", "person", { name, ...extra });
    const know = (a: string, b: string, strength: number) =>
      store.create("me", "tie", {
        personA: a,
        personB: b,
        strength,
        context: "friend",
        provenance: "manual",
      });
    const chloe = await person("Chloé Dubois", { title: "Directrice" });
    const jurgen = await person("Jürgen Groß");
    const lena = await person("Lena Ørsted");
    const elena = await person("Elena Diaz");
    const ann1 = await person("Ann Lee", { emails: ["ann@acme.example"] });
    const ann2 = await person("Ann Lee", { emails: ["ann.lee@globex.example"] });
    const tom = await person("Tom Target");
    const chamber = await store.create("me", "organization", {
      name: "Scottsdale Chamber",
      kind: "chamber",
    });
    await store.create("me", "membership", { personId: jurgen.id, organizationId: chamber.id });
    for (const p of [chloe, jurgen, lena, elena, ann1, ann2]) await know(self.id, p.id, 0.8);
    await know(chloe.id, tom.id, 0.9);
  });
}, 240_000);

const names = async (...args: string[]): Promise<string[]> =>
  (await json<{ people: { name: string }[] }>(db, ["people", ...args])).people.map((p) => p.name);

describe("people, found as they are typed", () => {
  it("folds accents and case: chloe finds Chloé, jurgen and GROSS find Jürgen Groß", async () => {
    expect(await names("chloe")).toEqual(["Chloé Dubois"]);
    expect(await names("jurgen")).toEqual(["Jürgen Groß"]);
    expect(await names("GROSS")).toEqual(["Jürgen Groß"]);
    expect(await names("orsted")).toEqual(["Lena Ørsted"]);
  });

  it("finds people by the groups they belong to", async () => {
    expect(await names("scottsdale")).toEqual(["Jürgen Groß"]);
  });

  it("takes a whole first name over a part of a name: Lena is not ambiguous with Elena", async () => {
    const found = await json(db, ["path", "--to", "lena"]);
    expect(found.target.name).toBe("Lena Ørsted");
    const elena = await json(db, ["path", "--to", "elena"]);
    expect(elena.target.name).toBe("Elena Diaz");
  });

  it("finds a path target typed without its accents", async () => {
    const found = await json(db, ["path", "--to", "chloe dubois"]);
    expect(found.target.name).toBe("Chloé Dubois");
    expect(found.paths[0].people.map((p: { name: string }) => p.name)).toEqual([
      "Me",
      "Chloé Dubois",
    ]);
  });

  it("lists both people who share a name, with their e-mails, and exits 2", async () => {
    const out = await warmpath(db, ["path", "--to", "ann lee"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("BAD_USER_INPUT (--to)");
    expect(out.stderr).toContain("Ann Lee <ann@acme.example>");
    expect(out.stderr).toContain("Ann Lee <ann.lee@globex.example>");
    const byEmail = await json(db, ["path", "--to", "ann.lee@globex.example"]);
    expect(byEmail.target.name).toBe("Ann Lee");
  });

  it("says which store it searched, and how many people it holds, when nobody matches", async () => {
    const out = await warmpath(db, ["path", "--to", "Zed Nobody"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /NOT_FOUND \(--to\): no one named "Zed Nobody" in SQLite at .*names\.db, 8 people/,
    );
  });
});

describe("--db", () => {
  it("wins over WARMPATH_DB, on any command", async () => {
    const other = join(dir, "other.db");
    const out = await warmpath(db, ["people", "chloe"], { WARMPATH_DB: other });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("Chloé Dubois");
    expect(existsSync(other)).toBe(false);
  });

  it("needs a file name", async () => {
    const out = await warmpath(db, ["people", "--db"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("BAD_USER_INPUT (--db)");
  });
});
