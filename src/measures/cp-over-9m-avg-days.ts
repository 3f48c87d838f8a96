import { iso, openAt, PLAN_DATES } from './common.js';
import { CP_LONG_MONTHS, isLongPlan } from './cp-common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * The mean number of calendar days open, at the snapshot S, of the plans
 * counted in cp_over_9m's numerator. Numerator: the sum of (S - start_date);
 * denominator: the number of those plans.
 */
export const cpOver9mAvgDays = defineMeasure({
  id: 'cp_over_9m_avg_days',
  title: 'Average days open of plans open 9 months or more',
  unit: 'days',
  scale: 1,
  direction: 'lower',
  needs: { cp_plans: ['end_date'] },
  rule: () =>
    `mean of (S - start_date) in calendar days over the plans open at the snapshot S for ${CP_LONG_MONTHS} months or more`,
  doc: {
    text: 'The average of (S − start date) in calendar days over the plans counted in the numerator of `cp_over_9m`: numerator the sum of days, denominator the number of plans.',
  },
  evaluate(data, _context, out) {
    out.from('cp_plans');
    for (const plan of need(data, 'cp_plans')) {
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (!openAt(out, p, plan, plan.startDate, plan.endDate, s, PLAN_DATES)) return;
        const days = s - plan.startDate;
        const detail = out.observing
          ? { start_date: iso(plan.startDate), end_date: iso(plan.endDate), snapshot: iso(s), days_open: days }
          : undefined;
        if (isLongPlan(plan.startDate, s)) out.add(p, plan, days, 1, detail);
        else out.exclude(p, plan, 'under-9-months', detail);
      });
    }
  },
});
