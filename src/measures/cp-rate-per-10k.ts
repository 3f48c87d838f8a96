import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { childIndex } from './indexes.js';
import { populationAt } from './population.js';
import { need } from './types.js';

/**
 * Children with a child protection plan open at the snapshot S (started on
 * or before S, not ended on or before it) per 10,000 children aged 0-17:
 * distinct children, so a child with two overlapping plans counts once (one
 * line of an explanation, naming both plans' lines). The population in
 * force at S (population.ts) is the denominator.
 */
export const cpRatePer10k = defineMeasure({
  id: 'cp_rate_per_10k',
  title: 'Children on a child protection plan per 10,000 children',
  unit: 'per 10,000 children',
  scale: 10_000,
  direction: 'neutral',
  needs: { cp_plans: ['end_date'] },
  needsPopulation: true,
  rule: () => 'distinct children with a plan open at the snapshot S, per 10,000 children aged 0-17 (the population in force at S)',
  doc: {
    text: 'Children with a plan open at S, per 10,000 children aged 0-17 (`population` in the configuration, the year of S\'s). Each child counts once however many plans are open. Not computable without a population; never broken down by team or worker.',
  },
  evaluate(data, context, out) {
    out.periods.forEach((period, p) => {
      const pop = populationAt(context.population, period.snapshot);
      if ('missing' in pop) out.notComputableIn(p, pop.missing);
      else out.perPopulation(p, pop.children);
    });
    const plans = need(data, 'cp_plans');
    const { start, rows } = childIndex(plans);
    out.from('cp_plans');
    for (let k = 0; k + 1 < start.length; k++) {
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        const open: number[] = [];
        for (let i = start[k]!; i < start[k + 1]!; i++) {
          const plan = plans.get(rows[i]!);
          if (plan.startDate <= s && (plan.endDate === null || plan.endDate > s)) open.push(rows[i]!);
        }
        if (open.length === 0) return;
        const first = plans.get(open[0]!);
        const lines = open.map((row) => plans.get(row).line);
        const child = { line: first.line, key: first.key, childId: first.childId, lines };
        const detail = out.observing
          ? { plans: open.length, start_date: iso(first.startDate), snapshot: iso(s) }
          : undefined;
        out.add(p, child, 1, 0, detail);
      });
    }
  },
});
