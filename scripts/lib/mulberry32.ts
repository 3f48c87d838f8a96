/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): small, fast, and the same
 * sequence on every machine, since it only uses 32-bit integer operations.
 * The demo extracts and the tests' messy extracts are built from it, so a
 * change here changes every byte they hold.
 *
 * @example
 * const random = mulberry32(1);
 * random(); //=> 0.6270739405881613
 * random(); //=> 0.002735721180215478
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
