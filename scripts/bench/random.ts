/**
 * Deterministic randomness for the benchmark data.
 *
 * Two kinds, both seeded:
 * - `Rng`, a sequential generator (sfc32) for values drawn row by row;
 * - `hashUnit`, a counter-based hash: the same (seed, stream, index, field)
 *   always gives the same number. It lets one extract re-derive the
 *   attributes of a record of another extract (a plan's start date when
 *   writing its core group meetings, a case's dates when writing its
 *   supervisions) without keeping those records in memory.
 */

/** murmur3's 32-bit finaliser: a good avalanche for a few integer operations. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of four integers (index may be up to 2^53). */
export function hash32(seed: number, stream: number, index: number, field: number): number {
  let h = fmix32(seed ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(stream + 1, 0x27d4eb2d));
  h = fmix32(h ^ (index >>> 0));
  h = fmix32(h ^ Math.floor(index / 0x100000000));
  return fmix32(h ^ Math.imul(field + 1, 0x165667b1));
}

/** A number in [0, 1) fixed by (seed, stream, index, field). */
export function hashUnit(seed: number, stream: number, index: number, field: number): number {
  return hash32(seed, stream, index, field) / 0x100000000;
}

/** Small fast sequential generator (Chris Doty-Humphrey's sfc32). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    this.a = hash32(seed, stream, 0, 0);
    this.b = hash32(seed, stream, 0, 1);
    this.c = hash32(seed, stream, 0, 2);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 0x100000000;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
}

/**
 * Picks from `values` with the given relative weights, for a uniform `u` in
 * [0, 1). Built once; each pick is a short linear scan (the lists are short).
 */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): (u: number) => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let sum = 0;
  const cumulative = pairs.map(([, w]) => (sum += w / total));
  const values = pairs.map(([v]) => v);
  return (u) => {
    for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]!) return values[i]!;
    return values[values.length - 1]!;
  };
}
