/**
 * The scorecard report model: every measure for every period, with its
 * target and RAG, and the accounting of the inputs. Renderers (table, JSON,
 * CSV) read only this model.
 */
import type { Day } from '../core/day.js';
import type { Period } from '../core/period.js';
import { evaluate } from '../measures/index.js';
import type { Measure, MeasureContext, MeasureData, Unit } from '../measures/types.js';
import type { ExtractName } from '../normalise/extracts.js';
import type { RowCounts } from '../normalise/validate.js';
import { defaultTolerance, type Rag, rag, targetFor, type Targets, toleranceAmount } from './targets.js';

export interface InputSummary {
  readonly name: ExtractName;
  /** The path as given on the command line or found in the data folder. */
  readonly path: string;
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
}

export interface ScorecardRow {
  readonly measure: Measure;
  readonly unit: Unit;
  /** Why the whole measure is not computable, if it is not. */
  readonly notComputable: string | null;
  /** Comparators from the targets file (label, value), printed beside the measure. */
  readonly comparators: readonly (readonly [string, number])[];
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
}

/** `scale * numerator / denominator`, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number, scale: number): number | null {
  return denominator === 0 ? null : (scale * numerator) / denominator;
}

/** Excluded counts as [reason, count], sorted by reason so output never depends on record order. */
export function sortedExclusions(excluded: ReadonlyMap<string, number>): [string, number][] {
  return [...excluded].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Computes every measure for every period and rates it against the targets. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const { measures, data, context, periods, targets } = input;
  const rows = measures.map((measure): ScorecardRow => {
    const measureTargets = targets?.measures.get(measure.id);
    const tolerance = measureTargets?.tolerance ?? defaultTolerance(measure);
    const evaluation = evaluate(measure, data, context, periods);
    const cells = periods.map((period, i): ScorecardCell => {
      const target = targetFor(measureTargets, period.month);
      if (!evaluation.computable) {
        return { period, numerator: null, denominator: null, value: null, excluded: [], target, rag: 'none' };
      }
      const t = evaluation.tallies[i]!;
      const value = ratio(t.numerator, t.denominator, measure.scale);
      return {
        period,
        numerator: t.numerator,
        denominator: t.denominator,
        value,
        excluded: sortedExclusions(t.excluded),
        target,
        rag: rag(value, target, measure.direction, target === null ? 0 : toleranceAmount(tolerance, target)),
      };
    });
    return {
      measure,
      unit: measure.unit,
      notComputable: evaluation.computable ? null : evaluation.reason,
      comparators: measureTargets?.comparators ?? [],
      cells,
    };
  });
  return {
    generator: input.generator,
    asAt: context.asAt,
    title: targets?.title ?? null,
    periods,
    calendar: context.calendar.describe(),
    inputs: input.inputs,
    rows,
  };
}
