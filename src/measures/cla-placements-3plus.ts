import { addMonths } from '../core/day.js';
import { childrenInCareAt, perChild, placementsOf, SHORT_BREAKS } from './cla-common.js';
import { iso } from './common.js';
import { lookBackGap } from './coverage.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Placement stability (DfE): children looked after at S with three or more
 * placements in the 12 months to S. A placement counts when it overlaps
 * `(addMonths(S, -12), S]`: it started on or before S and has no end or
 * ended after `addMonths(S, -12)`. Every placement of the child counts,
 * whichever period of care it belongs to; `L` rows continue the previous
 * placement (cla-common.ts).
 */
export const claPlacements3plus = defineMeasure({
  id: 'cla_placements_3plus',
  title: 'Children in care with 3 or more placements in the last 12 months',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { cla_periods: ['end_date'], placements: ['end_date'] },
  rule: () =>
    'children with a period of care open at S (not short breaks); counted when 3 or more of their placements overlap (addMonths(S, -12), S] (start <= S, no end or end > addMonths(S, -12)); L rows continue the previous placement',
  doc: {
    text: 'Children with a period of care open at S, each counted once: those with 3 or more placements overlapping the 12 months to S (a placement started on or before S, and open or ended after the same day 12 months before S). Every placement of the child counts, whichever period it belongs to; a row with reason `L` (change of legal status only) continues the placement before it. Not computable for a month whose 12 months start before the placements extract\'s `coverageFrom`.',
  },
  evaluate(data, context, out) {
    const periods = need(data, 'cla_periods');
    const placements = need(data, 'placements');
    out.from('cla_periods');
    out.periods.forEach((period, p) => {
      const s = period.snapshot;
      const yearBefore = addMonths(s, -12);
      const gap = lookBackGap(context, 'placements', yearBefore + 1);
      if (gap !== undefined) {
        out.notComputableIn(p, gap);
        return;
      }
      for (const child of childrenInCareAt(periods, s)) {
        const counted = perChild(periods.get(child.rows[0]!), child.rows.map((r) => periods.get(r).line));
        if (child.period === null) {
          out.exclude(p, counted, SHORT_BREAKS, out.observing ? { snapshot: iso(s) } : undefined);
          continue;
        }
        const overlapping = placementsOf(placements, child.childId).filter((pl) => pl.start <= s && (pl.end === null || pl.end > yearBefore));
        const detail = out.observing
          ? {
              snapshot: iso(s),
              from_after: iso(yearBefore),
              placements: overlapping.length,
              placement_lines: overlapping.map((pl) => pl.lines.join('+')).join(', '),
            }
          : undefined;
        if (overlapping.length >= 3) out.met(p, counted, detail, child.period);
        else out.notMet(p, counted, detail, child.period);
      }
    });
  },
});
