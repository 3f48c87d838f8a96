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
  caseRecord,
  contact,
  coreGroup,
  cpPlan,
  cpReview,
  cpVisit,
  type DataInput,
  day,
  referral,
  s47Enquiry,
  type RulesInput,
  run,
  type RunResult,
  supervision,
} from '../helpers/records.js';

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
    if (measure.scale === 100 && o.status !== 'excluded') {
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
