/**
 * bench/cli-start: how long a `warmpath` command takes from the shell, start to exit, on the
 * demo network in a SQLite file. Baseline in the same run, in its own phase: Node itself
 * starting and exiting (`node -e 0`), the floor of any command. Every command runs in its own
 * phase: 3 warm-up runs (the file cache), then the samples; p50 and p90 of wall time (on a
 * busy machine, read the ratio to the baseline).
 *
 *   npx tsx bench/cli-start.ts [--samples 20] [--bin OTHER/bin/warmpath.js]
 *
 * --bin times another checkout's build beside this one's (before and after a change), in
 * alternating phases.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureDistBuild } from "../scripts/dist-build.js";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SAMPLES = Number(option("samples") ?? 20);
const WARM_UP = 3;
const ROOT = resolve(import.meta.dirname, "..");
const THIS_BIN = join(ROOT, "bin/warmpath.js");
const OTHER_BIN = option("bin");

const COMMANDS: readonly (readonly string[])[] = [
  ["--version"],
  ["people", "Fabrikam"],
  ["path", "--org", "Fabrikam"],
  ["next"],
];

/** Wall milliseconds of one run of `node ...argv`; throws on a failure, with its stderr. */
function timed(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, argv, { env, encoding: "utf8" });
  const wall = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${argv.join(" ")} failed:\n${run.stderr}`);
  return wall;
}

const percentile = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

function phase(name: string, argv: readonly string[], env: NodeJS.ProcessEnv): void {
  for (let i = 0; i < WARM_UP; i++) timed(argv, env);
  const samples = Array.from({ length: SAMPLES }, () => timed(argv, env));
  console.log(
    `${name.padEnd(44)} p50 ${percentile(samples, 0.5).toFixed(0).padStart(5)} ms   p90 ${percentile(samples, 0.9).toFixed(0).padStart(5)} ms`,
  );
}

async function main(): Promise<void> {
  await ensureDistBuild();
  const dir = mkdtempSync(join(tmpdir(), "warmpath-cli-bench-"));
  try {
    const { NEO4J_URI: _uri, WARMPATH_OWNER: _owner, ...rest } = process.env;
    const env = { ...rest, WARMPATH_DB: join(dir, "demo.db"), NO_COLOR: "1" };
    timed([THIS_BIN, "demo"], env);
    console.log(
      `warmpath commands on the demo network, ${SAMPLES} samples after ${WARM_UP} warm-ups, wall time`,
    );
    phase("baseline: node -e 0", ["-e", "0"], env);
    for (const command of COMMANDS) {
      phase(`warmpath ${command.join(" ")}`, [THIS_BIN, ...command], env);
      if (OTHER_BIN !== undefined)
        phase(`  --bin: warmpath ${command.join(" ")}`, [resolve(OTHER_BIN), ...command], env);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
