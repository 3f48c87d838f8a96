/**
 * explain reconciles with the scorecard for every measure and month: the met
 * rows add up to the numerator, the counted rows to the denominator, the
 * left-out rows to the excluded counts.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MEASURE_IDS } from '../../src/measures/index.js';
import { runCli, tempFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

interface Row {
  status: 'met' | 'not-met' | 'excluded';
  reason: string | null;
  numerator: number;
  denominator: number;
  line: number;
  file: string;
  childId: string;
  key: string;
}

const folder = tempFolder({ ...messyExtracts({ seed: 7, size: 300 }), 'csc-kpi.yaml': 'population:\n  2019: 51000\n  2021: 52000\n' });
afterAll(() => folder.cleanup());
const COMMON = ['--data', folder.dir, '--as-at', '2021-05-10', '--config', join(folder.dir, 'csc-kpi.yaml')];

type Figure = { numerator: number | null; denominator: number | null; value: number | null; excluded: Record<string, number> };

async function scorecard(common: readonly string[], from: string, to: string): Promise<Map<string, Figure>> {
  const r = await runCli(['scorecard', ...common, '--from', from, '--to', to, '--format', 'json']);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as { results: (Figure & { metric: string; period: string })[] };
  return new Map(json.results.map((x) => [`${x.metric} ${x.period}`, x]));
}

/** Every measure in each period: explain's rows add up to the scorecard's figure. */
function reconciles(name: string, common: readonly string[], periods: readonly string[]): void {
  describe(`explain reconciles with the scorecard on ${name}`, async () => {
    const figures = await scorecard(common, periods[0]!, periods[periods.length - 1]!);
    const cases = MEASURE_IDS.flatMap((m) => periods.map((p) => [m, p] as const));

    it.each(cases)('%s %s', async (metric, period) => {
      const r = await runCli(['explain', metric, '--period', period, ...common, '--format', 'json']);
      expect(r.code).toBe(0);
      const x = JSON.parse(r.stdout) as { numerator: number; denominator: number; value: number | null; population?: number; notComputable: string | null; rows: Row[] };
      const expected = figures.get(`${metric} ${period}`)!;
      if (expected.numerator === null) {
        // Not computable from these extracts (an extract the set lacks): explain says so and lists nothing.
        expect(x.notComputable).toBeTruthy();
        expect(x.rows).toEqual([]);
        return;
      }
      expect({ numerator: x.numerator, denominator: x.denominator, value: x.value }).toEqual({
        numerator: expected.numerator,
        denominator: expected.denominator,
        value: expected.value,
      });
      const sum = (f: (r: Row) => number) => x.rows.reduce((n, row) => n + f(row), 0);
      expect(sum((r) => r.numerator)).toBe(expected.numerator);
      expect(sum((r) => r.denominator) + (x.population ?? 0)).toBe(expected.denominator);
      // Only met rows add to the numerator; excluded rows add nothing.
      expect(sum((r) => (r.status === 'met' ? 0 : r.numerator))).toBe(0);
      expect(sum((r) => (r.status === 'excluded' ? r.denominator : 0))).toBe(0);
      const excluded: Record<string, number> = {};
      for (const row of x.rows) if (row.status === 'excluded') excluded[row.reason!] = (excluded[row.reason!] ?? 0) + 1;
      expect(excluded).toEqual(expected.excluded);
      // Turnover's leavers are in the numerator only; the others count one row per unit.
      if (!metric.endsWith('_avg_days') && metric !== 'caseload_avg' && metric !== 'staff_turnover_12m' && !(metric === 'staff_permanent' && x.rows.some((r) => r.denominator !== 1))) {
        expect(x.rows.filter((r) => r.status === 'met')).toHaveLength(expected.numerator!);
        // A rate's denominator is the population, no row's.
        if (x.population === undefined) expect(x.rows.filter((r) => r.status !== 'excluded')).toHaveLength(expected.denominator!);
        else expect(x.population).toBeGreaterThan(0);
      }
      for (const row of x.rows) {
        expect(row.line).toBeGreaterThan(1);
        expect(row.file).toMatch(/\.csv$/);
      }
    });
  });
}

reconciles('a messy generated set', COMMON, ['2020-06', '2020-12', '2021-01', '2021-05']);
reconciles('the demo extracts', ['--data', 'fixtures/demo', '--as-at', '2021-05-10', '--config', 'fixtures/demo/csc-kpi.yaml'], ['2020-11', '2020-12', '2021-01', '2021-04', '2021-05']);

describe('explain --all', () => {
  it('adds the records outside the month, without changing the figures', async () => {
    const plain = JSON.parse((await runCli(['explain', 'core_groups_in_time', '--period', '2021-01', ...COMMON, '--format', 'json'])).stdout);
    const all = JSON.parse((await runCli(['explain', 'core_groups_in_time', '--period', '2021-01', ...COMMON, '--format', 'json', '--all'])).stdout);
    expect(all.rows.length).toBeGreaterThan(plain.rows.length);
    expect(all.numerator).toBe(plain.numerator);
    expect(all.denominator).toBe(plain.denominator);
    expect(all.rows.filter((r: Row) => r.reason === 'not-in-period').length).toBeGreaterThan(0);
  });
});

describe('explain usage', () => {
  it('refuses an unknown measure, listing the measures', async () => {
    const r = await runCli(['explain', 'contacts_2wd', '--period', '2021-01', ...COMMON]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/contacts_2wd is not a measure; measures are contacts_1wd, /);
  });

  it('needs --period', async () => {
    const r = await runCli(['explain', 'contacts_1wd', ...COMMON]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/explain needs --period/);
  });

  it('prints a table with the rule, the snapshot and one line per record', async () => {
    const r = await runCli(['explain', 'assessments_45wd', '--period', '2021-01', ...COMMON]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Assessments authorised within 45 working days \(assessments_45wd\), Jan 2021: \d+ \/ \d+ = [\d.]+%/);
    expect(r.stdout).toMatch(/Rule: assessments with authorised_date in the period; met when workingDaysBetween\(start_date, authorised_date\) <= 45/);
    expect(r.stdout).toMatch(/working_days/);
  });
});
