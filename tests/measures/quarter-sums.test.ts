/**
 * SPEC §9: a quarter's "in P" numerators and denominators are the sums of
 * its three months' (the months partition the events), and a month under a
 * 3-month window counts exactly what its quarter counts when it is the
 * quarter's last month. Checked on random records for every "in P" measure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/day.js';
import { type PeriodSpec, periodsBetween, parseMonth } from '../../src/core/period.js';
import { evaluate, MEASURES } from '../../src/measures/index.js';
import type { Measure } from '../../src/measures/types.js';
import {
  assessment,
  build,
  claPeriod,
  claReview,
  context,
  contact,
  coreGroup,
  cpPlan,
  cpReview,
  dataOf,
  day,
  missingEpisode,
  proceedingsRow,
  referral,
  s47Enquiry,
} from '../helpers/records.js';

/** Measures counting events dated in the period. */
const IN_P = [
  'contacts_1wd',
  'assessments_45wd',
  'assessments_45wd_new',
  'core_groups_in_time',
  'core_groups_education',
  'core_groups_police',
  'core_groups_health',
  'core_groups_other',
  'complaints_in_time',
  'referrals_repeat_12m',
  'assessments_child_seen',
  'assessments_education',
  'assessments_police',
  'assessments_health',
  'assessments_other',
  'icpc_15wd',
  'cp_repeat',
  'cp_reviews_in_time',
  'cla_reviews_in_time',
  'cla_permanence_by_2nd_review',
  'missing_rhi_offered',
  'missing_rhi_done',
  'missing_rhi_72h',
  'proceedings_26wk',
];
/** Measures of what is open (or in post, or waiting) at the snapshot S, and rolling look-backs from S. */
const AT_S = [
  'assessments_open_over_45wd',
  'cp_over_9m',
  'cp_over_9m_avg_days',
  'supervision_in_time',
  'caseload_avg',
  'staff_permanent',
  'staff_turnover_12m',
  'complaints_overdue',
  // The DfE's annual rate: always the twelve months to S, whatever the period.
  'referrals_rate_per_10k',
  'cp_open_avg_days',
  'cp_rate_per_10k',
  'cp_visits_in_time',
  'cp_reviews_overdue',
  'cla_rate_per_10k',
  'cla_placements_3plus',
  'cla_long_term_stability',
  'cla_reviews_overdue',
  'care_leavers_eet',
  'care_leavers_suitable_accommodation',
  'proceedings_open_over_26wk',
];

const AS_AT = '2021-05-10';
const FIRST = day('2020-01-01');
const LAST = day(AS_AT);
const iso = (d: number) => formatDay(d);
const child = fc.constantFrom('1', '2', '3');
const someDay = fc.integer({ min: FIRST, max: LAST });
const after = (start: number, span: number) => fc.option(fc.integer({ min: 0, max: span }).map((n) => iso(Math.min(LAST, start + n))), { nil: null });
const flag = fc.constantFrom(true, false, null);

const dataArb = fc.record({
  contacts: fc.array(fc.record({ c: child, d: someDay }).chain(({ c, d }) => after(d, 5).map((x) => contact({ childId: c, contactDate: iso(d), decisionDate: x }))), { maxLength: 15 }),
  assessments: fc.array(
    fc.record({ c: child, d: someDay, kind: fc.constantFrom('new' as const, 'update' as const) }).chain(({ c, d, kind }) =>
      after(d, 120).map((x) => assessment({ childId: c, startDate: iso(d), authorisedDate: x, kind, childSeen: true, education: false, police: true, health: null, other: false })),
    ),
    { maxLength: 15 },
  ),
  cp_plans: fc.array(fc.record({ c: child, d: someDay }).chain(({ c, d }) => after(d, 400).map((x) => cpPlan({ childId: c, startDate: iso(d), endDate: x }))), { maxLength: 5 }),
  core_groups: fc.array(
    fc.record({ c: child, d: someDay, education: flag, police: flag, health: flag, other: flag }).map(({ c, d, ...agencies }) => coreGroup({ childId: c, meetingDate: iso(d), ...agencies })),
    { maxLength: 15 },
  ),
  referrals: fc.array(fc.record({ c: child, d: someDay }).map(({ c, d }) => referral({ childId: c, referralDate: iso(d) })), { maxLength: 15 }),
  s47: fc.array(fc.record({ c: child, d: someDay }).chain(({ c, d }) => after(d, 30).map((x) => s47Enquiry({ childId: c, startDate: iso(d), icpcDate: x }))), { maxLength: 10 }),
  cp_reviews: fc.array(fc.record({ c: child, d: someDay }).map(({ c, d }) => cpReview({ childId: c, reviewDate: iso(d) })), { maxLength: 10 }),
  cla_periods: fc.array(fc.record({ c: child, d: someDay }).chain(({ c, d }) => after(d, 400).map((x) => claPeriod({ childId: c, startDate: iso(d), endDate: x }))), { maxLength: 5 }),
  cla_reviews: fc.array(fc.record({ c: child, d: someDay, plan: flag }).map(({ c, d, plan }) => claReview({ childId: c, reviewDate: iso(d), permanencePlan: plan })), { maxLength: 10 }),
  missing_episodes: fc.array(
    fc.record({ c: child, d: someDay, offered: flag }).chain(({ c, d, offered }) =>
      after(d, 5).chain((back) => (back === null ? fc.constant(null) : after(day(back), 6)).map((rhi) => missingEpisode({ childId: c, startDate: iso(d), endDate: back, rhiOffered: offered, rhiDate: rhi }))),
    ),
    { maxLength: 10 },
  ),
  proceedings: fc.array(
    fc.record({ c: child, d: someDay, id: fc.constantFrom('P1', 'P2', null) }).chain(({ c, d, id }) => after(d, 300).map((x) => proceedingsRow({ childId: c, proceedingsId: id, issueDate: iso(d), endDate: x }))),
    { maxLength: 6 },
  ),
  complaints: fc.array(
    fc.record({ d: someDay, stage: fc.constantFrom('1' as const, '2' as const), extended: flag }).chain(({ d, stage, extended }) =>
      after(d, 40).map((x) => build('complaints', { receivedDate: iso(d), responseDate: x, stage, extended })),
    ),
    { maxLength: 15 },
  ),
});

function tallies(measure: Measure, data: ReturnType<typeof dataOf>, from: string, to: string, spec?: PeriodSpec) {
  const ctx = context({ asAt: AS_AT });
  const e = evaluate(measure, data, ctx, periodsBetween(parseMonth(from)!, parseMonth(to)!, ctx.asAt, spec));
  if (!e.computable) throw new Error(`${measure.id}: ${e.reason}`);
  return e.tallies.map((t) => [t.numerator, t.denominator]);
}

describe('quarters and their months', () => {
  it('every measure is classed as "in P" or "at S"', () => {
    expect([...IN_P, ...AT_S].sort()).toEqual(MEASURES.map((m) => m.id).sort());
  });

  it.each(IN_P)('%s: the three months of each quarter sum to the quarter, and a 3-month window on its last month is the quarter', (id) => {
    const measure = MEASURES.find((m) => m.id === id)!;
    fc.assert(
      fc.property(dataArb, (input) => {
        const data = dataOf(input);
        // 2020-21 Q1 to Q4 (April 2020 to March 2021), and its twelve months.
        const quarters = tallies(measure, data, '2020-04', '2021-01', { kind: 'quarter', yearStart: 4, window: null });
        const months = tallies(measure, data, '2020-04', '2021-03');
        const summed = quarters.map((_, q) => [0, 1, 2].reduce(([n, d], k) => [n! + months[3 * q + k]![0]!, d! + months[3 * q + k]![1]!], [0, 0]));
        expect(summed).toEqual(quarters);
        const windowed = tallies(measure, data, '2020-04', '2021-03', { kind: 'month', yearStart: 4, window: 3 });
        expect([2, 5, 8, 11].map((m) => windowed[m])).toEqual(quarters);
      }),
      { numRuns: 60 },
    );
  });
});
