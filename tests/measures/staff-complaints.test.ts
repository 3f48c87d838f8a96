/**
 * Staff and complaints (SPEC §8): staff_permanent, staff_turnover_12m,
 * complaints_in_time and complaints_overdue, at the boundaries the rules name.
 */
import { describe, expect, it } from 'vitest';
import { complaintsInTime } from '../../src/measures/complaints-in-time.js';
import { complaintsOverdue } from '../../src/measures/complaints-overdue.js';
import { staffPermanent } from '../../src/measures/staff-permanent.js';
import { staffTurnover12m } from '../../src/measures/staff-turnover-12m.js';
import { evaluate, whyNoBreakdown } from '../../src/measures/index.js';
import { parseMonth, periodsBetween } from '../../src/core/period.js';
import { build, type BuildInput, context, dataOf, run } from '../helpers/records.js';
import { parseIsoDay } from '../../src/core/day.js';

type StaffInput = BuildInput<'staff'>;
type ComplaintInput = BuildInput<'complaints'>;
const staff = (input: StaffInput) => build('staff', input, { staffId: 'W1', startDate: '2019-01-01', contract: 'permanent' });
const complaint = (input: ComplaintInput) => build('complaints', input, { receivedDate: '2021-01-04', stage: '1' });

function counts(r: ReturnType<typeof run>, period: string) {
  expect(r.observed[period]).toEqual(r.periods[period]);
  expect(r.unobserved[period]).toEqual(r.periods[period]);
  const t = r.periods[period]!;
  return [t.numerator, t.denominator, t.excluded] as const;
}

// S = 31 Jan 2021 for 2021-01 (as-at 10 May 2021).
describe('staff_permanent', () => {
  it.each<[string, StaffInput[], readonly [number, number, Record<string, number>]]>([
    ['heads: one permanent, one agency', [{}, { staffId: 'W2', contract: 'agency' }], [1, 2, {}]],
    ['FTE when every row has one: 1 of 1.5', [{ fte: 1 }, { staffId: 'W2', contract: 'agency', fte: 0.5 }], [1, 1.5, {}]],
    ['heads when one row has no fte (the basis is literal)', [{ fte: 1 }, { staffId: 'W2', contract: 'agency' }], [1, 2, {}]],
    ['a row not in post still decides the basis', [{ fte: 0.5 }, { staffId: 'W2', contract: 'agency', fte: 1 }, { staffId: 'W3', startDate: '2010-01-01', endDate: '2012-01-01' }], [1, 2, {}]],
    ['a leaver exactly on S is not in post', [{}, { staffId: 'W2', endDate: '2021-01-31' }], [1, 1, {}]],
    ['a leaver the day after S is in post (a planned leaving date)', [{}, { staffId: 'W2', contract: 'agency', endDate: '2021-02-01' }], [1, 2, {}]],
    ['a starter on S is in post', [{ startDate: '2021-01-31' }], [1, 1, {}]],
    ['a starter the day after S is not', [{}, { staffId: 'W2', contract: 'agency', startDate: '2021-02-01' }], [1, 1, {}]],
    ['locum and interim are agency', [{ contract: 'agency' }, { staffId: 'W2' }], [1, 2, {}]],
    ['a blank contract is left out', [{}, { staffId: 'W2', contract: null }], [1, 1, { 'contract-unknown': 1 }]],
    [
      'an agency worker who became permanent counts once, as permanent',
      [{ contract: 'agency', startDate: '2020-06-01', endDate: '2021-01-15' }, { startDate: '2021-01-16' }],
      [1, 1, {}],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(counts(run(staffPermanent, { staff: rows.map(staff) }, { from: '2021-01' }), '2021-01')).toEqual(expected);
  });

  it('counts only the roles configured, whatever their case', () => {
    const rows = [staff({ role: 'Social Worker' }), staff({ staffId: 'W2', role: 'Business Support', contract: 'agency' })];
    const r = run(staffPermanent, { staff: rows }, { from: '2021-01', rules: { staff: { roles: ['social worker'] } } });
    expect(counts(r, '2021-01')).toEqual([1, 1, {}]);
  });

  it('is broken down by team but not by worker', () => {
    const data = dataOf({ staff: [staff({ team: 'MASH' })] });
    expect(whyNoBreakdown(staffPermanent, data, 'team')).toBeUndefined();
    expect(whyNoBreakdown(staffPermanent, data, 'worker')).toMatch(/by team/);
  });
});

// S = 31 Jan 2021: the look-back is 1 Feb 2020 to 31 Jan 2021.
describe('staff_turnover_12m', () => {
  it.each<[string, StaffInput[], readonly [number, number, Record<string, number>]]>([
    ['a permanent leaver on S leaves', [{}, { staffId: 'W2', endDate: '2021-01-31' }], [1, 1, {}]],
    ['a leaver on the first day of the twelve months leaves', [{}, { staffId: 'W2', endDate: '2020-02-01' }], [1, 1, {}]],
    ['a leaver the day before does not', [{}, { staffId: 'W2', endDate: '2020-01-31' }], [0, 1, {}]],
    ['a planned leaving after S is still in post', [{}, { staffId: 'W2', endDate: '2021-02-01' }], [0, 2, {}]],
    ['a change of post the day after is not leaving', [{ endDate: '2020-10-31' }, { startDate: '2020-11-01' }], [0, 1, {}]],
    ['a change of post on the end date is not leaving', [{ endDate: '2020-10-31' }, { startDate: '2020-10-31' }], [0, 1, {}]],
    ['a new permanent post two days later is leaving', [{ endDate: '2020-10-31' }, { startDate: '2020-11-02' }], [1, 1, {}]],
    ['a move to an agency contract is leaving', [{ endDate: '2020-10-31' }, { startDate: '2020-11-01', contract: 'agency' }], [1, 0, {}]],
    ['an agency worker leaving is not counted', [{}, { staffId: 'W2', contract: 'agency', endDate: '2020-10-31' }], [0, 1, {}]],
    ['by FTE when every row has one', [{ fte: 0.5 }, { staffId: 'W2', endDate: '2020-10-31', fte: 0.8 }], [0.8, 0.5, {}]],
  ])('%s', (_name, rows, expected) => {
    expect(counts(run(staffTurnover12m, { staff: rows.map(staff) }, { from: '2021-01' }), '2021-01')).toEqual(expected);
  });

  it('is not computable for a period whose twelve months start before the extract\'s coverage', () => {
    const ctx = { ...context(), coverageFrom: { staff: parseIsoDay('2020-02-29')! } };
    const periods = periodsBetween(parseMonth('2021-01')!, parseMonth('2021-02')!, ctx.asAt);
    const e = evaluate(staffTurnover12m, dataOf({ staff: [staff({})] }), ctx, periods);
    if (!e.computable) throw new Error('expected computable');
    // 2021-01 looks back to 1 Feb 2020, before the coverage; 2021-02 (S = 28 Feb 2021) to 29 Feb 2020, covered.
    expect(e.tallies.map((t) => t.notComputable)).toEqual([
      'the staff extract holds nothing before 2020-02-29 (coverageFrom); this period looks back to 2020-02-01',
      null,
    ]);
    expect([e.tallies[1]!.numerator, e.tallies[1]!.denominator]).toEqual([0, 1]);
  });
});

// Received Monday 4 January 2021: 10 working days is Monday 18 January, 20 is Monday 1 February.
describe('complaints_in_time', () => {
  it.each<[string, ComplaintInput, string, readonly [number, number, Record<string, number>]]>([
    ['answered on the 10th working day: met', { responseDate: '2021-01-18' }, '2021-01', [1, 1, {}]],
    ['answered on the 11th: not met', { responseDate: '2021-01-19' }, '2021-01', [0, 1, {}]],
    ['answered the day of receipt (day 0): met', { responseDate: '2021-01-04' }, '2021-01', [1, 1, {}]],
    ['extended, answered on the 20th working day: met', { responseDate: '2021-02-01', extended: true }, '2021-02', [1, 1, {}]],
    ['extended, answered on the 21st: not met', { responseDate: '2021-02-02', extended: true }, '2021-02', [0, 1, {}]],
    ['not extended (blank), answered on the 20th: not met', { responseDate: '2021-02-01', extended: null }, '2021-02', [0, 1, {}]],
    ['stage 2 is left out', { responseDate: '2021-01-18', stage: '2' }, '2021-01', [0, 0, { 'not-stage-1': 1 }]],
    ['stage 3 is left out', { responseDate: '2021-01-18', stage: '3' }, '2021-01', [0, 0, { 'not-stage-1': 1 }]],
    ['counted in the month of its response, not of receipt', { responseDate: '2021-02-01' }, '2021-01', [0, 0, {}]],
    ['no response yet: not counted', { responseDate: null }, '2021-01', [0, 0, {}]],
  ])('%s', (_name, input, period, expected) => {
    expect(counts(run(complaintsInTime, { complaints: [complaint(input)] }, { from: '2021-01', to: '2021-02' }), period)).toEqual(expected);
  });

  it('takes the timescales from the configuration', () => {
    const r = run(complaintsInTime, { complaints: [complaint({ responseDate: '2021-01-19' })] }, { from: '2021-01', rules: { complaints: { timescale: '11wd' } } });
    expect(counts(r, '2021-01')).toEqual([1, 1, {}]);
  });
});

// Snapshots: 18 Jan 2021 (as-at, the month in progress) and 19 Jan 2021.
describe('complaints_overdue', () => {
  it.each<[string, ComplaintInput, string, readonly [number, number, Record<string, number>]]>([
    ['waiting on its deadline day: not overdue', {}, '2021-01-18', [0, 1, {}]],
    ['waiting the day after its deadline: overdue', {}, '2021-01-19', [1, 1, {}]],
    ['extended, waiting on the 11th working day: not overdue', { extended: true }, '2021-01-19', [0, 1, {}]],
    ['answered on S: not waiting', { responseDate: '2021-01-19' }, '2021-01-19', [0, 0, {}]],
    ['answered after S: waiting at S', { responseDate: '2021-01-20' }, '2021-01-19', [1, 1, {}]],
    ['received after S: not counted', { receivedDate: '2021-01-20' }, '2021-01-19', [0, 0, {}]],
    ['stage 2 waiting is left out', { stage: '2' }, '2021-01-19', [0, 0, { 'not-stage-1': 1 }]],
  ])('%s (as at %s)', (_name, input, asAt, expected) => {
    const r = run(complaintsOverdue, { complaints: [complaint(input)] }, { from: '2021-01', asAt });
    expect(counts(r, '2021-01')).toEqual(expected);
  });
});
