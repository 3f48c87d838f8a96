/**
 * What every part of the demo generator shares: named random streams, the
 * checks that stop the generator when a figure cannot be made exact (and
 * the notes on what it adjusted), working days in the demo's calendar, and
 * the numerator that makes a percentage show as published.
 */
import { type Day, formatDay } from '../../src/core/day.js';
import type { Period } from '../../src/core/period.js';
import { roundedRatio } from '../../src/render/numbers.js';
import { mulberry32 } from '../lib/mulberry32.js';
import { CAL, PERIODS, SEED } from './settings.js';

// ---------------------------------------------------------------- randomness

/** FNV-1a: a stream's name as its share of the seed. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A stream of mulberry32 numbers named for the part of the generator that draws from it. */
export class Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;

  constructor(name: string) {
    this.next = mulberry32((hashText(name) ^ SEED) >>> 0);
  }

  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('internal: pick from nothing');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }

  /** A geometric whole number >= 0 with the given mean (no logarithms, so no platform differences). */
  geometric(mean: number): number {
    const p = 1 / (mean + 1);
    let n = 0;
    while (!this.chance(p)) n++;
    return n;
  }

  /** `k` items drawn one at a time without replacement, each in proportion to its weight. */
  sample<T>(items: readonly T[], k: number, weight: (item: T) => number): T[] {
    const pool = items.map((item) => ({ item, w: Math.max(weight(item), 0) }));
    let total = pool.reduce((t, x) => t + x.w, 0);
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      let x = this.next() * total;
      let i = 0;
      while (i < pool.length - 1 && x >= pool[i]!.w) x -= pool[i++]!.w;
      const [chosen] = pool.splice(i, 1);
      out.push(chosen!.item);
      total -= chosen!.w;
    }
    return out;
  }
}

// -------------------------------------------------------------------- checks

/** What the generator adjusted to make the figures exact, printed at the end. */
export const NOTES: string[] = [];

export function fail(message: string): never {
  throw new Error(message);
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) fail(`internal: ${message}`);
}

// ----------------------------------------------------- working days, months

export const isWd = (d: Day): boolean => CAL.isWorkingDay(d);
export const addWd = (d: Day, n: number): Day => CAL.addWorkingDays(d, n);

/** The first working day on or after `d`. */
export function nextWd(d: Day): Day {
  let x = d;
  while (!isWd(x)) x++;
  return x;
}

/** The last working day on or before `d`. */
export function prevWd(d: Day): Day {
  let x = d;
  while (!isWd(x)) x--;
  return x;
}

/** The working day `k` working days before the working day `d` (so workingDaysBetween(result, d) = k). */
export function wdBefore(d: Day, k: number): Day {
  let x = d;
  for (let i = 0; i < k; i++) x = prevWd(x - 1);
  return x;
}

/** The working days from `from` to `to`, both included. */
export function workingDaysIn(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d++) if (isWd(d)) out.push(d);
  return out;
}

/** A working day from `from` to `to` (both included), or null when there is none. */
export function randomWd(rng: Rng, from: Day, to: Day): Day | null {
  const days = workingDaysIn(from, to);
  return days.length ? rng.pick(days) : null;
}

/** The month of a day, as `YYYY-MM`. */
export function monthId(d: Day): string {
  return formatDay(d).slice(0, 7);
}

/** The reporting month with this id (`YYYY-MM`). */
export function periodOf(id: string): Period {
  return PERIODS.find((p) => p.id === id) ?? fail(`internal: no period ${id}`);
}

// ------------------------------------------------------------------- figures

/**
 * The numerator k in [0, n] closest to n * pct / 100 whose percentage shows
 * as `pct` to one decimal, or null when no whole number does.
 */
export function numeratorFor(n: number, pct: number): number | null {
  const want = pct.toFixed(1);
  const ideal = Math.round((n * pct) / 100);
  for (let step = 0; step <= n; step++) {
    for (const k of [ideal - step, ideal + step]) {
      if (k >= 0 && k <= n && roundedRatio(k, n, 100) === want) return k;
    }
    if (step > 3) break;
  }
  return null;
}

/** Open at the end of day `s`: started on or before it and not ended by it. */
export function isOpenAt(start: Day, end: Day | null, s: Day): boolean {
  return start <= s && (end === null || end > s);
}
