import { defineMeasure } from './define.js';
import { evaluateReturns } from './missing-common.js';

/** Missing episodes ended in P: those whose return interview took place (it has a date). */
export const missingRhiDone = defineMeasure({
  id: 'missing_rhi_done',
  title: 'Missing children given a return interview',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { missing_episodes: ['end_date', 'rhi_date'] },
  rule: () => 'missing episodes with end_date (the return) in the period; met when there is an rhi_date',
  doc: {
    text: 'The same episodes as `missing_rhi_offered`: those with an `rhi_date` (the interview took place). An `rhi_date` before the return is read as blank, with a warning.',
  },
  evaluate(data, _context, out) {
    evaluateReturns(data, out, (e) => e.rhiDate !== null);
  },
});
