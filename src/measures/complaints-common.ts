/**
 * What the complaint measures share: the response timescales (`complaints:`
 * in the configuration) and the due date of one complaint, which the
 * worklist reuses.
 */
import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { addDuration, describeDuration, type Duration } from '../core/duration.js';
import type { Complaint } from '../normalise/extracts.js';
import { defineSettings, durationSchema, setting } from './settings.js';

/** The `complaints:` section of the configuration. */
export const complaintSettings = defineSettings({
  key: 'complaints',
  settings: {
    timescale: setting(durationSchema, {
      default: '10wd',
      comment: ['Time allowed for a stage 1 response, from the day of receipt (day 0).'],
    }),
    extendedTimescale: setting(durationSchema, {
      default: '20wd',
      comment: ['Time allowed when the extension was agreed (extended = yes).'],
    }),
  },
  rules: (values) => ({ complaintTimescale: values.timescale, complaintExtendedTimescale: values.extendedTimescale }),
});

export interface ComplaintRules {
  readonly complaintTimescale: Duration;
  readonly complaintExtendedTimescale: Duration;
}

/** The only stage whose responses are timed. */
export const STAGE_1 = '1';
export const NOT_STAGE_1 = 'not-stage-1';

/**
 * When a complaint's response is due and what started the clock: the day of
 * receipt plus 10 working days, or 20 when the extension was agreed (both
 * configurable).
 * @example complaintDue({ receivedDate: Mon 5 Oct 2020, extended: null }, rules, calendar) //=> { due: Mon 19 Oct 2020, clockStart: 'received_date' }
 */
export function complaintDue(
  complaint: Pick<Complaint, 'receivedDate' | 'extended'>,
  rules: ComplaintRules,
  calendar: WorkingCalendar,
): { readonly due: Day; readonly clockStart: 'received_date'; readonly timescale: Duration } {
  const timescale = complaint.extended === true ? rules.complaintExtendedTimescale : rules.complaintTimescale;
  return { due: addDuration(complaint.receivedDate, timescale, calendar), clockStart: 'received_date', timescale };
}

export function timescalesText(rules: ComplaintRules): string {
  return `${describeDuration(rules.complaintTimescale)} (${describeDuration(rules.complaintExtendedTimescale)} when extended)`;
}
