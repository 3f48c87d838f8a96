/**
 * For every measure, the record-level trail handed to the observer adds up to
 * the scorecard tally: numerator and denominator contributions sum to the
 * tally's, and the excluded records count up to its excluded reasons.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/day.js';
import { MEASURES } from '../../src/measures/index.js';
import type { Measure } from '../../src/measures/types.js';
import {
  assessment,
  careLeaver,
  caseRecord,
  claPeriod,
  claReview,
  contact,
  coreGroup,
  cpPlan,
  cpReview,
  cpVisit,
  type DataInput,
  day,
  referral,
  s47Enquiry,
  missingEpisode,
  placement,
  proceedingsRow,
  type RulesInput,
  run,
  type RunResult,
  supervision,
  build,
} from '../helpers/records.js';

/** Counted by weight (FTE, or leavers over those in post), not one per record. */
const WEIGHED = new Set(['staff_permanent', 'staff_turnover_12m']);

const AS_AT = '2021-05-10';
const FROM = '2020-10';
const TO = '2021-05';
/** Children aged 0-17, by year, for the rates per 10,000. */
const POPULATION = { 2020: 52_000, 2021: 52_400 };

/** A hand-made mix touching every rule's edges. */
function mixedData(): DataInput {
  return {
    contacts: [
      contact({ childId: '1', contactDate: '2021-01-29', decisionDate: '2021-02-01' }),
      contact({ childId: '2', contactDate: '2021-01-29', decisionDate: '2021-02-02' }),
      contact({ childId: '3', contactDate: '2021-05-07', decisionDate: null }),
      contact({ childId: '4', contactDate: '2021-05-06', decisionDate: null }),
      contact({ childId: '5', contactDate: '2020-12-24', decisionDate: '2020-12-29' }),
      contact({ childId: '6', contactDate: '2020-09-30', decisionDate: '2020-10-01' }),
      contact({ childId: '7', contactDate: '2021-04-01', decisionDate: '2021-04-07' }),
    ],
    assessments: [
      assessment({ childId: '1', kind: 'new', startDate: '2021-01-04', authorisedDate: '2021-03-08', referralDate: '2020-12-20' }),
      assessment({ childId: '2', kind: 'update', startDate: '2021-01-04', authorisedDate: '2021-03-09' }),
      assessment({ childId: '3', kind: null, startDate: '2020-11-23', authorisedDate: null }),
      assessment({ childId: '4', kind: 'new', startDate: '2020-12-01', authorisedDate: '2021-02-08', referralDate: '2020-11-30' }),
      assessment({ childId: '5', kind: 'new', startDate: '2021-05-10', authorisedDate: null }),
      assessment({ childId: '6', kind: 'new', startDate: '2020-08-01', authorisedDate: '2020-10-30' }),
    ],
    cp_plans: [
      cpPlan({ childId: '1', startDate: '2021-01-04' }),
      cpPlan({ childId: '2', startDate: '2020-04-30', endDate: '2021-02-01' }),
      cpPlan({ childId: '3', startDate: '2020-05-31' }),
      cpPlan({ childId: '4', startDate: '2019-12-01', endDate: '2021-01-31' }),
      cpPlan({ childId: '2', startDate: '2021-01-20' }),
    ],
    core_groups: [
      coreGroup({ childId: '1', meetingDate: '2021-02-15', education: true, police: false }),
      coreGroup({ childId: '1', meetingDate: '2021-01-18', education: false, health: true }),
      coreGroup({ childId: '1', meetingDate: '2021-03-16', other: true }),
      coreGroup({ childId: '1', meetingDate: '2021-03-01', status: 'cancelled', education: true }),
      coreGroup({ childId: '2', meetingDate: '2021-01-25', police: true, health: false, other: false }),
      coreGroup({ childId: '9', meetingDate: '2021-01-25', education: true }),
      coreGroup({ childId: '3', meetingDate: '2020-06-10', education: true }),
      coreGroup({ childId: '3', meetingDate: '2020-10-12', education: null }),
    ],
    supervisions: [
      supervision({ childId: '1', supervisionDate: '2020-12-31' }),
      supervision({ childId: '1', supervisionDate: '2021-02-27' }),
      supervision({ childId: '2', supervisionDate: '2020-11-15' }),
      supervision({ childId: '3', supervisionDate: '2021-01-31' }),
    ],
    cases: [
      caseRecord({ childId: '1', startDate: '2020-12-01', worker: 'SW1', caseType: 'CP' }),
      caseRecord({ childId: '2', startDate: '2020-11-01', worker: 'SW1', caseType: 'CLA' }),
      caseRecord({ childId: '3', startDate: '2020-10-15', worker: null, caseType: null }),
      caseRecord({ childId: '4', startDate: '2020-06-01', endDate: '2021-01-31', worker: 'SW2' }),
      caseRecord({ childId: '5', startDate: '2021-04-01', worker: 'SW3' }),
    ],
    referrals: [
      referral({ childId: '1', referralDate: '2020-02-29' }),
      referral({ childId: '1', referralDate: '2021-02-28' }),
      referral({ childId: '2', referralDate: '2021-01-04' }),
      referral({ childId: '2', referralDate: '2021-01-04' , referralId: 'R2b' }),
      referral({ childId: '3', referralDate: '2020-10-01', nfa: true }),
    ],
    s47: [
      s47Enquiry({ childId: '1', startDate: '2020-12-22', icpcDate: '2021-01-14' }),
      s47Enquiry({ childId: '2', strategyDate: '2021-03-29', startDate: '2021-03-30', icpcDate: '2021-04-21' }),
      s47Enquiry({ childId: '3', startDate: '2021-04-01', icpcNotRequired: true }),
    ],
    cp_reviews: [
      cpReview({ childId: '1', reviewDate: '2021-04-06' }),
      cpReview({ childId: '3', reviewDate: '2020-08-28' }),
      cpReview({ childId: '3', reviewDate: '2021-03-01' }),
      cpReview({ childId: '9', reviewDate: '2021-03-01' }),
    ],
    cp_visits: [
      cpVisit({ childId: '1', visitDate: '2021-01-15' }),
      cpVisit({ childId: '1', visitDate: '2021-04-29', seen: false }),
      cpVisit({ childId: '3', visitDate: '2021-04-20', seen: true }),
      cpVisit({ childId: '2', visitDate: '2021-01-29' }),
    ],
    cla_periods: [
      claPeriod({ childId: '1', startDate: '2018-01-15', dateOfBirth: '2010-02-28' }),
      claPeriod({ childId: '2', startDate: '2020-11-02', endDate: '2021-03-31', dateOfBirth: '2004-02-29' }),
      claPeriod({ childId: '3', startDate: '2020-06-01', legalStatus: 'V3' }),
      claPeriod({ childId: '2', startDate: '2021-04-06', dateOfBirth: '2004-02-29' }),
    ],
    placements: [
      placement({ childId: '1', startDate: '2018-01-15', endDate: '2018-12-31' }),
      placement({ childId: '1', startDate: '2019-01-01', placementType: 'A4' }),
      placement({ childId: '2', startDate: '2020-11-02', endDate: '2020-12-01' }),
      placement({ childId: '2', startDate: '2020-12-01', endDate: '2021-01-10' }),
      placement({ childId: '2', startDate: '2021-01-10', reason: 'L' }),
      placement({ childId: '2', startDate: '2021-04-06' }),
    ],
    cla_reviews: [
      claReview({ childId: '2', reviewDate: '2020-11-30', permanencePlan: false }),
      claReview({ childId: '2', reviewDate: '2021-03-01', permanencePlan: true }),
      claReview({ childId: '1', reviewDate: '2020-12-01' }),
      claReview({ childId: '3', reviewDate: '2020-12-01' }),
      claReview({ childId: '9', reviewDate: '2021-01-05' }),
    ],
    missing_episodes: [
      missingEpisode({ childId: '1', startDate: '2021-01-02', endDate: '2021-01-04', rhiOffered: true, rhiDate: '2021-01-07' }),
      missingEpisode({ childId: '2', startDate: '2021-01-30', endDate: '2021-02-01', rhiOffered: true, rhiDate: '2021-02-05' }),
      missingEpisode({ childId: '3', startDate: '2021-03-01', endDate: null }),
    ],
    care_leavers: [
      careLeaver({ childId: '1', recordDate: '2020-10-01', activity: 'F1: Full time in higher education', accommodationSuitable: 'Suitable' }),
      careLeaver({ childId: '1', recordDate: '2021-02-01', activity: 'G6', accommodationSuitable: 'Unsuitable' }),
      careLeaver({ childId: '2', recordDate: '2020-12-01', dateOfBirth: '2002-02-28', activity: '0' }),
    ],
    proceedings: [
      proceedingsRow({ childId: '1', proceedingsId: 'C1', issueDate: '2020-08-03', endDate: '2021-01-31' }),
      proceedingsRow({ childId: '2', proceedingsId: 'C1', issueDate: '2020-08-10', endDate: '2021-02-01' }),
      proceedingsRow({ childId: '3', proceedingsId: 'C2', issueDate: '2020-12-01' }),
      proceedingsRow({ childId: '4', proceedingsId: null, issueDate: '2020-10-01', endDate: '2021-03-30' }),
    ],
    staff: [
      build('staff', { staffId: 'W1', startDate: '2019-01-01', contract: 'permanent', team: 'MASH' }),
      build('staff', { staffId: 'W2', startDate: '2019-01-01', endDate: '2020-12-31', contract: 'permanent' }),
      build('staff', { staffId: 'W3', startDate: '2020-06-01', contract: 'agency', role: 'Social Worker' }),
      build('staff', { staffId: 'W4', startDate: '2020-06-01', contract: null }),
      build('staff', { staffId: 'W1', startDate: '2018-01-01', endDate: '2018-12-31', contract: 'permanent' }),
    ],
    complaints: [
      build('complaints', { complaintId: 'C1', receivedDate: '2021-01-04', responseDate: '2021-01-18', stage: '1' }),
      build('complaints', { complaintId: 'C2', receivedDate: '2021-01-04', responseDate: '2021-02-02', stage: '1', extended: true }),
      build('complaints', { complaintId: 'C3', receivedDate: '2021-03-01', responseDate: null, stage: '1' }),
      build('complaints', { complaintId: 'C4', receivedDate: '2021-03-01', responseDate: '2021-03-30', stage: '2' }),
    ],
  };
}

/** Checks that the observations add up to the tally, and that every observation is well formed. */
function expectReconciled(measure: Measure, r: RunResult): void {
  expect(r.computable, `${measure.id} computable`).toBe(true);
  expect(r.observed, `${measure.id}: observations sum to the tally`).toEqual(r.periods);
  expect(r.unobserved, `${measure.id}: the tally does not depend on observing`).toEqual(r.periods);
  const seen = new Set<string>();
  for (const o of r.observations) {
    expect(o.period, measure.id).not.toBeNull();
    const pair = `${o.period?.id}|${o.extract}|${o.record.line}`;
    expect(seen.has(pair), `${measure.id}: ${pair} reported twice`).toBe(false);
    seen.add(pair);
    expect(measure.extracts, measure.id).toContain(o.extract);
    if (o.status === 'excluded') {
      expect(o.reason, measure.id).not.toBeNull();
      expect([o.numerator, o.denominator], measure.id).toEqual([0, 0]);
    } else {
      expect(o.reason, measure.id).toBeNull();
    }
    if (measure.scale === 100 && o.status !== 'excluded' && !WEIGHED.has(measure.id)) {
      expect(o.denominator, measure.id).toBe(1);
      expect(o.numerator, measure.id).toBe(o.status === 'met' ? 1 : 0);
    }
  }
}

describe('every measure: the observations add up to the tally', () => {
  it('covers every measure', () => {
    expect(MEASURES.map((m) => m.id)).toEqual([
      'contacts_1wd',
      'assessments_45wd',
      'assessments_45wd_new',
      'assessments_open_over_45wd',
      'cp_over_9m',
      'cp_over_9m_avg_days',
      'core_groups_in_time',
      'core_groups_education',
      'core_groups_police',
      'core_groups_health',
      'core_groups_other',
      'supervision_in_time',
      'caseload_avg',
      'referrals_repeat_12m',
      'referrals_rate_per_10k',
      'assessments_child_seen',
      'assessments_education',
      'assessments_police',
      'assessments_health',
      'assessments_other',
      'icpc_15wd',
      'cp_repeat',
      'cp_open_avg_days',
      'cp_rate_per_10k',
      'cp_reviews_in_time',
      'cp_reviews_overdue',
      'cp_visits_in_time',
      'cla_rate_per_10k',
      'cla_placements_3plus',
      'cla_long_term_stability',
      'cla_reviews_in_time',
      'cla_reviews_overdue',
      'cla_permanence_by_2nd_review',
      'missing_rhi_offered',
      'missing_rhi_done',
      'missing_rhi_72h',
      'care_leavers_eet',
      'care_leavers_suitable_accommodation',
      'proceedings_26wk',
      'proceedings_open_over_26wk',
      'staff_permanent',
      'staff_turnover_12m',
      'complaints_in_time',
      'complaints_overdue',
    ]);
  });

  it.each(MEASURES.map((m) => ({ id: m.id, measure: m })))('$id on a hand-made mix', ({ measure }) => {
    const r = run(measure, mixedData(), { from: FROM, to: TO, asAt: AS_AT, population: POPULATION });
    expectReconciled(measure, r);
    const totals = Object.values(r.periods).reduce((n, t) => n + t.denominator, 0);
    expect(totals, `${measure.id} has something to count`).toBeGreaterThan(0);
  });

  it.each(MEASURES.map((m) => ({ id: m.id, measure: m })))('$id with the referral clock and other intervals', ({ measure }) => {
    const rules: RulesInput = {
      assessments: { clockStart: 'referral' },
      contacts: { timescale: '2wd' },
      coreGroups: { thenEvery: '6w' },
      supervision: { byCaseType: { CLA: '3m' } },
      icpc: { within: '10wd' },
      cpReviews: { firstWithin: '2m', thenEvery: '3m' },
      cpVisits: { every: '4w' },
    };
    const r = run(measure, mixedData(), { from: FROM, to: TO, asAt: AS_AT, rules, population: POPULATION });
    expectReconciled(measure, r);
  });

  it('a measure that is not computable reports nothing', () => {
    for (const measure of MEASURES) {
      const r = run(measure, {}, { from: FROM, to: TO, asAt: AS_AT });
      expect(r.computable, measure.id).toBe(false);
      expect(r.reason, measure.id).toBeTruthy();
      expect(r.observations, measure.id).toHaveLength(0);
    }
  });
});

// ---------------------------------------------------------------- random data

const FIRST = day('2020-01-01');
const LAST = day(AS_AT);
const iso = (d: number): string => formatDay(d);
const child = fc.constantFrom('1', '2', '3', '4', '5');
const someDay = fc.integer({ min: FIRST, max: LAST });
/** A day `start + 0..span`, capped at as-at, or null. */
const after = (start: number, span: number) =>
  fc.option(fc.integer({ min: 0, max: span }).map((n) => iso(Math.min(LAST, start + n))), { nil: null });

const contactArb = fc
  .record({ childId: child, d: someDay })
  .chain(({ childId, d }) => after(d, 6).map((decisionDate) => contact({ childId, contactDate: iso(d), decisionDate })));

const assessmentArb = fc
  .record({
    childId: child,
    d: someDay,
    kind: fc.constantFrom('new' as const, 'update' as const, null),
    back: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  })
  .chain(({ childId, d, kind, back }) =>
    after(d, 90).map((authorisedDate) =>
      assessment({ childId, startDate: iso(d), kind, authorisedDate, referralDate: back === null ? null : iso(d - back) }),
    ),
  );

const planArb = fc
  .record({ childId: child, d: someDay })
  .chain(({ childId, d }) => after(d, 400).map((endDate) => cpPlan({ childId, startDate: iso(d), endDate })));

const flag = fc.constantFrom(true, false, null);
const meetingArb = fc
  .record({
    childId: child,
    d: someDay,
    cancelled: fc.boolean(),
    education: flag,
    police: flag,
    health: flag,
    other: flag,
  })
  .map(({ d, cancelled, ...rest }) => coreGroup({ ...rest, meetingDate: iso(d), status: cancelled ? 'cancelled' : 'held' }));

const supervisionArb = fc.record({ childId: child, d: someDay }).map(({ childId, d }) => supervision({ childId, supervisionDate: iso(d) }));

const caseArb = fc
  .record({
    childId: child,
    d: someDay,
    caseType: fc.constantFrom('CIN', 'CP', 'CLA', null),
    worker: fc.constantFrom('A', 'B', 'C', null),
  })
  .chain(({ childId, d, caseType, worker }) =>
    after(d, 300).map((endDate) => caseRecord({ childId, startDate: iso(d), endDate, caseType, worker })),
  );

const referralArb = fc
  .record({ childId: child, d: someDay, nfa: flag })
  .map(({ childId, d, nfa }) => referral({ childId, referralDate: iso(d), nfa }));

const s47Arb = fc
  .record({ childId: child, d: someDay, strategy: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) })
  .chain(({ childId, d, strategy }) =>
    after(d, 30).map((icpcDate) => s47Enquiry({ childId, startDate: iso(d), strategyDate: strategy === null ? null : iso(d - strategy), icpcDate })),
  );

const reviewArb = fc.record({ childId: child, d: someDay }).map(({ childId, d }) => cpReview({ childId, reviewDate: iso(d) }));

const visitArb = fc.record({ childId: child, d: someDay, seen: flag }).map(({ childId, d, seen }) => cpVisit({ childId, visitDate: iso(d), seen }));
const claPeriodArb = fc
  .record({ childId: child, d: someDay, born: someDay, legalStatus: fc.constantFrom('C2', 'V3', null) })
  .chain(({ childId, d, born, legalStatus }) =>
    after(d, 500).map((endDate) => claPeriod({ childId, startDate: iso(d), endDate, legalStatus, dateOfBirth: iso(born - 5000) })),
  );
const placementArb = fc
  .record({ childId: child, d: someDay, reason: fc.constantFrom('L', 'B', null), placementType: fc.constantFrom('U1', 'A4', null) })
  .chain(({ childId, d, reason, placementType }) => after(d, 300).map((endDate) => placement({ childId, startDate: iso(d), endDate, reason, placementType })));
const claReviewArb = fc
  .record({ childId: child, d: someDay, permanencePlan: flag })
  .map(({ childId, d, permanencePlan }) => claReview({ childId, reviewDate: iso(d), permanencePlan }));
const missingArb = fc
  .record({ childId: child, d: someDay, rhiOffered: flag })
  .chain(({ childId, d, rhiOffered }) =>
    after(d, 5).chain((endDate) =>
      after(endDate === null ? d : day(endDate), 6).map((rhiDate) => missingEpisode({ childId, startDate: iso(d), endDate, rhiOffered, rhiDate: endDate === null ? null : rhiDate })),
    ),
  );
const careLeaverArb = fc
  .record({ childId: child, d: someDay, born: fc.integer({ min: day('1997-01-01'), max: day('2004-12-31') }), activity: fc.constantFrom('F1', 'G4', '0', null) })
  .map(({ childId, d, born, activity }) => careLeaver({ childId, recordDate: iso(d), dateOfBirth: iso(born), activity }));
const proceedingsArb = fc
  .record({ childId: child, d: someDay, proceedingsId: fc.constantFrom('C1', 'C2', null) })
  .chain(({ childId, d, proceedingsId }) => after(d, 300).map((endDate) => proceedingsRow({ childId, proceedingsId, issueDate: iso(d), endDate })));
const staffArb = fc
  .record({
    staffId: fc.constantFrom('W1', 'W2', 'W3'),
    d: someDay,
    contract: fc.constantFrom('permanent' as const, 'agency' as const, null),
    fte: fc.constantFrom(1, 0.5, null),
  })
  .chain(({ staffId, d, contract, fte }) =>
    after(d, 300).map((endDate) => build('staff', { staffId, startDate: iso(d), endDate, contract, fte })),
  );

const complaintArb = fc
  .record({ childId: fc.option(child, { nil: null }), d: someDay, stage: fc.constantFrom('1' as const, '2' as const, '3' as const), extended: flag })
  .chain(({ childId, d, stage, extended }) =>
    after(d, 40).map((responseDate) => build('complaints', { childId, receivedDate: iso(d), responseDate, stage, extended })),
  );

const dataArb = fc.record({
  contacts: fc.array(contactArb, { maxLength: 12 }),
  assessments: fc.array(assessmentArb, { maxLength: 12 }),
  cp_plans: fc.array(planArb, { maxLength: 6 }),
  core_groups: fc.array(meetingArb, { maxLength: 15 }),
  supervisions: fc.array(supervisionArb, { maxLength: 10 }),
  cases: fc.array(caseArb, { maxLength: 10 }),
  referrals: fc.array(referralArb, { maxLength: 12 }),
  s47: fc.array(s47Arb, { maxLength: 8 }),
  cp_reviews: fc.array(reviewArb, { maxLength: 10 }),
  cp_visits: fc.array(visitArb, { maxLength: 12 }),
  cla_periods: fc.array(claPeriodArb, { maxLength: 6 }),
  placements: fc.array(placementArb, { maxLength: 10 }),
  cla_reviews: fc.array(claReviewArb, { maxLength: 8 }),
  missing_episodes: fc.array(missingArb, { maxLength: 8 }),
  care_leavers: fc.array(careLeaverArb, { maxLength: 8 }),
  proceedings: fc.array(proceedingsArb, { maxLength: 8 }),
  staff: fc.array(staffArb, { maxLength: 8 }),
  complaints: fc.array(complaintArb, { maxLength: 10 }),
});

const rulesArb: fc.Arbitrary<RulesInput> = fc.record({
  assessments: fc.record({ clockStart: fc.constantFrom('start' as const, 'referral' as const) }),
  contacts: fc.record({ timescale: fc.constantFrom('1wd', '2wd', '1d') }),
  coreGroups: fc.record({ firstWithin: fc.constantFrom('10wd', '5wd'), thenEvery: fc.constantFrom('4w', '6w', '28d') }),
  supervision: fc.record({ interval: fc.constantFrom('1m', '20wd') }),
  icpc: fc.record({ within: fc.constantFrom('15wd', '10wd') }),
  cpReviews: fc.record({ firstWithin: fc.constantFrom('3m', '60d'), thenEvery: fc.constantFrom('6m', '4m') }),
  cpVisits: fc.record({ every: fc.constantFrom('10wd', '2w') }),
});

describe('every measure: reconciliation on random records (property)', () => {
  it.each(MEASURES.map((m) => ({ id: m.id, measure: m })))('$id', ({ measure }) => {
    fc.assert(
      fc.property(dataArb, rulesArb, (data, rules) => {
        const r = run(measure, data, { from: '2020-11', to: '2021-05', asAt: AS_AT, rules, population: POPULATION });
        expectReconciled(measure, r);
      }),
      { numRuns: 40 },
    );
  });
});
