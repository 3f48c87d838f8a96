/**
 * Workbooks on the command line: --workbook and .xlsx files in --data, the
 * same extract as a CSV file and as a sheet, two sources for one extract,
 * warnings, verify, threads and time zones.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/day.js';
import { loadWorkbook } from '../../src/normalise/workbook.js';
import { workbookSource } from '../../src/read/sheet-source.js';
import { ROOT, runCli, scratchFolder, spawnCli } from '../helpers/cli.js';
import { day, fileBytes, type TestCell, workbookBytes } from '../helpers/workbook.js';

const ANNEX_A = join(ROOT, 'fixtures/annex-a/annex-a.xlsx');
const AS_AT = ['--as-at', '2021-05-10'];

/** Contacts with a problem of most kinds, a blank line, and rows that are fine. */
const CONTACTS: readonly (readonly string[])[] = [
  ['contact_id', 'child_id', 'contact_date', 'decision_date', 'source', 'team'],
  ['C1', 'DFE1', '05/01/2021', '05/01/2021', 'Police', 'Team A'],
  ['C2', 'DFE2', '2021-01-06', '', 'Schools', 'Team B'],
  ['C3', '', '2021-01-07', '2021-01-08', 'Health', 'Team A'],
  ['C4', 'DFE4', '31/02/2021', '', 'Police', 'Team A'],
  ['C5', 'DFE5', '2021-01-08', '2021-01-07', 'Police', 'Team A'],
  ['C6', 'DFE6', '2021-06-01', '', 'Police', 'Team A'],
  ['C1', 'DFE1', '05/01/2021', '05/01/2021', 'Police', 'Team A'],
  ['C2', 'DFE2', '2021-01-06', '2021-01-07', 'Schools', 'Team B'],
  [],
  ['c7', 'dfe7', '12/01/2021 14:05', '2021-01-13', 'Police', 'Team B'],
  ['C8', '-1', '2021-01-12', '', 'Police', 'Team A'],
  ['C9', 'DFE9', '44208', '', 'Police', 'Team A'],
  ['C10', 'DFE10', '1 February 2021', '2021-02-03 00:00:00.000', 'Police', 'Team B'],
];

const csvText = (rows: readonly (readonly string[])[]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;

/** What must be the same however the extract was supplied: everything but where it came from. */
function accounting(validateJson: string) {
  const x = JSON.parse(validateJson).extracts.contacts;
  return {
    status: x.status,
    rows: x.rows,
    columns: x.columns,
    problems: x.problems.map((p: Record<string, unknown>) => ({ ...p, message: undefined })),
    duplicates: x.duplicates,
    warnings: x.warnings,
  };
}

function results(scorecardJson: string) {
  const json = JSON.parse(scorecardJson);
  return { results: json.results, rows: json.inputs.contacts.rows };
}

describe('the same extract as a CSV file and as a sheet', () => {
  it('gives identical results and accounting: rows, rejection codes, lines and columns', async () => {
    const dir = scratchFolder({ 'contacts.csv': csvText(CONTACTS) });
    writeFileSync(join(dir, 'book.xlsx'), await workbookBytes([{ name: 'contacts', rows: CONTACTS }]));
    const csv = ['--contacts', join(dir, 'contacts.csv')];
    const sheet = ['--workbook', join(dir, 'book.xlsx')];
    const validate = async (source: string[]) => runCli(['validate', ...source, ...AS_AT, '--format', 'json']);
    const [a, b] = [await validate(csv), await validate(sheet)];
    expect(a.code).toBe(2);
    expect(b.code).toBe(2);
    expect(accounting(b.stdout)).toEqual(accounting(a.stdout));
    // Each problem on the line (row) it is on: the blank line (row) 10 is no row.
    expect(accounting(a.stdout).rows).toEqual({ read: 12, valid: 4, rejected: 7, duplicate: 1 });
    expect(accounting(a.stdout).problems.map((p: { code: string; line: number; column: string }) => [p.code, p.line, p.column])).toEqual([
      ['missing-value', 4, 'B'],
      ['invalid-date', 5, 'C'],
      ['date-order', 6, 'D'],
      ['future-date', 7, 'C'],
      ['duplicate-key', 9, 'A'],
      ['missing-value', 12, 'B'],
      ['invalid-date', 13, 'C'],
    ]);
    const scorecard = async (source: string[]) => runCli(['scorecard', ...source, ...AS_AT, '--from', '2021-01', '--to', '2021-02', '--format', 'json', '--by', 'team']);
    expect(results((await scorecard(sheet)).stdout)).toEqual(results((await scorecard(csv)).stdout));
  });

  it('gives the same results with the dates as real date cells and numbers as numbers', async () => {
    const typed = CONTACTS.map((row, r): TestCell[] =>
      r === 0 ? [...row] : row.map((cell, c) => (c === 2 || c === 3) && /^\d{4}-\d\d-\d\d$/.test(cell) ? day(cell) : cell === '' ? null : cell),
    );
    const dir = scratchFolder({ 'contacts.csv': csvText(CONTACTS) });
    writeFileSync(join(dir, 'book.xlsx'), await workbookBytes([{ name: 'List 1', rows: typed }]));
    const run = async (source: string[]) => runCli(['scorecard', ...source, ...AS_AT, '--from', '2021-01', '--to', '2021-02', '--format', 'json']);
    const a = await run(['--contacts', join(dir, 'contacts.csv')]);
    const b = await run(['--workbook', join(dir, 'book.xlsx')]);
    expect(results(b.stdout)).toEqual(results(a.stdout));
    expect(JSON.parse(b.stdout).inputs.contacts.sheet).toBe('List 1');
  });
});

describe('sources', () => {
  it('reads .xlsx files in --data, beside CSV files', async () => {
    const dir = scratchFolder({ 'core_groups.csv': 'child_id,meeting_date\nDFE1002,2021-02-20\n' });
    copyFileSync(ANNEX_A, join(dir, 'Annex A.XLSX'));
    // Excel's lock file beside an open workbook is no workbook.
    writeFileSync(join(dir, '~$Annex A.XLSX'), 'lock');
    const r = await runCli(['scorecard', '--data', dir, ...AS_AT, '--period', '2021-02', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const inputs = JSON.parse(r.stdout).inputs;
    expect(Object.keys(inputs)).toEqual(['contacts', 'assessments', 'cp_plans', 'core_groups', 'cases', 'referrals', 's47', 'cla_periods', 'care_leavers']);
    expect(inputs.cp_plans).toMatchObject({ path: join(dir, 'Annex A.XLSX'), sheet: 'List 7' });
  });

  it.each([
    ['a CSV file and a sheet', async (dir: string) => {
      writeFileSync(join(dir, 'contacts.csv'), 'child_id,contact_date\n1,2021-01-05\n');
      return [['--data', dir, '--workbook', ANNEX_A], `the contacts extract comes from two sources, ${join(dir, 'contacts.csv')} and ${ANNEX_A}!List 1: give each extract once`];
    }],
    ['two workbooks', async (dir: string) => {
      copyFileSync(ANNEX_A, join(dir, 'copy.xlsx'));
      return [['--workbook', ANNEX_A, '--workbook', join(dir, 'copy.xlsx')], `the contacts extract comes from two sources, ${ANNEX_A}!List 1 and ${join(dir, 'copy.xlsx')}!List 1: give each extract once`];
    }],
    ['two sheets of one workbook', async (dir: string) => {
      const rows = [['Child Unique ID', 'Date of Contact'], ['DFE1', day('2021-01-05')]];
      writeFileSync(join(dir, 'two.xlsx'), await workbookBytes([{ name: 'List 1', rows }, { name: 'Front door', rows }]));
      return [['--workbook', join(dir, 'two.xlsx')], `the contacts extract comes from two sources, ${join(dir, 'two.xlsx')}!List 1 and ${join(dir, 'two.xlsx')}!Front door: give each extract once`];
    }],
  ] as const)('refuses the same extract from %s, naming both (exit 1)', async (_name, setup) => {
    const dir = scratchFolder();
    const [args, message] = (await setup(dir)) as [string[], string];
    for (const command of ['scorecard', 'validate']) {
      const r = await runCli([command, ...args, ...AS_AT]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`csc-kpi: ${message}\n`);
    }
  });

  it('refuses a file that is not a workbook, plainly (exit 1)', async () => {
    const dir = scratchFolder({ 'book.xlsx': 'child_id,contact_date\n1,2021-01-05\n' });
    const r = await runCli(['validate', '--workbook', join(dir, 'book.xlsx'), ...AS_AT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^csc-kpi: ${join(dir, 'book.xlsx')}: not a readable \\.xlsx workbook \\(.*\\); save it from the spreadsheet as "Excel Workbook \\(\\.xlsx\\)"\\n$`));
    const missing = await runCli(['scorecard', '--workbook', join(dir, 'nothing.xlsx'), ...AS_AT]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^csc-kpi: .*nothing\.xlsx/);
  });
});

describe('problems in a sheet', () => {
  it('are located as workbook!sheet!cell, and a list name that says otherwise draws a warning', async () => {
    const dir = scratchFolder();
    const rows = [['Child Unique ID', 'Date of Contact'], ['DFE1', day('2021-01-05')], ['DFE2', '31/02/2021']];
    writeFileSync(join(dir, 'book.xlsx'), await workbookBytes([{ name: 'List 4', rows }]));
    const book = join(dir, 'book.xlsx');
    const r = await runCli(['validate', '--workbook', book, ...AS_AT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `csc-kpi: warning: ${book}!List 4!1:1: the sheet "List 4" is named as Annex A List 4 (Assessments), the assessments extract, but its header is that of the contacts extract, so it is read as contacts; check that it is the right sheet, or rename it\n`,
    );
    const s = await runCli(['scorecard', '--workbook', book, ...AS_AT, '--period', '2021-01']);
    expect(s.stderr).toContain(`${book}!List 4!B3 (Date of Contact): invalid-date: contact_date "31/02/2021": there is no such day`);
    expect(s.stderr).toContain('warning:');
  });

  it('a sheet named for an extract but lacking a required column is that extract, and cannot be read (exit 1)', async () => {
    const dir = scratchFolder();
    writeFileSync(join(dir, 'book.xlsx'), await workbookBytes([{ name: 'List 1', rows: [['Child Unique ID', 'Contact Source'], ['DFE1', 'Police']] }]));
    const r = await runCli(['validate', '--workbook', join(dir, 'book.xlsx'), ...AS_AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('contacts: ' + join(dir, 'book.xlsx') + '!List 1 — CANNOT BE READ');
    expect(r.stdout).toContain('the contacts extract needs a column "contact_date" or "Date of Contact"');
  });
});

describe('explain', () => {
  it('names each record\'s workbook and sheet, and its row', async () => {
    const r = await runCli(['explain', 'assessments_45wd', '--workbook', 'fixtures/annex-a/annex-a.xlsx', ...AS_AT, '--period', '2021-02', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split(/\r?\n/)[1]).toBe('assessments,fixtures/annex-a/annex-a.xlsx!List 4,2,DFE1001|2021-01-12,DFE1001,met,,1,1,,2021-01-12,,2021-01-12,2021-02-22,29');
  });
});

describe('workbook dates', () => {
  it('honour a 1904 date system: date cells and serial numbers alike', async () => {
    const dir = scratchFolder();
    const path = join(dir, 'mac.xlsx');
    const rows = [['Child Unique ID', 'Date of Contact'], ['DFE1', day('2021-01-05')], ['DFE2', 42740]];
    writeFileSync(path, await workbookBytes([{ name: 'List 1', rows }], { date1904: true }));
    const read = await loadWorkbook(workbookSource(path, fileBytes(path)), { asAt: dayFromYmd(2021, 5, 10), mappings: {} });
    const x = read.extracts[0]!;
    expect(x.kind).toBe('loaded');
    const records = x.kind === 'loaded' ? [...x.extract.records] : [];
    expect(records.map((c) => (c as { contactDate: number }).contactDate)).toEqual([dayFromYmd(2021, 1, 5), dayFromYmd(2021, 1, 6)]);
  });

  it('List 6 cases all have the case type CIN', async () => {
    const read = await loadWorkbook(workbookSource(ANNEX_A, fileBytes(ANNEX_A)), { asAt: dayFromYmd(2021, 5, 10), mappings: {} });
    const cases = read.extracts.find((x) => x.kind === 'loaded' && x.extract.name === 'cases');
    expect(cases?.kind === 'loaded' && [...cases.extract.records].map((c) => (c as { caseType: string | null }).caseType)).toEqual(['CIN', 'CIN']);
  });
});

describe('verify', () => {
  it('re-reads the workbook a manifest names, and sees a change to it', async () => {
    const dir = scratchFolder();
    const book = join(dir, 'annex-a.xlsx');
    copyFileSync(ANNEX_A, book);
    const manifest = join(dir, 'run.json');
    const run = await runCli(['scorecard', '--workbook', book, ...AS_AT, '--from', '2021-01', '--to', '2021-04', '--manifest', manifest, '--out', join(dir, 'out.txt')]);
    expect(run.code, run.stderr).toBe(0);
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    expect(m.options.workbooks).toEqual([book]);
    expect(m.inputs.assessments).toMatchObject({ path: book, sheet: 'List 4', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await runCli(['verify', manifest])).code).toBe(0);
    // The same lists, one assessment fewer.
    const rows = [
      ['Child Unique ID', 'Continuous Assessment Start Date', 'Continuous Assessment Date of Authorisation'],
      ['DFE1001', day('2021-01-12'), day('2021-02-22')],
    ];
    writeFileSync(book, await workbookBytes([{ name: 'List 4', rows }]));
    const changed = await runCli(['verify', manifest]);
    expect(changed.code).toBe(4);
  });
});

describe('threads and time zones', () => {
  it('give byte-identical output: --jobs 1 and 4, TZ=Pacific/Kiritimati and America/Los_Angeles', () => {
    const args = [
      ['scorecard', '--workbook', 'fixtures/annex-a/annex-a.xlsx', '--core-groups', 'fixtures/demo/core_groups.csv', '--supervisions', 'fixtures/demo/supervisions.csv', ...AS_AT, '--from', '2021-01', '--to', '2021-04', '--format', 'json'],
      ['validate', '--workbook', 'fixtures/annex-a/annex-a.xlsx', '--core-groups', 'fixtures/demo/core_groups.csv', ...AS_AT, '--format', 'json'],
    ];
    for (const a of args) {
      const outputs = [
        spawnCli([...a, '--jobs', '1'], { TZ: 'Pacific/Kiritimati' }),
        spawnCli([...a, '--jobs', '4'], { TZ: 'America/Los_Angeles' }),
        spawnCli([...a, '--jobs', '4'], { TZ: 'Pacific/Kiritimati' }),
      ];
      expect(outputs[0]!.stdout.length).toBeGreaterThan(100);
      expect(outputs[1]).toEqual(outputs[0]);
      expect(outputs[2]).toEqual(outputs[0]);
    }
  });
});
