/**
 * Warmth labels in colour on a terminal (warm red, lukewarm yellow, cool cyan, cold blue),
 * plain when piped or with NO_COLOR (config.ts wantsColor decides).
 */
import pc from "picocolors";
import { wantsColor } from "../config.js";
import type { CliIo } from "./command.js";

type Paint = "red" | "yellow" | "cyan" | "blue";

const PAINT: Readonly<Record<string, Paint>> = Object.freeze({
  warm: "red",
  lukewarm: "yellow",
  cool: "cyan",
  cold: "blue",
});

/** A function that colours a warmth label for this output, or leaves it plain. */
export function labelPainter(io: CliIo): (label: string) => string {
  const colors = pc.createColors(wantsColor(io.env, io.stdout.isTTY === true));
  return (label) => {
    const name = PAINT[label];
    return name === undefined ? label : colors[name](label);
  };
}
