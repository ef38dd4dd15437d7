import { describe, expect, it } from "vitest";
import { HolderIndex } from "../../../src/graph/import/holder-index.js";

describe("HolderIndex", () => {
  const planned = new Set(["p1", "p2"]);
  const index = () => new HolderIndex((id) => planned.has(id));

  it("answers with the stored holder of greatest id, whatever order they came in", () => {
    for (const order of [
      ["s1", "s3", "s2"],
      ["s3", "s2", "s1"],
      ["s2", "s1", "s3"],
    ]) {
      const keys = index();
      for (const id of order) keys.add("ada|acme", id);
      expect(keys.get("ada|acme")).toBe("s3");
    }
  });

  it("answers with the holder planned last before any stored one, even one added after", () => {
    const keys = index();
    keys.add("ada|acme", "s1");
    keys.add("ada|acme", "p1");
    keys.add("ada|acme", "p2");
    keys.add("ada|acme", "s9");
    expect(keys.get("ada|acme")).toBe("p2");
    keys.add("ada|acme", "p1");
    expect(keys.get("ada|acme")).toBe("p1");
  });

  it("hands the key to the next holder when one is removed, and forgets it with the last", () => {
    const keys = index();
    keys.add("ada|acme", "s1");
    keys.add("ada|acme", "s2");
    keys.add("ada|acme", "p1");
    keys.remove("ada|acme", "p1");
    expect(keys.get("ada|acme")).toBe("s2");
    keys.remove("ada|acme", "s1");
    expect(keys.get("ada|acme")).toBe("s2");
    keys.remove("ada|acme", "s2");
    expect(keys.get("ada|acme")).toBeUndefined();
    keys.remove("ada|acme", "s2");
    expect(keys.get("ada|acme")).toBeUndefined();
  });
});
