import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { addDuration, describeDuration } from '../core/duration.js';
import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { defineSettings, durationSchema, type RulesOf, setting } from './settings.js';
import { need } from './types.js';

/** The `icpc:` section of the configuration. */
export const icpcSettings = defineSettings({
  key: 'icpc',
  settings: {
    within: setting(durationSchema, {
      default: '15wd',
      comment: ['Initial child protection conference after the strategy discussion (else the section 47 start).'],
    }),
  },
  rules: (values) => ({ icpcWithin: values.within }),
});

export type IcpcRules = RulesOf<typeof icpcSettings>;

/** When an enquiry's initial conference is due, and the event its clock runs from. */
export interface IcpcDue {
  readonly due: Day;
  readonly clock: Day;
  readonly from: 'strategy discussion' | 'section 47 start';
}

/**
 * The due date of an enquiry's initial child protection conference: the
 * strategy discussion (when recorded, else the section 47 start) + 15
 * working days (as configured). Met when the conference is on or before it,
 * i.e. `workingDaysBetween(clock, icpc_date) <= 15`.
 * @example icpcDue({ strategyDate: null, startDate: Tue 22 Dec 2020 }, rules, cal).due //=> Thu 14 Jan 2021 (25, 28 Dec and 1 Jan are bank holidays)
 */
export function icpcDue(enquiry: { readonly strategyDate: Day | null; readonly startDate: Day }, rules: IcpcRules, calendar: WorkingCalendar): IcpcDue {
  const clock = enquiry.strategyDate ?? enquiry.startDate;
  return { due: addDuration(clock, rules.icpcWithin, calendar), clock, from: enquiry.strategyDate === null ? 'section 47 start' : 'strategy discussion' };
}

/** Section 47 enquiries whose initial child protection conference in the period was held within 15 working days. */
export const icpc15wd = defineMeasure({
  id: 'icpc_15wd',
  title: (rules) => `Initial child protection conferences within ${describeDuration(rules.icpcWithin)}`,
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { s47: ['icpc_date'] },
  settings: [icpcSettings],
  rule: (rules) =>
    `section 47 enquiries with icpc_date in the period; met when icpc_date <= (strategy_date, else start_date) + ${describeDuration(rules.icpcWithin)}`,
  doc: {
    text: 'Section 47 enquiries whose initial child protection conference (`icpc_date`) is in P. Met if the conference was within 15 working days (configurable) of the strategy discussion (`strategy_date`, or the enquiry\'s `start_date` when none is recorded), the start day being day 0: `workingDaysBetween(clock, icpc_date) <= 15`.',
  },
  evaluate(data, { calendar, rules }, out) {
    out.from('s47');
    for (const e of need(data, 's47')) {
      const ps = e.icpcDate === null ? NONE : out.periodsOf(e.icpcDate);
      if (e.icpcDate === null || ps.length === 0) {
        if (out.observingSkipped) out.skip(-1, e, e.icpcDate === null ? 'no-icpc' : 'not-in-period', { start_date: iso(e.startDate), icpc_date: iso(e.icpcDate) });
        continue;
      }
      const { due, clock } = icpcDue(e, rules, calendar);
      const detail = out.observing
        ? {
            strategy_date: iso(e.strategyDate),
            start_date: iso(e.startDate),
            clock_start: iso(clock),
            icpc_date: iso(e.icpcDate),
            working_days: calendar.workingDaysBetween(clock, e.icpcDate),
            due: iso(due),
          }
        : undefined;
      for (const p of ps) {
        if (e.icpcDate <= due) out.met(p, e, detail);
        else out.notMet(p, e, detail);
      }
    }
  },
});

const NONE: readonly number[] = [];
