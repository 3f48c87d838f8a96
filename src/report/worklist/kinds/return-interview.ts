/**
 * Children back from a missing episode with no return interview recorded:
 * due by the return (end_date) + 3 days (72 hours), as missing_rhi_72h.
 */
import { RHI_DAYS, rhiDue } from '../../../measures/missing-common.js';
import { missingRhi72h } from '../../../measures/missing-rhi-72h.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const returnInterviewKind: WorklistKind = {
  id: 'return-interview',
  title: 'Return interview',
  measure: missingRhi72h,
  *items(data, { asAt }) {
    for (const e of need(data, 'missing_episodes')) {
      if (e.rhiDate !== null) continue;
      const rhi = rhiDue(e);
      // Still missing (no return), or back only after as-at: nothing due yet.
      if (rhi === null || rhi.since > asAt) continue;
      yield {
        extract: 'missing_episodes',
        line: e.line,
        key: e.key,
        childId: e.childId,
        team: e.team,
        worker: e.worker,
        clockEvent: 'return',
        clockDate: rhi.since,
        due: rhi.due,
        rule: `interview by end_date + ${RHI_DAYS} days (72 hours) (${missingRhi72h.id})`,
      };
    }
  },
};
