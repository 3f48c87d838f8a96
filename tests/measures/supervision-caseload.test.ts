import { describe, expect, it } from 'vitest';
import { configSchema, rulesOf } from '../../src/config/config.js';
import { caseloadAvg } from '../../src/measures/caseload-avg.js';
import { supervisionInTime } from '../../src/measures/supervision-in-time.js';
import {
  type CaseInput,
  caseRecord,
  context,
  counts,
  outcome,
  type RulesInput,
  run,
  supervision,
  type SupervisionInput,
} from '../helpers/records.js';

interface SupervisionCase {
  readonly name: string;
  readonly case: CaseInput;
  readonly supervisions: readonly SupervisionInput[];
  readonly period: string;
  readonly asAt?: string;
  readonly rules?: RulesInput;
  readonly expected: 'met' | 'not-met' | 'none';
}

// Cases default to child 1, CIN, started 1 Dec 2020. S = 31 Jan 2021 for 2021-01.
const CASES: readonly SupervisionCase[] = [
  { name: 'due exactly on the snapshot day is met (31 Dec + 1 month = 31 Jan)', case: {}, supervisions: [{ supervisionDate: '2020-12-31' }], period: '2021-01', expected: 'met' },
  { name: 'due the day before the snapshot is not met (30 Dec + 1 month = 30 Jan)', case: {}, supervisions: [{ supervisionDate: '2020-12-30' }], period: '2021-01', expected: 'not-met' },
  { name: 'a supervision on the snapshot day is met', case: {}, supervisions: [{ supervisionDate: '2021-01-31' }], period: '2021-01', expected: 'met' },
  { name: 'the latest supervision is used whatever the file order', case: {}, supervisions: [{ supervisionDate: '2021-01-10' }, { supervisionDate: '2020-12-10' }], period: '2021-01', expected: 'met' },
  { name: 'no supervision: due from the case start (31 Dec + 1 month = 31 Jan, met)', case: { startDate: '2020-12-31' }, supervisions: [], period: '2021-01', expected: 'met' },
  { name: 'no supervision: case start 30 Dec is due 30 Jan, not met', case: { startDate: '2020-12-30' }, supervisions: [], period: '2021-01', expected: 'not-met' },
  {
    name: 'a supervision before the case start is ignored (due from the start, 31 Dec, met)',
    case: { startDate: '2020-12-31' },
    supervisions: [{ supervisionDate: '2020-12-15' }],
    period: '2021-01',
    expected: 'met',
  },
  {
    name: 'a supervision on the case start day counts',
    case: { startDate: '2020-12-31' },
    supervisions: [{ supervisionDate: '2020-12-31' }],
    period: '2021-01',
    expected: 'met',
  },
  {
    name: 'a supervision after the snapshot is ignored (15 Dec + 1 month = 15 Jan, not met)',
    case: {},
    supervisions: [{ supervisionDate: '2020-12-15' }, { supervisionDate: '2021-02-05' }],
    period: '2021-01',
    expected: 'not-met',
  },
  {
    name: 'the supervision after the January snapshot counts in February',
    case: {},
    supervisions: [{ supervisionDate: '2020-12-15' }, { supervisionDate: '2021-02-05' }],
    period: '2021-02',
    expected: 'met',
  },
  {
    name: 'only a supervision after the snapshot: due from the case start',
    case: { startDate: '2020-12-15' },
    supervisions: [{ supervisionDate: '2021-02-02' }],
    period: '2021-01',
    expected: 'not-met',
  },
  {
    name: "another child's supervision does not count",
    case: { startDate: '2020-11-01' },
    supervisions: [{ childId: '2', supervisionDate: '2021-01-20' }],
    period: '2021-01',
    expected: 'not-met',
  },
  // Month-end clamping.
  {
    name: '31 Jan + 1 month = 28 Feb: met at the 28 Feb snapshot',
    case: {},
    supervisions: [{ supervisionDate: '2021-01-31' }],
    period: '2021-02',
    expected: 'met',
  },
  {
    name: '31 Jan + 1 month = 28 Feb: not met at as-at 1 Mar (not 3 Mar)',
    case: {},
    supervisions: [{ supervisionDate: '2021-01-31' }],
    period: '2021-03',
    asAt: '2021-03-01',
    expected: 'not-met',
  },
  {
    name: 'leap year: 31 Jan 2020 + 1 month = 29 Feb 2020, met at the 29 Feb snapshot',
    case: { startDate: '2019-12-01' },
    supervisions: [{ supervisionDate: '2020-01-31' }],
    period: '2020-02',
    expected: 'met',
  },
  {
    name: 'leap year: not met at as-at 1 Mar 2020',
    case: { startDate: '2019-12-01' },
    supervisions: [{ supervisionDate: '2020-01-31' }],
    period: '2020-03',
    asAt: '2020-03-01',
    expected: 'not-met',
  },
  {
    name: 'month in progress: S is the as-at date',
    case: {},
    supervisions: [{ supervisionDate: '2021-04-09' }],
    period: '2021-05',
    asAt: '2021-05-10',
    expected: 'not-met',
  },
  {
    name: 'month in progress: due on the as-at date is met',
    case: {},
    supervisions: [{ supervisionDate: '2021-04-10' }],
    period: '2021-05',
    asAt: '2021-05-10',
    expected: 'met',
  },
  // Intervals.
  {
    name: 'per case type: CLA every 3 months (1 Nov + 3 months = 1 Feb, met)',
    case: { startDate: '2020-10-01', caseType: 'CLA' },
    supervisions: [{ supervisionDate: '2020-11-01' }],
    period: '2021-01',
    rules: { supervision: { byCaseType: { CLA: '3m' } } },
    expected: 'met',
  },
  {
    name: 'per case type: a CIN case keeps the default 1 month',
    case: { startDate: '2020-10-01', caseType: 'CIN' },
    supervisions: [{ supervisionDate: '2020-11-01' }],
    period: '2021-01',
    rules: { supervision: { byCaseType: { CLA: '3m' } } },
    expected: 'not-met',
  },
  {
    name: 'per case type: a case without a type keeps the default',
    case: { startDate: '2020-10-01', caseType: null },
    supervisions: [{ supervisionDate: '2020-11-01' }],
    period: '2021-01',
    rules: { supervision: { byCaseType: { CLA: '3m' } } },
    expected: 'not-met',
  },
  {
    name: 'per case type: CP every 4 weeks (3 Jan + 28 days = 31 Jan, met)',
    case: { caseType: 'CP' },
    supervisions: [{ supervisionDate: '2021-01-03' }],
    period: '2021-01',
    rules: { supervision: { byCaseType: { CP: '4w' } } },
    expected: 'met',
  },
  {
    name: 'per case type: CP every 4 weeks (2 Jan + 28 days = 30 Jan, not met)',
    case: { caseType: 'CP' },
    supervisions: [{ supervisionDate: '2021-01-02' }],
    period: '2021-01',
    rules: { supervision: { byCaseType: { CP: '4w' } } },
    expected: 'not-met',
  },
  {
    name: 'default interval 20wd: 31 Dec + 20 working days = 29 Jan, not met at 31 Jan',
    case: {},
    supervisions: [{ supervisionDate: '2020-12-31' }],
    period: '2021-01',
    rules: { supervision: { interval: '20wd' } },
    expected: 'not-met',
  },
  {
    name: 'default interval 2m: 1 Dec + 2 months = 1 Feb, met',
    case: {},
    supervisions: [{ supervisionDate: '2020-12-01' }],
    period: '2021-01',
    rules: { supervision: { interval: '2m' } },
    expected: 'met',
  },
  // Open at S.
  { name: 'a case ending on the snapshot day is not open', case: { endDate: '2021-01-31' }, supervisions: [{ supervisionDate: '2021-01-20' }], period: '2021-01', expected: 'none' },
  { name: 'a case ending the day after the snapshot is open', case: { endDate: '2021-02-01' }, supervisions: [{ supervisionDate: '2021-01-20' }], period: '2021-01', expected: 'met' },
  { name: 'a case starting after the snapshot is not open', case: { startDate: '2021-02-01' }, supervisions: [], period: '2021-01', expected: 'none' },
  { name: 'a case starting on the snapshot day is open and in time', case: { startDate: '2021-01-31' }, supervisions: [], period: '2021-01', expected: 'met' },
];

describe('supervision_in_time: met when S <= (last supervision, else case start) + interval', () => {
  it.each(CASES)('$name', (c) => {
    const k = caseRecord(c.case);
    const sups = c.supervisions.map((s) => supervision(s));
    const r = run(supervisionInTime, { cases: [k], supervisions: sups }, {
      from: c.period,
      asAt: c.asAt ?? '2021-05-10',
      ...(c.rules ? { rules: c.rules } : {}),
    });
    expect(outcome(r, k, c.period)).toBe(c.expected);
    const expected = c.expected === 'met' ? counts(1, 1) : c.expected === 'not-met' ? counts(0, 1) : counts(0, 0);
    expect(r.periods[c.period]).toEqual(expected);
  });

  it('case types in the configuration match without regard to case', () => {
    const rules = rulesOf(configSchema.parse({ supervision: { byCaseType: { cla: '3m' } } }));
    const k = caseRecord({ startDate: '2020-10-01', caseType: 'CLA' });
    const r = run(supervisionInTime, { cases: [k], supervisions: [supervision({ supervisionDate: '2020-11-01' })] }, {
      from: '2021-01',
      context: { ...context(), rules },
    });
    expect(outcome(r, k)).toBe('met');
  });

  it('two cases of one child share its supervisions, each from its own start', () => {
    const older = caseRecord({ caseType: 'CIN', startDate: '2020-06-01' });
    const newer = caseRecord({ caseType: 'CP', startDate: '2021-01-20' });
    const s = supervision({ supervisionDate: '2020-12-20' });
    const r = run(supervisionInTime, { cases: [older, newer], supervisions: [s] }, { from: '2021-01' });
    expect(outcome(r, older)).toBe('not-met'); // 20 Dec + 1 month = 20 Jan
    expect(outcome(r, newer)).toBe('met'); // 20 Dec is before this case: due 20 Feb
    expect(r.periods['2021-01']).toEqual(counts(1, 2));
  });

  it('is judged at every snapshot of a run of months', () => {
    const k = caseRecord({ startDate: '2020-11-15', endDate: '2021-03-31' });
    const sups = [supervision({ supervisionDate: '2020-12-10' }), supervision({ supervisionDate: '2021-02-27' })];
    const r = run(supervisionInTime, { cases: [k], supervisions: sups }, { from: '2020-10', to: '2021-04' });
    expect(r.periods).toEqual({
      '2020-10': counts(0, 0),
      '2020-11': counts(1, 1), // from start: due 15 Dec
      '2020-12': counts(1, 1), // 10 Dec: due 10 Jan
      '2021-01': counts(0, 1), // due 10 Jan < 31 Jan
      '2021-02': counts(1, 1), // 27 Feb: due 27 Mar
      '2021-03': counts(0, 0), // ended on 31 Mar
      '2021-04': counts(0, 0),
    });
  });

  it('is not computable without the cases or the supervisions extract', () => {
    const a = run(supervisionInTime, { cases: [caseRecord()] }, { from: '2021-01' });
    expect(a.computable).toBe(false);
    expect(a.reason).toMatch(/supervisions/);
    const b = run(supervisionInTime, { supervisions: [supervision()] }, { from: '2021-01' });
    expect(b.computable).toBe(false);
    expect(b.reason).toMatch(/cases/);
  });
});

describe('caseload_avg: open cases with a worker / distinct workers', () => {
  it('counts cases open at S with a worker over the distinct workers', () => {
    const rows = [
      caseRecord({ childId: '1', worker: 'SW1' }),
      caseRecord({ childId: '2', worker: 'SW1' }),
      caseRecord({ childId: '3', worker: 'SW2' }),
      caseRecord({ childId: '4', worker: null }),
      caseRecord({ childId: '5', worker: 'SW3', endDate: '2021-01-31' }), // closed at S
      caseRecord({ childId: '6', worker: 'SW4', startDate: '2021-02-01' }), // not yet open
      caseRecord({ childId: '7', worker: 'SW2', endDate: '2021-02-01' }), // open at S
    ];
    const r = run(caseloadAvg, { cases: rows }, { from: '2021-01' });
    expect(r.periods['2021-01']).toEqual(counts(4, 2, { 'no-worker': 1 }));
    expect(outcome(r, rows[3]!)).toBe('excluded:no-worker');
    expect(outcome(r, rows[4]!)).toBe('none');
    expect(outcome(r, rows[5]!)).toBe('none');
  });

  it('a worker with several cases adds 1 to the denominator once', () => {
    const rows = [caseRecord({ childId: '1', worker: 'A' }), caseRecord({ childId: '2', worker: 'A' }), caseRecord({ childId: '3', worker: 'A' })];
    const r = run(caseloadAvg, { cases: rows }, { from: '2021-01' });
    expect(r.periods['2021-01']).toEqual(counts(3, 1));
    expect(r.observations.map((o) => o.denominator)).toEqual([1, 0, 0]);
  });

  it('workers are counted per period', () => {
    const rows = [
      caseRecord({ childId: '1', worker: 'A', startDate: '2020-12-01' }),
      caseRecord({ childId: '2', worker: 'B', startDate: '2021-02-10' }),
      caseRecord({ childId: '3', worker: 'B', startDate: '2020-12-01', endDate: '2021-01-15' }),
    ];
    const r = run(caseloadAvg, { cases: rows }, { from: '2020-12', to: '2021-02' });
    expect(r.periods).toEqual({ '2020-12': counts(2, 2), '2021-01': counts(1, 1), '2021-02': counts(2, 2) });
  });

  it('month in progress: S is the as-at date', () => {
    const rows = [
      caseRecord({ childId: '1', worker: 'A', endDate: '2021-05-10' }), // closed at S = as-at
      caseRecord({ childId: '2', worker: 'B' }),
    ];
    const r = run(caseloadAvg, { cases: rows }, { from: '2021-05', asAt: '2021-05-10' });
    expect(r.periods['2021-05']).toEqual(counts(1, 1));
  });

  it('no allocated cases gives 0 / 0', () => {
    const r = run(caseloadAvg, { cases: [caseRecord({ worker: null })] }, { from: '2021-01' });
    expect(r.periods['2021-01']).toEqual(counts(0, 0, { 'no-worker': 1 }));
  });

  it('is not computable without a cases extract', () => {
    const r = run(caseloadAvg, { supervisions: [] }, { from: '2021-01' });
    expect(r.computable).toBe(false);
    expect(r.reason).toMatch(/cases/);
  });
});
