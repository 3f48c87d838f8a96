import { populationAt } from './population.js';
import { childrenInCareAt, perChild, SHORT_BREAKS } from './cla-common.js';
import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Children looked after at the snapshot S per 10,000 children: distinct
 * children with a period of care open at S (short breaks aside), over the
 * configuration's population of children aged 0-17.
 */
export const claRatePer10k = defineMeasure({
  id: 'cla_rate_per_10k',
  title: 'Children in care per 10,000 children',
  unit: 'per 10,000 children',
  scale: 10_000,
  direction: 'neutral',
  needs: { cla_periods: ['end_date'] },
  needsPopulation: true,
  rule: () => 'distinct children with a period of care open at the snapshot S (not short breaks), per 10,000 children aged 0-17',
  doc: {
    text: 'Children with a period of care open at S (started on or before S, not ended by S), each counted once, per 10,000 children aged 0-17 (the configuration\'s `population`). Periods of short breaks (legal status `V3`/`V4`) are left out.',
  },
  evaluate(data, context, out) {
    const periods = need(data, 'cla_periods');
    out.from('cla_periods');
    out.periods.forEach((period, p) => {
      const s = period.snapshot;
      const pop = populationAt(context.population, s);
      if ('missing' in pop) {
        out.notComputableIn(p, pop.missing);
        return;
      }
      out.perPopulation(p, pop.children);
      for (const child of childrenInCareAt(periods, s)) {
        const first = periods.get(child.rows[0]!);
        const counted = perChild(first, child.rows.map((r) => periods.get(r).line));
        if (child.period === null) {
          out.exclude(p, counted, SHORT_BREAKS, out.observing ? { snapshot: iso(s) } : undefined);
          continue;
        }
        out.add(p, counted, 1, 0, out.observing ? { period_start: iso(child.period.startDate), snapshot: iso(s) } : undefined);
      }
    });
  },
});
