/**
 * Command-line options beyond the basics: mapping, --max-rejected, --by,
 * default periods, init, and writing files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/config.js';
import { MEASURES } from '../../src/measures/index.js';
import { runCli, scratchFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

describe('mapping in the configuration', () => {
  const council = [
    'Ref,Person ID,Contact Received,Outcome Date,Referrer,Type',
    'R1,501,01/13/2021,01/14/2021,Police,New',
    'R2,502,44208,44209.5,School,New',
  ].join('\n');
  const config = [
    'mapping:',
    '  contacts:',
    '    dateOrder: month-first',
    '    excelDates: true',
    '    columns:',
    '      contact_id: [Ref]',
    '      child_id: [Person ID]',
    '      contact_date: [Contact Received]',
    '      decision_date: [Outcome Date]',
    '      source: [Referrer]',
  ].join('\n');

  it('reads a council\'s own headings, month-first dates and serial dates once configured', async () => {
    const dir = scratchFolder({ 'contacts.csv': council, 'c.yaml': config });
    const without = await runCli(['validate', '--data', dir, '--as-at', '2021-05-10', '--format', 'json']);
    expect(without.code).toBe(1);
    expect(without.stdout).toMatch(/needs a column \\"child_id\\" or \\"Child Unique ID\\"/);
    const r = await runCli(['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--config', join(dir, 'c.yaml'), '--format', 'json']);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.inputs.contacts.rows).toEqual({ read: 2, valid: 2, rejected: 0, duplicate: 0 });
    // 13 Jan 2021 decided 14 Jan; serial 44208 = 13 Jan 2021, 44209.5 = 14 Jan 2021: both met.
    expect(json.results.find((x: { metric: string }) => x.metric === 'contacts_1wd')).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('accepts extra spellings of coded values', async () => {
    const dir = scratchFolder({
      'assessments.csv': 'child_id,start_date,authorised_date,kind\n1,2021-01-04,2021-01-20,Initial\n2,2021-01-04,2021-01-20,Re-assessment\n',
      'c.yaml': 'mapping:\n  assessments:\n    values:\n      kind: { new: [Initial], update: [Re-assessment] }\n',
    });
    const refused = await runCli(['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--format', 'json']);
    expect(JSON.parse(refused.stdout).inputs.assessments.rows.rejected).toBe(2);
    const r = await runCli(['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--config', join(dir, 'c.yaml'), '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.inputs.assessments.rows.valid).toBe(2);
    expect(json.results.find((x: { metric: string }) => x.metric === 'assessments_45wd_new')).toMatchObject({ numerator: 1, denominator: 1, excluded: { 'not-new': 1 } });
  });

  it('names a mistyped column in the mapping', async () => {
    const dir = scratchFolder({ 'c.yaml': 'mapping:\n  contacts:\n    columns:\n      contact_dat: [X]\n' });
    const r = await runCli(['validate', '--data', dir, '--config', join(dir, 'c.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mapping\.contacts\.columns\.contact_dat: not a contacts column/);
  });
});

describe('--max-rejected', () => {
  const rows = ['contact_id,child_id,contact_date', ...Array.from({ length: 98 }, (_, i) => `C${i},${i},2021-01-05`), 'X1,,2021-01-05', 'X2,,2021-01-05'];

  it('fails the run, writing nothing, when more than that share of an extract was rejected', async () => {
    const dir = scratchFolder({ 'contacts.csv': rows.join('\n') });
    const out = join(dir, 'out.json');
    const args = ['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--format', 'json', '--out', out];
    const over = await runCli([...args, '--max-rejected', '1.5']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/contacts\.csv: 2\.0% of rows rejected \(2 of 100\), more than --max-rejected 1\.5%/);
    expect(existsSync(out)).toBe(false);
    const under = await runCli([...args, '--max-rejected', '2']);
    expect(under.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses a share that is not a percentage', async () => {
    const r = await runCli(['scorecard', '--data', '.', '--max-rejected', 'lots']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--max-rejected lots: give a percentage from 0 to 100/);
  });
});

describe('a 10 MB field', () => {
  it('is read in an unused column, and refused in a used one, with the rest of the extract read', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const dir = scratchFolder({
      'contacts.csv': `contact_id,child_id,contact_date,notes\nC1,1,2021-01-05,"${big}"\nC2,${big},2021-01-05,\nC3,3,2021-01-05,\n`,
    });
    const r = await runCli(['validate', '--data', dir, '--as-at', '2021-05-10', '--format', 'json']);
    expect(r.code).toBe(2);
    const x = JSON.parse(r.stdout).extracts.contacts;
    expect(x.rows).toEqual({ read: 3, valid: 2, rejected: 1, duplicate: 0 });
    expect(x.problems[0]).toMatchObject({ code: 'value-too-long', line: 3, column: 'B' });
    expect(x.problems[0].value.length).toBeLessThan(300);
  });
});

describe('--by', () => {
  it('breaks every measure down, and the groups of every count measure add up to the whole', async () => {
    const dir = scratchFolder(messyExtracts({ seed: 21, size: 300 }));
    for (const by of ['team', 'worker']) {
      const r = await runCli(['scorecard', '--data', dir, '--from', '2020-10', '--to', '2021-05', '--as-at', '2021-05-10', '--format', 'json', '--by', by]);
      expect(r.code).toBe(0);
      const results = JSON.parse(r.stdout).results as { metric: string; period: string; group: string | null; numerator: number | null; denominator: number | null; excluded: Record<string, number> }[];
      const groups = new Set(results.map((x) => x.group));
      expect(groups.size).toBeGreaterThan(3);
      for (const m of MEASURES) {
        // Staff figures have no breakdown by worker: the whole-service figure stands alone.
        if (m.noBreakdown(by as 'team' | 'worker') !== undefined) continue;
        for (const period of ['2020-10', '2021-01', '2021-05']) {
          const whole = results.find((x) => x.metric === m.id && x.period === period && x.group === null)!;
          // A measure whose extracts this set lacks is not computable, and has no groups.
          if (whole.numerator === null) continue;
          const parts = results.filter((x) => x.metric === m.id && x.period === period && x.group !== null);
          // A rate per 10,000 children has no breakdown: the population is the whole council's.
          if (m.noBreakdown(by as 'team' | 'worker') !== undefined) {
            expect(parts, m.id).toEqual([]);
            continue;
          }
          expect(parts.length).toBeGreaterThan(0);
          const sum = (f: (x: (typeof parts)[number]) => number) => parts.reduce((n, x) => n + f(x), 0);
          expect(sum((x) => x.numerator!), `${m.id} ${period} by ${by}`).toBe(whole.numerator);
          if (m.id === 'caseload_avg' && by === 'team') {
            // Distinct workers within each team: a worker in two teams counts in both.
            expect(sum((x) => x.denominator!)).toBeGreaterThanOrEqual(whole.denominator!);
          } else {
            expect(sum((x) => x.denominator!), `${m.id} ${period} by ${by}`).toBe(whole.denominator);
          }
        }
      }
    }
  });

  it('leaves the JSON shape unchanged without --by', async () => {
    const dir = scratchFolder(messyExtracts({ seed: 21, size: 50 }));
    const r = await runCli(['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--format', 'json']);
    expect(Object.keys(JSON.parse(r.stdout).results[0])).not.toContain('group');
  });
});

describe('default periods', () => {
  it.each([
    ['2021-05-10', '2020-04', '2021-04'],
    ['2021-04-30', '2020-04', '2021-04'],
    ['2021-01-01', '2019-12', '2020-12'],
  ])('as at %s: the 13 complete months %s to %s', async (asAt, first, last) => {
    const dir = scratchFolder({ 'contacts.csv': 'child_id,contact_date\n1,2019-06-01\n' });
    const r = await runCli(['scorecard', '--data', dir, '--as-at', asAt, '--format', 'json']);
    const periods = [...new Set(JSON.parse(r.stdout).results.map((x: { period: string }) => x.period))];
    expect(periods).toHaveLength(13);
    expect(periods[0]).toBe(first);
    expect(periods[12]).toBe(last);
  });
});

describe('init', () => {
  it('writes a starter configuration that is valid, lists every setting, and will not overwrite', async () => {
    const dir = scratchFolder();
    const path = join(dir, 'csc-kpi.yaml');
    const r = await runCli(['init', '--out', path, '--preset', 'annex-a']);
    expect(r.code).toBe(0);
    const text = readFileSync(path, 'utf8');
    const config = parseConfig(text, path);
    expect(config.mapping.assessments?.columns?.start_date).toEqual(['Continuous Assessment Start Date']);
    for (const key of ['timescale:', 'clockStart:', 'region:', 'bankHolidays:', 'closures:', 'firstWithin:', 'thenEvery:', 'interval:', 'byCaseType:']) {
      expect(text).toContain(key);
    }
    // The values it shows are the defaults, so the rules stay the published ones until someone edits them.
    expect({ ...config, mapping: {} }).toEqual(defaultConfig());
    const again = await runCli(['init', '--out', path]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; use --force/);
    expect((await runCli(['init', '--out', path, '--force'])).code).toBe(0);
    expect((await runCli(['init', '--out', path, '--preset', 'mosaic', '--force'])).stderr).toMatch(/presets are annex-a/);
  });
});

describe('writing output files', () => {
  it('fails plainly, leaving no temporary file, when the output folder does not exist', async () => {
    const dir = scratchFolder({ 'contacts.csv': 'child_id,contact_date\n1,2021-01-05\n' });
    const r = await runCli(['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--out', join(dir, 'no', 'such', 'out.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*out\.txt: no such file or folder/);
    expect(readdirSync(dir)).toEqual(['contacts.csv']);
  });

  it('replaces an existing output only when the run succeeds', async () => {
    const dir = scratchFolder({ 'contacts.csv': 'child_id,contact_date\n1,2021-01-05\n' });
    const out = join(dir, 'out.json');
    writeFileSync(out, 'previous');
    const failed = await runCli(['scorecard', '--data', dir, '--period', '2021-06', '--as-at', '2021-05-10', '--out', out]);
    expect(failed.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous');
  });
});
