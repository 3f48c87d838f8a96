import { iso, openAt, PLAN_DATES } from './common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * The average age of the child protection plans open at the snapshot S:
 * the mean of (S - start_date) in calendar days. Numerator: the sum of the
 * days; denominator: the number of plans open at S.
 */
export const cpOpenAvgDays = defineMeasure({
  id: 'cp_open_avg_days',
  title: 'Average days open of child protection plans',
  unit: 'days',
  scale: 1,
  direction: 'lower',
  needs: { cp_plans: ['end_date'] },
  rule: () => 'mean of (S - start_date) in calendar days over the plans open at the snapshot S',
  doc: {
    text: 'The average age of the plans open at S: the mean of (S − start date) in calendar days (a plan starting on S is 0 days old). Numerator the sum of days, denominator the number of plans.',
  },
  evaluate(data, _context, out) {
    out.from('cp_plans');
    for (const plan of need(data, 'cp_plans')) {
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (!openAt(out, p, plan, plan.startDate, plan.endDate, s, PLAN_DATES)) return;
        const days = s - plan.startDate;
        out.add(p, plan, days, 1, out.observing ? { start_date: iso(plan.startDate), end_date: iso(plan.endDate), snapshot: iso(s), days_open: days } : undefined);
      });
    }
  },
});
