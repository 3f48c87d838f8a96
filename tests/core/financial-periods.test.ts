/**
 * Quarters, financial years and rolling windows (SPEC §9): boundaries for
 * April and January starts, labels both ways, a window crossing a year end,
 * a period in progress, and the command line's --every/--window/--from/--to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Day, formatDay, parseIsoDay } from '../../src/core/day.js';
import {
  formatMonth,
  formatPeriod,
  MONTHLY,
  parseMonth,
  parsePeriod,
  type PeriodKind,
  type PeriodSpec,
  periodStartOf,
  periodsBetween,
} from '../../src/core/period.js';
import { resolvePeriods } from '../../src/cli/periods.js';
import { CliError } from '../../src/cli/errors.js';
import { Outcomes } from '../../src/measures/types.js';

function day(text: string): Day {
  const d = parseIsoDay(text);
  if (d === undefined) throw new Error(`bad test date ${text}`);
  return d;
}
const month = (text: string) => parseMonth(text)!;
const spec = (kind: PeriodKind, yearStart = 4, window: number | null = null): PeriodSpec => ({ kind, yearStart, window });

describe('the period holding a month, and its label', () => {
  it.each([
    // kind, year start, a month, its period's first month, label
    ['quarter', 4, '2021-04', '2021-04', '2021-22Q1'],
    ['quarter', 4, '2021-06', '2021-04', '2021-22Q1'],
    ['quarter', 4, '2021-07', '2021-07', '2021-22Q2'],
    ['quarter', 4, '2021-09', '2021-07', '2021-22Q2'],
    ['quarter', 4, '2021-12', '2021-10', '2021-22Q3'],
    ['quarter', 4, '2022-01', '2022-01', '2021-22Q4'],
    ['quarter', 4, '2022-03', '2022-01', '2021-22Q4'],
    ['quarter', 4, '2020-12', '2020-10', '2020-21Q3'],
    ['year', 4, '2021-03', '2020-04', '2020-21'],
    ['year', 4, '2021-04', '2021-04', '2021-22'],
    ['year', 4, '2000-02', '1999-04', '1999-00'],
    ['quarter', 1, '2021-07', '2021-07', '2021Q3'],
    ['quarter', 1, '2021-01', '2021-01', '2021Q1'],
    ['quarter', 1, '2021-12', '2021-10', '2021Q4'],
    ['year', 1, '2021-12', '2021-01', '2021'],
    ['year', 1, '2022-01', '2022-01', '2022'],
    ['year', 9, '2021-08', '2020-09', '2020-21'],
    ['quarter', 9, '2021-08', '2021-06', '2020-21Q4'],
    ['month', 4, '2011-12', '2011-12', '2011-12'],
  ] as const)('%s, year from month %i: %s is in %s, labelled %s', (kind, yearStart, m, first, label) => {
    expect(formatMonth(periodStartOf(kind, month(m), yearStart))).toBe(first);
    expect(formatPeriod(kind, month(first), yearStart)).toBe(label);
    expect(parsePeriod(kind, label, yearStart)).toBe(month(first));
  });

  it.each([
    ['year', 4, '2021-23'],
    ['year', 4, '2021'],
    ['year', 1, '2021-22'],
    ['quarter', 4, '2021-22Q5'],
    ['quarter', 4, '2021-22Q0'],
    ['quarter', 4, '2021Q2'],
    ['quarter', 1, '2021-22Q2'],
    ['quarter', 4, '2021-22 Q2'],
    ['month', 4, '2021-22'],
  ] as const)('%s labels (year from month %i) refuse %j', (kind, yearStart, text) => {
    expect(parsePeriod(kind, text, yearStart)).toBeUndefined();
  });

  it('labels round-trip for every kind and start month', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1950 * 12, max: 2150 * 12 }),
        (kind, yearStart, m) => {
          const first = periodStartOf(kind, m, yearStart);
          expect(first).toBeLessThanOrEqual(m);
          expect(m - first).toBeLessThan(kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12);
          expect(parsePeriod(kind, formatPeriod(kind, first, yearStart), yearStart)).toBe(first);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('periodsBetween for quarters and years', () => {
  it('gives each quarter its days, its last month and its snapshot; the quarter in progress ends at as-at', () => {
    const ps = periodsBetween(month('2020-07'), month('2021-01'), day('2021-02-15'), spec('quarter'));
    expect(ps.map((p) => [p.id, formatDay(p.start), formatDay(p.countFrom), formatDay(p.end), formatDay(p.snapshot), formatMonth(p.lastMonth), p.partial])).toEqual([
      ['2020-21Q2', '2020-07-01', '2020-07-01', '2020-09-30', '2020-09-30', '2020-09', false],
      ['2020-21Q3', '2020-10-01', '2020-10-01', '2020-12-31', '2020-12-31', '2020-12', false],
      ['2020-21Q4', '2021-01-01', '2021-01-01', '2021-03-31', '2021-02-15', '2021-03', true],
    ]);
  });

  it('gives a January-start year the calendar year', () => {
    const [y] = periodsBetween(month('2020-01'), month('2020-01'), day('2021-02-15'), spec('year', 1));
    expect([y!.id, formatDay(y!.start), formatDay(y!.end), formatMonth(y!.lastMonth)]).toEqual(['2020', '2020-01-01', '2020-12-31', '2020-12']);
  });

  it.each([
    // window, period, as-at, counted from, snapshot
    [12, '2021-01', '2021-05-10', '2020-02-01', '2021-01-31'], // crosses a year end: whole months
    [12, '2021-05', '2021-05-10', '2020-05-11', '2021-05-10'], // in progress: a true rolling window
    [1, '2021-02', '2021-05-10', '2021-02-01', '2021-02-28'],
    [3, '2021-03', '2021-03-31', '2021-01-01', '2021-03-31'],
    [24, '2020-02', '2021-05-10', '2018-03-01', '2020-02-29'],
  ] as const)('a %i-month window for %s (as at %s) counts from %s to %s', (window, m, asAt, from, snapshot) => {
    const [p] = periodsBetween(month(m), month(m), day(asAt), spec('month', 4, window));
    expect([formatDay(p!.countFrom), formatDay(p!.snapshot)]).toEqual([from, snapshot]);
  });

  it('puts a day in every period whose window holds it, and in no other', () => {
    const ps = periodsBetween(month('2020-11'), month('2021-02'), day('2021-05-10'), spec('month', 4, 3));
    const out = new Outcomes(ps);
    const of = (d: string) => out.periodsOf(day(d)).map((i) => ps[i]!.id);
    expect(of('2020-08-31')).toEqual([]);
    expect(of('2020-09-01')).toEqual(['2020-11']);
    expect(of('2020-12-15')).toEqual(['2020-12', '2021-01', '2021-02']);
    expect(of('2021-02-28')).toEqual(['2021-02']);
    expect(of('2021-03-01')).toEqual([]);
  });

  it('puts a day in its quarter, whatever its month', () => {
    const ps = periodsBetween(month('2020-04'), month('2021-01'), day('2021-05-10'), spec('quarter'));
    const out = new Outcomes(ps);
    const of = (d: string) => out.periodsOf(day(d)).map((i) => ps[i]!.id);
    expect(of('2020-03-31')).toEqual([]);
    expect(of('2020-04-01')).toEqual(['2020-21Q1']);
    expect(of('2020-09-30')).toEqual(['2020-21Q2']);
    expect(of('2020-10-01')).toEqual(['2020-21Q3']);
    expect(of('2021-03-31')).toEqual(['2020-21Q4']);
    expect(of('2021-04-01')).toEqual([]);
  });

  it('finds the same periods as comparing each range, for any window and kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
        fc.option(fc.integer({ min: 1, max: 24 }), { nil: null }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: -800, max: 400 }),
        (kind, window, count, offset) => {
          const s = spec(kind, 4, window);
          const first = periodStartOf(kind, month('2019-05'), 4);
          const size = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
          const ps = periodsBetween(first, first + count * size, day('2026-01-10'), s);
          const d = day('2020-06-15') + offset;
          const expected = ps.flatMap((p, i) => (p.countFrom <= d && d <= p.end ? [i] : []));
          expect([...new Outcomes(ps).periodsOf(d)]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('resolvePeriods: --every, --from, --to, --period', () => {
  const ids = (ps: readonly { id: string }[]) => ps.map((p) => p.id);
  it('defaults to the last 5 complete quarters and the last 3 complete years before as-at', () => {
    expect(ids(resolvePeriods({}, day('2021-05-10'), spec('quarter')))).toEqual(['2019-20Q4', '2020-21Q1', '2020-21Q2', '2020-21Q3', '2020-21Q4']);
    expect(ids(resolvePeriods({}, day('2021-03-30'), spec('quarter')))).toEqual(['2019-20Q3', '2019-20Q4', '2020-21Q1', '2020-21Q2', '2020-21Q3']);
    expect(ids(resolvePeriods({}, day('2021-03-31'), spec('quarter')))).toEqual(['2019-20Q4', '2020-21Q1', '2020-21Q2', '2020-21Q3', '2020-21Q4']);
    expect(ids(resolvePeriods({}, day('2021-05-10'), spec('year')))).toEqual(['2018-19', '2019-20', '2020-21']);
    expect(ids(resolvePeriods({}, day('2021-05-10'), spec('year', 1)))).toEqual(['2018', '2019', '2020']);
    expect(resolvePeriods({}, day('2021-05-10'), MONTHLY)).toHaveLength(13);
  });

  it('reads 2011-12 as December 2011 by default and as the financial year under --every year', () => {
    expect(ids(resolvePeriods({ period: '2011-12' }, day('2021-05-10'), MONTHLY))).toEqual(['2011-12']);
    const [y] = resolvePeriods({ period: '2011-12' }, day('2021-05-10'), spec('year'));
    expect([y!.id, formatDay(y!.start), formatDay(y!.end)]).toEqual(['2011-12', '2011-04-01', '2012-03-31']);
  });

  it('takes --from and --to as quarter labels, and --to alone ends at the quarter of as-at', () => {
    expect(ids(resolvePeriods({ from: '2020-21Q2', to: '2020-21Q3' }, day('2021-05-10'), spec('quarter')))).toEqual(['2020-21Q2', '2020-21Q3']);
    expect(ids(resolvePeriods({ from: '2020-21Q4' }, day('2021-05-10'), spec('quarter')))).toEqual(['2020-21Q4', '2021-22Q1']);
  });

  it.each([
    [{ from: '2021-22Q2', to: '2020-21Q3' }, spec('quarter'), /--from 2021-22Q2 is later than --to 2020-21Q3/],
    [{ from: '2021-03', to: '2021-01' }, MONTHLY, /--from 2021-03 is later than --to 2021-01/],
    [{ period: '2020-21' }, spec('quarter'), /--period 2020-21: a quarter is written as its financial year and Q1-Q4, e.g. 2021-22Q2/],
    [{ period: '2020-21Q1' }, spec('year'), /--period 2020-21Q1: a financial year is written YYYY-YY, e.g. 2021-22/],
    [{ period: '2021-22Q2' }, spec('quarter'), /2021-22Q2 starts after the as-at date/],
  ] as const)('refuses %j as a usage error naming the option', (options, s, message) => {
    expect(() => resolvePeriods(options, day('2021-05-10'), s)).toThrow(CliError);
    expect(() => resolvePeriods(options, day('2021-05-10'), s)).toThrow(message);
  });
});
