/**
 * The scorecard report model: every measure for every period, with its
 * target and RAG, and the accounting of the inputs. Renderers (table, JSON,
 * CSV) read only this model.
 */
import type { Day } from '../core/day.js';
import type { Period } from '../core/period.js';
import { evaluate, type Evaluation, whyNoBreakdown } from '../measures/index.js';
import { type Grouping, type Measure, type MeasureContext, type MeasureData, NO_GROUP, type Tally, type Unit } from '../measures/types.js';
import type { ExtractName } from '../normalise/extracts.js';
import type { RowCounts } from '../normalise/validate.js';
import { defaultTolerance, type Rag, rag, targetFor, type Targets, toleranceAmount } from './targets.js';

/** Where an input was read from, as shown: `contacts.csv`, `annex-a.xlsx!List 1`. */
export function inputPlace(input: Pick<InputSummary, 'path' | 'sheet'>): string {
  return input.sheet === undefined ? input.path : `${input.path}!${input.sheet}`;
}

export interface InputSummary {
  readonly name: ExtractName;
  /** The path as given on the command line or found in the data folder (for a sheet, its workbook's). */
  readonly path: string;
  /** For a sheet of a workbook: the sheet's name. */
  readonly sheet?: string;
  /** SHA-256 of the file (for a sheet, of the whole workbook). */
  readonly sha256: string;
  readonly bytes: number;
  readonly rows: Readonly<RowCounts>;
}

export interface ScorecardCell {
  readonly period: Period;
  /** null when the measure is not computable. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** scale * numerator / denominator; null when the denominator is 0 or not computable. */
  readonly value: number | null;
  /** Records left out, by reason, sorted by reason. */
  readonly excluded: readonly (readonly [string, number])[];
  readonly target: number | null;
  readonly rag: Rag;
  /**
   * Why this period's figure is not computable when the rest of the row is
   * (its look-back starts before an extract's coverage, no population for
   * its year); null otherwise. Then numerator, denominator and value are null.
   */
  readonly notComputable: string | null;
}

export interface ScorecardRow {
  readonly measure: Measure;
  /** The measure's title under the rules in force. */
  readonly title: string;
  /** The team or worker of a breakdown row; null for the whole service. */
  readonly group: string | null;
  readonly unit: Unit;
  /** Why the whole measure is not computable, if it is not. */
  readonly notComputable: string | null;
  /**
   * On the whole-service row of a breakdown (--by): why the measure cannot be
   * broken down (its records have no team or worker column); null otherwise.
   */
  readonly noBreakdown: string | null;
  /** Comparators from the targets file (label, value), printed beside the measure. */
  readonly comparators: readonly (readonly [string, number])[];
  /** The targets file's note on the measure, if any. */
  readonly note: string | null;
  readonly cells: readonly ScorecardCell[];
}

export interface Generator {
  readonly name: string;
  readonly version: string;
}

export interface Scorecard {
  readonly generator: Generator;
  readonly asAt: Day;
  readonly title: string | null;
  readonly periods: readonly Period[];
  readonly calendar: string;
  readonly inputs: readonly InputSummary[];
  /** Breakdown by team or worker, when asked for. */
  readonly by: Grouping | null;
  /** Per measure: the whole service first, then each group (by name, records with none last). */
  readonly rows: readonly ScorecardRow[];
}

export interface ScorecardInput {
  readonly generator: Generator;
  readonly measures: readonly Measure[];
  readonly data: MeasureData;
  readonly context: MeasureContext;
  readonly periods: readonly Period[];
  readonly inputs: readonly InputSummary[];
  readonly targets?: Targets | undefined;
  readonly by?: Grouping | undefined;
  /**
   * Measures already run (see runMeasure), by id: another thread's share of
   * the work. The rest are run here, over `data`.
   */
  readonly runs?: ReadonlyMap<string, MeasureRun> | undefined;
}

/** What a scorecard needs of one measure: its evaluation, and with a breakdown its run per group. */
export interface MeasureRun {
  readonly whole: Evaluation;
  /** Why there is no breakdown, when one was asked for and cannot be made (see whyNoBreakdown). */
  readonly noBreakdown?: string | undefined;
  /** The run per team or worker, when one was asked for and can be made. */
  readonly grouped?: Evaluation | undefined;
}

/**
 * Runs one measure for a scorecard: over every period, and again per team
 * or worker when `by` is given and the measure's records have that column.
 * A pure function of its arguments, so any thread can run it.
 */
export function runMeasure(measure: Measure, data: MeasureData, context: MeasureContext, periods: readonly Period[], by?: Grouping): MeasureRun {
  const whole = evaluate(measure, data, context, periods);
  if (!whole.computable || by === undefined) return { whole };
  // Without the column, every record would fall in one "(none)" group: the breakdown says why there is none instead.
  const noBreakdown = whyNoBreakdown(measure, data, by);
  if (noBreakdown !== undefined) return { whole, noBreakdown };
  // A separate run: a caseload's distinct workers are counted within each group.
  return { whole, grouped: evaluate(measure, data, context, periods, undefined, { groupBy: by }) };
}

/** `scale * numerator / denominator`, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number, scale: number): number | null {
  return denominator === 0 ? null : (scale * numerator) / denominator;
}

/** Excluded counts as [reason, count], sorted by reason so output never depends on record order. */
export function sortedExclusions(excluded: ReadonlyMap<string, number>): [string, number][] {
  return [...excluded].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function byName(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_GROUP) return 1;
  if (b === NO_GROUP) return -1;
  return a < b ? -1 : 1;
}

/** Computes every measure for every period and rates it against the targets. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const { measures, data, context, periods, targets, by } = input;
  const rows = measures.flatMap((measure): ScorecardRow[] => {
    const measureTargets = targets?.measures.get(measure.id);
    const tolerance = measureTargets?.tolerance ?? defaultTolerance(measure);
    const comparators = measureTargets?.comparators ?? [];
    const note = measureTargets?.note ?? null;
    const title = measure.title(context.rules);
    const cellsOf = (tallies: readonly Tally[] | null, whole: readonly Tally[] | null = tallies): ScorecardCell[] =>
      periods.map((period, i): ScorecardCell => {
        const target = targetFor(measureTargets, period.lastMonth);
        const t = tallies?.[i];
        if (!t) return { period, numerator: null, denominator: null, value: null, excluded: [], target, rag: 'none', notComputable: null };
        const notComputable = whole?.[i]?.notComputable ?? null;
        if (notComputable !== null) return { period, numerator: null, denominator: null, value: null, excluded: [], target, rag: 'none', notComputable };
        const value = ratio(t.numerator, t.denominator, measure.scale);
        return {
          period,
          numerator: t.numerator,
          denominator: t.denominator,
          value,
          excluded: sortedExclusions(t.excluded),
          target,
          rag: rag(value, target, measure.direction, target === null ? 0 : toleranceAmount(tolerance, target)),
          notComputable: null,
        };
      });
    const row = { measure, title, unit: measure.unit, comparators, note };
    const { whole, noBreakdown, grouped } = input.runs?.get(measure.id) ?? runMeasure(measure, data, context, periods, by);
    if (!whole.computable) {
      return [{ ...row, group: null, notComputable: whole.reason, noBreakdown: null, cells: cellsOf(null) }];
    }
    const rows: ScorecardRow[] = [{ ...row, group: null, notComputable: null, noBreakdown: noBreakdown ?? null, cells: cellsOf(whole.tallies) }];
    if (grouped?.computable) {
      for (const group of [...grouped.groups.keys()].sort(byName)) {
        rows.push({ ...row, group, notComputable: null, noBreakdown: null, cells: cellsOf(grouped.groups.get(group)!, grouped.tallies) });
      }
    }
    return rows;
  });
  return {
    generator: input.generator,
    asAt: context.asAt,
    title: targets?.title ?? null,
    periods,
    calendar: context.calendar.describe(),
    inputs: input.inputs,
    by: by ?? null,
    rows,
  };
}
