/**
 * Day numbers (SPEC §1: every date is a calendar date with no time zone) and
 * calendar-month arithmetic (`addMonths` clamps to the month's end, as date-fns).
 */
import { addMonths as dfAddMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Day,
  MONTH_ABBREVIATIONS,
  addMonths,
  dayFromYmd,
  daysInMonth,
  formatDay,
  formatDayLong,
  isLeapYear,
  isValidYmd,
  parseIsoDay,
  weekday,
  ymdFromDay,
} from '../../src/core/day.js';

const MS_PER_DAY = 86_400_000;

/** A time-zone-free oracle: Date.UTC works on the proleptic Gregorian calendar in UTC. */
function utcDay(year: number, month: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(0, 0, 0, 0);
  return Math.round(t.getTime() / MS_PER_DAY);
}

function iso(text: string): Day {
  const d = parseIsoDay(text);
  if (d === undefined) throw new Error(`bad test date ${text}`);
  return d;
}

/** A valid (year, month, day) with year in [minYear, maxYear]. */
function ymdArb(minYear: number, maxYear: number) {
  return fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
}

const RUNS = { numRuns: 300 };

describe('isLeapYear and daysInMonth', () => {
  it.each([
    [1900, false],
    [1996, true],
    [2000, true],
    [2019, false],
    [2020, true],
    [2021, false],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%i) = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2021, 1, 31],
    [2021, 2, 28],
    [2020, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2021, 4, 30],
    [2021, 6, 30],
    [2021, 9, 30],
    [2021, 11, 30],
    [2021, 12, 31],
    [2021, 0, 0],
    [2021, 13, 0],
  ])('daysInMonth(%i, %i) = %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    [2021, 2, 28, true],
    [2021, 2, 29, false],
    [2020, 2, 29, true],
    [2021, 4, 31, false],
    [2021, 13, 1, false],
    [2021, 0, 1, false],
    [2021, 1, 0, false],
    [2021, 1.5, 1, false],
    [2021, 1, 1.5, false],
  ])('isValidYmd(%d, %d, %d) = %s', (y, m, d, ok) => {
    expect(isValidYmd(y, m, d)).toBe(ok);
  });
});

describe('dayFromYmd / ymdFromDay', () => {
  it.each([
    [1970, 1, 1, 0],
    [1970, 1, 2, 1],
    [1969, 12, 31, -1],
    [2000, 3, 1, 11_017],
    [2021, 1, 1, 18_628],
    [1900, 1, 1, -25_567],
    [2100, 12, 31, 47_846],
  ])('dayFromYmd(%i, %i, %i) = %i', (y, m, d, n) => {
    expect(dayFromYmd(y, m, d)).toBe(n);
    expect(ymdFromDay(n)).toEqual({ year: y, month: m, day: d });
  });

  it('agrees with Date.UTC and round-trips for every valid date in 1900-2199', () => {
    fc.assert(
      fc.property(ymdArb(1900, 2199), ({ year, month, day }) => {
        const n = dayFromYmd(year, month, day);
        expect(n).toBe(utcDay(year, month, day));
        expect(ymdFromDay(n)).toEqual({ year, month, day });
      }),
      RUNS,
    );
  });

  it('ymdFromDay then dayFromYmd is the identity on day numbers, and consecutive days differ by one', () => {
    const lo = dayFromYmd(1900, 1, 1);
    const hi = dayFromYmd(2199, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi - 1 }), (n) => {
        const { year, month, day } = ymdFromDay(n);
        expect(isValidYmd(year, month, day)).toBe(true);
        expect(dayFromYmd(year, month, day)).toBe(n);
        const next = ymdFromDay(n + 1);
        const expectedNext =
          day < daysInMonth(year, month)
            ? { year, month, day: day + 1 }
            : month < 12
              ? { year, month: month + 1, day: 1 }
              : { year: year + 1, month: 1, day: 1 };
        expect(next).toEqual(expectedNext);
      }),
      RUNS,
    );
  });

  it('walks every day of 2019-2021 without gaps', () => {
    let n = dayFromYmd(2019, 1, 1);
    for (let year = 2019; year <= 2021; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= daysInMonth(year, month); day++) {
          expect(dayFromYmd(year, month, day)).toBe(n);
          n++;
        }
      }
    }
    expect(n).toBe(dayFromYmd(2022, 1, 1));
  });
});

describe('weekday', () => {
  it.each([
    ['1900-01-01', 1, 'Monday'],
    ['1969-12-31', 3, 'Wednesday'],
    ['1970-01-01', 4, 'Thursday'],
    ['2000-02-29', 2, 'Tuesday'],
    ['2020-05-08', 5, 'Friday (VE day bank holiday)'],
    ['2020-12-25', 5, 'Friday'],
    ['2020-12-26', 6, 'Saturday'],
    ['2021-01-01', 5, 'Friday'],
    ['2021-01-03', 0, 'Sunday'],
    ['2021-05-10', 1, 'Monday'],
    ['2022-09-19', 1, 'Monday'],
    ['2023-05-08', 1, 'Monday'],
  ])('%s is day %i (%s)', (text, wd) => {
    expect(weekday(iso(text))).toBe(wd);
  });

  it('agrees with Date#getUTCDay and is always 0..6 (also before 1970)', () => {
    fc.assert(
      fc.property(ymdArb(1900, 2199), ({ year, month, day }) => {
        const n = dayFromYmd(year, month, day);
        const wd = weekday(n);
        expect(wd).toBe(new Date(n * MS_PER_DAY).getUTCDay());
        expect(weekday(n + 7)).toBe(wd);
        expect(weekday(n + 1)).toBe((wd + 1) % 7);
      }),
      RUNS,
    );
  });
});

describe('formatDay, formatDayLong and parseIsoDay', () => {
  it.each([
    [2021, 5, 10, '2021-05-10', '10 May 2021'],
    [2021, 1, 5, '2021-01-05', '5 Jan 2021'],
    [2020, 2, 29, '2020-02-29', '29 Feb 2020'],
    [1900, 12, 31, '1900-12-31', '31 Dec 1900'],
    [999, 3, 7, '0999-03-07', '7 Mar 999'],
  ])('%i-%i-%i formats as %s / %s', (y, m, d, short, long) => {
    const n = dayFromYmd(y, m, d);
    expect(formatDay(n)).toBe(short);
    expect(formatDayLong(n)).toBe(long);
  });

  it('has the twelve English month abbreviations', () => {
    expect(MONTH_ABBREVIATIONS).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });

  it.each([
    ['2021-01-05', dayFromYmd(2021, 1, 5)],
    ['2020-02-29', dayFromYmd(2020, 2, 29)],
    ['2000-02-29', dayFromYmd(2000, 2, 29)],
    ['1970-01-01', 0],
    ['2021-12-31', dayFromYmd(2021, 12, 31)],
  ])('parseIsoDay(%s) accepts', (text, n) => {
    expect(parseIsoDay(text)).toBe(n);
  });

  it.each([
    '2021-02-29',
    '1900-02-29',
    '2021-13-01',
    '2021-00-10',
    '2021-04-31',
    '2021-01-00',
    '21-01-01',
    '2021-1-5',
    '2021-01-5',
    '20210105',
    '2021/01/05',
    '05/01/2021',
    ' 2021-01-05',
    '2021-01-05 ',
    '2021-01-05T00:00:00Z',
    '+2021-01-05',
    '',
  ])('parseIsoDay(%j) refuses', (text) => {
    expect(parseIsoDay(text)).toBeUndefined();
  });

  it('parseIsoDay(formatDay(d)) = d for every day in 1900-2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(1900, 1, 1), max: dayFromYmd(2199, 12, 31) }), (n) => {
        const text = formatDay(n);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(parseIsoDay(text)).toBe(n);
      }),
      RUNS,
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2021-01-31', 1, '2021-02-28', '31 Jan 2021 + 1 month clamps to 28 Feb'],
    ['2020-01-31', 1, '2020-02-29', 'leap year clamps to 29 Feb'],
    ['2020-05-31', 9, '2021-02-28', 'the cp_over_9m example'],
    ['2020-02-29', 12, '2021-02-28', 'leap day + 1 year'],
    ['2020-04-30', 9, '2021-01-30', 'no clamping needed, day kept'],
    ['2020-02-29', 48, '2024-02-29', 'leap day + 4 years'],
    ['2021-01-15', 1, '2021-02-15', 'mid-month'],
    ['2020-12-31', 2, '2021-02-28', 'across a year end'],
    ['2020-08-31', 1, '2020-09-30', '31 -> 30-day month'],
    ['2021-03-31', -1, '2021-02-28', 'negative months clamp too'],
    ['2021-03-15', -15, '2019-12-15', 'negative across years'],
    ['2021-05-10', 0, '2021-05-10', 'zero months'],
    ['2100-01-31', 1, '2100-02-28', '2100 is not a leap year'],
    ['2000-01-31', 1, '2000-02-29', '2000 is a leap year'],
    ['1969-01-31', 1, '1969-02-28', 'before 1970'],
    ['1969-12-31', 1, '1970-01-31', 'across the epoch'],
  ])('%s + %i months = %s (%s)', (from, n, to) => {
    expect(formatDay(addMonths(iso(from), n))).toBe(to);
    // Memoised: a second call gives the same answer.
    expect(formatDay(addMonths(iso(from), n))).toBe(to);
  });

  it('agrees with date-fns addMonths computed on local year/month/day fields', () => {
    fc.assert(
      fc.property(ymdArb(1900, 2150), fc.integer({ min: -240, max: 240 }), ({ year, month, day }, n) => {
        // Local noon, read back as local fields: independent of the machine's zone.
        const oracle = dfAddMonths(new Date(year, month - 1, day, 12), n);
        const expected = dayFromYmd(oracle.getFullYear(), oracle.getMonth() + 1, oracle.getDate());
        expect(addMonths(dayFromYmd(year, month, day), n)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the day of month when it exists, else clamps to the last day', () => {
    fc.assert(
      fc.property(ymdArb(1900, 2150), fc.integer({ min: -240, max: 240 }), ({ year, month, day }, n) => {
        const r = ymdFromDay(addMonths(dayFromYmd(year, month, day), n));
        const index = year * 12 + (month - 1) + n;
        expect(r.year).toBe(Math.floor(index / 12));
        expect(r.month).toBe((index % 12) + 1);
        expect(r.day).toBe(Math.min(day, daysInMonth(r.year, r.month)));
      }),
      RUNS,
    );
  });
});
