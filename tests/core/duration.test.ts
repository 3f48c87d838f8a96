/**
 * Durations in configuration (SPEC §1): `10wd` working days, `28d` calendar
 * days, `4w` weeks of 7 calendar days, `1m` calendar months.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/core/calendar.js';
import { type Day, addMonths, dayFromYmd, formatDay, parseIsoDay } from '../../src/core/day.js';
import { type Duration, addDuration, describeDuration, formatDuration, parseDuration } from '../../src/core/duration.js';

function iso(text: string): Day {
  const d = parseIsoDay(text);
  if (d === undefined) throw new Error(`bad test date ${text}`);
  return d;
}

const calendar = new WorkingCalendar({ region: 'england-and-wales', bankHolidays: true, closures: [] });

describe('parseDuration', () => {
  it.each<[string, Duration]>([
    ['10wd', { amount: 10, unit: 'wd' }],
    ['1wd', { amount: 1, unit: 'wd' }],
    ['28d', { amount: 28, unit: 'd' }],
    ['4w', { amount: 4, unit: 'w' }],
    ['6w', { amount: 6, unit: 'w' }],
    ['1m', { amount: 1, unit: 'm' }],
    ['12m', { amount: 12, unit: 'm' }],
    ['0d', { amount: 0, unit: 'd' }],
    ['10WD', { amount: 10, unit: 'wd' }],
    ['10Wd', { amount: 10, unit: 'wd' }],
    ['28D', { amount: 28, unit: 'd' }],
    ['4W', { amount: 4, unit: 'w' }],
    ['1M', { amount: 1, unit: 'm' }],
    [' 10wd ', { amount: 10, unit: 'wd' }],
    ['\t4w\n', { amount: 4, unit: 'w' }],
    ['010d', { amount: 10, unit: 'd' }],
  ])('parseDuration(%j)', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['10', 'wd', '-1d', '+1d', '1y', '4 weeks', '1.5d', '1 m x', 'd10', '10dw', '', ' ', '10w d', '1wk', '1mo', '10000d'])(
    'parseDuration(%j) refuses',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('formatDuration is the canonical text and parses back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('wd', 'd', 'w', 'm'), (amount, unit) => {
        const text = formatDuration({ amount, unit });
        expect(text).toBe(`${amount}${unit}`);
        expect(parseDuration(text)).toEqual({ amount, unit });
        expect(parseDuration(` ${text.toUpperCase()} `)).toEqual({ amount, unit });
      }),
      { numRuns: 100 },
    );
  });

  it.each<[Duration, string]>([
    [{ amount: 10, unit: 'wd' }, '10 working days'],
    [{ amount: 1, unit: 'wd' }, '1 working day'],
    [{ amount: 28, unit: 'd' }, '28 days'],
    [{ amount: 1, unit: 'd' }, '1 day'],
    [{ amount: 4, unit: 'w' }, '4 weeks'],
    [{ amount: 1, unit: 'm' }, '1 month'],
    [{ amount: 3, unit: 'm' }, '3 months'],
  ])('describeDuration(%o) = %s', (d, text) => {
    expect(describeDuration(d)).toBe(text);
  });
});

describe('addDuration', () => {
  it.each<[string, string, string]>([
    ['2021-01-29', '1wd', '2021-02-01'], // Friday + 1 working day
    ['2020-12-24', '1wd', '2020-12-29'], // over Christmas 2020
    ['2021-01-04', '10wd', '2021-01-18'],
    ['2021-01-29', '0wd', '2021-01-29'],
    ['2021-01-29', '28d', '2021-02-26'],
    ['2021-01-29', '1d', '2021-01-30'], // a Saturday: calendar days ignore weekends
    ['2020-12-24', '1d', '2020-12-25'], // ... and bank holidays
    ['2021-01-29', '4w', '2021-02-26'],
    ['2021-01-29', '6w', '2021-03-12'],
    ['2021-01-31', '1m', '2021-02-28'], // clamped to the month's end
    ['2020-01-31', '1m', '2020-02-29'],
    ['2020-05-31', '9m', '2021-02-28'],
    ['2021-01-15', '1m', '2021-02-15'],
  ])('%s + %s = %s', (from, text, to) => {
    const d = parseDuration(text);
    expect(d).toBeDefined();
    expect(formatDay(addDuration(iso(from), d!, calendar))).toBe(to);
  });

  it('each unit matches its definition', () => {
    const lo = dayFromYmd(2015, 1, 1);
    const hi = dayFromYmd(2030, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: 200 }), (from, amount) => {
        expect(addDuration(from, { amount, unit: 'd' }, calendar)).toBe(from + amount);
        expect(addDuration(from, { amount, unit: 'w' }, calendar)).toBe(from + 7 * amount);
        expect(addDuration(from, { amount, unit: 'm' }, calendar)).toBe(addMonths(from, amount));
        expect(addDuration(from, { amount, unit: 'wd' }, calendar)).toBe(calendar.addWorkingDays(from, amount));
        expect(calendar.workingDaysBetween(from, addDuration(from, { amount, unit: 'wd' }, calendar))).toBe(amount);
      }),
      { numRuns: 150 },
    );
  });
});
