/**
 * Figures the data cannot support, end to end (SPEC §6, "Output contract for
 * round 2"): not computable with the reason in every format, never a
 * confident 0%; a breakdown that says why there is none; an extract whose
 * rows were all rejected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, scratchFolder, spawnCli, tempFolder } from '../helpers/cli.js';

/** Annex A List 1 saved as CSV: two contacts in January 2021, and no decision date column. */
const LIST_1 =
  'Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Contact,Contact Source\n' +
  'DFE001,b) Female,WBRI,01/02/2015,5,05/01/2021,Police\n' +
  'DFE002,a) Male,WBRI,03/04/2012,8,12/01/2021,School\n';

const REASON = 'the contacts extract has no decision_date column';
const PERIOD = ['--period', '2021-01', '--as-at', '2021-05-10'];

interface JsonResult {
  metric: string;
  period: string;
  group?: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  notComputable?: string;
  noBreakdown?: string;
}

async function json(args: readonly string[]): Promise<JsonResult[]> {
  const r = await runCli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { results: JsonResult[] }).results;
}

/** Every text cell of every sheet of a workbook. */
async function workbookText(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
  const texts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value)))));
  return texts;
}

describe('fault 1: an absent column makes the measure not computable, in every format', () => {
  it('JSON: numerator, denominator and value null, and notComputable the reason (was 0/2 = 0.0%)', async () => {
    const dir = scratchFolder({ 'contacts.csv': LIST_1 });
    const results = await json(['scorecard', '--data', dir, ...PERIOD]);
    const contacts = results.find((x) => x.metric === 'contacts_1wd')!;
    expect(contacts).toMatchObject({ numerator: null, denominator: null, value: null, notComputable: REASON });
    // A measure without its extract says why too.
    expect(results.find((x) => x.metric === 'caseload_avg')).toMatchObject({ value: null, notComputable: 'no cases extract' });
  });

  it.each([
    ['table', REASON],
    ['csv', REASON],
    ['md', REASON.replace('_', '\\_')],
    ['html', REASON],
  ])('%s names the reason', async (format, reason) => {
    const dir = scratchFolder({ 'contacts.csv': LIST_1 });
    const r = await runCli(['scorecard', '--data', dir, ...PERIOD, '--format', format]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(reason);
    expect(r.stdout).not.toMatch(/0 \/ 2|0\.0%/);
  });

  it('csv: empty figures and the reason in the note', async () => {
    const dir = scratchFolder({ 'contacts.csv': LIST_1 });
    const r = await runCli(['scorecard', '--data', dir, ...PERIOD, '--format', 'csv']);
    const line = r.stdout.split('\r\n').find((l) => l.startsWith('contacts_1wd,'))!;
    expect(line).toBe(`contacts_1wd,Contacts decided within 1 working day,,2021-01,2021-01-31,,,,percent,,,none,,not computable: ${REASON}`);
  });

  it('xlsx names the reason', async () => {
    const dir = scratchFolder({ 'contacts.csv': LIST_1 });
    const out = join(dir, 'scorecard.xlsx');
    const r = await runCli(['scorecard', '--data', dir, ...PERIOD, '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(await workbookText(out)).toContain(`not computable: ${REASON}`);
  });

  it.each([
    ['table', `Contacts decided within 1 working day (contacts_1wd), Jan 2021: not computable: ${REASON}`],
    ['json', `"notComputable": "${REASON}"`],
  ])('explain (%s) names the reason', async (format, expected) => {
    const dir = scratchFolder({ 'contacts.csv': LIST_1 });
    const r = await runCli(['explain', 'contacts_1wd', '--data', dir, ...PERIOD, '--format', format]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(expected);
  });

  it('explain (csv) has no line for the figure, so says why on stderr', async () => {
    const dir = scratchFolder({ 'contacts.csv': LIST_1 });
    const r = await runCli(['explain', 'contacts_1wd', '--data', dir, ...PERIOD, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\r\n')[1]).toBe('');
    expect(r.stderr).toBe(`csc-kpi: contacts_1wd is not computable: ${REASON}\n`);
  });

  it('the contacts still count where no decision is needed: validate reads both rows', async () => {
    const dir = scratchFolder({ 'contacts.csv': LIST_1 });
    const r = await runCli(['validate', '--data', dir, '--as-at', '2021-05-10', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).extracts.contacts.rows).toEqual({ read: 2, valid: 2, rejected: 0, duplicate: 0 });
  });
});

describe('fault 2: --by on records with no team column', () => {
  const files = {
    // Contacts have a team column; the Annex A assessments below have none.
    'contacts.csv': 'contact_id,child_id,contact_date,decision_date,team\nC1,1,2021-01-29,2021-02-01,North\nC2,2,2021-01-29,2021-02-02,South\n',
    'assessments.csv': 'Child Unique ID,Continuous Assessment Start Date,Continuous Assessment Date of Authorisation\nDFE1,04/01/2021,20/01/2021\nDFE2,05/01/2021,25/01/2021\n',
  };
  const NOTE = 'no breakdown by team: the assessments extract has no team column';

  it('JSON: the whole-service figure stands, with noBreakdown, and no "(none)" group', async () => {
    const dir = scratchFolder(files);
    const results = await json(['scorecard', '--data', dir, ...PERIOD, '--by', 'team']);
    const assessments = results.filter((x) => x.metric === 'assessments_45wd');
    expect(assessments).toHaveLength(1);
    expect(assessments[0]).toMatchObject({ group: null, numerator: 2, denominator: 2, value: 100, noBreakdown: 'the assessments extract has no team column' });
    // Contacts break down as before.
    expect(results.filter((x) => x.metric === 'contacts_1wd').map((x) => x.group)).toEqual([null, 'North', 'South']);
    expect(results.find((x) => x.metric === 'contacts_1wd')).not.toHaveProperty('noBreakdown');
  });

  it.each([
    ['table', 'No breakdown by team: the assessments extract has no team column.'],
    ['md', 'No breakdown by team: the assessments extract has no team column.'],
    ['csv', NOTE],
    ['html', 'No breakdown by team: the assessments extract has no team column. The whole-service figure above stands.'],
  ])('%s says the column is absent', async (format, expected) => {
    const dir = scratchFolder(files);
    const r = await runCli(['scorecard', '--data', dir, ...PERIOD, '--by', 'team', '--format', format]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(expected);
    expect(r.stdout).not.toMatch(/assessments_45wd,[^\r\n]*,\(none\),/);
  });

  it('xlsx says the column is absent', async () => {
    const dir = scratchFolder(files);
    const out = join(dir, 'scorecard.xlsx');
    const r = await runCli(['scorecard', '--data', dir, ...PERIOD, '--by', 'team', '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const texts = await workbookText(out);
    expect(texts).toContain(NOTE);
    expect(texts).toContain('No breakdown by team: the assessments extract has no team column');
  });
});

describe('fault 7: every row rejected', () => {
  const rejected = 'contact_id,child_id,contact_date,decision_date\nC1,,2021-01-04,2021-01-05\nC2,-1,2021-01-05,2021-01-05\n';
  const WARNING = /warning: .*contacts\.csv:1: all 2 data rows of the file were rejected, so the measures see no valid contacts and are not computable/;

  it('warns, and its measures are not computable (no valid rows), instead of 0/0 and a quiet exit', async () => {
    const dir = scratchFolder({ 'contacts.csv': rejected });
    const r = await runCli(['scorecard', '--data', dir, ...PERIOD, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(WARNING);
    const result = (JSON.parse(r.stdout) as { results: JsonResult[] }).results.find((x) => x.metric === 'contacts_1wd');
    expect(result).toMatchObject({ numerator: null, denominator: null, value: null, notComputable: 'the contacts extract has no valid rows' });
  });

  it('says so of an extract read in a worker thread too (built command)', () => {
    // The larger file is read on the main thread, the contacts in a worker.
    const cases = `case_id,child_id,start_date,end_date,worker\n${Array.from({ length: 50 }, (_, i) => `K${i},${i},2020-06-01,,SW1`).join('\n')}\n`;
    const folder = tempFolder({ 'contacts.csv': rejected, 'cases.csv': cases });
    try {
      const r = spawnCli(['scorecard', '--data', folder.dir, ...PERIOD, '--format', 'json', '--jobs', '2']);
      expect(r.code, r.stderr).toBe(0);
      const results = (JSON.parse(r.stdout) as { results: JsonResult[] }).results;
      expect(results.find((x) => x.metric === 'contacts_1wd')?.notComputable).toBe('the contacts extract has no valid rows');
      expect(results.find((x) => x.metric === 'caseload_avg')).toMatchObject({ numerator: 50, denominator: 1 });
    } finally {
      folder.cleanup();
    }
  });

  it('validate lists the warning in its report', async () => {
    const dir = scratchFolder({ 'contacts.csv': rejected });
    const r = await runCli(['validate', '--data', dir, '--as-at', '2021-05-10', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(WARNING);
    const contacts = JSON.parse(r.stdout).extracts.contacts;
    expect(contacts.rows).toEqual({ read: 2, valid: 0, rejected: 2, duplicate: 0 });
    expect(contacts.warnings.map((w: { code: string }) => w.code)).toEqual(['no-valid-rows']);
  });

  it('a header-only extract is unchanged: 0/0, no value, and the no-rows warning', async () => {
    const dir = scratchFolder({ 'contacts.csv': 'contact_id,child_id,contact_date,decision_date\n' });
    const r = await runCli(['scorecard', '--data', dir, ...PERIOD, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no-rows|has a header but no data rows/);
    expect(r.stderr).not.toMatch(/rejected/);
    const result = (JSON.parse(r.stdout) as { results: JsonResult[] }).results.find((x) => x.metric === 'contacts_1wd')!;
    expect(result).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(result).not.toHaveProperty('notComputable');
  });
});
