/**
 * Streams the messages of mbox sources, one at a time, as their headers
 * (`MailMessage`): mbox-reader splits the file (and undoes `>From ` escaping),
 * so memory holds one message, whatever the file's size.
 */
import { mboxReader } from "mbox-reader";
import { mailMessageOf, type MailMessage } from "./mail-message.js";
import type { MailSource } from "./mail-sources.js";

/** A message and how many bytes of all the sources were read when it was. */
export interface ReadMessage {
  message: MailMessage;
  bytesRead: number;
}

export async function* readMail(sources: readonly MailSource[]): AsyncGenerator<ReadMessage> {
  let done = 0;
  for (const source of sources) {
    const stream = await source.open();
    try {
      for await (const m of mboxReader(stream)) {
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
