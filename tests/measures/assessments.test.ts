import { describe, expect, it } from 'vitest';
import { assessments45wd } from '../../src/measures/assessments-45wd.js';
import { assessments45wdNew } from '../../src/measures/assessments-45wd-new.js';
import { assessmentsOpenOver45wd } from '../../src/measures/assessments-open-over-45wd.js';
import { assessment, type AssessmentInput, type CalendarInput, counts, outcome, type RulesInput, run } from '../helpers/records.js';

interface AuthorisedCase {
  readonly name: string;
  readonly assessment: AssessmentInput;
  readonly expected: string;
  readonly rules?: RulesInput;
  readonly calendar?: CalendarInput;
}

const AUTHORISED: readonly AuthorisedCase[] = [
  { name: 'authorised the day it started (0 working days) is met', assessment: { startDate: '2021-01-04', authorisedDate: '2021-01-04' }, expected: 'met' },
  { name: '44 working days is met', assessment: { startDate: '2021-01-04', authorisedDate: '2021-03-05' }, expected: 'met' },
  { name: '45 working days is met', assessment: { startDate: '2021-01-04', authorisedDate: '2021-03-08' }, expected: 'met' },
  { name: '46 working days is not met', assessment: { startDate: '2021-01-04', authorisedDate: '2021-03-09' }, expected: 'not-met' },
  // Start Fri 1 Jan 2021 (a bank holiday): the 45th working day is Fri 5 Mar. A weekend adds no working day.
  { name: 'authorised on the Saturday after the 45th working day (still 45) is met', assessment: { startDate: '2021-01-01', authorisedDate: '2021-03-06' }, expected: 'met' },
  { name: 'authorised on the Sunday after it is met', assessment: { startDate: '2021-01-01', authorisedDate: '2021-03-07' }, expected: 'met' },
  { name: 'authorised on the Monday after it (46) is not met', assessment: { startDate: '2021-01-01', authorisedDate: '2021-03-08' }, expected: 'not-met' },
  {
    name: 'over Christmas 2020 (25, 28 Dec, 1 Jan): 1 Dec to 4 Feb is 44 working days, met',
    assessment: { startDate: '2020-12-01', authorisedDate: '2021-02-04' },
    expected: 'met',
  },
  {
    name: 'over Christmas 2020: 1 Dec to 5 Feb is 45 working days, met',
    assessment: { startDate: '2020-12-01', authorisedDate: '2021-02-05' },
    expected: 'met',
  },
  {
    name: 'over Christmas 2020: 1 Dec to 8 Feb is 46 working days, not met',
    assessment: { startDate: '2020-12-01', authorisedDate: '2021-02-08' },
    expected: 'not-met',
  },
  {
    name: 'over Christmas with bank holidays off: 1 Dec to 2 Feb is 45 weekdays, met',
    assessment: { startDate: '2020-12-01', authorisedDate: '2021-02-02' },
    calendar: { bankHolidays: false },
    expected: 'met',
  },
  {
    name: 'over Christmas with bank holidays off: 1 Dec to 3 Feb is 46 weekdays, not met',
    assessment: { startDate: '2020-12-01', authorisedDate: '2021-02-03' },
    calendar: { bankHolidays: false },
    expected: 'not-met',
  },
  {
    name: 'over Easter and early May 2021: 1 Mar to 5 May is 44 working days, met',
    assessment: { startDate: '2021-03-01', authorisedDate: '2021-05-05' },
    expected: 'met',
  },
  {
    name: 'over Easter and early May 2021: 1 Mar to 6 May is 45 working days, met',
    assessment: { startDate: '2021-03-01', authorisedDate: '2021-05-06' },
    expected: 'met',
  },
  {
    name: 'over Easter and early May 2021: 1 Mar to 7 May is 46 working days, not met',
    assessment: { startDate: '2021-03-01', authorisedDate: '2021-05-07' },
    expected: 'not-met',
  },
  {
    name: 'a kind-blank assessment still counts in assessments_45wd',
    assessment: { startDate: '2021-01-04', authorisedDate: '2021-03-08', kind: null },
    expected: 'met',
  },
  {
    name: 'an update still counts in assessments_45wd',
    assessment: { startDate: '2021-01-04', authorisedDate: '2021-03-09', kind: 'update' },
    expected: 'not-met',
  },
  // Clock from referral.
  {
    name: 'referral clock: 1 Dec referral, started 4 Jan, authorised 8 Feb is 46 working days from referral, not met',
    assessment: { referralDate: '2020-12-01', startDate: '2021-01-04', authorisedDate: '2021-02-08' },
    rules: { assessments: { clockStart: 'referral' } },
    expected: 'not-met',
  },
  {
    name: 'start clock: the same assessment is 25 working days from its start, met',
    assessment: { referralDate: '2020-12-01', startDate: '2021-01-04', authorisedDate: '2021-02-08' },
    expected: 'met',
  },
  {
    name: 'referral clock: 1 Dec referral authorised 5 Feb is 45 working days, met',
    assessment: { referralDate: '2020-12-01', startDate: '2021-01-04', authorisedDate: '2021-02-05' },
    rules: { assessments: { clockStart: 'referral' } },
    expected: 'met',
  },
  {
    name: 'referral clock: a row without referral_date is left out (no-referral-date)',
    assessment: { referralDate: null, startDate: '2021-01-04', authorisedDate: '2021-01-05' },
    rules: { assessments: { clockStart: 'referral' } },
    expected: 'excluded:no-referral-date',
  },
  {
    name: 'start clock: a row without referral_date counts as usual',
    assessment: { referralDate: null, startDate: '2021-01-04', authorisedDate: '2021-01-05' },
    expected: 'met',
  },
];

describe('assessments_45wd: met when workingDaysBetween(start, authorised) <= 45', () => {
  it.each(AUTHORISED)('$name', (c) => {
    const a = assessment(c.assessment);
    const period = c.assessment.authorisedDate!.slice(0, 7);
    const r = run(assessments45wd, { assessments: [a] }, {
      from: period,
      ...(c.rules ? { rules: c.rules } : {}),
      ...(c.calendar ? { calendar: c.calendar } : {}),
    });
    expect(outcome(r, a, period)).toBe(c.expected);
    const expected =
      c.expected === 'met'
        ? counts(1, 1)
        : c.expected === 'not-met'
          ? counts(0, 1)
          : counts(0, 0, { [c.expected.replace('excluded:', '')]: 1 });
    expect(r.periods[period]).toEqual(expected);
  });

  it('is bucketed by the authorised month, not the start month', () => {
    const a = assessment({ startDate: '2021-01-04', authorisedDate: '2021-03-08' });
    const r = run(assessments45wd, { assessments: [a] }, { from: '2021-01', to: '2021-03' });
    expect(r.periods['2021-01']).toEqual(counts(0, 0));
    expect(r.periods['2021-02']).toEqual(counts(0, 0));
    expect(r.periods['2021-03']).toEqual(counts(1, 1));
  });

  it('authorised on the last day of a month is in that month', () => {
    const a = assessment({ startDate: '2021-01-04', authorisedDate: '2021-01-31' });
    const b = assessment({ startDate: '2021-01-04', childId: '2', authorisedDate: '2021-02-01' });
    const r = run(assessments45wd, { assessments: [a, b] }, { from: '2021-01', to: '2021-02' });
    expect(r.periods['2021-01']).toEqual(counts(1, 1));
    expect(r.periods['2021-02']).toEqual(counts(1, 1));
  });

  it('open assessments are ignored', () => {
    const open = assessment({ startDate: '2020-10-01', authorisedDate: null });
    const r = run(assessments45wd, { assessments: [open] }, { from: '2021-01', to: '2021-03' });
    expect(r.observations).toHaveLength(0);
    for (const p of ['2021-01', '2021-02', '2021-03']) expect(r.periods[p]).toEqual(counts(0, 0));
  });

  it('referral clock: a referral after the authorisation is left out of the denominator', () => {
    const a = assessment({ referralDate: '2021-01-20', startDate: '2021-01-04', authorisedDate: '2021-01-15' });
    const r = run(assessments45wd, { assessments: [a] }, { from: '2021-01', rules: { assessments: { clockStart: 'referral' } } });
    expect(r.periods['2021-01']?.denominator).toBe(0);
    expect(outcome(r, a)).toMatch(/^excluded:/);
  });

  it('a month of mixed assessments', () => {
    const rows = [
      assessment({ childId: '1', startDate: '2021-01-04', authorisedDate: '2021-03-08' }),
      assessment({ childId: '2', startDate: '2021-01-04', authorisedDate: '2021-03-09' }),
      assessment({ childId: '3', startDate: '2021-03-01', authorisedDate: '2021-03-31' }),
      assessment({ childId: '4', startDate: '2021-03-01', authorisedDate: null }),
    ];
    const r = run(assessments45wd, { assessments: rows }, { from: '2021-03' });
    expect(r.periods['2021-03']).toEqual(counts(2, 3));
  });
});

describe('assessments_45wd_new: kind new only', () => {
  const CASES: readonly { name: string; assessment: AssessmentInput; expected: string; rules?: RulesInput }[] = [
    { name: 'kind new, 45 working days: met', assessment: { kind: 'new', startDate: '2021-01-04', authorisedDate: '2021-03-08' }, expected: 'met' },
    { name: 'kind new, 46 working days: not met', assessment: { kind: 'new', startDate: '2021-01-04', authorisedDate: '2021-03-09' }, expected: 'not-met' },
    { name: 'kind update is left out (not-new)', assessment: { kind: 'update', startDate: '2021-01-04', authorisedDate: '2021-03-08' }, expected: 'excluded:not-new' },
    { name: 'kind blank is left out (kind-blank)', assessment: { kind: null, startDate: '2021-01-04', authorisedDate: '2021-03-08' }, expected: 'excluded:kind-blank' },
    {
      name: 'referral clock: a new assessment without referral_date is left out (no-referral-date)',
      assessment: { kind: 'new', referralDate: null, startDate: '2021-03-01', authorisedDate: '2021-03-08' },
      rules: { assessments: { clockStart: 'referral' } },
      expected: 'excluded:no-referral-date',
    },
  ];

  it.each(CASES)('$name', (c) => {
    const a = assessment(c.assessment);
    const r = run(assessments45wdNew, { assessments: [a] }, { from: '2021-03', ...(c.rules ? { rules: c.rules } : {}) });
    expect(outcome(r, a, '2021-03')).toBe(c.expected);
  });

  it('counts new only, and reports the others by reason', () => {
    const rows = [
      assessment({ childId: '1', kind: 'new', startDate: '2021-01-04', authorisedDate: '2021-03-08' }),
      assessment({ childId: '2', kind: 'new', startDate: '2021-01-04', authorisedDate: '2021-03-09' }),
      assessment({ childId: '3', kind: 'update', startDate: '2021-03-01', authorisedDate: '2021-03-02' }),
      assessment({ childId: '4', kind: 'update', startDate: '2021-03-01', authorisedDate: '2021-03-03' }),
      assessment({ childId: '5', kind: null, startDate: '2021-03-01', authorisedDate: '2021-03-04' }),
    ];
    const r = run(assessments45wdNew, { assessments: rows }, { from: '2021-03' });
    expect(r.periods['2021-03']).toEqual(counts(1, 2, { 'kind-blank': 1, 'not-new': 2 }));
    const all = run(assessments45wd, { assessments: rows }, { from: '2021-03' });
    expect(all.periods['2021-03']).toEqual(counts(4, 5));
  });
});

describe('assessments_open_over_45wd: open at S, counted when workingDaysBetween(start, S) > 45', () => {
  // S = Sun 31 Jan 2021 for 2021-01.
  const CASES: readonly { name: string; assessment: AssessmentInput; period: string; asAt?: string; expected: string }[] = [
    {
      name: 'authorised on S is not open',
      assessment: { startDate: '2020-11-02', authorisedDate: '2021-01-31' },
      period: '2021-01',
      expected: 'none',
    },
    {
      name: 'authorised the day after S is open (and counted: 2 Nov to 31 Jan is over 45 working days)',
      assessment: { startDate: '2020-11-02', authorisedDate: '2021-02-01' },
      period: '2021-01',
      expected: 'met',
    },
    {
      name: 'started on S is open with 0 working days, in the denominator only',
      assessment: { startDate: '2021-01-31', authorisedDate: null },
      period: '2021-01',
      expected: 'not-met',
    },
    {
      name: 'started the day after S is not open',
      assessment: { startDate: '2021-02-01', authorisedDate: null },
      period: '2021-01',
      expected: 'none',
    },
    {
      name: 'started 24 Nov 2020: exactly 45 working days at 31 Jan, not counted',
      assessment: { startDate: '2020-11-24', authorisedDate: null },
      period: '2021-01',
      expected: 'not-met',
    },
    {
      name: 'started 23 Nov 2020: 46 working days at 31 Jan, counted',
      assessment: { startDate: '2020-11-23', authorisedDate: null },
      period: '2021-01',
      expected: 'met',
    },
    {
      name: 'over Easter: started 24 Feb 2021, 45 working days at 30 Apr, not counted',
      assessment: { startDate: '2021-02-24', authorisedDate: null },
      period: '2021-04',
      expected: 'not-met',
    },
    {
      name: 'over Easter: started 23 Feb 2021, 46 working days at 30 Apr, counted',
      assessment: { startDate: '2021-02-23', authorisedDate: null },
      period: '2021-04',
      expected: 'met',
    },
    {
      name: 'month in progress: S is the as-at date (10 May); started 3 Mar is 45 working days, not counted',
      assessment: { startDate: '2021-03-03', authorisedDate: null },
      period: '2021-05',
      asAt: '2021-05-10',
      expected: 'not-met',
    },
    {
      name: 'month in progress: started 2 Mar is 46 working days at as-at 10 May, counted',
      assessment: { startDate: '2021-03-02', authorisedDate: null },
      period: '2021-05',
      asAt: '2021-05-10',
      expected: 'met',
    },
    {
      name: 'month in progress: authorised on the as-at date is not open',
      assessment: { startDate: '2021-03-02', authorisedDate: '2021-05-10' },
      period: '2021-05',
      asAt: '2021-05-10',
      expected: 'none',
    },
    {
      name: 'month in progress: started on the as-at date is open with 0 working days',
      assessment: { startDate: '2021-05-10', authorisedDate: null },
      period: '2021-05',
      asAt: '2021-05-10',
      expected: 'not-met',
    },
  ];

  it.each(CASES)('$name', (c) => {
    const a = assessment(c.assessment);
    const r = run(assessmentsOpenOver45wd, { assessments: [a] }, { from: c.period, asAt: c.asAt ?? '2021-05-10' });
    expect(outcome(r, a, c.period)).toBe(c.expected);
    const expected = c.expected === 'met' ? counts(1, 1) : c.expected === 'not-met' ? counts(0, 1) : counts(0, 0);
    expect(r.periods[c.period]).toEqual(expected);
  });

  it('an assessment open across several snapshots is judged at each', () => {
    const a = assessment({ startDate: '2020-11-23', authorisedDate: '2021-02-10' });
    const r = run(assessmentsOpenOver45wd, { assessments: [a] }, { from: '2020-10', to: '2021-02' });
    expect(r.periods['2020-10']).toEqual(counts(0, 0));
    expect(r.periods['2020-11']).toEqual(counts(0, 1));
    expect(r.periods['2020-12']).toEqual(counts(0, 1));
    expect(r.periods['2021-01']).toEqual(counts(1, 1));
    expect(r.periods['2021-02']).toEqual(counts(0, 0));
    expect(r.observations.map((o) => o.detail['working_days'])).toEqual([5, 26, 46]);
  });

  it('is not computable without an assessments extract', () => {
    for (const m of [assessments45wd, assessments45wdNew, assessmentsOpenOver45wd]) {
      const r = run(m, { contacts: [] }, { from: '2021-01' });
      expect(r.computable, m.id).toBe(false);
      expect(r.reason, m.id).toMatch(/assessments/);
    }
  });
});
