/**
 * Periods (SPEC §1): a calendar month `YYYY-MM`; its snapshot S is its last day,
 * or as-at when as-at falls inside it; a month that starts after as-at is a
 * usage error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Day, dayFromYmd, daysInMonth, formatDay, parseIsoDay } from '../../src/core/day.js';
import {
  PeriodError,
  formatMonth,
  formatMonthLong,
  monthEnd,
  monthOf,
  monthStart,
  parseMonth,
  periodsBetween,
} from '../../src/core/period.js';

function iso(text: string): Day {
  const d = parseIsoDay(text);
  if (d === undefined) throw new Error(`bad test date ${text}`);
  return d;
}

function month(text: string): number {
  const m = parseMonth(text);
  if (m === undefined) throw new Error(`bad test month ${text}`);
  return m;
}

describe('parseMonth / formatMonth', () => {
  it.each([
    ['2021-01', 2021 * 12],
    ['2021-12', 2021 * 12 + 11],
    ['2020-02', 2020 * 12 + 1],
    ['1999-10', 1999 * 12 + 9],
  ])('parseMonth(%s) = %i', (text, index) => {
    expect(parseMonth(text)).toBe(index);
    expect(formatMonth(index)).toBe(text);
  });

  it.each(['2021-13', '2021-00', '2021-1', '21-01', '2021-01-01', '2021/01', 'Jan 2021', ' 2021-01', '2021-01 ', ''])(
    'parseMonth(%j) refuses',
    (text) => {
      expect(parseMonth(text)).toBeUndefined();
    },
  );

  it('formatMonth(parseMonth(x)) = x and months are consecutive integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const text = `${y}-${String(m).padStart(2, '0')}`;
        const index = parseMonth(text);
        expect(index).toBe(y * 12 + m - 1);
        expect(formatMonth(index!)).toBe(text);
        expect(formatMonth(index! + 1)).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
      }),
      { numRuns: 200 },
    );
  });

  it('formatMonthLong', () => {
    expect(formatMonthLong(month('2021-01'))).toBe('Jan 2021');
    expect(formatMonthLong(month('2020-12'))).toBe('Dec 2020');
  });

  it('monthOf, monthStart and monthEnd', () => {
    expect(monthOf(iso('2021-02-28'))).toBe(month('2021-02'));
    expect(formatDay(monthStart(month('2021-02')))).toBe('2021-02-01');
    expect(formatDay(monthEnd(month('2021-02')))).toBe('2021-02-28');
    expect(formatDay(monthEnd(month('2020-02')))).toBe('2020-02-29');
    expect(formatDay(monthEnd(month('2020-12')))).toBe('2020-12-31');
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d0) => {
        const d = Math.min(d0, daysInMonth(y, m));
        const day = dayFromYmd(y, m, d);
        const index = monthOf(day);
        expect(index).toBe(y * 12 + m - 1);
        expect(monthStart(index)).toBeLessThanOrEqual(day);
        expect(monthEnd(index)).toBeGreaterThanOrEqual(day);
        expect(monthEnd(index) - monthStart(index) + 1).toBe(daysInMonth(y, m));
        expect(monthStart(index + 1)).toBe(monthEnd(index) + 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('periodsBetween', () => {
  it('the example: April complete, May in progress on 10 May 2021', () => {
    const ps = periodsBetween(month('2021-04'), month('2021-05'), iso('2021-05-10'));
    expect(ps.map((p) => [p.id, formatDay(p.start), formatDay(p.end), formatDay(p.snapshot), p.partial])).toEqual([
      ['2021-04', '2021-04-01', '2021-04-30', '2021-04-30', false],
      ['2021-05', '2021-05-01', '2021-05-31', '2021-05-10', true],
    ]);
    expect(ps[0]?.month).toBe(month('2021-04'));
  });

  it.each<[string, string, string, boolean]>([
    // month, as-at, snapshot, partial
    ['2021-05', '2021-05-01', '2021-05-01', true], // as-at on the first day
    ['2021-05', '2021-05-10', '2021-05-10', true],
    ['2021-05', '2021-05-30', '2021-05-30', true],
    ['2021-05', '2021-05-31', '2021-05-31', false], // as-at on the last day: not partial
    ['2021-05', '2021-06-01', '2021-05-31', false],
    ['2021-05', '2030-01-01', '2021-05-31', false],
    ['2021-02', '2021-02-28', '2021-02-28', false],
    ['2020-02', '2020-02-28', '2020-02-28', true], // leap year: 29 Feb still to come
    ['2020-02', '2020-02-29', '2020-02-29', false],
  ])('%s with as-at %s: snapshot %s, partial %s', (m, asAt, snapshot, partial) => {
    const [p, ...rest] = periodsBetween(month(m), month(m), iso(asAt));
    expect(rest).toEqual([]);
    expect(p?.id).toBe(m);
    expect(formatDay(p!.snapshot)).toBe(snapshot);
    expect(p!.partial).toBe(partial);
  });

  it('a month that starts after as-at is a PeriodError', () => {
    expect(() => periodsBetween(month('2021-06'), month('2021-06'), iso('2021-05-31'))).toThrow(PeriodError);
    expect(() => periodsBetween(month('2021-04'), month('2021-06'), iso('2021-05-10'))).toThrow(/2021-06/);
    const err = (() => {
      try {
        periodsBetween(month('2021-06'), month('2021-06'), iso('2021-05-31'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(PeriodError);
    expect((err as Error).name).toBe('PeriodError');
    // The month as-at falls in is fine.
    expect(() => periodsBetween(month('2021-06'), month('2021-06'), iso('2021-06-01'))).not.toThrow();
  });

  it('to before from is a PeriodError', () => {
    expect(() => periodsBetween(month('2021-05'), month('2021-04'), iso('2021-05-10'))).toThrow(PeriodError);
    expect(() => periodsBetween(month('2021-01'), month('2020-12'), iso('2021-05-10'))).toThrow(PeriodError);
  });

  it('a year across a year end, all complete', () => {
    const ps = periodsBetween(month('2020-04'), month('2021-03'), iso('2021-05-10'));
    expect(ps.map((p) => p.id)).toEqual([
      '2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09',
      '2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03',
    ]);
    expect(ps.every((p) => !p.partial && p.snapshot === p.end)).toBe(true);
  });

  it('property: one period per month, snapshot = min(end, as-at), only the last may be partial', () => {
    const lo = dayFromYmd(1990, 1, 1);
    const hi = dayFromYmd(2100, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (asAt, back, len) => {
        const to = monthOf(asAt) - back;
        const from = to - len;
        const ps = periodsBetween(from, to, asAt);
        expect(ps.length).toBe(len + 1);
        ps.forEach((p, i) => {
          expect(p.month).toBe(from + i);
          expect(p.id).toBe(formatMonth(from + i));
          expect(p.start).toBe(monthStart(from + i));
          expect(p.end).toBe(monthEnd(from + i));
          expect(p.snapshot).toBe(Math.min(p.end, asAt));
          expect(p.partial).toBe(asAt < p.end);
          expect(p.snapshot).toBeGreaterThanOrEqual(p.start);
        });
        expect(ps.slice(0, -1).some((p) => p.partial)).toBe(false);
        expect(() => periodsBetween(from, monthOf(asAt) + 1, asAt)).toThrow(PeriodError);
      }),
      { numRuns: 200 },
    );
  });
});
