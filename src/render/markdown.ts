/**
 * The scorecard as Markdown (GitHub-flavoured tables), for pasting into
 * papers and wikis.
 *
 * A heading with the title and as-at date; per measure a section with its
 * id, direction and comparators and a table of the months (numerator /
 * denominator, value, target, gap, RAG, notes), then one table per team or
 * worker when broken down; then the inputs with their row accounting. The
 * RAG column has a symbol and the word, so it reads without colour. Values
 * are rounded to one decimal as in the terminal table (numbers.ts).
 *
 * Text from the input (team and worker names, the title and comparator
 * labels of the targets file, paths) goes through `escapeMarkdown`, so it
 * can neither break a table nor turn into markup, links or HTML.
 */
import { formatDayLong } from '../core/day.js';
import { inputPlace, type Scorecard, type ScorecardCell, type ScorecardRow } from '../report/scorecard.js';
import type { Rag } from '../report/targets.js';
import { capitalised, countsText, directionText, gap, noBreakdownText, unitSuffix, valueText } from './figure-text.js';
import { formatCount, oneDecimal, signedOneDecimal } from './numbers.js';

const RAG_TEXT: Record<Rag, string> = { green: '🟢 Green', amber: '🟠 Amber', red: '🔴 Red', none: '' };

/**
 * Text made literal for a Markdown table cell or heading.
 *
 * - line breaks and other control characters become spaces, so text cannot
 *   end a table row or start a block of its own;
 * - `&`, `<` and `>` become entities, so no HTML (`<script>`), autolink or
 *   entity survives;
 * - the characters of inline markup and tables (`\ ` * _ ~ [ ] | # $`) are
 *   backslash-escaped: no emphasis, code, links, images, maths, a heading's
 *   closing `#`s, or a `|` splitting a cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\`*_~[\]|#$]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Value minus target, from the value as shown, so the line adds up as printed. */
function gapText(row: ScorecardRow, cell: ScorecardCell): string {
  const g = gap(row, cell);
  return g === null ? '' : signedOneDecimal(g);
}

function notesText(row: ScorecardRow, cell: ScorecardCell): string {
  if (row.notComputable) return `not computable: ${escapeMarkdown(row.notComputable)}`;
  if (cell.notComputable) return `not computable: ${escapeMarkdown(cell.notComputable)}`;
  return cell.excluded.map(([reason, n]) => `${formatCount(n)} ${escapeMarkdown(reason)}`).join(', ');
}

function tableLine(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

function monthTable(row: ScorecardRow): string[] {
  const lines = [
    tableLine([capitalised(row.cells[0]?.period.kind ?? 'month'), 'Numerator / denominator', 'Value', 'Target', 'Gap', 'RAG', 'Notes']),
    '| :-- | --: | --: | --: | --: | :-- | :-- |',
  ];
  for (const cell of row.cells) {
    lines.push(
      tableLine([
        cell.period.label + (cell.period.partial ? ' \\*' : ''),
        countsText(cell) ?? '—',
        cell.notComputable ? 'not computable' : (valueText(row, cell) ?? '—'),
        cell.target === null ? '' : oneDecimal(cell.target) + unitSuffix(row.unit),
        gapText(row, cell),
        RAG_TEXT[cell.rag],
        notesText(row, cell),
      ]),
    );
  }
  return lines;
}

function measureSection(row: ScorecardRow): string[] {
  const lines = [`## ${escapeMarkdown(row.title)}`, ''];
  lines.push(`\`${row.measure.id}\` · ${row.unit} · ${directionText(row.measure.direction)}`, '');
  if (row.comparators.length > 0) {
    const comparators = row.comparators.map(([label, v]) => `${escapeMarkdown(label)} ${oneDecimal(v)}${unitSuffix(row.unit)}`);
    lines.push(`Comparators: ${comparators.join(' · ')}`, '');
  }
  return lines;
}

export function renderMarkdown(report: Scorecard): string {
  const partial = report.periods.find((p) => p.partial);
  const byLabel = report.by === 'worker' ? 'Worker' : 'Team';
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(report.title ?? 'Scorecard')}: as at ${formatDayLong(report.asAt)}`, '');
  lines.push(`Working days: ${escapeMarkdown(report.calendar)}.`, '');
  lines.push('Values are rounded to one decimal; RAG compares the unrounded value with the target.', '');

  for (const row of report.rows) {
    if (row.group === null) lines.push(...measureSection(row));
    else lines.push(`### ${byLabel}: ${escapeMarkdown(row.group)}`, '');
    if (row.notComputable) {
      lines.push(`Not computable: ${escapeMarkdown(row.notComputable)}.`, '');
      continue;
    }
    lines.push(...monthTable(row), '');
    const noBreakdown = noBreakdownText(report, row);
    if (noBreakdown) lines.push(`${escapeMarkdown(capitalised(noBreakdown))}.`, '');
  }
  if (partial) lines.push(`\\* Month in progress: figures as at ${formatDayLong(partial.snapshot)}.`, '');

  lines.push('## Inputs', '');
  if (report.inputs.length === 0) {
    lines.push('No extracts were read.', '');
  } else {
    lines.push(tableLine(['Extract', 'File', 'Bytes', 'Read', 'Valid', 'Rejected', 'Duplicate', 'SHA-256']));
    lines.push('| :-- | :-- | --: | --: | --: | --: | --: | :-- |');
    for (const input of report.inputs) {
      lines.push(
        tableLine([
          escapeMarkdown(input.name),
          escapeMarkdown(inputPlace(input)),
          formatCount(input.bytes),
          formatCount(input.rows.read),
          formatCount(input.rows.valid),
          formatCount(input.rows.rejected),
          formatCount(input.rows.duplicate),
          `\`${input.sha256}\``,
        ]),
      );
    }
    lines.push('');
  }
  lines.push(`Generated by ${escapeMarkdown(report.generator.name)} ${escapeMarkdown(report.generator.version)}.`);
  return `${lines.join('\n')}\n`;
}
