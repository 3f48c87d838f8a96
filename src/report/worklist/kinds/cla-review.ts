/**
 * The next looked-after review of each period of care open at as-at (short
 * breaks aside): due 20 working days after the period starts, then 3 months
 * after the first review, then 6 months after the previous, as
 * cla_reviews_overdue (and cla_reviews_in_time).
 */
import { claReviewDueAt, FIRST_REVIEW_WD, isOpenAt, isShortBreaks, LATER_REVIEW_MONTHS, scheduleClaReviews, SECOND_REVIEW_MONTHS } from '../../../measures/cla-common.js';
import { claReviewsOverdue } from '../../../measures/cla-reviews-overdue.js';
import { historyBefore } from '../../../measures/coverage.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

const EVENTS = { 'period-start': 'period start', 'first-review': 'first review', 'previous-review': 'last review' } as const;
const RULES = {
  'period-start': `first review by period start_date + ${FIRST_REVIEW_WD} working days`,
  'first-review': `second review by the first + ${SECOND_REVIEW_MONTHS} months`,
  'previous-review': `next review by the last one + ${LATER_REVIEW_MONTHS} months`,
} as const;

export const claReviewKind: WorklistKind = {
  id: 'cla-review',
  title: 'CLA review',
  measure: claReviewsOverdue,
  *items(data, context) {
    const { asAt, calendar } = context;
    const periods = need(data, 'cla_periods');
    const reviews = need(data, 'cla_reviews');
    const schedule = scheduleClaReviews(data, calendar);
    for (let row = 0; row < periods.length; row++) {
      const period = periods.get(row);
      // As the measure: open at as-at, not short breaks, not begun before the reviews extract's coverage.
      if (!isOpenAt(period.startDate, period.endDate, asAt) || isShortBreaks(period)) continue;
      if (historyBefore(context, 'cla_reviews', period.startDate)) continue;
      const held = (schedule.byPeriod.get(row) ?? []).map((r) => reviews.get(r).reviewDate);
      const { due, from, since } = claReviewDueAt(period.startDate, held, asAt, calendar);
      yield {
        extract: 'cla_periods',
        line: period.line,
        key: period.key,
        childId: period.childId,
        team: period.team,
        worker: period.worker,
        clockEvent: EVENTS[from],
        clockDate: since,
        due,
        rule: `${RULES[from]} (${claReviewsOverdue.id})`,
      };
    }
  },
};
