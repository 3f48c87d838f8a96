import { iso, whyNotOpen } from './common.js';
import { type Measure, need } from './types.js';

/**
 * Average caseload: cases open at the snapshot S that have a worker, divided
 * by the number of distinct workers holding them. In an explanation each
 * case adds 1 to the numerator, and a worker's first case adds 1 to the
 * denominator.
 */
export const caseloadAvg: Measure = {
  id: 'caseload_avg',
  title: 'Average caseload per social worker',
  unit: 'cases per worker',
  scale: 1,
  direction: 'lower',
  extracts: ['cases'],
  rule: () => 'cases open at the snapshot S with a worker, divided by the number of distinct workers',
  evaluate(data, _context, out) {
    const seen = out.periods.map(() => new Set<string>());
    out.from('cases');
    for (const c of need(data, 'cases')) {
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        const closed = whyNotOpen(c.startDate, c.endDate, s);
        if (closed) {
          if (out.observingSkipped) out.skip(p, c, closed, { case_start: iso(c.startDate), case_end: iso(c.endDate), snapshot: iso(s) });
          return;
        }
        if (c.worker === null) {
          out.exclude(p, c, 'no-worker', out.observing ? { case_start: iso(c.startDate), snapshot: iso(s) } : undefined);
          return;
        }
        // Distinct workers within the record's group (the whole, when not grouping).
        const workers = seen[p]!;
        const worker = `${out.groupOf(c)}\u0000${c.worker}`;
        const firstCase = !workers.has(worker);
        workers.add(worker);
        out.add(
          p,
          c,
          1,
          firstCase ? 1 : 0,
          out.observing ? { worker: c.worker, case_start: iso(c.startDate), snapshot: iso(s), first_case_of_worker: firstCase ? 'yes' : 'no' } : undefined,
        );
      });
    }
  },
};
