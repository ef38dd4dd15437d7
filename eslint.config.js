/**
 * Lint keeps the layer rules of docs/conventions ("Layers point one way"), so a broken
 * boundary fails `npm test` instead of waiting for a reviewer to notice it.
 *
 * Three rules carry the boundaries, each for what it sees best:
 * - `@typescript-eslint/no-restricted-imports` bans packages and the adapter folders by the
 *   text of the import. Flat config keeps only the last matching options of a rule, so the
 *   areas in `AREAS` are disjoint and each lists everything it may not import.
 * - `import-x/no-restricted-paths` bans folders by where an import resolves, so it catches
 *   `../../..` paths of any shape and dynamic `import()` too.
 * - `import-x/no-cycle` forbids import cycles across `src`.
 * `no-restricted-syntax` adds what the two import rules miss: `import()` of a driver, and
 * SQL or Cypher written in a resolver or a GraphQL type.
 * test/lint-boundaries.test.ts breaks each boundary on purpose and expects the rule here.
 */
import path from "node:path";
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const root = import.meta.dirname;

const SQLITE = "src/graph/store/sqlite";
const NEO4J = "src/graph/store/neo4j";

/** The files that may import an adapter: the composition root and each adapter's own face. */
const COMPOSITION_ROOTS = ["src/open-store.ts"];
/** The entry points `warmpath/sqlite` and `warmpath/neo4j` (issue 12); add a face here when it moves. */
const ADAPTER_FACES = ["src/sqlite.ts", "src/neo4j.ts"];

const GRAPHQL_PACKAGES = {
  paths: ["graphql", "type-graphql", "dataloader", "graphql-scalars"].map((name) => ({
    name,
    message: "src/graph imports nothing from GraphQL: put it in src/schema or src/resolvers.",
  })),
  patterns: [
    {
      group: ["graphql/*", "@apollo/*", "@escape.tech/graphql-armor*", "graphql-scalars/*"],
      message: "src/graph imports nothing from GraphQL or Apollo.",
    },
  ],
};

const driver = (name, folder) => ({
  paths: [{ name, message: `Only ${folder} imports ${name}.` }],
  patterns: [{ group: [`${name}/*`], message: `Only ${folder} imports ${name}.` }],
});
const SQLITE_DRIVER = driver("better-sqlite3", SQLITE);
const NEO4J_DRIVER = driver("neo4j-driver", NEO4J);

const adapterFolder = (name, allowTypeImports = false) => ({
  paths: [],
  patterns: [
    {
      group: [`**/store/${name}`, `**/store/${name}/**`],
      allowTypeImports,
      message:
        `Only the composition root (${COMPOSITION_ROOTS.join(", ")}) and the adapter's face ` +
        `construct or re-export the ${name} adapter; everything else takes a NetworkStore.`,
    },
  ],
});
const SQLITE_ADAPTER = adapterFolder("sqlite");
const NEO4J_ADAPTER = adapterFolder("neo4j");
/** The composition root loads the Neo4j adapter with `import()`, so SQLite users never load its driver. */
const NEO4J_ADAPTER_STATIC = {
  paths: [],
  patterns: [
    {
      group: ["**/store/neo4j", "**/store/neo4j/**"],
      allowTypeImports: true,
      message:
        "Load the Neo4j adapter with `await import(...)`: a SQLite user must never load neo4j-driver.",
    },
  ],
};

const merge = (...bans) => ({
  paths: bans.flatMap((ban) => ban.paths),
  patterns: bans.flatMap((ban) => ban.patterns),
});

/** `import("better-sqlite3")` and `import("neo4j-driver")`: the import-text rule does not see `import()`. */
// `\u002F` is "/", which esquery's regex syntax cannot hold literally.
const dynamicDriverImport = (names) => ({
  selector: `ImportExpression > Literal.source[value=/^(${names.join("|")})(\\u002F|$)/]`,
  message: `Only the adapter folders import ${names.join(" or ")}.`,
});

/** SQL and Cypher belong in an adapter; a resolver or a GraphQL type makes one call into src/graph. */
// Upper case only, so English ("Select the people to match") passes.
const QUERY_TEXT =
  /\b(?:SELECT\s[\s\S]*\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+TABLE|DETACH\s+DELETE)\b|\b(?:MATCH|MERGE)\s*\(/;
const queryText = (selector) => ({
  selector: `${selector}=${QUERY_TEXT}]`,
  message:
    "No SQL or Cypher outside the adapters: call a function of src/graph, which asks the store.",
});

/**
 * Disjoint areas of src and what each may not import (see the header: one options object
 * per file). Order does not matter because no file matches two areas.
 */
const AREAS = [
  {
    name: "sqlite adapter",
    files: [`${SQLITE}/**/*.ts`],
    bans: [GRAPHQL_PACKAGES, NEO4J_DRIVER, NEO4J_ADAPTER],
    drivers: ["neo4j-driver"],
  },
  {
    name: "neo4j adapter",
    files: [`${NEO4J}/**/*.ts`],
    bans: [GRAPHQL_PACKAGES, SQLITE_DRIVER, SQLITE_ADAPTER],
    drivers: ["better-sqlite3"],
  },
  {
    name: "graph",
    files: ["src/graph/**/*.ts"],
    ignores: [`${SQLITE}/**`, `${NEO4J}/**`],
    bans: [GRAPHQL_PACKAGES, SQLITE_DRIVER, NEO4J_DRIVER, SQLITE_ADAPTER, NEO4J_ADAPTER],
    drivers: ["better-sqlite3", "neo4j-driver"],
  },
  {
    name: "resolvers and schema",
    files: ["src/resolvers/**/*.ts", "src/schema/**/*.ts"],
    bans: [SQLITE_DRIVER, NEO4J_DRIVER, SQLITE_ADAPTER, NEO4J_ADAPTER],
    drivers: ["better-sqlite3", "neo4j-driver"],
    noQueryText: true,
  },
  {
    name: "composition root",
    files: COMPOSITION_ROOTS,
    bans: [SQLITE_DRIVER, NEO4J_DRIVER, NEO4J_ADAPTER_STATIC],
    drivers: ["better-sqlite3", "neo4j-driver"],
  },
  {
    name: "adapter faces",
    files: ADAPTER_FACES,
    bans: [SQLITE_DRIVER, NEO4J_DRIVER],
    drivers: ["better-sqlite3", "neo4j-driver"],
  },
  {
    name: "rest of src",
    files: ["src/**/*.ts"],
    ignores: [
      "src/graph/**",
      "src/resolvers/**",
      "src/schema/**",
      ...COMPOSITION_ROOTS,
      ...ADAPTER_FACES,
    ],
    bans: [SQLITE_DRIVER, NEO4J_DRIVER, SQLITE_ADAPTER, NEO4J_ADAPTER],
    drivers: ["better-sqlite3", "neo4j-driver"],
  },
];

const areaConfigs = AREAS.map((area) => ({
  name: `warmpath/boundaries/${area.name}`,
  files: area.files,
  ...(area.ignores ? { ignores: area.ignores } : {}),
  rules: {
    "@typescript-eslint/no-restricted-imports": ["error", merge(...area.bans)],
    "no-restricted-syntax": [
      "error",
      dynamicDriverImport(area.drivers),
      ...(area.noQueryText
        ? [queryText("Literal[value"), queryText("TemplateElement[value.raw")]
        : []),
    ],
  },
}));

/** Everything above the service layers: GraphQL, HTTP, the CLI and the composition roots. */
const UPPER_LAYERS = [
  "src/schema",
  "src/resolvers",
  "src/limits",
  "src/http",
  "src/cli",
  "src/mcp",
  "src/server.ts",
  "src/http-server.ts",
  "src/main.ts",
  "src/index.ts",
  "src/build-schema.ts",
  "src/open-store.ts",
  "src/config.ts",
  "src/error-status.plugin.ts",
];

/** Folder boundaries, checked where an import resolves (relative paths of any depth, `import()`). */
const zones = [
  {
    target: "src/graph",
    from: ["src/accounts", "src/auth", "src/teams", ...UPPER_LAYERS],
    message:
      "Layers point one way: src/graph never imports accounts, auth, or the GraphQL, HTTP or CLI layers.",
  },
  {
    target: ["src/accounts", "src/auth"],
    from: UPPER_LAYERS,
    message: "Accounts and auth know nothing of GraphQL, HTTP or the CLI: those layers call them.",
  },
  {
    target: "src/auth",
    from: ["src/accounts", "src/graph"],
    message: "src/auth holds pure primitives: no store, no accounts service.",
  },
  {
    target: ["src/resolvers", "src/schema", "src/accounts", "src/auth", "src/teams"],
    from: [SQLITE, NEO4J],
    message: "Resolvers and GraphQL types never touch an adapter: they take a NetworkStore.",
  },
  { target: SQLITE, from: NEO4J, message: "Adapters never import each other." },
  { target: NEO4J, from: SQLITE, message: "Adapters never import each other." },
  {
    target: [SQLITE, NEO4J],
    // Everything in src/graph but the model and the store port (network-store.ts and its helpers).
    from: ["src/graph/!(model|store)/**"],
    message:
      "An adapter stores records; it never imports the engine (paths, analytics, warmth, ...).",
  },
  {
    target: [SQLITE, NEO4J],
    from: "src/graph/index.ts",
    message: "An adapter never imports the src/graph face (it would load the engine, and cycle).",
  },
  { target: "src", from: ["test", "bench"], message: "src never imports tests or benchmarks." },
];

export default defineConfig(
  {
    name: "warmpath/ignores",
    ignores: [
      "dist/**",
      "node_modules/**",
      "neo4j/target/**",
      "coverage/**",
      "web/dist/**",
      "test-results/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: "warmpath/typescript",
    files: ["**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      // Without these import-x reads no .ts dependency, and no-cycle silently sees no edges.
      "import-x/extensions": [".ts", ".js"],
      "import-x/external-module-folders": ["node_modules", "node_modules/@types"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: path.join(root, "tsconfig.json"),
          alwaysTryTypes: true,
        }),
      ],
    },
    rules: {
      // tsc checks these already (noUnusedLocals, strict); lint repeats them with more noise.
      "@typescript-eslint/no-unused-vars": "off",
      "no-undef": "off",
      // The import and export modules exist to find and strip control characters; this rule
      // flags exactly those patterns (7 today), never an accident.
      "no-control-regex": "off",
    },
  },
  {
    name: "warmpath/tests",
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      // Tests read GraphQL and HTTP responses as untyped JSON; `any` there keeps an assertion short.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    name: "warmpath/boundaries/src",
    files: ["src/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: root, zones }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  ...areaConfigs,
  {
    // The web app runs in the browser and talks to the server only over HTTP: it imports
    // nothing of the server's code (which would drag Node and the stores into the bundle).
    name: "warmpath/web",
    files: ["web/**/*.ts", "web/**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: path.join(root, "web/tsconfig.json"),
          alwaysTryTypes: true,
        }),
      ],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": "off",
      "no-undef": "off",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    name: "warmpath/web/boundaries",
    files: ["web/src/**/*.ts", "web/src/**/*.tsx"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: root,
          zones: [
            {
              target: "web/src",
              from: ["src", "test", "bench", "scripts"],
              message:
                "The web app talks to the server over HTTP only: it imports none of its code.",
            },
          ],
        },
      ],
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "The web app runs in a browser: no Node modules." },
          ],
        },
      ],
    },
  },
);
