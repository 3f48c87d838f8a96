import { addMonths } from '../core/day.js';
import { iso, openAt, PLAN_DATES } from './common.js';
import { CP_LONG_MONTHS, isLongPlan } from './cp-common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Child protection plans open at the snapshot S; the numerator is those open
 * nine months or more (S on or after the start date plus nine calendar months).
 */
export const cpOver9m = defineMeasure({
  id: 'cp_over_9m',
  title: 'Child protection plans open 9 months or more',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { cp_plans: ['end_date'] },
  rule: () =>
    `plans open at the snapshot S (start_date <= S, no end_date or end_date > S); counted when S >= addMonths(start_date, ${CP_LONG_MONTHS})`,
  doc: {
    text: 'Child protection plans open at S, as a percentage: those open nine months or more, i.e. S is on or after the start date plus nine calendar months.',
  },
  evaluate(data, _context, out) {
    out.from('cp_plans');
    for (const plan of need(data, 'cp_plans')) {
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (!openAt(out, p, plan, plan.startDate, plan.endDate, s, PLAN_DATES)) return;
        const detail = out.observing
          ? {
              start_date: iso(plan.startDate),
              end_date: iso(plan.endDate),
              nine_months: iso(addMonths(plan.startDate, CP_LONG_MONTHS)),
              snapshot: iso(s),
              days_open: s - plan.startDate,
            }
          : undefined;
        if (isLongPlan(plan.startDate, s)) out.met(p, plan, detail);
        else out.notMet(p, plan, detail);
      });
    }
  },
});
