/** The items already read from an async iterator, then the rest of it; the iterator is released when the consumer stops early. */
export async function* replayThenRest<T>(
  head: readonly T[],
  iterator: AsyncIterator<T>,
  state: { exhausted: boolean },
): AsyncGenerator<T> {
  try {
    yield* head;
    while (!state.exhausted) {
      const next = await iterator.next();
      if (next.done === true) state.exhausted = true;
      else yield next.value;
    }
  } finally {
    if (!state.exhausted) await iterator.return?.();
  }
}
