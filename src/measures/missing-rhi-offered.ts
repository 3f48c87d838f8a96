import { defineMeasure } from './define.js';
import { evaluateReturns } from './missing-common.js';

/** Missing episodes ended (the child returned) in P: those where a return interview was offered. */
export const missingRhiOffered = defineMeasure({
  id: 'missing_rhi_offered',
  title: 'Missing children offered a return interview',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { missing_episodes: ['end_date', 'rhi_offered'] },
  rule: () => 'missing episodes with end_date (the return) in the period; met when rhi_offered is yes',
  doc: {
    text: 'Missing episodes whose return (`end_date`) is in P: those where a return interview was offered (`rhi_offered` yes). An episode with no return (still missing) is in no month.',
  },
  evaluate(data, _context, out) {
    evaluateReturns(data, out, (e) => e.rhiOffered === true);
  },
});
