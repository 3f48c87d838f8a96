/**
 * Core groups: which plan each meeting belongs to, and when it was due.
 *
 * A held meeting belongs to the child's child protection plan open on the
 * meeting date (start_date <= meeting_date, and no end_date or
 * meeting_date <= end_date). If two of a child's plans overlap on that date,
 * the one that started last is used. A meeting with no such plan is left out.
 *
 * Within a plan, taken in date order (then file order), the first meeting is
 * due by the plan's start plus the first interval (10 working days by
 * default) and each later one by the previous meeting plus the later
 * interval (4 weeks by default). The previous meeting may lie in an earlier
 * period, or before the first period reported.
 */
import type { Day } from '../core/day.js';
import { addDuration } from '../core/duration.js';
import type { CoreGroup, CpPlan } from '../normalise/extracts.js';
import { iso } from './common.js';
import { type Detail, type MeasureContext, type MeasureData, type Outcomes, need } from './types.js';

export interface PlacedMeeting {
  readonly meeting: CoreGroup;
  readonly plan: CpPlan | null;
  /** 1 for the plan's first meeting. */
  readonly sequence: number;
  readonly previous: Day | null;
  readonly due: Day | null;
}

export interface CoreGroupSchedule {
  readonly held: readonly PlacedMeeting[];
  readonly cancelled: readonly CoreGroup[];
}

const schedules = new WeakMap<MeasureData, WeakMap<MeasureContext, CoreGroupSchedule>>();

/** Places every held meeting in its plan and works out its due date (memoised per data and context). */
export function scheduleCoreGroups(data: MeasureData, context: MeasureContext): CoreGroupSchedule {
  let byContext = schedules.get(data);
  if (!byContext) {
    byContext = new WeakMap();
    schedules.set(data, byContext);
  }
  const cached = byContext.get(context);
  if (cached) return cached;

  const plansByChild = new Map<string, CpPlan[]>();
  for (const plan of need(data, 'cp_plans')) {
    const list = plansByChild.get(plan.childId);
    if (list) list.push(plan);
    else plansByChild.set(plan.childId, [plan]);
  }

  const cancelled: CoreGroup[] = [];
  const unplaced: CoreGroup[] = [];
  const byPlan = new Map<CpPlan, CoreGroup[]>();
  for (const meeting of need(data, 'core_groups')) {
    if (meeting.status === 'cancelled') {
      cancelled.push(meeting);
      continue;
    }
    let plan: CpPlan | undefined;
    for (const candidate of plansByChild.get(meeting.childId) ?? []) {
      const open =
        candidate.startDate <= meeting.meetingDate && (candidate.endDate === null || meeting.meetingDate <= candidate.endDate);
      if (open && (!plan || candidate.startDate > plan.startDate)) plan = candidate;
    }
    if (!plan) unplaced.push(meeting);
    else {
      const list = byPlan.get(plan);
      if (list) list.push(meeting);
      else byPlan.set(plan, [meeting]);
    }
  }

  const held: PlacedMeeting[] = unplaced.map((meeting) => ({ meeting, plan: null, sequence: 0, previous: null, due: null }));
  const { calendar, rules } = context;
  for (const [plan, meetings] of byPlan) {
    meetings.sort((a, b) => a.meetingDate - b.meetingDate || a.line - b.line);
    let previous: Day | null = null;
    meetings.forEach((meeting, i) => {
      const due =
        previous === null
          ? addDuration(plan.startDate, rules.coreGroupFirst, calendar)
          : addDuration(previous, rules.coreGroupEvery, calendar);
      held.push({ meeting, plan, sequence: i + 1, previous, due });
      previous = meeting.meetingDate;
    });
  }
  // File order, so explanations read like the extract.
  held.sort((a, b) => a.meeting.line - b.meeting.line);
  const schedule = { held, cancelled };
  byContext.set(context, schedule);
  return schedule;
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
  context: MeasureContext,
  out: Outcomes,
  judge: (m: PlacedMeeting) => { met: boolean; detail?: Detail },
): void {
  const { held, cancelled } = scheduleCoreGroups(data, context);
  out.from('core_groups');
  for (const meeting of cancelled) {
    const p = out.periodOf(meeting.meetingDate);
    if (p >= 0) out.exclude(p, meeting, 'cancelled', out.observing ? { meeting_date: iso(meeting.meetingDate) } : undefined);
    else if (out.observingSkipped) out.skip(p, meeting, 'not-in-period', { meeting_date: iso(meeting.meetingDate), status: 'cancelled' });
  }
  for (const m of held) {
    const p = out.periodOf(m.meeting.meetingDate);
    if (p < 0) {
      // Earlier meetings matter to an auditor: they set the next one's due date.
      if (out.observingSkipped) out.skip(p, m.meeting, 'not-in-period', meetingDetail(m));
      continue;
    }
    if (!m.plan) {
      out.exclude(p, m.meeting, 'no-plan', out.observing ? meetingDetail(m) : undefined);
      continue;
    }
    const verdict = judge(m);
    const detail = out.observing ? meetingDetail(m, verdict.detail) : undefined;
    // A meeting counts for the team and worker of its plan.
    if (verdict.met) out.met(p, m.meeting, detail, m.plan);
    else out.notMet(p, m.meeting, detail, m.plan);
  }
}
