/**
 * How the renderers word and round figures. Values are full precision in the
 * report model; the text formats (table, Markdown, HTML and its charts) round
 * them to one decimal here, for display only, all the same way.
 */
import { formatDayLong } from '../core/day.js';
import { type Period, type PeriodKind } from '../core/period.js';
import type { Direction } from '../measures/types.js';
import { type Unit, UNITS } from '../measures/units.js';
import type { Scorecard, ScorecardCell, ScorecardRow } from '../report/scorecard.js';
import type { Rag } from '../report/targets.js';
import { formatCount, oneDecimal, roundedRatio, shownRatio } from './numbers.js';

/** U+2212, the typographic minus, for signed figures read by people. */
const MINUS = '\u2212';

/** What follows a figure in a table or chart: "%" for a percentage, nothing for most others. */
export function unitSuffix(unit: Unit): string {
  return UNITS[unit].suffix;
}

/** The unit of a difference between two values. */
export function differenceUnit(unit: Unit): string {
  return UNITS[unit].difference;
}

/** The axis label of a unit. */
export function unitLabel(unit: Unit): string {
  return UNITS[unit].label;
}

const DIRECTION_TEXT: Readonly<Record<Direction, string>> = {
  higher: 'higher is better',
  lower: 'lower is better',
  neutral: 'neither higher nor lower is better',
};

export function directionText(direction: Direction): string {
  return DIRECTION_TEXT[direction];
}

/** The value rounded to one decimal as shown, or null when there is none. */
export function shownValue(row: ScorecardRow, cell: ScorecardCell): number | null {
  if (cell.numerator === null || cell.denominator === null || cell.denominator === 0) return null;
  return shownRatio(cell.numerator, cell.denominator, row.measure.scale);
}

/** "77.1%", or null when there is no value. */
export function valueText(row: ScorecardRow, cell: ScorecardCell): string | null {
  if (cell.numerator === null || cell.denominator === null || cell.denominator === 0) return null;
  return roundedRatio(cell.numerator, cell.denominator, row.measure.scale) + unitSuffix(row.unit);
}

/** A number in the measure's unit: "80.0%", "365.0". */
export function amountText(unit: Unit, x: number): string {
  return oneDecimal(x) + unitSuffix(unit);
}

/** "27 / 35", or null when not computable. */
export function countsText(cell: ScorecardCell): string | null {
  if (cell.numerator === null || cell.denominator === null) return null;
  return `${formatCount(cell.numerator)} / ${formatCount(cell.denominator)}`;
}

/** A signed figure with a true minus sign: "+2.5", "−11.0", "0.0". */
export function signed(x: number): string {
  const text = oneDecimal(x);
  if (text === '0.0' || text === '-0.0') return '0.0';
  return text.startsWith('-') ? MINUS + text.slice(1) : `+${text}`;
}

/**
 * Value minus target, from the rounded value shown, so the line adds up as
 * printed; null without a value or a target.
 */
export function gap(row: ScorecardRow, cell: ScorecardCell): number | null {
  const shown = shownValue(row, cell);
  if (shown === null || cell.target === null) return null;
  return shown - cell.target;
}

export function gapText(row: ScorecardRow, cell: ScorecardCell): string | null {
  const g = gap(row, cell);
  return g === null ? null : signed(g) + differenceUnit(row.unit);
}

export const RAG_WORD: Readonly<Record<Rag, string>> = { green: 'Green', amber: 'Amber', red: 'Red', none: 'No rating' };

/** Shapes, so a RAG rating reads without colour (greyscale, colour blindness). */
export const RAG_SYMBOL: Readonly<Record<Rag, string>> = { green: '\u2714', amber: '\u25C6', red: '\u2716', none: '\u2013' };

export const RAG_MEANING: Readonly<Record<Rag, string>> = {
  green: 'meets the target',
  amber: 'misses the target by no more than the tolerance',
  red: 'misses the target by more than the tolerance',
  none: 'no target or no value',
};

/** Why a cell has no rating. */
export function noRatingText(row: ScorecardRow, cell: ScorecardCell): string {
  if (row.notComputable !== null) return 'Not computable';
  if (shownValue(row, cell) === null) return 'No value';
  return 'No target';
}

export type Travel =
  | { readonly kind: 'improving' | 'worsening' | 'same' | 'changed'; readonly change: number; readonly previous: number }
  | { readonly kind: 'none'; readonly why: string };

/**
 * Direction of travel from the previous month to this one, in the measure's
 * direction (for a neutral measure, only that it changed). It compares the
 * values as shown (one decimal), so two months that print the same are "no
 * change".
 */
export function travel(row: ScorecardRow, index: number): Travel {
  const cell = row.cells[index];
  const before = index > 0 ? row.cells[index - 1] : undefined;
  if (!cell) return { kind: 'none', why: 'no month' };
  if (!before) return { kind: 'none', why: 'no earlier month in the report' };
  const now = shownValue(row, cell);
  const previous = shownValue(row, before);
  if (now === null) return { kind: 'none', why: `no value in ${cell.period.label}` };
  if (previous === null) return { kind: 'none', why: `no value in ${before.period.label}` };
  // Both are whole tenths: compare in tenths so 0.1 steps are exact.
  const change = Math.round(now * 10 - previous * 10) / 10;
  if (change === 0) return { kind: 'same', change, previous };
  if (row.measure.direction === 'neutral') return { kind: 'changed', change, previous };
  const better = row.measure.direction === 'higher' ? change > 0 : change < 0;
  return { kind: better ? 'improving' : 'worsening', change, previous };
}

export const TRAVEL_WORD = { improving: 'Improving', worsening: 'Worsening', same: 'No change', changed: 'Changed' } as const;

/** The arrow shows where the value moved; the word says whether that is better. */
export function travelArrow(t: Travel): string {
  if (t.kind === 'none') return '';
  if (t.kind === 'same') return '\u2192';
  return t.change > 0 ? '\u2191' : '\u2193';
}

/** "Apr 2021", with an asterisk for a month still in progress. */
export function monthText(cell: ScorecardCell): string {
  return cell.period.label + (cell.period.partial ? '*' : '');
}

export function partialNote(period: Period): string {
  return `${period.kind} in progress: figures as at ${formatDayLong(period.snapshot)}`;
}

/** The periods of a report in words: "Monthly", "Quarterly", "Yearly". */
export const PERIODICAL: Readonly<Record<PeriodKind, string>> = { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

/** A period's kind in the plural, capitalised, for headings: "Months", "Quarters", "Years". */
export const PERIODS_WORD: Readonly<Record<PeriodKind, string>> = { month: 'Months', quarter: 'Quarters', year: 'Years' };

/**
 * A chart's x-axis tick for a period: the short name and the year shown
 * under the first tick of each year ("Jan" / "2021"; "Q2" / "2021-22";
 * "2021-22" alone for a year).
 */
export function tickParts(period: Period): readonly [string, string | undefined] {
  if (period.kind === 'month') {
    const [abbr, year] = period.label.split(' ');
    return [abbr ?? period.label, year];
  }
  if (period.kind === 'quarter') {
    const q = period.id.lastIndexOf('Q');
    return [period.id.slice(q), period.id.slice(0, q)];
  }
  return [period.label, undefined];
}

/**
 * Why a measure has no breakdown by team or worker, when it has none:
 * "no breakdown by team: the assessments extract has no team column".
 */
export function noBreakdownText(report: Scorecard, row: ScorecardRow): string | null {
  if (row.noBreakdown === null || report.by === null) return null;
  return `no breakdown by ${report.by}: ${row.noBreakdown}`;
}

/** Text with its first letter a capital, to start a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An exclusion reason as words: "under-9-months" → "under 9 months". */
export function reasonText(reason: string): string {
  return reason.replace(/[-_]+/g, ' ');
}
