import { describeDuration } from '../core/duration.js';
import { iso, openAt, PLAN_DATES } from './common.js';
import { HISTORY_BEFORE_EXTRACT, historyBefore } from './coverage.js';
import { cpReviewDueAt, cpReviewSettings, scheduleCpReviews } from './cp-reviews-common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Plans open at the snapshot S whose next review conference is overdue at
 * S: the backlog `cp_reviews_in_time` cannot see, since a review not yet
 * held is in no period. The next review is due 6 months after the plan's
 * latest review held on or before S, or 3 months after the plan's start
 * when it has had none (configurable, as for `cp_reviews_in_time`);
 * overdue when that day is before S.
 */
export const cpReviewsOverdue = defineMeasure({
  id: 'cp_reviews_overdue',
  title: 'Child protection plans with a review overdue',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { cp_plans: ['end_date'], cp_reviews: [] },
  settings: [cpReviewSettings],
  rule: (rules) =>
    `plans open at the snapshot S; due = the plan's latest review held on or before S + ${describeDuration(rules.cpReviewEvery)}, else plan start + ${describeDuration(rules.cpReviewFirst)}; counted when due < S`,
  doc: {
    text: "Child protection plans open at S: the percentage whose next review is overdue at S. The next review is due 6 months after the plan's latest review held on or before S, or 3 months after the plan started if it has had none (as for `cp_reviews_in_time`); overdue if that day is before S. A plan begun before the reviews extract's `coverageFrom` is left out (`history-before-extract`).",
  },
  evaluate(data, context, out) {
    const schedule = scheduleCpReviews(data, context);
    const plans = need(data, 'cp_plans');
    out.from('cp_plans');
    for (let row = 0; row < plans.length; row++) {
      const plan = plans.get(row);
      const chain = schedule.byPlan.get(row) ?? [];
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (!openAt(out, p, plan, plan.startDate, plan.endDate, s, PLAN_DATES)) return;
        const { due, from, clock } = cpReviewDueAt(plan.startDate, chain, s, context.rules, context.calendar);
        const latest = from === 'previous review' ? clock : null;
        const detail = out.observing
          ? { start_date: iso(plan.startDate), end_date: iso(plan.endDate), latest_review: iso(latest), due: iso(due), snapshot: iso(s) }
          : undefined;
        if (historyBefore(context, 'cp_reviews', plan.startDate)) out.exclude(p, plan, HISTORY_BEFORE_EXTRACT, detail);
        else if (due < s) out.met(p, plan, detail);
        else out.notMet(p, plan, detail);
      });
    }
  },
});
