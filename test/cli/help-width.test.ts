/** Every command's help fits a terminal's 80 columns (the habit commands' tests also check theirs through the binary). */
import { describe, expect, it } from "vitest";
import { COLUMNS } from "../../src/cli/cli-output.js";
import { COMMANDS } from "../../src/cli/command-registry.js";

describe("the help of every command", () => {
  it.each(Object.keys(COMMANDS))("warmpath %s --help fits 80 columns", async (name) => {
    const { help } = await COMMANDS[name]!.load();
    expect(help).toMatch(new RegExp(`^Usage: warmpath ${name}\\b`));
    const wide = help.split("\n").filter((line) => line.length > COLUMNS);
    expect(wide).toEqual([]);
  });
});
