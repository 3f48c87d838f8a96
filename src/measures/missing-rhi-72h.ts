import { defineMeasure } from './define.js';
import { evaluateReturns, rhiDue } from './missing-common.js';

/** Missing episodes ended in P: those whose return interview was held within 72 hours (3 calendar days) of the return. */
export const missingRhi72h = defineMeasure({
  id: 'missing_rhi_72h',
  title: 'Return interviews held within 72 hours',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { missing_episodes: ['end_date', 'rhi_date'] },
  rule: () => 'missing episodes with end_date (the return) in the period; met when rhi_date <= end_date + 3 days (72 hours in calendar days)',
  doc: {
    text: 'The same episodes as `missing_rhi_offered`: those with an `rhi_date` on or before the return date plus 3 days (72 hours, counted in calendar days as the dates carry no time). Whether an interview was offered or accepted does not matter.',
  },
  evaluate(data, _context, out) {
    evaluateReturns(data, out, (e) => e.rhiDate !== null && e.rhiDate <= rhiDue(e)!.due);
  },
});
