/** The sample import files in ../shared/data/imports (beside the checkout, as CI lays it out), and a way to drain a stream of rows. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SAMPLES = fileURLToPath(new URL("../../../shared/data/imports/", import.meta.url));

export const sample = (file: string): Uint8Array => readFileSync(`${SAMPLES}${file}`);

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
