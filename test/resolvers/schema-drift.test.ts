import "reflect-metadata";
import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { buildWarmpathSchema } from "../../src/build-schema.js";

describe("schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema` after changing the API)", () => {
    const committed = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(`${printSchema(buildWarmpathSchema())}\n`).toBe(committed);
  });
});
