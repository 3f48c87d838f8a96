import { claReviewDueAt, isOpenAt, isShortBreaks, scheduleClaReviews, SHORT_BREAKS } from './cla-common.js';
import { iso } from './common.js';
import { HISTORY_BEFORE_EXTRACT, historyBefore } from './coverage.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * The backlog of looked-after reviews: periods of care open at S whose next
 * review, worked out from the reviews held on or before S, was due before S.
 */
export const claReviewsOverdue = defineMeasure({
  id: 'cla_reviews_overdue',
  title: 'Periods of care with a looked-after review overdue',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { cla_periods: ['end_date'], cla_reviews: [] },
  rule: () =>
    'periods of care open at S; counted when the next review (from the reviews held on or before S: 20 working days after the start, then 3 months after the first, then 6 months after the previous) was due before S',
  doc: {
    text: 'Periods of care open at S: those whose next looked-after review was due before S, the due date worked out as for `cla_reviews_in_time` from the reviews of the period held on or before S. Short-break periods are left out (`short-breaks`); with the reviews extract\'s `coverageFrom`, so are periods that started before it (`history-before-extract`).',
  },
  evaluate(data, context, out) {
    const periods = need(data, 'cla_periods');
    const reviews = need(data, 'cla_reviews');
    const schedule = scheduleClaReviews(data, context.calendar);
    out.from('cla_periods');
    for (let row = 0; row < periods.length; row++) {
      const period = periods.get(row);
      const held = (schedule.byPeriod.get(row) ?? []).map((r) => reviews.get(r).reviewDate);
      out.periods.forEach((pp, p) => {
        const s = pp.snapshot;
        if (!isOpenAt(period.startDate, period.endDate, s)) return;
        if (isShortBreaks(period)) return out.exclude(p, period, SHORT_BREAKS);
        if (historyBefore(context, 'cla_reviews', period.startDate)) return out.exclude(p, period, HISTORY_BEFORE_EXTRACT);
        const next = claReviewDueAt(period.startDate, held, s, context.calendar);
        const before = next.before;
        const detail = out.observing
          ? { period_start: iso(period.startDate), reviews_held: before.length, last_review: iso(before[before.length - 1] ?? null), due: iso(next.due), snapshot: iso(s) }
          : undefined;
        if (next.due < s) out.met(p, period, detail);
        else out.notMet(p, period, detail);
      });
    }
  },
});
