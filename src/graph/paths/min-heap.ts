/** A binary min-heap of search states keyed by cost, on parallel typed arrays (no object per state). */
export class MinHeap {
  private keys = new Float64Array(64);
  private values = new Int32Array(64);
  size = 0;

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.values[i] = this.values[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  /** The smallest key; call only when size > 0. */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** The value of the smallest entry; call only when size > 0. */
  peekValue(): number {
    return this.values[0]!;
  }

  /** Removes the smallest entry and returns its value; call only when size > 0. */
  pop(): number {
    const top = this.values[0]!;
    const key = this.keys[--this.size]!;
    const value = this.values[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[i] = this.keys[child]!;
      this.values[i] = this.values[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }
}
