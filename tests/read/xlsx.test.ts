import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/day.js';
import { readWorkbook, type SheetCell, SheetDate, type SheetRow, WorkbookError } from '../../src/read/xlsx.js';
import { scratchFolder } from '../helpers/cli.js';

/** Random access to a file, as the command line gives it. */
function file(path: string) {
  return { size: statSync(path).size, open: (start?: number, end?: number) => createReadStream(path, { start, end }) };
}

/** Every sheet's rows, with dates as yyyy-mm-dd text for comparison. */
async function readAll(path: string) {
  const sheets: { name: string; rows: (readonly [number, unknown[]])[] }[] = [];
  const stats = await readWorkbook(file(path), async (sheet, rows) => {
    const got: (readonly [number, unknown[]])[] = [];
    for await (const r of rows as AsyncIterable<SheetRow>) got.push([r.row, r.cells.map(show)]);
    sheets.push({ name: sheet.name, rows: got });
  });
  return { stats, sheets };
}

function show(c: SheetCell): unknown {
  return c instanceof SheetDate ? `date:${formatDay(c.day)}` : c;
}

async function write(dir: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, 'book.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('readWorkbook', () => {
  it('gives each sheet its rows, with date cells as calendar days whatever the time zone', async () => {
    const dir = scratchFolder();
    const path = await write(dir, (wb) => {
      const list1 = wb.addWorksheet('List 1');
      list1.addRow(['Child Unique ID', 'Date of Contact', 'Contact Source', 'Count']);
      list1.addRow(['DFE1', new Date(Date.UTC(2021, 0, 5)), { richText: [{ text: 'Pol' }, { text: 'ice' }] }, 44197]);
      list1.getCell('B2').numFmt = 'dd/mm/yyyy';
      list1.addRow([]);
      list1.addRow([1234, '05/01/2021', true, { formula: '1+1', result: 2 }]);
      list1.getCell('A6').value = new Date(Date.UTC(2020, 1, 29, 23, 59));
      list1.getCell('A6').numFmt = 'yyyy-mm-dd hh:mm';
      wb.addWorksheet('List 10').addRow(['a', null, { error: '#N/A' }]);
    });
    const { stats, sheets } = await readAll(path);
    expect(sheets.map((s) => s.name)).toEqual(['List 1', 'List 10']);
    expect(stats.sheets).toEqual([{ name: 'List 1', position: 1, date1904: false }, { name: 'List 10', position: 2, date1904: false }]);
    expect(sheets[0]!.rows).toEqual([
      [1, ['Child Unique ID', 'Date of Contact', 'Contact Source', 'Count']],
      [2, ['DFE1', 'date:2021-01-05', 'Police', 44197]],
      [4, [1234, '05/01/2021', true, 2]],
      [6, ['date:2020-02-29']],
    ]);
    expect(sheets[1]!.rows).toEqual([[1, ['a', null, '#N/A']]]);
    const bytes = readFileSync(path);
    expect(stats.bytes).toBe(bytes.length);
    expect(stats.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('honours the 1904 date system', async () => {
    const dir = scratchFolder();
    const path = await write(dir, (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Dates');
      ws.getCell('A1').value = new Date(Date.UTC(2021, 4, 10));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    });
    const { sheets } = await readAll(path);
    expect(sheets[0]!.rows).toEqual([[1, ['date:2021-05-10']]]);
  });

  it('skips a sheet whose rows are not read, and goes on to the next', async () => {
    const dir = scratchFolder();
    const path = await write(dir, (wb) => {
      wb.addWorksheet('One').addRow(['x']);
      wb.addWorksheet('Two').addRow(['y']);
    });
    const seen: string[] = [];
    await readWorkbook(file(path), async (sheet, rows) => {
      if (sheet.name === 'One') return;
      for await (const r of rows) seen.push(String(r.cells[0]));
    });
    expect(seen).toEqual(['y']);
  });

  it('refuses a file that is not a workbook, plainly', async () => {
    const dir = scratchFolder({ 'book.xlsx': 'child_id,contact_date\n1,2021-01-05\n' });
    await expect(readWorkbook(createReadStream(join(dir, 'book.xlsx')), async () => {})).rejects.toThrow(WorkbookError);
    await expect(readWorkbook(file(join(dir, 'book.xlsx')), async () => {})).rejects.toThrow(/not a readable \.xlsx workbook/);
  });

  it('reads every sheet of a workbook written sheets first (as Excel and exceljs write them), however many', async () => {
    // exceljs's streaming reader alone loses the entries after the sixth or so sheet of such a file.
    const dir = scratchFolder();
    const path = await write(dir, (wb) => {
      for (let i = 1; i <= 12; i++) wb.addWorksheet(`List ${i}`).addRow([`sheet ${i}`, i]);
    });
    const { sheets, stats } = await readAll(path);
    expect(sheets.map((s) => s.rows[0]![1])).toEqual(Array.from({ length: 12 }, (_, k) => [`sheet ${k + 1}`, k + 1]));
    expect(stats.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  });

  it('reads every sheet of a workbook with no shared strings (all text inline, as streaming writers save it)', async () => {
    const path = join(scratchFolder(), 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    for (let i = 1; i <= 10; i++) {
      const ws = writer.addWorksheet(`List ${i}`);
      ws.addRow([`sheet ${i}`, i]).commit();
      ws.commit();
    }
    await writer.commit();
    const { sheets } = await readAll(path);
    expect(sheets.map((s) => s.rows[0]![1])).toEqual(Array.from({ length: 10 }, (_, k) => [`sheet ${k + 1}`, k + 1]));
  });
});
