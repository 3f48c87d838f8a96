/**
 * Core groups: which plan each meeting belongs to, and when it was due.
 *
 * A held meeting belongs to the child's child protection plan open on the
 * meeting date (start_date <= meeting_date, and no end_date or
 * meeting_date <= end_date). If two of a child's plans overlap on that date,
 * the one that started last is used; of two that started the same day, the
 * one that ends later (an open plan before any ended one), then the first in
 * the file (the shared `openIndex`, indexes.ts). A meeting with no such plan
 * is left out.
 *
 * Within a plan, taken in date order (then file order), the first meeting is
 * due by the plan's start plus the first interval (10 working days by
 * default) and each later one by the previous meeting plus the later
 * interval (4 weeks by default). The previous meeting may lie in an earlier
 * period, or before the first period reported.
 */
import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { addDuration } from '../core/duration.js';
import type { CoreGroup, CpPlan } from '../normalise/extracts.js';
import { iso } from './common.js';
import { HISTORY_BEFORE_EXTRACT, historyBefore } from './coverage.js';
import type { Records } from '../normalise/table.js';
import { memoisePerRun, NO_DAY, openIndex } from './indexes.js';
import { defineSettings, durationSchema, type RulesOf, setting } from './settings.js';
import { type Detail, type MeasureContext, type MeasureData, type Outcomes, need } from './types.js';

/** The `coreGroups:` section of the configuration, read by every core-group measure (their due dates place the meetings). */
export const coreGroupSettings = defineSettings({
  key: 'coreGroups',
  settings: {
    firstWithin: setting(durationSchema, { default: '10wd', comment: ['First core group after the plan starts (the initial conference).'] }),
    thenEvery: setting(durationSchema, { default: '4w', comment: ['Each later core group after the previous one (6w in some procedures).'] }),
  },
  rules: (values) => ({ coreGroupFirst: values.firstWithin, coreGroupEvery: values.thenEvery }),
});

export type CoreGroupRules = RulesOf<typeof coreGroupSettings>;

/**
 * When a plan's next core group is due: the plan's start plus the first
 * interval when it has had none (10 working days by default), else the
 * previous meeting plus the later interval (4 weeks by default). Shared by
 * the core-group measures and the worklist.
 * @example coreGroupDue(Mon 4 Jan 2021, null, rules, cal) //=> Mon 18 Jan 2021
 * @example coreGroupDue(Mon 4 Jan 2021, Fri 15 Jan 2021, rules, cal) //=> Fri 12 Feb 2021
 */
export function coreGroupDue(planStart: Day, previous: Day | null, rules: CoreGroupRules, calendar: WorkingCalendar): Day {
  return previous === null ? addDuration(planStart, rules.coreGroupFirst, calendar) : addDuration(previous, rules.coreGroupEvery, calendar);
}

export interface PlacedMeeting {
  readonly meeting: CoreGroup;
  readonly plan: CpPlan | null;
  /** 1 for the plan's first meeting. */
  readonly sequence: number;
  readonly previous: Day | null;
  readonly due: Day | null;
}

/**
 * Every meeting's place, by meeting row, in typed arrays: a million meetings
 * take a few megabytes, not a hundred of objects, for as long as the run.
 */
export interface CoreGroupSchedule {
  readonly cancelled: Uint8Array;
  /** The plan row, or -1 for a held meeting with no plan (and for cancelled ones). */
  readonly plan: Int32Array;
  readonly sequence: Int32Array;
  readonly previous: Int32Array;
  readonly due: Int32Array;
}

/** Places every held meeting in its plan and works out its due date (memoised per data and context). */
export function scheduleCoreGroups(data: MeasureData, context: MeasureContext<CoreGroupRules>): CoreGroupSchedule {
  return schedules(data, context);
}

const schedules = memoisePerRun(buildScheduleCoreGroups);

function buildScheduleCoreGroups(data: MeasureData, context: MeasureContext<CoreGroupRules>): CoreGroupSchedule {
  const plans = openIndex(need(data, 'cp_plans'));

  const meetings = need(data, 'core_groups');
  const n = meetings.length;
  const schedule: CoreGroupSchedule = {
    cancelled: new Uint8Array(n),
    plan: new Int32Array(n).fill(-1),
    sequence: new Int32Array(n),
    previous: new Int32Array(n).fill(NO_DAY),
    due: new Int32Array(n).fill(NO_DAY),
  };
  const dates = new Int32Array(n);
  const placed: number[] = [];
  for (let row = 0; row < n; row++) {
    const meeting = meetings.get(row);
    const date = meeting.meetingDate;
    dates[row] = date;
    if (meeting.status === 'cancelled') {
      schedule.cancelled[row] = 1;
      continue;
    }
    const best = plans.openOn(meeting.childId, date);
    if (best >= 0) {
      schedule.plan[row] = best;
      placed.push(row);
    }
  }

  // Within each plan, in date order, then file order (rows are in file order).
  const order = Int32Array.from(placed).sort((a, b) => schedule.plan[a]! - schedule.plan[b]! || dates[a]! - dates[b]! || a - b);
  const { calendar, rules } = context;
  let plan = -1;
  let sequence = 0;
  let previous = NO_DAY;
  for (const row of order) {
    if (schedule.plan[row] !== plan) {
      plan = schedule.plan[row]!;
      sequence = 0;
      previous = NO_DAY;
    }
    sequence++;
    schedule.sequence[row] = sequence;
    schedule.previous[row] = previous;
    schedule.due[row] = coreGroupDue(plans.starts[plan]!, previous === NO_DAY ? null : previous, rules, calendar);
    previous = dates[row]!;
  }
  return schedule;
}

/** The next core group of a plan open on a day. */
export interface NextCoreGroup {
  readonly plan: CpPlan;
  /** The plan's latest held meeting on or before the day, or null when it has had none. */
  readonly previous: Day | null;
  readonly due: Day;
}

/**
 * The next core group of every plan open on day `d` (started on or before
 * it; not ended, or ended after it: a plan that ends on `d` is closed), in
 * plan file order. Its previous meeting is the plan's latest held meeting
 * on or before `d`, placed as the measures place them. Of a child's plans
 * open together, only the one a meeting after `d` would belong to is listed
 * (the latest started; the SPEC section 3 tie-break). Plans begun before
 * the core groups extract's coverage are left out: their meetings are not
 * counted (coverage.ts), and their last meeting may be missing.
 */
export function nextCoreGroups(data: MeasureData, context: MeasureContext<CoreGroupRules>, d: Day): NextCoreGroup[] {
  const schedule = scheduleCoreGroups(data, context);
  const meetings = need(data, 'core_groups');
  const plans = need(data, 'cp_plans');
  const latest = new Int32Array(plans.length).fill(NO_DAY);
  for (let row = 0; row < meetings.length; row++) {
    const plan = schedule.plan[row]!;
    if (plan < 0) continue;
    const date = meetings.get(row).meetingDate;
    if (date <= d && date > latest[plan]!) latest[plan] = date;
  }
  const open = openIndex(plans);
  const result: NextCoreGroup[] = [];
  for (let row = 0; row < plans.length; row++) {
    const plan = plans.get(row);
    if (plan.startDate > d || (plan.endDate !== null && plan.endDate <= d)) continue;
    // Of a child's plans open together, the next meeting will belong to the one a meeting after d is placed in.
    if (open.openOn(plan.childId, d + 1) !== row) continue;
    if (historyBefore(context, 'core_groups', plan.startDate)) continue;
    const previous = latest[row] === NO_DAY ? null : latest[row]!;
    result.push({ plan, previous, due: coreGroupDue(plan.startDate, previous, context.rules, context.calendar) });
  }
  return result;
}

/** A meeting with its plan and due date, for one row of the schedule. */
function placedMeeting(schedule: CoreGroupSchedule, row: number, meeting: CoreGroup, plans: Records<CpPlan>): PlacedMeeting {
  const plan = schedule.plan[row]!;
  const nullable = (d: number) => (d === NO_DAY ? null : d);
  return {
    meeting,
    plan: plan < 0 ? null : plans.get(plan),
    sequence: schedule.sequence[row]!,
    previous: nullable(schedule.previous[row]!),
    due: nullable(schedule.due[row]!),
  };
}

/** Explanation details of a placed meeting. */
export function meetingDetail(m: PlacedMeeting, extra: Detail = {}): Detail {
  return {
    meeting_date: iso(m.meeting.meetingDate),
    plan: m.plan ? m.plan.key : null,
    plan_start: m.plan ? iso(m.plan.startDate) : null,
    sequence: m.sequence || null,
    previous_meeting: iso(m.previous),
    due: iso(m.due),
    ...extra,
  };
}

/**
 * Shared walk for the core-group measures: cancelled meetings and meetings
 * without a plan are left out; `judge` decides the rest.
 */
export function evaluateMeetings(
  data: MeasureData,
  context: MeasureContext<CoreGroupRules>,
  out: Outcomes,
  judge: (m: PlacedMeeting) => { met: boolean; detail?: Detail },
): void {
  const schedule = scheduleCoreGroups(data, context);
  const meetings = need(data, 'core_groups');
  const plans = need(data, 'cp_plans');
  out.from('core_groups');
  for (let row = 0; row < meetings.length; row++) {
    const meeting = meetings.get(row);
    const ps = out.periodsOf(meeting.meetingDate);
    // A meeting outside every period is looked at no further, unless someone wants to see it.
    if (ps.length === 0 && !out.observingSkipped) continue;
    const m = placedMeeting(schedule, row, meeting, plans);
    if (schedule.cancelled[row]) {
      for (const p of ps) out.exclude(p, m.meeting, 'cancelled', out.observing ? { meeting_date: iso(m.meeting.meetingDate) } : undefined);
      if (ps.length === 0 && out.observingSkipped) out.skip(-1, m.meeting, 'not-in-period', { meeting_date: iso(m.meeting.meetingDate), status: 'cancelled' });
      continue;
    }
    if (ps.length === 0) {
      // Earlier meetings matter to an auditor: they set the next one's due date.
      if (out.observingSkipped) out.skip(-1, m.meeting, 'not-in-period', meetingDetail(m));
      continue;
    }
    if (!m.plan) {
      for (const p of ps) out.exclude(p, m.meeting, 'no-plan', out.observing ? meetingDetail(m) : undefined);
      continue;
    }
    if (historyBefore(context, 'core_groups', m.plan.startDate)) {
      for (const p of ps) out.exclude(p, m.meeting, HISTORY_BEFORE_EXTRACT, out.observing ? meetingDetail(m) : undefined, m.plan);
      continue;
    }
    const verdict = judge(m);
    const detail = out.observing ? meetingDetail(m, verdict.detail) : undefined;
    // A meeting counts for the team and worker of its plan.
    for (const p of ps) {
      if (verdict.met) out.met(p, m.meeting, detail, m.plan);
      else out.notMet(p, m.meeting, detail, m.plan);
    }
  }
}
