import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { addDuration, describeDuration, type Duration } from '../core/duration.js';
import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { defineSettings, durationSchema, setting } from './settings.js';
import { need } from './types.js';

/** The `contacts:` section of the configuration. */
export const contactSettings = defineSettings({
  key: 'contacts',
  settings: {
    timescale: setting(durationSchema, { default: '1wd', comment: ['Time allowed to decide a contact, from the contact date.'] }),
  },
  rules: (values) => ({ contactTimescale: values.timescale }),
});

/**
 * The day a contact must be decided by: its contact date plus the timescale
 * (one working day by default), so a contact on Friday is due by Monday.
 * Decided on or before it: met. Shared by contacts_1wd and the worklist.
 * @example contactDeadline(Fri 29 Jan 2021, { contactTimescale: 1wd }, cal) //=> Mon 1 Feb 2021
 */
export function contactDeadline(contactDate: Day, rules: { readonly contactTimescale: Duration }, calendar: WorkingCalendar): Day {
  return addDuration(contactDate, rules.contactTimescale, calendar);
}

/**
 * Contacts decided within the timescale (one working day by default).
 *
 * Counts contacts whose contact date falls in the period. The deadline is the
 * contact date plus the timescale, so a contact on Friday is due by Monday.
 * Met: decided on or before the deadline. Not met: decided after it, or not
 * decided and the as-at date is past the deadline. Pending: not decided and
 * the deadline has not passed on the as-at date; left out of the denominator.
 */
export const contacts1wd = defineMeasure({
  id: 'contacts_1wd',
  title: (rules) => `Contacts decided within ${describeDuration(rules.contactTimescale)}`,
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { contacts: ['decision_date'] },
  settings: [contactSettings],
  rule: (rules) =>
    `contacts with contact_date in the period; met when decided on or before contact_date + ${describeDuration(rules.contactTimescale)}; undecided contacts still within the timescale on the as-at date are pending and left out`,
  doc: {
    text: 'Contacts with their contact date in P. Each is due one working day after its contact date (the timescale is configurable). Met if decided on or before that day; not met if decided later, or not decided and the due day has passed by the as-at date. A contact not decided whose due day is on or after the as-at date is *pending*: left out of the denominator and counted as `pending`.',
  },
  evaluate(data, { asAt, calendar, rules }, out) {
    out.from('contacts');
    // Contacts share few dates: each date's deadline is worked out once.
    const deadlines = new Map<Day, Day>();
    for (const c of need(data, 'contacts')) {
      const contactDate = c.contactDate;
      const ps = out.periodsOf(contactDate);
      if (ps.length === 0) {
        if (out.observingSkipped) out.skip(-1, c, 'not-in-period', { contact_date: iso(contactDate) });
        continue;
      }
      let deadline = deadlines.get(contactDate);
      if (deadline === undefined) {
        deadline = contactDeadline(contactDate, rules, calendar);
        deadlines.set(contactDate, deadline);
      }
      const decided = c.decisionDate;
      const detail = out.observing ? { contact_date: iso(contactDate), decision_date: iso(decided), deadline: iso(deadline), as_at: iso(asAt) } : undefined;
      const outcome = decided !== null ? (decided <= deadline ? 'met' : 'not-met') : asAt > deadline ? 'not-met' : 'pending';
      for (const p of ps) {
        if (outcome === 'met') out.met(p, c, detail);
        else if (outcome === 'not-met') out.notMet(p, c, detail);
        else out.exclude(p, c, 'pending', detail);
      }
    }
  },
});
