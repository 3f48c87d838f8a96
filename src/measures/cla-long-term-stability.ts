import { addMonths, ageAt } from '../core/day.js';
import { ADOPTION_PLACEMENTS, childrenInCareAt, type MergedPlacement, perChild, placementAt, placementsOf, SHORT_BREAKS } from './cla-common.js';
import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/** Age at S under which a child is in the measure. */
const UNDER_AGE = 16;
/** Months looked after by S. */
const LOOKED_AFTER_MONTHS = 30;
/** Months in the same placement by S. */
const SAME_PLACEMENT_MONTHS = 24;

/**
 * The placement just before `current`: the latest-starting one that ended on
 * the day `current` started or the day before; null when there is none.
 */
function placementBefore(list: readonly MergedPlacement[], current: MergedPlacement): MergedPlacement | null {
  let best: MergedPlacement | null = null;
  for (const p of list) {
    if (p === current || p.end === null || p.end < current.start - 1 || p.end > current.start) continue;
    if (best === null || p.start > best.start) best = p;
  }
  return best;
}

/**
 * Long-term placement stability (DfE): children under 16 at S, looked after
 * for 2.5 years or more (their open period of care started on or before
 * `addMonths(S, -30)`), who have been in the same placement for 2 years (it
 * started on or before `addMonths(S, -24)`), or are placed for adoption
 * (A3-A6) in a placement that, with the one just before it (ending the day
 * it started or the day before), started that early.
 */
export const claLongTermStability = defineMeasure({
  id: 'cla_long_term_stability',
  title: 'Children in care 2.5 years or more, under 16, in the same placement for 2 years',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { cla_periods: ['end_date', 'date_of_birth'], placements: ['end_date', 'placement_type'] },
  rule: () =>
    'children under 16 at S whose open period of care (the tie-break pick) started on or before addMonths(S, -30); met when the placement open at S (the latest-starting) started on or before addMonths(S, -24), or it is an adoption placement (A3-A6) and the placement just before it (ending the day it started or the day before) started on or before addMonths(S, -24)',
  doc: {
    text: 'Children aged under 16 at S (age from the period\'s date of birth; a 29 February birthday falls on 1 March in other years) whose period of care open at S started on or before the same day 30 months before S: those whose placement open at S started on or before the same day 24 months before S, or who are placed for adoption (type `A3`-`A6`) in a placement that, with the placement just before it (ending the day it started or the day before), started that early. A child with no placement open at S stays in the denominator, not met; a blank date of birth is left out (`no-date-of-birth`).',
  },
  evaluate(data, _context, out) {
    const periods = need(data, 'cla_periods');
    const placements = need(data, 'placements');
    out.from('cla_periods');
    out.periods.forEach((period, p) => {
      const s = period.snapshot;
      const lookedAfterBy = addMonths(s, -LOOKED_AFTER_MONTHS);
      const placedBy = addMonths(s, -SAME_PLACEMENT_MONTHS);
      for (const child of childrenInCareAt(periods, s)) {
        const counted = perChild(periods.get(child.rows[0]!), child.rows.map((r) => periods.get(r).line));
        const chosen = child.period;
        if (chosen === null) {
          out.exclude(p, counted, SHORT_BREAKS, out.observing ? { snapshot: iso(s) } : undefined);
          continue;
        }
        if (chosen.startDate > lookedAfterBy) {
          out.skip(p, counted, 'looked-after-under-30-months', { period_start: iso(chosen.startDate), snapshot: iso(s) });
          continue;
        }
        if (chosen.dateOfBirth === null) {
          out.exclude(p, counted, 'no-date-of-birth', out.observing ? { period_start: iso(chosen.startDate) } : undefined, chosen);
          continue;
        }
        const age = ageAt(chosen.dateOfBirth, s);
        if (age >= UNDER_AGE) {
          out.skip(p, counted, 'aged-16-or-over', { date_of_birth: iso(chosen.dateOfBirth), age, snapshot: iso(s) });
          continue;
        }
        const list = placementsOf(placements, child.childId);
        const current = placementAt(list, s);
        const before = current !== null && current.type !== null && ADOPTION_PLACEMENTS.has(current.type) ? placementBefore(list, current) : null;
        const met = current !== null && (current.start <= placedBy || (before !== null && before.start <= placedBy));
        const detail = out.observing
          ? {
              period_start: iso(chosen.startDate),
              date_of_birth: iso(chosen.dateOfBirth),
              age,
              placement_start: current ? iso(current.start) : null,
              placement_type: current?.type ?? null,
              previous_placement_start: before ? iso(before.start) : null,
              placed_by: iso(placedBy),
            }
          : undefined;
        if (met) out.met(p, counted, detail, chosen);
        else out.notMet(p, counted, detail, chosen);
      }
    });
  },
});
