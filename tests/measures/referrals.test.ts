import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, formatDay } from '../../src/core/day.js';
import { referralsRatePer10k } from '../../src/measures/referrals-rate-per-10k.js';
import { referralsRepeat12m } from '../../src/measures/referrals-repeat-12m.js';
import { counts, day, outcome, referral, run } from '../helpers/records.js';

interface RepeatCase {
  readonly name: string;
  /** Earlier referrals of the same child. */
  readonly earlier: readonly string[];
  readonly date: string;
  readonly expected: 'met' | 'not-met';
}

const REPEATS: readonly RepeatCase[] = [
  { name: 'another referral exactly 12 months before', earlier: ['2020-01-15'], date: '2021-01-15', expected: 'met' },
  { name: 'another referral 12 months and 1 day before', earlier: ['2020-01-14'], date: '2021-01-15', expected: 'not-met' },
  { name: 'the day before', earlier: ['2021-01-14'], date: '2021-01-15', expected: 'met' },
  { name: 'no other referral', earlier: [], date: '2021-01-15', expected: 'not-met' },
  { name: '29 Feb 2020 looks back to 28 Feb 2019 (clamped)', earlier: ['2019-02-28'], date: '2020-02-29', expected: 'met' },
  { name: '29 Feb 2020: 27 Feb 2019 is too early', earlier: ['2019-02-27'], date: '2020-02-29', expected: 'not-met' },
  { name: '28 Feb 2021 looks back to 28 Feb 2020', earlier: ['2020-02-28'], date: '2021-02-28', expected: 'met' },
  { name: '28 Feb 2021: 27 Feb 2020 is too early', earlier: ['2020-02-27'], date: '2021-02-28', expected: 'not-met' },
  { name: '28 Feb 2021: 29 Feb 2020 is within', earlier: ['2020-02-29'], date: '2021-02-28', expected: 'met' },
  { name: '31 Dec 2020 looks back to 31 Dec 2019', earlier: ['2019-12-31'], date: '2020-12-31', expected: 'met' },
  { name: '31 Dec 2020: 30 Dec 2019 is too early', earlier: ['2019-12-30'], date: '2020-12-31', expected: 'not-met' },
  { name: 'a referral the same day is not an earlier one', earlier: ['2021-01-15'], date: '2021-01-15', expected: 'not-met' },
  { name: 'a later referral is not an earlier one', earlier: ['2021-03-01'], date: '2021-01-15', expected: 'not-met' },
  { name: 'one old and one recent: the recent one counts', earlier: ['2018-05-01', '2020-06-01'], date: '2021-01-15', expected: 'met' },
];

describe('referrals_repeat_12m: another referral on or after addMonths(date, -12) and before the date', () => {
  it.each(REPEATS)('$name: $expected', (c) => {
    const others = c.earlier.map((d) => referral({ childId: 'C1', referralDate: d }));
    const r0 = referral({ childId: 'C1', referralDate: c.date });
    const month = c.date.slice(0, 7);
    const r = run(referralsRepeat12m, { referrals: [...others, r0] }, { from: month, asAt: '2021-05-10' });
    expect(outcome(r, r0, month)).toBe(c.expected);
  });

  it('another child\'s referral does not count', () => {
    const r0 = referral({ childId: 'C1', referralDate: '2021-01-15' });
    const r = run(referralsRepeat12m, { referrals: [referral({ childId: 'C2', referralDate: '2020-12-01' }), r0] }, { from: '2021-01' });
    expect(outcome(r, r0, '2021-01')).toBe('not-met');
  });

  it('two referrals the same day with an earlier one: both are re-referrals; without it neither is', () => {
    const a = referral({ childId: 'C1', referralDate: '2021-01-15', referralId: 'A' });
    const b = referral({ childId: 'c1', referralDate: '2021-01-15', referralId: 'B' });
    expect(run(referralsRepeat12m, { referrals: [a, b] }, { from: '2021-01' }).periods['2021-01']).toEqual(counts(0, 2));
    const old = referral({ childId: 'C1', referralDate: '2020-10-01' });
    expect(run(referralsRepeat12m, { referrals: [old, a, b] }, { from: '2021-01' }).periods['2021-01']).toEqual(counts(2, 2));
  });

  it('a month whose look-back starts before the extract\'s coverage is not computable; the next is', () => {
    const data = { referrals: [referral({ referralDate: '2021-01-04' }), referral({ referralDate: '2021-02-04' })] };
    const r = run(referralsRepeat12m, data, { from: '2021-01', to: '2021-02', coverageFrom: { referrals: '2020-02-01' } });
    expect(r.periods['2021-01']!.notComputable).toBe(
      'the referrals extract holds nothing before 2020-02-01 (coverageFrom); this period looks back to 2020-01-01',
    );
    expect(r.periods['2021-02']).toEqual(counts(1, 1));
  });
});

describe('referrals_rate_per_10k: referrals from addMonths(E + 1 day, -12) to E, per 10,000 children', () => {
  const population = { 2020: 50_000, 2021: 40_000 };

  it.each<[string, string, boolean]>([
    ['2020-01-31', 'the day before the window', false],
    ['2020-02-01', 'the window\'s first day', true],
    ['2021-01-31', 'the window\'s last day, E', true],
    ['2021-02-01', 'the day after E', false],
  ])('period 2021-01 (window 1 Feb 2020 to 31 Jan 2021): a referral on %s, %s, counted: %s', (date, _name, counted) => {
    const r0 = referral({ referralDate: date });
    const r = run(referralsRatePer10k, { referrals: [r0] }, { from: '2021-01', population });
    expect(r.periods['2021-01']).toEqual(counts(counted ? 1 : 0, 40_000));
  });

  it('counts referrals, not children, and takes the population of the year of E', () => {
    const data = {
      referrals: [
        referral({ childId: 'A', referralDate: '2020-03-02' }),
        referral({ childId: 'A', referralDate: '2020-03-02', referralId: 'A2' }),
        referral({ childId: 'B', referralDate: '2020-11-30' }),
      ],
    };
    const r = run(referralsRatePer10k, data, { from: '2020-12', to: '2021-03', population });
    expect(r.periods['2020-12']).toEqual(counts(3, 50_000)); // 6.0 per 10,000
    expect(r.periods['2021-02']).toEqual(counts(3, 40_000)); // window from 1 Mar 2020
    expect(r.periods['2021-03']).toEqual(counts(1, 40_000)); // window from 1 Apr 2020
  });

  it('the month in progress is a true rolling year ending on as-at', () => {
    const data = { referrals: [referral({ referralDate: '2020-05-10' }), referral({ referralDate: '2020-05-11' })] };
    const r = run(referralsRatePer10k, data, { from: '2021-05', asAt: '2021-05-10', population });
    expect(r.periods['2021-05']).toEqual(counts(1, 40_000));
  });

  it('a population map with no year up to S makes that month not computable', () => {
    const r = run(referralsRatePer10k, { referrals: [referral({ referralDate: '2020-12-01' })] }, { from: '2020-12', to: '2021-01', population: { 2021: 40_000 } });
    expect(r.periods['2020-12']!.notComputable).toBe("the configuration's population has no year up to 2020");
    expect(r.periods['2021-01']).toEqual(counts(1, 40_000));
  });

  it('without a population it is not computable', () => {
    const r = run(referralsRatePer10k, { referrals: [referral()] }, { from: '2021-01' });
    expect(r.computable).toBe(false);
    expect(r.reason).toMatch(/no population/);
  });
});

describe('referrals_repeat_12m on random referrals (property)', () => {
  it('a referral in the month is counted exactly when another of its child lies in [date - 12 months, date)', () => {
    const from = day('2019-12-01');
    const to = day('2021-03-31');
    const arb = fc.array(fc.record({ child: fc.constantFrom('A', 'b', 'B', 'C'), d: fc.integer({ min: from, max: to }) }), { maxLength: 25 });
    fc.assert(
      fc.property(arb, (rows) => {
        const referrals = rows.map((x, i) => referral({ childId: x.child, referralDate: formatDay(x.d), referralId: `R${i}` }));
        const r = run(referralsRepeat12m, { referrals }, { from: '2021-01', to: '2021-03' });
        for (const ref of referrals) {
          const month = formatDay(ref.referralDate).slice(0, 7);
          if (month < '2021-01') continue;
          const others = referrals.filter((o) => o !== ref && o.childId.toUpperCase() === ref.childId.toUpperCase());
          const repeat = others.some((o) => o.referralDate >= addMonths(ref.referralDate, -12) && o.referralDate < ref.referralDate);
          expect(outcome(r, ref, month)).toBe(repeat ? 'met' : 'not-met');
        }
      }),
      { numRuns: 100 },
    );
  });
});
