import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { type NetworkStore } from "../../../src/graph/index.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { conversationStarters } from "../../../src/graph/habits/conversation-starters.js";
import { favorBalance, recordFavor } from "../../../src/graph/habits/favors.js";
import { peopleYouCouldHelp } from "../../../src/graph/habits/people-you-could-help.js";
import { expectError } from "../../../src/testing.js";

const NOW = new Date("2026-11-22T12:00:00Z");

let store: NetworkStore;
beforeAll(async () => {
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
});
afterAll(() => store.close());

/** A fresh owner with the named people; `id.me` is the owner's own person. */
async function network(names: string[]): Promise<{ owner: string; id: Record<string, string> }> {
  const owner = `habits-${randomUUID()}`;
  const id: Record<string, string> = { me: (await store.ensureOwner(owner, { name: "Me" })).id };
  for (const name of names) id[name] = (await store.create(owner, "person", { name })).id;
  return { owner, id };
}

describe("recordFavor and favorBalance", () => {
  it("dates a favor today by default, and rejects a future date", async () => {
    const { owner, id } = await network(["ann"]);
    const favor = await recordFavor(
      store,
      owner,
      { personId: id.ann!, direction: "given", kind: "advice" },
      { now: NOW },
    );
    expect(favor.date).toBe("2026-11-22");
    const dated = await recordFavor(
      store,
      owner,
      {
        personId: id.ann!,
        direction: "received",
        kind: "referral",
        date: "2026-03-01",
        summary: "Referred me to Acme",
      },
      { now: NOW },
    );
    expect([dated.date, dated.summary]).toEqual(["2026-03-01", "Referred me to Acme"]);
    await expectError(
      recordFavor(
        store,
        owner,
        { personId: id.ann!, direction: "given", kind: "help", date: "2026-11-23" },
        { now: NOW },
      ),
      ErrorCode.BAD_USER_INPUT,
      "date",
    );
    await expectError(
      recordFavor(
        store,
        owner,
        { personId: id.ann!, direction: "given", kind: "help", date: "23/11/2026" },
        { now: NOW },
      ),
      ErrorCode.BAD_USER_INPUT,
      "date",
    );
  });

  it("rejects an unknown person, the owner themself, and a bad kind by field", async () => {
    const { owner, id } = await network(["ann"]);
    await expectError(
      recordFavor(
        store,
        owner,
        { personId: "per_missing", direction: "given", kind: "help" },
        { now: NOW },
      ),
      ErrorCode.NOT_FOUND,
    );
    await expectError(
      recordFavor(
        store,
        owner,
        { personId: id.me!, direction: "given", kind: "help" },
        { now: NOW },
      ),
      ErrorCode.BAD_USER_INPUT,
      "personId",
    );
    await expectError(
      recordFavor(
        store,
        owner,
        { personId: id.ann!, direction: "given", kind: "bribe" as never },
        { now: NOW },
      ),
      ErrorCode.BAD_USER_INPUT,
      "kind",
    );
  });

  it("counts favors given and received, positive when the owner has helped more", async () => {
    const { owner, id } = await network(["ann", "bob"]);
    for (const direction of ["given", "given", "received"] as const)
      await recordFavor(store, owner, { personId: id.ann!, direction, kind: "help" }, { now: NOW });
    await recordFavor(
      store,
      owner,
      { personId: id.bob!, direction: "received", kind: "introduction", date: "2026-01-05" },
      { now: NOW },
    );
    await recordFavor(
      store,
      owner,
      { personId: id.bob!, direction: "received", kind: "referral", date: "2026-02-05" },
      { now: NOW },
    );
    const ann = await favorBalance(store, owner, id.ann!);
    expect([ann.given, ann.received, ann.balance, ann.favors.length]).toEqual([2, 1, 1, 3]);
    const bob = await favorBalance(store, owner, id.bob!);
    expect([bob.given, bob.received, bob.balance]).toEqual([0, 2, -2]);
    expect(bob.favors.map((f) => f.date)).toEqual(["2026-02-05", "2026-01-05"]);
    await expectError(favorBalance(store, owner, "per_missing"), ErrorCode.NOT_FOUND);
  });
});

describe("peopleYouCouldHelp", () => {
  let owner: string;
  let id: Record<string, string>;

  beforeAll(async () => {
    ({ owner, id } = await network([
      "ann",
      "bob",
      "carl",
      "dana",
      "erin",
      "frank",
      "gus",
      "hal",
      "ivy",
      "jack",
      "kim",
    ]));
    const org = async (name: string) => (await store.create(owner, "organization", { name })).id;
    const [acme, contoso, globex] = [await org("Acme"), await org("Contoso"), await org("Globex")];
    const tie = (a: string, b: string, strength: number) =>
      store.create(owner, "tie", { personA: id[a]!, personB: id[b]!, strength });
    const worksAt = (p: string, organizationId: string) =>
      store.create(owner, "employment", { personId: id[p]!, organizationId, from: "2020-01-01" });
    // bob seeks Acme; the owner reaches dana at Acme through ann at 0.9 * 0.8 = 0.72.
    await store.update(owner, "person", id.bob!, { seeking: ["acme", "a product role"] });
    await worksAt("dana", acme);
    await tie("me", "ann", 0.9);
    await tie("ann", "dana", 0.8);
    // carl seeks Contoso; the only way to erin there is cold: 0.3 * 0.5 = 0.15.
    await store.update(owner, "person", id.carl!, { seeking: ["CONTOSO"] });
    await worksAt("erin", contoso);
    await tie("me", "frank", 0.3);
    await tie("frank", "erin", 0.5);
    // gus seeks Globex, but the only way to hal there goes through gus himself.
    await store.update(owner, "person", id.gus!, { seeking: ["Globex"] });
    await worksAt("hal", globex);
    await tie("me", "gus", 0.9);
    await tie("gus", "hal", 0.9);
    // ivy asked two days ago and waits; jack asked and got an answer; kim only wrote an update.
    await store.create(owner, "interaction", {
      personId: id.ivy!,
      kind: "email",
      at: "2026-11-20T09:00:00Z",
      direction: "inbound",
      needsReply: true,
      summary: "Could you look at my CV?",
    });
    await store.create(owner, "interaction", {
      personId: id.jack!,
      kind: "email",
      at: "2026-11-10T09:00:00Z",
      direction: "inbound",
      needsReply: true,
    });
    await store.create(owner, "interaction", {
      personId: id.jack!,
      kind: "email",
      at: "2026-11-12T09:00:00Z",
      direction: "outbound",
    });
    await store.create(owner, "interaction", {
      personId: id.kim!,
      kind: "email",
      at: "2026-11-15T09:00:00Z",
      direction: "inbound",
    });
  });

  it("rejects a bad limit and minWarmth by field", async () => {
    await expectError(
      peopleYouCouldHelp(store, owner, { now: NOW, limit: 0 }),
      ErrorCode.BAD_USER_INPUT,
      "limit",
    );
    await expectError(
      peopleYouCouldHelp(store, owner, { now: NOW, limit: 2.5 }),
      ErrorCode.BAD_USER_INPUT,
      "limit",
    );
    await expectError(
      peopleYouCouldHelp(store, owner, { now: NOW, minWarmth: 1.5 }),
      ErrorCode.BAD_USER_INPUT,
      "minWarmth",
    );
  });

  it("lists an unanswered inbound ask first, and not one the owner has answered", async () => {
    const help = await peopleYouCouldHelp(store, owner, { now: NOW });
    expect(help[0]).toMatchObject({
      personId: id.ivy,
      kind: "asked",
      targetId: null,
      warmth: null,
    });
    expect(help[0]!.reason).toContain("Could you look at my CV?");
    expect(help[0]!.reason).toContain("2 days ago");
    const people = help.map((h) => h.personId);
    expect(people).not.toContain(id.jack);
    expect(people).not.toContain(id.kim);
  });

  it("lists a person seeking an organization the owner reaches warmly, with the person there and the warmth", async () => {
    const help = await peopleYouCouldHelp(store, owner, { now: NOW });
    const bob = help.find((h) => h.personId === id.bob);
    expect(bob).toMatchObject({ kind: "can_reach", targetId: id.dana });
    expect(bob!.warmth).toBeCloseTo(0.72, 12);
    expect(bob!.reason).toContain("Acme");
    expect(bob!.reason).toContain("through ann");
    expect(help.map((h) => h.kind)).toEqual(["asked", "can_reach"]);
  });

  it("leaves out a seeker when the path is colder than minWarmth, and lists them when it is not", async () => {
    expect(
      (await peopleYouCouldHelp(store, owner, { now: NOW })).map((h) => h.personId),
    ).not.toContain(id.carl);
    const lenient = await peopleYouCouldHelp(store, owner, { now: NOW, minWarmth: 0.1 });
    const carl = lenient.find((h) => h.personId === id.carl);
    expect(carl).toMatchObject({ kind: "can_reach", targetId: id.erin });
    expect(carl!.warmth).toBeCloseTo(0.15, 12);
    // Warmest first after the asks.
    expect(lenient.map((h) => h.personId)).toEqual([id.ivy, id.bob, id.carl]);
  });

  it("never routes a seeker's help through the seeker themself", async () => {
    const help = await peopleYouCouldHelp(store, owner, { now: NOW, minWarmth: 0.01 });
    expect(help.map((h) => h.personId)).not.toContain(id.gus);
  });

  it("stops at the limit", async () => {
    const help = await peopleYouCouldHelp(store, owner, { now: NOW, limit: 1 });
    expect(help.map((h) => h.personId)).toEqual([id.ivy]);
  });
});

describe("conversationStarters", () => {
  let owner: string;
  let id: Record<string, string>;

  beforeAll(async () => {
    ({ owner, id } = await network(["ann", "tara", "zoe"]));
    const org = async (name: string, kind: "company" | "chamber" | "club") =>
      (await store.create(owner, "organization", { name, kind })).id;
    const chamber = await org("Scottsdale Chamber", "chamber");
    const rotary = await org("Rotary Club", "club");
    const contoso = await org("Contoso", "company");
    const initech = await org("Initech", "company");
    await store.update(owner, "person", id.me!, {
      interests: ["Sailing", "jazz"],
      hobbies: ["chess"],
    });
    await store.update(owner, "person", id.tara!, {
      interests: ["sailing", "ceramics"],
      hobbies: ["Chess"],
      news: "Moved to Berlin",
      pressMentions: ["Quoted in the Phoenix Business Journal on hiring"],
      notes: "PRIVATE person note",
    });
    await store.update(owner, "person", id.ann!, {
      interests: ["JAZZ"],
      notes: "PRIVATE about ann",
    });
    const member = (p: string, organizationId: string) =>
      store.create(owner, "membership", { personId: id[p]!, organizationId });
    const worked = (p: string, organizationId: string, from: string, to: string | null) =>
      store.create(owner, "employment", { personId: id[p]!, organizationId, from, to });
    await member("me", chamber);
    await member("tara", chamber);
    await member("me", rotary);
    await member("ann", rotary);
    await worked("me", contoso, "2010-01-01", "2014-01-01");
    await worked("tara", contoso, "2016-01-01", null);
    await worked("me", initech, "2015-01-01", null);
    await worked("ann", initech, "2018-01-01", null);
    // The owner reaches tara through ann (0.9 * 0.8): warmer than the inferred chamber tie.
    await store.create(owner, "tie", {
      personA: id.me!,
      personB: id.ann!,
      strength: 0.9,
      notes: "PRIVATE tie note",
    });
    await store.create(owner, "tie", {
      personA: id.ann!,
      personB: id.tara!,
      strength: 0.8,
      notes: "PRIVATE tie note 2",
    });
  });

  it("lists what the owner shares with the person, ignoring case, in the person's spelling", async () => {
    const research = await conversationStarters(store, owner, id.tara!);
    expect(research.personId).toBe(id.tara);
    expect(research.sharedInterests).toEqual(["sailing", "Chess"]);
    expect(research.sharedGroups).toEqual(["Scottsdale Chamber"]);
    expect(research.sharedEmployers).toEqual(["Contoso"]);
    expect(research.theirNews).toBe("Moved to Berlin");
    expect(research.pressMentions).toEqual(["Quoted in the Phoenix Business Journal on hiring"]);
  });

  it("names the introducer of the warmest path and what the owner shares with them", async () => {
    const research = await conversationStarters(store, owner, id.tara!);
    expect(research.introducerId).toBe(id.ann);
    expect(research.withIntroducer).toEqual({
      sharedInterests: ["JAZZ"],
      sharedGroups: ["Rotary Club"],
      sharedEmployers: ["Initech"],
    });
  });

  it("builds sentences to open with from the shared ground, the news and the press", async () => {
    const { starters } = await conversationStarters(store, owner, id.tara!);
    expect(starters).toContain("You both belong to Scottsdale Chamber.");
    expect(starters).toContain("You have both worked at Contoso.");
    expect(starters).toContain("Start from a shared interest: sailing and Chess.");
    expect(starters).toContain("Ask about their news: Moved to Berlin.");
    expect(starters.some((s) => s.includes("Phoenix Business Journal"))).toBe(true);
    expect(
      starters.some((s) => s.includes("ann") && s.includes("Rotary Club") && s.includes("JAZZ")),
    ).toBe(true);
  });

  it("never shows the owner's private notes on people or ties", async () => {
    const research = await conversationStarters(store, owner, id.tara!);
    expect(JSON.stringify(research)).not.toContain("PRIVATE");
  });

  it("has no introducer for someone the owner knows directly, and suggests asking for news when none is known", async () => {
    const research = await conversationStarters(store, owner, id.ann!);
    expect(research.introducerId).toBeNull();
    expect(research.withIntroducer).toBeNull();
    expect(research.sharedGroups).toEqual(["Rotary Club"]);
    expect(research.starters.some((s) => s.startsWith("Ask for their news"))).toBe(true);
    const stranger = await conversationStarters(store, owner, id.zoe!);
    expect([
      stranger.introducerId,
      stranger.sharedInterests,
      stranger.sharedGroups,
      stranger.sharedEmployers,
    ]).toEqual([null, [], [], []]);
  });

  it("rejects the owner themself and an unknown person", async () => {
    await expectError(
      conversationStarters(store, owner, id.me!),
      ErrorCode.BAD_USER_INPUT,
      "personId",
    );
    await expectError(conversationStarters(store, owner, "per_missing"), ErrorCode.NOT_FOUND);
  });
});
