import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/graph/model/kinds.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

const NETWORK_KINDS = {
  people: "person",
  organizations: "organization",
  ties: "tie",
  employments: "employment",
  memberships: "membership",
} as const;

/** A moment later, so an update time differs from the creation time. */
const later = () => new Promise((resolve) => setTimeout(resolve, 3));

/** An owner whose records fill every field, some changed after creation, some written in one bulk call. */
async function fullNetwork() {
  const store = new SqliteStore({ path: ":memory:" });
  await store.init();
  const owner = "rows-owner";
  const self = await store.ensureOwner(owner, { name: "Self", elevatorPitch: "Builds things" });
  const full = await store.create(owner, "person", {
    name: "Ada Lovelace",
    emails: ["ada@example.org", "ada@work.example"],
    phones: ["+44 20 7946 0000"],
    profileUrl: "https://www.linkedin.com/in/ada",
    title: "Analyst",
    location: "London",
    categories: ["mentor"],
    tags: ["math", "engines"],
    interests: ["poetry"],
    hobbies: ["riding"],
    notes: "Met at the salon",
    news: "Published notes",
    newsAt: "2026-01-02",
    pressMentions: ["The Times"],
    seeking: ["a publisher"],
    cadenceIdealDays: 30,
    cadenceMaxDays: 90,
    askForNews: true,
  });
  await later();
  await store.update(owner, "person", full.id, { title: "Countess" });
  const bulk = await store.bulkUpsert(
    owner,
    "person",
    Array.from({ length: 5 }, (_, i) => ({ name: `Bulk ${i}` })),
  );
  const org = await store.create(owner, "organization", {
    name: "Engines Ltd",
    kind: "company",
    domain: "engines.example",
    location: "London",
    notes: "Steam",
  });
  await store.create(owner, "organization", { name: "Bare Org" });
  await store.create(owner, "tie", {
    personA: self.id,
    personB: full.id,
    strength: 0.75,
    context: "worked_together",
    since: "2020-01-01",
    lastInteraction: "2026-02-03",
    provenance: "manual",
    notes: "Old friend",
  });
  await store.bulkUpsert(
    owner,
    "tie",
    bulk.ids.map((id, i) => ({ personA: full.id, personB: id, strength: i === 0 ? null : 0.5 })),
  );
  const job = await store.create(owner, "employment", {
    personId: full.id,
    organizationId: org.id,
    title: "Analyst",
    from: "2019-01-01",
    to: "2021-06-30",
  });
  await later();
  await store.update(owner, "employment", job.id, { title: "Lead analyst" });
  await store.create(owner, "employment", { personId: self.id, organizationId: org.id });
  await store.create(owner, "membership", {
    personId: full.id,
    organizationId: org.id,
    role: "Fellow",
    since: "2018-01-01",
    until: "2019-01-01",
  });
  await store.create(owner, "membership", { personId: bulk.ids[0]!, organizationId: org.id });
  return { store, owner };
}

describe("SqliteStore.loadNetwork rows", () => {
  it("reads every record equal to the same record read one at a time", async () => {
    const { store, owner } = await fullNetwork();
    const network = await store.loadNetwork(owner);
    for (const [part, kind] of Object.entries(NETWORK_KINDS)) {
      const records = network[part as keyof typeof NETWORK_KINDS];
      expect(records.length).toBeGreaterThan(1);
      for (const record of records) {
        expect(record).toStrictEqual(await store.get(owner, kind, record.id));
      }
    }
    await store.close();
  });

  it("reads only the owner's records, whether it holds most of the file or a small part", async () => {
    const { store, owner } = await fullNetwork();
    const small = "small-owner";
    const self = await store.ensureOwner(small, { name: "Small" });
    const friend = await store.create(small, "person", { name: "Friend", emails: ["f@x.org"] });
    await store.create(small, "tie", { personA: self.id, personB: friend.id, strength: 0.3 });
    const [big, few] = [await store.loadNetwork(owner), await store.loadNetwork(small)];
    expect(few.people.map((p) => p.id).sort()).toEqual([self.id, friend.id].sort());
    expect(few.ties).toHaveLength(1);
    for (const [part, kind] of Object.entries(NETWORK_KINDS)) {
      for (const record of few[part as keyof typeof NETWORK_KINDS]) {
        expect(record).toStrictEqual(await store.get(small, kind, record.id));
      }
      expect(big[part as keyof typeof NETWORK_KINDS].every((r) => r.ownerId === owner)).toBe(true);
    }
    await store.close();
  });

  it("builds each record with exactly its kind's fields, in the spec's order", async () => {
    const { store, owner } = await fullNetwork();
    const network = await store.loadNetwork(owner);
    for (const [part, kind] of Object.entries(NETWORK_KINDS)) {
      const expected = ["id", "ownerId", "createdAt", "updatedAt"];
      expected.push(...SPECS[kind].fields.map((f) => f.name));
      for (const record of network[part as keyof typeof NETWORK_KINDS]) {
        expect(Object.keys(record)).toEqual(expected);
      }
    }
    await store.close();
  });

  it("keeps a changed record's update time apart from its creation time", async () => {
    const { store, owner } = await fullNetwork();
    const network = await store.loadNetwork(owner);
    const changed = network.people.find((p) => p.title === "Countess")!;
    expect(changed.updatedAt > changed.createdAt).toBe(true);
    expect(network.employments.some((e) => e.updatedAt !== e.createdAt)).toBe(true);
    await store.close();
  });
});
