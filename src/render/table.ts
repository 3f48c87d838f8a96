/**
 * The scorecard as terminal tables (cli-table3): one section per measure,
 * one line per month with numerator / denominator, value, target, gap and
 * RAG, then the inputs and their row accounting. Values are rounded to one
 * decimal here and only here.
 */
import Table from 'cli-table3';
import { formatDayLong } from '../core/day.js';
import { inputPlace, type Scorecard, type ScorecardCell, type ScorecardRow } from '../report/scorecard.js';
import type { Rag } from '../report/targets.js';
import { capitalised, countsText, directionText, gap, monthText, noBreakdownText, partialNote, unitSuffix, valueText } from './figure-text.js';
import { formatCount, oneDecimal, signedOneDecimal } from './numbers.js';

export interface TableOptions {
  /** ANSI colours for RAG (only on a terminal, and never with NO_COLOR). */
  readonly colour: boolean;
}

const RAG_TEXT: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red', none: '' };
const RAG_COLOUR: Record<Rag, string> = { green: '\u001b[32m', amber: '\u001b[33m', red: '\u001b[31m', none: '' };
const RESET = '\u001b[0m';

/** Value minus target, from the value as shown, so the line adds up as printed. */
function gapText(row: ScorecardRow, cell: ScorecardCell): string {
  const g = gap(row, cell);
  return g === null ? '' : signedOneDecimal(g);
}

function notesText(row: ScorecardRow, cell: ScorecardCell): string {
  if (row.notComputable) return `not computable: ${row.notComputable}`;
  if (cell.notComputable) return `not computable: ${cell.notComputable}`;
  return cell.excluded.map(([reason, n]) => `${formatCount(n)} ${reason}`).join(', ');
}

function ragText(rag: Rag, colour: boolean): string {
  const text = RAG_TEXT[rag];
  return colour && text ? `${RAG_COLOUR[rag]}${text}${RESET}` : text;
}

function sectionTitle(row: ScorecardRow): string {
  if (row.group !== null) return `${row.title}: ${row.group}`;
  const comparators = row.comparators.map(([label, v]) => `${label} ${oneDecimal(v)}${unitSuffix(row.unit)}`).join(' · ');
  const lines = [`${row.title} (${row.measure.id}, ${directionText(row.measure.direction)})`];
  if (row.note) lines.push(`Note: ${row.note}`);
  if (comparators) lines.push(`Comparators: ${comparators}`);
  return lines.join('\n');
}

export function renderTable(report: Scorecard, options: TableOptions): string {
  const partial = report.periods.find((p) => p.partial);
  const lines: string[] = [];
  lines.push(`${report.title ?? 'Scorecard'}: as at ${formatDayLong(report.asAt)}`);
  lines.push(`Working days: ${report.calendar}`);
  lines.push('');

  for (const row of report.rows) {
    lines.push(sectionTitle(row));
    const table = new Table({
      head: [capitalised(row.cells[0]?.period.kind ?? 'month'), 'Numerator / denominator', 'Value', 'Target', 'Gap', 'RAG', 'Notes'],
      colAligns: ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
      style: { head: options.colour ? ['bold'] : [], border: [], compact: true },
    });
    for (const cell of row.cells) {
      table.push([
        monthText(cell),
        countsText(cell) ?? '—',
        cell.notComputable ? 'not computable' : (valueText(row, cell) ?? '—'),
        cell.target === null ? '' : oneDecimal(cell.target) + unitSuffix(row.unit),
        gapText(row, cell),
        ragText(cell.rag, options.colour),
        notesText(row, cell),
      ]);
    }
    lines.push(table.toString());
    const noBreakdown = noBreakdownText(report, row);
    if (noBreakdown) lines.push(`${capitalised(noBreakdown)}.`);
    lines.push('');
  }
  if (partial) lines.push(`* ${partialNote(partial)}`);
  lines.push('Values are rounded to one decimal; RAG compares the unrounded value with the target.');
  lines.push('');

  const inputs = new Table({
    head: ['Extract', 'File', 'Read', 'Valid', 'Rejected', 'Duplicate', 'SHA-256'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
    style: { head: options.colour ? ['bold'] : [], border: [], compact: true },
  });
  for (const input of report.inputs) {
    inputs.push([
      input.name,
      inputPlace(input),
      formatCount(input.rows.read),
      formatCount(input.rows.valid),
      formatCount(input.rows.rejected),
      formatCount(input.rows.duplicate),
      `${input.sha256.slice(0, 16)}…`,
    ]);
  }
  lines.push(inputs.toString());
  lines.push(`${report.generator.name} ${report.generator.version}`);
  return `${lines.join('\n')}\n`;
}
