import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEASURES } from '../../src/measures/index.js';
import { runCli, scratchFolder } from '../helpers/cli.js';

const SMALL = {
  'contacts.csv': 'contact_id,child_id,contact_date,decision_date\nC1,1,2021-01-29,2021-02-01\nC2,2,2021-01-29,2021-02-02\nC3,3,2021-02-05,\n',
  'assessments.csv': 'assessment_id,child_id,start_date,authorised_date,kind\nA1,1,2021-01-04,2021-01-20,new\n',
  'cp_plans.csv': 'plan_id,child_id,start_date,end_date\nP1,1,2020-04-30,\n',
  'core_groups.csv': 'child_id,meeting_date,education,police,health,other\n1,2021-01-04,Y,N,Y,\n',
  'supervisions.csv': 'child_id,supervision_date\n1,2021-01-10\n',
  'cases.csv': 'case_id,child_id,start_date,end_date,case_type,worker\nK1,1,2020-04-30,,CP,SW1\nK2,2,2020-06-01,,CIN,SW1\nK3,3,2020-06-01,,CIN,SW2\n',
};

function folder(files: Record<string, string> = SMALL): string {
  return scratchFolder(files);
}

const RANGE = ['--from', '2021-01', '--to', '2021-02', '--as-at', '2021-02-10'];

describe('scorecard JSON', () => {
  it('has exactly the documented shape, one result per measure and month', async () => {
    const dir = folder();
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'generator', 'asAt', 'inputs', 'results']);
    expect(json.schemaVersion).toBe(1);
    expect(json.generator.name).toBe('csc-kpi');
    expect(json.asAt).toBe('2021-02-10');
    expect(Object.keys(json.inputs)).toEqual(['contacts', 'assessments', 'cp_plans', 'core_groups', 'supervisions', 'cases']);
    expect(Object.keys(json.inputs.contacts)).toEqual(['path', 'sha256', 'rows']);
    expect(json.inputs.contacts.rows).toEqual({ read: 3, valid: 3, rejected: 0, duplicate: 0 });
    expect(json.inputs.contacts.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.results).toHaveLength(MEASURES.length * 2);
    for (const result of json.results) {
      const keys = ['metric', 'period', 'numerator', 'denominator', 'value', 'unit', 'excluded', 'target', 'rag'];
      // A measure whose extract is not in the folder (referrals ...) says why.
      expect(Object.keys(result)).toEqual(result.notComputable === undefined ? keys : [...keys, 'notComputable']);
    }
    const jan = json.results.find((x: { metric: string; period: string }) => x.metric === 'contacts_1wd' && x.period === '2021-01');
    expect(jan).toMatchObject({ numerator: 1, denominator: 2, value: 50, unit: 'percent', excluded: {}, target: null, rag: 'none' });
    // C3, undecided on 5 Feb, was due Mon 8 Feb: missed by the as-at date of 10 Feb.
    const feb = json.results.find((x: { metric: string; period: string }) => x.metric === 'contacts_1wd' && x.period === '2021-02');
    expect(feb).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });

  it('reports a measure whose extract is missing as not computable, never as zero', async () => {
    const { 'cases.csv': _cases, ...withoutCases } = SMALL;
    const dir = folder(withoutCases);
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.inputs.cases).toBeUndefined();
    const caseload = json.results.filter((x: { metric: string }) => x.metric === 'caseload_avg');
    expect(caseload).toHaveLength(2);
    for (const c of caseload) expect(c).toMatchObject({ numerator: null, denominator: null, value: null, rag: 'none' });
    const table = await runCli(['scorecard', '--data', dir, ...RANGE]);
    expect(table.stdout).toContain('not computable: no cases extract');
  });

  it('warns on stderr about an extract with a header and no rows, and still scores it', async () => {
    const dir = folder({ ...SMALL, 'supervisions.csv': '\nchild_id,supervision_date\n\n' });
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.inputs.supervisions.rows).toEqual({ read: 0, valid: 0, rejected: 0, duplicate: 0 });
    const supervision = json.results.find((x: { metric: string; period: string }) => x.metric === 'supervision_in_time' && x.period === '2021-01');
    expect(supervision).toMatchObject({ numerator: 0, denominator: 3 });
    expect(r.stderr).toContain(
      `warning: ${join(dir, 'supervisions.csv')}:2: the file has a header but no data rows, so the measures see no supervisions at all`,
    );
    expect(r.stderr).not.toMatch(/contacts\.csv.*no data rows/);
  });
});

describe('scorecard table', () => {
  it('has no colour when stdout is not a terminal', async () => {
    const dir = folder();
    const targets = join(dir, 't.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(targets, 'measures:\n  contacts_1wd:\n    trajectory: { 2021-01: 90 }\n');
    const plain = await runCli(['scorecard', '--data', dir, ...RANGE, '--targets', targets]);
    expect(plain.stdout).toContain('Red');
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const tty = await runCli(['scorecard', '--data', dir, ...RANGE, '--targets', targets], { isTTY: true });
    expect(tty.stdout).toMatch(/\u001b\[31mRed/);
    const noColour = await runCli(['scorecard', '--data', dir, ...RANGE, '--targets', targets], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColour.stdout).not.toMatch(/\u001b\[/);
  });

  it('titles each measure in the words of the rules in force', async () => {
    const dir = folder();
    const config = join(dir, 'csc-kpi.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(config, 'contacts:\n  timescale: 3wd\nassessments:\n  clockStart: referral\n');
    const plain = await runCli(['scorecard', '--data', dir, ...RANGE]);
    expect(plain.stdout).toContain('Contacts decided within 1 working day (contacts_1wd, higher is better)');
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--config', config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Contacts decided within 3 working days (contacts_1wd, higher is better)');
    expect(r.stdout).toContain('Assessments authorised within 45 working days of referral (assessments_45wd, higher is better)');
    expect(r.stdout).not.toContain('within 1 working day');
    const csv = await runCli(['scorecard', '--data', dir, ...RANGE, '--config', config, '--format', 'csv']);
    expect(csv.stdout).toContain('contacts_1wd,Contacts decided within 3 working days,,2021-01,');
  });
});

describe('exit status and messages', () => {
  const oneLine = (s: string) => {
    expect(s.trim().split('\n')).toHaveLength(1);
    expect(s).not.toMatch(/\n\s+at /);
  };

  it.each([
    [['scorecard', '--data', 'no/such/folder', ...RANGE], /cannot read the data folder no\/such\/folder: no such file or folder/],
    [['scorecard', '--data', '.', '--as-at', '10/05/2021'], /--as-at 10\/05\/2021: a date is written YYYY-MM-DD/],
    [['scorecard', '--data', '.', '--period', '2021-1'], /--period 2021-1: a month is written YYYY-MM/],
    [['scorecard', '--data', '.', '--period', '2021-06', '--as-at', '2021-05-10'], /2021-06 starts after the as-at date 10 May 2021/],
    [['scorecard', '--data', '.', '--period', '2021-01', '--from', '2021-01'], /use either --period or --from\/--to/],
  ])('%j exits 1 with one plain line', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    oneLine(r.stderr);
  });

  it('names the file and line when a required column is missing', async () => {
    const dir = folder({ 'contacts.csv': 'contact_id,child\nC1,1\n' });
    const r = await runCli(['scorecard', '--data', dir, ...RANGE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/contacts\.csv:1: the contacts extract needs a column "child_id" or "Child Unique ID"/);
    oneLine(r.stderr);
  });

  it('names the key of a bad configuration', async () => {
    const dir = folder({ ...SMALL, 'config.yaml': 'calendar:\n  region: wales\n' });
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--config', join(dir, 'config.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/config\.yaml: calendar\.region: Invalid option/);
  });

  it('names the measure of a bad targets file', async () => {
    const dir = folder({ ...SMALL, 't.yaml': 'measures:\n  contacts_2wd:\n    trajectory: { 2021-01: 90 }\n' });
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 't.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/t\.yaml: measures\.contacts_2wd: not a measure/);
  });

  it('--strict exits 2 and writes nothing when a row was rejected', async () => {
    const dir = folder({ ...SMALL, 'contacts.csv': `${SMALL['contacts.csv']}C9,,2021-01-05,\n` });
    const out = join(dir, 'scorecard.json');
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--strict', '--format', 'json', '--out', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toMatch(/contacts\.csv:5: column B \(child_id\) missing-value/);
    const lenient = await runCli(['scorecard', '--data', dir, ...RANGE, '--format', 'json', '--out', out]);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).inputs.contacts.rows).toEqual({ read: 4, valid: 3, rejected: 1, duplicate: 0 });
  });

  it('leaves no file behind when a run fails', async () => {
    const dir = folder({ ...SMALL, 'cases.csv': 'case_id,start_date\nK1,2020-01-01\n' });
    const out = join(dir, 'scorecard.csv');
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--format', 'csv', '--out', out]);
    expect(r.code).toBe(1);
    expect(readdirSync(dir).filter((f) => !f.endsWith('.csv') || f === 'scorecard.csv')).toEqual([]);
  });

  it('prints help and exits 0', async () => {
    const r = await runCli(['scorecard', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--data <dir>/);
    expect(r.stdout).toMatch(/Exit status: 0 done; 1 usage/);
  });

  it('refuses an unknown format', async () => {
    const r = await runCli(['scorecard', '--data', '.', '--format', 'pdf']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pdf/);
  });
});
