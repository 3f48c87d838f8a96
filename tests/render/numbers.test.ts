/**
 * Numbers in tables: ratios rounded half away from zero to one decimal, in exact
 * integer arithmetic (SPEC §5: values rounded to one decimal in tables).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, oneDecimal, roundedRatio, signedOneDecimal } from '../../src/render/numbers.js';

/** Commas every three digits, on a BigInt. */
function groupBig(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Exact reference: scale * num / den, half away from zero, one decimal. */
function referenceRatio(num: number, den: number, scale: number): string {
  const n = BigInt(num) * BigInt(scale) * 10n;
  const d = BigInt(den);
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const tenths = (2n * an + ad) / (2n * ad); // BigInt division truncates; both positive
  const negative = n < 0n !== d < 0n && tenths !== 0n;
  return `${negative ? '-' : ''}${groupBig(tenths / 10n)}.${tenths % 10n}`;
}

describe('roundedRatio', () => {
  it.each<[number, number, number, string]>([
    [281, 400, 100, '70.3'], // 70.25 rounds up (toFixed would give 70.2)
    [76, 151, 100, '50.3'], // Dec 2020 assessments baseline
    [109, 232, 100, '47.0'], // Jan 2021 assessments baseline
    [2, 3, 100, '66.7'],
    [1, 3, 100, '33.3'],
    [1, 8, 100, '12.5'],
    [1, 16, 100, '6.3'], // 6.25 -> 6.3
    [3, 16, 100, '18.8'], // 18.75 -> 18.8
    [1, 40, 100, '2.5'],
    [1, 400, 100, '0.3'], // 0.25 -> 0.3
    [1, 2000, 100, '0.1'], // 0.05 -> 0.1
    [1, 2001, 100, '0.0'],
    [0, 7, 100, '0.0'],
    [7, 7, 100, '100.0'],
    [94, 365, 100, '25.8'],
    [38, 38, 100, '100.0'],
    [30, 38, 100, '78.9'],
    [241, 10, 1, '24.1'], // a mean, scale 1
    [386, 1, 1, '386.0'],
    [1, 20, 1, '0.1'], // 0.05 -> 0.1
    [3, 20, 1, '0.2'], // 0.15 -> 0.2
    [5, 2, 1, '2.5'],
    [12345, 1, 1, '12,345.0'],
    [1234567, 1, 1, '1,234,567.0'],
    [999999, 1, 1, '999,999.0'],
    [19999999, 20, 1, '1,000,000.0'], // 999,999.95 rounds up across a thousands boundary
    [123456789, 10000, 100, '1,234,567.9'],
    [-281, 400, 100, '-70.3'],
    [281, -400, 100, '-70.3'],
    [-281, -400, 100, '70.3'],
    [-1, 8, 100, '-12.5'],
  ])('roundedRatio(%i, %i, %i) = %s', (num, den, scale, text) => {
    expect(roundedRatio(num, den, scale)).toBe(text);
    expect(referenceRatio(num, den, scale)).toBe(text);
  });

  it('agrees with an exact BigInt reference for counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(1, 100),
        (num, den, scale) => {
          expect(roundedRatio(num, den, scale)).toBe(referenceRatio(num, den, scale));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('agrees with the reference on exact halves (num/den = k/20 or k/2000)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom<[number, number]>([20, 1], [2000, 100], [8, 100], [16, 100], [400, 100]), (k, [den, scale]) => {
        expect(roundedRatio(k, den, scale)).toBe(referenceRatio(k, den, scale));
      }),
      { numRuns: 500 },
    );
  });

  it('is symmetric in sign when the result is not zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1_000 }), fc.constantFrom(1, 100), (num, den, scale) => {
        const positive = roundedRatio(num, den, scale);
        // A result that rounds to zero has no sign: never "-0.0".
        const negative = positive === '0.0' ? '0.0' : `-${positive}`;
        expect(roundedRatio(-num, den, scale)).toBe(negative);
        expect(roundedRatio(num, -den, scale)).toBe(negative);
        expect(roundedRatio(-num, -den, scale)).toBe(positive);
      }),
      { numRuns: 200 },
    );
  });
});

describe('oneDecimal', () => {
  it.each<[number, string]>([
    [0, '0.0'],
    [70.25, '70.3'],
    [0.05, '0.1'],
    [0.15, '0.2'],
    [0.25, '0.3'],
    [0.35, '0.4'],
    [1.45, '1.5'],
    [2.25, '2.3'],
    [4.35, '4.4'],
    [0.04, '0.0'],
    [24.1, '24.1'],
    [17.4, '17.4'],
    [100, '100.0'],
    [99.96, '100.0'],
    [1234.56, '1,234.6'],
    [1234567.8, '1,234,567.8'],
    [-2.25, '-2.3'],
    [-0.05, '-0.1'],
    [-11, '-11.0'],
    [-0.04, '0.0'], // no "-0.0"
    [-0, '0.0'],
    [-1234.56, '-1,234.6'],
  ])('oneDecimal(%d) = %s', (x, text) => {
    expect(oneDecimal(x)).toBe(text);
  });

  it('rounds k/100 half away from zero, as the exact reference does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (k) => {
        expect(oneDecimal(k / 100)).toBe(referenceRatio(k, 100, 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds k/20 (exact halves of tenths) away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), (k) => {
        expect(oneDecimal(k / 20)).toBe(referenceRatio(k, 20, 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('signedOneDecimal', () => {
  it.each<[number, string]>([
    [2.5, '+2.5'],
    [0.05, '+0.1'],
    [-11, '-11.0'],
    [-0.05, '-0.1'],
    [0, '0.0'],
    [0.04, '0.0'],
    [-0.04, '0.0'],
    [1234.5, '+1,234.5'],
    [-1234.5, '-1,234.5'],
    [70.3 - 80, '-9.7'],
  ])('signedOneDecimal(%d) = %s', (x, text) => {
    expect(signedOneDecimal(x)).toBe(text);
  });

  it('is oneDecimal with a + for positive non-zero values', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (k) => {
        const x = k / 100;
        const plain = oneDecimal(x);
        const signed = signedOneDecimal(x);
        if (plain === '0.0') expect(signed).toBe('0.0');
        else if (plain.startsWith('-')) expect(signed).toBe(plain);
        else expect(signed).toBe(`+${plain}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatCount', () => {
  it.each<[number, string]>([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [100000, '100,000'],
    [1234567, '1,234,567'],
    [-1234, '-1,234'],
    [-999, '-999'],
    [1234.9, '1,234'], // whole numbers only: truncated
  ])('formatCount(%d) = %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it('agrees with a BigInt reference and with en-GB grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), (n) => {
        const big = BigInt(n);
        const expected = (big < 0n ? '-' : '') + groupBig(big < 0n ? -big : big);
        expect(formatCount(n)).toBe(expected);
        expect(formatCount(n)).toBe(n.toLocaleString('en-GB', { useGrouping: true, maximumFractionDigits: 0 }));
        expect(formatCount(n).replace(/,/g, '')).toBe(String(n));
      }),
      { numRuns: 300 },
    );
  });
});
