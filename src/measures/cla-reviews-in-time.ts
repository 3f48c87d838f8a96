import { isShortBreaks, scheduleClaReviews, SHORT_BREAKS } from './cla-common.js';
import { iso } from './common.js';
import { HISTORY_BEFORE_EXTRACT, historyBefore } from './coverage.js';
import { defineMeasure } from './define.js';
import { NO_DAY } from './indexes.js';
import { need } from './types.js';

/**
 * Looked-after reviews held in time (Care Planning Regulations, reg. 33):
 * reviews held in P, each in its period of care; the first is due 20
 * working days after the period started, the second 3 months after the
 * first, each later one 6 months after the previous (cla-common.ts).
 */
export const claReviewsInTime = defineMeasure({
  id: 'cla_reviews_in_time',
  title: 'Looked-after reviews held within timescale',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { cla_reviews: [], cla_periods: ['end_date'] },
  rule: () =>
    'reviews with review_date in the period, each in the child\'s period of care open on that date; the first due by addWorkingDays(period start, 20), the second by addMonths(first, 3), later ones by addMonths(previous, 6); met when held on or before due',
  doc: {
    text: 'Looked-after reviews held in P. Each belongs to the child\'s period of care open on the review date (none: left out as `no-period`). Within a period, in date order, the first review is due 20 working days after the period started, the second 3 months after the first, and each later one 6 months after the one before (the Care Planning Regulations). Met: held on or before its due date. Reviews of short-break periods are left out (`short-breaks`); with the reviews extract\'s `coverageFrom`, so are reviews of periods that started before it (`history-before-extract`).',
  },
  evaluate(data, context, out) {
    const reviews = need(data, 'cla_reviews');
    const periods = need(data, 'cla_periods');
    const schedule = scheduleClaReviews(data, context.calendar);
    out.from('cla_reviews');
    for (let row = 0; row < reviews.length; row++) {
      const review = reviews.get(row);
      const ps = out.periodsOf(review.reviewDate);
      if (ps.length === 0) {
        if (out.observingSkipped) out.skip(-1, review, 'not-in-period', { review_date: iso(review.reviewDate) });
        continue;
      }
      const periodRow = schedule.period[row]!;
      if (periodRow < 0) {
        for (const p of ps) out.exclude(p, review, 'no-period', out.observing ? { review_date: iso(review.reviewDate) } : undefined);
        continue;
      }
      const period = periods.get(periodRow);
      const reason = isShortBreaks(period) ? SHORT_BREAKS : historyBefore(context, 'cla_reviews', period.startDate) ? HISTORY_BEFORE_EXTRACT : null;
      const due = schedule.due[row]!;
      const detail = out.observing
        ? {
            review_date: iso(review.reviewDate),
            period: period.key,
            period_start: iso(period.startDate),
            sequence: schedule.sequence[row]!,
            due: due === NO_DAY ? null : iso(due),
          }
        : undefined;
      // A review counts for the team and worker of its period of care.
      for (const p of ps) {
        if (reason !== null) out.exclude(p, review, reason, detail, period);
        else if (review.reviewDate <= due) out.met(p, review, detail, period);
        else out.notMet(p, review, detail, period);
      }
    }
  },
});

