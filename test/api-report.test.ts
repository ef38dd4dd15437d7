import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiReport } from "../scripts/api-report.js";

describe("api-report.md", () => {
  it("matches the exports of every entry point (run `npm run api` after changing the public API)", () => {
    const committed = readFileSync(new URL("../api-report.md", import.meta.url), "utf8");
    expect(apiReport()).toBe(committed);
  }, 60_000);
});
