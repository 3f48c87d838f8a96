/**
 * Section 47 enquiries awaiting their initial child protection conference:
 * open until the conference, the enquiry's end, or a decision that none is
 * needed; due by the strategy discussion (else the enquiry start) + 15
 * working days, as icpc_15wd.
 */
import { describeDuration } from '../../../core/duration.js';
import { icpc15wd, icpcDue } from '../../../measures/icpc-15wd.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const icpcKind: WorklistKind = {
  id: 'icpc',
  title: 'ICPC after a strategy discussion',
  measure: icpc15wd,
  *items(data, { asAt, calendar, rules }) {
    for (const e of need(data, 's47')) {
      if (e.startDate > asAt || e.icpcNotRequired === true) continue;
      if ((e.icpcDate !== null && e.icpcDate <= asAt) || (e.endDate !== null && e.endDate <= asAt)) continue;
      const { due, clock, from } = icpcDue(e, rules, calendar);
      yield {
        extract: 's47',
        line: e.line,
        key: e.key,
        childId: e.childId,
        team: e.team,
        worker: e.worker,
        clockEvent: from,
        clockDate: clock,
        due,
        rule: `hold the ICPC by ${from === 'strategy discussion' ? 'strategy_date' : 'start_date'} + ${describeDuration(rules.icpcWithin)} (${icpc15wd.id})`,
      };
    }
  },
};
