/**
 * The CSV scorecard: one row per measure and period, full precision.
 *
 * Text cells that a spreadsheet would run as a formula (starting with =, +,
 * -, @, or a tab or carriage return) are prefixed with an apostrophe.
 */
import { formatDay } from '../core/day.js';
import type { Scorecard } from '../report/scorecard.js';
import { noBreakdownText } from './figure-text.js';

export const CSV_COLUMNS = [
  'metric',
  'title',
  'group',
  'period',
  'snapshot',
  'numerator',
  'denominator',
  'value',
  'unit',
  'target',
  'gap',
  'rag',
  'excluded',
  'note',
] as const;

/** Quotes a CSV cell when needed and neutralises spreadsheet formulas in text. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function renderCsv(report: Scorecard): string {
  let out = csvLine(CSV_COLUMNS);
  for (const row of report.rows) {
    for (const cell of row.cells) {
      out += csvLine([
        row.measure.id,
        row.title,
        row.group,
        cell.period.id,
        formatDay(cell.period.snapshot),
        cell.numerator,
        cell.denominator,
        cell.value,
        row.unit,
        cell.target,
        cell.value !== null && cell.target !== null ? cell.value - cell.target : null,
        cell.rag,
        cell.excluded.map(([reason, n]) => `${reason}=${n}`).join(';'),
        row.notComputable
          ? `not computable: ${row.notComputable}`
          : cell.notComputable
            ? `not computable: ${cell.notComputable}`
            : noBreakdownText(report, row),
      ]);
    }
  }
  return out;
}
