/**
 * The layer rules hold because lint fails when one breaks: each test here breaks one
 * boundary on purpose (in memory, with the path of a file inside the boundary) and expects
 * the rule of eslint.config.js that keeps it. Nothing is written to disk.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.js") });
});

/** Lints `code` as if it were the file at `file` (relative to the repository) and returns the rules it breaks. */
async function rulesBrokenBy(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  expect(result, `${file} was linted`).toBeDefined();
  expect(
    result!.messages.filter((m) => m.fatal),
    "parses",
  ).toEqual([]);
  return result!.messages.map((m) => m.ruleId ?? "(none)");
}

/** The first TypeScript file of a folder of the repository (files move; boundaries stay). */
function someFileIn(folder: string): string {
  const name = readdirSync(path.join(root, folder))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .sort()[0];
  if (name === undefined) throw new Error(`no TypeScript file in ${folder}`);
  return path.join(folder, name);
}

/** The specifier by which `from` imports `to` (both relative to the repository), as src writes it: `./x.js`. */
function specifier(from: string, to: string): string {
  const relative = path.relative(path.dirname(from), to).replace(/\.ts$/, ".js");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/**
 * A real import edge `from → to` between two files of one src/graph folder; linting `to`
 * with an import of `from` closes a cycle without writing a file.
 */
function someImportEdge(): { from: string; to: string } {
  const folders = ["src/graph/paths", "src/graph/model", "src/graph/store", "src/graph/warmth"];
  for (const folder of folders) {
    for (const name of readdirSync(path.join(root, folder))
      .filter((f) => f.endsWith(".ts"))
      .sort()) {
      const text = readFileSync(path.join(root, folder, name), "utf8");
      for (const [, names, target] of text.matchAll(
        /^import (?!type )([^;]*?) from "\.\/([\w.-]+)\.js";/gm,
      )) {
        // no-cycle ignores an import of types only, so the edge must carry a value.
        const valueImport = !/^\{(\s*type \w+\s*,?)+\s*\}$/.test(names!);
        if (valueImport && readdirSync(path.join(root, folder)).includes(`${target}.ts`)) {
          return { from: path.join(folder, name), to: path.join(folder, `${target}.ts`) };
        }
      }
    }
  }
  throw new Error("no value import between two files of one src/graph folder");
}

describe("eslint.config.js", () => {
  describe("src/graph never imports the GraphQL layer", () => {
    it("reports a graphql import in src/graph", async () => {
      expect(
        await rulesBrokenBy(
          "src/graph/paths/lint-fixture.ts",
          'import { parse } from "graphql";\nexport const p = parse;\n',
        ),
      ).toEqual(["@typescript-eslint/no-restricted-imports"]);
    });

    it("reports Apollo, type-graphql and DataLoader in src/graph", async () => {
      const code = [
        'import { ApolloServer } from "@apollo/server";',
        'import { ObjectType } from "type-graphql";',
        'import DataLoader from "dataloader";',
        "export const all = [ApolloServer, ObjectType, DataLoader];",
        "",
      ].join("\n");
      expect(await rulesBrokenBy("src/graph/habits/lint-fixture.ts", code)).toEqual(
        Array(3).fill("@typescript-eslint/no-restricted-imports"),
      );
    });

    it("reports a resolver imported from src/graph", async () => {
      const file = "src/graph/lint-fixture.ts";
      const code = `import * as r from "${specifier(file, someFileIn("src/resolvers"))}";\nexport const a = r;\n`;
      expect(await rulesBrokenBy(file, code)).toEqual(["import-x/no-restricted-paths"]);
    });
  });

  describe("only the adapter folders import a driver", () => {
    it("reports neo4j-driver imported by a resolver", async () => {
      expect(
        await rulesBrokenBy(
          "src/resolvers/lint-fixture.resolver.ts",
          'import neo4j from "neo4j-driver";\nexport const n = neo4j;\n',
        ),
      ).toEqual(["@typescript-eslint/no-restricted-imports"]);
    });

    it("reports better-sqlite3 imported by the path engine, statically or with import()", async () => {
      expect(
        await rulesBrokenBy(
          "src/graph/paths/lint-fixture.ts",
          'import Database from "better-sqlite3";\nexport const d = Database;\n',
        ),
      ).toEqual(["@typescript-eslint/no-restricted-imports"]);
      expect(
        await rulesBrokenBy(
          "src/graph/paths/lint-fixture.ts",
          'export const d = await import("better-sqlite3");\n',
        ),
      ).toEqual(["no-restricted-syntax"]);
    });

    it("reports the Neo4j adapter loaded statically by the composition root", async () => {
      const code =
        'import { Neo4jStore } from "./graph/store/neo4j/neo4j-store.js";\nexport const s = Neo4jStore;\n';
      expect(await rulesBrokenBy("src/open-store.ts", code)).toEqual([
        "@typescript-eslint/no-restricted-imports",
      ]);
    });
  });

  describe("resolvers hold no queries and never touch an adapter", () => {
    it("reports an adapter imported by a resolver", async () => {
      const file = "src/resolvers/lint-fixture.resolver.ts";
      const code = `import * as s from "${specifier(file, someFileIn("src/graph/store/sqlite"))}";\nexport const a = s;\n`;
      expect(await rulesBrokenBy(file, code)).toEqual([
        "@typescript-eslint/no-restricted-imports",
        "import-x/no-restricted-paths",
      ]);
    });

    it("reports Cypher and SQL written in a resolver, but not English that says select", async () => {
      const code = [
        "export const cypher = `MATCH (p:Person {id: $id}) RETURN p`;",
        'export const sql = "SELECT id FROM person WHERE owner = ?";',
        'export const description = "Select the people to match from your network";',
        "",
      ].join("\n");
      expect(await rulesBrokenBy("src/resolvers/lint-fixture.resolver.ts", code)).toEqual(
        Array(2).fill("no-restricted-syntax"),
      );
    });
  });

  describe("adapters import neither each other nor the engine", () => {
    it("reports the Neo4j adapter importing the SQLite adapter", async () => {
      const file = "src/graph/store/neo4j/lint-fixture.ts";
      const code = `import * as s from "${specifier(file, someFileIn("src/graph/store/sqlite"))}";\nexport const a = s;\n`;
      expect(await rulesBrokenBy(file, code)).toEqual(["import-x/no-restricted-paths"]);
    });

    it("reports an adapter importing the path engine", async () => {
      const file = "src/graph/store/sqlite/lint-fixture.ts";
      const code = `import * as e from "${specifier(file, someFileIn("src/graph/paths"))}";\nexport const a = e;\n`;
      expect(await rulesBrokenBy(file, code)).toEqual(["import-x/no-restricted-paths"]);
    });
  });

  describe("src stands on its own", () => {
    it("reports an import cycle", async () => {
      const { from, to } = someImportEdge();
      const back = `import * as back from "${specifier(to, from)}";\nexport const b = back;\n`;
      expect(await rulesBrokenBy(to, back)).toContain("import-x/no-cycle");
    });

    it("reports a test file imported by src", async () => {
      const file = "src/graph/lint-fixture.ts";
      const code = `import * as t from "${specifier(file, "test/lint-boundaries.test.ts")}";\nexport const a = t;\n`;
      expect(await rulesBrokenBy(file, code)).toEqual(["import-x/no-restricted-paths"]);
    });

    it("reports a benchmark imported by src", async () => {
      const file = "src/lint-fixture.ts";
      const code = `import * as b from "${specifier(file, someFileIn("bench"))}";\nexport const a = b;\n`;
      expect(await rulesBrokenBy(file, code)).toEqual(["import-x/no-restricted-paths"]);
    });
  });

  describe("the web app talks to the server over HTTP only", () => {
    it("reports server code or a Node module imported by the web app", async () => {
      const file = "web/src/app/lint-fixture.tsx";
      const server =
        'import { ErrorCode } from "../../../src/errors.js";\nexport const c = ErrorCode;\n';
      expect(await rulesBrokenBy(file, server)).toEqual(["import-x/no-restricted-paths"]);
      const node = 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n';
      expect(await rulesBrokenBy(file, node)).toEqual(["@typescript-eslint/no-restricted-imports"]);
    });
  });

  it("passes a file that keeps every boundary", async () => {
    const code = [
      "/** A clean engine file: imports the error helpers and the store port, nothing above them. */",
      'import { badInput } from "../../errors.js";',
      'import type { NetworkStore } from "../store/network-store.js";',
      "",
      "export function mustHaveStore(store: NetworkStore | undefined): NetworkStore {",
      '  if (store === undefined) throw badInput("store", "is required");',
      "  return store;",
      "}",
      "",
    ].join("\n");
    expect(await rulesBrokenBy("src/graph/paths/lint-fixture.ts", code)).toEqual([]);
  });
});
