/**
 * Small workbooks for tests, written with exceljs as a spreadsheet would
 * save them: a Date is a real date cell (formatted dd/mm/yyyy), a number a
 * number cell, text a text cell; `null` leaves the cell empty, and an empty
 * row is a row with no cells.
 */
import { createReadStream, statSync } from 'node:fs';
import ExcelJS from 'exceljs';

export type TestCell = string | number | boolean | Date | null;

export interface TestSheet {
  readonly name: string;
  readonly rows: readonly (readonly TestCell[])[];
}

/** A day as a spreadsheet date cell's value. */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export async function workbookBytes(sheets: readonly TestSheet[], options: { date1904?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) => {
      cells.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Random access to a file, as the command line gives the readers. */
export function fileBytes(path: string) {
  return { size: statSync(path).size, open: (start?: number, end?: number) => createReadStream(path, { start, end }) };
}
