import type { Day } from '../core/day.js';
import { addDuration, type Duration, describeDuration } from '../core/duration.js';
import { CASE_DATES, iso, openAt } from './common.js';
import { type Measure, type MeasureData, need } from './types.js';

/** The index of the last value <= x in sorted[from, to), or from - 1. */
function lastAtOrBefore(sorted: Int32Array, from: number, to: number, x: Day): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Each child's supervision dates, sorted, in one array: the dates of child k
 * are dates[start[k] .. start[k + 1]). Compact for millions of supervisions.
 */
interface SupervisionDates {
  readonly child: Map<string, number>;
  readonly start: Int32Array;
  readonly dates: Int32Array;
}

function supervisionDates(data: MeasureData): SupervisionDates {
  const supervisions = need(data, 'supervisions');
  const n = supervisions.length;
  const child = new Map<string, number>();
  const of = new Int32Array(n);
  const raw = new Int32Array(n);
  const counts: number[] = [];
  for (let row = 0; row < n; row++) {
    const s = supervisions.get(row);
    let k = child.get(s.childId);
    if (k === undefined) {
      k = counts.length;
      child.set(s.childId, k);
      counts.push(0);
    }
    counts[k]!++;
    of[row] = k;
    raw[row] = s.supervisionDate;
  }
  const start = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) start[k + 1] = start[k]! + counts[k]!;
  const next = start.slice(0, counts.length);
  const dates = new Int32Array(n);
  for (let row = 0; row < n; row++) dates[next[of[row]!]!++] = raw[row]!;
  for (let k = 0; k < counts.length; k++) dates.subarray(start[k]!, start[k + 1]!).sort();
  return { child, start, dates };
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
    const supervised = supervisionDates(data);

    out.from('cases');
    for (const c of need(data, 'cases')) {
      const { startDate: start, endDate: end, caseType } = c;
      const interval: Duration = (caseType !== null && rules.supervisionByCaseType.get(caseType)) || rules.supervisionInterval;
      const k = supervised.child.get(c.childId);
      const from = k === undefined ? 0 : supervised.start[k]!;
      const to = k === undefined ? 0 : supervised.start[k + 1]!;
      const dates = supervised.dates;
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (!openAt(out, p, c, start, end, s, CASE_DATES)) return;
        const i = lastAtOrBefore(dates, from, to, s);
        const last = i >= from && dates[i]! >= start ? dates[i]! : null;
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
