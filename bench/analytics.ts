/**
 * bench/analytics: what the web app's map costs the server, now that communities and brokers
 * are kept with the projection until a write moves its version (kept-analytics.ts). A Holme-Kim
 * network (about 10 ties a person, plus 300 of the owner's) is written into a SQLite store at
 * each size; then, each in its own phase after 3 warm-ups, p50 and p90 of N samples:
 *
 *   - baseline: Louvain and betweenness computed bare on the synced projection, once each: the
 *     least any map needs when the network changed;
 *   - baseline: the map's four calls as they ran before (communities for `communities`, again
 *     for `bridges` and again for the people to draw, and brokers), computed bare;
 *   - the map's four calls (findCommunities, findBridges, findBrokers, networkGraph of the
 *     biggest communities) after one tie is written, so every sample pays the sync and a
 *     new version (a first visit after a change);
 *   - the same four calls with nothing written in between (a repeat visit).
 *
 *   npx tsx bench/analytics.ts [--sizes 2000,10000] [--samples 5]
 */
import { cpus, loadavg } from "node:os";
import { brokers } from "../src/graph/analytics/brokers.js";
import { communities } from "../src/graph/analytics/communities.js";
import {
  findBridges,
  findBrokers,
  findCommunities,
} from "../src/graph/analytics/find-analytics.js";
import { networkGraph } from "../src/graph/analytics/network-graph.js";
import { projectionFor } from "../src/graph/projection/projection-registry.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";
import { storeSocialNetwork } from "./stored-social-network.js";
import { rng } from "./synthetic-network.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const SIZES = option("sizes", "2000,10000").split(",").map(Number);
const SAMPLES = Number(option("samples", "5"));
const WARM_UP = 3;
const OWNER = "bench-owner";

const percentile = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function phase(name: string, run: () => Promise<unknown>, baseline?: number) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const p50 = percentile(samples, 0.5);
  const ratio = baseline ? `   ${(p50 / baseline).toFixed(2)}x the first baseline` : "";
  console.log(
    `  ${name.padEnd(58)} p50 ${p50.toFixed(1).padStart(8)} ms   p90 ${percentile(samples, 0.9).toFixed(1).padStart(8)} ms${ratio}`,
  );
  return p50;
}

async function theMap(store: SqliteStore) {
  const found = await findCommunities(store, OWNER);
  await findBridges(store, OWNER, 20);
  await findBrokers(store, OWNER, 10);
  // The map draws the biggest communities up to 2,000 people, as the web app asks.
  let people = 0;
  const drawn: number[] = [];
  for (const c of found.communities) {
    if (people >= 2_000) break;
    drawn.push(c.id);
    people += c.members.length;
  }
  await networkGraph(store, OWNER, { communities: drawn, depth: 0, maxNodes: 2_000 });
}

console.log(
  `bench/analytics: ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}, ${SAMPLES} samples a phase after ${WARM_UP} warm-ups`,
);
for (const size of SIZES) {
  const store = new SqliteStore({ path: ":memory:" });
  await store.init();
  const { ids } = await storeSocialNetwork(store, OWNER, size);
  const projection = await projectionFor(store, OWNER);
  const counts = projection.counts();
  console.log(
    `${size.toLocaleString("en-US")} people, ${counts.ties.toLocaleString("en-US")} ties:`,
  );
  const bare = async () => {
    communities(projection.graph);
    brokers(projection.pathIndex(), { limit: 10 });
  };
  const bareBefore = async () => {
    for (let i = 0; i < 3; i++) communities(projection.graph);
    brokers(projection.pathIndex(), { limit: 10 });
  };
  const first = await phase("baseline: Louvain and betweenness once each, bare", bare);
  await phase("baseline: the map's calls as before (Louvain 3 times)", bareBefore, first);
  const random = rng(9);
  await phase(
    "the map's four calls after a tie is written",
    async () => {
      // Two different people, so every sample writes and moves the version.
      const i = Math.floor(random() * ids.length);
      const j = (i + 1 + Math.floor(random() * (ids.length - 1))) % ids.length;
      await store.upsert(OWNER, "tie", { personA: ids[i]!, personB: ids[j]!, strength: 0.5 });
      await theMap(store);
    },
    first,
  );
  await phase("the map's four calls, nothing written (a repeat visit)", () => theMap(store), first);
  await store.close();
}
