import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageAt, dayFromYmd, ymdFromDay } from '../../src/core/day.js';
import { day } from '../helpers/records.js';

describe('ageAt: birthdays on or before the day; 29 February falls on 1 March in other years', () => {
  it.each<[string, string, number]>([
    ['2005-01-31', '2021-01-31', 16],
    ['2005-02-01', '2021-01-31', 15],
    ['2002-01-31', '2021-01-31', 19],
    ['1999-01-31', '2021-01-31', 22],
    ['1999-02-01', '2021-01-31', 21],
    ['2004-02-29', '2020-02-28', 15],
    ['2004-02-29', '2020-02-29', 16],
    ['2004-02-29', '2021-02-28', 16],
    ['2004-02-29', '2021-03-01', 17],
    ['2004-02-29', '2024-02-29', 20],
    ['2000-02-29', '2100-02-28', 99],
    ['2000-02-29', '2100-03-01', 100],
    ['2021-01-31', '2021-01-31', 0],
  ])('born %s, on %s: %i', (born, on, age) => {
    expect(ageAt(day(born), day(on))).toBe(age);
  });

  it('goes up by exactly one on each birthday and never otherwise (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(1990, 1, 1), max: dayFromYmd(2030, 1, 1) }), fc.integer({ min: 1, max: 30 * 366 }), (born, n) => {
        const d = born + n;
        const step = ageAt(born, d) - ageAt(born, d - 1);
        const b = ymdFromDay(born);
        const t = ymdFromDay(d);
        const leapling = b.month === 2 && b.day === 29;
        const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const birthday = leapling && !isLeap(t.year) ? t.month === 3 && t.day === 1 : t.month === b.month && t.day === b.day;
        expect(step).toBe(birthday ? 1 : 0);
      }),
    );
  });
});
