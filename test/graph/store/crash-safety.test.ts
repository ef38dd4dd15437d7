/**
 * kill -9 safety of the embedded SQLite store (issue 10, section 2). A child
 * process writes through the store and through GraphQL mutations over HTTP,
 * acknowledging each write; this parent kills it with SIGKILL at seeded random
 * moments, reopens the file after each kill and checks that it is sound, that
 * every acknowledged write is there with its content, and that nothing is
 * half-written. The same for the command line's LinkedIn import killed mid-file:
 * a re-run completes it with nothing duplicated.
 *
 * CRASH_SEED replays a run's kill moments (timing still varies from run to run).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { IMPORT_DEFAULTS } from "../../../src/graph/import/import-contacts.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { CRASH_OWNER, type CrashAck } from "../../support/crash-acks.js";
import {
  duplicates,
  fileProblems,
  halfWritten,
  importProgress,
  missingAcks,
  withFile,
  type ImportProgress,
} from "../../support/crash-checks.js";
import {
  seededRandom,
  sleep,
  sqliteEnv,
  startChild,
  type CrashChild,
} from "../../support/crash-child.js";

const SEED = Number(process.env.CRASH_SEED ?? 20_261_130);
const WRITER_KILLS = 22;
const IMPORT_ROWS = 6_000;
const IMPORT_KILLS = 3;
const IMPORT_OWNER = "crash-import";
/** Where the store keeps the file's profile URLs (normalized: no www, no trailing slash). */
const IMPORT_URL_PREFIX = "https://linkedin.com/in/crash-import-";
const COMPANIES = 97;

const dir = mkdtempSync(join(tmpdir(), "warmpath-crash-"));
const running = new Set<CrashChild>();

function start(script: string, args: string[], env: NodeJS.ProcessEnv): CrashChild {
  const child = startChild(script, args, env);
  running.add(child);
  void child.exited.then(() => running.delete(child));
  return child;
}

afterEach(async () => {
  // A failed assertion must not leave a writer behind.
  for (const child of running) child.process.kill("SIGKILL");
  await Promise.all([...running].map((c) => c.exited));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A LinkedIn Connections.csv: the export's preamble, then row i is First<i> Last<i> with its own profile URL. */
function connectionsCsv(rows: number): string {
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  const lines = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  ];
  for (let i = 0; i < rows; i++) {
    const email = i % 3 === 0 ? `first${i}.last${i}@example.com` : "";
    const connected = `${1 + (i % 28)} ${months[i % 12]} ${2010 + (i % 15)}`;
    lines.push(
      `First${i},Last${i},https://www.linkedin.com/in/crash-import-${i}/,${email},Company ${i % COMPANIES},Engineer ${i % 13},${connected}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Polls the file (a fresh read connection each time) until it holds `count` people; fails if the child ends first. */
async function untilPeople(path: string, count: number, child: CrashChild): Promise<void> {
  let ended = false;
  void child.exited.then(() => (ended = true));
  for (const startedAt = Date.now(); Date.now() - startedAt < 60_000; await sleep(5)) {
    if (ended)
      throw new Error(
        `the import ended before it wrote ${count} people; stderr:\n${child.stderr()}`,
      );
    if (!existsSync(path)) continue;
    let people = 0;
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
      people = db.prepare("SELECT count(*) FROM person").pluck().get() as number;
    } catch {
      // Not created or not migrated yet.
    } finally {
      db?.close();
    }
    if (people >= count) return;
  }
  throw new Error(`the import did not reach ${count} people within 60 s`);
}

interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
}

/** Runs the import to its end and reads its --json summary. */
async function importToEnd(csv: string, env: NodeJS.ProcessEnv): Promise<ImportSummary> {
  const child = start("crash-import.ts", [csv], env);
  const { code } = await child.exited;
  expect(code, child.stderr()).toBe(0);
  const { created, updated, unchanged, skipped, rejected } = JSON.parse(
    child.lines.join("\n"),
  ) as ImportSummary;
  return { created, updated, unchanged, skipped, rejected };
}

describe("kill -9 on the SQLite store", () => {
  // Each life loads the whole server, seconds on a busy machine: 22 may take over two minutes.
  it(`keeps every acknowledged write, whole, across ${WRITER_KILLS} kills of a writer on the store and on GraphQL`, async () => {
    const random = seededRandom(SEED);
    const db = join(dir, "writer.db");
    const acks: CrashAck[] = [];
    const acksPerLife: number[] = [];
    const kills = { "start-up": 0, "first writes": 0, "warm writes": 0 };
    let ackChecks = 0;
    const started = Date.now();
    const spawnLife = (life: number) => start("crash-writer.ts", [db, String(life)], sqliteEnv({}));
    const isAck = (line: string) => !/"kind":"(loaded|ready)"/.test(line);
    let next = spawnLife(0);
    for (let life = 0; life < WRITER_KILLS; life++) {
      const child = next;
      await child.waitForLine((line) => line.includes('"kind":"loaded"'), 60_000);
      child.process.stdin!.write("go\n");
      // The next life loads its modules while this one writes: tsx's start-up is most of a life.
      if (life + 1 < WRITER_KILLS) next = spawnLife(life + 1);
      const mode =
        life === 0 || random.chance(0.15)
          ? "start-up"
          : random.chance(0.3)
            ? "first writes"
            : "warm writes";
      if (mode === "start-up") {
        // Opening the file (recovering the last kill's WAL), migrating, starting the HTTP server.
        await sleep(random.between(0, 120));
      } else if (mode === "first writes") {
        await child.waitForLine(isAck, 30_000);
        await sleep(random.between(30, 300));
      } else {
        // After the first cycle of writes is through. The wait costs little: the next life is
        // loading meanwhile, which takes a second or more.
        await child.waitForLine((line) => line.includes('"kind":"favor"'), 30_000);
        await sleep(random.between(30, 1_000));
      }
      await child.kill();
      kills[mode]++;
      const lifeAcks = child.lines.filter(isAck).map((line) => JSON.parse(line) as CrashAck);
      acks.push(...lifeAcks);
      acksPerLife.push(lifeAcks.length);
      if (!existsSync(db)) {
        expect(acks, "writes were acknowledged, yet there is no file").toEqual([]);
        continue;
      }
      const problems = withFile(db, (file) => [
        ...fileProblems(file),
        ...missingAcks(file, acks),
        ...halfWritten(file, CRASH_OWNER),
      ]);
      expect(problems, `after kill ${life + 1} of ${WRITER_KILLS} (CRASH_SEED=${SEED})`).toEqual(
        [],
      );
      ackChecks += acks.length;
    }

    // The application reopens the file after the last kill, sees every acknowledged record, and writes on.
    const store = new SqliteStore({ path: db });
    try {
      await store.init();
      const network = await store.loadNetwork(CRASH_OWNER);
      const people = new Set(network.people.map((p) => p.id));
      const ties = new Set(network.ties.map((t) => t.id));
      const ackedPeople = acks.flatMap((a) =>
        a.kind === "person" ? [a.id] : a.kind === "batch" ? a.ids : [],
      );
      const ackedTies = acks.flatMap((a) => (a.kind === "tie" ? [a.id] : []));
      expect(ackedPeople.filter((id) => !people.has(id))).toEqual([]);
      expect(ackedTies.filter((id) => !ties.has(id))).toEqual([]);
      await expect(
        store.create(CRASH_OWNER, "person", { name: "After The Last Kill" }),
      ).resolves.toMatchObject({ name: "After The Last Kill" });
    } finally {
      await store.close();
    }

    const killsDone = Object.values(kills).reduce((sum, n) => sum + n, 0);
    const kinds = new Set(
      acks.map((a) =>
        a.kind === "person" || a.kind === "tie" ? `${a.kind} via ${a.via}` : a.kind,
      ),
    );
    console.log(
      `kill -9 writer: ${killsDone} kills ${JSON.stringify(kills)}, ${acks.length} acknowledged writes ` +
        `(per life: ${acksPerLife.join(" ")}), ${ackChecks} ack checks, ${Math.round((Date.now() - started) / 1000)} s, CRASH_SEED=${SEED}`,
    );
    expect(killsDone).toBeGreaterThanOrEqual(20);
    expect(acksPerLife.filter((n) => n > 0).length).toBeGreaterThanOrEqual(
      WRITER_KILLS - kills["start-up"],
    );
    expect([...kinds].sort()).toEqual([
      "batch",
      "favor",
      "interaction",
      "person via graphql",
      "person via store",
      "tie via graphql",
      "tie via store",
    ]);
  }, 300_000);

  it(`finishes a LinkedIn import killed mid-file ${IMPORT_KILLS} times when re-run, with every row's person once, one tie and one job each`, async () => {
    const random = seededRandom(SEED + 1);
    const csv = join(dir, "Connections.csv");
    writeFileSync(csv, connectionsCsv(IMPORT_ROWS));
    const db = join(dir, "import.db");
    const env = sqliteEnv({ WARMPATH_DB: db, WARMPATH_OWNER: IMPORT_OWNER });
    const afterKills: ImportProgress[] = [];
    for (let kill = 0; kill < IMPORT_KILLS; kill++) {
      // Each run is killed 0-200 ms after the store holds a random number of people (at once when it already
      // does: then the kill falls in start-up or the unchanged rows), 2,000 rows or more before the end.
      const child = start("crash-import.ts", [csv], env);
      await untilPeople(db, random.between(1, 3_500), child);
      await sleep(random.between(0, 200));
      await child.kill();
      const progress = withFile(db, (file) => {
        expect(
          [...fileProblems(file), ...duplicates(file, IMPORT_OWNER)],
          `after kill ${kill + 1} (CRASH_SEED=${SEED})`,
        ).toEqual([]);
        return importProgress(file, IMPORT_OWNER, IMPORT_URL_PREFIX);
      });
      expect(progress.people, "the kill came before the import was done").toBeLessThan(IMPORT_ROWS);
      // A batch is written in one transaction: its people come whole, each with their tie and job.
      expect(progress.people % IMPORT_DEFAULTS.batchSize, "people of a batch stored in part").toBe(
        0,
      );
      expect(progress).toMatchObject({
        named: progress.people,
        tied: progress.people,
        employed: progress.people,
      });
      afterKills.push(progress);
    }

    const rerun = await importToEnd(csv, env);
    expect(rerun).toMatchObject({ skipped: 0, rejected: 0 });
    expect(rerun.created + rerun.updated + rerun.unchanged).toBe(IMPORT_ROWS);
    expect(rerun.created).toBe(IMPORT_ROWS - afterKills.at(-1)!.people);
    withFile(db, (file) => {
      expect([...fileProblems(file), ...duplicates(file, IMPORT_OWNER)]).toEqual([]);
      expect(importProgress(file, IMPORT_OWNER, IMPORT_URL_PREFIX)).toEqual({
        people: IMPORT_ROWS,
        named: IMPORT_ROWS,
        tied: IMPORT_ROWS,
        employed: IMPORT_ROWS,
        organizations: COMPANIES,
      });
      // Only the owner's own person besides the file's rows.
      expect(
        file.prepare("SELECT count(*) FROM person WHERE owner = ?").pluck().get(IMPORT_OWNER),
      ).toBe(IMPORT_ROWS + 1);
    });
    // A further run finds nothing left to do.
    expect(await importToEnd(csv, env)).toEqual({
      created: 0,
      updated: 0,
      unchanged: IMPORT_ROWS,
      skipped: 0,
      rejected: 0,
    });

    console.log(
      `kill -9 import of ${IMPORT_ROWS} rows: ${afterKills.length} kills, people / tied after each: ` +
        `${afterKills.map((p) => `${p.people} / ${p.tied}`).join(", ")}; re-run: ${JSON.stringify(rerun)}; CRASH_SEED=${SEED}`,
    );
  }, 120_000);
});
