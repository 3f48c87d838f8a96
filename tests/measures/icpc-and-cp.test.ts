import { describe, expect, it } from 'vitest';
import { cpOpenAvgDays } from '../../src/measures/cp-open-avg-days.js';
import { cpRatePer10k } from '../../src/measures/cp-rate-per-10k.js';
import { cpRepeat, previousPlans } from '../../src/measures/cp-repeat.js';
import { icpc15wd } from '../../src/measures/icpc-15wd.js';
import { assessmentsChildSeen } from '../../src/measures/assessments-child-seen.js';
import { assessmentsPolice } from '../../src/measures/assessments-partners.js';
import { assessment, counts, cpPlan, type CpPlanInput, day, outcome, run, s47Enquiry, type S47Input } from '../helpers/records.js';

interface IcpcCase {
  readonly name: string;
  readonly enquiry: S47Input;
  readonly expected: 'met' | 'not-met';
  readonly rules?: { icpc: { within: string } };
}

// Christmas 2020: Fri 25 Dec, Mon 28 Dec (Boxing Day's substitute) and Fri 1 Jan 2021 are bank holidays.
// Easter 2021: Good Friday 2 Apr and Easter Monday 5 Apr.
const ICPC: readonly IcpcCase[] = [
  { name: 'Christmas: 15 working days after Thu 17 Dec 2020 is Tue 12 Jan 2021', enquiry: { startDate: '2020-12-17', icpcDate: '2021-01-12' }, expected: 'met' },
  { name: 'Christmas: Wed 13 Jan 2021 is the 16th', enquiry: { startDate: '2020-12-17', icpcDate: '2021-01-13' }, expected: 'not-met' },
  { name: 'Easter: 15 working days after Mon 22 Mar 2021 is Wed 14 Apr', enquiry: { startDate: '2021-03-22', icpcDate: '2021-04-14' }, expected: 'met' },
  { name: 'Easter: Thu 15 Apr 2021 is the 16th', enquiry: { startDate: '2021-03-22', icpcDate: '2021-04-15' }, expected: 'not-met' },
  {
    name: 'the strategy discussion starts the clock when recorded: 16 working days from Thu 17 Dec',
    enquiry: { strategyDate: '2020-12-17', startDate: '2020-12-18', icpcDate: '2021-01-13' },
    expected: 'not-met',
  },
  {
    name: 'without a strategy date the enquiry start starts it: 15 working days from Fri 18 Dec',
    enquiry: { startDate: '2020-12-18', icpcDate: '2021-01-13' },
    expected: 'met',
  },
  { name: 'a conference the same day as the strategy discussion', enquiry: { startDate: '2021-01-12', icpcDate: '2021-01-12' }, expected: 'met' },
  { name: 'configured 10 working days: Tue 12 Jan is the 15th', enquiry: { startDate: '2020-12-17', icpcDate: '2021-01-12' }, expected: 'not-met', rules: { icpc: { within: '10wd' } } },
  { name: 'configured 10 working days: Tue 5 Jan is the 10th', enquiry: { startDate: '2020-12-17', icpcDate: '2021-01-05' }, expected: 'met', rules: { icpc: { within: '10wd' } } },
];

describe('icpc_15wd: conferences in P within 15 working days of the strategy discussion', () => {
  it.each(ICPC)('$name: $expected', (c) => {
    const e = s47Enquiry(c.enquiry);
    const month = c.enquiry.icpcDate!.slice(0, 7);
    const r = run(icpc15wd, { s47: [e] }, { from: month, ...(c.rules ? { rules: c.rules } : {}) });
    expect(outcome(r, e, month)).toBe(c.expected);
  });

  it('counts enquiries by the conference date, and not those without one', () => {
    const held = s47Enquiry({ childId: 'A', startDate: '2020-12-17', icpcDate: '2021-01-12' });
    const none = s47Enquiry({ childId: 'B', startDate: '2021-01-04', icpcNotRequired: true });
    const r = run(icpc15wd, { s47: [held, none] }, { from: '2020-12', to: '2021-01' });
    expect(r.periods['2020-12']).toEqual(counts(0, 0));
    expect(r.periods['2021-01']).toEqual(counts(1, 1));
    expect(outcome(r, none)).toBe('none');
  });
});

interface RepeatCase {
  readonly name: string;
  readonly plan: CpPlanInput;
  readonly others?: readonly CpPlanInput[];
  readonly expected: string;
}

const REPEATS: readonly RepeatCase[] = [
  { name: 'previous_plans 1', plan: { previousPlans: '1' }, expected: 'met' },
  { name: 'previous_plans 3', plan: { previousPlans: '3' }, expected: 'met' },
  { name: 'previous_plans 0', plan: { previousPlans: '0' }, expected: 'not-met' },
  { name: 'previous_plans blank (none)', plan: { previousPlans: null }, expected: 'not-met' },
  { name: 'previous_plans 1.0 (Excel)', plan: { previousPlans: '1.0' }, expected: 'met' },
  { name: 'an earlier plan in the extract, however long ago', plan: { previousPlans: '0' }, others: [{ startDate: '2012-03-01', endDate: '2013-06-30' }], expected: 'met' },
  { name: 'an earlier plan ending the day this one starts', plan: { previousPlans: null }, others: [{ startDate: '2020-06-01', endDate: '2021-01-04' }], expected: 'met' },
  { name: 'an earlier plan ending the day after this one starts (overlapping)', plan: { previousPlans: null }, others: [{ startDate: '2020-06-01', endDate: '2021-01-05' }], expected: 'not-met' },
  { name: 'an earlier plan still open', plan: { previousPlans: null }, others: [{ startDate: '2020-06-01' }], expected: 'not-met' },
  { name: "another child's earlier plan", plan: { previousPlans: null }, others: [{ childId: '2', startDate: '2019-06-01', endDate: '2019-12-01' }], expected: 'not-met' },
  { name: 'a plan of the child starting and ending the same day as this one starts', plan: { previousPlans: null }, others: [{ startDate: '2021-01-04', endDate: '2021-01-04' }], expected: 'met' },
  { name: 'previous_plans unreadable, no earlier plan', plan: { previousPlans: 'several' }, expected: 'excluded:previous-plans-unreadable' },
  { name: 'previous_plans unreadable, an earlier plan', plan: { previousPlans: 'several' }, others: [{ startDate: '2019-01-01', endDate: '2019-06-01' }], expected: 'met' },
];

describe('cp_repeat: plans starting in P with previous_plans >= 1 or an earlier ended plan of the child', () => {
  it.each(REPEATS)('$name: $expected', (c) => {
    const others = (c.others ?? []).map((o) => cpPlan(o));
    const plan = cpPlan({ startDate: '2021-01-04', ...c.plan });
    const r = run(cpRepeat, { cp_plans: [...others, plan] }, { from: '2021-01' });
    expect(outcome(r, plan, '2021-01')).toBe(c.expected);
  });

  it('a plan same-day with itself is not its own earlier plan', () => {
    const plan = cpPlan({ startDate: '2021-01-04', endDate: '2021-01-04', previousPlans: null });
    const r = run(cpRepeat, { cp_plans: [plan] }, { from: '2021-01' });
    expect(outcome(r, plan, '2021-01')).toBe('not-met');
  });

  it.each<[string | null, number | undefined]>([
    [null, 0],
    ['0', 0],
    ['2', 2],
    ['2.0', 2],
    ['-1', undefined],
    ['1.5', undefined],
    ['', undefined],
    ['two', undefined],
  ])('previous_plans %j reads as %s', (cell, n) => {
    expect(previousPlans(cell)).toBe(n);
  });
});

describe('cp_open_avg_days: mean of S - start over the plans open at S', () => {
  it('sums the days of open plans; ended ones and later ones do not count', () => {
    const a = cpPlan({ childId: '1', startDate: '2020-04-30' }); // 276 days at 31 Jan 2021
    const b = cpPlan({ childId: '2', startDate: '2021-01-31' }); // 0
    const ended = cpPlan({ childId: '3', startDate: '2020-01-01', endDate: '2021-01-31' });
    const later = cpPlan({ childId: '4', startDate: '2021-02-01' });
    const r = run(cpOpenAvgDays, { cp_plans: [a, b, ended, later] }, { from: '2021-01' });
    expect(day('2021-01-31') - day('2020-04-30')).toBe(276);
    expect(r.periods['2021-01']).toEqual(counts(276, 2));
  });
});

describe('cp_rate_per_10k: distinct children with a plan open at S per 10,000', () => {
  it('counts a child with two open plans once, naming both lines', () => {
    const a1 = cpPlan({ childId: 'A', startDate: '2020-06-01' });
    const a2 = cpPlan({ childId: 'a', startDate: '2021-01-04' });
    const b = cpPlan({ childId: 'B', startDate: '2020-06-01', endDate: '2021-01-31' }); // ends on S: not open
    const c = cpPlan({ childId: 'C', startDate: '2020-06-01', endDate: '2021-02-01' });
    const r = run(cpRatePer10k, { cp_plans: [a1, a2, b, c] }, { from: '2021-01', population: 50_000 });
    expect(r.periods['2021-01']).toEqual(counts(2, 50_000));
    const child = r.observations.find((o) => o.record.line === a1.line)!;
    expect(child.lines).toEqual([a1.line, a2.line]);
  });

  it.each<[string, number | Record<string, number>, number | string]>([
    ['2020-12', { 2019: 48_000, 2021: 49_000 }, 48_000],
    ['2021-01', { 2019: 48_000, 2021: 49_000 }, 49_000],
    ['2020-12', { 2021: 49_000 }, "the configuration's population has no year up to 2020"],
    ['2020-12', 51_000, 51_000],
  ])('%s with population %j: %s', (month, population, expected) => {
    const r = run(cpRatePer10k, { cp_plans: [cpPlan({ startDate: '2020-06-01' })] }, { from: month, population });
    if (typeof expected === 'number') expect(r.periods[month]).toEqual(counts(1, expected));
    else expect(r.periods[month]!.notComputable).toBe(expected);
  });
});

describe('assessments_child_seen and partner contributions: authorised in P, counted when yes', () => {
  it('blank counts as no; open assessments and those authorised in other months are not counted', () => {
    const rows = [
      assessment({ childId: '1', authorisedDate: '2021-01-20', childSeen: true, police: true }),
      assessment({ childId: '2', authorisedDate: '2021-01-29', childSeen: false, police: null }),
      assessment({ childId: '3', authorisedDate: '2021-01-05', childSeen: null, police: false }),
      assessment({ childId: '4', authorisedDate: null, childSeen: true, police: true }),
      assessment({ childId: '5', authorisedDate: '2021-02-01', childSeen: true, police: true }),
    ];
    expect(run(assessmentsChildSeen, { assessments: rows }, { from: '2021-01' }).periods['2021-01']).toEqual(counts(1, 3));
    expect(run(assessmentsPolice, { assessments: rows }, { from: '2021-01' }).periods['2021-01']).toEqual(counts(1, 3));
  });
});
