/**
 * bench/limits: what the GraphQL limits cost per request, beside graphql-js's
 * own parse and validate of the same document measured in the same run (the
 * work every request does anyway). For each document: the baseline (parse +
 * the specified validation rules), then our additions (Armor's depth, alias and
 * directive rules, and the cost estimate), each in its own phase after a
 * warm-up, as the median of many samples.
 *
 *   npx tsx bench/limits.ts [--samples N]
 */
import "reflect-metadata";
import { parse, specifiedRules, validate, type OperationDefinitionNode } from "graphql";
import { buildWarmpathSchema } from "../src/build-schema.js";
import { estimateCost } from "../src/limits/query-cost.js";
import { operationLimitRules } from "../src/limits/operation-limits.js";
import { SERVER_DEFAULTS } from "../src/server.js";

const args = process.argv.slice(2);
const SAMPLES = Number(args[args.indexOf("--samples") + 1] ?? 0) || 2_000;
const schema = buildWarmpathSchema();
const ours = operationLimitRules(SERVER_DEFAULTS);

const fanOut = (n: number) =>
  [
    "query { ...F0 }",
    ...Array.from(
      { length: n - 1 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ),
    `fragment F${n - 1} on Query { me { id } }`,
  ].join("\n");

const DOCUMENTS: Record<string, string> = {
  "a person with ties and jobs":
    "{ me { id name knows { strength context person { name title } } employment { title organization { name } } } }",
  "a page of 100 people with ties":
    "{ people(first: 100) { totalCount edges { cursor node { name knows { strength person { name } } } } pageInfo { hasNextPage } } }",
  "introPaths with evidence":
    '{ introPaths(to: { organizationId: "org_1" }, k: 3) { noPathReason paths { warmth label people { name } hops { strength evidence from { name } to { name } } } } }',
  "30 fragments, each spread twice": fanOut(30),
  "ties 3 levels deep under 1,000 people":
    "{ people(first: 1000) { edges { node { knows { person { knows { person { knows { person { id } } } } } } } } } }",
};

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(work: () => void): number {
  for (let i = 0; i < Math.min(200, SAMPLES); i++) work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e3);
  }
  return median(samples);
}

const rows: string[][] = [];
for (const [name, text] of Object.entries(DOCUMENTS)) {
  const document = parse(text);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  )!;
  const baseline = measure(() => validate(schema, parse(text), specifiedRules));
  const rules = measure(() => validate(schema, document, ours));
  let cost = 0;
  const estimate = measure(() => {
    cost = estimateCost(
      schema,
      document,
      operation,
      {},
      { people: 2_000, ties: 10_000 },
      SERVER_DEFAULTS.maxListArgument,
    ).cost;
  });
  rows.push([
    name,
    baseline.toFixed(1),
    rules.toFixed(1),
    estimate.toFixed(1),
    `${(((rules + estimate) / baseline) * 100).toFixed(0)}%`,
    Math.round(cost).toLocaleString("en-US"),
  ]);
}

console.log(
  `bench/limits: median µs per document over ${SAMPLES} samples (node ${process.version})\n`,
);
console.log(
  "| document | parse + validate (baseline) | Armor's rules | cost estimate | ours / baseline | estimated cost |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
