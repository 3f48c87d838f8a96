import { addMonths } from '../core/day.js';
import { iso } from './common.js';
import { lookBackGap } from './coverage.js';
import { defineMeasure } from './define.js';
import { populationAt } from './population.js';
import { need } from './types.js';

/**
 * Referrals in the 12 months ending at the period's end E (as-at for the
 * period in progress), from `addMonths(E + 1 day, -12)` to E, per 10,000
 * children aged 0-17: the DfE's annual referral rate, whatever the period
 * kind. Referrals are counted, not children. The population in force at E
 * (population.ts) is the denominator; without one the rate is not
 * computable. A period whose 12 months start before the referrals
 * extract's `coverageFrom` is not computable.
 */
export const referralsRatePer10k = defineMeasure({
  id: 'referrals_rate_per_10k',
  title: 'Referrals in the last 12 months per 10,000 children',
  unit: 'per 10,000 children',
  scale: 10_000,
  direction: 'neutral',
  needs: { referrals: [] },
  needsPopulation: true,
  rule: () => 'referrals dated from addMonths(E + 1 day, -12) to the snapshot E, per 10,000 children aged 0-17 (the population in force at E)',
  doc: {
    text: "Referrals in the 12 months ending on S (from the day after the same date 12 months earlier: 1 Feb 2020 to 31 Jan 2021), per 10,000 children aged 0-17 (`population` in the configuration, the year of S's). Referrals are counted, not children: a child referred twice counts twice. Not computable without a population; never broken down by team or worker.",
  },
  evaluate(data, context, out) {
    const windows = out.periods.map((period) => ({ from: addMonths(period.snapshot + 1, -12), to: period.snapshot }));
    windows.forEach((w, p) => {
      const gap = lookBackGap(context, 'referrals', w.from);
      if (gap !== undefined) out.notComputableIn(p, gap);
      const pop = populationAt(context.population, w.to);
      if ('missing' in pop) out.notComputableIn(p, pop.missing);
      else out.perPopulation(p, pop.children);
    });
    out.from('referrals');
    for (const r of need(data, 'referrals')) {
      const d = r.referralDate;
      let counted = false;
      windows.forEach((w, p) => {
        if (d < w.from || d > w.to) return;
        counted = true;
        out.add(p, r, 1, 0, out.observing ? { referral_date: iso(d), window_from: iso(w.from), window_to: iso(w.to) } : undefined);
      });
      if (!counted && out.observingSkipped) out.skip(-1, r, 'not-in-window', { referral_date: iso(d) });
    }
  },
});
