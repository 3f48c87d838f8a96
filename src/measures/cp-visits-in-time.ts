import { describeDuration } from '../core/duration.js';
import { iso, openAt, PLAN_DATES } from './common.js';
import { countedVisitDays, cpVisitDueAt, cpVisitSettings } from './cp-visits-common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Plans open at the snapshot S whose child was visited in time: the last
 * visit is the latest visit_date of the child from the plan's start up to
 * S, not counting visits where the child was not seen; the plan is due
 * (last visit, else plan start) + 10 working days (configurable); met when
 * S is on or before that day.
 */
export const cpVisitsInTime = defineMeasure({
  id: 'cp_visits_in_time',
  title: 'Children on a plan visited within timescale',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { cp_plans: ['end_date'], cp_visits: [] },
  settings: [cpVisitSettings],
  rule: (rules) =>
    `plans open at the snapshot S; due = (latest visit_date of the child between plan start and S, leaving out visits with seen = no, else plan start) + ${describeDuration(rules.cpVisitEvery)}; met when S <= due`,
  doc: {
    text: "Child protection plans open at S. The last visit is the child's latest visit dated from the plan's start up to S; a visit where the child was not seen (`seen` = no) does not count (blank counts). The plan is due (last visit, or the plan start if none) plus 10 working days (configurable). Met if S is on or before that due date.",
  },
  evaluate(data, { calendar, rules }, out) {
    const visits = countedVisitDays(need(data, 'cp_visits'));
    out.from('cp_plans');
    for (const plan of need(data, 'cp_plans')) {
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (!openAt(out, p, plan, plan.startDate, plan.endDate, s, PLAN_DATES)) return;
        const { due, last } = cpVisitDueAt(visits, plan, s, rules, calendar);
        const detail = out.observing
          ? { start_date: iso(plan.startDate), end_date: iso(plan.endDate), last_visit: iso(last), due: iso(due), snapshot: iso(s) }
          : undefined;
        if (s <= due) out.met(p, plan, detail);
        else out.notMet(p, plan, detail);
      });
    }
  },
});
