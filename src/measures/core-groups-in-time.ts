import { describeDuration } from '../core/duration.js';
import { coreGroupSettings, evaluateMeetings } from './core-groups-common.js';
import { defineMeasure } from './define.js';

/** Held core groups in the period that took place on or before their due date. */
export const coreGroupsInTime = defineMeasure({
  id: 'core_groups_in_time',
  title: 'Core groups held within timescale',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { core_groups: [], cp_plans: ['end_date'] },
  owner: 'cp_plans',
  settings: [coreGroupSettings],
  rule: (rules) =>
    `held meetings with meeting_date in the period, each in the child's plan open that day; the first of a plan is due by plan start + ${describeDuration(rules.coreGroupFirst)}, each later one by the previous meeting + ${describeDuration(rules.coreGroupEvery)}; met when held on or before the due date`,
  doc: {
    text: 'Held core group meetings dated in P. Each belongs to the child\'s plan open on its date (started on or before it, and not ended before it); a meeting with no such plan is left out as `no-plan`, and if two of a child\'s plans overlap the later-starting one is used (on the same start day, the one ending later, an open plan first; then the first in the file). Within a plan, in date order, the first meeting is due 10 working days after the plan starts and each later one 4 weeks after the one before (both configurable), even when that one was in an earlier month. Met if held on or before its due date. Cancelled meetings are ignored (counted as `cancelled`).',
  },
  evaluate: (data, context, out) =>
    evaluateMeetings(data, context, out, (m) => ({ met: m.meeting.meetingDate <= m.due! })),
});
