import { isShortBreaks, perChild, scheduleClaReviews, SHORT_BREAKS } from './cla-common.js';
import { iso } from './common.js';
import { HISTORY_BEFORE_EXTRACT, historyBefore } from './coverage.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Permanence planning: periods of care whose second looked-after review
 * falls in P, met when that review or the first recorded a plan for
 * permanence. Periods count whether or not they have ended.
 */
export const claPermanenceBy2ndReview = defineMeasure({
  id: 'cla_permanence_by_2nd_review',
  title: 'Children in care with a permanence plan by their second review',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { cla_reviews: ['permanence_plan'], cla_periods: [] },
  rule: () => 'periods of care whose second review (reviews in date order within the period) is in the period; met when the first or second review has permanence_plan yes',
  doc: {
    text: 'Periods of care whose second looked-after review is in P (reviews placed in periods as for `cla_reviews_in_time`; ended periods count too): met when the first or the second review recorded a permanence plan. Short-break periods are left out (`short-breaks`), and, with the reviews extract\'s `coverageFrom`, periods that started before it (`history-before-extract`).',
  },
  evaluate(data, context, out) {
    const reviews = need(data, 'cla_reviews');
    const periods = need(data, 'cla_periods');
    const schedule = scheduleClaReviews(data, context.calendar);
    out.from('cla_reviews');
    for (const [periodRow, list] of schedule.byPeriod) {
      if (list.length < 2) continue;
      const first = reviews.get(list[0]!);
      const second = reviews.get(list[1]!);
      const ps = out.periodsOf(second.reviewDate);
      if (ps.length === 0) continue;
      const period = periods.get(periodRow);
      const counted = perChild(second, [first.line, second.line]);
      const detail = out.observing
        ? {
            period: period.key,
            period_start: iso(period.startDate),
            first_review: iso(first.reviewDate),
            first_permanence_plan: first.permanencePlan === null ? null : first.permanencePlan ? 'yes' : 'no',
            second_review: iso(second.reviewDate),
            second_permanence_plan: second.permanencePlan === null ? null : second.permanencePlan ? 'yes' : 'no',
          }
        : undefined;
      const reason = isShortBreaks(period) ? SHORT_BREAKS : historyBefore(context, 'cla_reviews', period.startDate) ? HISTORY_BEFORE_EXTRACT : null;
      for (const p of ps) {
        if (reason !== null) out.exclude(p, counted, reason, detail, period);
        else if (first.permanencePlan === true || second.permanencePlan === true) out.met(p, counted, detail, period);
        else out.notMet(p, counted, detail, period);
      }
    }
  },
});
