/**
 * The sample Ofsted Annex A workbook (fixtures/annex-a/annex-a.xlsx, built by
 * scripts/fixtures/annex-a.ts) read end to end: a golden validation report,
 * and a scorecard from its lists.
 * Regenerate deliberately with UPDATE_GOLDEN=1 and read the diff.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const GOLDEN = join(ROOT, 'tests/golden/__golden__');
const WORKBOOK = 'fixtures/annex-a/annex-a.xlsx';
const SHA256 = createHash('sha256').update(readFileSync(join(ROOT, WORKBOOK))).digest('hex');

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(existsSync(path), `${name} is missing; run with UPDATE_GOLDEN=1 to create it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('the Annex A sample workbook', () => {
  it.each([
    ['table', 'annex-a-validate.txt'],
    ['json', 'annex-a-validate.json'],
  ])('validates clean, as %s', async (format, file) => {
    const r = await runCli(['validate', '--workbook', WORKBOOK, '--as-at', '2021-05-10', '--format', format]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    golden(file, r.stdout);
  });

  it('reports every list: eight extracts, Lists 2, 10 and 11 not used', async () => {
    const r = await runCli(['validate', '--workbook', WORKBOOK, '--as-at', '2021-05-10', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    const uses = report.workbooks[0].sheets.map((s: { name: string; use: string; extract: string | null }) => [s.name, s.use, s.extract]);
    expect(uses).toEqual([
      ['List 1', 'extract', 'contacts'],
      ['List 2', 'not-used', null],
      ['List 3', 'extract', 'referrals'],
      ['List 4', 'extract', 'assessments'],
      ['List 5', 'extract', 's47'],
      ['List 6', 'extract', 'cases'],
      ['List 7', 'extract', 'cp_plans'],
      ['List 8', 'extract', 'cla_periods'],
      ['List 9', 'extract', 'care_leavers'],
      ['List 10', 'not-used', null],
      ['List 11', 'not-used', null],
    ]);
    expect(report.workbooks[0].sha256).toBe(SHA256);
    // List 7's start date typed as text and its end date as a bare serial number are both read.
    expect(report.extracts.cp_plans.rows).toEqual({ read: 2, valid: 2, rejected: 0, duplicate: 0 });
  });

  it('gives a scorecard naming the workbook, each sheet and the workbook\'s SHA-256', async () => {
    const r = await runCli(['scorecard', '--workbook', WORKBOOK, '--as-at', '2021-05-10', '--from', '2021-01', '--to', '2021-04', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `csc-kpi: ${WORKBOOK}: sheets read and not used: List 2, List 10, List 11\n`,
    );
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json.inputs)).toEqual(['contacts', 'assessments', 'cp_plans', 'cases', 'referrals', 's47', 'cla_periods', 'care_leavers']);
    expect(json.inputs.cases).toEqual({ path: WORKBOOK, sheet: 'List 6', sha256: SHA256, rows: { read: 2, valid: 2, rejected: 0, duplicate: 0 } });
    const figure = (metric: string, period: string) => {
      const x = json.results.find((res: { metric: string; period: string }) => res.metric === metric && res.period === period);
      return [x.numerator, x.denominator];
    };
    // DFE1001: started 12 Jan, authorised 22 Feb (28 working days); DFE1002: 26 Jan to 16 Apr (56, Easter in between).
    expect(figure('assessments_45wd', '2021-02')).toEqual([1, 1]);
    expect(figure('assessments_45wd', '2021-04')).toEqual([0, 1]);
    // List 6: two children in need with one worker at the end of March.
    expect(figure('caseload_avg', '2021-03')).toEqual([2, 1]);
    // List 7: both plans open at the end of March (the second ends on 16 April, serial 44302), neither for nine months.
    expect(figure('cp_over_9m', '2021-03')).toEqual([0, 2]);
    // List 3: two children referred in January, neither referred in the year before.
    expect(figure('referrals_repeat_12m', '2021-01')).toEqual([0, 2]);
    // List 5: strategy discussion 27 Jan, conference 15 Feb: 13 working days.
    expect(figure('icpc_15wd', '2021-02')).toEqual([1, 1]);
    // List 4's "Child Seen During Continuous Assessment", Annex A's "a) Yes": DFE1001, authorised 22 Feb.
    expect(figure('assessments_child_seen', '2021-02')).toEqual([1, 1]);
    // List 9: two care leavers aged 19-21 by the end of April, recorded in March and April; one in higher education (F2).
    expect(figure('care_leavers_eet', '2021-04')).toEqual([1, 2]);
    expect(figure('care_leavers_suitable_accommodation', '2021-04')).toEqual([1, 2]);
  });

  it('names each input by workbook and sheet in the table', async () => {
    const r = await runCli(['scorecard', '--workbook', WORKBOOK, '--as-at', '2021-05-10', '--period', '2021-03']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`│ cases        │ ${WORKBOOK}!List 6 │    2 │     2 │        0 │         0 │ ${SHA256.slice(0, 16)}… │`);
  });
});
