/** The first bytes of a byte source, to tell what it is, and the whole source again (those bytes included). */
import { replayThenRest } from "./replay-then-rest.js";

/** Reads at least `count` bytes (fewer when the source is shorter); `bytes` replays them, then the rest, and releases the source when dropped early; `close` releases it unread. */
export async function peekBytes(
  source: AsyncIterable<Uint8Array> | Uint8Array,
  count: number,
): Promise<{
  head: Uint8Array;
  bytes: AsyncIterable<Uint8Array> | Uint8Array;
  close: () => Promise<void>;
}> {
  if (source instanceof Uint8Array)
    return { head: source.subarray(0, count), bytes: source, close: async () => {} };
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const state = { exhausted: false };
  while (size < count) {
    const next = await iterator.next();
    if (next.done === true) {
      state.exhausted = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    head.set(chunk, at);
    at += chunk.length;
  }
  return {
    head: head.subarray(0, count),
    bytes: replayThenRest(chunks, iterator, state),
    close: async () => void (state.exhausted || (await iterator.return?.())),
  };
}
