/**
 * The next review conference of each child protection plan open at as-at:
 * due by the latest review held + 6 months, else the plan start + 3 months
 * (both configurable), as cp_reviews_overdue (and cp_reviews_in_time).
 */
import { describeDuration } from '../../../core/duration.js';
import { historyBefore } from '../../../measures/coverage.js';
import { cpReviewDueAt, scheduleCpReviews } from '../../../measures/cp-reviews-common.js';
import { cpReviewsOverdue } from '../../../measures/cp-reviews-overdue.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const cpReviewKind: WorklistKind = {
  id: 'cp-review',
  title: 'CP review',
  measure: cpReviewsOverdue,
  *items(data, context) {
    const { asAt, calendar, rules } = context;
    const schedule = scheduleCpReviews(data, context);
    const plans = need(data, 'cp_plans');
    for (let row = 0; row < plans.length; row++) {
      const plan = plans.get(row);
      // Open at as-at as at a snapshot; a plan begun before the reviews extract's coverage is left out, as by the measure.
      if (plan.startDate > asAt || (plan.endDate !== null && plan.endDate <= asAt)) continue;
      if (historyBefore(context, 'cp_reviews', plan.startDate)) continue;
      const { due, clock, from } = cpReviewDueAt(plan.startDate, schedule.byPlan.get(row) ?? [], asAt, rules, calendar);
      yield {
        extract: 'cp_plans',
        line: plan.line,
        key: plan.key,
        childId: plan.childId,
        team: plan.team,
        worker: plan.worker,
        clockEvent: from === 'plan start' ? 'plan start' : 'last review',
        clockDate: clock,
        due,
        rule:
          from === 'plan start'
            ? `first review by plan start_date + ${describeDuration(rules.cpReviewFirst)} (${cpReviewsOverdue.id})`
            : `next review by the last one + ${describeDuration(rules.cpReviewEvery)} (${cpReviewsOverdue.id})`,
      };
    }
  },
};
