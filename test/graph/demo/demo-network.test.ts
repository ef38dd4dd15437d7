import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { DEMO_HIGHLIGHTS, loadDemoNetwork } from "../../../src/graph/demo/demo-network.js";
import { immediateFollowUps } from "../../../src/graph/habits/immediate-follow-ups.js";
import { nextContacts } from "../../../src/graph/habits/next-contacts.js";
import { RECORD_KINDS } from "../../../src/graph/model/kinds.js";
import { introPaths } from "../../../src/graph/paths/intro-paths.js";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import { listAll } from "../../../src/graph/store/list-all.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../src/testing.js";

const NOW = new Date("2026-11-22T12:00:00Z");

describe("the demo network", () => {
  let store: NetworkStore;
  let owner: string;
  let first: { people: number; ties: number };

  const recordCounts = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      await Promise.all(
        RECORD_KINDS.map(
          async (kind) => [kind, (await listAll(store, owner, kind)).length] as const,
        ),
      ),
    );
  const personNamed = async (name: string) => (await store.findPeople(owner, { name }))[0]!;

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    owner = `demo-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me" });
    first = await loadDemoNetwork(store, owner, { now: NOW });
  });
  afterAll(() => store.close());

  it("needs an existing owner", async () => {
    await expectError(
      loadDemoNetwork(store, `nobody-${randomUUID()}`, { now: NOW }),
      ErrorCode.NOT_FOUND,
    );
  });

  it("has about a dozen people and their ties", async () => {
    expect(first).toEqual({ people: 12, ties: 18 });
    const counts = await recordCounts();
    expect(counts.person).toBe(13); // the demo's twelve and the owner
    expect(counts.tie).toBe(18);
    expect(counts.organization).toBeGreaterThanOrEqual(4);
  });

  it("adds nothing when loaded a second time, even on a later day", async () => {
    const before = await recordCounts();
    const version = await store.version(owner);
    const second = await loadDemoNetwork(store, owner, { now: new Date("2026-12-05T09:00:00Z") });
    expect(second).toEqual(first);
    expect(await recordCounts()).toEqual(before);
    expect(await store.version(owner)).toBe(version);
  });

  it("has a warm path to the demo's target company, through different first introducers", async () => {
    const fabrikam = (
      await listAll(store, owner, "organization", { text: DEMO_HIGHLIGHTS.targetCompany })
    )[0]!;
    const projection = await NetworkProjection.load(store, owner, { now: () => NOW });
    const { paths, noPathReason } = await introPaths(projection, { organizationId: fabrikam.id });
    expect(noPathReason).toBeNull();
    expect(paths.length).toBeGreaterThanOrEqual(2);
    expect(paths[0]!.label).toBe("warm");
    expect(new Set(paths.map((p) => p.people[1])).size).toBe(paths.length);
    // Evidence comes from the shared employer and the recent coffee, not only from the ratings.
    expect(paths[0]!.hops.flatMap((h) => h.evidence).join("; ")).toMatch(
      /worked together at Northwind Traders/,
    );
  });

  it("has a path to the target person that runs through the chamber of commerce", async () => {
    const lena = await personNamed(DEMO_HIGHLIGHTS.targetPerson);
    const projection = await NetworkProjection.load(store, owner, { now: () => NOW });
    const { paths } = await introPaths(projection, { personId: lena.id });
    expect(paths.length).toBeGreaterThanOrEqual(2);
    expect(paths.flatMap((p) => p.hops.flatMap((h) => h.evidence))).toContain(
      `both members of ${DEMO_HIGHLIGHTS.group}`,
    );
  });

  it("puts people on the Next Contact list, one of them overdue and one by a dated follow-up", async () => {
    const list = await nextContacts(store, owner, { now: NOW });
    const ben = await personNamed("Ben Ortiz");
    const grace = await personNamed("Grace Kim");
    expect(list.find((c) => c.personId === ben.id)?.overdue).toBe(true);
    expect(list.find((c) => c.personId === grace.id)).toMatchObject({
      due: "2026-11-29",
      followUpId: expect.any(String),
    });
  });

  it("has an inbound message waiting for a reply on the Immediate Follow-up list", async () => {
    const list = await immediateFollowUps(store, owner, { now: NOW });
    const kofi = await personNamed("Kofi Mensah");
    expect(list.find((f) => f.personId === kofi.id)).toMatchObject({
      waitingDays: 3,
      interactionId: expect.any(String),
    });
    // Jonas's message was answered the next day, so it does not wait.
    const jonas = await personNamed("Jonas Berg");
    expect(list.some((f) => f.personId === jonas.id)).toBe(false);
  });

  it("gives people categories, so that the keep-in-touch cadences apply", async () => {
    const people = await listAll(store, owner, "person");
    expect(people.filter((p) => p.categories.length > 0).length).toBeGreaterThanOrEqual(6);
    expect(
      (await listAll(store, owner, "person", { text: DEMO_HIGHLIGHTS.search })).map((p) => p.name),
    ).toEqual(["Dev Shah", "Elena Rossi", "Iris Walsh", "Lena Fischer"]);
  });
});
