// Types for mbox-reader 1.2 (it ships none): the parts warmpath uses.
declare module "mbox-reader" {
  import type { Readable } from "node:stream";
  export interface MboxMessage {
    returnPath: string;
    /** The "From " line's time, or false when it does not parse. */
    time: Date | false;
    content: Buffer;
    /** Lower-case header names; each value unfolded, in the file's bytes read as latin1. */
    headers: Map<string, string[]>;
    flags: string[];
    labels: string[];
    readSize: number;
  }
  export function mboxReader(
    source: Readable,
    options?: { gz?: boolean },
  ): AsyncGenerator<MboxMessage, void, void>;
}
