/**
 * bench/paths --team: the pooled search of issue 14 on a team of `--members` networks of
 * `--people-per-member` people and `--ties-per-member` ties each (default 50 x 12,500 /
 * 125,000: with about 20% of each member's contacts also known to another member and the
 * private ones hidden, a pool of about 500,000 people and 5,000,000 ties, the issue's size),
 * every member sharing `full` (bench/team-network.ts).
 *
 * Beside each figure, its baseline measured in the same run:
 *   - pooledIntroPaths (k = 3, maxHops = 4) p50 / p99 to people and to "anyone at X",
 *     beside introPaths on the requester's own projection for the same targets (the
 *     requester's people, the same company names), each search in its own phase after a
 *     warm-up; plus pooled searches to anyone in the pool, which the own network cannot reach;
 *   - buildPooledNetwork's time, beside the requester projection's pathIndex();
 *   - the pool's memory per pooled tie (heap and array buffers, after a forced GC), beside
 *     the member projections' memory per tie;
 *   - keeping the pool in step after a new tie in a teammate's network (the projection's
 *     sync, then the pool's), beside the projection's own sync of the same write and the
 *     full build above.
 * Projections are built by NetworkProjection.load from snapshots in memory
 * (bench/snapshot-store.ts), not from a store: the store's load is issue 16's to measure.
 *
 *   NODE_OPTIONS=--max-old-space-size=20000 npx tsx bench/paths.ts --team \
 *     [--members 50] [--people-per-member 12500] [--ties-per-member 125000] [--samples 200]
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { buildPathIndex } from "../src/graph/path-index/path-index.js";
import { introPaths, type IntroTarget } from "../src/graph/paths/intro-paths.js";
import { NetworkProjection } from "../src/graph/projection/network-projection.js";
import type { PooledNetwork } from "../src/graph/teams/pooled-graph.js";
import {
  assemblePooledNetwork,
  type PoolMemberNetwork,
} from "../src/graph/teams/pooled-network.js";
import { pooledIntroPaths, type PooledTarget } from "../src/graph/teams/pooled-paths.js";
import { shareableContacts } from "../src/graph/teams/shareable-contacts.js";
import { snapshotStore, type SnapshotStore } from "./snapshot-store.js";
import { rng } from "./synthetic-network.js";
import { BLOCKED_LABELS, teamCompanies, teamNetworks } from "./team-network.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MEMBERS = option("members", 50);
const PEOPLE = option("people-per-member", 12_500);
const TIES = option("ties-per-member", 125_000);
const SAMPLES = option("samples", 200);
const WARM_UP = 20;
const SEARCH = { k: 3, maxHops: 4 } as const;

// global.gc without --expose-gc on the command line (tsx would need it passed through to node).
setFlagsFromString("--expose-gc");
const gc = (globalThis.gc ?? runInNewContext("gc")) as () => void;
/** Live bytes after a full collection: the heap, plus typed arrays' buffers (the path indexes). */
const liveBytes = () => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const log = (text: string) => console.error(`  ... ${text}`);

console.log(
  `bench/paths --team: ${fmt(MEMBERS)} members x ${fmt(PEOPLE)} people / ${fmt(TIES)} ties each (node ${process.version})`,
);

// Phase 1: the members' projections, one at a time, each snapshot dropped once loaded.
const before = liveBytes();
let start = process.hrtime.bigint();
let loadMs = 0;
const networks: {
  userId: string;
  ownerId: string;
  name: string;
  projection: NetworkProjection;
  store: SnapshotStore;
}[] = [];
let explicitTies = 0;
for (const { snapshot, index, ...network } of teamNetworks({
  members: MEMBERS,
  people: PEOPLE,
  ties: TIES,
})) {
  explicitTies += snapshot.ties.length;
  const loadStart = process.hrtime.bigint();
  const store = snapshotStore(snapshot);
  const projection = await NetworkProjection.load(store, network.ownerId, {
    now: () => new Date("2026-12-01T00:00:00Z"),
  });
  loadMs += ms(loadStart);
  // Not the snapshot: the projection holds the records, and only it is measured.
  networks.push({ ...network, projection, store });
  if ((index + 1) % 10 === 0 || index + 1 === MEMBERS)
    log(`${index + 1} projections in ${(ms(start) / 1000).toFixed(1)} s`);
}
const generateS = ms(start) / 1000;
const projectionBytes = liveBytes() - before;
const projectionTies = networks.reduce((sum, n) => sum + n.projection.graph.size, 0);
const projectionPeople = networks.reduce((sum, n) => sum + n.projection.graph.order, 0);
console.log(
  `generated and loaded ${fmt(MEMBERS)} projections in ${generateS.toFixed(1)} s (${(loadMs / 1000).toFixed(1)} s of it NetworkProjection.load): ${fmt(projectionPeople)} people, ${fmt(projectionTies)} ties (${fmt(explicitTies)} explicit, ${fmt(projectionTies - explicitTies)} inferred from employers)`,
);

// Phase 2: building. Baseline first: the requester's own path index.
const [requester, ...others] = networks;
start = process.hrtime.bigint();
requester!.projection.pathIndex();
const ownIndexMs = ms(start);
const members: PoolMemberNetwork[] = others.map((n) => ({
  userId: n.userId,
  name: n.name,
  role: "member",
  level: "full",
  projection: n.projection,
  settings: { contacts: [], blockedLabels: BLOCKED_LABELS },
}));
const beforePool = liveBytes();
start = process.hrtime.bigint();
const assembly = assemblePooledNetwork(
  { userId: requester!.userId, ownerId: requester!.ownerId, projection: requester!.projection },
  members,
  { teamId: "team-bench" },
);
const pool: PooledNetwork = assembly.network;
const poolMs = ms(start);
const poolBytes = liveBytes() - beforePool;
const poolIndexBytes = pool.index.byteLength;
log(`pool built in ${(poolMs / 1000).toFixed(1)} s`);
// The pool's index alone, to split the build time (built again and dropped).
start = process.hrtime.bigint();
buildPathIndex(pool.graph);
const poolIndexMs = ms(start);
const teammateTies = pool.graph.reduceEdges((n, _e, a) => n + (a.teammate ? 1 : 0), 0);
const shareable = members.reduce(
  (sum, m) => sum + shareableContacts(m.projection, m.settings, m.level).size,
  0,
);
console.log(
  `pool: ${fmt(pool.graph.order)} people, ${fmt(pool.graph.size)} ties (${fmt(teammateTies)} of them requester-teammate), from the requester's ${fmt(requester!.projection.people.size)} people and ${fmt(shareable)} of the teammates' ${fmt(projectionPeople - requester!.projection.people.size)} (the rest private: personal address only, no professional identity, or "family"); ${fmt(requester!.projection.people.size + shareable - pool.graph.order)} records merged into a person another member knows`,
);

// Targets, the same for both sides where both can reach them.
const random = rng(99);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const own = requester!.projection;
const ownPeople = [...own.people.keys()].filter((id) => id !== own.selfId);
const personIds = Array.from({ length: SAMPLES + WARM_UP }, () => pick(ownPeople));
const poolNodes = pool.graph.nodes().filter((node) => node !== pool.selfNode);
const poolIds = Array.from({ length: SAMPLES + WARM_UP }, () => pick(poolNodes));
const companies = teamCompanies(PEOPLE);
const ownOrgs = (names: string[]) => {
  const wanted = new Set(names);
  return [...own.organizations.values()].filter(
    (org) => wanted.has(org.name) && own.currentlyAt(org.id).length > 0,
  );
};
const largeOrgs = ownOrgs(companies.large);
const smallOrgs = ownOrgs(companies.small);
const largeTargets = Array.from({ length: SAMPLES + WARM_UP }, () => pick(largeOrgs));
const smallTargets = Array.from({ length: SAMPLES + WARM_UP }, () => pick(smallOrgs));

interface Timing {
  p50: number;
  p99: number;
  found: number;
  targets: number;
}
/** Runs `search` on each target: the first WARM_UP untimed, then SAMPLES timed. */
async function phase<T>(
  name: string,
  targets: readonly T[],
  search: (target: T) => Promise<{ paths: unknown[]; targets: number }>,
): Promise<Timing> {
  for (const target of targets.slice(0, WARM_UP)) await search(target);
  gc();
  const times: number[] = [];
  let found = 0;
  let reached = 0;
  for (const target of targets.slice(WARM_UP)) {
    const t = process.hrtime.bigint();
    const result = await search(target);
    times.push(ms(t));
    if (result.paths.length > 0) found++;
    reached += result.targets;
  }
  log(`${name}: ${SAMPLES} searches in ${(times.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    found,
    targets: reached / times.length,
  };
}
const ownSearch = async (target: IntroTarget) => {
  const result = await introPaths(own, target, SEARCH);
  const targets = "organizationId" in target ? own.currentlyAt(target.organizationId).length : 1;
  return { paths: result.paths, targets };
};
const poolSearch = async (target: PooledTarget) => {
  const result = pooledIntroPaths(pool, target, SEARCH);
  const targets =
    target.organizationName != null ? pool.currentlyAt(target.organizationName).length : 1;
  return { paths: result.paths, targets };
};

// Phase 3: the baseline searches on the requester's own network, then the pooled ones.
const baseline = {
  person: await phase("own, a person", personIds, (personId) => ownSearch({ personId })),
  large: await phase("own, a large company", largeTargets, (org) =>
    ownSearch({ organizationId: org.id }),
  ),
  small: await phase("own, a small company", smallTargets, (org) =>
    ownSearch({ organizationId: org.id }),
  ),
};
const pooled = {
  person: await phase("pooled, a person", personIds, (personId) => poolSearch({ personId })),
  anyone: await phase("pooled, anyone", poolIds, (personId) => poolSearch({ personId })),
  large: await phase("pooled, a large company", largeTargets, (org) =>
    poolSearch({ organizationName: org.name }),
  ),
  small: await phase("pooled, a small company", smallTargets, (org) =>
    poolSearch({ organizationName: org.name }),
  ),
};

// Phase 4: a new tie in a teammate's network, then the projection's sync (the baseline) and
// the pool's, each timed on its own; after the searches, so its writes do not change them.
const syncTimes = { projection: [] as number[], pool: [] as number[] };
for (let i = 0; i < SAMPLES + WARM_UP; i++) {
  const teammate = pick(others);
  const people = [...teammate.projection.people.keys()];
  teammate.store.writeTie(pick(people), pick(people), 0.3 + 0.7 * random());
  const version = teammate.projection.version;
  let t = process.hrtime.bigint();
  await teammate.projection.sync();
  const projectionMs = ms(t);
  const touched = teammate.projection.peopleChangedSince(version)!;
  t = process.hrtime.bigint();
  assembly.sync(new Map([[teammate.ownerId, touched]]));
  const poolSyncMs = ms(t);
  if (i < WARM_UP) continue;
  syncTimes.projection.push(projectionMs);
  syncTimes.pool.push(poolSyncMs);
}
log(`${SAMPLES} writes kept in step`);
const syncCell = (times: number[]) =>
  `${percentile(times, 50).toFixed(2)} / ${percentile(times, 99).toFixed(2)} ms`;

const cell = (t: Timing) => `${t.p50.toFixed(2)} / ${t.p99.toFixed(2)} ms`;
const found = (t: Timing) => `${t.found}/${SAMPLES}`;
const targetsCell = (own: Timing | null, pooledTiming: Timing) =>
  `${own === null ? "-" : fmt(own.targets)} / ${fmt(pooledTiming.targets)}`;
const row = (name: string, base: Timing | null, ours: Timing) =>
  console.log(
    `| ${name} | ${targetsCell(base, ours)} | ${base === null ? "not reachable" : cell(base)} | ${cell(ours)} | ${base === null ? "-" : `${(ours.p50 / base.p50).toFixed(1)}x`} | ${base === null ? "-" : found(base)} / ${found(ours)} |`,
  );

console.log(
  `\nintroPaths k = ${SEARCH.k}, maxHops = ${SEARCH.maxHops}, ${SAMPLES} targets a row after ${WARM_UP} warm-up searches:\n`,
);
console.log(
  "| target | people per target (own / pooled) | own network p50 / p99 (baseline) | pooled p50 / p99 | pooled / own at p50 | with a path (own / pooled) |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
row("a person in the requester's network", baseline.person, pooled.person);
row("anyone in the pool", null, pooled.anyone);
row(`anyone at a large company (${fmt(largeOrgs.length)} of them)`, baseline.large, pooled.large);
row(
  `anyone at a small company (${fmt(smallOrgs.length)} in the requester's network)`,
  baseline.small,
  pooled.small,
);

console.log("\n| | pool | baseline |");
console.log("| --- | --- | --- |");
console.log(
  `| build | buildPooledNetwork ${fmt(poolMs)} ms (its path index alone: ${fmt(poolIndexMs)} ms) | the requester's pathIndex() ${fmt(ownIndexMs)} ms (${fmt(own.graph.size)} ties) |`,
);
console.log(
  `| a new tie in a teammate's network, kept in step (p50 / p99 of ${SAMPLES}) | the pool's sync ${syncCell(syncTimes.pool)} | the teammate projection's own sync ${syncCell(syncTimes.projection)}; the full build above |`,
);
console.log(
  `| memory per tie | ${fmt(poolBytes / pool.graph.size)} bytes (${fmt(poolBytes / 2 ** 20)} MB for ${fmt(pool.graph.size)} ties; index ${(poolIndexBytes / pool.graph.size).toFixed(1)} bytes of it) | member projections ${fmt(projectionBytes / projectionTies)} bytes (${fmt(projectionBytes / 2 ** 20)} MB for ${fmt(projectionTies)} ties, no path indexes) |`,
);
