/**
 * Date cells (SPEC §2 and §6): `yyyy-mm-dd`, `yyyy/mm/dd`, `dd/mm/yyyy`, `d/m/yyyy`,
 * `dd-mm-yyyy`, `dd.mm.yyyy`, `dd-MMM-yyyy` / `d MMM yyyy` and full month names,
 * each optionally followed by a time (`14:05`, `14:05:33`, fractional seconds,
 * 12-hour `12:00 AM`, ISO `T14:05:33Z`). Never month-first; two-digit years are
 * an error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, daysInMonth, formatDay } from '../../src/core/day.js';
import { type DateProblem, parseDate } from '../../src/normalise/parse-date.js';
import { DATE_PROBLEM_TEXT } from '../../src/report/wording.js';

const JAN_5_2021 = dayFromYmd(2021, 1, 5);
const PROBLEMS = Object.keys(DATE_PROBLEM_TEXT) as DateProblem[];

describe('accepted forms (5 January 2021)', () => {
  const dates = [
    '2021-01-05', // yyyy-mm-dd
    '2021-1-5', // ISO with one-digit month and day (module doc)
    '2021-01-5',
    '2021-1-05',
    '05/01/2021', // dd/mm/yyyy
    '5/1/2021', // d/m/yyyy
    '05/1/2021',
    '5/01/2021',
    '05-01-2021', // dd-mm-yyyy
    '05.01.2021', // dd.mm.yyyy
    '05-Jan-2021', // dd-MMM-yyyy
    '5-Jan-2021',
    '5 Jan 2021', // d MMM yyyy
    '05 Jan 2021',
    '05-jan-2021', // any case
    '05-JAN-2021',
    '5 jAN 2021',
    '5 jan 2021',
    '2021/01/05', // yyyy/mm/dd
    '2021/1/5',
    '5 January 2021', // full month names
    '05-january-2021',
    '5 JANUARY 2021',
  ];
  const times = [
    '',
    ' 14:05',
    ' 14:05:33',
    ' 14:05:33.250',
    ' 00:00',
    ' 23:59:59',
    ' 00:00:00.000', // SQL Server datetime text
    ' 12:00 AM', // 12-hour times
    ' 12:00:00 AM',
    ' 2:05 PM',
    ' 11:59:59 pm',
    ' 9:30am',
  ];
  const cases = dates.flatMap((d) => times.map((t) => d + t));
  const isoTimes = [
    'T14:05',
    'T14:05:33',
    'T14:05:33Z',
    'T14:05:33+01:00',
    'T14:05:33-05:00',
    'T14:05:33.250Z',
    'T23:59:59.999+01:00',
    'T00:00:00Z',
  ];
  cases.push(...isoTimes.map((t) => `2021-01-05${t}`));

  it.each(cases)('%j', (text) => {
    expect(parseDate(text)).toBe(JAN_5_2021);
  });

  it.each([
    ['2020-02-29', 2020, 2, 29],
    ['29/02/2020', 2020, 2, 29],
    ['31/12/2021', 2021, 12, 31],
    ['31-Dec-2021', 2021, 12, 31],
    ['1 Feb 2021', 2021, 2, 1],
    ['01/02/2021', 2021, 2, 1], // day first: 1 February, never 2 January
    ['12/01/2021', 2021, 1, 12], // day first: 12 January
    ['13/01/2021', 2021, 1, 13],
    ['01/01/1900', 1900, 1, 1],
    ['1900-01-01', 1900, 1, 1],
    ['31.12.2099 08:30', 2099, 12, 31],
    ['2020-12-28T09:00:00Z', 2020, 12, 28],
    ['2020-12-28 09:00', 2020, 12, 28],
    ['2020-09-16 00:00:00.000', 2020, 9, 16], // SQL Server datetime text
    ['2020/09/16', 2020, 9, 16],
    ['16 September 2020', 2020, 9, 16],
    ['16/09/2020 12:00 AM', 2020, 9, 16],
    ['1 May 2021', 2021, 5, 1], // May is both a name and its abbreviation
  ])('%j is %i-%i-%i', (text, y, m, d) => {
    expect(parseDate(text)).toBe(dayFromYmd(y, m, d));
  });

  it.each([
    ['Jan', 1], ['Feb', 2], ['Mar', 3], ['Apr', 4], ['May', 5], ['Jun', 6],
    ['Jul', 7], ['Aug', 8], ['Sep', 9], ['Oct', 10], ['Nov', 11], ['Dec', 12],
  ])('month name %s is month %i', (name, m) => {
    expect(parseDate(`10-${name}-2021`)).toBe(dayFromYmd(2021, m, 10));
    expect(parseDate(`10 ${name.toUpperCase()} 2021`)).toBe(dayFromYmd(2021, m, 10));
    expect(parseDate(`10 ${name.toLowerCase()} 2021`)).toBe(dayFromYmd(2021, m, 10));
  });
});

describe('refused forms, with their problem', () => {
  it.each<[string, DateProblem]>([
    // Two-digit years
    ['05/01/21', 'two-digit-year'],
    ['5/1/21', 'two-digit-year'],
    ['05-01-21', 'two-digit-year'],
    ['05.01.21', 'two-digit-year'],
    ['05-Jan-21', 'two-digit-year'],
    ['5 Jan 21', 'two-digit-year'],
    ['05/01/21 14:05', 'two-digit-year'],
    // Days that do not exist, month-first dates
    ['31/02/2021', 'no-such-day'],
    ['29/02/2021', 'no-such-day'],
    ['13/13/2021', 'no-such-day'],
    ['01/13/2021', 'no-such-day'], // month first: not a date
    ['12/31/2021', 'no-such-day'],
    ['00/01/2021', 'no-such-day'],
    ['01/00/2021', 'no-such-day'],
    ['31/04/2021', 'no-such-day'],
    ['29.02.2100', 'no-such-day'],
    ['30-Feb-2020', 'no-such-day'],
    ['32 Jan 2021', 'no-such-day'],
    ['2021-02-29', 'no-such-day'],
    ['2021-13-01', 'no-such-day'],
    ['2021-00-10', 'no-such-day'],
    ['2021-04-31', 'no-such-day'],
    ['2021-2-29', 'no-such-day'],
    ['2021-02-29T10:00:00Z', 'no-such-day'],
    // Times that are not times of day
    ['05/01/2021 25:00', 'bad-time'],
    ['05/01/2021 24:00', 'bad-time'],
    ['05/01/2021 14:5', 'bad-time'],
    ['05/01/2021 14:60', 'bad-time'],
    ['05/01/2021 14:05:60', 'bad-time'],
    ['05/01/2021 2pm', 'bad-time'],
    ['05/01/2021 13:00 PM', 'bad-time'], // a 12-hour clock has no 13
    ['05/01/2021 0:30 AM', 'bad-time'],
    ['05/01/2021 12:60 AM', 'bad-time'],
    ['2021/01/05 25:00', 'bad-time'],
    ['05/01/2021 14', 'bad-time'],
    ['5 Jan 2021 25:00', 'bad-time'],
    ['05-Jan-2021 14:5', 'bad-time'],
    ['2021-01-05 25:00', 'bad-time'],
    ['2021-01-05T25:00:00Z', 'bad-time'],
    ['2021-01-05T14:5', 'bad-time'],
    ['2021-01-05T', 'bad-time'],
    ['2021-01-05T14:05:33 Z', 'bad-time'],
    // Spreadsheet serial numbers
    ['44197', 'serial-number'],
    ['44197.5', 'serial-number'],
    ['0', 'serial-number'],
    // Years before 1900
    ['31/12/1899', 'year-out-of-range'],
    ['1899-12-31', 'year-out-of-range'],
    ['01-Jan-1899', 'year-out-of-range'],
    ['1 Jan 1066', 'year-out-of-range'],
    ['0001-01-01', 'year-out-of-range'],
    ['1899-1-1', 'year-out-of-range'],
    // Not dates at all
    ['2021/01-05', 'not-a-date'], // mixed separators
    ['2021/01/05T14:05', 'not-a-date'], // the ISO T only after an ISO date
    ['Jan 5 2021', 'not-a-date'],
    ['January 5, 2021', 'not-a-date'], // month first, even with a name
    ['5th Jan 2021', 'not-a-date'],
    ['5 Sept 2021', 'not-a-date'], // neither a month name nor its three-letter abbreviation
    ['5 Janu 2021', 'not-a-date'],
    ['05-Foo-2021', 'not-a-date'],
    ['yesterday', 'not-a-date'],
    ['N/A', 'not-a-date'],
    ['-', 'not-a-date'],
    ['05/01-2021', 'not-a-date'], // mixed separators
    ['05/01/20210', 'not-a-date'], // five-digit year
    ['05/01/202', 'not-a-date'],
    ['5 Jan 2021x', 'not-a-date'],
    ['2021-01-05Z', 'not-a-date'],
    ['20210105T140533', 'not-a-date'],
  ])('%j -> %s', (text, problem) => {
    expect(parseDate(text)).toBe(problem);
  });

  it('every problem code has an explanation', () => {
    for (const p of PROBLEMS) expect(DATE_PROBLEM_TEXT[p].length).toBeGreaterThan(10);
  });
});

describe('properties', () => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const p4 = (n: number): string => String(n).padStart(4, '0');
  const ymd = fc
    .record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

  type Ymd = { year: number; month: number; day: number };
  const PATTERNS: Record<string, (d: Ymd, casing: (s: string) => string) => string> = {
    'yyyy-mm-dd': (d) => `${p4(d.year)}-${p2(d.month)}-${p2(d.day)}`,
    'yyyy-m-d': (d) => `${d.year}-${d.month}-${d.day}`,
    'dd/mm/yyyy': (d) => `${p2(d.day)}/${p2(d.month)}/${d.year}`,
    'd/m/yyyy': (d) => `${d.day}/${d.month}/${d.year}`,
    'dd-mm-yyyy': (d) => `${p2(d.day)}-${p2(d.month)}-${d.year}`,
    'dd.mm.yyyy': (d) => `${p2(d.day)}.${p2(d.month)}.${d.year}`,
    'dd-MMM-yyyy': (d, c) => `${p2(d.day)}-${c(MONTHS[d.month - 1]!)}-${d.year}`,
    'd MMM yyyy': (d, c) => `${d.day} ${c(MONTHS[d.month - 1]!)} ${d.year}`,
    'dd MMM yyyy': (d, c) => `${p2(d.day)} ${c(MONTHS[d.month - 1]!)} ${d.year}`,
  };
  const casings: ((s: string) => string)[] = [(s) => s, (s) => s.toUpperCase(), (s) => s.toLowerCase()];
  const time = fc
    .record({
      h: fc.integer({ min: 0, max: 23 }),
      m: fc.integer({ min: 0, max: 59 }),
      s: fc.option(fc.integer({ min: 0, max: 59 })),
      ms: fc.option(fc.integer({ min: 0, max: 999 })),
    })
    .map(({ h, m, s, ms }) => {
      let t = `${p2(h)}:${p2(m)}`;
      if (s !== null) t += `:${p2(s)}${ms !== null ? `.${String(ms).padStart(3, '0')}` : ''}`;
      return t;
    });
  const zone = fc.constantFrom('', 'Z', '+01:00', '-08:00', '+05:30', '+14:00');

  it('a valid date in any accepted pattern, with or without a valid time, is that day', () => {
    fc.assert(
      fc.property(
        ymd,
        fc.constantFrom(...Object.keys(PATTERNS)),
        fc.integer({ min: 0, max: 2 }),
        fc.option(time),
        (d, pattern, casing, t) => {
          const text = PATTERNS[pattern]!(d, casings[casing]!) + (t === null ? '' : ` ${t}`);
          expect([text, parseDate(text)]).toEqual([text, dayFromYmd(d.year, d.month, d.day)]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an ISO date-time with T and an optional zone is that day', () => {
    fc.assert(
      fc.property(ymd, time, zone, (d, t, z) => {
        const text = `${PATTERNS['yyyy-mm-dd']!(d, (s) => s)}T${t}${z}`;
        expect([text, parseDate(text)]).toEqual([text, dayFromYmd(d.year, d.month, d.day)]);
      }),
      { numRuns: 200 },
    );
  });

  it('parseDate(formatDay(d)) = d', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(1900, 1, 1), max: dayFromYmd(2100, 12, 31) }), (n) => {
        expect(parseDate(formatDay(n))).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it('a two-digit year is always refused as such, whatever the day and month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('/', '-', '.'), (yy, d, m, sep) => {
        expect(parseDate(`${p2(d)}${sep}${p2(m)}${sep}${p2(yy)}`)).toBe('two-digit-year');
        expect(parseDate(`${d} ${MONTHS[m - 1]} ${p2(yy)}`)).toBe('two-digit-year');
      }),
      { numRuns: 100 },
    );
  });

  it('a day-first date whose day is > 12 is never read month first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2100 }), (d, m, y) => {
        // "d/m/y" with d > 12: a real date only when d exists in month m.
        const forward = parseDate(`${p2(d)}/${p2(m)}/${y}`);
        expect(forward).toBe(d <= daysInMonth(y, m) ? dayFromYmd(y, m, d) : 'no-such-day');
        // The month-first spelling "m/d/y" is no date.
        expect(parseDate(`${p2(m)}/${p2(d)}/${y}`)).toBe('no-such-day');
      }),
      { numRuns: 100 },
    );
  });

  function check(text: string): void {
    let result: number | string = '';
    expect(() => {
      result = parseDate(text);
    }).not.toThrow();
    if (typeof result === 'number') {
      expect(Number.isInteger(result)).toBe(true);
      expect(result).toBeGreaterThanOrEqual(dayFromYmd(1900, 1, 1));
      expect(result).toBeLessThanOrEqual(dayFromYmd(9999, 12, 31));
    } else {
      expect(PROBLEMS).toContain(result);
    }
  }

  it('never throws on arbitrary strings, and returns a day or a known problem', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), check), { numRuns: 200 });
  });

  it('never throws on date-like noise', () => {
    const unit = fc.constantFrom(...'0123456789/-.: TZ+janJANfebDecx'.split(''));
    fc.assert(fc.property(fc.string({ unit, minLength: 1, maxLength: 25 }), check), { numRuns: 500 });
    // Mutations of a valid date-time.
    fc.assert(
      fc.property(fc.constantFrom('05/01/2021 14:05:33', '2021-01-05T14:05:33+01:00', '5 Jan 2021 14:05'), fc.nat(), unit, (base, i, ch) => {
        const at = i % base.length;
        check(base.slice(0, at) + ch + base.slice(at + 1));
        check(base.slice(0, at) + base.slice(at + 1));
      }),
      { numRuns: 300 },
    );
  });
});
