import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startChild } from "../../support/crash-child.js";

const PROCESSES = 4;
const FILES = 25;

describe("opening one new SQLite file from several processes at once", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-open-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("opens and migrates every file in every process, none refused as locked", async () => {
    // Children take a second or two to start under tsx; they all wait for the same moment.
    const startAt = Date.now() + 4_000;
    const children = Array.from({ length: PROCESSES }, () =>
      startChild("sqlite-opener.ts", [dir, String(FILES), String(startAt)], process.env),
    );
    const ends = await Promise.all(children.map((child) => child.exited));
    for (const [i, end] of ends.entries()) {
      expect(end.code, children[i]!.stderr()).toBe(0);
      expect(children[i]!.lines.filter((line) => !line.startsWith("ok "))).toEqual([]);
      expect(children[i]!.lines).toHaveLength(FILES);
    }
  }, 60_000);
});
