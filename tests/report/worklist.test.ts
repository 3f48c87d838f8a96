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
  caseRecord,
  context,
  contact,
  coreGroup,
  cpPlan,
  type DataInput,
  dataOf,
  day,
  type RulesInput,
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
  it.each(BOUNDARIES)('%s (as-at %s, due %s): %s working days left', (_, asAt, due, left, overdue) => {
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

  it('a kind whose measure is not computable is listed as not available, with the reason', () => {
    const l = buildWorklist({ generator: GENERATOR, data: dataOf({ contacts: [] }), context: context({ asAt }), within: FIVE_WD });
    expect(l.notAvailable).toEqual([
      { kind: 'assessment', reason: 'no assessments extract' },
      { kind: 'core-group', reason: 'no core_groups or cp_plans extract' },
      { kind: 'supervision', reason: 'no cases or supervisions extract' },
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
    expect(kindsNamed('supervision,cp-review,visits')).toEqual({
      error: '--kind supervision,cp-review,visits: cp-review, visits are not kinds; the kinds are contact, assessment, core-group, supervision',
    });
    expect(kindsNamed(',')).toEqual({ error: '--kind ,: no kind named; the kinds are contact, assessment, core-group, supervision' });
  });
  it('keeps the named kinds, in list order', () => {
    const named = kindsNamed(' supervision , contact');
    expect('kinds' in named && named.kinds.map((k) => k.id)).toEqual(['contact', 'supervision']);
  });
});
