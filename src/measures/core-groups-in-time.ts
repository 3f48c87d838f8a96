import { describeDuration } from '../core/duration.js';
import { evaluateMeetings } from './core-groups-common.js';
import type { Measure } from './types.js';

/** Held core groups in the period that took place on or before their due date. */
export const coreGroupsInTime: Measure = {
  id: 'core_groups_in_time',
  title: 'Core groups held within timescale',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  extracts: ['core_groups', 'cp_plans'],
  rule: (rules) =>
    `held meetings with meeting_date in the period, each in the child's plan open that day; the first of a plan is due by plan start + ${describeDuration(rules.coreGroupFirst)}, each later one by the previous meeting + ${describeDuration(rules.coreGroupEvery)}; met when held on or before the due date`,
  evaluate: (data, context, out) =>
    evaluateMeetings(data, context, out, (m) => ({ met: m.meeting.meetingDate <= m.due! })),
};
