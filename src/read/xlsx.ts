/**
 * The workbook reader: an `.xlsx` file in, each sheet's rows out, streamed.
 *
 * This is the only module that knows exceljs. The workbook is read with its
 * streaming `WorkbookReader`, one sheet after another, so a 50 MB workbook is
 * never held whole in memory; the file's bytes are hashed (SHA-256) on the
 * way through, as the CSV reader does.
 *
 * Cells keep what the spreadsheet stored: text, a number, a yes/no, or a
 * date. A cell formatted as a date is a `SheetDate` holding its calendar day,
 * taken from the date's parts in UTC (exceljs turns the spreadsheet's serial
 * number into a UTC instant, honouring the 1904 date system), so the machine's
 * time zone never moves a day. Formulas give their cached result, rich text
 * its plain text, an error cell its code (`#N/A`). Rows with no cell at all
 * are not delivered; row numbers are the spreadsheet's own, counting from 1.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import { type Day, dayFromYmd } from '../core/day.js';
import { NotAZipError, partsFirst, type RandomAccessBytes } from './zip-order.js';

export type { RandomAccessBytes };

/** A cell formatted as a date: its calendar day. */
export class SheetDate {
  constructor(readonly day: Day) {}
}

/** What a cell holds; null when it is empty. */
export type SheetCell = string | number | boolean | SheetDate | null;

export interface SheetInfo {
  /** The sheet's name as shown on its tab. */
  readonly name: string;
  /** 1-based position among the workbook's sheets, in the order they are read. */
  readonly position: number;
  /** The workbook counts its serial dates from 1904 (old Mac Excel) rather than 1900. */
  readonly date1904: boolean;
}

export interface SheetRow {
  /** The spreadsheet's row number (1-based). */
  readonly row: number;
  /** Cells by 0-based column (A = 0); a missing cell is null. */
  readonly cells: readonly SheetCell[];
}

export interface WorkbookStats {
  readonly bytes: number;
  readonly sha256: string;
  readonly sheets: readonly SheetInfo[];
}

/** The input is not a workbook exceljs can read (not a zip, or a damaged one). */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
}

type Input = Readable | AsyncIterable<Uint8Array>;

/** The plain value of an exceljs cell value. */
export function sheetCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return new SheetDate(dayFromYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
  }
  if (typeof value === 'object') {
    const v = value as { richText?: readonly { text?: string }[]; result?: unknown; formula?: unknown; error?: string; text?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return sheetCell(v.result);
    if (typeof v.error === 'string') return v.error;
    if (v.text !== undefined) return sheetCell(v.text);
  }
  return String(value);
}

/**
 * Reads a workbook, calling `onSheet` for each sheet with its rows; a sheet
 * whose rows are not read is skipped. Resolves when the whole file has been
 * read and hashed. Given random access to the file, its zip entries are read
 * parts first (see zip-order.ts), which every workbook needs; a plain stream
 * is read as it comes, which works only when its parts come before its sheets.
 * @throws WorkbookError when the input is not a readable `.xlsx` workbook.
 */
export async function readWorkbook(
  input: Input | RandomAccessBytes,
  onSheet: (sheet: SheetInfo, rows: AsyncIterable<SheetRow>) => Promise<void>,
): Promise<WorkbookStats> {
  if (!isRandomAccess(input)) return readWorkbookStream(input, onSheet);
  // The file's own bytes are hashed in order, apart from the reordered stream exceljs reads.
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of input.open()) {
    hash.update(chunk as Uint8Array);
    bytes += (chunk as Uint8Array).length;
  }
  let entries: { readonly stream: AsyncIterable<Uint8Array>; readonly sheets: number };
  try {
    entries = await partsFirst(input);
  } catch (e) {
    if (e instanceof NotAZipError) throw new WorkbookError(`not a readable .xlsx workbook (${e.message}); save it from the spreadsheet as "Excel Workbook (.xlsx)"`);
    throw e;
  }
  const stats = await readWorkbookStream(entries.stream, onSheet, true);
  // exceljs has been seen to drop sheets silently; a sheet not read is never taken for an absent one.
  if (stats.sheets.length !== entries.sheets) {
    throw new WorkbookError(`only ${stats.sheets.length} of its ${entries.sheets} sheets could be read; save it again from the spreadsheet as "Excel Workbook (.xlsx)"`);
  }
  return { bytes, sha256: hash.digest('hex'), sheets: stats.sheets };
}

function isRandomAccess(input: Input | RandomAccessBytes): input is RandomAccessBytes {
  return typeof (input as RandomAccessBytes).open === 'function' && typeof (input as RandomAccessBytes).size === 'number';
}

/** Reads a workbook from a stream of its bytes as they come (sheets after the parts they need, or exceljs loses entries). */
async function readWorkbookStream(
  input: Input,
  onSheet: (sheet: SheetInfo, rows: AsyncIterable<SheetRow>) => Promise<void>,
  partsFirst = false,
): Promise<WorkbookStats> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const source = input instanceof Readable ? input : Readable.from(input);
  const piped = pipeline(source, tap);
  // Awaited once the sheets are read; a failure there is reported through the reader too.
  piped.catch(() => undefined);
  // exceljs is loaded when a workbook is read: a fifth of a second of start-up that CSV runs never pay.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(tap, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // With the parts first, a workbook without shared strings (every string inline) has none to
  // wait for: without this exceljs would park its sheets in temporary files, and lose some.
  if (partsFirst) (reader as unknown as { sharedStrings?: unknown[] }).sharedStrings ??= [];
  const sheets: SheetInfo[] = [];
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      const props = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      const sheet: SheetInfo = { name: ws.name, position: sheets.length + 1, date1904: props?.model?.date1904 === true };
      sheets.push(sheet);
      await onSheet(sheet, rowsOf(ws));
    }
    await piped;
  } catch (e) {
    source.destroy();
    if (e instanceof Error && /end of central directory|invalid signature|unexpected end|zip|FILE_ENDED/i.test(e.message)) {
      throw new WorkbookError(`not a readable .xlsx workbook (${e.message}); save it from the spreadsheet as "Excel Workbook (.xlsx)"`);
    }
    throw e;
  }
  return { bytes, sha256: hash.digest('hex'), sheets };
}

async function* rowsOf(ws: AsyncIterable<ExcelJS.Row>): AsyncIterable<SheetRow> {
  for await (const row of ws) {
    const values = row.values as readonly unknown[];
    const cells: SheetCell[] = [];
    // values[0] is unused: columns count from 1.
    for (let c = 1; c < values.length; c++) cells.push(sheetCell(values[c]));
    yield { row: row.number, cells };
  }
}
