import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { CATEGORIES, type Category } from "../../../src/graph/model/person.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import {
  CADENCE_DEFAULTS,
  cadenceFor,
  categoryCadences,
  setCadence,
} from "../../../src/graph/habits/cadence-rules.js";
import { keepInTouch } from "../../../src/graph/habits/keep-in-touch.js";
import { lastContacts } from "../../../src/graph/habits/last-contacts.js";
import { addDays } from "../../../src/graph/habits/calendar-days.js";
import { losingTouch } from "../../../src/graph/habits/losing-touch.js";
import { expectError } from "../../../src/testing.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const TODAY = "2026-11-22";
/** An instant `offset` days from today, mid-morning. */
const at = (offset: number): string => `${addDays(TODAY, offset)}T10:00:00.000Z`;
const inDays = (offset: number, now = NOW) => ({
  now: new Date(now.getTime() + offset * 86_400_000),
});

describe("keep-in-touch cadence", () => {
  let store: NetworkStore;
  let owner: string;
  let self: string;

  const person = async (
    name: string,
    extra: { categories?: Category[]; cadenceIdealDays?: number; cadenceMaxDays?: number } = {},
  ) => (await store.create(owner, "person", { name, ...extra })).id;
  const log = (
    personId: string,
    when: string,
    direction: "inbound" | "outbound" | "mutual" = "outbound",
  ) => store.create(owner, "interaction", { personId, kind: "email", at: when, direction });

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    owner = `cadence-${randomUUID()}`;
    self = (await store.ensureOwner(owner, { name: "Me" })).id;
  });

  describe("rules", () => {
    it("has a default for every category, with family every 14 days, clients 30 and friends 90, and a maximum gap at least the ideal one", () => {
      expect(Object.keys(CADENCE_DEFAULTS).sort()).toEqual([...CATEGORIES].sort());
      expect(CADENCE_DEFAULTS.family.idealDays).toBe(14);
      expect(CADENCE_DEFAULTS.client.idealDays).toBe(30);
      expect(CADENCE_DEFAULTS.friend.idealDays).toBe(90);
      for (const gaps of Object.values(CADENCE_DEFAULTS))
        expect(gaps.maxDays).toBeGreaterThanOrEqual(gaps.idealDays);
      expect(Object.isFrozen(CADENCE_DEFAULTS)).toBe(true);
    });

    it("lists every category with the default until the owner overrides one", async () => {
      const before = await categoryCadences(store, owner);
      expect(before.map((c) => c.category)).toEqual([...CATEGORIES]);
      expect(before.every((c) => c.isDefault)).toBe(true);
      await setCadence(store, owner, { category: "friend" }, { idealDays: 60, maxDays: 100 });
      const after = await categoryCadences(store, owner);
      expect(after.find((c) => c.category === "friend")).toEqual({
        category: "friend",
        idealDays: 60,
        maxDays: 100,
        isDefault: false,
      });
      expect(after.filter((c) => !c.isDefault)).toHaveLength(1);
    });

    it("prefers the person's override, then the owner's category override, then the default", async () => {
      const byCategory = new Map([["friend", { idealDays: 45, maxDays: 80 }]] as const);
      const base = await store.get(
        owner,
        "person",
        await person("Ann", { categories: ["friend"] }),
      );
      expect(cadenceFor(base, new Map())).toEqual({
        idealDays: 90,
        maxDays: 180,
        source: "default",
        category: "friend",
      });
      expect(cadenceFor(base, byCategory)).toEqual({
        idealDays: 45,
        maxDays: 80,
        source: "category",
        category: "friend",
      });
      const overridden = { ...base, cadenceIdealDays: 10, cadenceMaxDays: 20 };
      expect(cadenceFor(overridden, byCategory)).toEqual({
        idealDays: 10,
        maxDays: 20,
        source: "person",
        category: null,
      });
    });

    it("takes the shortest ideal gap among a person's categories", async () => {
      const p = await store.get(
        owner,
        "person",
        await person("Bea", { categories: ["friend", "family", "client"] }),
      );
      expect(cadenceFor(p, new Map())).toMatchObject({
        idealDays: 14,
        maxDays: 30,
        category: "family",
      });
    });

    it("does not schedule people who have no categories and no override", async () => {
      const p = await store.get(owner, "person", await person("Imported from LinkedIn"));
      expect(cadenceFor(p, new Map())).toBeNull();
    });

    it("fills a half-set person override: the maximum gap is twice the ideal one", async () => {
      const p = await store.get(
        owner,
        "person",
        await person("Cy", { categories: ["family"], cadenceIdealDays: 21 }),
      );
      expect(cadenceFor(p, new Map())).toEqual({
        idealDays: 21,
        maxDays: 42,
        source: "person",
        category: null,
      });
    });
  });

  describe("setCadence", () => {
    it("rejects a target that names both a category and a person, or neither", async () => {
      const ann = await person("Ann");
      await expectError(
        setCadence(
          store,
          owner,
          { category: "friend", personId: ann },
          { idealDays: 7, maxDays: 14 },
        ),
        ErrorCode.BAD_USER_INPUT,
        "target",
      );
      await expectError(
        setCadence(store, owner, {}, { idealDays: 7, maxDays: 14 }),
        ErrorCode.BAD_USER_INPUT,
        "target",
      );
      await expectError(
        setCadence(store, owner, { category: null, personId: null }, null),
        ErrorCode.BAD_USER_INPUT,
        "target",
      );
    });

    it("rejects an unknown category, whether setting or clearing", async () => {
      await expectError(
        setCadence(
          store,
          owner,
          { category: "neighbor" as Category },
          { idealDays: 7, maxDays: 14 },
        ),
        ErrorCode.BAD_USER_INPUT,
        "category",
      );
      await expectError(
        setCadence(store, owner, { category: "neighbor" as Category }, null),
        ErrorCode.BAD_USER_INPUT,
        "category",
      );
    });

    it("rejects an ideal gap longer than the maximum gap, for a category and for a person alike", async () => {
      const ann = await person("Ann");
      await expectError(
        setCadence(store, owner, { category: "friend" }, { idealDays: 30, maxDays: 20 }),
        ErrorCode.BAD_USER_INPUT,
        "idealDays",
      );
      await expectError(
        setCadence(store, owner, { personId: ann }, { idealDays: 30, maxDays: 20 }),
        ErrorCode.BAD_USER_INPUT,
        "idealDays",
      );
      await expectError(
        setCadence(store, owner, { personId: ann }, { idealDays: 0, maxDays: 20 }),
        ErrorCode.BAD_USER_INPUT,
        "idealDays",
      );
      await expectError(
        setCadence(store, owner, { category: "friend" }, { idealDays: 5, maxDays: 1.5 }),
        ErrorCode.BAD_USER_INPUT,
        "maxDays",
      );
      expect((await categoryCadences(store, owner)).every((c) => c.isDefault)).toBe(true);
    });

    it("answers NOT_FOUND for an unknown person", async () => {
      await expectError(
        setCadence(store, owner, { personId: "per_missing" }, { idealDays: 7, maxDays: 14 }),
        ErrorCode.NOT_FOUND,
      );
    });

    it("sets and clears a category override, returning the rule in effect", async () => {
      expect(
        await setCadence(store, owner, { category: "client" }, { idealDays: 20, maxDays: 40 }),
      ).toEqual({ idealDays: 20, maxDays: 40, source: "category", category: "client" });
      expect(
        await setCadence(store, owner, { category: "client" }, { idealDays: 25, maxDays: 50 }),
      ).toMatchObject({ idealDays: 25, maxDays: 50 });
      expect(await store.list(owner, "cadence")).toMatchObject({ totalCount: 1 });
      expect(await setCadence(store, owner, { category: "client" }, null)).toEqual({
        idealDays: 30,
        maxDays: 60,
        source: "default",
        category: "client",
      });
      expect(await store.list(owner, "cadence")).toMatchObject({ totalCount: 0 });
    });

    it("sets and clears a person override; cleared, the person falls back to their categories, or to no schedule", async () => {
      const ann = await person("Ann", { categories: ["friend"] });
      const loner = await person("Loner");
      expect(
        await setCadence(store, owner, { personId: ann }, { idealDays: 7, maxDays: 10 }),
      ).toEqual({ idealDays: 7, maxDays: 10, source: "person", category: null });
      expect(await store.get(owner, "person", ann)).toMatchObject({
        cadenceIdealDays: 7,
        cadenceMaxDays: 10,
      });
      expect(await setCadence(store, owner, { personId: ann }, null)).toEqual({
        idealDays: 90,
        maxDays: 180,
        source: "default",
        category: "friend",
      });
      await setCadence(store, owner, { personId: loner }, { idealDays: 7, maxDays: 10 });
      expect(await setCadence(store, owner, { personId: loner }, null)).toBeNull();
    });
  });

  describe("lastContacts", () => {
    it("takes the newest interaction in any direction, or the tie's last interaction when that is later", async () => {
      const ann = await person("Ann");
      const bob = await person("Bob");
      const cat = await person("Cat");
      await log(ann, at(-30));
      await log(ann, at(-5), "inbound");
      await store.create(owner, "tie", {
        personA: self,
        personB: ann,
        lastInteraction: addDays(TODAY, -10),
      });
      await log(bob, at(-30));
      await store.create(owner, "tie", {
        personA: bob,
        personB: self,
        lastInteraction: addDays(TODAY, -3),
      });
      await store.create(owner, "tie", {
        personA: bob,
        personB: cat,
        lastInteraction: addDays(TODAY, -1),
      });
      const last = await lastContacts(store, owner);
      expect(last.get(ann)).toBe(at(-5));
      expect(last.get(bob)).toBe(addDays(TODAY, -3));
      // bob and cat's tie is not the owner's contact with cat.
      expect(last.has(cat)).toBe(false);
    });
  });

  describe("keepInTouch", () => {
    it("is due the last contact plus the ideal gap", async () => {
      const mum = await person("Mum", { categories: ["family"] });
      await log(mum, at(-20));
      const [entry] = await keepInTouch(store, owner, { now: NOW });
      expect(entry).toMatchObject({
        personId: mum,
        lastContact: at(-20),
        due: addDays(TODAY, -6),
        daysUntilDue: -6,
        pastMaxGap: false,
      });
      expect(entry!.cadence).toMatchObject({ idealDays: 14, category: "family" });
    });

    it("moves the due date when an interaction is logged, in any direction", async () => {
      const mum = await person("Mum", { categories: ["family"] });
      await log(mum, at(-20));
      await log(mum, at(-2), "inbound");
      const [entry] = await keepInTouch(store, owner, { now: NOW });
      expect(entry).toMatchObject({
        lastContact: at(-2),
        due: addDays(TODAY, 12),
        daysUntilDue: 12,
      });
    });

    it("counts from the day a never-contacted person was added", async () => {
      const created = await store.create(owner, "person", {
        name: "New client",
        categories: ["client"],
      });
      const [entry] = await keepInTouch(store, owner, { now: NOW });
      expect(entry).toMatchObject({
        personId: created.id,
        lastContact: null,
        due: addDays(created.createdAt.slice(0, 10), 30),
      });
    });

    it("follows a category override and leaves out the owner and people without a cadence", async () => {
      const pal = await person("Pal", { categories: ["friend"] });
      await person("Stranger");
      await log(pal, at(-10));
      await setCadence(store, owner, { category: "friend" }, { idealDays: 7, maxDays: 9 });
      const entries = await keepInTouch(store, owner, { now: NOW });
      expect(entries.map((e) => e.personId)).toEqual([pal]);
      expect(entries[0]).toMatchObject({
        due: addDays(TODAY, -3),
        pastMaxGap: true,
        cadence: { source: "category", idealDays: 7, maxDays: 9 },
      });
    });

    it("lists the soonest due first", async () => {
      const friend = await person("Friend", { categories: ["friend"] });
      const client = await person("Client", { categories: ["client"] });
      await log(friend, at(-80));
      await log(client, at(-1));
      expect((await keepInTouch(store, owner, { now: NOW })).map((e) => e.personId)).toEqual([
        friend,
        client,
      ]);
    });
  });

  describe("losingTouch", () => {
    it("shows a person once the silence passes the maximum gap, and not before", async () => {
      const client = await person("Client", { categories: ["client"] });
      await log(client, at(-60));
      expect(await losingTouch(store, owner, { now: NOW })).toEqual([]);
      expect((await keepInTouch(store, owner, { now: NOW }))[0]!.pastMaxGap).toBe(false);
      expect(await losingTouch(store, owner, inDays(1))).toEqual([
        { personId: client, lastContact: at(-60), maxDays: 60, daysSince: 61 },
      ]);
    });

    it("drops a person as soon as an interaction is logged", async () => {
      const client = await person("Client", { categories: ["client"] });
      await log(client, at(-100));
      expect(await losingTouch(store, owner, { now: NOW })).toHaveLength(1);
      await log(client, at(0), "mutual");
      expect(await losingTouch(store, owner, { now: NOW })).toEqual([]);
    });

    it("puts the longest silence first", async () => {
      const a = await person("A", { categories: ["client"] });
      const b = await person("B", { categories: ["family"] });
      await log(a, at(-70));
      await log(b, at(-200));
      expect(
        (await losingTouch(store, owner, { now: NOW })).map((l) => [l.personId, l.daysSince]),
      ).toEqual([
        [b, 200],
        [a, 70],
      ]);
    });
  });
});
