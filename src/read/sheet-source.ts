/**
 * A workbook as a source of rows: each sheet of an `.xlsx` file, read in one
 * streamed pass (see xlsx.ts), can be an extract.
 *
 * A sheet's header is its first non-blank row. Which extract a sheet is
 * depends on that header, which only the layer above knows how to match, so
 * this module hands each sheet's header to `onSheet` and feeds the rows
 * under it to the sink that comes back (none: the sheet is read, counted and
 * not used). Cells keep their type (text, number, yes/no, date), so a date
 * cell is its calendar day and a number in a date column can be read as a
 * spreadsheet serial date; the header's cells are text.
 *
 * Blank rows (no cell, or every cell blank) are not rows, as blank lines of
 * a CSV file are not; they are counted.
 */
import { formatDay } from '../core/day.js';
import { type RandomAccessBytes, readWorkbook, type SheetCell, SheetDate, type SheetInfo, WorkbookError } from './xlsx.js';

export { type RandomAccessBytes, type SheetCell, SheetDate, type SheetInfo, WorkbookError };

/** Receives the data rows of one sheet, under its header, in order. */
export interface SheetSink {
  /**
   * One data row: cells by 0-based column (A = 0), as the spreadsheet
   * stored them; `row` is the spreadsheet's row number.
   */
  onCells(cells: readonly SheetCell[], row: number): void;
}

/** One sheet once read. */
export interface SheetRead extends SheetInfo {
  /** The row of the header (the first non-blank row); 0 when the sheet has no non-blank row. */
  readonly headerRow: number;
  /** Data rows under the header (non-blank rows), whether or not a sink took them. */
  readonly rows: number;
  /** Blank rows skipped under the header (not rows). */
  readonly blankRows: number;
}

/** A workbook once read: its bytes' size and SHA-256, and each sheet. */
export interface WorkbookRead {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly sheets: readonly SheetRead[];
}

/** Called with each sheet's header: a sink for its rows, or undefined to leave the sheet unused. */
export type OnSheet = (sheet: SheetInfo, header: { readonly cells: readonly string[]; readonly row: number } | null) => SheetSink | undefined;

export interface WorkbookSource {
  /** The workbook as named to the user. */
  readonly path: string;
  /**
   * Reads every sheet.
   * @throws WorkbookError when the file is not a readable `.xlsx` workbook.
   */
  read(onSheet: OnSheet): Promise<WorkbookRead>;
}

/** A cell as text: what a header cell says, and how a text column reads a cell of any type. */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return formatDay(cell.day);
}

function blankRow(cells: readonly SheetCell[]): boolean {
  for (const c of cells) if (c !== null && (typeof c !== 'string' || c.trim() !== '')) return false;
  return true;
}

/** The workbook `path` (as named to the user), read from `file`. */
export function workbookSource(path: string, file: RandomAccessBytes): WorkbookSource {
  return {
    path,
    async read(onSheet) {
      const sheets: SheetRead[] = [];
      const stats = await readWorkbook(file, async (sheet, rows) => {
        let header: number = 0;
        let sink: SheetSink | undefined;
        let count = 0;
        let blank = 0;
        let last = 0;
        for await (const r of rows) {
          if (blankRow(r.cells)) continue;
          if (header === 0) {
            header = r.row;
            last = r.row;
            sink = onSheet(sheet, { cells: r.cells.map(cellText), row: r.row });
            continue;
          }
          // Rows with no cell at all are never delivered: the gap is blank rows.
          blank += r.row - last - 1;
          last = r.row;
          count++;
          sink?.onCells(r.cells, r.row);
        }
        if (header === 0) onSheet(sheet, null);
        sheets.push({ ...sheet, headerRow: header, rows: count, blankRows: blank });
      });
      return { path, bytes: stats.bytes, sha256: stats.sha256, sheets };
    },
  };
}
