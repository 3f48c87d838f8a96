/**
 * The scorecard as an Excel workbook (exceljs).
 *
 * Sheets:
 * - "Scorecard": the board view, measures down and months across. Each
 *   measure (and, with --by, each team or worker under it) is a block of
 *   five lines: Value, Target, RAG, Numerator, Denominator. Values are
 *   stored unrounded and shown to one decimal by the number format; the
 *   value and RAG cells are filled green, amber or red and the RAG cell also
 *   carries the word, so the sheet reads in greyscale. The measure id is in
 *   the last column, for lookups.
 * - one sheet per measure, named after its id (shortened to Excel's 31
 *   characters if need be): the monthly series (month, snapshot, numerator,
 *   denominator, value, target, gap, RAG, notes), per group when broken
 *   down, and the comparators beside it.
 * - "Inputs": each extract's path, size, SHA-256 and row accounting.
 *
 * Every number is a number cell; every piece of text, and above all text
 * that comes from the input (team and worker names, the title and
 * comparator labels of the targets file, paths), is a plain string cell.
 * Nothing is ever written as a formula, so `=HYPERLINK(...)` in a team name
 * stays inert text.
 *
 * The output depends on the report only: the document properties are
 * stamped with the as-at date, not the clock, and so are the zip entries, so
 * the same report gives the same bytes.
 */
import ExcelJS from 'exceljs';
import type { Alignment, Borders, Cell, Fill, Font, Worksheet } from 'exceljs';
import { formatDay, formatDayLong } from '../core/day.js';
import type { Period } from '../core/period.js';
import { UNITS } from '../measures/units.js';
import { inputPlace, type Scorecard, type ScorecardCell, type ScorecardRow } from '../report/scorecard.js';
import type { Rag } from '../report/targets.js';
import { capitalised, directionText, noBreakdownText, partialNote, unitSuffix } from './figure-text.js';
import { formatCount, oneDecimal } from './numbers.js';
import { withFixedZipTimestamps } from './zip-timestamps.js';

const MS_PER_DAY = 86_400_000;

/** Excel refuses longer cell text. */
const MAX_CELL_TEXT = 32_767;
/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

export const SCORECARD_SHEET = 'Scorecard';
export const INPUTS_SHEET = 'Inputs';
/** How the whole service is named in the Group column of a breakdown. */
export const WHOLE_SERVICE = 'Whole service';
/** The lines of each measure's block on the Scorecard sheet, in order. */
export const SCORECARD_LINES = ['Value', 'Target', 'RAG', 'Numerator', 'Denominator'] as const;

const RAG_WORD: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red', none: '' };
/** Excel's own "Good", "Neutral" and "Bad" cell styles: a light fill with a dark text of the same hue. */
const RAG_COLOURS: Record<Exclude<Rag, 'none'>, { readonly fill: string; readonly font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

const COUNT_FORMAT = '#,##0';
const GAP_FORMAT = '+0.0;-0.0;0.0';
const DATE_FORMAT = 'd mmm yyyy';

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN_TOP: Partial<Borders> = { top: { style: 'thin', color: { argb: 'FF808080' } } };
const HEADER_BORDER: Partial<Borders> = { bottom: { style: 'thin', color: { argb: 'FF000000' } } };
/** Labels repeated on the later lines of a block: there for filtering and sorting, quiet to the eye. */
const REPEATED: Partial<Font> = { color: { argb: 'FF8C8C8C' } };

type CellValue = string | number | Date | null;

interface CellStyle {
  readonly numFmt?: string;
  readonly font?: Partial<Font>;
  readonly fill?: Fill;
  readonly alignment?: Partial<Alignment>;
  readonly border?: Partial<Borders>;
}

/** Text as stored: always a string value, cut to the length Excel accepts. */
function text(s: string): string {
  return s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT - 1)}…` : s;
}

function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/**
 * Sets one cell. Strings are assigned as strings, which exceljs stores as
 * (shared) string cells whatever they look like; formulas would need an
 * object value, which this never builds.
 */
function put(ws: Worksheet, row: number, col: number, value: CellValue, style: CellStyle = {}): Cell {
  const cell = ws.getCell(row, col);
  // An empty text is an empty cell, not a shared string of length 0.
  cell.value = typeof value === 'string' ? (value === '' ? null : text(value)) : value;
  if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
  if (style.font !== undefined) cell.font = style.font;
  if (style.fill !== undefined) cell.fill = style.fill;
  if (style.alignment !== undefined) cell.alignment = style.alignment;
  if (style.border !== undefined) cell.border = style.border;
  return cell;
}

function ragFill(rag: Rag): Fill | undefined {
  return rag === 'none' ? undefined : { type: 'pattern', pattern: 'solid', fgColor: { argb: RAG_COLOURS[rag].fill } };
}

function ragStyle(rag: Rag, border: Partial<Borders> | undefined): CellStyle {
  const fill = ragFill(rag);
  return {
    alignment: { horizontal: 'center' },
    ...(fill === undefined ? {} : { fill, font: { bold: true, color: { argb: RAG_COLOURS[rag as Exclude<Rag, 'none'>].font } } }),
    ...(border === undefined ? {} : { border }),
  };
}

function header(ws: Worksheet, row: number, labels: readonly string[], firstCol = 1): void {
  labels.forEach((label, i) =>
    put(ws, row, firstCol + i, label, {
      font: { bold: true },
      fill: HEADER_FILL,
      border: HEADER_BORDER,
      alignment: { vertical: 'middle', wrapText: true },
    }),
  );
}

/** Column width from the longest text, within bounds. */
function widthFor(texts: readonly string[], min: number, max: number): number {
  const longest = texts.reduce((n, t) => Math.max(n, t.length), 0);
  return Math.min(max, Math.max(min, longest + 2));
}

function monthLabel(period: Period): string {
  return period.label + (period.partial ? ' *' : '');
}

function comparatorsText(row: ScorecardRow): string {
  return row.comparators.map(([label, v]) => `${label} ${oneDecimal(v)}${unitSuffix(row.unit)}`).join('; ');
}

function notesOf(row: ScorecardRow, cell: ScorecardCell): string {
  if (row.notComputable) return `not computable: ${row.notComputable}`;
  if (cell.notComputable) return `not computable: ${cell.notComputable}`;
  return cell.excluded.map(([reason, n]) => `${formatCount(n)} ${reason}`).join('; ');
}

function gapOf(cell: ScorecardCell): number | null {
  return cell.value !== null && cell.target !== null ? cell.value - cell.target : null;
}

function partialFootnote(report: Scorecard): string | null {
  const partial = report.periods.find((p) => p.partial);
  return partial ? `* ${partialNote(partial)}` : null;
}

/**
 * Sheet names for the measures: the id where Excel allows it, else the id
 * with the characters Excel forbids replaced and cut to 31 characters, with
 * a "~2", "~3" ... suffix if that collides (Excel compares names without
 * regard to case).
 */
export function measureSheetNames(ids: readonly string[], reserved: readonly string[] = [SCORECARD_SHEET, INPUTS_SHEET]): Map<string, string> {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  for (const id of ids) {
    if (names.has(id)) continue;
    const base = id.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '') || 'measure';
    let name = base.slice(0, MAX_SHEET_NAME);
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `~${n}`;
      name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    names.set(id, name);
  }
  return names;
}

function addScorecardSheet(wb: ExcelJS.Workbook, report: Scorecard): void {
  const ws = wb.addWorksheet(SCORECARD_SHEET);
  const grouped = report.by !== null;
  const byLabel = report.by === 'worker' ? 'Worker' : 'Team';

  put(ws, 1, 1, report.title ?? 'Scorecard', { font: { bold: true, size: 14 } });
  put(ws, 2, 1, `As at ${formatDayLong(report.asAt)}`, { font: { bold: true } });
  put(ws, 3, 1, `Working days: ${report.calendar}`);

  const headerRow = 5;
  const labelCols = grouped ? ['Measure', byLabel, 'Line'] : ['Measure', 'Line'];
  const firstMonthCol = labelCols.length + 1;
  const afterMonths = firstMonthCol + report.periods.length;
  const trailing = ['Better', 'Comparators', 'Notes', 'Id'];
  header(ws, headerRow, [...labelCols, ...report.periods.map(monthLabel), ...trailing]);
  for (let c = firstMonthCol; c < afterMonths; c++) ws.getCell(headerRow, c).alignment = { horizontal: 'right', wrapText: true };

  const groupTexts: string[] = [byLabel];
  const comparatorTexts: string[] = ['Comparators'];
  const noteTexts: string[] = ['Notes'];
  let r = headerRow + 1;
  for (const row of report.rows) {
    const groupText = row.group ?? WHOLE_SERVICE;
    const cellReasons = [...new Set(row.cells.flatMap((c) => (c.notComputable === null ? [] : [`${c.period.id} not computable: ${c.notComputable}`])))];
    const notes = row.notComputable ? `not computable: ${row.notComputable}` : ([...cellReasons, noBreakdownText(report, row) ?? ''].filter(Boolean).join('; '));
    const comparators = comparatorsText(row);
    groupTexts.push(groupText);
    comparatorTexts.push(comparators);
    noteTexts.push(notes);
    SCORECARD_LINES.forEach((line, i) => {
      const border = i === 0 ? THIN_TOP : undefined;
      const edge: CellStyle = border === undefined ? {} : { border };
      let c = 1;
      put(ws, r, c++, row.title, { ...edge, font: i === 0 ? { bold: true } : REPEATED });
      if (grouped) put(ws, r, c++, groupText, { ...edge, ...(i === 0 ? {} : { font: REPEATED }) });
      put(ws, r, c++, line, edge);
      row.cells.forEach((cell, m) => {
        const col = firstMonthCol + m;
        switch (line) {
          case 'Value': {
            if (cell.notComputable !== null) {
              put(ws, r, col, 'not computable', { ...edge, font: { italic: true } });
              break;
            }
            const fill = ragFill(cell.rag);
            put(ws, r, col, cell.value, { ...edge, numFmt: UNITS[row.unit].numberFormat, ...(fill === undefined ? {} : { fill }) });
            break;
          }
          case 'Target':
            put(ws, r, col, cell.target, { ...edge, numFmt: UNITS[row.unit].numberFormat });
            break;
          case 'RAG':
            put(ws, r, col, RAG_WORD[cell.rag] || null, ragStyle(cell.rag, border));
            break;
          case 'Numerator':
            put(ws, r, col, cell.numerator, { ...edge, numFmt: COUNT_FORMAT });
            break;
          case 'Denominator':
            put(ws, r, col, cell.denominator, { ...edge, numFmt: COUNT_FORMAT });
            break;
        }
      });
      c = afterMonths;
      put(ws, r, c++, i === 0 ? row.measure.direction : null, edge);
      put(ws, r, c++, i === 0 ? comparators : null, edge);
      put(ws, r, c++, i === 0 ? notes : null, edge);
      put(ws, r, c++, row.measure.id, { ...edge, font: REPEATED });
      r++;
    });
  }
  const lastRow = r - 1;

  r++;
  const partial = partialFootnote(report);
  if (partial) put(ws, r++, 1, partial, { font: { italic: true } });
  put(ws, r++, 1, 'Values are stored unrounded and shown to one decimal; RAG compares the unrounded value with the target.', { font: { italic: true } });
  put(ws, r++, 1, `${report.generator.name} ${report.generator.version}`, { font: { italic: true } });

  let c = 1;
  ws.getColumn(c++).width = widthFor(report.rows.map((row) => row.title), 30, 60);
  if (grouped) ws.getColumn(c++).width = widthFor(groupTexts, 12, 40);
  ws.getColumn(c++).width = 12;
  for (let m = 0; m < report.periods.length; m++) ws.getColumn(c++).width = 11;
  ws.getColumn(c++).width = 8;
  ws.getColumn(c++).width = widthFor(comparatorTexts, 12, 60);
  ws.getColumn(c++).width = widthFor(noteTexts, 12, 60);
  ws.getColumn(c++).width = widthFor(report.rows.map((row) => row.measure.id), 10, 32);

  ws.views = [{ state: 'frozen', xSplit: labelCols.length, ySplit: headerRow, topLeftCell: ws.getCell(headerRow + 1, labelCols.length + 1).address }];
  if (lastRow > headerRow) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: afterMonths + trailing.length - 1 } };
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
}

function addMeasureSheet(wb: ExcelJS.Workbook, report: Scorecard, name: string, rows: readonly ScorecardRow[]): void {
  const ws = wb.addWorksheet(name);
  const first = rows[0]!;
  const measure = first.measure;
  const grouped = report.by !== null;
  const byLabel = report.by === 'worker' ? 'Worker' : 'Team';

  put(ws, 1, 1, first.title, { font: { bold: true, size: 14 } });
  put(ws, 2, 1, `${measure.id} · ${directionText(first.measure.direction)} · ${first.unit}`);

  const headerRow = 4;
  const columns = [...(grouped ? [byLabel] : []), capitalised(first.cells[0]?.period.kind ?? 'month'), 'Snapshot', 'Numerator', 'Denominator', 'Value', 'Target', 'Gap', 'RAG', 'Notes'];
  header(ws, headerRow, columns);

  const groupTexts: string[] = [byLabel];
  const noteTexts: string[] = ['Notes'];
  let r = headerRow + 1;
  for (const row of rows) {
    const groupText = row.group ?? WHOLE_SERVICE;
    groupTexts.push(groupText);
    row.cells.forEach((cell, m) => {
      const edge: CellStyle = grouped && m === 0 && r > headerRow + 1 ? { border: THIN_TOP } : {};
      const notes = notesOf(row, cell);
      noteTexts.push(notes);
      const fill = ragFill(cell.rag);
      let c = 1;
      if (grouped) put(ws, r, c++, groupText, edge);
      put(ws, r, c++, cell.period.id, edge);
      put(ws, r, c++, dateOf(cell.period.snapshot), { ...edge, numFmt: DATE_FORMAT });
      put(ws, r, c++, cell.numerator, { ...edge, numFmt: COUNT_FORMAT });
      put(ws, r, c++, cell.denominator, { ...edge, numFmt: COUNT_FORMAT });
      put(ws, r, c++, cell.notComputable === null ? cell.value : 'not computable', { ...edge, numFmt: UNITS[row.unit].numberFormat, ...(fill === undefined ? {} : { fill }) });
      put(ws, r, c++, cell.target, { ...edge, numFmt: UNITS[row.unit].numberFormat });
      put(ws, r, c++, gapOf(cell), { ...edge, numFmt: GAP_FORMAT });
      put(ws, r, c++, RAG_WORD[cell.rag] || null, ragStyle(cell.rag, edge.border));
      put(ws, r, c++, notes, edge);
      r++;
    });
  }
  const lastRow = r - 1;

  // The comparators sit beside the series, from its header row down.
  const compCol = columns.length + 2;
  if (first.comparators.length > 0) {
    header(ws, headerRow, ['Comparator', 'Value'], compCol);
    first.comparators.forEach(([label, v], i) => {
      put(ws, headerRow + 1 + i, compCol, label);
      put(ws, headerRow + 1 + i, compCol + 1, v, { numFmt: UNITS[first.unit].numberFormat });
    });
  }

  r++;
  const partial = partialFootnote(report);
  if (partial) put(ws, r++, 1, partial, { font: { italic: true } });
  if (first.notComputable) put(ws, r++, 1, `Not computable: ${first.notComputable}`, { font: { italic: true } });
  const noBreakdown = noBreakdownText(report, first);
  if (noBreakdown) put(ws, r++, 1, capitalised(noBreakdown), { font: { italic: true } });

  let c = 1;
  if (grouped) ws.getColumn(c++).width = widthFor(groupTexts, 12, 40);
  for (const w of [9, 12, 12, 12, 9, 9, 9, 8]) ws.getColumn(c++).width = w;
  ws.getColumn(c++).width = widthFor(noteTexts, 12, 60);
  ws.getColumn(compCol).width = widthFor(['Comparator', ...first.comparators.map(([label]) => label)], 12, 40);
  ws.getColumn(compCol + 1).width = 9;

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: ws.getCell(headerRow + 1, 1).address }];
  if (lastRow > headerRow) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: columns.length } };
}

function addInputsSheet(wb: ExcelJS.Workbook, report: Scorecard): void {
  const ws = wb.addWorksheet(INPUTS_SHEET);
  put(ws, 1, 1, 'Inputs', { font: { bold: true, size: 14 } });
  put(ws, 2, 1, `As at ${formatDayLong(report.asAt)} (${formatDay(report.asAt)}); working days: ${report.calendar}`);
  put(ws, 3, 1, `${report.generator.name} ${report.generator.version}`);

  const headerRow = 5;
  header(ws, headerRow, ['Extract', 'File', 'Bytes', 'SHA-256', 'Read', 'Valid', 'Rejected', 'Duplicate']);
  let r = headerRow + 1;
  for (const input of report.inputs) {
    let c = 1;
    put(ws, r, c++, input.name);
    put(ws, r, c++, inputPlace(input));
    put(ws, r, c++, input.bytes, { numFmt: COUNT_FORMAT });
    put(ws, r, c++, input.sha256, { font: { name: 'Consolas' } });
    put(ws, r, c++, input.rows.read, { numFmt: COUNT_FORMAT });
    put(ws, r, c++, input.rows.valid, { numFmt: COUNT_FORMAT });
    put(ws, r, c++, input.rows.rejected, { numFmt: COUNT_FORMAT });
    put(ws, r, c++, input.rows.duplicate, { numFmt: COUNT_FORMAT });
    r++;
  }
  if (report.inputs.length === 0) put(ws, r, 1, 'No extracts were read.', { font: { italic: true } });

  const widths = [14, widthFor(['File', ...report.inputs.map(inputPlace)], 12, 80), 12, 68, 10, 10, 10, 10];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: ws.getCell(headerRow + 1, 1).address }];
}

/** Builds the workbook (without writing it). */
export function buildWorkbook(report: Scorecard): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Document properties from the report, never from the clock or the machine.
  const stamp = dateOf(report.asAt);
  wb.creator = report.generator.name;
  wb.lastModifiedBy = report.generator.name;
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = text(report.title ?? 'Scorecard');
  wb.subject = `Scorecard as at ${formatDay(report.asAt)}`;

  addScorecardSheet(wb, report);
  const byMeasure = new Map<string, ScorecardRow[]>();
  for (const row of report.rows) {
    const rows = byMeasure.get(row.measure.id);
    if (rows) rows.push(row);
    else byMeasure.set(row.measure.id, [row]);
  }
  const names = measureSheetNames([...byMeasure.keys()]);
  for (const [id, rows] of byMeasure) addMeasureSheet(wb, report, names.get(id)!, rows);
  addInputsSheet(wb, report);
  return wb;
}

export async function renderXlsx(report: Scorecard): Promise<Uint8Array> {
  const buffer = await buildWorkbook(report).xlsx.writeBuffer();
  // The zip writer stamps each entry with the clock; the as-at date replaces it.
  return withFixedZipTimestamps(new Uint8Array(buffer), report.asAt);
}
