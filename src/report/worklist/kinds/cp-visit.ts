/**
 * The next statutory visit of each child protection plan open at as-at: due
 * by the last visit the child was seen since the plan start (else the plan
 * start) + 10 working days (configurable), as cp_visits_in_time.
 */
import { describeDuration } from '../../../core/duration.js';
import { countedVisitDays, cpVisitDueAt } from '../../../measures/cp-visits-common.js';
import { cpVisitsInTime } from '../../../measures/cp-visits-in-time.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const cpVisitKind: WorklistKind = {
  id: 'cp-visit',
  title: 'CP visit',
  measure: cpVisitsInTime,
  *items(data, { asAt, calendar, rules }) {
    const visits = countedVisitDays(need(data, 'cp_visits'));
    for (const plan of need(data, 'cp_plans')) {
      if (plan.startDate > asAt || (plan.endDate !== null && plan.endDate <= asAt)) continue;
      const { due, clock, from } = cpVisitDueAt(visits, plan, asAt, rules, calendar);
      yield {
        extract: 'cp_plans',
        line: plan.line,
        key: plan.key,
        childId: plan.childId,
        team: plan.team,
        worker: plan.worker,
        clockEvent: from,
        clockDate: clock,
        due,
        rule: `visit by ${from === 'plan start' ? 'plan start_date' : 'the last visit'} + ${describeDuration(rules.cpVisitEvery)} (${cpVisitsInTime.id})`,
      };
    }
  },
};
