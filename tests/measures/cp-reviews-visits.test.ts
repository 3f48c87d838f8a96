import { describe, expect, it } from 'vitest';
import { calendar, counts, cpPlan, cpReview, cpVisit, type CpVisitInput, day, outcome, rules, run } from '../helpers/records.js';
import { cpReviewDue } from '../../src/measures/cp-reviews-common.js';
import { cpReviewsInTime } from '../../src/measures/cp-reviews-in-time.js';
import { cpReviewsOverdue } from '../../src/measures/cp-reviews-overdue.js';
import { cpVisitsInTime } from '../../src/measures/cp-visits-in-time.js';
import { formatDay } from '../../src/core/day.js';

interface ReviewCase {
  readonly name: string;
  readonly planStart: string;
  readonly planEnd?: string;
  /** The reviews of the plan, in date order; the last is the one judged. */
  readonly reviews: readonly string[];
  readonly expected: string;
}

const REVIEWS: readonly ReviewCase[] = [
  { name: 'first review on its due date, 30 Nov 2020 + 3 months = 28 Feb 2021 (clamped)', planStart: '2020-11-30', reviews: ['2021-02-28'], expected: 'met' },
  { name: 'first review the day after its due date', planStart: '2020-11-30', reviews: ['2021-03-01'], expected: 'not-met' },
  { name: 'first review on its due date, 15 Oct 2020 + 3 months = 15 Jan 2021', planStart: '2020-10-15', reviews: ['2021-01-15'], expected: 'met' },
  { name: 'first review, 16 Jan 2021', planStart: '2020-10-15', reviews: ['2021-01-16'], expected: 'not-met' },
  { name: 'later review on its due date, 31 Aug 2020 + 6 months = 28 Feb 2021', planStart: '2020-05-31', reviews: ['2020-08-31', '2021-02-28'], expected: 'met' },
  { name: 'later review the day after its due date', planStart: '2020-05-31', reviews: ['2020-08-31', '2021-03-01'], expected: 'not-met' },
  { name: 'a late first review moves the next due date: 12 Oct 2020 + 6 months = 12 Apr 2021', planStart: '2020-05-04', reviews: ['2020-10-12', '2021-04-12'], expected: 'met' },
  { name: 'a third review runs from the second', planStart: '2020-01-06', reviews: ['2020-04-06', '2020-10-06', '2021-04-06'], expected: 'met' },
  { name: 'a review on the plan\'s end date belongs to the plan', planStart: '2020-11-02', planEnd: '2021-02-02', reviews: ['2021-02-02'], expected: 'met' },
  { name: 'a review after the plan ended has no plan', planStart: '2020-11-02', planEnd: '2021-02-02', reviews: ['2021-02-03'], expected: 'excluded:no-plan' },
  { name: 'a review before the plan started has no plan', planStart: '2021-02-04', reviews: ['2021-02-03'], expected: 'excluded:no-plan' },
];

describe('cp_reviews_in_time: first due plan start + 3 months, later ones previous + 6 months', () => {
  it.each(REVIEWS)('$name: $expected', (c) => {
    const plan = cpPlan({ startDate: c.planStart, endDate: c.planEnd ?? null });
    const reviews = c.reviews.map((d) => cpReview({ reviewDate: d }));
    const judged = reviews[reviews.length - 1]!;
    const month = formatDay(judged.reviewDate).slice(0, 7);
    const r = run(cpReviewsInTime, { cp_plans: [plan], cp_reviews: reviews }, { from: month });
    expect(outcome(r, judged, month)).toBe(c.expected);
  });

  it('two reviews the same day: the second is due 6 months after the first', () => {
    const plan = cpPlan({ startDate: '2020-11-02' });
    const a = cpReview({ reviewDate: '2021-02-01', reviewId: 'A' });
    const b = cpReview({ reviewDate: '2021-02-01', reviewId: 'B' });
    const r = run(cpReviewsInTime, { cp_plans: [plan], cp_reviews: [a, b] }, { from: '2021-02' });
    expect(r.periods['2021-02']).toEqual(counts(2, 2));
    expect(r.observations.map((o) => o.detail.due)).toEqual(['2021-02-02', '2021-08-01']);
  });

  it('a review belongs to the later-starting of two overlapping plans', () => {
    const old = cpPlan({ startDate: '2020-01-06' });
    const recent = cpPlan({ startDate: '2021-01-04' });
    const review = cpReview({ reviewDate: '2021-04-01' });
    const r = run(cpReviewsInTime, { cp_plans: [old, recent], cp_reviews: [review] }, { from: '2021-04' });
    expect(r.observations[0]!.detail.plan_start).toBe('2021-01-04');
    expect(outcome(r, review, '2021-04')).toBe('met');
  });

  it('with coverageFrom, reviews of plans begun before it are left out', () => {
    const old = cpPlan({ childId: '1', startDate: '2020-01-06' });
    const fresh = cpPlan({ childId: '2', startDate: '2020-11-02' });
    const data = { cp_plans: [old, fresh], cp_reviews: [cpReview({ childId: '1', reviewDate: '2021-02-01' }), cpReview({ childId: '2', reviewDate: '2021-02-01' })] };
    const r = run(cpReviewsInTime, data, { from: '2021-02', coverageFrom: { cp_reviews: '2020-04-01' } });
    expect(r.periods['2021-02']).toEqual(counts(1, 1, { 'history-before-extract': 1 }));
  });

  it('cpReviewDue clamps month ends', () => {
    const r = rules();
    const cal = calendar();
    expect(formatDay(cpReviewDue(day('2020-11-30'), null, r, cal).due)).toBe('2021-02-28');
    expect(formatDay(cpReviewDue(day('2020-11-30'), day('2021-08-31'), r, cal).due)).toBe('2022-02-28');
    expect(formatDay(cpReviewDue(day('2019-11-30'), null, r, cal).due)).toBe('2020-02-29');
  });
});

describe('cp_reviews_overdue: plans open at S whose next review was due before S', () => {
  it.each<[string, string, readonly string[], string, string]>([
    ['no review, due 31 Jan 2021 = S', '2020-10-31', [], '2021-01', 'not-met'],
    ['no review, due 31 Jan 2021, S = 28 Feb', '2020-10-31', [], '2021-02', 'met'],
    ['no review, 30 Nov + 3 months = 28 Feb = S', '2020-11-30', [], '2021-02', 'not-met'],
    ['reviewed 29 Jan: next due 29 Jul', '2020-10-31', ['2021-01-29'], '2021-02', 'not-met'],
    ['a review after S does not count', '2020-10-31', ['2021-03-01'], '2021-02', 'met'],
    ['last review 31 Aug 2020: due 28 Feb 2021 = S', '2020-05-31', ['2020-08-31'], '2021-02', 'not-met'],
    ['last review 31 Aug 2020: at 31 Mar 2021 overdue', '2020-05-31', ['2020-08-31'], '2021-03', 'met'],
  ])('%s', (_name, start, reviewDates, month, expected) => {
    const plan = cpPlan({ startDate: start });
    const r = run(cpReviewsOverdue, { cp_plans: [plan], cp_reviews: reviewDates.map((d) => cpReview({ reviewDate: d })) }, { from: month });
    expect(outcome(r, plan, month)).toBe(expected);
  });
});

interface VisitCase {
  readonly name: string;
  readonly visits: readonly CpVisitInput[];
  readonly planStart?: string;
  readonly month: string;
  readonly asAt?: string;
  readonly expected: string;
}

// S = Wed 31 Mar 2021 (a working day). 10 working days after Wed 17 Mar is Wed 31 Mar.
const VISITS: readonly VisitCase[] = [
  { name: 'last visit Wed 17 Mar: due exactly on S', visits: [{ visitDate: '2021-03-17' }], month: '2021-03', expected: 'met' },
  { name: 'last visit Tue 16 Mar: due Tue 30 Mar, before S', visits: [{ visitDate: '2021-03-16' }], month: '2021-03', expected: 'not-met' },
  { name: 'a visit with seen no does not count', visits: [{ visitDate: '2021-03-16' }, { visitDate: '2021-03-17', seen: false }], month: '2021-03', expected: 'not-met' },
  { name: 'a visit with seen blank counts', visits: [{ visitDate: '2021-03-16' }, { visitDate: '2021-03-17', seen: null }], month: '2021-03', expected: 'met' },
  { name: 'a visit on S counts', visits: [{ visitDate: '2021-03-31' }], month: '2021-03', expected: 'met' },
  { name: 'a visit after S does not count', visits: [{ visitDate: '2021-04-01' }], month: '2021-03', planStart: '2021-01-04', expected: 'not-met' },
  { name: 'no visit: due 10 working days after plan start Wed 17 Mar', visits: [], planStart: '2021-03-17', month: '2021-03', expected: 'met' },
  { name: 'a visit before the plan started does not count', visits: [{ visitDate: '2021-03-17' }], planStart: '2021-03-18', month: '2021-03', expected: 'met' },
  { name: 'a visit before the plan started does not count (an older plan)', visits: [{ visitDate: '2021-03-17' }], planStart: '2021-03-16', month: '2021-03', expected: 'met' },
  {
    name: 'the month in progress: S is as-at Mon 10 May; last visit Fri 23 Apr is due exactly then (3 May a bank holiday)',
    visits: [{ visitDate: '2021-04-23' }],
    month: '2021-05',
    asAt: '2021-05-10',
    expected: 'met',
  },
  {
    name: 'the month in progress: last visit Thu 22 Apr is due Fri 7 May',
    visits: [{ visitDate: '2021-04-22' }],
    month: '2021-05',
    asAt: '2021-05-10',
    expected: 'not-met',
  },
];

describe('cp_visits_in_time: open plans with (last visit, else plan start) + 10 working days on or after S', () => {
  it.each(VISITS)('$name: $expected', (c) => {
    const plan = cpPlan({ startDate: c.planStart ?? '2021-01-04' });
    const visits = c.visits.map((v) => cpVisit(v));
    const r = run(cpVisitsInTime, { cp_plans: [plan], cp_visits: visits }, { from: c.month, asAt: c.asAt ?? '2021-05-10' });
    expect(outcome(r, plan, c.month)).toBe(c.expected);
  });

  it("another child's visit does not count", () => {
    const plan = cpPlan({ childId: '1', startDate: '2021-01-04' });
    const r = run(cpVisitsInTime, { cp_plans: [plan], cp_visits: [cpVisit({ childId: '2', visitDate: '2021-03-30' })] }, { from: '2021-03' });
    expect(outcome(r, plan, '2021-03')).toBe('not-met');
  });
});
