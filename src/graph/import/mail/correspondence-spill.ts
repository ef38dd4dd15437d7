/**
 * A private temporary file of correspondence, one JSON line each: the mail
 * import reads a mailbox once and writes its interactions after learning who
 * wrote both ways, without holding the mailbox's messages in memory (and
 * without splitting the mbox twice, which costs more than the writes). The
 * file is readable by its owner only, lives in the system's temporary folder,
 * and is removed when the import ends.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Correspondence } from "./correspondence.js";

export class CorrespondenceSpill {
  private ended = false;

  private constructor(
    private readonly dir: string,
    private readonly path: string,
    private readonly out: WriteStream,
  ) {}

  static async create(): Promise<CorrespondenceSpill> {
    const dir = await mkdtemp(join(tmpdir(), "warmpath-mail-"));
    const path = join(dir, "correspondence.ndjson");
    const out = createWriteStream(path, { mode: 0o600 });
    await once(out, "open");
    return new CorrespondenceSpill(dir, path, out);
  }

  async write(item: Correspondence): Promise<void> {
    if (!this.out.write(`${JSON.stringify(item)}\n`)) await once(this.out, "drain");
  }

  /** Every item written, in order (ends the writing). */
  async *read(): AsyncGenerator<Correspondence> {
    await this.end();
    const lines = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    for await (const line of lines) if (line !== "") yield JSON.parse(line) as Correspondence;
  }

  async remove(): Promise<void> {
    await this.end().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.out.end();
    await once(this.out, "finish");
  }
}
