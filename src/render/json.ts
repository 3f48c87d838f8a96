/**
 * The JSON scorecard: one object, a stable schema.
 *
 *   { schemaVersion, generator {name, version}, asAt,
 *     inputs { <extract>: { path, sha256, rows {read, valid, rejected, duplicate} } },
 *     results [ { metric, period, numerator, denominator, value, unit, excluded {reason: count}, target, rag } ] }
 *
 * With a breakdown (--by team or worker) each result also has `group`: null
 * for the whole service, else the team or worker.
 *
 * Values are full precision. A measure that cannot be computed (its extract
 * was not supplied) has numerator, denominator and value null; a computable
 * measure with nothing to count has numerator 0, denominator 0, value null.
 */
import { formatDay } from '../core/day.js';
import type { Scorecard } from '../report/scorecard.js';

export const SCHEMA_VERSION = 1;

export function scorecardJson(report: Scorecard): object {
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: report.generator.name, version: report.generator.version },
    asAt: formatDay(report.asAt),
    inputs: Object.fromEntries(
      report.inputs.map((i) => [
        i.name,
        {
          path: i.path,
          sha256: i.sha256,
          rows: { read: i.rows.read, valid: i.rows.valid, rejected: i.rows.rejected, duplicate: i.rows.duplicate },
        },
      ]),
    ),
    results: report.rows.flatMap((row) =>
      row.cells.map((cell) => ({
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
      })),
    ),
  };
}

export function renderJson(report: Scorecard): string {
  return `${JSON.stringify(scorecardJson(report), null, 2)}\n`;
}
