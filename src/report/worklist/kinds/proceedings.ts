/**
 * Care proceedings open at as-at (rows sharing a proceedings_id are one,
 * issued on the earliest issue_date, open while any row is): due to end by
 * the issue + 26 weeks - 1 day, as proceedings_open_over_26wk. The item is
 * the proceedings' first row.
 */
import { proceedingsDue, proceedingsGroups } from '../../../measures/proceedings-common.js';
import { proceedingsOpenOver26wk } from '../../../measures/proceedings-open-over-26wk.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const proceedingsKind: WorklistKind = {
  id: 'proceedings',
  title: 'Care proceedings',
  measure: proceedingsOpenOver26wk,
  *items(data, { asAt }) {
    for (const g of proceedingsGroups(need(data, 'proceedings'))) {
      if (g.issue > asAt || (g.end !== null && g.end <= asAt)) continue;
      const { due, since } = proceedingsDue(g.issue);
      yield {
        extract: 'proceedings',
        line: g.first.line,
        key: g.first.key,
        childId: g.first.childId,
        team: g.first.team,
        worker: g.first.worker,
        clockEvent: 'issue',
        clockDate: since,
        due,
        rule: `conclude by issue_date + 26 weeks - 1 day${g.children > 1 ? ` (${g.children} children)` : ''} (${proceedingsOpenOver26wk.id})`,
      };
    }
  },
};
