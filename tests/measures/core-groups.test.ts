import { describe, expect, it } from 'vitest';
import {
  coreGroupsEducation,
  coreGroupsHealth,
  coreGroupsOther,
  coreGroupsPolice,
} from '../../src/measures/core-groups-attendance.js';
import { coreGroupsInTime } from '../../src/measures/core-groups-in-time.js';
import { whyNotComputable } from '../../src/measures/index.js';
import {
  coreGroup,
  type CoreGroupInput,
  counts,
  cpPlan,
  type CpPlanInput,
  dataOf,
  outcome,
  records,
  rules,
  type RulesInput,
  run,
} from '../helpers/records.js';

interface MeetingCase {
  readonly name: string;
  /** Plans in file order; by default one plan of child 1 starting Mon 4 Jan 2021. */
  readonly plans?: readonly CpPlanInput[];
  /** Meetings in file order. */
  readonly meetings: readonly CoreGroupInput[];
  /** Index in `meetings` of the meeting judged. */
  readonly target: number;
  readonly from: string;
  readonly to?: string;
  readonly rules?: RulesInput;
  readonly expected: string;
}

const CASES: readonly MeetingCase[] = [
  // First meeting: plan start + 10 working days (Mon 4 Jan 2021 -> Mon 18 Jan).
  { name: 'first meeting on the 10th working day after plan start is met', meetings: [{ meetingDate: '2021-01-18' }], target: 0, from: '2021-01', expected: 'met' },
  { name: 'first meeting on the 11th working day is not met', meetings: [{ meetingDate: '2021-01-19' }], target: 0, from: '2021-01', expected: 'not-met' },
  { name: 'first meeting on the plan start day is met', meetings: [{ meetingDate: '2021-01-04' }], target: 0, from: '2021-01', expected: 'met' },
  {
    name: 'first meeting over Christmas: plan Thu 17 Dec 2020 is due Tue 5 Jan 2021 (met)',
    plans: [{ startDate: '2020-12-17' }],
    meetings: [{ meetingDate: '2021-01-05' }],
    target: 0,
    from: '2021-01',
    expected: 'met',
  },
  {
    name: 'first meeting over Christmas: Wed 6 Jan 2021 is not met',
    plans: [{ startDate: '2020-12-17' }],
    meetings: [{ meetingDate: '2021-01-06' }],
    target: 0,
    from: '2021-01',
    expected: 'not-met',
  },
  // Later meetings: previous + 4 weeks.
  {
    name: 'a later meeting 28 days after the previous is met',
    meetings: [{ meetingDate: '2021-01-18' }, { meetingDate: '2021-02-15' }],
    target: 1,
    from: '2021-01',
    to: '2021-02',
    expected: 'met',
  },
  {
    name: 'a later meeting 29 days after the previous is not met',
    meetings: [{ meetingDate: '2021-01-18' }, { meetingDate: '2021-02-16' }],
    target: 1,
    from: '2021-01',
    to: '2021-02',
    expected: 'not-met',
  },
  {
    name: 'a late first meeting still sets the clock for the next (19 Jan + 28 = 16 Feb, met)',
    meetings: [{ meetingDate: '2021-01-19' }, { meetingDate: '2021-02-16' }],
    target: 1,
    from: '2021-02',
    expected: 'met',
  },
  {
    name: 'the previous meeting may lie before the first reported period',
    meetings: [{ meetingDate: '2021-01-18' }, { meetingDate: '2021-02-15' }],
    target: 1,
    from: '2021-02',
    expected: 'met',
  },
  {
    name: 'the previous meeting may lie two periods back (Nov, Dec meetings, Jan reported)',
    plans: [{ startDate: '2020-11-02' }],
    meetings: [{ meetingDate: '2020-11-16' }, { meetingDate: '2020-12-14' }, { meetingDate: '2021-01-11' }],
    target: 2,
    from: '2021-01',
    expected: 'met',
  },
  {
    name: 'the previous meeting before the first period still makes a late one late',
    plans: [{ startDate: '2020-11-02' }],
    meetings: [{ meetingDate: '2020-11-16' }, { meetingDate: '2020-12-14' }, { meetingDate: '2021-01-12' }],
    target: 2,
    from: '2021-01',
    expected: 'not-met',
  },
  // Date order, not file order.
  {
    name: 'meetings are taken in date order even when the file lists the later one first',
    meetings: [{ meetingDate: '2021-02-15' }, { meetingDate: '2021-01-18' }],
    target: 0,
    from: '2021-02',
    expected: 'met',
  },
  {
    name: 'date order: the earlier meeting listed second is the first of the plan',
    meetings: [{ meetingDate: '2021-02-15' }, { meetingDate: '2021-01-18' }],
    target: 1,
    from: '2021-01',
    expected: 'met',
  },
  // Cancelled meetings.
  {
    name: 'a cancelled meeting is left out (cancelled)',
    meetings: [{ meetingDate: '2021-01-08', status: 'cancelled' }, { meetingDate: '2021-01-19' }],
    target: 0,
    from: '2021-01',
    expected: 'excluded:cancelled',
  },
  {
    name: 'a cancelled meeting does not start the sequence: the held one after it is the first (due 18 Jan)',
    meetings: [{ meetingDate: '2021-01-08', status: 'cancelled' }, { meetingDate: '2021-01-19' }],
    target: 1,
    from: '2021-01',
    expected: 'not-met',
  },
  {
    name: 'a cancelled meeting does not reset the 4-week clock',
    meetings: [{ meetingDate: '2021-01-18' }, { meetingDate: '2021-02-01', status: 'cancelled' }, { meetingDate: '2021-02-16' }],
    target: 2,
    from: '2021-02',
    expected: 'not-met',
  },
  // Which plan.
  {
    name: 'a meeting of a child with no plan is left out (no-plan)',
    meetings: [{ childId: '2', meetingDate: '2021-01-18' }],
    target: 0,
    from: '2021-01',
    expected: 'excluded:no-plan',
  },
  {
    name: 'a meeting before the plan starts has no plan',
    meetings: [{ meetingDate: '2021-01-03' }],
    target: 0,
    from: '2021-01',
    expected: 'excluded:no-plan',
  },
  {
    name: 'a meeting after the plan ended has no plan',
    plans: [{ startDate: '2021-01-04', endDate: '2021-01-17' }],
    meetings: [{ meetingDate: '2021-01-18' }],
    target: 0,
    from: '2021-01',
    expected: 'excluded:no-plan',
  },
  {
    name: "a meeting on the plan's end date belongs to the plan",
    plans: [{ startDate: '2021-01-04', endDate: '2021-01-18' }],
    meetings: [{ meetingDate: '2021-01-18' }],
    target: 0,
    from: '2021-01',
    expected: 'met',
  },
  {
    name: "another child's plan does not count",
    plans: [{ childId: '9', startDate: '2021-01-04' }],
    meetings: [{ childId: '1', meetingDate: '2021-01-18' }],
    target: 0,
    from: '2021-01',
    expected: 'excluded:no-plan',
  },
  {
    name: 'overlapping plans: the latest-starting plan is used (listed first)',
    plans: [{ startDate: '2021-01-11' }, { startDate: '2021-01-04' }],
    meetings: [{ meetingDate: '2021-01-25' }],
    target: 0,
    from: '2021-01',
    expected: 'met',
  },
  {
    name: 'overlapping plans: the latest-starting plan is used (listed last)',
    plans: [{ startDate: '2021-01-04' }, { startDate: '2021-01-11' }],
    meetings: [{ meetingDate: '2021-01-25' }],
    target: 0,
    from: '2021-01',
    expected: 'met',
  },
  {
    name: 'overlapping plans: a meeting before the later plan starts belongs to the earlier one',
    plans: [{ startDate: '2021-01-04' }, { startDate: '2021-01-11' }],
    meetings: [{ meetingDate: '2021-01-08' }, { meetingDate: '2021-01-26' }],
    target: 1,
    from: '2021-01',
    expected: 'not-met',
  },
  {
    name: 'plans starting the same day: the open one is used, not the one that ended (ended one listed first)',
    plans: [{ startDate: '2021-01-04', endDate: '2021-01-04' }, { startDate: '2021-01-04' }],
    meetings: [{ meetingDate: '2021-01-04' }, { meetingDate: '2021-02-01' }],
    target: 1,
    from: '2021-02',
    expected: 'met',
  },
  {
    name: 'plans starting the same day: the open one is used, not the one that ended (ended one listed last)',
    plans: [{ startDate: '2021-01-04' }, { startDate: '2021-01-04', endDate: '2021-01-04' }],
    meetings: [{ meetingDate: '2021-01-04' }, { meetingDate: '2021-02-01' }],
    target: 1,
    from: '2021-02',
    expected: 'met',
  },
  {
    name: 'plans starting the same day: the one ending later is used',
    plans: [{ startDate: '2021-01-04', endDate: '2021-01-10' }, { startDate: '2021-01-04', endDate: '2021-03-31' }],
    meetings: [{ meetingDate: '2021-01-08' }, { meetingDate: '2021-02-05' }],
    target: 1,
    from: '2021-02',
    expected: 'met',
  },
  {
    name: 'a new plan starts a new sequence: its first meeting is due 10 working days after its start',
    plans: [
      { startDate: '2020-11-02', endDate: '2021-01-04' },
      { startDate: '2021-01-11' },
    ],
    meetings: [{ meetingDate: '2020-11-16' }, { meetingDate: '2021-01-22' }],
    target: 1,
    from: '2021-01',
    expected: 'met',
  },
  // Configurable intervals.
  {
    name: 'thenEvery 6w: 42 days after the previous is met',
    meetings: [{ meetingDate: '2021-01-18' }, { meetingDate: '2021-03-01' }],
    target: 1,
    from: '2021-03',
    rules: { coreGroups: { thenEvery: '6w' } },
    expected: 'met',
  },
  {
    name: 'thenEvery 6w: 43 days after the previous is not met',
    meetings: [{ meetingDate: '2021-01-18' }, { meetingDate: '2021-03-02' }],
    target: 1,
    from: '2021-03',
    rules: { coreGroups: { thenEvery: '6w' } },
    expected: 'not-met',
  },
  {
    name: 'thenEvery 6w: a meeting 29 days on is now met',
    meetings: [{ meetingDate: '2021-01-18' }, { meetingDate: '2021-02-16' }],
    target: 1,
    from: '2021-02',
    rules: { coreGroups: { thenEvery: '6w' } },
    expected: 'met',
  },
  {
    name: 'firstWithin 5wd: plan Mon 4 Jan is due Mon 11 Jan (met)',
    meetings: [{ meetingDate: '2021-01-11' }],
    target: 0,
    from: '2021-01',
    rules: { coreGroups: { firstWithin: '5wd' } },
    expected: 'met',
  },
  {
    name: 'firstWithin 5wd: Tue 12 Jan is not met',
    meetings: [{ meetingDate: '2021-01-12' }],
    target: 0,
    from: '2021-01',
    rules: { coreGroups: { firstWithin: '5wd' } },
    expected: 'not-met',
  },
  {
    name: 'thenEvery 1m: 18 Jan + 1 month = 18 Feb (met)',
    meetings: [{ meetingDate: '2021-01-18' }, { meetingDate: '2021-02-18' }],
    target: 1,
    from: '2021-02',
    rules: { coreGroups: { thenEvery: '1m' } },
    expected: 'met',
  },
];

describe('core_groups_in_time: first due plan start + 10wd, then previous + 4w', () => {
  it.each(CASES)('$name', (c) => {
    const plans = (c.plans ?? [{}]).map((p) => cpPlan(p));
    const meetings = c.meetings.map((m) => coreGroup(m));
    const target = meetings[c.target]!;
    const r = run(coreGroupsInTime, { cp_plans: plans, core_groups: meetings }, {
      from: c.from,
      ...(c.to ? { to: c.to } : {}),
      ...(c.rules ? { rules: c.rules } : {}),
    });
    const period = c.meetings[c.target]!.meetingDate!.slice(0, 7);
    expect(outcome(r, target, period)).toBe(c.expected);
  });

  it('tallies a month of meetings', () => {
    const plans = [cpPlan({ childId: '1', startDate: '2021-01-04' }), cpPlan({ childId: '2', startDate: '2021-01-04' })];
    const meetings = [
      coreGroup({ childId: '1', meetingDate: '2021-01-18' }), // first, met
      coreGroup({ childId: '2', meetingDate: '2021-01-19' }), // first, late
      coreGroup({ childId: '1', meetingDate: '2021-02-15' }), // second, met
      coreGroup({ childId: '2', meetingDate: '2021-02-15' }), // second (19 Jan + 28 = 16 Feb), met
      coreGroup({ childId: '1', meetingDate: '2021-02-20', status: 'cancelled' }),
      coreGroup({ childId: '3', meetingDate: '2021-02-20' }), // no plan
    ];
    const r = run(coreGroupsInTime, { cp_plans: plans, core_groups: meetings }, { from: '2021-01', to: '2021-02' });
    expect(r.periods['2021-01']).toEqual(counts(1, 2));
    expect(r.periods['2021-02']).toEqual(counts(2, 2, { cancelled: 1, 'no-plan': 1 }));
  });

  it('meetings outside every period are not reported', () => {
    const meetings = [coreGroup({ meetingDate: '2021-01-18' }), coreGroup({ meetingDate: '2021-01-20', status: 'cancelled' })];
    const r = run(coreGroupsInTime, { cp_plans: [cpPlan()], core_groups: meetings }, { from: '2021-02' });
    expect(r.periods['2021-02']).toEqual(counts(0, 0));
    expect(r.observations).toHaveLength(0);
  });

  it('is not computable without the cp_plans or the core_groups extract', () => {
    expect(run(coreGroupsInTime, { core_groups: [coreGroup()] }, { from: '2021-01' }).computable).toBe(false);
    expect(run(coreGroupsInTime, { cp_plans: [cpPlan()] }, { from: '2021-01' }).computable).toBe(false);
  });

  it('does not need the attendance columns', () => {
    const data = dataOf({
      cp_plans: [cpPlan()],
      core_groups: records('core_groups', [coreGroup()], { without: ['education', 'police', 'health', 'other'] }),
    });
    expect(whyNotComputable(coreGroupsInTime, data, rules())).toBeUndefined();
  });
});

const AGENCIES = [
  { agency: 'education', measure: coreGroupsEducation },
  { agency: 'police', measure: coreGroupsPolice },
  { agency: 'health', measure: coreGroupsHealth },
  { agency: 'other', measure: coreGroupsOther },
] as const;

describe('core_groups_<agency>: held meetings with a plan, counted when the agency attended', () => {
  const ATTENDED: readonly { name: string; attended: boolean | null; expected: string }[] = [
    { name: 'attended (true) counts', attended: true, expected: 'met' },
    { name: 'not attended (false) does not count', attended: false, expected: 'not-met' },
    { name: 'blank (null) does not count but is in the denominator', attended: null, expected: 'not-met' },
  ];

  describe.each(AGENCIES)('$agency', ({ agency, measure }) => {
    it.each(ATTENDED)('$name', ({ attended, expected }) => {
      const m = coreGroup({ meetingDate: '2021-01-25', [agency]: attended });
      const r = run(measure, { cp_plans: [cpPlan()], core_groups: [m] }, { from: '2021-01' });
      expect(outcome(r, m)).toBe(expected);
      expect(r.periods['2021-01']).toEqual(expected === 'met' ? counts(1, 1) : counts(0, 1));
    });

    it('only its own column counts', () => {
      const others = Object.fromEntries(AGENCIES.map((a) => [a.agency, a.agency !== agency]));
      const m = coreGroup({ meetingDate: '2021-01-25', ...others });
      const r = run(measure, { cp_plans: [cpPlan()], core_groups: [m] }, { from: '2021-01' });
      expect(r.periods['2021-01']).toEqual(counts(0, 1));
    });

    it('an attended meeting without a plan or cancelled is left out', () => {
      const noPlan = coreGroup({ childId: '2', meetingDate: '2021-01-25', [agency]: true });
      const cancelled = coreGroup({ meetingDate: '2021-01-26', status: 'cancelled', [agency]: true });
      const r = run(measure, { cp_plans: [cpPlan()], core_groups: [noPlan, cancelled] }, { from: '2021-01' });
      expect(r.periods['2021-01']).toEqual(counts(0, 0, { cancelled: 1, 'no-plan': 1 }));
    });

    it('a late meeting still counts attendance', () => {
      const late = coreGroup({ meetingDate: '2021-01-29', [agency]: true });
      const r = run(measure, { cp_plans: [cpPlan()], core_groups: [late] }, { from: '2021-01' });
      expect(r.periods['2021-01']).toEqual(counts(1, 1));
    });

    it(`is not computable when the core_groups extract has no ${agency} column`, () => {
      const data = dataOf({
        cp_plans: [cpPlan()],
        core_groups: records('core_groups', [coreGroup()], { without: [agency] }),
      });
      const r = run(measure, data, { from: '2021-01' });
      expect(r.computable).toBe(false);
      expect(r.reason).toMatch(new RegExp(agency));
      expect(whyNotComputable(measure, data, rules())).toMatch(new RegExp(agency));
    });

    it('is computable when only the other agencies’ columns are missing', () => {
      const data = dataOf({
        cp_plans: [cpPlan()],
        core_groups: records('core_groups', [coreGroup({ [agency]: true })], {
          without: AGENCIES.map((a) => a.agency).filter((a) => a !== agency),
        }),
      });
      const r = run(measure, data, { from: '2021-01' });
      expect(r.computable).toBe(true);
      expect(r.periods['2021-01']).toEqual(counts(1, 1));
    });

    it('is not computable without the cp_plans extract', () => {
      const r = run(measure, { core_groups: [coreGroup({ [agency]: true })] }, { from: '2021-01' });
      expect(r.computable).toBe(false);
    });
  });

  it('tallies attendance over a run of months', () => {
    const meetings = [
      coreGroup({ meetingDate: '2021-01-18', education: true, police: false, health: null, other: true }),
      coreGroup({ meetingDate: '2021-02-15', education: false, police: true, health: true, other: null }),
      coreGroup({ meetingDate: '2021-02-16', education: null, police: true, health: true, other: null }),
    ];
    const data = { cp_plans: [cpPlan()], core_groups: meetings };
    const options = { from: '2021-01', to: '2021-02' };
    expect(run(coreGroupsEducation, data, options).periods).toEqual({ '2021-01': counts(1, 1), '2021-02': counts(0, 2) });
    expect(run(coreGroupsPolice, data, options).periods).toEqual({ '2021-01': counts(0, 1), '2021-02': counts(2, 2) });
    expect(run(coreGroupsHealth, data, options).periods).toEqual({ '2021-01': counts(0, 1), '2021-02': counts(2, 2) });
    expect(run(coreGroupsOther, data, options).periods).toEqual({ '2021-01': counts(1, 1), '2021-02': counts(0, 2) });
  });
});
