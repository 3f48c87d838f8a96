/**
 * The next core group of each open child protection plan: the first due by
 * the plan's start plus 10 working days, each later one by the previous
 * meeting plus 4 weeks (both configurable), as core_groups_in_time.
 */
import { describeDuration } from '../../../core/duration.js';
import { nextCoreGroups } from '../../../measures/core-groups-common.js';
import { coreGroupsInTime } from '../../../measures/core-groups-in-time.js';
import type { WorklistKind } from '../kind.js';

export const coreGroupKind: WorklistKind = {
  id: 'core-group',
  title: 'Core group',
  measure: coreGroupsInTime,
  *items(data, context) {
    const { rules } = context;
    for (const { plan, previous, due } of nextCoreGroups(data, context, context.asAt)) {
      yield {
        extract: 'cp_plans',
        line: plan.line,
        key: plan.key,
        childId: plan.childId,
        team: plan.team,
        worker: plan.worker,
        clockEvent: previous === null ? 'plan start' : 'last core group',
        clockDate: previous ?? plan.startDate,
        due,
        rule:
          previous === null
            ? `first core group by plan start_date + ${describeDuration(rules.coreGroupFirst)} (${coreGroupsInTime.id})`
            : `next core group by the last one + ${describeDuration(rules.coreGroupEvery)} (${coreGroupsInTime.id})`,
      };
    }
  },
};
