/**
 * Case supervision of each open case: due by the last supervision since the
 * case start (else the case start) plus the interval for the case type, as
 * supervision_in_time.
 */
import { describeDuration } from '../../../core/duration.js';
import { supervisionDays, supervisionDue, supervisionInTime } from '../../../measures/supervision-in-time.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const supervisionKind: WorklistKind = {
  id: 'supervision',
  title: 'Case supervision',
  measure: supervisionInTime,
  *items(data, { asAt, calendar, rules }) {
    const supervisions = supervisionDays(data);
    for (const c of need(data, 'cases')) {
      // Open at as-at as at a snapshot: a case that ends on the day is closed.
      if (c.startDate > asAt || (c.endDate !== null && c.endDate <= asAt)) continue;
      const { last, interval, due } = supervisionDue(c, supervisions, asAt, rules, calendar);
      yield {
        extract: 'cases',
        line: c.line,
        key: c.key,
        childId: c.childId,
        team: c.team,
        worker: c.worker,
        clockEvent: last === null ? 'case start' : 'last supervision',
        clockDate: last ?? c.startDate,
        due,
        rule: `supervise by ${last === null ? 'case start_date' : 'the last supervision'} + ${describeDuration(interval)}${c.caseType === null ? '' : ` (${c.caseType})`} (${supervisionInTime.id})`,
      };
    }
  },
};
