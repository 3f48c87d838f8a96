/**
 * Quarters, years and windows on the command line (SPEC §9), the demo
 * council's workforce and complaints figures, and periods that cannot be
 * computed shown as such in every format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ScorecardJson } from '../../src/report/scorecard-json.js';
import { ROOT, runCli, scratchFolder } from '../helpers/cli.js';

const DEMO = ['--staff', join(ROOT, 'fixtures/demo/staff.csv'), '--complaints', join(ROOT, 'fixtures/demo/complaints.csv'), '--as-at', '2021-05-10'];

async function json(args: readonly string[]): Promise<ScorecardJson> {
  const r = await runCli(['scorecard', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ScorecardJson;
}

function figure(j: ScorecardJson, metric: string, period: string, group: string | null = null) {
  const r = j.results.find((x) => x.metric === metric && x.period === period && (x.group ?? null) === group);
  if (!r) throw new Error(`no ${metric} ${period} ${group}`);
  return [r.numerator, r.denominator, r.value?.toFixed(1)];
}

describe('the demo council\'s workforce and complaints', () => {
  it('complaints answered in time: 71.0% in 2020-21Q2 (22 of 31) and 75.0% in Q3 (30 of 40)', async () => {
    const j = await json([...DEMO, '--every', 'quarter', '--from', '2020-21Q2', '--to', '2020-21Q3']);
    expect(figure(j, 'complaints_in_time', '2020-21Q2')).toEqual([22, 31, '71.0']);
    expect(figure(j, 'complaints_in_time', '2020-21Q3')).toEqual([30, 40, '75.0']);
  });

  it('permanent staff at the end of January 2021: 73.0% (46 of 63), and 71.4% (5 of 7) in the MASH', async () => {
    const j = await json([...DEMO, '--period', '2021-01', '--by', 'team']);
    expect(figure(j, 'staff_permanent', '2021-01')).toEqual([46, 63, '73.0']);
    expect(figure(j, 'staff_permanent', '2021-01', 'MASH')).toEqual([5, 7, '71.4']);
  });

  it('has no staff figure by worker, and says why', async () => {
    const j = await json([...DEMO, '--period', '2021-01', '--by', 'worker']);
    const rows = j.results.filter((x) => x.metric === 'staff_permanent');
    expect(rows.map((x) => [x.group, x.value?.toFixed(1), x.noBreakdown])).toEqual([
      [null, '73.0', 'a staff figure is counted by team; the staff extract names no allocated worker'],
    ]);
  });

  it('counts a 12-month window as the sum of its twelve months', async () => {
    const months = await json([...DEMO, '--from', '2020-02', '--to', '2021-01']);
    const rolling = await json([...DEMO, '--period', '2021-01', '--window', '12m']);
    const sum = months.results.filter((r) => r.metric === 'complaints_in_time').reduce((s, r) => [s[0]! + r.numerator!, s[1]! + r.denominator!], [0, 0]);
    expect(figure(rolling, 'complaints_in_time', '2021-01').slice(0, 2)).toEqual(sum);
  });
});

describe('quarters in every format', () => {
  const args = [...DEMO, '--every', 'quarter', '--from', '2020-21Q3', '--to', '2021-22Q1'];

  it('labels the periods 2020-21Q3 ... in CSV, the table and Markdown; the quarter in progress is starred', async () => {
    const csv = await runCli(['scorecard', ...args, '--format', 'csv']);
    expect(csv.stdout).toMatch(/^complaints_in_time,[^\n]*,2020-21Q3,2020-12-31,30,40,75,/m);
    expect(csv.stdout).toMatch(/^complaints_in_time,[^\n]*,2021-22Q1,2021-05-10,/m);
    const table = await runCli(['scorecard', ...args]);
    expect(table.stdout).toContain('2020-21Q4');
    expect(table.stdout).toContain('2021-22Q1*');
    expect(table.stdout).toContain('* quarter in progress: figures as at 10 May 2021');
    const md = await runCli(['scorecard', ...args, '--format', 'md']);
    expect(md.stdout).toContain('| 2020-21Q3 |');
  });

  it('draws the HTML charts on a quarter axis', async () => {
    const r = await runCli(['scorecard', ...args, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<dt>Quarters</dt><dd>2020-21Q3 to 2021-22Q1 (3)</dd>');
    expect(r.stdout).toContain('Quarterly values, 2020-21Q3 to 2021-22Q1');
    expect(r.stdout).toMatch(/<text class="tick"[^>]*>Q3<\/text><text class="tick year"[^>]*>2020-21<\/text>/);
    expect(r.stdout).toContain('Measures quarter by quarter');
  });

  it('heads the workbook\'s columns with the quarters', async () => {
    const out = join(scratchFolder(), 'q.xlsx');
    const r = await runCli(['scorecard', ...args, '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(out)).buffer);
    const texts: string[] = [];
    wb.getWorksheet('Scorecard')!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(['2020-21Q3', '2020-21Q4', '2021-22Q1 *']));
  });

  it('reads years under --every year, with a January start from the configuration', async () => {
    const dir = scratchFolder({ 'c.yaml': 'periods:\n  yearStart: 1\n' });
    const r = await runCli(['scorecard', ...DEMO, '--every', 'year', '--period', '2020', '--config', join(dir, 'c.yaml'), '--format', 'csv']);
    expect(r.stdout).toMatch(/^complaints_in_time,[^\n]*,2020,2020-12-31,/m);
    const april = await runCli(['scorecard', ...DEMO, '--every', 'year', '--period', '2020-21', '--format', 'csv']);
    expect(april.stdout).toMatch(/^complaints_in_time,[^\n]*,2020-21,2021-03-31,/m);
  });

  it('gives a period the target of its last month', async () => {
    const dir = scratchFolder({ 't.yaml': 'measures:\n  complaints_in_time:\n    trajectory:\n      2021-03: 80\n' });
    const j = await json([...DEMO, '--every', 'quarter', '--from', '2020-21Q3', '--to', '2020-21Q4', '--targets', join(dir, 't.yaml')]);
    const targets = j.results.filter((x) => x.metric === 'complaints_in_time').map((x) => [x.period, x.target]);
    expect(targets).toEqual([
      ['2020-21Q3', null],
      ['2020-21Q4', 80],
    ]);
  });

  it.each([
    [['--every', 'quarter', '--from', '2020-21Q4', '--to', '2020-21Q2'], /--from 2020-21Q4 is later than --to 2020-21Q2/],
    [['--every', 'quarter', '--period', '2020-12'], /--period 2020-12: a quarter is written/],
    [['--window', '25m', '--period', '2021-01'], /--window 25m: give a number of months from 1 to 24/],
    [['--every', 'fortnight'], /fortnight/],
  ])('refuses %j as a usage error', async (extra, message) => {
    const r = await runCli(['scorecard', ...DEMO, ...extra]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it('writes --every and --window into the manifest, and verify reproduces the run', async () => {
    const dir = scratchFolder();
    const manifest = join(dir, 'm.json');
    const r = await runCli(['scorecard', ...DEMO, '--every', 'quarter', '--window', '6m', '--format', 'json', '--out', join(dir, 's.json'), '--manifest', manifest]);
    expect(r.code).toBe(0);
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    expect([m.options.every, m.options.window, m.periods]).toEqual(['quarter', '6m', ['2019-20Q4', '2020-21Q1', '2020-21Q2', '2020-21Q3', '2020-21Q4']]);
    const v = await runCli(['verify', manifest]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });
});

describe('a period that cannot be computed', () => {
  // The staff extract holds nothing before 1 June 2020: turnover looks back twelve months.
  const config = 'mapping:\n  staff:\n    coverageFrom: 2020-06-01\n';
  const reason = 'the staff extract holds nothing before 2020-06-01 (coverageFrom); this period looks back to 2020-02-01';

  it('is shown as not computable, with its reason, never as a blank or a zero', async () => {
    const dir = scratchFolder({ 'c.yaml': config });
    const args = [...DEMO, '--from', '2021-01', '--to', '2021-02', '--config', join(dir, 'c.yaml')];
    // 2021-01 looks back to 1 Feb 2020 (not covered); 2021-06 would be. Both months before June 2021 are not computable.
    const j = await json(args);
    const r = j.results.find((x) => x.metric === 'staff_turnover_12m' && x.period === '2021-01')!;
    expect([r.numerator, r.denominator, r.value, r.notComputable]).toEqual([null, null, null, reason]);
    const csv = await runCli(['scorecard', ...args, '--format', 'csv']);
    expect(csv.stdout).toContain(`,2021-01,2021-01-31,,,,percent,,,none,,not computable: ${reason}`);
    const table = await runCli(['scorecard', ...args]);
    expect(table.stdout).toMatch(/Jan 2021 +│? *— +│? *not computable/);
    const md = await runCli(['scorecard', ...args, '--format', 'md']);
    expect(md.stdout).toContain(`| Jan 2021 | — | not computable |`);
    const html = await runCli(['scorecard', ...args, '--format', 'html']);
    expect(html.stdout).toContain(`Not computable: ${reason}`);
  });
});
