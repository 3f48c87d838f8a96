import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { countedGroup, proceedingsDue, proceedingsGroups } from './proceedings-common.js';
import { need } from './types.js';

/** Care proceedings ended in P: those completed within 26 weeks of issue. */
export const proceedings26wk = defineMeasure({
  id: 'proceedings_26wk',
  title: 'Care proceedings completed within 26 weeks',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { proceedings: ['end_date'] },
  rule: () =>
    'proceedings (rows sharing a proceedings_id are one: earliest issue_date, latest end_date) ending in the period; met when end_date <= issue_date + 26 weeks - 1 day',
  doc: {
    text: 'Care proceedings ending in P, each counted once: rows sharing a `proceedings_id` (siblings) are one proceedings, issued on the earliest `issue_date` and ended on the latest `end_date` (open while any row is open); a row without one stands alone. Met: ended on or before the issue date + 26 weeks - 1 day (26 weeks beginning with the day of issue).',
  },
  evaluate(data, _context, out) {
    out.from('proceedings');
    for (const g of proceedingsGroups(need(data, 'proceedings'))) {
      if (g.end === null) continue;
      const ps = out.periodsOf(g.end);
      if (ps.length === 0) continue;
      const { due } = proceedingsDue(g.issue);
      const detail = out.observing ? { issue_date: iso(g.issue), end_date: iso(g.end), due: iso(due), children: g.children, days: g.end - g.issue } : undefined;
      for (const p of ps) {
        if (g.end <= due) out.met(p, countedGroup(g), detail);
        else out.notMet(p, countedGroup(g), detail);
      }
    }
  },
});
