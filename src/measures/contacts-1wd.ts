import { addDuration, describeDuration } from '../core/duration.js';
import { iso } from './common.js';
import { type Measure, need } from './types.js';

/**
 * Contacts decided within the timescale (one working day by default).
 *
 * Counts contacts whose contact date falls in the period. The deadline is the
 * contact date plus the timescale, so a contact on Friday is due by Monday.
 * Met: decided on or before the deadline. Not met: decided after it, or not
 * decided and the as-at date is past the deadline. Pending: not decided and
 * the deadline has not passed on the as-at date; left out of the denominator.
 */
export const contacts1wd: Measure = {
  id: 'contacts_1wd',
  title: 'Contacts decided within 1 working day',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  extracts: ['contacts'],
  rule: (rules) =>
    `contacts with contact_date in the period; met when decided on or before contact_date + ${describeDuration(rules.contactTimescale)}; undecided contacts still within the timescale on the as-at date are pending and left out`,
  evaluate(data, { asAt, calendar, rules }, out) {
    out.from('contacts');
    for (const c of need(data, 'contacts')) {
      const p = out.periodOf(c.contactDate);
      if (p < 0) {
        if (out.observingSkipped) out.skip(p, c, 'not-in-period', { contact_date: iso(c.contactDate) });
        continue;
      }
      const deadline = addDuration(c.contactDate, rules.contactTimescale, calendar);
      const detail = out.observing
        ? { contact_date: iso(c.contactDate), decision_date: iso(c.decisionDate), deadline: iso(deadline), as_at: iso(asAt) }
        : undefined;
      if (c.decisionDate !== null) {
        if (c.decisionDate <= deadline) out.met(p, c, detail);
        else out.notMet(p, c, detail);
      } else if (asAt > deadline) {
        out.notMet(p, c, detail);
      } else {
        out.exclude(p, c, 'pending', detail);
      }
    }
  },
};
