/**
 * A read-only map from 32-bit feature hashes to small non-negative numbers, in two typed
 * arrays (open addressing, linear probing). Scoring looks up every word and word pair of a
 * message; a `Map` keyed by hashes above 2³⁰ boxes each key, this does not allocate.
 */
export class HashIndex {
  private readonly keys: Int32Array;
  /** -1: empty slot. */
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: Iterable<readonly [hash: number, value: number]>) {
    const list = [...entries];
    // At most half full: probes stay short.
    let size = 16;
    while (size < list.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    for (const [hash, value] of list) {
      if (value < 0) throw new Error('HashIndex: values must be non-negative');
      let i = slotOf(hash, this.mask);
      while (this.values[i] !== -1 && this.keys[i] !== (hash | 0)) i = (i + 1) & this.mask;
      this.keys[i] = hash | 0;
      this.values[i] = value;
    }
  }

  /** The value stored for `hash`, or -1. */
  get(hash: number): number {
    const key = hash | 0;
    for (let i = slotOf(hash, this.mask); ; i = (i + 1) & this.mask) {
      const v = this.values[i]!;
      if (v === -1 || this.keys[i] === key) return v;
    }
  }
}

/** FNV's low bits are weak on short keys: mix the high bits in before masking. */
function slotOf(hash: number, mask: number): number {
  const x = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) & mask;
}
