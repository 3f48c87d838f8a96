/**
 * The Excel workbook, built through the real command line and read back
 * with exceljs: every figure must equal the JSON scorecard's, numbers must
 * be number cells (unrounded, with a one-decimal format), text from the
 * input must be inert string cells, and the bytes must not depend on the
 * clock.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayFromYmd } from '../../src/core/day.js';
import { formatMonthLong, parseMonth } from '../../src/core/period.js';
import type { ScorecardJson as JsonScorecard, ScorecardJsonResult as JsonResult } from '../../src/report/scorecard-json.js';
import { measureSheetNames } from '../../src/render/xlsx.js';
import { dosDate, withFixedZipTimestamps } from '../../src/render/zip-timestamps.js';
import { runCli, scratchFolder } from '../helpers/cli.js';

// Jan 2021: C1 met, C2 missed, C4 met (2 of 3, a value with no exact decimal form);
// Feb: C3 missed, C5 still pending on the as-at date (left out, with a count).
const DATA = {
  'contacts.csv':
    'contact_id,child_id,contact_date,decision_date,team\n' +
    'C1,1,2021-01-29,2021-02-01,North\n' +
    'C2,2,2021-01-29,2021-02-02,South\n' +
    'C4,4,2021-01-11,2021-01-12,South\n' +
    'C3,3,2021-02-05,,North\n' +
    'C5,5,2021-02-10,,North\n',
  'assessments.csv': 'assessment_id,child_id,start_date,authorised_date,kind,team\nA1,1,2021-01-04,2021-01-20,new,\n',
  'cp_plans.csv': 'plan_id,child_id,start_date,end_date\nP1,1,2020-04-30,\n',
  'core_groups.csv': 'child_id,meeting_date,education,police,health,other\n1,2021-01-04,Y,N,Y,\n',
  'supervisions.csv': 'child_id,supervision_date\n1,2021-01-10\n',
  'cases.csv':
    'case_id,child_id,start_date,end_date,case_type,worker,team\n' +
    'K1,1,2020-04-30,,CP,SW1,North\n' +
    'K2,2,2020-06-01,,CIN,SW1,North\n' +
    'K3,3,2020-06-01,,CIN,SW2,South\n',
  // Green, amber and red all occur: contacts Jan 66.7% against 70 (amber), Feb 0% against 80 (red);
  // caseload 1.5 against 1.6 (green); CP plans 276 days against 200 (red).
  'targets.json': JSON.stringify({
    title: 'Improvement plan 2021',
    measures: {
      contacts_1wd: { trajectory: { '2021-01': 70, '2021-02': 80 }, comparators: { Region: 77.1 } },
      assessments_45wd: { trajectory: { '2021-01': 100 } },
      cp_over_9m_avg_days: { trajectory: { '2021-01': 200 } },
      caseload_avg: { trajectory: { '2021-01': 1.6 }, comparators: { 'Statistical neighbours': 18, England: 17.4 } },
    },
  }),
};
const COMPARATORS: Record<string, [string, number][]> = {
  contacts_1wd: [['Region', 77.1]],
  caseload_avg: [
    ['Statistical neighbours', 18],
    ['England', 17.4],
  ],
};

const RANGE = ['--from', '2021-01', '--to', '2021-02', '--as-at', '2021-02-10'];
const AS_AT = dayFromYmd(2021, 2, 10);


const RAG_WORD = { green: 'Green', amber: 'Amber', red: 'Red', none: null } as const;
const RAG_FILL = { green: 'FFC6EFCE', amber: 'FFFFEB9C', red: 'FFFFC7CE' } as const;
const VALUE_FORMAT: Record<string, string> = { percent: '0.0"%"', days: '0.0', 'cases per worker': '0.0' };

afterEach(() => {
  vi.useRealTimers();
});

function folder(files: Record<string, string> = DATA): string {
  return scratchFolder(files);
}

async function jsonOf(args: readonly string[]): Promise<JsonScorecard> {
  const r = await runCli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as JsonScorecard;
}

async function xlsxOf(args: readonly string[], out: string): Promise<ExcelJS.Workbook> {
  const r = await runCli([...args, '--format', 'xlsx', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(readFileSync(out)).buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row whose first cell is `label` (a sheet's table header). */
function headerRowOf(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  throw new Error(`${ws.name}: no header ${label}`);
}

function headerColumns(ws: ExcelJS.Worksheet, row: number): Map<string, number> {
  const cols = new Map<string, number>();
  ws.getRow(row).eachCell((cell, c) => {
    if (typeof cell.value === 'string' && !cols.has(cell.value)) cols.set(cell.value, c);
  });
  return cols;
}

function col(cols: Map<string, number>, name: string): number {
  const c = cols.get(name);
  if (c === undefined) throw new Error(`no column ${name}`);
  return c;
}

function monthHeader(period: string, partial: boolean): string {
  return formatMonthLong(parseMonth(period)!) + (partial ? ' *' : '');
}

/** A number cell holding exactly `expected`, or an empty cell for null. */
function expectNumber(cell: ExcelJS.Cell, expected: number | null, numFmt?: string): void {
  if (expected === null) {
    expect(cell.type, cell.address).toBe(ExcelJS.ValueType.Null);
    return;
  }
  expect(cell.type, cell.address).toBe(ExcelJS.ValueType.Number);
  expect(cell.value, cell.address).toBe(expected);
  if (numFmt !== undefined) expect(cell.numFmt, cell.address).toBe(numFmt);
}

function expectRag(cell: ExcelJS.Cell, rag: JsonResult['rag']): void {
  const word = RAG_WORD[rag];
  if (word === null) {
    expect(cell.type, cell.address).toBe(ExcelJS.ValueType.Null);
    return;
  }
  expect(cell.type, cell.address).toBe(ExcelJS.ValueType.String);
  expect(cell.value, cell.address).toBe(word);
  const fill = cell.fill as ExcelJS.FillPattern;
  expect(fill.pattern, cell.address).toBe('solid');
  expect(fill.fgColor?.argb, cell.address).toBe(RAG_FILL[rag as keyof typeof RAG_FILL]);
}

/** Every figure of the Scorecard sheet equals the JSON result of the same measure, group and month. */
function checkScorecardSheet(wb: ExcelJS.Workbook, json: JsonScorecard, grouped: boolean): void {
  const ws = sheet(wb, 'Scorecard');
  expect(ws.getCell('A1').value).toBe('Improvement plan 2021');
  expect(ws.getCell('A2').value).toBe('As at 10 Feb 2021');
  const h = headerRowOf(ws, 'Measure');
  const cols = headerColumns(ws, h);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h });
  expect(cols.has('Team')).toBe(grouped);

  // Index the blocks: (id, group, line) → row.
  const rows = new Map<string, number>();
  const blocks = new Set<string>();
  const idCol = col(cols, 'Id');
  const lineCol = col(cols, 'Line');
  for (let r = h + 1; r <= ws.rowCount; r++) {
    const id = ws.getCell(r, idCol).value;
    if (typeof id !== 'string') continue;
    const group = grouped ? String(ws.getCell(r, col(cols, 'Team')).value) : 'Whole service';
    const key = `${id}|${group}`;
    blocks.add(key);
    rows.set(`${key}|${String(ws.getCell(r, lineCol).value)}`, r);
  }
  const expectedBlocks = new Set(json.results.map((x) => `${x.metric}|${x.group ?? 'Whole service'}`));
  expect([...blocks]).toEqual([...expectedBlocks]);
  expect(rows.size).toBe(expectedBlocks.size * 5);

  for (const x of json.results) {
    const key = `${x.metric}|${x.group ?? 'Whole service'}`;
    const c = col(cols, monthHeader(x.period, x.period === '2021-02'));
    const at = (line: string) => ws.getCell(rows.get(`${key}|${line}`)!, c);
    expectNumber(at('Value'), x.value, VALUE_FORMAT[x.unit]);
    expectNumber(at('Target'), x.target, VALUE_FORMAT[x.unit]);
    expectNumber(at('Numerator'), x.numerator, '#,##0');
    expectNumber(at('Denominator'), x.denominator, '#,##0');
    expectRag(at('RAG'), x.rag);
    if (x.rag !== 'none') expect((at('Value').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(RAG_FILL[x.rag]);
  }

  for (const [id, comparators] of Object.entries(COMPARATORS)) {
    const r = rows.get(`${id}|Whole service|Value`)!;
    expect(ws.getCell(r, col(cols, 'Comparators')).value).toBe(comparators.map(([l, v]) => `${l} ${v.toFixed(1)}${id === 'contacts_1wd' ? '%' : ''}`).join('; '));
  }
}

/** Every line of each measure's sheet equals the JSON results, and the comparators are there as numbers. */
function checkMeasureSheets(wb: ExcelJS.Workbook, json: JsonScorecard, grouped: boolean): void {
  const metrics = [...new Set(json.results.map((x) => x.metric))];
  // An id longer than Excel's 31 characters (care_leavers_suitable_accommodation) names its sheet cut short.
  const sheetNames = measureSheetNames(metrics);
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Scorecard', ...metrics.map((m) => sheetNames.get(m)), 'Inputs']);
  for (const metric of metrics) {
    const ws = wb.worksheets.find((w) => String(w.getCell('A2').value).startsWith(`${metric} · `));
    if (!ws) throw new Error(`no sheet for ${metric}`);
    expect(ws.name.length).toBeLessThanOrEqual(31);
    const h = headerRowOf(ws, grouped ? 'Team' : 'Month');
    expect(h).toBe(4);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h });
    const cols = headerColumns(ws, h);
    const results = json.results.filter((x) => x.metric === metric);
    results.forEach((x, i) => {
      const r = h + 1 + i;
      const cell = (name: string) => ws.getCell(r, col(cols, name));
      if (grouped) expect(cell('Team').value).toBe(x.group ?? 'Whole service');
      expect(cell('Month').value).toBe(x.period);
      expect(cell('Snapshot').value).toEqual(new Date(x.period === '2021-01' ? '2021-01-31' : '2021-02-10'));
      expectNumber(cell('Numerator'), x.numerator, '#,##0');
      expectNumber(cell('Denominator'), x.denominator, '#,##0');
      expectNumber(cell('Value'), x.value, VALUE_FORMAT[x.unit]);
      expectNumber(cell('Target'), x.target, VALUE_FORMAT[x.unit]);
      expectNumber(cell('Gap'), x.value !== null && x.target !== null ? x.value - x.target : null);
      expectRag(cell('RAG'), x.rag);
      const excluded = Object.entries(x.excluded).map(([reason, n]) => `${n} ${reason}`).join('; ');
      if (x.numerator === null) {
        expect(cell('Notes').value).toMatch(/^not computable: (no \w+( or \w+)* extract|the \w+ extract has no \w+ column|no population in the configuration.*)$/);
      }
      else expect(cell('Notes').value ?? '').toBe(excluded);
    });
    // Nothing else in the series.
    expect(ws.getCell(h + 1 + results.length, 1).value).toBeNull();

    const comparators = COMPARATORS[metric] ?? [];
    if (comparators.length === 0) {
      expect(cols.has('Comparator')).toBe(false);
    } else {
      const c = col(cols, 'Comparator');
      comparators.forEach(([label, v], i) => {
        expect(ws.getCell(h + 1 + i, c).value).toBe(label);
        expectNumber(ws.getCell(h + 1 + i, c + 1), v);
      });
    }
  }
}

function checkInputsSheet(wb: ExcelJS.Workbook, json: JsonScorecard): void {
  const ws = sheet(wb, 'Inputs');
  const h = headerRowOf(ws, 'Extract');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h });
  const cols = headerColumns(ws, h);
  const names = Object.keys(json.inputs);
  names.forEach((name, i) => {
    const r = h + 1 + i;
    const input = json.inputs[name]!;
    const cell = (c: string) => ws.getCell(r, col(cols, c));
    expect(cell('Extract').value).toBe(name);
    expect(cell('File').value).toBe(input.path);
    expect(cell('SHA-256').value).toBe(input.sha256);
    expectNumber(cell('Bytes'), statSync(input.path).size);
    expectNumber(cell('Read'), input.rows.read!);
    expectNumber(cell('Valid'), input.rows.valid!);
    expectNumber(cell('Rejected'), input.rows.rejected!);
    expectNumber(cell('Duplicate'), input.rows.duplicate!);
  });
  expect(ws.getCell(h + 1 + names.length, 1).value).toBeNull();
}

/** The entries of a zip: name → (DOS date, uncompressed text). */
function zipEntries(bytes: Buffer): Map<string, { date: number; text: string }> {
  let end = bytes.length - 22;
  while (bytes.readUInt32LE(end) !== 0x06054b50) end--;
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const entries = new Map<string, { date: number; text: string }>();
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(p + 10);
    const size = bytes.readUInt32LE(p + 20);
    const [n, e, c] = [bytes.readUInt16LE(p + 28), bytes.readUInt16LE(p + 30), bytes.readUInt16LE(p + 32)];
    const local = bytes.readUInt32LE(p + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    expect(bytes.readUInt16LE(local + 12)).toBe(bytes.readUInt16LE(p + 14));
    entries.set(bytes.toString('utf8', p + 46, p + 46 + n), {
      date: bytes.readUInt16LE(p + 14),
      text: (method === 8 ? inflateRawSync(data) : data).toString('utf8'),
    });
    p += 46 + n + e + c;
  }
  return entries;
}

describe('xlsx scorecard', () => {
  it('holds the JSON figures as numbers, sheet by sheet', async () => {
    const dir = folder();
    const args = ['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json')];
    const json = await jsonOf(args);
    const wb = await xlsxOf(args, join(dir, 's.xlsx'));
    // A value with no exact decimal form survives to full precision.
    expect(json.results.find((x) => x.metric === 'contacts_1wd' && x.period === '2021-01')).toMatchObject({ value: 200 / 3, rag: 'amber' });
    expect(new Set(json.results.map((x) => x.rag))).toEqual(new Set(['green', 'amber', 'red', 'none']));
    expect(json.results.filter((x) => Object.keys(x.excluded).length > 0).map((x) => [x.metric, x.period])).toContainEqual(['contacts_1wd', '2021-02']);
    checkScorecardSheet(wb, json, false);
    checkMeasureSheets(wb, json, false);
    checkInputsSheet(wb, json);
    expect(wb.creator).toBe('csc-kpi');
    expect(wb.lastModifiedBy).toBe('csc-kpi');
    expect(wb.created).toEqual(new Date('2021-02-10T00:00:00Z'));
    expect(wb.modified).toEqual(new Date('2021-02-10T00:00:00Z'));
    // The month in progress is marked and footnoted.
    const ws = sheet(wb, 'Scorecard');
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
    expect(texts).toContain('Feb 2021 *');
    expect(texts).toContain('* month in progress: figures as at 10 Feb 2021');
  });

  it('breaks every measure down by team, block by block', async () => {
    const dir = folder();
    const args = ['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json'), '--by', 'team'];
    const json = await jsonOf(args);
    expect(new Set(json.results.map((x) => x.group))).toEqual(new Set([null, 'North', 'South', '(none)']));
    const wb = await xlsxOf(args, join(dir, 's.xlsx'));
    checkScorecardSheet(wb, json, true);
    checkMeasureSheets(wb, json, true);
    checkInputsSheet(wb, json);
  });

  it('reports a measure without its extract as not computable, with empty cells, never zeros', async () => {
    const { 'cases.csv': _cases, ...withoutCases } = DATA;
    const dir = folder(withoutCases);
    const args = ['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json')];
    const json = await jsonOf(args);
    const wb = await xlsxOf(args, join(dir, 's.xlsx'));
    checkScorecardSheet(wb, json, false);
    checkMeasureSheets(wb, json, false);
    const ws = sheet(wb, 'Scorecard');
    const cols = headerColumns(ws, headerRowOf(ws, 'Measure'));
    let notes: unknown;
    ws.eachRow((row) => {
      if (row.getCell(col(cols, 'Id')).value === 'caseload_avg' && row.getCell(col(cols, 'Line')).value === 'Value') notes = row.getCell(col(cols, 'Notes')).value;
    });
    expect(notes).toBe('not computable: no cases extract');
  });

  it('gives the same bytes whatever the clock says', async () => {
    const dir = folder();
    const args = ['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json'), '--by', 'team', '--format', 'xlsx'];
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-01T09:13:27Z'));
    expect((await runCli([...args, '--out', join(dir, 'a.xlsx')])).code).toBe(0);
    vi.setSystemTime(new Date('2033-12-24T17:45:59Z'));
    expect((await runCli([...args, '--out', join(dir, 'b.xlsx')])).code).toBe(0);
    vi.useRealTimers();
    const a = readFileSync(join(dir, 'a.xlsx'));
    const b = readFileSync(join(dir, 'b.xlsx'));
    expect(a.equals(b)).toBe(true);
    // Every zip entry is dated the as-at day, in both of its headers.
    const entries = zipEntries(a);
    expect(entries.size).toBeGreaterThan(5);
    for (const [name, entry] of entries) expect(entry.date, name).toBe(dosDate(AS_AT));
    expect(entries.get('docProps/core.xml')?.text).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-02-10T00:00:00Z</dcterms:created>');
  });

  it('gives the same bytes in any time zone', async () => {
    const dir = folder();
    const args = ['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json'), '--format', 'xlsx'];
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect((await runCli([...args, '--out', join(dir, 'east.xlsx')])).code).toBe(0);
      process.env.TZ = 'America/Los_Angeles';
      expect((await runCli([...args, '--out', join(dir, 'west.xlsx')])).code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(readFileSync(join(dir, 'east.xlsx')).equals(readFileSync(join(dir, 'west.xlsx')))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(join(dir, 'west.xlsx'))).buffer);
    expect(sheet(wb, 'contacts_1wd').getCell('B5').value).toEqual(new Date('2021-01-31T00:00:00Z'));
  });

  it('needs --out: a workbook is never written to the terminal', async () => {
    const dir = folder();
    const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--format', 'xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--format xlsx writes a binary file: give it a name with --out/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('xlsx escaping', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const FORMULA = '=HYPERLINK("http://example.com","x")';
  const csvText = (s: string) => `"${s.replace(/"/g, '""')}"`;

  it('stores hostile team names, titles and comparator labels as inert string cells', async () => {
    const dir = folder({
      ...DATA,
      'contacts.csv': `contact_id,child_id,contact_date,decision_date,team\nC1,1,2021-01-29,2021-02-01,${csvText(SCRIPT)}\nC2,2,2021-01-29,2021-02-02,${csvText(FORMULA)}\n`,
      'cases.csv': `case_id,child_id,start_date,end_date,case_type,worker,team\nK1,1,2020-04-30,,CP,SW1,${csvText(FORMULA)}\nK3,3,2020-06-01,,CIN,SW2,${csvText(SCRIPT)}\n`,
      'targets.json': JSON.stringify({
        title: `${FORMULA} ${SCRIPT}`,
        measures: { contacts_1wd: { trajectory: { '2021-01': 90 }, comparators: { [FORMULA]: 50, [SCRIPT]: 60 } } },
      }),
    });
    const out = join(dir, 's.xlsx');
    const wb = await xlsxOf(['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json'), '--by', 'team'], out);

    const hostile: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${ws.name}!${cell.address}`).toBeUndefined();
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string' && (cell.value.includes('HYPERLINK') || cell.value.includes('<script>'))) hostile.push(cell);
        }),
      );
    }
    for (const cell of hostile) expect(cell.type).toBe(ExcelJS.ValueType.String);
    const values = hostile.map((c) => c.value);
    expect(values).toContain(FORMULA); // team column (Scorecard and contacts_1wd) and comparator label
    expect(values).toContain(SCRIPT);
    expect(values).toContain(`${FORMULA} ${SCRIPT}`); // the title
    expect(sheet(wb, 'Scorecard').getCell('A1').value).toBe(`${FORMULA} ${SCRIPT}`);
    const contacts = sheet(wb, 'contacts_1wd');
    const c = headerColumns(contacts, 4).get('Comparator')!;
    expect([contacts.getCell(5, c).value, contacts.getCell(6, c).value]).toEqual([FORMULA, SCRIPT]);

    // In the file itself: no formula element anywhere, the text only as XML-escaped shared strings.
    const entries = zipEntries(readFileSync(out));
    for (const [name, { text }] of entries) {
      if (name.startsWith('xl/worksheets/')) expect(text, name).not.toMatch(/<f[\s>]/);
      expect(text, name).not.toContain('<script>');
    }
    const strings = entries.get('xl/sharedStrings.xml')!.text;
    expect(strings).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(strings).toContain('=HYPERLINK(&quot;http://example.com&quot;,&quot;x&quot;)');
    expect(entries.get('xl/workbook.xml')!.text).not.toContain('definedName>HYPERLINK');
  });
});

describe('sheet names', () => {
  it('keeps ids that fit and shortens, cleans and numbers the rest', () => {
    const long = 'a_measure_with_a_name_well_over_31_characters';
    const names = measureSheetNames(['contacts_1wd', long, `${long}_too`, 'what?/[x]', 'scorecard']);
    expect([...names.values()]).toEqual(['contacts_1wd', long.slice(0, 31), `${long.slice(0, 29)}~2`, 'what___x_', 'scorecard~2']);
    for (const name of names.values()) expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe('zip timestamps', () => {
  it('refuses bytes that are not a zip', () => {
    expect(() => withFixedZipTimestamps(new Uint8Array(100), AS_AT)).toThrow(/end of central directory/);
  });

  it('encodes the DOS date and clamps it to the format', () => {
    expect(dosDate(AS_AT)).toBe(((2021 - 1980) << 9) | (2 << 5) | 10);
    expect(dosDate(dayFromYmd(1970, 1, 1))).toBe((1 << 5) | 1);
  });
});

