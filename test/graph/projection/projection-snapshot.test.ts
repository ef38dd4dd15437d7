import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import { snapshotFile } from "../../../src/graph/projection/projection-snapshot.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { WARMTH_DEFAULTS } from "../../../src/graph/warmth/warmth-options.js";
import { indexRows } from "../../support/index-rows.js";

const NOW = new Date("2026-11-22T00:00:00Z");
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-snapshot-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function openStore(): Promise<SqliteStore> {
  const store = new SqliteStore({ path: join(tempDir(), "net.db") });
  await store.init();
  return store;
}

/** A projection's graph and index as plain sorted data, for comparing two projections. */
function shape(p: NetworkProjection) {
  return {
    nodes: p.graph.mapNodes((id, a) => `${id} ${a.name}`).sort(),
    edges: p.graph
      .mapEdges((key, a, s, t) => `${key} ${[s, t].sort().join("|")} ${a.strength} ${a.inferred}`)
      .sort(),
    rows: indexRows(p.pathIndex()),
    // Every record whole, key order aside (a warm start restores people's empty fields).
    people: [...p.people.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    version: p.version,
  };
}

/** Random writes of every kind the projection reads: people, ties, jobs, deletions, contacts. */
async function writeRandomly(store: SqliteStore, owner: string, seed: number, count: number) {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) % n) as number;
  const self = (await store.getSelf(owner)).id;
  // Everyone but the owner's own person, who can be neither deleted nor contacted.
  const people = (await store.list(owner, "person", undefined, { first: 500 })).edges
    .map((e) => e.node.id)
    .filter((id) => id !== self);
  const org = (await store.create(owner, "organization", { name: `Org ${seed}` })).id;
  for (let w = 0; w < count; w++) {
    const step = next(6);
    const [x, y] = [people[next(people.length)]!, people[next(people.length)]!];
    if (step === 0 || people.length < 3 || x === undefined || y === undefined)
      people.push((await store.create(owner, "person", { name: `P${seed}-${w}` })).id);
    else if (step === 1 && x !== y)
      await store.upsert(owner, "tie", {
        personA: x,
        personB: y,
        strength: next(3) === 0 ? null : 0.1 + next(9) / 10,
        since: next(2) === 0 ? null : `20${10 + next(15)}-0${1 + next(9)}-15`,
        lastInteraction: next(3) === 0 ? "2026-10-01" : null,
        context: next(2) === 0 ? null : "friend",
      });
    else if (step === 2)
      await store.upsert(owner, "employment", { personId: x, organizationId: org, from: null });
    else if (step === 3 && people.length > 3) {
      await store.delete(owner, "person", x);
      people.splice(people.indexOf(x), 1);
    } else if (step === 4 && x !== people[0])
      await store.create(owner, "interaction", {
        personId: x,
        kind: "call",
        at: new Date(NOW.getTime() - next(300) * 86_400_000).toISOString(),
        direction: "outbound",
      });
    else if (step === 5) await store.update(owner, "person", x, { title: `Title ${w}` });
  }
}

describe("projection snapshots (warm start)", () => {
  it("saved, loaded and caught up with the changes since, equals a projection built from the store (property)", async () => {
    const store = await openStore();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.nat(30), async (seed, later) => {
        const owner = `o-${seed}-${later}-${Math.random()}`;
        const self = await store.ensureOwner(owner, { name: "Me" });
        await store.upsert(owner, "tie", {
          personA: self.id,
          personB: (await store.create(owner, "person", { name: "First" })).id,
        });
        await writeRandomly(store, owner, seed, 20);
        const dir = tempDir();
        const options = { now: () => NOW, snapshotDir: dir };
        const first = await NetworkProjection.load(store, owner, options);
        expect(first.startedFrom).toBe("store");
        await first.saved();
        // Writes after the snapshot: a warm start applies them from the change feed.
        await writeRandomly(store, owner, seed + 1, later);
        const warm = await NetworkProjection.load(store, owner, options);
        expect(warm.startedFrom).toBe("snapshot");
        const cold = await NetworkProjection.load(store, owner, { now: () => NOW });
        expect(shape(warm)).toEqual(shape(cold));
      }),
      { numRuns: 25 },
    );
    store.close();
  }, 120_000);

  it("is written for the owner alone (mode 0600) under a name that does not show the owner id", async () => {
    const store = await openStore();
    const dir = tempDir();
    await store.ensureOwner("alice@example.com", { name: "Alice" });
    await writeRandomly(store, "alice@example.com", 7, 5);
    await (await NetworkProjection.load(store, "alice@example.com", { snapshotDir: dir })).saved();
    const file = snapshotFile(dir, "alice@example.com");
    expect(file).not.toContain("alice");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    store.close();
  });

  it("is ignored when corrupt, truncated, of another owner, or from another store, and the projection is built from the store", async () => {
    const store = await openStore();
    const other = await openStore();
    const owner = "owner-1";
    for (const s of [store, other]) {
      await s.ensureOwner(owner, { name: "Me" });
      await writeRandomly(s, owner, 11, 15);
    }
    const dir = tempDir();
    const options = { now: () => NOW, snapshotDir: dir };
    await (await NetworkProjection.load(store, owner, options)).saved();
    const file = snapshotFile(dir, owner);
    const good = readFileSync(file);
    const coldShape = shape(await NetworkProjection.load(store, owner, { now: () => NOW }));
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10]! ^= 0xff;
    // The typed sections come before the records: a byte of the tie columns, and a header whose
    // section table was edited to read the file otherwise (the digest covers the table too).
    const end = good.indexOf(10, good.indexOf(10) + 1);
    const inTies = Buffer.from(good);
    inTies[end + 9]! ^= 0x01;
    const header = JSON.parse(good.subarray(good.indexOf(10) + 1, end).toString()) as {
      sections: { name: string; length: number }[];
    };
    const resized = structuredClone(header);
    resized.sections[0]!.length -= 1;
    resized.sections[1]!.length += 1;
    const edited = Buffer.concat([
      Buffer.from(`warmpath-projection\n${JSON.stringify(resized)}`),
      good.subarray(end),
    ]);
    const format1 = Buffer.concat([
      Buffer.from(`warmpath-projection\n${JSON.stringify({ ...header, format: 1 })}`),
      good.subarray(end),
    ]);
    const cases: [string, Buffer][] = [
      ["a flipped byte", flipped],
      ["a flipped byte in the tie columns", inTies],
      ["a section table edited", edited],
      ["a file of format 1", format1],
      ["a truncated file", good.subarray(0, Math.floor(good.length / 2))],
      ["a file cut inside its typed sections", good.subarray(0, end + 12)],
      ["an empty file", Buffer.alloc(0)],
      ["another file", Buffer.from("not a snapshot\n{}\n")],
    ];
    for (const [what, bytes] of cases) {
      writeFileSync(file, bytes);
      const p = await NetworkProjection.load(store, owner, options);
      expect(p.startedFrom, what).toBe("store");
      expect(shape(p), what).toEqual(coldShape);
      await p.saved();
    }
    // The same owner id in another store: its change feed does not match the snapshot.
    writeFileSync(file, good);
    const foreign = await NetworkProjection.load(other, owner, options);
    expect(foreign.startedFrom).toBe("store");
    expect(shape(foreign)).toEqual(
      shape(await NetworkProjection.load(other, owner, { now: () => NOW })),
    );
    // Another owner's snapshot copied under this owner's name.
    await other.ensureOwner("owner-2", { name: "Two" });
    await writeRandomly(other, "owner-2", 3, 5);
    const dir2 = tempDir();
    await (
      await NetworkProjection.load(other, "owner-2", { snapshotDir: dir2, now: () => NOW })
    ).saved();
    writeFileSync(snapshotFile(dir2, owner), readFileSync(snapshotFile(dir2, "owner-2")));
    const swapped = await NetworkProjection.load(other, owner, { snapshotDir: dir2 });
    expect(swapped.startedFrom).toBe("store");
    store.close();
    other.close();
  });

  it("reuses its strengths within a day of computing them, and recomputes them after (warm equals cold at the later clock)", async () => {
    const store = await openStore();
    const owner = "owner-clock";
    const self = await store.ensureOwner(owner, { name: "Me" });
    await writeRandomly(store, owner, 21, 40);
    // Ties the clock cools: unrated with a `since`, with a last contact, and the owner's own.
    const [x, y, z] = await Promise.all(
      ["X", "Y", "Z"].map(async (name) => (await store.create(owner, "person", { name })).id),
    );
    await store.upsert(owner, "tie", { personA: x!, personB: y!, since: "2025-01-01" });
    await store.upsert(owner, "tie", { personA: y!, personB: z!, lastInteraction: "2026-11-01" });
    await store.upsert(owner, "tie", { personA: self.id, personB: z!, strength: 0.4 });
    await store.create(owner, "interaction", {
      personId: z!,
      kind: "call",
      at: "2026-11-20T10:00:00Z",
      direction: "outbound",
    });
    const dir = tempDir();
    await (
      await NetworkProjection.load(store, owner, { now: () => NOW, snapshotDir: dir })
    ).saved();
    const cold = async (at: Date) =>
      shape(await NetworkProjection.load(store, owner, { now: () => at }));
    const later = (ms: number) => new Date(NOW.getTime() + ms);
    const warm = async (at: Date, warmth?: { halfLifeDays: number }) => {
      const options = { now: () => at, snapshotDir: dir };
      const p = await NetworkProjection.load(store, owner, {
        ...options,
        ...(warmth && { warmth: { ...WARMTH_DEFAULTS, ...warmth } }),
      });
      expect(p.startedFrom).toBe("snapshot");
      return shape(p);
    };
    // An hour on, the saved strengths stand; two days on, the dated ties cooled as a cold start's.
    expect(await warm(later(3_600_000))).toEqual(await cold(NOW));
    const twoDays = later(2 * 86_400_000);
    expect(await cold(twoDays)).not.toEqual(await cold(NOW));
    expect(await warm(twoDays)).toEqual(await cold(twoDays));
    // Other warmth options: every strength is recomputed, whatever its age.
    const halfLife = { halfLifeDays: 30 };
    const coldOther = shape(
      await NetworkProjection.load(store, owner, {
        now: () => NOW,
        warmth: { ...WARMTH_DEFAULTS, ...halfLife },
      }),
    );
    expect(await warm(NOW, halfLife)).toEqual(coldOther);
    store.close();
  });

  it("is ignored when the store is behind it (restored from an older backup)", async () => {
    const store = await openStore();
    const owner = "owner-backup";
    await store.ensureOwner(owner, { name: "Me" });
    await writeRandomly(store, owner, 5, 10);
    const dir = tempDir();
    const backup = await openStore();
    await backup.ensureOwner(owner, { name: "Me" });
    await writeRandomly(store, owner, 6, 10);
    await (await NetworkProjection.load(store, owner, { snapshotDir: dir })).saved();
    const behind = await NetworkProjection.load(backup, owner, { snapshotDir: dir });
    expect(behind.startedFrom).toBe("store");
    expect(behind.version).toBe(await backup.version(owner));
    store.close();
    backup.close();
  });
});
