/**
 * The worklist's boundaries, kind by kind: an item due tomorrow, due today,
 * overdue by one working day, and due just inside and just outside the
 * window, with the window from a Friday across the Spring bank holiday
 * (Monday 31 May 2021) and the working days left that are right for each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/day.js';
import { parseDuration } from '../../src/core/duration.js';
import { buildWorklist, kindsNamed, workingDaysLeft, WORKLIST_KINDS, type WorklistKind } from '../../src/report/worklist.js';
import {
  assessment,
  calendar,
  build,
  caseRecord,
  claPeriod,
  claReview,
  context,
  contact,
  coreGroup,
  cpPlan,
  cpReview,
  cpVisit,
  type DataInput,
  dataOf,
  day,
  missingEpisode,
  proceedingsRow,
  type RulesInput,
  s47Enquiry,
  supervision,
} from '../helpers/records.js';

const GENERATOR = { name: 'csc-kpi', version: 'test' };
const FIVE_WD = parseDuration('5wd')!;

function kind(id: string): WorklistKind {
  return WORKLIST_KINDS.find((k) => k.id === id)!;
}

interface KindCase {
  readonly kind: string;
  readonly name: string;
  readonly rules?: RulesInput;
  /** Data with one open item whose clock started on `clock`. */
  readonly data: (clock: string) => DataInput;
  /** The clock start giving each due date (worked out by hand from the rule). */
  readonly clockFor: Readonly<Record<string, string>>;
  /** Boundaries of its own, when the common ones cannot arise (a return interview is due 3 days after a return on or before as-at). */
  readonly boundaries?: readonly (readonly [string, string, string, number | null, boolean])[];
}

// Due dates used below: Thu 27 May, Fri 28 May, Tue 1 Jun (Mon 31 May is a bank holiday), Mon 7 Jun, Tue 8 Jun 2021.
const KINDS: readonly KindCase[] = [
  {
    kind: 'contact',
    name: 'contact, timescale 6wd',
    rules: { contacts: { timescale: '6wd' } },
    data: (clock) => ({ contacts: [contact({ contactDate: clock, decisionDate: null })] }),
    clockFor: { '2021-05-27': '2021-05-19', '2021-05-28': '2021-05-20', '2021-06-01': '2021-05-21', '2021-06-07': '2021-05-27', '2021-06-08': '2021-05-28' },
  },
  {
    kind: 'assessment',
    name: 'assessment, 45 working days from its start',
    data: (clock) => ({ assessments: [assessment({ startDate: clock, authorisedDate: null })] }),
    clockFor: { '2021-05-27': '2021-03-22', '2021-05-28': '2021-03-23', '2021-06-01': '2021-03-24', '2021-06-07': '2021-03-30', '2021-06-08': '2021-03-31' },
  },
  {
    kind: 'assessment',
    name: 'assessment, 45 working days from the referral',
    rules: { assessments: { clockStart: 'referral' } },
    data: (clock) => ({ assessments: [assessment({ referralDate: clock, startDate: '2021-04-01', authorisedDate: null })] }),
    clockFor: { '2021-05-27': '2021-03-22', '2021-05-28': '2021-03-23', '2021-06-01': '2021-03-24', '2021-06-07': '2021-03-30', '2021-06-08': '2021-03-31' },
  },
  {
    kind: 'icpc',
    name: 'ICPC, 15wd from the strategy discussion',
    data: (clock) => ({ s47: [s47Enquiry({ strategyDate: clock, startDate: clock, icpcDate: null })] }),
    clockFor: { '2021-05-27': '2021-05-06', '2021-05-28': '2021-05-07', '2021-06-01': '2021-05-10', '2021-06-07': '2021-05-14', '2021-06-08': '2021-05-17' },
  },
  {
    kind: 'icpc',
    name: 'ICPC, 15wd from the section 47 start (no strategy date)',
    data: (clock) => ({ s47: [s47Enquiry({ strategyDate: null, startDate: clock, icpcDate: null })] }),
    clockFor: { '2021-05-27': '2021-05-06', '2021-05-28': '2021-05-07', '2021-06-01': '2021-05-10', '2021-06-07': '2021-05-14', '2021-06-08': '2021-05-17' },
  },
  {
    kind: 'core-group',
    name: 'first core group, 10wd from the plan start',
    data: (clock) => ({ cp_plans: [cpPlan({ startDate: clock })], core_groups: [] }),
    clockFor: { '2021-05-27': '2021-05-13', '2021-05-28': '2021-05-14', '2021-06-01': '2021-05-17', '2021-06-07': '2021-05-21', '2021-06-08': '2021-05-24' },
  },
  {
    kind: 'core-group',
    name: 'later core group, 4 weeks from the last',
    data: (clock) => ({
      cp_plans: [cpPlan({ startDate: '2021-01-04' })],
      core_groups: [coreGroup({ meetingDate: '2021-01-18' }), coreGroup({ meetingDate: clock }), coreGroup({ meetingDate: '2021-02-01', status: 'cancelled' })],
    }),
    clockFor: { '2021-05-27': '2021-04-29', '2021-05-28': '2021-04-30', '2021-06-01': '2021-05-04', '2021-06-07': '2021-05-10', '2021-06-08': '2021-05-11' },
  },
  {
    kind: 'cp-review',
    name: 'first CP review, 3 months from the plan start',
    data: (clock) => ({ cp_plans: [cpPlan({ startDate: clock })], cp_reviews: [] }),
    clockFor: { '2021-05-27': '2021-02-27', '2021-05-28': '2021-02-28', '2021-06-01': '2021-03-01', '2021-06-07': '2021-03-07', '2021-06-08': '2021-03-08' },
  },
  {
    kind: 'cp-review',
    name: 'later CP review, 6 months from the last',
    data: (clock) => ({ cp_plans: [cpPlan({ startDate: '2020-06-01' })], cp_reviews: [cpReview({ reviewDate: '2020-08-03' }), cpReview({ reviewDate: clock })] }),
    clockFor: { '2021-05-27': '2020-11-27', '2021-05-28': '2020-11-28', '2021-06-01': '2020-12-01', '2021-06-07': '2020-12-07', '2021-06-08': '2020-12-08' },
  },
  {
    kind: 'cp-visit',
    name: 'CP visit, 10wd from the last visit the child was seen',
    data: (clock) => ({
      cp_plans: [cpPlan({ startDate: '2021-01-04' })],
      cp_visits: [cpVisit({ visitDate: '2021-02-01' }), cpVisit({ visitDate: clock }), cpVisit({ visitDate: '2021-05-25', seen: false })],
    }),
    clockFor: { '2021-05-27': '2021-05-13', '2021-05-28': '2021-05-14', '2021-06-01': '2021-05-17', '2021-06-07': '2021-05-21', '2021-06-08': '2021-05-24' },
  },
  {
    kind: 'cp-visit',
    name: 'CP visit, 10wd from the plan start',
    data: (clock) => ({ cp_plans: [cpPlan({ startDate: clock })], cp_visits: [] }),
    clockFor: { '2021-05-27': '2021-05-13', '2021-05-28': '2021-05-14', '2021-06-01': '2021-05-17', '2021-06-07': '2021-05-21', '2021-06-08': '2021-05-24' },
  },
  {
    kind: 'supervision',
    name: 'supervision, 1 month from the last',
    data: (clock) => ({ cases: [caseRecord({ startDate: '2020-12-01' })], supervisions: [supervision({ supervisionDate: '2021-02-01' }), supervision({ supervisionDate: clock })] }),
    clockFor: { '2021-05-27': '2021-04-27', '2021-05-28': '2021-04-28', '2021-06-01': '2021-05-01', '2021-06-07': '2021-05-07', '2021-06-08': '2021-05-08' },
  },
  {
    kind: 'supervision',
    name: 'supervision, 1 month from the case start',
    data: (clock) => ({ cases: [caseRecord({ startDate: clock })], supervisions: [] }),
    clockFor: { '2021-05-27': '2021-04-27', '2021-05-28': '2021-04-28', '2021-06-01': '2021-05-01', '2021-06-07': '2021-05-07', '2021-06-08': '2021-05-08' },
  },
  {
    kind: 'cla-review',
    name: 'first CLA review, 20wd from the period start',
    data: (clock) => ({ cla_periods: [claPeriod({ startDate: clock })], cla_reviews: [] }),
    clockFor: { '2021-05-27': '2021-04-28', '2021-05-28': '2021-04-29', '2021-06-01': '2021-04-30', '2021-06-07': '2021-05-07', '2021-06-08': '2021-05-10' },
  },
  {
    kind: 'cla-review',
    name: 'second CLA review, 3 months from the first',
    data: (clock) => ({ cla_periods: [claPeriod({ startDate: '2021-01-04' })], cla_reviews: [claReview({ reviewDate: clock })] }),
    clockFor: { '2021-05-27': '2021-02-27', '2021-05-28': '2021-02-28', '2021-06-01': '2021-03-01', '2021-06-07': '2021-03-07', '2021-06-08': '2021-03-08' },
  },
  {
    kind: 'cla-review',
    name: 'later CLA review, 6 months from the last',
    data: (clock) => ({
      cla_periods: [claPeriod({ startDate: '2020-06-01' })],
      cla_reviews: [claReview({ reviewDate: '2020-06-26' }), claReview({ reviewDate: '2020-09-01' }), claReview({ reviewDate: clock })],
    }),
    clockFor: { '2021-05-27': '2020-11-27', '2021-05-28': '2020-11-28', '2021-06-01': '2020-12-01', '2021-06-07': '2020-12-07', '2021-06-08': '2020-12-08' },
  },
  {
    kind: 'return-interview',
    name: 'return interview, 3 days from the return',
    data: (clock) => ({ missing_episodes: [missingEpisode({ startDate: '2021-05-20', endDate: clock, rhiDate: null })] }),
    clockFor: { '2021-05-27': '2021-05-24', '2021-05-28': '2021-05-25', '2021-05-31': '2021-05-28' },
    boundaries: [
      ['due tomorrow', '2021-05-26', '2021-05-27', 1, false],
      ['due today', '2021-05-28', '2021-05-28', 0, false],
      ['overdue by one working day', '2021-05-28', '2021-05-27', -1, true],
      ['overdue by one working day across the bank holiday weekend', '2021-06-01', '2021-05-28', -1, true],
      ['back on the Friday, due on the bank holiday: no working day left, not overdue', '2021-05-28', '2021-05-31', 0, false],
    ],
  },
  {
    kind: 'proceedings',
    name: 'proceedings, 26 weeks - 1 day from the issue',
    data: (clock) => ({ proceedings: [proceedingsRow({ issueDate: clock }), proceedingsRow({ childId: '2', issueDate: '2021-01-04', endDate: '2021-05-01' })] }),
    clockFor: { '2021-05-27': '2020-11-27', '2021-05-28': '2020-11-28', '2021-06-01': '2020-12-02', '2021-06-07': '2020-12-08', '2021-06-08': '2020-12-09' },
  },
  {
    kind: 'complaint',
    name: 'stage 1 complaint, 10wd from receipt',
    data: (clock) => ({ complaints: [build('complaints', { complaintId: 'K1', receivedDate: clock, responseDate: null, stage: '1', extended: false })] }),
    clockFor: { '2021-05-27': '2021-05-13', '2021-05-28': '2021-05-14', '2021-06-01': '2021-05-17', '2021-06-07': '2021-05-21', '2021-06-08': '2021-05-24' },
  },
  {
    kind: 'complaint',
    name: 'stage 1 complaint, extended: 20wd from receipt',
    data: (clock) => ({ complaints: [build('complaints', { complaintId: 'K1', childId: '7', receivedDate: clock, responseDate: null, stage: '1', extended: true })] }),
    clockFor: { '2021-05-27': '2021-04-28', '2021-05-28': '2021-04-29', '2021-06-01': '2021-04-30', '2021-06-07': '2021-05-07', '2021-06-08': '2021-05-10' },
  },
];

/** [what, as-at, due, working days left (null: not listed), overdue]. */
const BOUNDARIES: readonly (readonly [string, string, string, number | null, boolean])[] = [
  ['due tomorrow', '2021-05-26', '2021-05-27', 1, false],
  ['due today', '2021-05-28', '2021-05-28', 0, false],
  ['overdue by one working day', '2021-05-28', '2021-05-27', -1, true],
  ['overdue by one working day across the bank holiday weekend', '2021-06-01', '2021-05-28', -1, true],
  ['due the next working day, after the bank holiday', '2021-05-28', '2021-06-01', 1, false],
  ['due on the last day of a Friday-to-Monday window across the bank holiday', '2021-05-28', '2021-06-07', 5, false],
  ['due just outside that window', '2021-05-28', '2021-06-08', null, false],
];

describe.each(KINDS)('worklist: $name', (k) => {
  it.each(k.boundaries ?? BOUNDARIES)('%s (as-at %s, due %s): %s working days left', (_, asAt, due, left, overdue) => {
    const clock = k.clockFor[due]!;
    const list = buildWorklist({
      generator: GENERATOR,
      data: dataOf(k.data(clock)),
      context: context({ asAt, rules: k.rules ?? {} }),
      within: FIVE_WD,
      kinds: [kind(k.kind)],
    });
    expect(formatDay(list.windowEnd)).toBe(asAt === '2021-05-28' ? '2021-06-07' : formatDay(calendar().addWorkingDays(day(asAt), 5)));
    if (left === null) {
      expect(list.items).toEqual([]);
      return;
    }
    expect(list.items.map((i) => ({ kind: i.kind, clock: formatDay(i.clockDate), due: formatDay(i.due), left: i.workingDaysLeft, overdue: i.overdue }))).toEqual([
      { kind: k.kind, clock, due, left, overdue },
    ]);
  });
});


describe('what each kind leaves off', () => {
  const asAt = '2021-05-28';
  const list = (data: DataInput, id: string, rules: RulesInput = {}) =>
    buildWorklist({ generator: GENERATOR, data: dataOf(data), context: context({ asAt, rules }), within: FIVE_WD, kinds: [kind(id)] }).items;

  it('a decided contact, an authorised assessment', () => {
    expect(list({ contacts: [contact({ contactDate: '2021-05-27', decisionDate: '2021-05-28' })] }, 'contact')).toEqual([]);
    expect(list({ assessments: [assessment({ startDate: '2021-03-22', authorisedDate: '2021-05-28' })] }, 'assessment')).toEqual([]);
  });

  it('an assessment with no referral date when the clock starts at referral (assessments_45wd leaves it out)', () => {
    expect(list({ assessments: [assessment({ startDate: '2021-03-22', referralDate: null })] }, 'assessment', { assessments: { clockStart: 'referral' } })).toEqual([]);
  });

  it('a plan or case that ends on the as-at date, or starts after it', () => {
    expect(list({ cp_plans: [cpPlan({ startDate: '2021-05-14', endDate: '2021-05-28' })], core_groups: [] }, 'core-group')).toEqual([]);
    expect(list({ cases: [caseRecord({ startDate: '2021-04-28', endDate: '2021-05-28' })], supervisions: [] }, 'supervision')).toEqual([]);
    expect(list({ cases: [caseRecord({ startDate: '2021-04-28', endDate: '2021-05-29' })], supervisions: [] }, 'supervision')).toHaveLength(1);
  });

  it('a supervision before the case start does not count (due from the case start)', () => {
    const items = list({ cases: [caseRecord({ startDate: '2021-04-28' })], supervisions: [supervision({ supervisionDate: '2021-04-20' })] }, 'supervision');
    expect(items.map((i) => [i.clockEvent, formatDay(i.due)])).toEqual([['case start', '2021-05-28']]);
  });

  it('an s47 with its ICPC held, its enquiry ended, or an ICPC not required; a plan begun after as-at', () => {
    const s47 = (over: Parameters<typeof s47Enquiry>[0]) => list({ s47: [s47Enquiry({ startDate: '2021-05-07', icpcDate: null, ...over })] }, 'icpc');
    expect(s47({})).toHaveLength(1);
    expect(s47({ icpcDate: '2021-05-28' })).toEqual([]);
    expect(s47({ endDate: '2021-05-20' })).toEqual([]);
    expect(s47({ icpcNotRequired: true })).toEqual([]);
    expect(list({ cp_plans: [cpPlan({ startDate: '2021-05-29' })], cp_visits: [] }, 'cp-visit')).toEqual([]);
  });

  it('plans and periods begun before the reviews extract\'s coverageFrom; short breaks', () => {
    const items = (data: DataInput, id: string, coverageFrom?: Record<string, string>) =>
      buildWorklist({ generator: GENERATOR, data: dataOf(data), context: context({ asAt, ...(coverageFrom ? { coverageFrom } : {}) }), within: FIVE_WD, kinds: [kind(id)] }).items;
    const plans = { cp_plans: [cpPlan({ startDate: '2021-02-28' })], cp_reviews: [] };
    expect(items(plans, 'cp-review')).toHaveLength(1);
    expect(items(plans, 'cp-review', { cp_reviews: '2021-03-01' })).toEqual([]);
    const periods = { cla_periods: [claPeriod({ startDate: '2021-04-29' })], cla_reviews: [] };
    expect(items(periods, 'cla-review')).toHaveLength(1);
    expect(items(periods, 'cla-review', { cla_reviews: '2021-05-01' })).toEqual([]);
    expect(items({ cla_periods: [claPeriod({ startDate: '2021-04-29', legalStatus: 'V3' })], cla_reviews: [] }, 'cla-review')).toEqual([]);
  });

  it('an episode with a return interview, or no return yet; closed proceedings; answered or stage 2 complaints', () => {
    expect(list({ missing_episodes: [missingEpisode({ endDate: '2021-05-25', rhiDate: '2021-05-27' })] }, 'return-interview')).toEqual([]);
    expect(list({ missing_episodes: [missingEpisode({ startDate: '2021-05-25', endDate: null })] }, 'return-interview')).toEqual([]);
    // Siblings: one proceedings, open while any row is, issued on the earliest issue date.
    const siblings = list({ proceedings: [proceedingsRow({ issueDate: '2020-11-30', endDate: '2021-05-01' }), proceedingsRow({ childId: '2', issueDate: '2020-11-28' })] }, 'proceedings');
    expect(siblings.map((i) => [i.childId, formatDay(i.due)])).toEqual([['1', '2021-05-28']]);
    expect(list({ proceedings: [proceedingsRow({ issueDate: '2020-11-28', endDate: '2021-05-28' })] }, 'proceedings')).toEqual([]);
    const complaint = (over: Record<string, unknown>) =>
      list({ complaints: [build('complaints', { complaintId: 'K1', receivedDate: '2021-05-14', responseDate: null, stage: '1', extended: false, ...over })] }, 'complaint');
    expect(complaint({}).map((i) => [i.childId, formatDay(i.due)])).toEqual([[null, '2021-05-28']]);
    expect(complaint({ responseDate: '2021-05-28' })).toEqual([]);
    expect(complaint({ stage: '2' })).toEqual([]);
  });

  it('a kind whose measure is not computable is listed as not available, with the reason', () => {
    const l = buildWorklist({ generator: GENERATOR, data: dataOf({ contacts: [] }), context: context({ asAt }), within: FIVE_WD });
    expect(l.notAvailable).toEqual([
      { kind: 'assessment', reason: 'no assessments extract' },
      { kind: 'icpc', reason: 'no s47 extract' },
      { kind: 'core-group', reason: 'no core_groups or cp_plans extract' },
      { kind: 'cp-review', reason: 'no cp_plans or cp_reviews extract' },
      { kind: 'cp-visit', reason: 'no cp_plans or cp_visits extract' },
      { kind: 'supervision', reason: 'no cases or supervisions extract' },
      { kind: 'cla-review', reason: 'no cla_periods or cla_reviews extract' },
      { kind: 'return-interview', reason: 'no missing_episodes extract' },
      { kind: 'proceedings', reason: 'no proceedings extract' },
      { kind: 'complaint', reason: 'no complaints extract' },
    ]);
  });
});

describe('order', () => {
  it('by due date, then kind in list order, then child id and key', () => {
    const l = buildWorklist({
      generator: GENERATOR,
      data: dataOf({
        contacts: [
          contact({ contactId: 'C2', childId: '9', contactDate: '2021-05-27' }),
          contact({ contactId: 'C1', childId: '10', contactDate: '2021-05-27' }),
          contact({ contactId: 'C0', childId: '10', contactDate: '2021-05-26' }),
        ],
        cases: [caseRecord({ caseId: 'E1', childId: '1', startDate: '2021-04-28' })],
        supervisions: [],
      }),
      context: context({ asAt: '2021-05-28' }),
      within: FIVE_WD,
    });
    expect(l.items.map((i) => [formatDay(i.due), i.kind, i.childId, i.key])).toEqual([
      ['2021-05-27', 'contact', '10', 'C0'],
      ['2021-05-28', 'contact', '10', 'C1'],
      ['2021-05-28', 'contact', '9', 'C2'],
      ['2021-05-28', 'supervision', '1', 'E1'],
    ]);
  });
});

describe('workingDaysLeft', () => {
  const cal = calendar();
  it.each([
    ['same day', '2021-05-10', '2021-05-10', 0],
    ['Friday to Monday', '2021-05-07', '2021-05-10', 1],
    ['Friday to the Tuesday after a bank holiday', '2021-05-28', '2021-06-01', 1],
    ['Monday back to Friday', '2021-05-10', '2021-05-07', -1],
    ['Sunday to a Saturday due date before it: overdue with no working day between', '2021-05-30', '2021-05-29', 0],
    ['Wednesday to the Friday after', '2021-05-26', '2021-05-28', 2],
  ])('%s (%s → %s): %i', (_, asAt, due, expected) => {
    expect(workingDaysLeft(day(asAt), day(due), cal)).toBe(expected);
  });

  const anyDay = fc.integer({ min: day('2020-01-01'), max: day('2023-12-31') });
  it('is the n of addWorkingDays(asAt, n) for a working day n ahead, and -n for one n behind', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 60 }), (d, n) => {
        const later = cal.addWorkingDays(d, n);
        expect(workingDaysLeft(d, later, cal)).toBe(n);
        if (cal.isWorkingDay(d)) expect(workingDaysLeft(later, d, cal)).toBe(0 - n || 0);
      }),
    );
  });
  it('changes sign when as-at and due swap', () => {
    fc.assert(fc.property(anyDay, anyDay, (a, b) => {
        expect(workingDaysLeft(a, b, cal)).toBe(0 - workingDaysLeft(b, a, cal) || 0);
      }),
    );
  });
});

describe('--kind', () => {
  it('names the unknown kinds and lists the kinds', () => {
    expect(kindsNamed('supervision,cp-reviews,visits')).toEqual({
      error: '--kind supervision,cp-reviews,visits: cp-reviews, visits are not kinds; the kinds are contact, assessment, icpc, core-group, cp-review, cp-visit, supervision, cla-review, return-interview, proceedings, complaint',
    });
    expect(kindsNamed(',')).toEqual({ error: '--kind ,: no kind named; the kinds are contact, assessment, icpc, core-group, cp-review, cp-visit, supervision, cla-review, return-interview, proceedings, complaint' });
  });
  it('keeps the named kinds, in list order', () => {
    const named = kindsNamed(' supervision , contact');
    expect('kinds' in named && named.kinds.map((k) => k.id)).toEqual(['contact', 'supervision']);
  });
});
