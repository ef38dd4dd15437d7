/** The sample import files in test/fixtures/imports (see its README for where each came from), and a way to drain a stream of rows. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SAMPLES = fileURLToPath(new URL("../fixtures/imports/", import.meta.url));

export const sample = (file: string): Uint8Array => readFileSync(`${SAMPLES}${file}`);

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
