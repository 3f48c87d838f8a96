import type { Day } from '../core/day.js';
import { addDuration, type Duration, describeDuration } from '../core/duration.js';
import { iso, whyNotOpen } from './common.js';
import { type Measure, need } from './types.js';

/** The index of the last value <= x in a sorted array, or -1. */
function lastAtOrBefore(sorted: readonly Day[], x: Day): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Cases open at the snapshot S whose case supervision is up to date: the
 * last supervision of the child between the case start and S (or the case
 * start, when there has been none) plus the interval for the case type is
 * on or after S.
 */
export const supervisionInTime: Measure = {
  id: 'supervision_in_time',
  title: 'Cases with case supervision within timescale',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  extracts: ['cases', 'supervisions'],
  rule: (rules) => {
    const types = [...rules.supervisionByCaseType].map(([t, d]) => `${t} ${describeDuration(d)}`).join(', ');
    return `cases open at the snapshot S; due = (latest supervision_date of the child between case start and S, else case start) + ${describeDuration(rules.supervisionInterval)}${types ? ` (${types})` : ''}; met when S <= due`;
  },
  evaluate(data, { calendar, rules }, out) {
    const byChild = new Map<string, Day[]>();
    for (const s of need(data, 'supervisions')) {
      const list = byChild.get(s.childId);
      if (list) list.push(s.supervisionDate);
      else byChild.set(s.childId, [s.supervisionDate]);
    }
    for (const list of byChild.values()) list.sort((a, b) => a - b);

    out.from('cases');
    for (const c of need(data, 'cases')) {
      const { startDate: start, endDate: end, caseType } = c;
      const interval: Duration = (caseType !== null && rules.supervisionByCaseType.get(caseType)) || rules.supervisionInterval;
      const dates = byChild.get(c.childId) ?? [];
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        const closed = whyNotOpen(start, end, s);
        if (closed) {
          if (out.observingSkipped) out.skip(p, c, closed, { case_start: iso(start), case_end: iso(end), snapshot: iso(s) });
          return;
        }
        const i = lastAtOrBefore(dates, s);
        const last = i >= 0 && dates[i]! >= start ? dates[i]! : null;
        const due = addDuration(last ?? start, interval, calendar);
        const detail = out.observing
          ? {
              case_type: caseType,
              case_start: iso(start),
              last_supervision: iso(last),
              interval: describeDuration(interval),
              due: iso(due),
              snapshot: iso(s),
            }
          : undefined;
        if (s <= due) out.met(p, c, detail);
        else out.notMet(p, c, detail);
      });
    }
  },
};
