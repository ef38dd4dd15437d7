/**
 * bench/web: the web app's speed targets (issue 15, "Qualities") in real headless Chromium
 * (playwright-core, Debian's /usr/bin/chromium or CHROMIUM_PATH) against the real HTTP server
 * on a temporary SQLite file with the demo network, serving the built app (web/dist, built
 * first when older than its sources). Each figure runs in its own phase after 5 warm-ups, and
 * so does its baseline; the table gives p50 / p95 over N samples:
 *
 * 1. first screen interactive: navigation start to the /find search box present, visible,
 *    enabled and focusable, each sample in a new browser context (cold cache, a first visit);
 *    baseline: navigation start to GET /healthz loaded in the browser, the same way.
 * 2. a search answered: "Fabrikam" typed and submitted to the first ranked path card on screen
 *    (FindTargets, then FindPaths, then React); baseline: the same FindPaths request (introPaths)
 *    sent by fetch() from the page, to its parsed JSON.
 * 3. a 2,000-node drawing: the whole-network map (/see) on the demo network plus 2,400 people,
 *    drawn at the 2,000-person cap, until data-drawn-ms is set: the app's own figure (the
 *    canvas mounted to the settled layout drawn; ForceAtlas2 runs for a fixed layoutMs, 1.7 s
 *    at 2,000) and navigation start to drawn; baseline: the same networkGraph request
 *    (NetworkPiece) by fetch(), the data alone; beside the wall time, the map's two requests
 *    (MapOutline, then NetworkPiece) by fetch(), one after the other. A line under the table
 *    splits the wall time: the data in hand, React and the drawing graph, the drawing.
 *
 * Times come from the page's clock (performance.now()), so the driver's round trips are not in
 * them. Targets: 1,000 ms, 200 ms and 3,000 ms.
 *
 *   npx tsx bench/web.ts [--samples N]
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { pino } from "pino";
import { loadDemoNetwork } from "../src/graph/index.js";
import { startHttpServer } from "../src/http-server.js";
import { SqliteStore } from "../src/sqlite.js";
import { ensureWebBuild } from "../scripts/web-build.js";

const args = process.argv.slice(2);
const SAMPLES = Number(args[args.indexOf("--samples") + 1] ?? 0) || 30;
const WARMUPS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 900 };
const OWNER = "bench-web";
const COMPANY = "Fabrikam";

// --- the server: the demo network, optionally with 2,400 more people ------------------------

interface Server {
  base: string;
  close(): Promise<void>;
}

/**
 * 2,400 more people in 12 groups of 200, each tied to four in its group and one beyond, you
 * tied to every hundredth: the shape test/web/see-screen.test.ts draws, written in bulk.
 */
async function addPeople(store: SqliteStore): Promise<void> {
  const { ids } = await store.bulkUpsert(
    OWNER,
    "person",
    Array.from({ length: 2_400 }, (_, i) => ({ name: `Person ${i}` })),
  );
  const self = (await store.getSelf(OWNER)).id;
  const ties: { personA: string; personB: string; strength?: number }[] = [];
  for (let i = 0; i < ids.length; i++) {
    const group = Math.floor(i / 200) * 200;
    for (const step of [1, 7, 31, 97]) {
      const j = group + ((i - group + step) % 200);
      if (j > i)
        ties.push({ personA: ids[i]!, personB: ids[j]!, strength: ((i * step) % 9) / 10 + 0.1 });
    }
    if (i % 200 === 0) ties.push({ personA: ids[i]!, personB: ids[(i + 200) % ids.length]! });
    if (i % 100 === 0) ties.push({ personA: self, personB: ids[i]! });
  }
  await store.bulkUpsert(OWNER, "tie", ties);
}

async function startServer(large: boolean): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-web-"));
  const store = new SqliteStore({ path: join(dir, "demo.db") });
  await store.init();
  await store.ensureOwner(OWNER, { name: "Me" });
  await loadDemoNetwork(store, OWNER);
  if (large) await addPeople(store);
  const server = await startHttpServer({
    store,
    ownerId: OWNER,
    port: 0,
    host: "127.0.0.1",
    logger: pino({ level: "silent" }),
  });
  return {
    base: server.url.replace(/\/graphql$/, ""),
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// --- measuring --------------------------------------------------------------------------------

/** Nearest-rank percentile. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One phase: warm-ups (not kept), then the samples, each sample one or more figures in ms. */
async function phase<T extends number[]>(name: string, sample: () => Promise<T>): Promise<T[]> {
  for (let i = 0; i < WARMUPS; i++) await sample();
  const out: T[] = [];
  for (let i = 0; i < SAMPLES; i++) out.push(await sample());
  console.error(`  ${name}: done`);
  return out;
}

/**
 * The page's clock (and whatever else `check` returns) when `check`, a page expression
 * returning an array or false, first holds: checked on every DOM change, and every 50 ms.
 */
async function pageTimeWhen(page: Page, check: string): Promise<number[]> {
  const found = page.evaluate(`new Promise((resolve) => {
    const check = () => ${check};
    const done = (value) => { observer.disconnect(); clearInterval(timer); resolve(value); };
    const observer = new MutationObserver(() => { const v = check(); if (v) done(v); });
    const timer = setInterval(() => { const v = check(); if (v) done(v); }, 50);
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    const v = check();
    if (v) done(v);
  })`) as Promise<number[]>;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited 30 s for ${check}`)), 30_000);
  });
  try {
    return await Promise.race([found, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends a captured GraphQL request body by fetch() from the page; ms to the parsed answer. */
function fetchFromPage(page: Page, body: string): Promise<number> {
  return page.evaluate(async (body) => {
    const started = performance.now();
    const response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body,
    });
    const answer = (await response.json()) as { errors?: unknown[] };
    const ms = performance.now() - started;
    if (answer.errors) throw new Error(`the baseline request failed: ${JSON.stringify(answer)}`);
    return ms;
  }, body);
}

/** Records the body of the first GraphQL request the page sends for `operationName`. */
function capture(page: Page, operationName: string): () => string {
  let body: string | null = null;
  page.on("request", (request) => {
    const data = request.postData();
    if (body === null && request.url().endsWith("/graphql") && data?.includes(operationName))
      if ((JSON.parse(data) as { operationName?: string }).operationName === operationName)
        body = data;
  });
  return () => {
    if (body === null) throw new Error(`the page sent no ${operationName} request`);
    return body;
  };
}

const BOX_USABLE = `(() => {
  const box = document.querySelector("#find-text");
  if (!box || box.disabled || box.readOnly || box.getClientRects().length === 0) return false;
  box.focus();
  return document.activeElement === box ? [performance.now()] : false;
})()`;

async function inContext<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

// --- the run ----------------------------------------------------------------------------------

interface Row {
  figure: string;
  samples: number[];
  baseline: string;
  baselineSamples: number[];
  target: number;
}

if (!existsSync(CHROMIUM))
  throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`);
const loadBefore = loadavg();
await ensureWebBuild();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  // Chromium's sandbox refuses to start as root.
  args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
});
const chromiumVersion = browser.version();
const rows: Row[] = [];
const breakdown: number[][] = [];
const [demo, large] = await Promise.all([startServer(false), startServer(true)]);
console.error(`bench/web: ${WARMUPS} warm-ups, then ${SAMPLES} samples a phase`);
try {
  // 1. First screen interactive, beside a trivial page from the same server.
  const firstScreen = await phase("first screen", () =>
    inContext(browser, async (page) => {
      await page.goto(`${demo.base}/find`, { waitUntil: "commit" });
      return pageTimeWhen(page, BOX_USABLE);
    }),
  );
  const healthz = await phase("GET /healthz", () =>
    inContext(browser, async (page) => {
      const response = await page.goto(`${demo.base}/healthz`, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`/healthz answered ${response?.status()}`);
      return [
        (await page.evaluate(
          `performance.getEntriesByType("navigation")[0].loadEventEnd`,
        )) as number,
      ];
    }),
  );
  rows.push({
    figure: "first screen interactive: /find, navigation to the search box usable",
    samples: firstScreen.map((s) => s[0]!),
    baseline: "GET /healthz loaded in the browser",
    baselineSamples: healthz.map((s) => s[0]!),
    target: 1_000,
  });

  // 2. A search answered, beside the same introPaths request by fetch().
  const searchContext: BrowserContext = await browser.newContext({ viewport: VIEWPORT });
  const searchPage = await searchContext.newPage();
  const findPathsBody = capture(searchPage, "FindPaths");
  const search = await phase("search", async () => {
    await searchPage.goto(`${demo.base}/find`);
    await pageTimeWhen(searchPage, BOX_USABLE);
    await searchPage.evaluate(`document.addEventListener("submit",
      () => { window.__benchSubmitted = performance.now(); }, { capture: true, once: true })`);
    await searchPage.fill("#find-text", COMPANY);
    await searchPage.press("#find-text", "Enter");
    return pageTimeWhen(
      searchPage,
      `document.querySelector("article.path-card") ? [performance.now() - window.__benchSubmitted] : false`,
    );
  });
  const cards = await searchPage.locator("article.path-card").count();
  if (cards < 1) throw new Error("the search showed no path card");
  const introPaths = await phase("introPaths by fetch()", async () => [
    await fetchFromPage(searchPage, findPathsBody()),
  ]);
  await searchContext.close();
  rows.push({
    figure: `a search answered: "${COMPANY}" submitted to the path cards shown (${cards} cards)`,
    samples: search.map((s) => s[0]!),
    baseline: "the same introPaths request (FindPaths) by fetch()",
    baselineSamples: introPaths.map((s) => s[0]!),
    target: 200,
  });

  // 3. The whole-network map at the 2,000-person cap, beside its networkGraph data alone.
  const mapContext = await browser.newContext({ viewport: VIEWPORT });
  const mapPage = await mapContext.newPage();
  const pieceBody = capture(mapPage, "NetworkPiece");
  const outlineBody = capture(mapPage, "MapOutline");
  const map = await phase("2,000-node map", async () => {
    await mapPage.goto(`${large.base}/see`, { waitUntil: "commit" });
    return pageTimeWhen(
      mapPage,
      `(() => {
        const canvas = document.querySelector(".graph-canvas[data-drawn-ms]");
        if (!canvas) return false;
        const data = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/graphql"));
        return [Number(canvas.dataset.drawnMs), performance.now(), Math.max(...data.map((e) => e.responseEnd))];
      })()`,
    );
  });
  breakdown.push(...map);
  const drawnPeople = await mapPage.locator(".people-table tbody tr").count();
  const summary = (await mapPage.locator("#map-summary").textContent()) ?? "";
  if (drawnPeople !== 2_000) throw new Error(`the map drew ${drawnPeople} people, not 2,000`);
  const networkGraph = await phase("networkGraph by fetch()", async () => [
    await fetchFromPage(mapPage, pieceBody()),
  ]);
  // The map asks for its outline (communities, brokers, bridges) first, then the people.
  const mapData = await phase("MapOutline, then networkGraph, by fetch()", async () => [
    (await fetchFromPage(mapPage, outlineBody())) + (await fetchFromPage(mapPage, pieceBody())),
  ]);
  await mapContext.close();
  rows.push(
    {
      figure: `a 2,000-node drawing: data-drawn-ms (canvas mounted to laid out and drawn; ${summary.split(":")[0]})`,
      samples: map.map((s) => s[0]!),
      baseline: "the same networkGraph request (NetworkPiece) by fetch(): the data alone",
      baselineSamples: networkGraph.map((s) => s[0]!),
      target: 3_000,
    },
    {
      figure: "a 2,000-node drawing: navigation to /see until data-drawn-ms is set (wall)",
      samples: map.map((s) => s[1]!),
      baseline: "the map's two requests (MapOutline, then NetworkPiece) by fetch()",
      baselineSamples: mapData.map((s) => s[0]!),
      target: 3_000,
    },
  );
} finally {
  await browser.close().catch(() => undefined);
  await Promise.all([demo.close(), large.close()]);
}

const ms = (n: number) =>
  n.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const p50p95 = (s: number[]) => `${ms(percentile(s, 50))} / ${ms(percentile(s, 95))} ms`;
const verdict = (s: number[], target: number) =>
  percentile(s, 95) < target
    ? "met"
    : percentile(s, 50) < target
      ? "met at p50, not at p95"
      : "MISSED";

const loadAfter = loadavg();
const cores = cpus();
console.log(
  `bench/web: p50 / p95 over ${SAMPLES} samples after ${WARMUPS} warm-ups, each phase on its own\n` +
    `node ${process.version}, Chromium ${chromiumVersion} (headless), ` +
    `${cores.length} × ${cores[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GB; ` +
    `load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after` +
    (Math.max(loadBefore[0]!, loadAfter[0]!) > cores.length * 0.75
      ? " (the machine was busy: read the ratios)"
      : "") +
    "\n",
);
console.log(
  "| figure | p50 / p95 | baseline (own phase) | baseline p50 / p95 | figure / baseline at p50 | target |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const row of rows)
  console.log(
    `| ${row.figure} | ${p50p95(row.samples)} | ${row.baseline} | ${p50p95(row.baselineSamples)} | ` +
      `${(percentile(row.samples, 50) / percentile(row.baselineSamples, 50)).toFixed(1)}x | ` +
      `< ${row.target.toLocaleString("en-US")} ms: ${verdict(row.samples, row.target)} |`,
  );
const p50 = (s: number[]) => ms(percentile(s, 50));
console.log(
  `\nWhere the map's wall time goes (p50 of each part): navigation to its data in hand ` +
    `(the last /graphql answer's responseEnd) ${p50(breakdown.map((s) => s[2]!))} ms; ` +
    `data in hand to the drawing started (React, the drawing graph, the people table) ` +
    `${p50(breakdown.map((s) => s[1]! - s[2]! - s[0]!))} ms; laid out and drawn (data-drawn-ms) ` +
    `${p50(breakdown.map((s) => s[0]!))} ms.`,
);
