/** WARMPATH_PROJECTION_BUDGET_MB and WARMPATH_SNAPSHOT_DIR: how projections are kept, read in src/config.ts only. */
import { describe, expect, it } from "vitest";
import { readConfig } from "../../../src/config.js";

describe("WARMPATH_PROJECTION_BUDGET_MB", () => {
  it("refuses what is not a whole number of megabytes, 0 or more", () => {
    for (const value of ["-1", "1.5", "lots", "2GB"])
      expect(() => readConfig({ WARMPATH_PROJECTION_BUDGET_MB: value })).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT", field: "WARMPATH_PROJECTION_BUDGET_MB" }),
      );
  });

  it("leaves the budget to the registry's default when unset or blank", () => {
    expect(readConfig({}).projectionBudgetBytes).toBeUndefined();
    expect(
      readConfig({ WARMPATH_PROJECTION_BUDGET_MB: " " }).projectionBudgetBytes,
    ).toBeUndefined();
  });

  it("reads megabytes as bytes", () => {
    expect(readConfig({ WARMPATH_PROJECTION_BUDGET_MB: "512" }).projectionBudgetBytes).toBe(
      512 * 1024 * 1024,
    );
    expect(readConfig({ WARMPATH_PROJECTION_BUDGET_MB: "0" }).projectionBudgetBytes).toBe(0);
  });
});

describe("WARMPATH_SNAPSHOT_DIR", () => {
  it("keeps snapshots beside the SQLite file, in ./data/snapshots with Neo4j, and none for an in-memory store", () => {
    expect(readConfig({ WARMPATH_DB: "/srv/warmpath/net.db" }).snapshotDir).toBe(
      "/srv/warmpath/snapshots",
    );
    expect(readConfig({ NEO4J_URI: "neo4j://db:7687" }).snapshotDir).toBe("data/snapshots");
    expect(readConfig({ WARMPATH_DB: ":memory:" }).snapshotDir).toBeUndefined();
  });

  it("takes a folder, or off for none", () => {
    expect(readConfig({ WARMPATH_SNAPSHOT_DIR: "/var/cache/warmpath" }).snapshotDir).toBe(
      "/var/cache/warmpath",
    );
    expect(readConfig({ WARMPATH_SNAPSHOT_DIR: "off" }).snapshotDir).toBeUndefined();
  });
});
