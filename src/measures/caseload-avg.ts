import { CASE_DATES, iso, openAt } from './common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Average caseload: cases open at the snapshot S that have a worker, divided
 * by the number of distinct workers holding them. In an explanation each
 * case adds 1 to the numerator, and a worker's first case adds 1 to the
 * denominator.
 */
export const caseloadAvg = defineMeasure({
  id: 'caseload_avg',
  title: 'Average caseload per social worker',
  unit: 'cases per worker',
  scale: 1,
  direction: 'lower',
  needs: { cases: ['end_date', 'worker'] },
  rule: () => 'cases open at the snapshot S with a worker, divided by the number of distinct workers',
  doc: {
    text: 'Cases open at S that have a worker (others are left out as `no-worker`), divided by the number of different workers holding them.',
  },
  evaluate(data, _context, out) {
    // Workers already counted, per period (and per group when grouping).
    // Worker names come interned from their column, so the sets hash each name once.
    const seen = out.periods.map(() => new Map<string, Set<string>>());
    out.from('cases');
    for (const c of need(data, 'cases')) {
      const start = c.startDate;
      const end = c.endDate;
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (!openAt(out, p, c, start, end, s, CASE_DATES)) return;
        const worker = c.worker;
        if (worker === null) {
          out.exclude(p, c, 'no-worker', out.observing ? { case_start: iso(start), snapshot: iso(s) } : undefined);
          return;
        }
        // Distinct workers within the record's group (the whole, when not grouping).
        const group = out.groupOf(c);
        let workers = seen[p]!.get(group);
        if (!workers) {
          workers = new Set();
          seen[p]!.set(group, workers);
        }
        const firstCase = !workers.has(worker);
        if (firstCase) workers.add(worker);
        out.add(
          p,
          c,
          1,
          firstCase ? 1 : 0,
          out.observing ? { worker, case_start: iso(start), snapshot: iso(s), first_case_of_worker: firstCase ? 'yes' : 'no' } : undefined,
        );
      });
    }
  },
});
