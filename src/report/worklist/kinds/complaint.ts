/**
 * Stage 1 complaints received by as-at and not yet answered: due by the day
 * of receipt + 10 working days, or 20 when extended (both configurable), as
 * complaints_overdue (and complaints_in_time).
 */
import { describeDuration } from '../../../core/duration.js';
import { complaintDue, STAGE_1 } from '../../../measures/complaints-common.js';
import { complaintsOverdue } from '../../../measures/complaints-overdue.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const complaintKind: WorklistKind = {
  id: 'complaint',
  title: 'Complaint response',
  measure: complaintsOverdue,
  *items(data, { asAt, calendar, rules }) {
    for (const c of need(data, 'complaints')) {
      if (c.stage !== STAGE_1 || c.receivedDate > asAt || (c.responseDate !== null && c.responseDate <= asAt)) continue;
      const { due, timescale } = complaintDue(c, rules, calendar);
      yield {
        extract: 'complaints',
        line: c.line,
        key: c.key,
        childId: c.childId,
        team: c.team,
        worker: c.worker,
        clockEvent: 'received',
        clockDate: c.receivedDate,
        due,
        rule: `respond by received_date + ${describeDuration(timescale)}${c.extended === true ? ' (extended)' : ''} (${complaintsOverdue.id})`,
      };
    }
  },
};
