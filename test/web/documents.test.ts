/**
 * The web app's GraphQL documents and error codes against the server they talk to: every
 * document a screen declares (`*.documents.ts` under web/src) is valid against schema.graphql,
 * and the app has words for every error code the server can send. So a schema change that
 * breaks a screen fails here, before any browser runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.js";

const ROOT = resolve(import.meta.dirname, "../..");
const WEB_SRC = join(ROOT, "web/src");

/** Every `*.documents.ts` file of the web app, relative to web/src. */
function documentFiles(): string[] {
  return (readdirSync(WEB_SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".documents.ts"))
    .sort();
}

interface Document {
  query: string;
  operationName: string;
}

const isDocument = (value: unknown): value is Document =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Document).query === "string" &&
  typeof (value as Document).operationName === "string";

/** Loads a web module by path (a variable, so the server's tsc never type-checks web code). */
const load = (file: string): Promise<Record<string, unknown>> => import(join(WEB_SRC, file));

describe("the web app's GraphQL documents", () => {
  const schema = buildSchema(readFileSync(join(ROOT, "schema.graphql"), "utf8"));
  const files = documentFiles();

  it("are found (the shell's and the Find screen's at least)", () => {
    expect(files).toContain(join("app", "session.documents.ts"));
    expect(files).toContain(join("screens", "find", "find.documents.ts"));
    expect(files).toContain(join("screens", "find", "find-team.documents.ts"));
  });

  it.each(files)("%s: every document is valid against schema.graphql", async (file) => {
    const documents = Object.entries(await load(file)).filter(([, v]) => isDocument(v));
    expect(documents.length).toBeGreaterThan(0);
    for (const [name, document] of documents as [string, Document][]) {
      const errors = validate(schema, parse(document.query)).map((e) => e.message);
      expect(errors, `${file}: ${name}`).toEqual([]);
      expect(document.query, name).toMatch(new RegExp(`\\b${document.operationName}\\b`));
    }
  });
});

describe("the web app's error codes", () => {
  it("include every code the server sends, so each has words", async () => {
    const { API_ERROR_CODES } = (await load(join("api", "api-error.ts"))) as {
      API_ERROR_CODES: readonly string[];
    };
    for (const code of Object.values(ErrorCode)) expect(API_ERROR_CODES, code).toContain(code);
  });
});
