/** The `warmpath` command line, run for real: the compiled binary in a child process, on a throwaway SQLite file. */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ProgressBar } from "../../src/cli/progress-bar.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { SAMPLES } from "../support/import-samples.js";
import { buildDist } from "./warmpath-binary.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "warmpath-cli-"));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `warmpath ...args` on the SQLite file `db` (never ./data), without Neo4j. */
async function warmpath(db: string, ...args: string[]): Promise<Outcome> {
  const { NEO4J_URI: _uri, WARMPATH_OWNER: _owner, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/warmpath.js", ...args], {
      cwd: ROOT,
      env: { ...env, WARMPATH_DB: db },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== "number") throw error;
    return { code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Output with its line wrapping undone (lines are wrapped to 80 columns), for phrases that may span two lines. */
const flat = (text: string): string => text.replace(/\s+/g, " ");

/** Runs a `--json` command that must succeed, and parses its one JSON document. */
async function json<T = any>(db: string, ...args: string[]): Promise<T> {
  const out = await warmpath(db, ...args, "--json");
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as T;
}

beforeAll(buildDist, 400_000);

describe("warmpath, the command line", () => {
  const db = join(dir, "general.db");

  it("prints the commands with --help and exits 0", async () => {
    const out = await warmpath(db, "--help");
    expect(out.code).toBe(0);
    for (const command of [
      "serve",
      "import",
      "export",
      "path",
      "next",
      "followups",
      "people",
      "demo",
    ])
      expect(out.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });

  it("prints a command's own help with --help, without touching the store", async () => {
    const out = await warmpath(join(dir, "never-created", "x.db"), "path", "--help");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("--max-hops");
    expect(() => statSync(join(dir, "never-created"))).toThrow();
  });

  it("exits 2 with the usage on stderr when no command is given", async () => {
    const out = await warmpath(db);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toContain("Usage: warmpath <command>");
  });

  it("exits 2 naming the command when it is unknown", async () => {
    const out = await warmpath(db, "frobnicate");
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/BAD_USER_INPUT \(command\): unknown command "frobnicate"/);
  });

  it("exits 2 naming the option when an option is unknown", async () => {
    const out = await warmpath(db, "people", "--colour");
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/BAD_USER_INPUT \(--colour\)/);
    expect(out.stderr).toContain('Run "warmpath people --help"');
  });
});

describe("warmpath serve", () => {
  it("serves GraphQL on the store WARMPATH_DB names, as npm start does, until SIGTERM", async () => {
    const { NEO4J_URI: _uri, ...env } = process.env;
    const child = spawn(process.execPath, ["bin/warmpath.js", "serve"], {
      cwd: ROOT,
      env: { ...env, WARMPATH_DB: join(dir, "serve.db"), PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += String(c)));
    child.stderr.on("data", (c) => (stderr += String(c)));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    try {
      let url: string | undefined;
      for (let i = 0; i < 100 && !url; i++) {
        await new Promise((r) => setTimeout(r, 200));
        url = /serving GraphQL at (http:\/\/\S+)"/.exec(stdout)?.[1];
      }
      expect(url, stderr).toBeDefined();
      const response = await fetch(url!, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ me { isSelf } }" }),
      });
      expect(await response.json()).toEqual({ data: { me: { isSelf: true } } });
    } finally {
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });
});

describe("warmpath demo, and the commands on it", () => {
  const db = join(dir, "demo.db");
  let loaded: { people: number; ties: number; store: string; tryNext: string[] };

  beforeAll(async () => {
    loaded = await json(db, "demo");
  }, 60_000);

  it("loads the demo into the store WARMPATH_DB names and says what to try next", async () => {
    expect(loaded).toMatchObject({ people: 12, ties: 18, store: `SQLite at ${db}` });
    expect(loaded.tryNext).toContain('warmpath path --to "Lena Fischer"');
    const out = await warmpath(db, "demo");
    expect(out.code).toBe(0);
    expect(flat(out.stdout)).toContain("12 people and 18 ties");
    expect(out.stdout).toContain("  warmpath followups");
  });

  it("adds nothing when the demo is loaded again", async () => {
    expect(await json(db, "demo")).toEqual(loaded);
    const { people } = await json<{ people: unknown[] }>(db, "people");
    expect(people).toHaveLength(12);
  });

  it("finds people by employer, with title, company and e-mails", async () => {
    const { people } = await json<{
      people: Array<{ name: string; title: string; companies: string[]; emails: string[] }>;
    }>(db, "people", "fabrikam");
    expect(people.map((p) => p.name)).toEqual([
      "Dev Shah",
      "Elena Rossi",
      "Iris Walsh",
      "Lena Fischer",
    ]);
    expect(people[0]).toMatchObject({
      title: "VP Engineering",
      companies: ["Fabrikam"],
      emails: ["dev.shah@fabrikam.example"],
    });
    const out = await warmpath(db, "people", "fabrikam");
    expect(out.stdout).toContain(
      "Dev Shah  |  VP Engineering at Fabrikam  |  dev.shah@fabrikam.example",
    );
    expect((await warmpath(db, "people", "zzz")).stdout).toContain('Nobody matches "zzz"');
  });

  it("ranks the paths to a person, each hop with its strength and evidence, and the weakest link", async () => {
    const result = await json(db, "path", "--to", "Lena Fischer");
    expect(result.target).toMatchObject({ kind: "person", name: "Lena Fischer" });
    expect(result.noPathReason).toBeNull();
    expect(result.paths.length).toBe(3);
    const warmths = result.paths.map((p: { warmth: number }) => p.warmth);
    expect(warmths).toEqual([...warmths].sort((a, b) => b - a));
    for (const path of result.paths) {
      expect(path.people[0].name).toBe("Me");
      expect(path.people.at(-1).name).toBe("Lena Fischer");
      expect(path.warmth).toBeCloseTo(
        path.hops.reduce((w: number, h: { strength: number }) => w * h.strength, 1),
        10,
      );
      expect(path.weakestLink.strength).toBe(
        Math.min(...path.hops.map((h: { strength: number }) => h.strength)),
      );
    }
    expect(result.paths[0].people.map((p: { name: string }) => p.name)).toEqual([
      "Me",
      "Ada Park",
      "Dev Shah",
      "Lena Fischer",
    ]);

    const out = await warmpath(db, "path", "--to", "Lena Fischer");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /^1\. warm \(0\.\d\d\): Me -> Ada Park -> Dev Shah -> Lena Fischer$/m,
    );
    expect(out.stdout).toMatch(
      // Wrapped to 80 columns, the rest of the evidence indented under the hop.
      /^ {3}Dev Shah -> Lena Fischer \(0\.85\): worked together at Fabrikam 2020-now; you\n {7}rated this tie 0\.85$/m,
    );
    expect(out.stdout).toMatch(/^ {3}weakest link: Ada Park -> Dev Shah \(0\.80\)$/m);
    expect(flat(out.stdout)).toContain("both members of Scottsdale Chamber of Commerce");
  });

  it("keeps a snapshot of the network beside the store for the next command's warm start, and answers the same when it is corrupt", async () => {
    // The paths and their warmth (recency decays by the second, so to 6 places).
    const answer = async () =>
      (await json(db, "path", "--to", "Lena Fischer")).paths.map(
        (p: { warmth: number; people: { name: string }[] }) =>
          `${p.people.map((x) => x.name).join(" > ")} ${p.warmth.toFixed(6)}`,
      );
    const first = await answer();
    const folder = join(dir, "snapshots");
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.projection$/);
    const file = join(folder, files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Warm: the same answer from the snapshot; then from a corrupt one, which is ignored.
    expect(await answer()).toEqual(first);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(await answer()).toEqual(first);
    expect(readdirSync(folder)).toEqual(files);
  });

  it("finds the same person by e-mail, by profile URL and by part of the name", async () => {
    const ids = await Promise.all(
      [
        ["--to", "LENA.FISCHER@fabrikam.example"],
        ["--to", "www.linkedin.com/in/Lena-Fischer-demo/"],
        ["--to", "fischer"],
      ].map(async (args) => (await json(db, "path", ...args)).target.id),
    );
    expect(new Set(ids).size).toBe(1);
  });

  it("ranks the paths to anyone at an organization, named ignoring case", async () => {
    const result = await json(db, "path", "--org", "FABRIKAM", "--k", "2");
    expect(result.target).toMatchObject({ kind: "organization", name: "Fabrikam" });
    expect(result.paths).toHaveLength(2);
    for (const path of result.paths)
      expect(["Dev Shah", "Elena Rossi", "Iris Walsh", "Lena Fischer"]).toContain(
        path.people.at(-1).name,
      );
    const out = await warmpath(db, "path", "--org", "fabrikam");
    expect(out.stdout).toContain("Warmest 3 paths to anyone at Fabrikam:");
    expect(flat(out.stdout)).toContain("[Dev Shah: VP Engineering at Fabrikam]");
  });

  it("says plainly when there is no path within the limit", async () => {
    const result = await json(db, "path", "--to", "Lena Fischer", "--max-hops", "1");
    expect(result.paths).toEqual([]);
    expect(result.noPathReason).toMatch(/no warm path to Lena Fischer within 1 tie/);
    const out = await warmpath(db, "path", "--to", "Lena Fischer", "--max-hops", "1");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^No path to Lena Fischer\. There is no warm path/);
  });

  it("exits 1 with NOT_FOUND on --to when nobody has that name", async () => {
    const out = await warmpath(db, "path", "--to", "Nobody Known");
    expect(out.code).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(
      /^warmpath path: NOT_FOUND \(--to\): no one named "Nobody Known" in SQLite at .*demo\.db, 13 people$/m,
    );
  });

  it("exits 2 listing the matches when a name matches several people", async () => {
    const out = await warmpath(db, "path", "--to", "ar");
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /BAD_USER_INPUT \(--to\): "ar" matches 2: Ada Park <ada\.park@contoso\.example>; Farid Haddad <farid@scottsdalechamber\.example>\./,
    );
  });

  it("exits 2 when neither or both of --to and --org are given, or a limit is not a number", async () => {
    for (const args of [
      ["path"],
      ["path", "--to", "Ada Park", "--org", "Fabrikam"],
      ["path", "--to"],
    ]) {
      const out = await warmpath(db, ...args);
      expect(out.code, args.join(" ")).toBe(2);
      expect(out.stderr).toMatch(/BAD_USER_INPUT \(--to\)/);
    }
    const out = await warmpath(db, "path", "--to", "Ada Park", "--max-hops", "many");
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/BAD_USER_INPUT \(--max-hops\)/);
    expect((await warmpath(db, "path", "--to", "Ada Park", "--max-hops", "99")).stderr).toMatch(
      /BAD_USER_INPUT \(--max-hops\): must be a whole number from 1 to 12/,
    );
  });

  it("lists the Next Contact list with the overdue first", async () => {
    const result = await json(db, "next");
    expect(result.withinDays).toBe(30);
    const names = result.contacts.map((c: { name: string }) => c.name);
    expect(names).toEqual(["Ben Ortiz", "Jonas Berg", "Grace Kim", "Chloe Nguyen"]);
    expect(result.contacts[0]).toMatchObject({
      overdue: true,
      reason: "keep in touch every 30 days (client)",
    });
    expect(result.contacts[2].reason).toMatch(/not hiring until January/);
    const out = await warmpath(db, "next");
    expect(out.stdout).toMatch(
      /^ {2}\d{4}-\d\d-\d\d {2}overdue {2}Ben Ortiz: keep in touch every 30 days \(client\)$/m,
    );
  });

  it("narrows the Next Contact list with --within", async () => {
    const names = (await json(db, "next", "--within", "3")).contacts.map(
      (c: { name: string }) => c.name,
    );
    expect(names).toEqual(["Ben Ortiz"]);
    expect((await warmpath(db, "next", "--within", "400")).stderr).toMatch(
      /BAD_USER_INPUT \(--within\)/,
    );
  });

  it("lists what waits for an answer on the Immediate Follow-up list", async () => {
    const { followUps } = await json(db, "followups");
    expect(followUps.map((f: { name: string }) => f.name)).toEqual(["Kofi Mensah", "Farid Haddad"]);
    expect(followUps[0]).toMatchObject({
      waitingDays: 3,
      interactionId: expect.any(String),
      followUpId: null,
    });
    const out = await warmpath(db, "followups");
    expect(flat(out.stdout)).toContain(
      "Kofi Mensah, waiting 3 days: Kofi asked for advice on moving into product management",
    );
  });
});

describe("warmpath export", () => {
  const db = join(dir, "export.db");
  beforeAll(async () => {
    await json(db, "demo");
  }, 60_000);

  it("writes CSV to stdout", async () => {
    const out = await warmpath(db, "export", "csv");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("Lena Fischer");
    expect(out.stdout).toContain("dev.shah@fabrikam.example");
  });

  it("writes JSON to the file --out names, and describes it with --json", async () => {
    const file = join(dir, "network.json");
    const described = await json(db, "export", "json", "--out", file);
    expect(described).toMatchObject({
      out: file,
      mediaType: expect.stringContaining("json"),
      bytes: statSync(file).size,
    });
    expect(() => JSON.parse(readFileSync(file, "utf8"))).not.toThrow();
    expect(readFileSync(file, "utf8")).toContain("Lena Fischer");
  });

  it("restores a JSON export into another store with import json, and again changes nothing", async () => {
    const file = join(dir, "backup.json");
    await json(db, "export", "json", "--out", file);
    const copy = join(dir, "restored.db");
    const restored = await json(copy, "import", "json", file);
    expect(restored.people).toEqual({ created: 12, updated: 0, unchanged: 0 });
    expect(restored.ties.created).toBe(18);
    const again = await json(copy, "import", "json", file);
    expect(again.people).toEqual({ created: 0, updated: 0, unchanged: 12 });
    const [original, copied] = await Promise.all(
      [db, copy].map(async (d) =>
        (await json(d, "path", "--org", "Fabrikam")).paths.map(
          (p: { people: Array<{ name: string }> }) => p.people.map((x) => x.name),
        ),
      ),
    );
    expect(copied).toEqual(original);
    expect((await warmpath(copy, "import", "json", file, "--dry-run")).code).toBe(2);
  });

  it("writes GraphML and GEXF for graph tools", async () => {
    expect((await warmpath(db, "export", "graphml")).stdout).toContain("<graphml");
    expect((await warmpath(db, "export", "gexf")).stdout).toContain("<gexf");
  });

  it("exits 2 on an unknown format, or none", async () => {
    const unknown = await warmpath(db, "export", "xlsx");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /BAD_USER_INPUT \(format\): must be one of csv, vcard, graphml, gexf, json/,
    );
    const missing = await warmpath(db, "export");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/BAD_USER_INPUT \(format\): is missing/);
  });
});

describe("warmpath import", () => {
  const linkedin = join(SAMPLES, "linkedin-connections.csv");
  type Report = {
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    rejected: number;
    rows: Array<{
      line: number;
      outcome: string;
      reason: string | null;
      warnings: { field: string; reason: string }[];
    }>;
  };

  it("imports a LinkedIn export and reports every row as one JSON object", async () => {
    const db = join(dir, "import.db");
    const report = await json<Report>(db, "import", "linkedin", linkedin);
    expect(Object.keys(report)).toEqual([
      "created",
      "updated",
      "unchanged",
      "skipped",
      "rejected",
      "rows",
    ]);
    expect({ ...report, rows: undefined }).toEqual({
      created: 13,
      updated: 0,
      unchanged: 1,
      skipped: 2,
      rejected: 0,
      rows: undefined,
    });
    expect(report.rows).toHaveLength(16);
    for (const row of report.rows)
      expect(Object.keys(row)).toEqual(["line", "outcome", "reason", "warnings"]);
    expect(report.rows.filter((r) => r.outcome === "created").every((r) => r.reason === null)).toBe(
      true,
    );
    expect(
      report.rows.filter((r) => r.outcome === "skipped").every((r) => typeof r.reason === "string"),
    ).toBe(true);
    expect((await json<{ people: unknown[] }>(db, "people")).people).toHaveLength(13);

    const again = await json<Report>(db, "import", "auto", linkedin);
    expect({ ...again, rows: undefined }).toEqual({
      created: 0,
      updated: 0,
      unchanged: 14,
      skipped: 2,
      rejected: 0,
      rows: undefined,
    });
  });

  it("finds each person once when two processes import the same 3,000 rows into one file at the same time", async () => {
    const db = join(dir, "concurrent.db");
    const file = join(dir, "concurrent-connections.csv");
    const companies = ["Acme", "Contoso Ltd", "Northwind Traders"];
    // No URLs and no e-mails: the processes can only match by name and company.
    const rows = Array.from(
      { length: 3_000 },
      (_, i) => `First${i},Last${i},,,"${companies[i % 3]}",Engineer,15 Mar 2024`,
    );
    writeFileSync(
      file,
      ["First Name,Last Name,URL,Email Address,Company,Position,Connected On", ...rows].join(
        "\r\n",
      ),
    );
    const reports = await Promise.all([
      json<Report>(db, "import", "linkedin", file),
      json<Report>(db, "import", "linkedin", file),
    ]);
    expect(reports[0]!.created + reports[1]!.created).toBe(3_000);
    for (const report of reports) expect(report.created + report.unchanged).toBe(3_000);
    const store = new SqliteStore({ path: db });
    try {
      const network = await store.loadNetwork("me");
      expect(network.people.filter((p) => !p.isSelf)).toHaveLength(3_000);
      expect(network.ties).toHaveLength(3_000);
      expect(network.employments).toHaveLength(3_000);
      expect(network.organizations).toHaveLength(3);
    } finally {
      await store.close();
    }
  }, 120_000);

  it("ends with a summary line, and writes nothing on a dry run", async () => {
    const db = join(dir, "dry-run.db");
    const out = await warmpath(db, "import", "linkedin", linkedin, "--dry-run");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(
      /linkedin-connections\.csv \(linkedin\), dry run, nothing written: 13 created, 0 updated, 1 unchanged, 2 skipped, 0 rejected\.\n$/,
    );
    expect((await json<{ people: unknown[] }>(db, "people")).people).toHaveLength(0);
  });

  it("imports LinkedIn's ZIP archive as downloaded, named linkedin or auto", async () => {
    const db = join(dir, "import-zip.db");
    const zip = fileURLToPath(
      new URL("../fixtures/imports/linkedin-data-export.zip", import.meta.url),
    );
    expect(await json<Report>(db, "import", "linkedin", zip)).toMatchObject({
      created: 2,
      rejected: 0,
    });
    const again = await warmpath(db, "import", "auto", zip);
    expect(again.stdout).toMatch(
      /linkedin-data-export\.zip \(linkedin\): 0 created, 0 updated, 2 unchanged/,
    );
  });

  it("counts the warnings in the summary, lists the first few, and gives each row's in --json", async () => {
    const db = join(dir, "import-warnings.db");
    const file = join(dir, "warnings.csv");
    const rows = Array.from({ length: 7 }, (_, i) => `Bad${i},Date,,,,,31 Feb 2024`);
    writeFileSync(
      file,
      [
        "First Name;Last Name;URL;Email Address;Company;Position;Connected On",
        ...rows.map((r) => r.replace(/,/g, ";")),
      ].join("\r\n"),
    );
    const out = await warmpath(db, "import", "auto", file, "--dry-run");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(
      /^ {2}line 2: warning: connectedOn: "2024-02-31" is not a valid calendar date; the value was left out$/m,
    );
    expect(out.stdout).toMatch(/and 2 more warnings \(--json lists every row\)/);
    expect(out.stdout).toMatch(
      /7 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected; 7 warnings\.\n$/,
    );
    const report = await json<Report>(db, "import", "auto", file);
    expect(report.rows.map((r) => r.warnings.map((w) => w.field))).toEqual(
      rows.map(() => ["connectedOn"]),
    );
  });

  it("exits 2 on an unknown format or a missing file", async () => {
    const db = join(dir, "import-errors.db");
    const format = await warmpath(db, "import", "excel", linkedin);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(
      /BAD_USER_INPUT \(format\): must be one of linkedin, google, outlook, vcard, warmpath_csv, auto/,
    );
    const file = await warmpath(db, "import", "linkedin", join(dir, "no-such.csv"));
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/BAD_USER_INPUT \(file\): no such file/);
    const none = await warmpath(db, "import", "linkedin");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/BAD_USER_INPUT \(file\): is missing/);
  });
});

describe("the import progress bar", () => {
  const terminal = (isTTY: boolean) => {
    const written: string[] = [];
    const stream = {
      isTTY,
      columns: 100,
      write: (s: string) => written.push(s),
    } as unknown as NodeJS.WriteStream;
    return { stream, written };
  };

  it("draws the share of the file read and the rows done on a terminal, then clears its line", () => {
    const { stream, written } = terminal(true);
    const bar = new ProgressBar(stream, 1000, "importing x.csv");
    bar.update(500, 1234, true);
    expect(written.at(-1)).toContain(
      "importing x.csv [###############---------------]  50%  1,234 rows",
    );
    bar.done();
    expect(written.at(-1)).toBe("\r\x1b[2K");
  });

  it("draws nothing when stderr is not a terminal", () => {
    const { stream, written } = terminal(false);
    const bar = new ProgressBar(stream, 1000, "importing x.csv");
    bar.update(500, 1234, true);
    bar.done();
    expect(written).toEqual([]);
  });
});
