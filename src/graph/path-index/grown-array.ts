/**
 * Room to grow for the typed-array columns of the path index and the tie table:
 * an array at least `size` long, with the contents of `array`, grown by half
 * at a time so that appends cost amortized constant time.
 */
type Column = Int32Array | Uint32Array | Float64Array | Uint8Array;

/** `array` itself when it holds `size` already, else a copy with room (at least `least` long). */
export function grown<T extends Column>(array: T, size: number, least = 16): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(size, Math.ceil(array.length * 1.5), least),
  );
  next.set(array);
  return next;
}
