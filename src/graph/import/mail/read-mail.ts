/**
 * Streams the messages of mbox sources, one at a time, as their headers
 * (`MailMessage`): mbox-reader splits the file (and undoes `>From ` escaping),
 * so memory holds one message, whatever the file's size.
 */
import { Readable } from "node:stream";
import { mailMessageOf, type MailMessage } from "./mail-message.js";
import type { MailSource } from "./mail-sources.js";

/** A message and how many bytes of all the sources were read when it was. */
export interface ReadMessage {
  message: MailMessage;
  bytesRead: number;
}

/**
 * mbox-reader takes each line off the front of an array of a chunk's lines, which costs
 * time in the square of the chunk's size: a 1 MB chunk reads 50 times slower than 16 KB
 * ones. File streams give 64 KB, inflated ZIP entries what they like; this cuts them.
 */
export const CHUNK_BYTES = 16 * 1024;

async function* smallChunks(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    for (let at = 0; at < chunk.length; at += CHUNK_BYTES)
      yield chunk.subarray(at, Math.min(chunk.length, at + CHUNK_BYTES));
  }
}

export async function* readMail(sources: readonly MailSource[]): AsyncGenerator<ReadMessage> {
  // Loaded here, not at the top: every command imports src/graph, few read mail.
  const { mboxReader } = await import("mbox-reader");
  let done = 0;
  for (const source of sources) {
    const stream = await source.open();
    try {
      for await (const m of mboxReader(Readable.from(smallChunks(stream)))) {
        yield {
          message: mailMessageOf(m.headers, m.labels, m.time),
          bytesRead: done + m.readSize,
        };
      }
    } finally {
      stream.destroy();
    }
    done += source.size;
  }
}
