import { describeDuration } from '../core/duration.js';
import { iso } from './common.js';
import { HISTORY_BEFORE_EXTRACT, historyBefore } from './coverage.js';
import { cpReviewSettings, scheduleCpReviews } from './cp-reviews-common.js';
import { defineMeasure } from './define.js';
import { NO_DAY } from './indexes.js';
import { need } from './types.js';

/**
 * Child protection review conferences held in the period that were held on
 * or before their due date (cp-reviews-common.ts: 3 months after the plan
 * starts, then 6 months after the previous review). A review with no plan
 * open on its date is left out (`no-plan`); one of a plan begun before the
 * reviews extract's coverage (`mapping.cp_reviews.coverageFrom`) is left
 * out as `history-before-extract`, since its earlier reviews may be missing.
 * A review counts for its plan's team and worker.
 */
export const cpReviewsInTime = defineMeasure({
  id: 'cp_reviews_in_time',
  title: 'Child protection reviews held within timescale',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { cp_reviews: [], cp_plans: ['end_date'] },
  owner: 'cp_plans',
  settings: [cpReviewSettings],
  rule: (rules) =>
    `review conferences with review_date in the period, each in the child's plan open that day; the first of a plan is due by plan start + ${describeDuration(rules.cpReviewFirst)}, each later one by the previous review + ${describeDuration(rules.cpReviewEvery)}; met when held on or before the due date`,
  doc: {
    text: "Child protection review conferences dated in P. Each belongs to the child's plan open on its date (as for core groups); a review with no such plan is left out as `no-plan`. Within a plan, in date order, the first review is due 3 months after the plan starts (the initial conference) and each later one 6 months after the review before (both configurable; month ends clamp, so 30 Nov + 3 months is 28 Feb). Met if held on or before its due date.",
  },
  evaluate(data, context, out) {
    const schedule = scheduleCpReviews(data, context);
    const reviews = need(data, 'cp_reviews');
    const plans = need(data, 'cp_plans');
    out.from('cp_reviews');
    for (let row = 0; row < reviews.length; row++) {
      const review = reviews.get(row);
      const ps = out.periodsOf(review.reviewDate);
      const planRow = schedule.plan[row]!;
      const plan = planRow < 0 ? null : plans.get(planRow);
      const due = schedule.due[row]!;
      const detail = () => ({
        review_date: iso(review.reviewDate),
        plan: plan ? plan.key : null,
        plan_start: plan ? iso(plan.startDate) : null,
        sequence: schedule.sequence[row]! || null,
        previous_review: schedule.previous[row] === NO_DAY ? null : iso(schedule.previous[row]!),
        due: due === NO_DAY ? null : iso(due),
      });
      if (ps.length === 0) {
        // Earlier reviews matter to an auditor: they set the next one's due date.
        if (out.observingSkipped) out.skip(-1, review, 'not-in-period', detail());
        continue;
      }
      const shown = out.observing ? detail() : undefined;
      for (const p of ps) {
        if (!plan) out.exclude(p, review, 'no-plan', shown);
        else if (historyBefore(context, 'cp_reviews', plan.startDate)) out.exclude(p, review, HISTORY_BEFORE_EXTRACT, shown, plan);
        else if (review.reviewDate <= due) out.met(p, review, shown, plan);
        else out.notMet(p, review, shown, plan);
      }
    }
  },
});
