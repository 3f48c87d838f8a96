import { describe, expect, it } from 'vitest';
import { cpOver9m } from '../../src/measures/cp-over-9m.js';
import { cpOver9mAvgDays } from '../../src/measures/cp-over-9m-avg-days.js';
import { counts, cpPlan, type CpPlanInput, day, outcome, run } from '../helpers/records.js';

interface PlanCase {
  readonly name: string;
  readonly plan: CpPlanInput;
  readonly period: string;
  readonly asAt?: string;
  /** `met` = open nine months or more at S; `not-met` = open, shorter; `none` = not open at S. */
  readonly expected: 'met' | 'not-met' | 'none';
}

const CASES: readonly PlanCase[] = [
  {
    name: 'started 31 May 2020: + 9 months = 28 Feb 2021, not yet at the 31 Jan 2021 snapshot',
    plan: { startDate: '2020-05-31' },
    period: '2021-01',
    expected: 'not-met',
  },
  {
    name: 'started 31 May 2020: counted at the 28 Feb 2021 snapshot (month-end clamping)',
    plan: { startDate: '2020-05-31' },
    period: '2021-02',
    expected: 'met',
  },
  {
    name: 'started 30 Apr 2020: + 9 months = 30 Jan 2021, counted at 31 Jan 2021',
    plan: { startDate: '2020-04-30' },
    period: '2021-01',
    expected: 'met',
  },
  {
    name: 'started 30 Apr 2020: not counted at 31 Dec 2020',
    plan: { startDate: '2020-04-30' },
    period: '2020-12',
    expected: 'not-met',
  },
  {
    name: 'started 1 May 2020: + 9 months = 1 Feb 2021, not counted at 31 Jan 2021',
    plan: { startDate: '2020-05-01' },
    period: '2021-01',
    expected: 'not-met',
  },
  {
    name: 'started 31 Jan 2020 (leap year): + 9 months = 31 Oct 2020, counted at 31 Oct 2020',
    plan: { startDate: '2020-01-31' },
    period: '2020-10',
    expected: 'met',
  },
  {
    name: 'started 31 Jan 2020: not counted at 30 Sep 2020',
    plan: { startDate: '2020-01-31' },
    period: '2020-09',
    expected: 'not-met',
  },
  {
    name: 'a plan ending on the snapshot day is not open',
    plan: { startDate: '2020-01-01', endDate: '2021-01-31' },
    period: '2021-01',
    expected: 'none',
  },
  {
    name: 'a plan ending the day after the snapshot is open (and counted)',
    plan: { startDate: '2020-01-01', endDate: '2021-02-01' },
    period: '2021-01',
    expected: 'met',
  },
  {
    name: 'a plan that ended earlier in the month is not open',
    plan: { startDate: '2020-01-01', endDate: '2021-01-10' },
    period: '2021-01',
    expected: 'none',
  },
  {
    name: 'a plan starting on the snapshot day is open, not long',
    plan: { startDate: '2021-01-31' },
    period: '2021-01',
    expected: 'not-met',
  },
  {
    name: 'a plan starting after the snapshot is not open',
    plan: { startDate: '2021-02-01' },
    period: '2021-01',
    expected: 'none',
  },
  {
    name: 'month in progress: S is as-at 10 Feb 2021; started 10 May 2020 is counted',
    plan: { startDate: '2020-05-10' },
    period: '2021-02',
    asAt: '2021-02-10',
    expected: 'met',
  },
  {
    name: 'month in progress: started 11 May 2020 is not counted at as-at 10 Feb 2021',
    plan: { startDate: '2020-05-11' },
    period: '2021-02',
    asAt: '2021-02-10',
    expected: 'not-met',
  },
  {
    name: 'month in progress: a plan ending on the as-at date is not open',
    plan: { startDate: '2020-01-01', endDate: '2021-02-10' },
    period: '2021-02',
    asAt: '2021-02-10',
    expected: 'none',
  },
];

describe('cp_over_9m: open at S, counted when S >= addMonths(start, 9)', () => {
  it.each(CASES)('$name', (c) => {
    const plan = cpPlan(c.plan);
    const r = run(cpOver9m, { cp_plans: [plan] }, { from: c.period, asAt: c.asAt ?? '2021-05-10' });
    expect(outcome(r, plan, c.period)).toBe(c.expected);
    const expected = c.expected === 'met' ? counts(1, 1) : c.expected === 'not-met' ? counts(0, 1) : counts(0, 0);
    expect(r.periods[c.period]).toEqual(expected);
  });

  it('one plan over a run of months: counted from the month its nine months are up until it ends', () => {
    const plan = cpPlan({ startDate: '2020-05-31', endDate: '2021-03-31' });
    const r = run(cpOver9m, { cp_plans: [plan] }, { from: '2020-04', to: '2021-04' });
    expect(r.periods['2020-04']).toEqual(counts(0, 0));
    expect(r.periods['2020-05']).toEqual(counts(0, 1));
    expect(r.periods['2021-01']).toEqual(counts(0, 1));
    expect(r.periods['2021-02']).toEqual(counts(1, 1));
    expect(r.periods['2021-03']).toEqual(counts(0, 0));
    expect(r.periods['2021-04']).toEqual(counts(0, 0));
  });
});

describe('cp_over_9m_avg_days: mean of S - start over the plans counted by cp_over_9m', () => {
  it('sums S - start over counted plans only, and counts them in the denominator', () => {
    const longA = cpPlan({ childId: '1', startDate: '2020-04-30' }); // 276 days at 31 Jan 2021
    const longB = cpPlan({ childId: '2', startDate: '2020-01-01' }); // 396 days
    const short = cpPlan({ childId: '3', startDate: '2020-05-31' }); // open, under nine months
    const closed = cpPlan({ childId: '4', startDate: '2019-01-01', endDate: '2021-01-31' }); // ended on S
    const r = run(cpOver9mAvgDays, { cp_plans: [longA, longB, short, closed] }, { from: '2021-01' });
    expect(day('2021-01-31') - day('2020-04-30')).toBe(276);
    expect(day('2021-01-31') - day('2020-01-01')).toBe(396);
    expect(r.periods['2021-01']).toEqual(counts(276 + 396, 2, { 'under-9-months': 1 }));
    expect(outcome(r, longA)).toBe('met');
    expect(outcome(r, short)).toBe('excluded:under-9-months');
    expect(outcome(r, closed)).toBe('none');
    const contributions = r.observations.filter((o) => o.status === 'met').map((o) => [o.numerator, o.denominator]);
    expect(contributions).toEqual([
      [276, 1],
      [396, 1],
    ]);
  });

  it('uses the same boundary as cp_over_9m: 31 May 2020 counts at 28 Feb 2021 with 273 days', () => {
    const plan = cpPlan({ startDate: '2020-05-31' });
    const r = run(cpOver9mAvgDays, { cp_plans: [plan] }, { from: '2021-01', to: '2021-02' });
    expect(r.periods['2021-01']).toEqual(counts(0, 0, { 'under-9-months': 1 }));
    expect(r.periods['2021-02']).toEqual(counts(273, 1));
  });

  it('its denominator equals the numerator of cp_over_9m in every period', () => {
    const plans = [
      cpPlan({ childId: '1', startDate: '2019-06-15', endDate: '2020-11-30' }),
      cpPlan({ childId: '2', startDate: '2020-03-31' }),
      cpPlan({ childId: '3', startDate: '2020-05-31' }),
      cpPlan({ childId: '4', startDate: '2020-06-30', endDate: '2021-04-01' }),
      cpPlan({ childId: '5', startDate: '2021-01-15' }),
    ];
    const share = run(cpOver9m, { cp_plans: plans }, { from: '2020-09', to: '2021-05' });
    const mean = run(cpOver9mAvgDays, { cp_plans: plans }, { from: '2020-09', to: '2021-05' });
    for (const [id, t] of Object.entries(share.periods)) {
      expect(mean.periods[id]?.denominator, id).toBe(t.numerator);
      expect((mean.periods[id]?.excluded['under-9-months'] ?? 0) + t.numerator, id).toBe(t.denominator);
    }
  });

  it('in a month in progress S is the as-at date', () => {
    const plan = cpPlan({ startDate: '2020-05-10' });
    const r = run(cpOver9mAvgDays, { cp_plans: [plan] }, { from: '2021-02', asAt: '2021-02-10' });
    expect(r.periods['2021-02']).toEqual(counts(day('2021-02-10') - day('2020-05-10'), 1));
  });

  it('neither measure is computable without a cp_plans extract', () => {
    for (const m of [cpOver9m, cpOver9mAvgDays]) {
      const r = run(m, { cases: [] }, { from: '2021-01' });
      expect(r.computable, m.id).toBe(false);
      expect(r.reason, m.id).toMatch(/cp_plans/);
    }
  });
});
