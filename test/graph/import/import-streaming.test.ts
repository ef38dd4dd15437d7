import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { importContacts } from "../../../src/graph/import/import-contacts.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

const ROWS = 100_000;
const ROWS_PER_CHUNK = 500;

describe("importing a large file", () => {
  it("imports a 100,000-row LinkedIn file streamed in chunks, with bounded memory", async () => {
    const store = new SqliteStore({ path: ":memory:" });
    await store.init();
    const owner = `stream-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me" });
    let chunksMade = 0;
    let bytesMade = 0;
    // The file is made as it is read, so it never exists whole: not here, and not in the importer.
    async function* file(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      yield encoder.encode(
        'Notes:\r\n"Some e-mail addresses are missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n',
      );
      for (let start = 0; start < ROWS; start += ROWS_PER_CHUNK) {
        let text = "";
        for (let i = start; i < start + ROWS_PER_CHUNK; i++)
          text += `First${i},Last${i},https://www.linkedin.com/in/p-${i},,"Company ${i % 50}, Inc.",Engineer,0${(i % 9) + 1} Mar 2021\r\n`;
        const bytes = encoder.encode(text);
        chunksMade++;
        bytesMade += bytes.length;
        yield bytes;
      }
    }
    const totalChunks = ROWS / ROWS_PER_CHUNK;
    let chunksWhenFirstBatchWritten = -1;
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error("run with --expose-gc (vitest.config.ts sets it)");
    const retained = () => (gc(), process.memoryUsage().heapUsed);
    const baseline = retained();
    let peakRetained = 0;
    const report = await importContacts(store, owner, file(), {
      layout: "linkedin",
      onProgress: (rows) => {
        if (chunksWhenFirstBatchWritten === -1) chunksWhenFirstBatchWritten = chunksMade;
        if (rows % 20_000 === 0) peakRetained = Math.max(peakRetained, retained());
      },
    });
    expect(report.created).toBe(ROWS);
    expect(report.rejected + report.skipped).toBe(0);
    // Streaming: the first batch was stored while almost all of the file was still unread.
    expect(chunksWhenFirstBatchWritten).toBeGreaterThan(0);
    expect(chunksWhenFirstBatchWritten).toBeLessThan(totalChunks / 10);
    // Bounded: the importer holds one batch of rows and its matching index of the network (which grows with the
    // network, not with the file); a generous bound that still fails if rows pile up un-flushed.
    expect(bytesMade).toBeGreaterThan(9_000_000);
    console.log(
      `retained ${((peakRetained - baseline) / 2 ** 20).toFixed(0)} MB at most for ${(bytesMade / 2 ** 20).toFixed(1)} MB of file`,
    );
    expect(peakRetained - baseline).toBeLessThan(250 * 1024 * 1024);
    await store.close();
  }, 180_000);
});
