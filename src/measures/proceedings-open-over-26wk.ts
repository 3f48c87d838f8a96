import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { countedGroup, proceedingsDue, proceedingsGroups } from './proceedings-common.js';
import { need } from './types.js';

/** Care proceedings open at S: those already past 26 weeks. */
export const proceedingsOpenOver26wk = defineMeasure({
  id: 'proceedings_open_over_26wk',
  title: 'Care proceedings open beyond 26 weeks',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { proceedings: ['end_date'] },
  rule: () => 'proceedings open at S (issued on or before S; any row open, or ended after S); counted when S > issue_date + 26 weeks - 1 day',
  doc: {
    text: 'Care proceedings open at S (grouped as for `proceedings_26wk`; issued on or before S and not ended by S): those past 26 weeks, i.e. S is after the issue date + 26 weeks - 1 day.',
  },
  evaluate(data, _context, out) {
    out.from('proceedings');
    const groups = proceedingsGroups(need(data, 'proceedings'));
    out.periods.forEach((period, p) => {
      const s = period.snapshot;
      for (const g of groups) {
        if (g.issue > s || (g.end !== null && g.end <= s)) continue;
        const { due } = proceedingsDue(g.issue);
        const detail = out.observing ? { issue_date: iso(g.issue), end_date: iso(g.end), due: iso(due), snapshot: iso(s), children: g.children } : undefined;
        if (s > due) out.met(p, countedGroup(g), detail);
        else out.notMet(p, countedGroup(g), detail);
      }
    });
  },
});
