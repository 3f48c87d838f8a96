/**
 * Child protection review conferences: which plan each review belongs to,
 * and when it was due (Working Together: the first review within three
 * months of the initial conference, then every six months; SPEC §8).
 *
 * A review belongs to the child's plan open on the review date (start_date
 * <= review_date, and no end_date or review_date <= end_date; of several,
 * the SPEC §3 tie-break of the shared `openIndex`). Within a plan, the
 * reviews as held, in date order (same date: file order), form a chain: the
 * first is due by `addMonths(plan start, 3)`, each later one by
 * `addMonths(previous review, 6)` (both configurable), month ends clamped
 * (a plan started 30 Nov 2020 has its first review due by 28 Feb 2021).
 * `cpReviewDue` is that rule for one link, shared with the worklist.
 */
import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { addDuration } from '../core/duration.js';
import { memoisePerRun, NO_DAY, openIndex } from './indexes.js';
import { defineSettings, durationSchema, type RulesOf, setting } from './settings.js';
import { type MeasureContext, type MeasureData, need } from './types.js';

/** The `cpReviews:` section of the configuration, read by both review measures. */
export const cpReviewSettings = defineSettings({
  key: 'cpReviews',
  settings: {
    firstWithin: setting(durationSchema, { default: '3m', comment: ['First review conference after the plan starts (the initial conference).'] }),
    thenEvery: setting(durationSchema, { default: '6m', comment: ['Each later review conference after the previous one.'] }),
  },
  rules: (values) => ({ cpReviewFirst: values.firstWithin, cpReviewEvery: values.thenEvery }),
});

export type CpReviewRules = RulesOf<typeof cpReviewSettings>;

/** When a plan's next review is due, and the event its clock runs from. */
export interface CpReviewDue {
  readonly due: Day;
  /** The plan's start (for its first review) or the previous review. */
  readonly clock: Day;
  readonly from: 'plan start' | 'previous review';
}

/**
 * The due date of a plan's next review: the plan start + 3 months for the
 * first, the previous review + 6 months for a later one (as configured).
 * @example cpReviewDue(30 Nov 2020, null, rules, cal) //=> { due: 28 Feb 2021, clock: 30 Nov 2020, from: 'plan start' }
 * @example cpReviewDue(30 Nov 2020, 31 Aug 2021, rules, cal) //=> { due: 28 Feb 2022, clock: 31 Aug 2021, from: 'previous review' }
 */
export function cpReviewDue(planStart: Day, previousReview: Day | null, rules: CpReviewRules, calendar: WorkingCalendar): CpReviewDue {
  if (previousReview === null) return { due: addDuration(planStart, rules.cpReviewFirst, calendar), clock: planStart, from: 'plan start' };
  return { due: addDuration(previousReview, rules.cpReviewEvery, calendar), clock: previousReview, from: 'previous review' };
}

/**
 * A plan's next review as seen at the snapshot S, from its chain of reviews
 * (`CpReviewSchedule.byPlan`): due after the latest held on or before S, else
 * after the plan start (`cpReviewDue`). Used by cp_reviews_overdue and the worklist.
 */
export function cpReviewDueAt(planStart: Day, chain: readonly Day[], s: Day, rules: CpReviewRules, calendar: WorkingCalendar): CpReviewDue {
  let latest: Day | null = null;
  for (const d of chain) if (d <= s) latest = d;
  return cpReviewDue(planStart, latest, rules, calendar);
}

/** Every review's place, by review row, in typed arrays. */
export interface CpReviewSchedule {
  /** The plan row, or -1 for a review with no plan open on its date. */
  readonly plan: Int32Array;
  /** 1 for the plan's first review. */
  readonly sequence: Int32Array;
  /** The previous review of the plan; NO_DAY for the first. */
  readonly previous: Int32Array;
  readonly due: Int32Array;
  /** Each plan row's review dates in chain order. */
  readonly byPlan: ReadonlyMap<number, readonly Day[]>;
}

/** Places every review in its plan and works out its due date (memoised per data and context). */
export function scheduleCpReviews(data: MeasureData, context: MeasureContext<CpReviewRules>): CpReviewSchedule {
  return schedules(data, context);
}

const schedules = memoisePerRun(buildScheduleCpReviews);

function buildScheduleCpReviews(data: MeasureData, context: MeasureContext<CpReviewRules>): CpReviewSchedule {
  const plans = openIndex(need(data, 'cp_plans'));
  const reviews = need(data, 'cp_reviews');
  const n = reviews.length;
  const schedule = {
    plan: new Int32Array(n).fill(-1),
    sequence: new Int32Array(n),
    previous: new Int32Array(n).fill(NO_DAY),
    due: new Int32Array(n).fill(NO_DAY),
    byPlan: new Map<number, Day[]>(),
  };
  const dates = new Int32Array(n);
  const placed: number[] = [];
  for (let row = 0; row < n; row++) {
    const review = reviews.get(row);
    dates[row] = review.reviewDate;
    const plan = plans.openOn(review.childId, review.reviewDate);
    if (plan >= 0) {
      schedule.plan[row] = plan;
      placed.push(row);
    }
  }
  // Within each plan, in date order, then file order.
  placed.sort((a, b) => schedule.plan[a]! - schedule.plan[b]! || dates[a]! - dates[b]! || a - b);
  let plan = -1;
  let chain: Day[] = [];
  for (const row of placed) {
    if (schedule.plan[row] !== plan) {
      plan = schedule.plan[row]!;
      chain = [];
      schedule.byPlan.set(plan, chain);
    }
    const previous = chain.length === 0 ? null : chain[chain.length - 1]!;
    schedule.sequence[row] = chain.length + 1;
    schedule.previous[row] = previous ?? NO_DAY;
    schedule.due[row] = cpReviewDue(plans.starts[plan]!, previous, context.rules, context.calendar).due;
    chain.push(dates[row]!);
  }
  return schedule;
}
