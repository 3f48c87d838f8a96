import { iso } from './common.js';
import { complaintDue, complaintSettings, NOT_STAGE_1, STAGE_1, timescalesText } from './complaints-common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Stage 1 complaints waiting for a response at the snapshot S, and of those
 * the share whose deadline had passed: the backlog `complaints_in_time`
 * cannot see until the answer is sent.
 */
export const complaintsOverdue = defineMeasure({
  id: 'complaints_overdue',
  title: 'Stage 1 complaints awaiting a response past their deadline',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { complaints: ['response_date'] },
  settings: [complaintSettings],
  rule: (rules) =>
    `stage 1 complaints received on or before S with no response on or before S; numerator those whose deadline (received_date + ${timescalesText(rules)}) is before S`,
  doc: {
    text: 'Stage 1 complaints received on or before S and not answered on or before S: the percentage whose deadline (as for `complaints_in_time`) is before S.',
  },
  evaluate(data, { calendar, rules }, out) {
    out.from('complaints');
    for (const c of need(data, 'complaints')) {
      const { due } = complaintDue(c, rules, calendar);
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        const waiting = c.receivedDate <= s && (c.responseDate === null || c.responseDate > s);
        const detail = out.observing
          ? { received_date: iso(c.receivedDate), response_date: iso(c.responseDate), stage: c.stage, extended: c.extended === true ? 'yes' : 'no', due: iso(due), snapshot: iso(s) }
          : undefined;
        if (!waiting) {
          if (out.observingSkipped) out.skip(p, c, c.receivedDate > s ? 'received-after-snapshot' : 'answered', detail);
          return;
        }
        if (c.stage !== STAGE_1) out.exclude(p, c, NOT_STAGE_1, detail);
        else if (due < s) out.met(p, c, detail);
        else out.notMet(p, c, detail);
      });
    }
  },
});
