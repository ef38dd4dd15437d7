/**
 * bench/import mbox: messages per second for a generated mbox of 50,000
 * messages (two-way mail with 2,000 people, a tenth of it from mailing lists),
 * imported through importMail into SQLite (a file, WAL, synchronous=FULL).
 * Baseline in the same run, in its own phase: reading the file alone
 * (mbox-reader's split and the header parse, no store). importMail reads the
 * file once, spilling what counts to a temporary file while it learns who mail
 * went both ways with, then writes it in batches of 5,000 (reading it twice
 * made 2,900 messages/s). Each sample imports into a fresh owner after
 * a 2,000-message warm-up; figures are the median of the samples.
 *
 *   npx tsx bench/import.ts mbox [--messages 50000] [--samples 3]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  importMail,
  mailSources,
  readMail,
  type MailImportReport,
} from "../src/graph/import/mail/index.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MESSAGES = option("messages", 50_000);
const SAMPLES = option("samples", 3);
const WARM_UP = 2_000;
const PEOPLE = 2_000;
const TARGET = 5_000;
const ME = "me@acme.example";
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** An mbox as Gmail's Takeout writes it: a From line, headers, a short body with a >From line. */
function mboxFile(path: string, messages: number): void {
  const parts: string[] = [];
  const start = Date.parse("2024-01-01T00:00:00Z");
  for (let i = 0; i < messages; i++) {
    const person = `person${i % PEOPLE}@partner${i % 50}.example`;
    const date = new Date(start + i * 600_000).toUTCString().replace("GMT", "+0000");
    const outbound = i % 2 === 0;
    const bulk = i % 10 === 9;
    const headers = [
      `From ${outbound ? ME : person} ${date}`,
      `X-GM-THRID: ${i >> 2}`,
      `X-Gmail-Labels: ${outbound ? "Sent" : "Inbox"}`,
      `Message-ID: <m${i}@bench.example>`,
      `Date: ${date}`,
      `From: ${outbound ? `Me <${ME}>` : `Person ${i % PEOPLE} <${person}>`}`,
      `To: ${outbound ? `Person ${i % PEOPLE} <${person}>` : ME}`,
      ...(i % 7 === 0 ? [`Cc: person${(i + 1) % PEOPLE}@partner${(i + 1) % 50}.example`] : []),
      ...(i > 0 ? [`In-Reply-To: <m${i - 1}@bench.example>`] : []),
      ...(bulk ? ["List-Id: <news.lists.example>"] : []),
      `Subject: Message ${i}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
    ];
    parts.push(
      `${headers.join("\n")}\n\nHello,\n\n>From what I read, this works.\nSee you soon.\n-- \nSomeone\n\n`,
    );
  }
  writeFileSync(path, parts.join(""));
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function readAlone(path: string, expected: number): Promise<void> {
  const { sources, close } = await mailSources(path);
  let n = 0;
  for await (const _ of readMail(sources)) n++;
  close();
  if (n !== expected) throw new Error(`read ${n} messages of ${expected}`);
}

async function sample(store: SqliteStore, path: string, messages: number) {
  const read = await seconds(() => readAlone(path, messages));
  const owner = `bench-${Date.now()}-${Math.random()}`;
  await store.ensureOwner(owner, { name: "Me", emails: [ME] });
  let report: MailImportReport | undefined;
  const imported = await seconds(async () => (report = await importMail(store, owner, path)));
  if (report!.counted !== messages - Math.floor(messages / 10))
    throw new Error(`counted ${report!.counted}`);
  const version = await store.version(owner);
  const again = await seconds(async () => (report = await importMail(store, owner, path)));
  if (report!.created !== 0 || (await store.version(owner)) !== version)
    throw new Error("a re-import wrote");
  return { read: messages / read, imported: messages / imported, again: messages / again };
}

const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-mbox-"));
try {
  console.log(
    `bench/import mbox: ${fmt(MESSAGES)} messages with ${fmt(PEOPLE)} people, ${SAMPLES} samples after a ${fmt(WARM_UP)}-message warm-up`,
  );
  const store = new SqliteStore({ path: join(dir, "store.db") });
  await store.init();
  const warm = join(dir, "warm.mbox");
  mboxFile(warm, WARM_UP);
  await sample(store, warm, WARM_UP);
  const file = join(dir, "mail.mbox");
  mboxFile(file, MESSAGES);
  const samples = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await sample(store, file, MESSAGES));
  const read = median(samples.map((s) => s.read));
  const imported = median(samples.map((s) => s.imported));
  const again = median(samples.map((s) => s.again));
  console.log(`\nSqliteStore (file, WAL, synchronous=FULL): median of ${SAMPLES}`);
  console.log(
    `  baseline: reading the file alone (split + headers)  ${fmt(read).padStart(8)} messages/s`,
  );
  console.log(
    `  import (one read, people, ties, interactions)     ${fmt(imported).padStart(8)} messages/s   target >= ${fmt(TARGET)}: ${imported >= TARGET ? "met" : "MISSED"}`,
  );
  console.log(
    `    = ${(imported / read).toFixed(2)}x reading the file; samples ${samples.map((s) => fmt(s.imported)).join(", ")}`,
  );
  console.log(
    `  re-import of the same file (all unchanged)         ${fmt(again).padStart(8)} messages/s`,
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
