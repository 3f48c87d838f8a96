import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArenaColumn, DictColumn, IntColumn, KeyIndex, LineColumn, restoreColumn, transferables } from '../../src/normalise/columns.js';

/** Snapshot and restore through structured cloning, as between threads. */
function moved<T extends IntColumn | DictColumn | ArenaColumn>(column: T): T {
  const state = column.snapshot();
  return restoreColumn(structuredClone(state, { transfer: [...new Set(transferables(state))] })) as T;
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
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        const c = new IntColumn();
        for (const v of values) c.push(v);
        values.forEach((v, i) => expect(c.get(i)).toBe(v));
        const back = moved(c);
        values.forEach((v, i) => expect(back.get(i)).toBe(v));
      }),
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
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 300 }), { nil: null }), { maxLength: 300 }), (values) => {
        const c = new ArenaColumn();
        for (const v of values) c.push(v);
        values.forEach((v, i) => expect(c.get(i)).toBe(v));
        // Moving hands the memory over: read the moved column only.
        const back = moved(c);
        values.forEach((v, i) => expect(back.get(i)).toBe(v));
      }),
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

  it('KeyIndex.reserve sizes the table once and keeps what it holds', () => {
    const index = new KeyIndex(8);
    index.add(KeyIndex.hash('a'), 0);
    index.reserve(100_000);
    expect(index.first(KeyIndex.hash('a'))).toBeGreaterThanOrEqual(0);
    for (let row = 1; row < 100_000; row++) index.add(KeyIndex.hash(`k${row}`), row);
    expect(index.rowAt(index.first(KeyIndex.hash('k99999')))).toBe(99_999);
  });
});
