/**
 * A large workbook for the benchmark: the generated contacts written as one
 * sheet with exceljs's streaming WorkbookWriter (rows committed as they are
 * written, so the writer holds little), dates as real date cells, until the
 * file reaches the size asked for.
 */
import { createReadStream, statSync } from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

const ISO_DAY = /^(\d{4})-(\d\d)-(\d\d)$/;

/** A generated cell as the spreadsheet would hold it: an ISO day as a date cell, anything else as text. */
function cellOf(text: string, isDate: boolean): string | Date | null {
  if (text === '') return null;
  const m = isDate ? ISO_DAY.exec(text) : null;
  if (!m) return text;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3]) ? text : d;
}

/**
 * Writes the rows of `csvPath` (its header first) to the sheet `sheet` of a
 * new workbook at `outPath`, stopping once the file holds `targetBytes`.
 * Returns the data rows written and the file's size.
 */
export async function writeWorkbookFromCsv(csvPath: string, outPath: string, sheet: string, targetBytes: number): Promise<{ rows: number; bytes: number }> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useSharedStrings: false, useStyles: true });
  const ws = writer.addWorksheet(sheet);
  let header: string[] | undefined;
  let dateColumns: boolean[] = [];
  let rows = 0;
  for await (const record of createReadStream(csvPath).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }))) {
    const cells = record as string[];
    if (!header) {
      header = cells;
      dateColumns = header.map((h) => h.endsWith('_date'));
      ws.addRow(header).commit();
      continue;
    }
    const row = ws.addRow(cells.map((c, i) => cellOf(c, dateColumns[i] ?? false)));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
    row.commit();
    rows++;
    // The zip is written as the rows go: the file's size so far is close to its final size.
    if (rows % 20_000 === 0 && statSync(outPath).size >= targetBytes) break;
  }
  ws.commit();
  await writer.commit();
  return { rows, bytes: statSync(outPath).size };
}
