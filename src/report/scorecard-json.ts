/**
 * The shape of the JSON scorecard: one object, a stable schema. Built here,
 * in the report layer, because the run manifest holds the same results;
 * src/render/json.ts only serialises it.
 *
 *   { schemaVersion, generator {name, version}, asAt,
 *     inputs { <extract>: { path, [sheet,] sha256, rows {read, valid, rejected, duplicate} } },
 *     results [ { metric, period, numerator, denominator, value, unit, excluded {reason: count}, target, rag } ] }
 *
 * With a breakdown (--by team or worker) each result also has `group`: null
 * for the whole service, else the team or worker.
 *
 * Values are full precision. A measure that cannot be computed (its extract
 * was not supplied, had no valid rows, or lacks a column it needs) has
 * numerator, denominator and value null and `notComputable`, the reason; a
 * computable measure with nothing to count has numerator 0, denominator 0,
 * value null. With a breakdown, a measure whose records have no team (or
 * worker) column has `noBreakdown`, the reason, on its whole-service results
 * and no group results. Both fields appear only when they apply, so the
 * schema only gains fields (schemaVersion stays 1). A single period can be
 * not computable while the others are (a look-back before an extract's
 * coverage, no population for its year): its result alone carries
 * `notComputable`.
 */
import { formatDay } from '../core/day.js';
import type { Unit } from '../measures/types.js';
import type { RowCounts } from '../normalise/validate.js';
import type { Scorecard } from './scorecard.js';
import type { Rag } from './targets.js';

export const SCHEMA_VERSION = 1;

/** One measure for one month (and one group, with a breakdown). */
export interface ScorecardJsonResult {
  readonly metric: string;
  readonly period: string;
  /** Present only with --by: null for the whole service, else the team or worker. */
  readonly group?: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly unit: Unit;
  readonly excluded: Readonly<Record<string, number>>;
  readonly target: number | null;
  readonly rag: Rag;
  /** Only on a measure that cannot be computed: why. */
  readonly notComputable?: string;
  /** Only with --by, on a measure that cannot be broken down: why. */
  readonly noBreakdown?: string;
}

/** The whole JSON scorecard, as documented above. */
export interface ScorecardJson {
  readonly schemaVersion: number;
  readonly generator: { readonly name: string; readonly version: string };
  readonly asAt: string;
  /** `sheet` only for a sheet of a workbook (then `sha256` is the workbook's). */
  readonly inputs: Readonly<Record<string, { readonly path: string; readonly sheet?: string; readonly sha256: string; readonly rows: Readonly<RowCounts> }>>;
  readonly results: readonly ScorecardJsonResult[];
}

export function scorecardJson(report: Scorecard): ScorecardJson {
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: report.generator.name, version: report.generator.version },
    asAt: formatDay(report.asAt),
    inputs: Object.fromEntries(
      report.inputs.map((i) => [
        i.name,
        {
          path: i.path,
          ...(i.sheet === undefined ? {} : { sheet: i.sheet }),
          sha256: i.sha256,
          rows: { read: i.rows.read, valid: i.rows.valid, rejected: i.rows.rejected, duplicate: i.rows.duplicate },
        },
      ]),
    ),
    results: report.rows.flatMap((row) =>
      row.cells.map((cell): ScorecardJsonResult => ({
        metric: row.measure.id,
        period: cell.period.id,
        // Only breakdowns (--by team|worker) have a group; the whole service's rows say null.
        ...(report.by === null ? {} : { group: row.group }),
        numerator: cell.numerator,
        denominator: cell.denominator,
        value: cell.value,
        unit: row.unit,
        excluded: Object.fromEntries(cell.excluded),
        target: cell.target,
        rag: cell.rag,
        ...(row.notComputable === null ? (cell.notComputable === null ? {} : { notComputable: cell.notComputable }) : { notComputable: row.notComputable }),
        ...(row.noBreakdown === null ? {} : { noBreakdown: row.noBreakdown }),
      })),
    ),
  };
}
