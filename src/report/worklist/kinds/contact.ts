/** Contacts awaiting a decision: due by the contact date plus the timescale, as contacts_1wd. */
import { describeDuration } from '../../../core/duration.js';
import { contactDeadline, contacts1wd } from '../../../measures/contacts-1wd.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const contactKind: WorklistKind = {
  id: 'contact',
  title: 'Contact awaiting decision',
  measure: contacts1wd,
  *items(data, { calendar, rules }) {
    const rule = `decide by contact_date + ${describeDuration(rules.contactTimescale)} (${contacts1wd.id})`;
    for (const c of need(data, 'contacts')) {
      if (c.decisionDate !== null) continue;
      yield {
        extract: 'contacts',
        line: c.line,
        key: c.key,
        childId: c.childId,
        team: c.team,
        worker: c.worker,
        clockEvent: 'contact',
        clockDate: c.contactDate,
        due: contactDeadline(c.contactDate, rules, calendar),
        rule,
      };
    }
  },
};
