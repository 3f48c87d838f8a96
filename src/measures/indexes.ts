/**
 * Indexes several measures share, computed once per run: an extract's
 * records grouped by child, a child's dates in order, and "the plan (or
 * period) open on day d for child c".
 *
 * Each is memoised on the extract's records (the object `data` holds for the
 * run), so the measures that need one build it once between them and it
 * goes when the run's data goes. They hold row numbers and days in typed
 * arrays, never copies of records: ten million rows take tens of megabytes.
 */
import type { Day } from '../core/day.js';
import type { RecordBase } from '../normalise/extracts.js';
import type { Records } from '../normalise/table.js';

/** No day (a typed array cannot hold null): an open end, no previous meeting. */
export const NO_DAY = -2147483648;

/**
 * An extract's rows grouped by child: the rows of child k are
 * `rows[start[k] .. start[k + 1])`, in file order.
 */
export interface ChildIndex {
  /** Child id, upper-cased (ids compare without regard to case) → k. */
  readonly child: ReadonlyMap<string, number>;
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** A record about a child. */
export type ChildRecord = RecordBase & { readonly childId: string };

/** The k of a child in an index, or undefined when the extract has nothing of that child. */
export function childOf(index: ChildIndex, childId: string): number | undefined {
  return index.child.get(childId.toUpperCase());
}

const childIndexes = new WeakMap<Records<ChildRecord>, ChildIndex>();

/**
 * The records of an extract grouped by child (memoised on the records).
 * Child ids compare without regard to letter case: `dfe123` is `DFE123`.
 */
export function childIndex(records: Records<ChildRecord>): ChildIndex {
  const cached = childIndexes.get(records);
  if (cached) return cached;
  const n = records.length;
  const child = new Map<string, number>();
  const of = new Int32Array(n);
  const counts: number[] = [];
  for (let row = 0; row < n; row++) {
    const id = records.get(row).childId.toUpperCase();
    let k = child.get(id);
    if (k === undefined) {
      k = counts.length;
      child.set(id, k);
      counts.push(0);
    }
    counts[k]!++;
    of[row] = k;
  }
  const start = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) start[k + 1] = start[k]! + counts[k]!;
  // A counting sort by child: stable, so each child's rows stay in file order.
  const next = start.slice(0, counts.length);
  const rows = new Int32Array(n);
  for (let row = 0; row < n; row++) rows[next[of[row]!]!++] = row;
  const index: ChildIndex = { child, start, rows };
  childIndexes.set(records, index);
  return index;
}

/** The names of a record's day fields (dates that are never blank). */
type DayField<R> = { [K in keyof R]: R[K] extends Day ? K : never }[keyof R] & string;

/**
 * Each child's values of a date field, sorted: the days of child k (as in
 * `childIndex`) are `days[start[k] .. start[k + 1])`.
 */
export interface ChildDays {
  readonly children: ChildIndex;
  readonly days: Int32Array;
}

const childDays = new WeakMap<Records<ChildRecord>, Map<string, ChildDays>>();

/** Each child's days of `field`, sorted (memoised on the records and the field). */
export function daysByChild<R extends ChildRecord>(records: Records<R>, field: DayField<R>): ChildDays {
  let byField = childDays.get(records);
  if (!byField) {
    byField = new Map();
    childDays.set(records, byField);
  }
  const cached = byField.get(field);
  if (cached) return cached;
  const children = childIndex(records);
  const { start, rows } = children;
  const days = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) days[i] = records.get(rows[i]!)[field] as Day;
  for (let k = 0; k + 1 < start.length; k++) sortRange(days, start[k]!, start[k + 1]!);
  const result: ChildDays = { children, days };
  byField.set(field, result);
  return result;
}

/**
 * Sorts values[from, to) in place, ascending. A child has a handful of
 * dates: an insertion sort, with no array view made per child (a million
 * children would leave a million views for the collector).
 */
function sortRange(values: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = values[i]!;
    let j = i - 1;
    while (j >= from && values[j]! > v) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = v;
  }
}

/**
 * The index of the last value <= x in sorted[from, to), or from - 1.
 * @example lastAtOrBefore(Int32Array.of(1, 3, 5), 0, 3, 4) //=> 1
 */
export function lastAtOrBefore(sorted: Int32Array, from: number, to: number, x: Day): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** A record that runs from a start date to an end date (blank: still open): a plan, a period of care, a case. */
export interface Span extends ChildRecord {
  readonly startDate: Day;
  readonly endDate: Day | null;
}

/** Which of a child's spans is open on a day. */
export interface OpenIndex {
  readonly children: ChildIndex;
  /** Start of each row. */
  readonly starts: Int32Array;
  /** End of each row; `NO_DAY` when open. */
  readonly ends: Int32Array;
  /**
   * The row of the child's span open on day d (started on or before d, and
   * not ended before d), or -1 when there is none. Of several, the one that
   * started last; of those, the one that ends later, an open one last of
   * all; then the first in the file (SPEC section 3).
   */
  openOn(childId: string, d: Day): number;
}

const openIndexes = new WeakMap<Records<Span>, OpenIndex>();

/** The open-on-a-day index of an extract of spans (memoised on the records). */
export function openIndex(records: Records<Span>): OpenIndex {
  const cached = openIndexes.get(records);
  if (cached) return cached;
  const children = childIndex(records);
  const n = records.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const span = records.get(row);
    starts[row] = span.startDate;
    ends[row] = span.endDate ?? NO_DAY;
  }
  /** Span a is preferred to span b: it started later, or the same day and ends later (an open span counts as ending last). */
  const later = (a: number, b: number): boolean =>
    starts[a]! !== starts[b]! ? starts[a]! > starts[b]! : ends[b] !== NO_DAY && (ends[a] === NO_DAY || ends[a]! > ends[b]!);
  const { start, rows } = children;
  const index: OpenIndex = {
    children,
    starts,
    ends,
    openOn(childId, d) {
      const k = childOf(children, childId);
      if (k === undefined) return -1;
      let best = -1;
      // In file order, and only a strictly preferred span replaces the best: the first in the file wins a tie.
      for (let i = start[k]!, to = start[k + 1]!; i < to; i++) {
        const p = rows[i]!;
        const open = starts[p]! <= d && (ends[p] === NO_DAY || d <= ends[p]!);
        if (open && (best < 0 || later(p, best))) best = p;
      }
      return best;
    },
  };
  openIndexes.set(records, index);
  return index;
}

/**
 * `build` memoised on two objects, such as a run's data and its context (or
 * calendar): computed once per pair and forgotten with either, so measures
 * sharing a schedule in one run compute it once.
 */
export function memoisePerRun<A extends object, B extends object, V>(build: (a: A, b: B) => V): (a: A, b: B) => V {
  const cache = new WeakMap<A, WeakMap<B, V>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) {
      inner = new WeakMap();
      cache.set(a, inner);
    }
    const cached = inner.get(b);
    if (cached !== undefined) return cached;
    const value = build(a, b);
    inner.set(b, value);
    return value;
  };
}
