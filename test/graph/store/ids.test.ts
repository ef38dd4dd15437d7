import { describe, expect, it } from "vitest";
import { newId } from "../../../src/graph/store/ids.js";

const ID = /^tie_[0-9a-z]{9}[0-9a-f]{20}$/;

describe("newId", () => {
  it("sorts ids made in one millisecond in the order they were made, all distinct", () => {
    const ids = Array.from({ length: 10_000 }, () => newId("tie", 1_700_000_000_000));
    for (const id of ids) expect(id).toMatch(ID);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("puts the given time first, so a later millisecond sorts later, and draws its bits anew", () => {
    const early = newId("tie", 1_700_000_000_000);
    const late = newId("tie", 1_700_000_000_001);
    expect(late > early).toBe(true);
    expect(late.slice(4, 13)).toBe((1_700_000_000_001).toString(36).padStart(9, "0"));
    // Not the next number after the earlier millisecond's last id: a fresh random start.
    const a = BigInt(`0x${early.slice(13)}`);
    const b = BigInt(`0x${late.slice(13)}`);
    expect(b - a).not.toBe(1n);
  });

  it("keeps the time it was given even when the clock goes back", () => {
    newId("per", 1_800_000_000_000);
    const back = newId("per", 1_700_000_000_000);
    expect(back.slice(4, 13)).toBe((1_700_000_000_000).toString(36).padStart(9, "0"));
  });
});
