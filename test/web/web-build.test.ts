/**
 * The browser tests and bench/web run the web app as `npm install` builds it: React's production
 * build. Vitest sets NODE_ENV=test, and a Vite build started from here would otherwise follow it
 * into development React, which drew the 2,000-person map several times slower than users see.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureWebBuild } from "../support/web-build.js";

describe("the web app the browser tests load", () => {
  it("is the production build: no development JSX runtime or React warnings in any script", async () => {
    const dist = await ensureWebBuild();
    const scripts = readdirSync(join(dist, "assets")).filter((name) => name.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(3);
    const development = scripts.filter((name) => {
      const text = readFileSync(join(dist, "assets", name), "utf8");
      return text.includes("jsxDEV") || text.includes("Download the React DevTools");
    });
    expect(development).toEqual([]);
  }, 180_000);
});
