/**
 * The worklist's HTML (a page per team, print CSS, overdue first, counts per
 * worker), workbook (a sheet per team) and command-line behaviour.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/core/duration.js';
import { buildWorklist } from '../../src/report/worklist.js';
import { renderWorklistCsv, renderWorklistHtml } from '../../src/render/worklist.js';
import { buildWorklistWorkbook, sheetNames } from '../../src/render/worklist-xlsx.js';
import { caseRecord, context, contact, dataOf } from '../helpers/records.js';
import { runCli, scratchFolder } from '../helpers/cli.js';

const list = buildWorklist({
  generator: { name: 'csc-kpi', version: 'test' },
  data: dataOf({
    contacts: [
      contact({ contactId: 'C1', childId: '11', contactDate: '2021-05-26', team: 'MASH', worker: 'SW1' }),
      contact({ contactId: 'C2', childId: '12', contactDate: '2021-05-28', team: 'MASH', worker: 'SW2' }),
    ],
    cases: [caseRecord({ caseId: 'E1', childId: '13', startDate: '2021-04-20', team: '<script>Team B</script>', worker: 'SW3' })],
    supervisions: [],
  }),
  context: context({ asAt: '2021-05-28' }),
  within: parseDuration('5wd')!,
});

describe('the worklist as HTML', () => {
  const page = renderWorklistHtml(list);
  it('is one page per team, for A4, each starting on a new page', () => {
    expect(page).toContain('@page { size: A4');
    expect(page).toMatch(/section\.team \{ break-after: page; page-break-after: always; \}/);
    expect(page.match(/<section class="team">/g)).toHaveLength(2);
    expect(page.indexOf('<h2>&lt;script&gt;Team B&lt;/script&gt;</h2>')).toBeLessThan(page.indexOf('<h2>MASH</h2>'));
    expect(page).not.toContain('<script>');
  });
  it('puts the counts per worker at the top of each page, then the overdue items', () => {
    const mash = page.slice(page.indexOf('<h2>MASH</h2>'));
    expect(mash).toMatch(/<td>SW1<\/td><td class="n">1<\/td><td class="n">0<\/td>[\s\S]*<td>SW2<\/td><td class="n">0<\/td><td class="n">1<\/td>/);
    expect(mash.indexOf('<h3>Overdue (1)</h3>')).toBeLessThan(mash.indexOf('<td>C1</td>'));
    expect(mash.indexOf('<td>C1</td>')).toBeLessThan(mash.indexOf('<td>C2</td>'));
    expect(mash.indexOf('Working days left')).toBeGreaterThan(mash.indexOf('Worker</th><th class="n">Overdue'));
  });
  it('links to nothing, runs nothing and loads nothing', () => {
    expect(page).not.toMatch(/<a\b|href=|src=|<script/);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+\/=]+&#39;;/);
  });
});

describe('the worklist as a workbook', () => {
  it('has a sheet per team after the Worklist sheet, overdue first', () => {
    const wb = buildWorklistWorkbook(list);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Worklist', '<script>Team B<_script>', 'MASH']);
    const mash = wb.getWorksheet('MASH')!;
    expect([3, 4].map((r) => [mash.getCell(r, 1).value, mash.getCell(r, 4).value, mash.getCell(r, 10).value])).toEqual([
      ['Overdue', 'C1', -1],
      ['Due', 'C2', 1],
    ]);
  });
  it('names sheets as Excel allows: no []:*?/\\, 31 characters, unique', () => {
    expect(sheetNames(['A/B', 'a/b', 'x'.repeat(40), 'x'.repeat(40), 'worklist'])).toEqual([
      'A_B', 'a_b (2)', 'x'.repeat(31), `${'x'.repeat(27)} (2)`, 'worklist (2)',
    ]);
  });
});

describe('the worklist as CSV', () => {
  it('neutralises formulas in text from the extracts', () => {
    const csv = renderWorklistCsv({ ...list, items: list.items.map((i) => ({ ...i, worker: '=HYPERLINK("x")' })) });
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
  });
});

describe('csc-kpi due on the command line', () => {
  const ARGS = ['due', '--data', 'fixtures/demo', '--as-at', '2021-05-10'];
  it('refuses an unknown kind, naming it and listing the kinds (exit 1)', async () => {
    const r = await runCli([...ARGS, '--kind', 'supervision,cp-visits']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'csc-kpi: --kind supervision,cp-visits: cp-visits is not a kind; the kinds are contact, assessment, icpc, core-group, cp-review, cp-visit, supervision, cla-review, return-interview, proceedings, complaint\n',
    );
  });
  it.each([
    [['--within', '5 days'], /--within 5 days: give a duration such as 5wd/],
    [['--format', 'xlsx'], /--format xlsx writes a binary file: give it a name with --out/],
    [['--period', '2021-05'], /unknown option '--period'/],
    [['--pseudonymise'], /--pseudonymise needs a secret key in the environment variable CSC_KPI_PSEUDONYM_KEY/],
  ])('refuses %j (exit 1)', async (extra, message) => {
    const r = await runCli([...ARGS, ...extra]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });
  it('groups by worker and keeps only the kinds asked for', async () => {
    const r = await runCli([...ARGS, '--kind', 'supervision', '--by', 'worker', '--within', '0d', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { by: string; kinds: string[]; items: { kind: string; worker: string | null; due: string }[] };
    expect(json.kinds).toEqual(['supervision']);
    expect(json.items.length).toBeGreaterThan(0);
    expect(new Set(json.items.map((i) => i.kind))).toEqual(new Set(['supervision']));
    expect(json.items.every((i) => i.due <= '2021-05-10')).toBe(true);
    const workers = json.items.map((i) => i.worker ?? '\uffff');
    expect(workers).toEqual([...workers].sort());
  });
  it('pseudonymises child ids and keys as explain does', async () => {
    const env = { CSC_KPI_PSEUDONYM_KEY: 'a long enough secret key' };
    const r = await runCli([...ARGS, '--pseudonymise', '--format', 'csv', '--kind', 'contact'], { env });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[1]).toMatch(/^P-[0-9a-f]{16}$/);
      expect(row[2]).toMatch(/^K-[0-9a-f]{16}$/);
    }
  });
  it('writes a workbook with --out, a sheet per team', async () => {
    const out = join(scratchFolder(), 'worklist.xlsx');
    const r = await runCli([...ARGS, '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(out)).buffer);
    expect(wb.worksheets[0]!.name).toBe('Worklist');
    expect(wb.worksheets.length).toBeGreaterThan(3);
  });
  it('scorecard --format html says nothing of the worklist and links nowhere', async () => {
    const r = await runCli(['scorecard', '--data', 'fixtures/demo', '--as-at', '2021-05-10', '--period', '2021-04', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/worklist|csc-kpi due/i);
    // Its only links are to its own sections.
    expect(r.stdout.match(/href="[^"]*"/g)?.every((h) => h.startsWith('href="#'))).toBe(true);
  });
});
