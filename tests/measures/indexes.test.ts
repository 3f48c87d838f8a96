/**
 * The shared indexes (src/measures/indexes.ts): records by child, each
 * child's dates in order, and the plan or period open on a day with SPEC
 * section 3's tie-break (latest start; then the later end, an open one last
 * of all; then file order).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childIndex, daysByChild, lastAtOrBefore, openIndex } from '../../src/measures/indexes.js';
import { cpPlan, day, records, supervision } from '../helpers/records.js';

/** Plans as [child, start, end] in file order. */
type PlanRow = readonly [string, string, string | null];

function plansOf(rows: readonly PlanRow[]) {
  return records(
    'cp_plans',
    rows.map(([childId, startDate, endDate]) => cpPlan({ childId, startDate, endDate })),
  );
}

describe('openIndex: the plan open on a day', () => {
  it.each<{ name: string; plans: readonly PlanRow[]; child?: string; on: string; row: number }>([
    { name: 'none before it starts', plans: [['1', '2021-01-10', null]], on: '2021-01-09', row: -1 },
    { name: 'open from its start day', plans: [['1', '2021-01-10', null]], on: '2021-01-10', row: 0 },
    { name: 'open on its end day', plans: [['1', '2021-01-10', '2021-02-01']], on: '2021-02-01', row: 0 },
    { name: 'closed after its end day', plans: [['1', '2021-01-10', '2021-02-01']], on: '2021-02-02', row: -1 },
    { name: 'another child’s plan does not count', plans: [['2', '2021-01-10', null]], on: '2021-01-20', row: -1 },
    { name: 'a child with no plan', plans: [['1', '2021-01-10', null]], child: '9', on: '2021-01-20', row: -1 },
    {
      name: 'of two overlapping, the later start, wherever it is in the file',
      plans: [['1', '2021-01-15', null], ['1', '2021-01-01', null]],
      on: '2021-01-20',
      row: 0,
    },
    {
      name: 'the later start even when it ends sooner',
      plans: [['1', '2021-01-01', null], ['1', '2021-01-15', '2021-01-31']],
      on: '2021-01-20',
      row: 1,
    },
    {
      name: 'the same start: the later end',
      plans: [['1', '2021-01-01', '2021-02-01'], ['1', '2021-01-01', '2021-03-01']],
      on: '2021-01-20',
      row: 1,
    },
    {
      name: 'the same start: an open plan ends last',
      plans: [['1', '2021-01-01', '2021-03-01'], ['1', '2021-01-01', null], ['1', '2021-01-01', '2021-04-01']],
      on: '2021-01-20',
      row: 1,
    },
    {
      name: 'the same start and end: the first in the file',
      plans: [['1', '2021-01-01', '2021-03-01'], ['1', '2021-01-01', '2021-03-01']],
      on: '2021-01-20',
      row: 0,
    },
    {
      name: 'the same start, both open: the first in the file',
      plans: [['2', '2021-01-01', null], ['1', '2021-01-01', null], ['1', '2021-01-01', null]],
      on: '2021-01-20',
      row: 1,
    },
    {
      name: 'a later-starting plan already closed does not count',
      plans: [['1', '2021-01-01', null], ['1', '2021-01-05', '2021-01-10']],
      on: '2021-01-20',
      row: 0,
    },
  ])('$name', ({ plans, child, on, row }) => {
    expect(openIndex(plansOf(plans)).openOn(child ?? '1', day(on))).toBe(row);
  });

  it('agrees with the rule written out plainly, on random plans', () => {
    const someDay = fc.integer({ min: 0, max: 40 }).map((n) => 18628 + n);
    const plan = fc.record({ child: fc.constantFrom('1', '2', '3'), start: someDay, length: fc.option(fc.integer({ min: 0, max: 20 })) });
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 12 }), fc.constantFrom('1', '2', '3', '4'), someDay, (rows, child, d) => {
        const table = records(
          'cp_plans',
          rows.map((r) => ({ ...cpPlan({ childId: r.child }), startDate: r.start, endDate: r.length === null ? null : r.start + r.length })),
        );
        const open = rows
          .map((r, i) => ({ ...r, i, end: r.length === null ? Infinity : r.start + r.length }))
          .filter((r) => r.child === child && r.start <= d && d <= r.end)
          .sort((a, b) => b.start - a.start || b.end - a.end || a.i - b.i);
        expect(openIndex(table).openOn(child, d)).toBe(open[0]?.i ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it('is built once per extract', () => {
    const plans = plansOf([['1', '2021-01-01', null]]);
    expect(openIndex(plans)).toBe(openIndex(plans));
    expect(openIndex(plans)).not.toBe(openIndex(plansOf([['1', '2021-01-01', null]])));
    expect(openIndex(plans).children).toBe(childIndex(plans));
  });
});

describe('childIndex: records by child', () => {
  it('groups the rows of each child, in file order, in first-seen order of the children', () => {
    const plans = plansOf([
      ['B', '2021-01-01', null],
      ['A', '2021-01-02', null],
      ['B', '2021-01-03', null],
      ['C', '2021-01-04', null],
      ['A', '2021-01-05', null],
      ['B', '2021-01-06', null],
    ]);
    const index = childIndex(plans);
    expect([...index.child]).toEqual([
      ['B', 0],
      ['A', 1],
      ['C', 2],
    ]);
    expect([...index.start]).toEqual([0, 3, 5, 6]);
    expect([...index.rows]).toEqual([0, 2, 5, 1, 4, 3]);
    expect(childIndex(plans)).toBe(index);
  });

  it('is empty for an empty extract', () => {
    const index = childIndex(plansOf([]));
    expect(index.child.size).toBe(0);
    expect([...index.start]).toEqual([0]);
    expect(index.rows).toHaveLength(0);
  });
});

describe('daysByChild: each child’s dates in order', () => {
  it('sorts each child’s days, keeping the children apart', () => {
    const sups = records('supervisions', [
      supervision({ childId: '1', supervisionDate: '2021-03-01' }),
      supervision({ childId: '2', supervisionDate: '2021-01-01' }),
      supervision({ childId: '1', supervisionDate: '2021-01-15' }),
      supervision({ childId: '1', supervisionDate: '2021-02-01' }),
    ]);
    const { children, days } = daysByChild(sups, 'supervisionDate');
    const of = (child: string) => {
      const k = children.child.get(child)!;
      return [...days.subarray(children.start[k]!, children.start[k + 1]!)];
    };
    expect(of('1')).toEqual([day('2021-01-15'), day('2021-02-01'), day('2021-03-01')]);
    expect(of('2')).toEqual([day('2021-01-01')]);
    expect(daysByChild(sups, 'supervisionDate')).toBe(daysByChild(sups, 'supervisionDate'));
  });
});

describe('lastAtOrBefore', () => {
  const sorted = Int32Array.of(1, 3, 3, 5, 9);
  it.each([
    [0, 5, 0, -1],
    [0, 5, 1, 0],
    [0, 5, 3, 2],
    [0, 5, 4, 2],
    [0, 5, 9, 4],
    [0, 5, 100, 4],
    [1, 3, 2, 0],
    [1, 3, 5, 2],
    [3, 3, 5, 2],
  ])('in [%s, %s) the last value <= %s is at %s', (from, to, x, expected) => {
    expect(lastAtOrBefore(sorted, from, to, x)).toBe(expected);
  });
});
