/**
 * Text from the input in the CSV scorecard: a spreadsheet opening the file
 * must not run a team name as a formula. (The workbook and Markdown
 * scorecards are checked in xlsx.test.ts and markdown.test.ts.)
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell } from '../../src/render/csv.js';
import { runCli, scratchFolder } from '../helpers/cli.js';

const SCRIPT = '<script>alert(1)</script>';
const FORMULA = '=HYPERLINK("http://example.com","x")';
// (A leading tab or carriage return would be trimmed by the reader; csvCell's own test covers them.)
const OTHERS = ['+1+1', '-2+3', '@SUM(A1:A2)'];
const csvText = (s: string) => `"${s.replace(/"/g, '""')}"`;

const TEAMS = [SCRIPT, FORMULA, ...OTHERS];
const DATA = {
  'contacts.csv': `contact_id,child_id,contact_date,decision_date,team\n${TEAMS.map((t, i) => `C${i},${i},2021-01-29,2021-02-01,${csvText(t)}`).join('\n')}\n`,
  'cases.csv': `case_id,child_id,start_date,end_date,case_type,worker,team\nK1,1,2020-04-30,,CP,SW1,${csvText(FORMULA)}\nK2,2,2020-06-01,,CIN,SW2,${csvText(SCRIPT)}\n`,
};
const RANGE = ['--from', '2021-01', '--to', '2021-02', '--as-at', '2021-02-10'];

describe('CSV scorecard escaping', () => {
  it('prefixes an apostrophe to group names a spreadsheet would run as a formula', async () => {
    const dir = scratchFolder(DATA);
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--by', 'team', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true, relax_column_count: false }) as Record<(typeof CSV_COLUMNS)[number], string>[];
    const groups = new Set(rows.map((row) => row.group));

    // Inert: the formula-looking names come back with the apostrophe, byte for byte otherwise.
    expect(groups).toContain(`'${FORMULA}`);
    expect(groups).not.toContain(FORMULA);
    for (const other of OTHERS) expect(groups).toContain(`'${other}`);
    // The raw text shows the quoted, apostrophe-prefixed cell.
    expect(r.stdout).toContain(`,"'=HYPERLINK(""http://example.com"",""x"")",`);
    // HTML means nothing in CSV: the name is kept as it is, not altered.
    expect(groups).toContain(SCRIPT);

    // No text cell of the whole file starts like a formula; numbers (a negative gap) may.
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === '' || Number.isFinite(Number(value))) continue;
        expect(value, `${column}: ${value}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('csvCell leaves numbers and ordinary text alone', () => {
    expect(csvCell(-80)).toBe('-80');
    expect(csvCell('North-East')).toBe('North-East');
    expect(csvCell(SCRIPT)).toBe(SCRIPT);
    expect(csvCell(FORMULA)).toBe(`"'=HYPERLINK(""http://example.com"",""x"")"`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('\tx')).toBe(`'\tx`);
  });
});
