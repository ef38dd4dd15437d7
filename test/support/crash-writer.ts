/**
 * The child of the kill -9 test (test/graph/store/crash-safety.test.ts). It loads, warms up
 * on an in-memory store, says "loaded", and waits for a "go" line on stdin (so
 * the parent can start the next life while this one's predecessor writes,
 * hiding tsx's start-up). Then it opens the SQLite file named by its first
 * argument and writes without end, through the store and through GraphQL
 * mutations posted over HTTP to its own server on 127.0.0.1. After each write
 * resolves it prints one acknowledgement line (JSON) on stdout; the parent
 * kills it at random moments and checks every one.
 *
 * Usage: node --import tsx test/support/crash-writer.ts <db file> <life number>
 * Stops by itself after MAX_MS of writing, after MAX_CYCLES, or when its stdin closes (the parent is gone).
 */
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { startHttpServer } from "../../src/http-server.js";
import { CRASH_BATCH_SIZE, CRASH_OWNER, type CrashAck } from "./crash-acks.js";

const MAX_MS = 20_000;
const MAX_CYCLES = 5_000;
const CONTEXTS = ["friend", "client", "school", "worked_together"] as const;

const [path, lifeArg] = process.argv.slice(2);
if (!path || !lifeArg) {
  process.stderr.write("usage: crash-writer.ts <db file> <life number>\n");
  process.exit(2);
}
const life = Number(lifeArg);

// The parent going away (its end of stdin closing) stops this child too.
process.stdin.on("end", () => process.exit(0));
const go = new Promise<void>((resolve) => {
  let input = "";
  process.stdin.setEncoding("utf8").on("data", (chunk: string) => {
    input += chunk;
    if (input.includes("go\n")) resolve();
  });
});

/** Pipes are written synchronously on Linux, so a line printed here is out before the next write starts. */
const print = (line: CrashAck) => process.stdout.write(`${JSON.stringify(line)}\n`);
const fail = (message: string): never => {
  process.stderr.write(`crash-writer: ${message}\n`);
  process.exit(1);
};

/** A store opened on `file`, with the owner, served over HTTP on a free loopback port. */
async function open(file: string) {
  const store = new SqliteStore({ path: file });
  await store.init();
  const self = await store.ensureOwner(CRASH_OWNER, { name: "Crash Owner" });
  const server = await startHttpServer({
    store,
    ownerId: CRASH_OWNER,
    port: 0,
    host: "127.0.0.1",
    logger: {
      info: () => undefined,
      error: (fields) => process.stderr.write(`${JSON.stringify(fields)}\n`),
    },
  });
  async function graphql<T>(query: string, variables: object): Promise<T> {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!response.ok || body.errors || !body.data)
      fail(`GraphQL answered ${response.status}: ${JSON.stringify(body)}`);
    return body.data!;
  }
  const close = async () => {
    await server.close();
    await store.close();
  };
  return { store, selfId: self.id, graphql, close };
}

type Opened = Awaited<ReturnType<typeof open>>;

/** One cycle of writes, each acknowledged once it resolved: a person, a batch, a tie on the store; four GraphQL mutations. */
async function cycle(
  { store, selfId, graphql }: Opened,
  tag: string,
  n: number,
  ack: (line: CrashAck) => void,
): Promise<void> {
  const name = `Store Person ${tag}`;
  const person = await store.create(CRASH_OWNER, "person", { name });
  ack({ kind: "person", via: "store", id: person.id, name });

  const inputs = Array.from({ length: CRASH_BATCH_SIZE }, (_, i) => ({
    name: `Batch Person ${tag}.${i}`,
    profileUrl: `https://www.linkedin.com/in/crash-batch-${tag.toLowerCase()}-${i}`,
    notes: `batch:${tag}`,
  }));
  const batch = await store.bulkUpsert(CRASH_OWNER, "person", inputs);
  ack({ kind: "batch", batch: `batch:${tag}`, ids: batch.ids, names: inputs.map((p) => p.name) });

  const storeTie = {
    strength: ((n % 9) + 1) / 10,
    context: CONTEXTS[n % CONTEXTS.length]!,
    notes: `tie:store:${tag}`,
  };
  const tie = await store.upsert(CRASH_OWNER, "tie", {
    personA: person.id,
    personB: batch.ids[0]!,
    provenance: "manual",
    ...storeTie,
  });
  ack({
    kind: "tie",
    via: "store",
    id: tie.record.id,
    ends: [person.id, batch.ids[0]!],
    ...storeTie,
  });

  const gqlName = `GraphQL Person ${tag}`;
  const { createPerson } = await graphql<{ createPerson: { id: string; name: string } }>(
    "mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id name } }",
    { input: { name: gqlName, emails: [`crash-${tag.toLowerCase()}@example.com`] } },
  );
  if (createPerson.name !== gqlName) fail(`createPerson answered ${JSON.stringify(createPerson)}`);
  ack({ kind: "person", via: "graphql", id: createPerson.id, name: gqlName });

  // One mutation, several things written at once: the tie with its strength, context, date and notes.
  const gqlTie = {
    strength: ((n % 7) + 2) / 10,
    context: CONTEXTS[(n + 1) % CONTEXTS.length]!,
    notes: `tie:graphql:${tag}`,
  };
  // Every other cycle the GraphQL tie joins the owner, as most real ties do.
  const other = n % 2 === 0 ? selfId : batch.ids[1]!;
  const { connect } = await graphql<{ connect: { id: string } }>(
    "mutation ($input: ConnectInput!) { connect(input: $input) { id strength context notes } }",
    {
      input: {
        personA: createPerson.id,
        personB: other,
        strength: gqlTie.strength,
        context: gqlTie.context.toUpperCase(),
        since: "2024-03-15",
        notes: gqlTie.notes,
      },
    },
  );
  ack({ kind: "tie", via: "graphql", id: connect.id, ends: [createPerson.id, other], ...gqlTie });

  const summary = `interaction:${tag}`;
  const { logInteraction } = await graphql<{ logInteraction: { id: string } }>(
    "mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { id summary } }",
    {
      input: {
        personId: createPerson.id,
        kind: "COFFEE",
        at: new Date().toISOString(),
        direction: "OUTBOUND",
        summary,
      },
    },
  );
  ack({ kind: "interaction", id: logInteraction.id, personId: createPerson.id, summary });

  const favorSummary = `favor:${tag}`;
  const { recordFavor } = await graphql<{ recordFavor: { id: string } }>(
    "mutation ($input: RecordFavorInput!) { recordFavor(input: $input) { id summary } }",
    {
      input: { personId: person.id, direction: "GIVEN", kind: "ADVICE", summary: favorSummary },
    },
  );
  ack({ kind: "favor", id: recordFavor.id, personId: person.id, summary: favorSummary });
}

// Warm-up on a throwaway in-memory store: building the schema and the first requests cost more than
// many writes, and are done here, before the parent says go.
const warm = await open(":memory:");
await cycle(warm, "warm-up", 0, () => undefined);
await warm.close();
print({ kind: "loaded" });
await go;

const opened = await open(path);
print({ kind: "ready" });
const started = Date.now();
for (let n = 0; n < MAX_CYCLES && Date.now() - started < MAX_MS; n++)
  await cycle(opened, `L${life}-${n}`, n, print);
await opened.close();
process.exit(0);
