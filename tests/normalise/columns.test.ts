import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArenaColumn, DictColumn, IntColumn, KeyIndex, LineColumn, restoreColumn, transferables } from '../../src/normalise/columns.js';

/** Snapshot and restore through structured cloning, as between threads. */
function moved<T extends IntColumn | DictColumn | ArenaColumn>(column: T): T {
  const state = column.snapshot();
  return restoreColumn(structuredClone(state, { transfer: [...new Set(transferables(state))] })) as T;
}

/** Pushes `values` to an empty column, which must give each back, and so must the column once moved between threads. */
function keepsAndMoves<V>(column: (IntColumn | ArenaColumn) & { push(v: V): void }, values: readonly V[]): void {
  for (const v of values) column.push(v);
  values.forEach((v, i) => expect(column.get(i)).toBe(v));
  // Moving hands the memory over: read the moved column only.
  const back = moved(column);
  values.forEach((v, i) => expect(back.get(i)).toBe(v));
}

describe('columns', () => {
  it('IntColumn keeps numbers and blanks across chunks', () => {
    const c = new IntColumn();
    const values = Array.from({ length: 200_000 }, (_, i) => (i % 7 === 0 ? null : i - 100_000));
    for (const v of values) c.push(v);
    const back = moved(c);
    for (const i of [0, 1, 7, 65_535, 65_536, 131_073, 199_999]) expect(back.get(i)).toBe(values[i]);
    expect(back.length).toBe(values.length);
  });

  it('IntColumn holds two bytes a row until a value needs four, then widens without losing a value or a blank', () => {
    // Boundaries of the narrow width: -32768 is its blank, so it widens; so does 32768.
    for (const edge of [-32768, 32768, -32769, 2_147_483_647, -2_147_483_647]) {
      const c = new IntColumn();
      const values = [0, null, -32767, 32767, 18_000, null, 1];
      for (const v of values) c.push(v);
      expect(c.snapshot().wide).toBe(false);
      for (let i = 0; i < 70_000; i++) c.push(i % 3 === 0 ? null : 32767 - (i % 65_534));
      c.push(edge);
      c.push(null);
      expect(c.snapshot().wide).toBe(true);
      const back = moved(c);
      values.forEach((v, i) => expect(back.get(i)).toBe(v));
      expect(back.get(7)).toBeNull();
      expect(back.get(8)).toBe(32766);
      expect(back.get(70_007)).toBe(edge);
      expect(back.get(70_008)).toBeNull();
      expect(back.length).toBe(70_009);
    }
  });

  it('property: IntColumn gives back every value pushed, narrow or wide, moved or not', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: -2_147_483_647, max: 2_147_483_647 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => keepsAndMoves(new IntColumn(), values)),
      { numRuns: 200 },
    );
  });

  it('DictColumn keeps values, widens past 65,535 distinct ones, and moves a million-value dictionary', () => {
    const c = new DictColumn();
    const n = 1_000_000;
    for (let i = 0; i < n; i++) c.push(i % 5 === 0 ? null : `child-${i % 300_000}`);
    const back = moved(c);
    for (const i of [0, 1, 2, 299_999, 300_001, 999_999]) expect(back.get(i)).toBe(i % 5 === 0 ? null : `child-${i % 300_000}`);
  });

  it('ArenaColumn keeps any text, short or long, ASCII or not', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 300 }), { nil: null }), { maxLength: 300 }), (values) =>
        keepsAndMoves(new ArenaColumn(), values),
      ),
      { numRuns: 100 },
    );
  });

  it('KeyIndex finds every key it holds, through growth and colliding hashes', () => {
    const index = new KeyIndex(4);
    const keys = Array.from({ length: 5000 }, (_, i) => `K${i}`);
    // Force collisions: every key's hash folded to one of 16 values.
    const hash = (k: string) => KeyIndex.hash(k) & 15;
    keys.forEach((k, row) => index.add(hash(k), row));
    keys.forEach((k, row) => {
      const rows: number[] = [];
      for (let slot = index.first(hash(k)); slot >= 0; slot = index.next(slot, hash(k))) rows.push(index.rowAt(slot));
      expect(rows).toContain(row);
    });
  });

  it('LineColumn gives back every line, storing only where the offset changes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 2000 }), (gaps) => {
        const c = new LineColumn();
        let line = 1;
        const lines = gaps.map((g) => (line += g));
        for (const l of lines) c.push(l);
        const back = LineColumn.restore(structuredClone(c.snapshot()));
        lines.forEach((l, row) => {
          expect(c.get(row)).toBe(l);
          expect(back.get(row)).toBe(l);
        });
        const changes = lines.filter((l, row) => row === 0 || l - row !== lines[row - 1]! - (row - 1)).length;
        expect(c.snapshot().from.length).toBe(changes);
      }),
      { numRuns: 100 },
    );
    const clean = new LineColumn();
    for (let row = 0; row < 100_000; row++) clean.push(row + 2);
    expect(clean.snapshot().from).toEqual([0]);
  });

  it('property: KeyIndex.addNew adds hashes until the first one held, as first and add one by one would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 1000 }),
        (held, incoming, at) => {
          const index = new KeyIndex(4);
          const want = new KeyIndex(4);
          // Distinct hashes held beforehand, some of them shared with the incoming ones.
          [...new Set(held)].forEach((h, row) => {
            index.add(h, row);
            want.add(h, row);
          });
          const hashes = Uint32Array.from(incoming);
          let i = 0;
          while (i < hashes.length && want.first(hashes[i]!) < 0) {
            want.add(hashes[i]!, at + i);
            i++;
          }
          expect(index.addNew(hashes, 0, hashes.length, at)).toBe(i);
          for (let h = 0; h <= 60; h++) {
            const rows = (k: KeyIndex) => {
              const out: number[] = [];
              for (let slot = k.first(h); slot >= 0; slot = k.next(slot, h)) out.push(k.rowAt(slot));
              return out.sort((a, b) => a - b);
            };
            expect(rows(index)).toEqual(rows(want));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('KeyIndex.reserve sizes the table once and keeps what it holds', () => {
    const index = new KeyIndex(8);
    index.add(KeyIndex.hash('a'), 0);
    index.reserve(100_000);
    expect(index.first(KeyIndex.hash('a'))).toBeGreaterThanOrEqual(0);
    for (let row = 1; row < 100_000; row++) index.add(KeyIndex.hash(`k${row}`), row);
    expect(index.rowAt(index.first(KeyIndex.hash('k99999')))).toBe(99_999);
  });
});

/**
 * Rows `from` to `to` of a column appended to another with pushRange give
 * what pushing their values one by one gives: across chunk and block
 * boundaries, narrow and wide integers, a dictionary widening on the way,
 * blank, long and non-ASCII text.
 */
describe('appending a range of another column', () => {
  /** A value for row i of a column, from a seed: blanks, repeats, and now and then an outlier. */
  const intAt = (seed: number, i: number): number | null => {
    const h = Math.imul(i + 1, 0x9e3779b1) ^ seed;
    if (h % 11 === 0) return null;
    if (seed % 3 === 0 && h % 997 === 0) return h; // wide
    return (h % 30_000) | 0;
  };
  const textAt = (seed: number, i: number, distinct: number): string | null => {
    const h = (Math.imul(i + 1, 0x85ebca6b) ^ seed) >>> 0;
    if (h % 13 === 0) return null;
    if (h % 101 === 0) return `long ${'é'.repeat(100 + (h % 200))} ${h}`;
    if (h % 17 === 0) return `Équipe ${h % distinct}`;
    return `C${h % distinct}`;
  };
  const plan = fc.record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    before: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 140_000 })),
    length: fc.integer({ min: 0, max: 140_000 }),
    from: fc.nat(),
    span: fc.nat(),
  });
  const bounds = (p: { length: number; from: number; span: number }) => {
    const from = p.length === 0 ? 0 : p.from % (p.length + 1);
    return { from, to: from + (p.span % (p.length - from + 1)) };
  };

  /** A column of any kind, as these tests use it. */
  type AnyColumn<V> = { push(v: V): void; get(i: number): V; readonly length: number };

  /**
   * A source of `p.length` values and a column of `p.before` others; rows
   * `from` to `to` of the source appended with `append`, and, to compare,
   * pushed one by one to a twin of the column. Every row must match.
   */
  function appendedRange<C extends AnyColumn<V>, V>(
    make: () => C,
    valueAt: (seed: number, i: number) => V,
    p: { seed: number; before: number; length: number; from: number; span: number },
    append: (into: C, source: C, from: number, to: number) => void,
  ): { into: C; want: C } {
    const { from, to } = bounds(p);
    const source = make();
    const into = make();
    const want = make();
    for (let i = 0; i < p.length; i++) source.push(valueAt(p.seed, i));
    for (let i = 0; i < p.before; i++) {
      const v = valueAt(p.seed + 1, i);
      into.push(v);
      want.push(v);
    }
    append(into, source, from, to);
    for (let i = from; i < to; i++) want.push(source.get(i));
    expect(into.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) if (into.get(i) !== want.get(i)) expect([i, into.get(i)]).toEqual([i, want.get(i)]);
    return { into, want };
  }

  it('property: IntColumn.pushRange', () => {
    fc.assert(
      fc.property(plan, (p) => {
        appendedRange(() => new IntColumn(), intAt, p, (into, source, from, to) => into.pushRange(source, from, to));
      }),
      { numRuns: 25 },
    );
  });

  it('property: DictColumn.pushRange, codes shared between calls', () => {
    fc.assert(
      fc.property(plan, fc.constantFrom(50, 5_000, 70_000), (p, distinct) => {
        let made = 0;
        // The first column made is the source: a part's, which keeps every spelling.
        const { into, want } = appendedRange(
          () => new DictColumn(made++ > 0),
          (seed, i) => textAt(seed, i, distinct),
          p,
          (into, source, from, to) => {
            const codes = new Int32Array(source.size + 1);
            const middle = from + ((to - from) >>> 1);
            into.pushRange(source, from, middle, codes);
            into.pushRange(source, middle, to, codes);
          },
        );
        expect(into.dictionary()).toEqual(want.dictionary());
      }),
      { numRuns: 25 },
    );
  });

  it('DictColumn.pushRange widens past 65,535 distinct values in the middle of a range', () => {
    const source = new DictColumn(false);
    const into = new DictColumn();
    for (let i = 0; i < 65_530; i++) into.push(`A${i}`);
    for (let i = 0; i < 20; i++) source.push(i % 2 ? `B${i}` : `A${i}`);
    into.pushRange(source, 0, 20, new Int32Array(source.size + 1));
    expect(into.snapshot().wide).toBe(true);
    for (let i = 0; i < 20; i++) expect(into.get(65_530 + i)).toBe(i % 2 ? `B${i}` : `A${i}`);
    expect(into.get(65_529)).toBe('A65529');
  });

  it('property: ArenaColumn.pushRange', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { into, want } = appendedRange(
          () => new ArenaColumn(),
          (seed, i) => textAt(seed, i, 1_000_000_000),
          p,
          (into, source, from, to) => into.pushRange(source, from, to),
        );
        // What was appended survives a move between threads.
        const back = moved(into);
        for (let i = p.before; i < want.length; i++) if (back.get(i) !== want.get(i)) expect([i, back.get(i)]).toEqual([i, want.get(i)]);
      }),
      { numRuns: 25 },
    );
  });

  it('property: LineColumn.pushRange', () => {
    const lines = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 300 });
    fc.assert(
      fc.property(lines, lines, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 1000 }), (gapsBefore, gaps, a, b, by) => {
        const make = (steps: number[]) => {
          const c = new LineColumn();
          let line = 1;
          for (const g of steps) c.push((line += g));
          return c;
        };
        const source = make(gaps);
        const into = make(gapsBefore);
        const want = make(gapsBefore);
        const from = a % (gaps.length + 1);
        const to = from + (b % (gaps.length - from + 1));
        into.pushRange(source, from, to, by);
        for (let i = from; i < to; i++) want.push(source.get(i) + by);
        expect(into.length).toBe(want.length);
        for (let i = 0; i < want.length; i++) expect(into.get(i)).toBe(want.get(i));
        // Runs of one offset stay one entry.
        expect(into.snapshot().from.length).toBe(want.snapshot().from.length);
      }),
      { numRuns: 300 },
    );
  });
});
