/**
 * Statutory visits to children on a child protection plan: the visits that
 * count, and when the next one is due (every 10 working days by default,
 * local procedure; SPEC §8). A visit recorded with `seen` no (the child was
 * not seen) is not a statutory visit and does not count; a blank `seen`, or
 * no `seen` column at all, counts. `cpVisitDueAt` is the rule for one plan
 * at a snapshot, shared with the worklist.
 */
import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { addDuration } from '../core/duration.js';
import type { CpVisit } from '../normalise/extracts.js';
import type { Records } from '../normalise/table.js';
import { type ChildDays, childIndex, childOf, lastAtOrBefore } from './indexes.js';
import { defineSettings, durationSchema, type RulesOf, setting } from './settings.js';

/** The `cpVisits:` section of the configuration. */
export const cpVisitSettings = defineSettings({
  key: 'cpVisits',
  settings: {
    every: setting(durationSchema, { default: '10wd', comment: ['Statutory visits to a child on a plan: at least this often.'] }),
  },
  rules: (values) => ({ cpVisitEvery: values.every }),
});

export type CpVisitRules = RulesOf<typeof cpVisitSettings>;

/** When a plan's next visit is due, and the event its clock runs from. */
export interface CpVisitDue {
  readonly due: Day;
  readonly clock: Day;
  readonly from: 'plan start' | 'last visit';
}

/**
 * The due date of a plan's next visit: (the last visit, else the plan start) + 10 working days (as configured).
 * @example cpVisitDue(Mon 4 Jan 2021, Fri 15 Jan 2021, rules, cal) //=> { due: Fri 29 Jan 2021, clock: Fri 15 Jan 2021, from: 'last visit' }
 */
export function cpVisitDue(planStart: Day, lastVisit: Day | null, rules: CpVisitRules, calendar: WorkingCalendar): CpVisitDue {
  const clock = lastVisit ?? planStart;
  return { due: addDuration(clock, rules.cpVisitEvery, calendar), clock, from: lastVisit === null ? 'plan start' : 'last visit' };
}

const counted = new WeakMap<Records<CpVisit>, ChildDays>();

/**
 * Each child's dates of the visits that count (not `seen` no), sorted, as
 * `daysByChild` gives them (memoised on the records).
 */
export function countedVisitDays(visits: Records<CpVisit>): ChildDays {
  const cached = counted.get(visits);
  if (cached) return cached;
  const children = childIndex(visits);
  const { start, rows } = children;
  const days = new Int32Array(rows.length);
  // Child k's counted visits are days[starts[k] .. starts[k + 1]); `rows` is not meaningful here.
  const starts = new Int32Array(start.length);
  let w = 0;
  for (let k = 0; k + 1 < start.length; k++) {
    starts[k] = w;
    for (let i = start[k]!; i < start[k + 1]!; i++) {
      const v = visits.get(rows[i]!);
      if (v.seen !== false) days[w++] = v.visitDate;
    }
    days.subarray(starts[k]!, w).sort();
  }
  starts[start.length - 1] = w;
  const result: ChildDays = { children: { child: children.child, start: starts, rows: children.rows }, days };
  counted.set(visits, result);
  return result;
}

/**
 * A plan's next visit as seen at the snapshot S: the last counted visit of
 * the child from the plan's start up to S (null when none), and the due date
 * `cpVisitDue` gives from it.
 * @example cpVisitDueAt(visits with 15 Jan 2021, { childId, startDate: Mon 4 Jan 2021 }, 20 Jan 2021, rules, cal)
 *   //=> { due: Fri 29 Jan 2021, clock: Fri 15 Jan 2021, from: 'last visit', last: Fri 15 Jan 2021 }
 */
export function cpVisitDueAt(
  visits: ChildDays,
  plan: { readonly childId: string; readonly startDate: Day },
  s: Day,
  rules: CpVisitRules,
  calendar: WorkingCalendar,
): CpVisitDue & { readonly last: Day | null } {
  const { children, days } = visits;
  const k = childOf(children, plan.childId);
  let last: Day | null = null;
  if (k !== undefined) {
    const from = children.start[k]!;
    const i = lastAtOrBefore(days, from, children.start[k + 1]!, s);
    if (i >= from && days[i]! >= plan.startDate) last = days[i]!;
  }
  return { ...cpVisitDue(plan.startDate, last, rules, calendar), last };
}
